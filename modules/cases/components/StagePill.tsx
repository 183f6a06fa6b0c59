import { getTranslations } from 'next-intl/server';

const TONE: Record<string, string> = {
  accepted: 'bg-slate-100 text-slate-800',
  reviewing: 'bg-indigo-50 text-indigo-800',
  supervising: 'bg-sky-100 text-sky-900',
  closed: 'bg-slate-200 text-slate-700',
};

export async function StagePill({ stage }: { stage: string }) {
  const t = await getTranslations('cases');
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[stage] ?? ''}`}>{t(`stage.${stage}`)}</span>;
}
