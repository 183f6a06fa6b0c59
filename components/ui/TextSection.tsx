import type { ReactNode } from 'react';

/** A long text of a record under its small heading, line breaks kept; nothing when there is no text. */
export function TextSection({ label, body }: { label: ReactNode; body: string | null | undefined }) {
  if (!body) return null;
  return (
    <section>
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <p className="mt-1 whitespace-pre-wrap text-sm leading-relaxed">{body}</p>
    </section>
  );
}
