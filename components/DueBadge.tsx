import { getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';

/** Due date with days left or days overdue (derived from today; never stored). */
export async function DueBadge({ dueDate, daysLeft, daysOverdue }: { dueDate: string | null; daysLeft: number | null; daysOverdue: number }) {
  const t = await getTranslations('recommendations.due');
  if (!dueDate) return <span className="text-slate-400">—</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <DateText iso={dueDate} />
      {daysOverdue > 0 ? (
        <span data-testid="days-overdue" className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
          {t('overdue', { days: daysOverdue })}
        </span>
      ) : daysLeft !== null ? (
        <span className={`rounded px-2 py-0.5 text-xs ${daysLeft <= 7 ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-700'}`}>
          {daysLeft === 0 ? t('dueToday') : t('left', { days: daysLeft })}
        </span>
      ) : null}
    </span>
  );
}
