import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApplicationTable } from '@/modules/non-litigation/components/ApplicationTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { db } from '@/lib/data/db';
import { listApplications, type ListFilters } from '@/lib/data/non-litigation';
import { todayInChina } from '@/lib/domain/dates';
import { decideRegister, NON_LITIGATION_STATUSES, type NonLitigationStatus } from '@/lib/domain/non-litigation/machine';
import { among, one, type SearchParams } from '@/lib/web/params';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('nonLitigation') };
}

/** List filters from the URL; anything malformed is ignored. */
function parseFilters(sp: SearchParams): ListFilters {
  return {
    status: among<NonLitigationStatus>(NON_LITIGATION_STATUSES, one(sp.status)),
    overdue: one(sp.overdue) === '1',
    stalled: one(sp.stalled) === '1',
    flagged: one(sp.flagged) === '1',
  };
}

export default async function NonLitigationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('nonLitigation.list');
  const today = todayInChina();
  const filters = parseFilters(await searchParams);
  const [t, rows] = await Promise.all([getTranslations('nonLitigation'), listApplications(db(), actor, filters, today)]);
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
      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref="/non-litigation">
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(NON_LITIGATION_STATUSES, (s) => t(`status.${s}`))} />
        {check('overdue')}
        {check('stalled')}
        {side === 'procuratorate' && check('flagged')}
      </FilterForm>
      <Card id="results" title={t('list.count', { count: rows.length })}>
        <ApplicationTable rows={rows} side={side} caption={t('list.title')} />
      </Card>
    </div>
  );
}
