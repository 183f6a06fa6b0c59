import Link from 'next/link';
import { ClientMessages } from '@/components/ClientMessages';

/**
 * The one layout of every record page (recommendation, supervision case, committee meeting,
 * attendance request, retrial matter, non-litigation application, enforcement inquiry, lead):
 * back link, title, status row, an optional note that a due date is provisional, the main column,
 * and the aside with what the user may do next; the audit trail of the user's own institution
 * closes the main column. Its step forms (client components) get their messages here.
 */
export function RecordPage({
  back,
  title,
  status,
  statusTestId,
  provisional,
  banner,
  next,
  audit,
  children,
}: {
  back: { href: string; label: string };
  title: React.ReactNode;
  /** The status row under the title: pills, numbers, parties. */
  status?: React.ReactNode;
  statusTestId?: string;
  /** Shown when a due date falls in a year without an official holiday calendar. */
  provisional?: string | null;
  /** Full-width content between the header and the two columns. */
  banner?: React.ReactNode;
  next: { title: string; children: React.ReactNode };
  audit?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <ClientMessages>
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={back.href} className="text-brand-600 underline">
            {back.label}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
        {status && (
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm" data-testid={statusTestId}>
            {status}
          </div>
        )}
        {provisional && (
          <p role="note" className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {provisional}
          </p>
        )}
      </div>

      {banner}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {children}
          {audit}
        </div>
        <aside aria-labelledby="next-title" className="space-y-4">
          <h2 id="next-title" className="text-lg font-semibold">
            {next.title}
          </h2>
          {next.children}
        </aside>
      </div>
    </div>
    </ClientMessages>
  );
}
