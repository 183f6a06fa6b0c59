import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import type { ApplicationView } from '@/lib/data/non-litigation';

const STATE_TONE: Record<string, string> = {
  notStarted: 'text-slate-500',
  running: 'bg-sky-50 text-sky-900',
  waiting: 'bg-sky-50 text-sky-900',
  overdue: 'bg-red-100 text-red-800 font-semibold',
  done: 'bg-emerald-50 text-emerald-900',
  elapsed: 'bg-emerald-50 text-emerald-900',
  doneLate: 'bg-amber-100 text-amber-900',
  premature: 'bg-amber-100 text-amber-900',
  missing: 'bg-amber-100 text-amber-900',
  lapsed: 'bg-slate-100 text-slate-700',
};

/**
 * The statutory timeline: one row per stage with its period and legal source, the date it runs
 * from, the computed due date (deadline engine + holiday calendar), when it was done and its state.
 */
export async function StageTable({ stages, caption }: { stages: ApplicationView['stages']; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations('nonLitigation'), getLocale()]);
  const en = locale === 'en';
  const period = (p: { months?: number; days?: number } | null) => {
    if (!p) return t('stages.noPeriod');
    return p.months ? t('stages.months', { count: p.months }) : t('stages.days', { count: p.days ?? 0 });
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="stage-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t('stages.stage')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('stages.period')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('stages.from')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('stages.due')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('stages.doneOn')}</th>
            <th scope="col" className="py-2 font-medium">{t('stages.state')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.key} className="border-t border-slate-100 align-top" data-testid={`stage-${s.key}`} data-state={s.state}>
              <th scope="row" className="py-2 pr-3 font-medium">
                {t(`stage.${s.key}`)}
                <div className="text-xs font-normal text-slate-500">{t(`stageKind.${s.kind}`)}</div>
              </th>
              <td className="py-2 pr-3">
                {period(s.period)}
                {s.source && <div className="text-xs text-slate-500">{en ? s.source.en : s.source.zh}</div>}
              </td>
              <td className="py-2 pr-3">
                {s.from ? <DateText iso={s.from} /> : '—'}
                {s.startsAt && <div className="text-xs text-slate-500">{en ? s.startsAt.en : s.startsAt.zh}</div>}
              </td>
              <td className="py-2 pr-3">
                {s.due ? (
                  s.state === 'overdue' || s.state === 'running' || s.state === 'waiting' ? (
                    <DueBadge dueDate={s.due} daysLeft={s.daysLeft} daysOverdue={s.daysOverdue} />
                  ) : (
                    <DateText iso={s.due} />
                  )
                ) : (
                  '—'
                )}
              </td>
              <td className="py-2 pr-3">{s.doneOn ? <DateText iso={s.doneOn} /> : '—'}</td>
              <td className="py-2">
                <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STATE_TONE[s.state] ?? ''}`}>{t(`stageState.${s.state}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
