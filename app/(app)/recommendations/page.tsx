import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecommendationTable } from '@/components/recommendations/RecommendationTable';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { listRecommendations } from '@/lib/data/recommendations';
import { todayInChina } from '@/lib/domain/dates';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';
import { RECOMMENDATION_STATUSES } from '@/lib/domain/recommendations/machine';
import { can } from '@/lib/domain/policy';
import { requireFeature } from '@/lib/web/session';
import { parseListParams } from './params';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('recommendations') };
}

export default async function RecommendationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireFeature('recommendations.list');
  const today = todayInChina();
  const isProcurator = actor.role === 'PROCURATOR';
  const filters = parseListParams(await searchParams, isProcurator);
  const [t, rows] = await Promise.all([getTranslations('recommendations'), listRecommendations(db(), actor, filters, today)]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const heading = side === 'court' ? t('list.courtTitle') : isProcurator && filters.mine ? t('list.mineTitle') : t('list.allTitle');
  const statuses = side === 'court' ? RECOMMENDATION_STATUSES.filter((s) => !['draft', 'submitted', 'returned', 'approved', 'issued'].includes(s)) : RECOMMENDATION_STATUSES;
  const extra = [
    filters.servedFrom && t('list.servedFrom', { date: filters.servedFrom }),
    filters.servedTo && t('list.servedTo', { date: filters.servedTo }),
    filters.replied && t(`list.replied.${filters.replied}`),
    filters.adoption && t(`adoption.${filters.adoption}`),
    filters.rectified && t(`list.rectified.${filters.rectified}`),
  ].filter(Boolean);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{heading}</h1>
          <p className="mt-1 text-sm text-slate-600">{side === 'court' ? t('list.courtIntro') : t('list.procuratorateIntro')}</p>
        </div>
        {can(actor, 'recommendations.draft') && (
          <Link href="/recommendations/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('list.new')}
          </Link>
        )}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t('list.filters')}>
        <div>
          <label htmlFor="f-status" className="block font-medium">{t('fields.status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-type" className="block font-medium">{t('fields.type')}</label>
          <select id="f-type" name="type" defaultValue={filters.type ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {RECOMMENDATION_TYPES.map((x) => (
              <option key={x} value={x}>{t(`type.${x}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2">
          <input id="f-overdue" type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
          <label htmlFor="f-overdue">{t('list.overdueOnly')}</label>
        </div>
        {isProcurator && (
          <div>
            <label htmlFor="f-mine" className="block font-medium">{t('list.scope')}</label>
            <select id="f-mine" name="mine" defaultValue={filters.mine ? '1' : '0'} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="1">{t('list.mine')}</option>
              <option value="0">{t('list.allOfInstitution')}</option>
            </select>
          </div>
        )}
        {filters.servedFrom && <input type="hidden" name="servedFrom" value={filters.servedFrom} />}
        {filters.servedTo && <input type="hidden" name="servedTo" value={filters.servedTo} />}
        {filters.replied && <input type="hidden" name="replied" value={filters.replied} />}
        {filters.adoption && <input type="hidden" name="adoption" value={filters.adoption} />}
        {filters.rectified && <input type="hidden" name="rectified" value={filters.rectified} />}
        <button type="submit" className="rounded border border-slate-300 bg-slate-50 px-3 py-1 hover:bg-slate-100">
          {t('list.apply')}
        </button>
        <Link href="/recommendations" className="px-1 py-1 text-brand-600 underline">
          {t('list.reset')}
        </Link>
      </form>
      <Card id="results" title={t('list.count', { count: rows.length })}>
        {extra.length > 0 && <p className="mb-3 text-sm text-slate-600">{t('list.alsoFiltered', { what: extra.join(' · ') })}</p>}
        <RecommendationTable rows={rows} side={side} caption={heading} />
      </Card>
    </div>
  );
}
