import { getTranslations } from 'next-intl/server';

const TONE: Record<string, string> = {
  draft: 'bg-slate-100 text-slate-700',
  returned: 'bg-amber-100 text-amber-900',
  submitted: 'bg-indigo-50 text-indigo-800',
  approved: 'bg-indigo-100 text-indigo-900',
  issued: 'bg-sky-100 text-sky-900',
  served: 'bg-sky-100 text-sky-900',
  acknowledged: 'bg-sky-50 text-sky-800',
  objected: 'bg-orange-100 text-orange-900',
  reply_submitted: 'bg-violet-100 text-violet-900',
  replied: 'bg-emerald-100 text-emerald-900',
  evaluated: 'bg-emerald-50 text-emerald-800',
  closed: 'bg-slate-200 text-slate-800',
  archived: 'bg-slate-200 text-slate-600',
  withdrawn: 'bg-slate-200 text-slate-600 line-through',
};

export async function StatusPill({ status }: { status: string }) {
  const t = await getTranslations('recommendations.status');
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status] ?? ''}`}>{t(status)}</span>;
}
