import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { TimelineEntry } from '@/lib/data/recommendations';

const DETAIL_KEYS = ['comment', 'reason', 'number', 'servedOn', 'dueDate', 'previousDueDate', 'replyOn', 'escalatedTo', 'daysOverdue', 'committeeDecisionNo', 'outcome', 'method', 'adoption', 'rectified', 'late', 'months', 'years'] as const;

/** Every event (both sides' shared steps, and this side's internal ones), then this side's audit trail. */
export async function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, format, locale] = await Promise.all([getTranslations('recommendations'), getFormatter(), getLocale()]);
  const en = locale === 'en';
  const events = entries.filter((e) => e.source === 'event');
  const audits = entries.filter((e) => e.source === 'audit');
  const when = (d: Date) => format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const value = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (k === 'rectified') return t(v ? 'rectified.yes' : 'rectified.no');
    if (k === 'late') return v ? t('timeline.late') : t('timeline.onTime');
    if (k === 'adoption') return t(`adoption.${String(v)}`);
    if (k === 'method') return t(`serviceMethod.${String(v)}`);
    if (k === 'outcome') return t(`steps.upholdObjection.${String(v)}`);
    return String(v);
  };
  return (
    <div className="space-y-6">
      <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5" data-testid="timeline">
        {events.map((e) => (
          <li key={e.key} className="relative">
            <span aria-hidden="true" className={`absolute -left-[27px] top-1 h-3 w-3 rounded-full ${e.internal ? 'bg-slate-400' : 'bg-brand-600'}`} />
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{t(`event.${e.kind}`)}</span>
              {e.toStatus && e.fromStatus !== e.toStatus && (
                <span className="text-xs text-slate-500">→ {t(`status.${e.toStatus}`)}</span>
              )}
              {e.internal && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{t('timeline.internal')}</span>}
            </div>
            <div className="text-sm text-slate-600">
              <time dateTime={e.at.toISOString()}>{when(e.at)}</time>
              {e.actorName && (
                <>
                  {' · '}
                  {e.actorName}
                  {e.institutionName && ` (${en ? e.institutionNameEn : e.institutionName})`}
                </>
              )}
            </div>
            {e.data && (
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
                {DETAIL_KEYS.filter((k) => value(k, e.data?.[k]) !== '').map((k) => (
                  <div key={k} className="contents">
                    <dt className="text-slate-500">{t(`timeline.data.${k}`)}</dt>
                    <dd className="whitespace-pre-wrap">{value(k, e.data?.[k])}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
      <details className="rounded border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t('timeline.auditTitle', { count: audits.length })}</summary>
        <p className="mt-2 text-xs text-slate-500">{t('timeline.auditHelp')}</p>
        <table className="mt-2 w-full text-left text-xs">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">{t('timeline.when')}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t('timeline.who')}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t('timeline.what')}</th>
              <th scope="col" className="py-1 font-medium">{t('timeline.change')}</th>
            </tr>
          </thead>
          <tbody>
            {audits.map((a) => {
              const before = (a.data?.before ?? {}) as Record<string, unknown>;
              const after = (a.data?.after ?? {}) as Record<string, unknown>;
              const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
              return (
                <tr key={a.key} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-2 whitespace-nowrap">
                    <time dateTime={a.at.toISOString()}>{when(a.at)}</time>
                  </td>
                  <td className="py-1 pr-2">{a.actorName ?? '—'}</td>
                  <td className="py-1 pr-2">
                    <code>{a.kind}</code>
                  </td>
                  <td className="py-1 break-all">
                    {keys.slice(0, 8).map((k) => (
                      <div key={k}>
                        <code>{k}</code>: {before[k] === undefined ? '' : `${JSON.stringify(before[k])} → `}
                        {JSON.stringify(after[k])}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
