import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { db } from '@/lib/data/db';
import { parsePeriod, PERIOD_YEARS, recommendationOverview, type Ratio } from '@/lib/data/overview';
import { isoToUtcDate, todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';

/**
 * The leaders' overview (feature `recommendations.overview`): figures for the period chosen in
 * the GET form (`from`, `to`), computed by `recommendationOverview` (definitions there and on the
 * page); every figure links to /recommendations filtered to what it counts.
 */

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('overview') };
}

const LINK = 'text-brand-600 underline underline-offset-2 hover:text-brand-800';

/** A bar for a share of a whole (decoration: the number is always written beside it). */
function Bar({ value, of }: { value: number; of: number }) {
  const pct = of > 0 ? Math.round((value / of) * 100) : 0;
  return (
    <span aria-hidden="true" className="inline-block h-2 w-24 rounded bg-slate-100 align-middle sm:w-40">
      <span className="block h-2 rounded bg-brand-600" style={{ width: `${pct}%` }} />
    </span>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireFeature('recommendations.overview');
  const today = todayInChina();
  const sp = await searchParams;
  const { period, errors } = parsePeriod({ from: sp.from, to: sp.to }, today);
  const [t, format, locale, o] = await Promise.all([
    getTranslations('overview'),
    getFormatter(),
    getLocale(),
    recommendationOverview(db(), actor, period, today),
  ]);
  const en = locale === 'en';
  const court = actor.institutionKind === 'COURT';
  const day = (iso: string) => format.dateTime(isoToUtcDate(iso), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const pct = (r: number) => format.number(r, { style: 'percent', maximumFractionDigits: 1 });
  const from = day(period.from);
  const to = day(period.to);
  const errorOf = (field: 'from' | 'to') => errors.find((e) => e.field === field);
  const fieldLabel = { from: t('period.from'), to: t('period.to') };

  /** A count linking to its list; the link's name says what is counted. */
  const countLink = (count: number, href: string, label: string) => (
    <Link href={href} aria-label={label} className={LINK}>
      {format.number(count)}
    </Link>
  );

  const replied = { href: o.links.replied, label: t('rates.repliedLabel', { count: o.replies.replied }) };
  const rates: { key: 'onTime' | 'adoption' | 'fullAdoption' | 'rectification'; ratio: Ratio; count?: { href: string; label: string }; total?: { href: string; label: string } }[] = [
    {
      key: 'onTime',
      ratio: o.rates.onTime,
      count: { href: o.links.onTime, label: t('rates.onTime.countLabel', { count: o.rates.onTime.count }) },
      total: replied,
    },
    // (adopted + partly adopted) has no single list: the Replies table links each part.
    { key: 'adoption', ratio: o.rates.adoption, total: replied },
    {
      key: 'fullAdoption',
      ratio: o.rates.fullAdoption,
      count: { href: o.links.adopted, label: t('rates.fullAdoption.countLabel', { count: o.rates.fullAdoption.count }) },
      total: replied,
    },
    {
      key: 'rectification',
      ratio: o.rates.rectification,
      count: { href: o.links.rectified, label: t('rates.rectification.countLabel', { count: o.rates.rectification.count }) },
      total: { href: o.links.evaluated, label: t('rates.rectification.totalLabel', { count: o.rates.rectification.of }) },
    },
  ];

  const replyRows: { key: 'replied' | 'onTime' | 'late' | 'adopted' | 'partlyAdopted' | 'notAdopted' | 'adoptionNotRecorded' | 'evaluated' | 'rectified'; count: number; href?: string; indent?: boolean }[] = [
    { key: 'replied', count: o.replies.replied, href: o.links.replied },
    { key: 'onTime', count: o.replies.onTime, href: o.links.onTime, indent: true },
    { key: 'late', count: o.replies.late, href: o.links.late, indent: true },
    { key: 'adopted', count: o.replies.adopted, href: o.links.adopted, indent: true },
    { key: 'partlyAdopted', count: o.replies.partlyAdopted, href: o.links.partlyAdopted, indent: true },
    { key: 'notAdopted', count: o.replies.notAdopted, href: o.links.notAdopted, indent: true },
    ...(o.replies.adoptionNotRecorded > 0 ? [{ key: 'adoptionNotRecorded' as const, count: o.replies.adoptionNotRecorded, indent: true }] : []),
    { key: 'evaluated', count: o.replies.evaluated, href: o.links.evaluated, indent: true },
    { key: 'rectified', count: o.replies.rectified, href: o.links.rectified, indent: true },
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{court ? t('introCourt') : t('introProcuratorate')}</p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('asOf', { date: day(today) })}</p>
      </div>

      {errors.length > 0 && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">{t('errors.heading')}</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.map((e) => (
              <li key={e.field} id={`${e.field}-error`}>
                {t(`errors.${e.code}`, { field: fieldLabel[e.field], value: e.value, min: String(PERIOD_YEARS.min), max: String(PERIOD_YEARS.max) })}
              </li>
            ))}
          </ul>
        </div>
      )}

      <form method="get" action="/overview" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <fieldset>
          <legend className="font-medium">{t('period.legend')}</legend>
          <div className="mt-2 flex flex-wrap items-end gap-4">
            {(['from', 'to'] as const).map((field) => (
              <div key={field}>
                <label htmlFor={`period-${field}`} className="block">
                  {fieldLabel[field]}
                </label>
                <input
                  id={`period-${field}`}
                  type="date"
                  name={field}
                  defaultValue={period[field]}
                  min={`${PERIOD_YEARS.min}-01-01`}
                  max={`${PERIOD_YEARS.max}-12-31`}
                  aria-invalid={errorOf(field) ? true : undefined}
                  aria-describedby={errorOf(field) ? `${field}-error period-help` : 'period-help'}
                  className="mt-1 block rounded border border-slate-300 px-2 py-1"
                />
              </div>
            ))}
            <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
              {t('period.submit')}
            </button>
            <Link href="/overview" className={`py-1.5 ${LINK}`}>
              {t('period.reset')}
            </Link>
          </div>
          <p id="period-help" className="mt-2 text-slate-600">
            {t('period.help')}
          </p>
        </fieldset>
      </form>

      <p className="text-lg">
        {t('total.summary', { from, to })}{' '}
        <Link href={o.links.total} aria-label={t('total.linkLabel', { count: o.total, from, to })} className={`font-semibold ${LINK}`}>
          {t('total.link', { count: o.total })}
        </Link>
      </p>

      <Card id="rates" title={t('rates.title')}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('rates.caption')}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t('rates.measure')}</th>
                <th scope="col" className="py-2 font-medium">{t('rates.value')}</th>
              </tr>
            </thead>
            <tbody>
              {rates.map(({ key, ratio, count, total }) => (
                <tr key={key} className="border-t border-slate-100 align-top" data-testid={`rate-${key}`}>
                  <th scope="row" className="py-3 pr-4 text-left font-normal">
                    <span className="block font-medium">{t(`rates.${key}.name`)}</span>
                    <span className="block text-xs text-slate-500">{t(`rates.${key}.short`)}</span>
                  </th>
                  <td className="py-3">
                    {ratio.rate === null ? (
                      <>
                        <span className="text-xl font-semibold">{t('rates.none')}</span>
                        <p className="text-xs text-slate-600">{t(`rates.${key}.empty`)}</p>
                      </>
                    ) : (
                      <>
                        <span className="block">
                          {t.rich('rates.valueText', {
                            rate: pct(ratio.rate),
                            count: ratio.count,
                            total: ratio.of,
                            countLink: (chunks) =>
                              count ? (
                                <Link href={count.href} aria-label={count.label} className={LINK}>
                                  {chunks}
                                </Link>
                              ) : (
                                <span>{chunks}</span>
                              ),
                            totalLink: (chunks) =>
                              total ? (
                                <Link href={total.href} aria-label={total.label} className={LINK}>
                                  {chunks}
                                </Link>
                              ) : (
                                <span>{chunks}</span>
                              ),
                          })}
                        </span>
                        <Bar value={ratio.count} of={ratio.of} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card id="replies" title={t('replies.title')}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('replies.caption')}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t('replies.what')}</th>
                <th scope="col" className="py-1 text-right font-medium">{t('replies.count')}</th>
              </tr>
            </thead>
            <tbody>
              {replyRows.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className={`py-1 pr-3 text-left font-normal ${r.indent ? 'pl-3' : 'font-medium'}`}>
                    {t(`replies.${r.key}`)}
                  </th>
                  <td className="py-1 text-right tabular-nums">
                    {r.href ? (
                      countLink(r.count, r.href, t('replies.linkLabel', { what: t(`replies.${r.key}`), count: r.count }))
                    ) : (
                      <>
                        {format.number(r.count)} <span className="text-xs text-slate-500">{t('replies.noLink')}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>

        {(
          [
            {
              key: 'byStatus',
              id: 'by-status',
              rows: o.byStatus.map((s) => {
                const label = t(`status.${s.status}`);
                return { key: s.status, label, count: s.count, href: s.href, linkLabel: t('byStatus.linkLabel', { status: label, count: s.count }) };
              }),
              head: t('byStatus.status'),
            },
            {
              key: 'byType',
              id: 'by-type',
              rows: o.byType.map((x) => {
                const label = t(`type.${x.type}`);
                return { key: x.type, label, count: x.count, href: x.href, linkLabel: t('byType.linkLabel', { type: label, count: x.count }) };
              }),
              head: t('byType.type'),
            },
          ] as const
        ).map((b) => (
          <Card key={b.key} id={b.id} title={t(`${b.key}.title`)}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t(`${b.key}.caption`)}</caption>
              <thead className="text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{b.head}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t(`${b.key}.count`)}</th>
                </tr>
              </thead>
              <tbody>
                {b.rows.map((r) => (
                  <tr key={r.key} className="border-t border-slate-100">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {r.label}
                      <span className="mt-0.5 block">
                        <Bar value={r.count} of={o.total} />
                      </span>
                    </th>
                    <td className="py-1 text-right tabular-nums">{r.count > 0 ? countLink(r.count, r.href, r.linkLabel) : format.number(0)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-slate-300">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">{t(`${b.key}.total`)}</th>
                  <td className="py-1 text-right font-medium tabular-nums">
                    {countLink(o.total, o.links.total, t('total.linkLabel', { count: o.total, from, to }))}
                  </td>
                </tr>
              </tfoot>
            </table>
          </Card>
        ))}
      </div>

      <Card id="overdue" title={t('overdue.title')}>
        <p className="text-sm text-slate-600">{t('overdue.intro')}</p>
        {o.overdue.total === 0 ? (
          <p className="mt-3 text-sm">{t('overdue.none')}</p>
        ) : (
          <>
            <p className="mt-2 text-sm">
              <Link href={o.overdue.href} aria-label={t('overdue.countLabel', { count: o.overdue.total })} className={`font-semibold ${LINK}`}>
                {t('overdue.count', { count: o.overdue.total })}
              </Link>
            </p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="overdue-table">
                <caption className="sr-only">{t('overdue.caption')}</caption>
                <thead className="text-slate-500">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">{t('overdue.number')}</th>
                    <th scope="col" className="py-2 pr-3 font-medium">{t('overdue.recTitle')}</th>
                    {court && <th scope="col" className="py-2 pr-3 font-medium">{t('overdue.issuer')}</th>}
                    <th scope="col" className="py-2 pr-3 font-medium">{t('overdue.addressee')}</th>
                    <th scope="col" className="py-2 pr-3 font-medium">{t('overdue.dueDate')}</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">{t('overdue.daysOverdue')}</th>
                    <th scope="col" className="py-2 pr-3 font-medium">{t('overdue.urged')}</th>
                    <th scope="col" className="py-2 font-medium">{t('overdue.escalated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.overdue.rows.map((r) => (
                    <tr key={r.id} className="border-t border-slate-100 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">{r.number ?? t('overdue.noNumber')}</td>
                      <th scope="row" className="py-2 pr-3 text-left font-normal">
                        <Link href={`/recommendations/${r.id}`} className={`font-medium ${LINK}`}>
                          {r.title}
                        </Link>
                      </th>
                      {court && <td className="py-2 pr-3">{en ? r.institution.nameEn : r.institution.name}</td>}
                      <td className="py-2 pr-3">{en ? r.addresseeCourt.nameEn : r.addresseeCourt.name}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <DateText iso={r.dueDate} />
                      </td>
                      <td className="py-2 pr-3 text-right whitespace-nowrap">
                        <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t('overdue.days', { days: r.daysOverdue })}</span>
                      </td>
                      <td className="py-2 pr-3">{r.urged ? t('overdue.yes') : t('overdue.no')}</td>
                      <td className="py-2">{r.escalated ? t('overdue.yes') : t('overdue.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {o.overdue.total > o.overdue.rows.length && (
              <p className="mt-2 text-sm text-slate-600">{t('overdue.more', { shown: o.overdue.rows.length, total: o.overdue.total })}</p>
            )}
          </>
        )}
      </Card>

      <Card id="definitions" title={t('definitions.title')}>
        <DefinitionList
          rows={[
            { term: t('definitions.period'), value: t('definitions.periodText') },
            { term: t('definitions.visibility'), value: t('definitions.visibilityText') },
            { term: t('definitions.byStatus'), value: t('definitions.byStatusText') },
            { term: t('definitions.replied'), value: t('definitions.repliedText') },
            { term: t('definitions.onTime'), value: t('definitions.onTimeText') },
            { term: t('definitions.adoption'), value: t('definitions.adoptionText') },
            { term: t('definitions.rectification'), value: t('definitions.rectificationText') },
            { term: t('definitions.noRate'), value: t('definitions.noRateText') },
            { term: t('definitions.overdue'), value: t('definitions.overdueText', { limit: o.overdue.limit }) },
          ]}
        />
      </Card>
    </div>
  );
}
