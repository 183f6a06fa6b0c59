import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MatterTable } from '@/modules/retrial/components/MatterTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { listMatters } from '@/lib/data/retrial';
import { todayInChina } from '@/lib/domain/dates';
import { fileableKinds, RETRIAL_KINDS, RETRIAL_STATUSES } from '@/lib/domain/retrial/machine';
import type { SearchParams } from '@/lib/lists/define';
import { retrialList } from '@/lib/lists/retrial';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('retrial') };
}

export default async function RetrialPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('retrial.list');
  const { filter: filters, page } = retrialList.parse(await searchParams);
  const [t, list] = await Promise.all([getTranslations('retrial'), listMatters(db(), actor, filters, todayInChina(), page)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('list.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('list.intro')}</p>
        </div>
        {fileableKinds(actor).length > 0 && (
          <Link href="/retrial/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('list.new')}
          </Link>
        )}
      </div>
      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={retrialList.href({})} hidden={retrialList.hidden(filters, page, ['kind', 'status', 'overdue'])}>
        <SelectFilter name="kind" label={t('fields.kind')} value={filters.kind ?? ''} any={t('list.any')} options={optionsOf(RETRIAL_KINDS, (k) => t(`kind.${k}`))} />
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(RETRIAL_STATUSES, (s) => t(`status.${s}`))} />
        <CheckboxFilter name="overdue" label={t('list.overdueOnly')} checked={filters.overdue} />
      </FilterForm>
      <Card id="results" title={t('list.count', { count: list.total })}>
        <MatterTable rows={list.rows} caption={t('list.title')} />
        <Pager list={retrialList} filter={filters} page={list} label={t('list.title')} />
      </Card>
    </div>
  );
}
