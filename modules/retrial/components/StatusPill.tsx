import { getTranslations } from 'next-intl/server';

const TONE: Record<string, string> = {
  filed: 'bg-sky-100 text-sky-900',
  under_review: 'bg-violet-100 text-violet-900',
  decided: 'bg-slate-200 text-slate-800',
  retrial_ordered: 'bg-emerald-100 text-emerald-900',
  refused: 'bg-orange-100 text-orange-900',
};

/** A matter's status, or its decision once decided. */
export async function RetrialStatusPill({ status, decision }: { status: string; decision?: string | null }) {
  const t = await getTranslations('retrial');
  const key = status === 'decided' && decision ? decision : status;
  const label = status === 'decided' && decision ? t(`decision.${decision}`) : t(`status.${status}`);
  return (
    <span data-testid="retrial-status" className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[key] ?? ''}`}>
      {label}
    </span>
  );
}
