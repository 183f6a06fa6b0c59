import { getTranslations } from 'next-intl/server';

const TONE: Record<string, string> = {
  scheduled: 'bg-slate-100 text-slate-700',
  notified: 'bg-sky-100 text-sky-900',
  attendee_named: 'bg-indigo-100 text-indigo-900',
  held: 'bg-violet-100 text-violet-900',
  recorded: 'bg-amber-100 text-amber-900',
  confirmed: 'bg-emerald-100 text-emerald-900',
  cancelled: 'bg-slate-200 text-slate-600 line-through',
  pending: 'bg-amber-100 text-amber-900',
  accepted: 'bg-emerald-100 text-emerald-900',
  declined: 'bg-slate-200 text-slate-700',
};

/** A meeting's or request's status, from `committee.status.*` / `committee.requestStatus.*`. */
export async function StatusPill({ status, kind = 'meeting' }: { status: string; kind?: 'meeting' | 'request' }) {
  const t = await getTranslations('committee');
  return (
    <span data-testid={`${kind}-status`} className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status] ?? ''}`}>
      {kind === 'meeting' ? t(`status.${status}`) : t(`requestStatus.${status}`)}
    </span>
  );
}
