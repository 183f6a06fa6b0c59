import { getTranslations } from 'next-intl/server';

const TONE: Record<string, string> = {
  decision_final: 'bg-slate-100 text-slate-700',
  demanded: 'bg-slate-100 text-slate-800',
  applied: 'bg-sky-100 text-sky-900',
  accepted: 'bg-indigo-50 text-indigo-800',
  not_accepted: 'bg-orange-100 text-orange-900',
  ruled_enforce: 'bg-indigo-100 text-indigo-900',
  ruled_refuse: 'bg-orange-100 text-orange-900',
  under_review: 'bg-violet-100 text-violet-900',
  enforcing: 'bg-sky-100 text-sky-900',
  enforced: 'bg-emerald-100 text-emerald-900',
  stalled: 'bg-red-100 text-red-800',
  closed: 'bg-slate-200 text-slate-700',
};

/** An application's status, localized. */
export async function StatusPill({ status }: { status: string }) {
  const t = await getTranslations('nonLitigation.status');
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status] ?? ''}`}>{t(status)}</span>;
}
