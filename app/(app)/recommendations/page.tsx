import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecommendationTable } from '@/modules/recommendations/components/RecommendationTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { listRecommendations } from '@/lib/data/recommendations';
import { todayInChina } from '@/lib/domain/dates';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';
import { INTERNAL_STATUSES, RECOMMENDATION_STATUSES } from '@/lib/domain/recommendations/machine';
import { can } from '@/lib/domain/policy';
import type { SearchParams } from '@/lib/lists/define';
import { recommendationList } from '@/lib/lists/recommendations';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('recommendations') };
}

export default async function RecommendationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('recommendations.list');
  const today = todayInChina();
  const isProcurator = actor.role === 'PROCURATOR';
  const { filter: filters, page } = recommendationList.parse(await searchParams);
  const [t, list] = await Promise.all([getTranslations('recommendations'), listRecommendations(db(), actor, filters, today, page)]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const heading = side === 'court' ? t('list.courtTitle') : isProcurator && filters.mine ? t('list.mineTitle') : t('list.allTitle');
  const statuses = side === 'court' ? RECOMMENDATION_STATUSES.filter((s) => !INTERNAL_STATUSES.includes(s)) : RECOMMENDATION_STATUSES;
  const extra = [
    filters.pending && t(`list.pending.${filters.pending}`),
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
      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={recommendationList.href({})}
        hidden={recommendationList.hidden(filters, page, isProcurator ? ['status', 'type', 'overdue', 'mine'] : ['status', 'type', 'overdue'])}
      >
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(statuses, (s) => t(`status.${s}`))} />
        <SelectFilter name="type" label={t('fields.type')} value={filters.type ?? ''} any={t('list.any')} options={optionsOf(RECOMMENDATION_TYPES, (x) => t(`type.${x}`))} />
        <CheckboxFilter name="overdue" label={t('list.overdueOnly')} checked={filters.overdue} />
        {isProcurator && (
          <SelectFilter
            name="mine"
            label={t('list.scope')}
            value={filters.mine ? '1' : '0'}
            options={[
              { value: '1', label: t('list.mine') },
              { value: '0', label: t('list.allOfInstitution') },
            ]}
          />
        )}
      </FilterForm>
      <Card id="results" title={t('list.count', { count: list.total })}>
        {extra.length > 0 && <p className="mb-3 text-sm text-slate-600">{t('list.alsoFiltered', { what: extra.join(' · ') })}</p>}
        <RecommendationTable rows={list.rows} side={side} caption={heading} />
        <Pager list={recommendationList} filter={filters} page={list} label={heading} />
      </Card>
    </div>
  );
}
