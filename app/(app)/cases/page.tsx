import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseTable } from '@/modules/cases/components/CaseTable';
import { tagLabel } from '@/modules/cases/components/labels';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { caseOptions, listCases } from '@/lib/data/cases';
import { db } from '@/lib/data/db';
import { CASE_STAGES, TAG_FILTERS } from '@/lib/domain/cases/machine';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import { todayInChina } from '@/lib/domain/dates';
import { caseList } from '@/lib/lists/cases';
import type { SearchParams } from '@/lib/lists/define';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('cases') };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('cases.list');
  const today = todayInChina();
  const isProcurator = actor.role === 'PROCURATOR';
  const { filter: filters, page } = caseList.parse(await searchParams);
  const [t, list, options] = await Promise.all([getTranslations('cases'), listCases(db(), actor, filters, today, page), caseOptions(db(), actor)]);
  const named = filters.procurator ? options.procurators.find((p) => p.id === filters.procurator) : undefined;
  const heading = named ? t('list.handlerTitle', { name: named.name }) : isProcurator && filters.mine ? t('list.mineTitle') : t('list.allTitle');
  const tagFilterLabel = (f: string) => (f === 'pension_fraud' ? t('tag.pension_fraud') : tagLabel(t, f));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{heading}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('list.intro')}</p>
        </div>
        <Link href="/cases/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('list.new')}
        </Link>
      </div>
      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={caseList.href({})}
        hidden={caseList.hidden(filters, page, isProcurator ? ['kind', 'stage', 'tag', 'procurator', 'overdue', 'mine'] : ['kind', 'stage', 'tag', 'procurator', 'overdue'])}
      >
        <SelectFilter name="kind" label={t('fields.kind')} value={filters.kind ?? ''} any={t('list.any')} options={optionsOf(CASE_KINDS, (k) => t(`kind.${k}`))} />
        <SelectFilter name="stage" label={t('fields.stage')} value={filters.stage ?? ''} any={t('list.any')} options={optionsOf(CASE_STAGES, (s) => t(`stage.${s}`))} />
        <SelectFilter name="tag" label={t('fields.tag')} value={filters.tag ?? ''} any={t('list.any')} options={optionsOf(TAG_FILTERS, tagFilterLabel)} />
        <SelectFilter
          name="procurator"
          label={t('fields.handler')}
          value={filters.procurator ?? ''}
          any={t('list.anyHandler')}
          options={options.procurators.map((p) => ({ value: p.id, label: p.name }))}
        />
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
        <CaseTable rows={list.rows} caption={heading} />
        <Pager list={caseList} filter={filters} page={list} label={heading} />
      </Card>
    </div>
  );
}
