import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApplicationTable } from '@/modules/non-litigation/components/ApplicationTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { listApplications } from '@/lib/data/non-litigation';
import { todayInChina } from '@/lib/domain/dates';
import { decideRegister, NON_LITIGATION_STATUSES } from '@/lib/domain/non-litigation/machine';
import type { SearchParams } from '@/lib/lists/define';
import { applicationList } from '@/lib/lists/non-litigation';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('nonLitigation') };
}

export default async function NonLitigationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('nonLitigation.list');
  const today = todayInChina();
  const { filter: filters, page } = applicationList.parse(await searchParams);
  const [t, list] = await Promise.all([getTranslations('nonLitigation'), listApplications(db(), actor, filters, today, page)]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const check = (name: 'overdue' | 'stalled' | 'flagged') => <CheckboxFilter name={name} label={t(`list.${name}Only`)} checked={filters[name]} />;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('list.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{side === 'court' ? t('list.courtIntro') : t('list.procuratorateIntro')}</p>
        </div>
        {decideRegister(actor).ok && (
          <Link href="/non-litigation/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('list.new')}
          </Link>
        )}
      </div>
      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={applicationList.href({})} hidden={applicationList.hidden(filters, page, side === 'procuratorate' ? ['status', 'overdue', 'stalled', 'flagged'] : ['status', 'overdue', 'stalled'])}>
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(NON_LITIGATION_STATUSES, (s) => t(`status.${s}`))} />
        {check('overdue')}
        {check('stalled')}
        {side === 'procuratorate' && check('flagged')}
      </FilterForm>
      <Card id="results" title={t('list.count', { count: list.total })}>
        <ApplicationTable rows={list.rows} side={side} caption={t('list.title')} />
        <Pager list={applicationList} filter={filters} page={list} label={t('list.title')} />
      </Card>
    </div>
  );
}
