import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { WorkflowTimelineEntry } from '@/lib/data/workflow';

/**
 * A timeline of WorkflowEvent entries (see lib/data/workflow.ts `timelineOf`). Labels come from
 * the feature's catalog: `<namespace>.event.<kind>` for the step, `<namespace>.status.<status>`
 * for the state reached, `<namespace>.data.<key>` for each detail listed in `details`; a detail
 * whose value is a code is shown in words when `values` names its catalog group
 * (`<namespace>.<group>.<code>`, a yes/no as `yes` / `no`). Internal events (only the viewer's own
 * institution sees them) are marked.
 */
export async function WorkflowTimeline({
  entries,
  namespace,
  details,
  values = {},
  testId = 'timeline',
  showRecordType = false,
}: {
  entries: WorkflowTimelineEntry[];
  namespace: string;
  details: readonly string[];
  /** Details whose values are codes: detail key → catalog group under the namespace. */
  values?: Readonly<Record<string, string>>;
  testId?: string;
  /** Prefix each step with its record type (a case's joint timeline spans several records). */
  showRecordType?: boolean;
}) {
  const [t, tc, format, locale] = await Promise.all([getTranslations(namespace), getTranslations('common'), getFormatter(), getLocale()]);
  const en = locale === 'en';
  const when = (d: Date) => format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const show = (v: unknown, k?: string): string => {
    if (v === null || v === undefined || v === '') return '';
    const group = k ? values[k] : undefined;
    if (group && (typeof v === 'string' || typeof v === 'boolean')) {
      const code = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
      if (t.has(`${group}.${code}`)) return t(`${group}.${code}`);
    }
    if (typeof v === 'boolean') return v ? tc('yes') : tc('no');
    if (Array.isArray(v)) return v.join('、');
    return String(v);
  };
  if (entries.length === 0) return <p className="text-sm text-slate-600">{tc('noEvents')}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5" data-testid={testId}>
      {entries.map((e) => (
        <li key={e.key} className="relative">
          <span aria-hidden="true" className={`absolute -left-[27px] top-1 h-3 w-3 rounded-full ${e.internal ? 'bg-slate-400' : 'bg-brand-600'}`} />
          <div className="flex flex-wrap items-baseline gap-x-2">
            {showRecordType && <span className="text-xs uppercase tracking-wide text-slate-500">{t(`recordType.${e.recordType}`)}</span>}
            <span className="font-medium">{t(`event.${e.kind}`)}</span>
            {e.toStatus && e.toStatus !== e.fromStatus && t.has(`status.${e.toStatus}`) && (
              <span className="text-xs text-slate-500">→ {t(`status.${e.toStatus}`)}</span>
            )}
            {e.internal && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{tc('internal')}</span>}
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
              {details
                .filter((k) => show(e.data?.[k], k) !== '')
                .map((k) => (
                  <div key={k} className="contents">
                    <dt className="text-slate-500">{t(`data.${k}`)}</dt>
                    <dd className="whitespace-pre-wrap">{show(e.data?.[k], k)}</dd>
                  </div>
                ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
