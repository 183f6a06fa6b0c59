import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LeadCounts } from '@/modules/leads/components/LeadCounts';
import { LeadTable } from '@/modules/leads/components/LeadTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { leadCounts, listLeads } from '@/lib/data/leads';
import { decide, LEAD_KINDS, LEAD_STATUSES, newLead } from '@/lib/domain/leads/machine';
import type { SearchParams } from '@/lib/lists/define';
import { LEAD_BOXES, leadList } from '@/lib/lists/leads';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('leads') };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('leads.list');
  const { filter: filters, page } = leadList.parse(await searchParams);
  const [t, list, counts] = await Promise.all([getTranslations('leads'), listLeads(db(), actor, filters, page), leadCounts(db(), actor)]);
  const maySend = decide(actor, 'send', newLead(actor, '')).ok;
  const caption = filters.box === 'incoming' ? t('list.incoming') : t('list.outgoing');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('list.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('list.intro')}</p>
        </div>
        {maySend && (
          <Link href="/leads/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('list.new')}
          </Link>
        )}
      </div>

      <Card id="tracking" title={t('list.tracking')}>
        <p className="mb-3 text-sm text-slate-600">{t('list.trackingIntro')}</p>
        <LeadCounts counts={counts} />
      </Card>

      <nav aria-label={t('list.tabs')}>
        <ul className="flex gap-2 border-b border-slate-200 text-sm">
          {LEAD_BOXES.map((box) => {
            const current = filters.box === box;
            return (
              <li key={box}>
                <Link
                  href={leadList.href({ ...filters, box }, { size: page.size })}
                  aria-current={current ? 'page' : undefined}
                  className={`-mb-px inline-block border-b-2 px-4 py-2 ${current ? 'border-brand-600 font-semibold text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
                >
                  {box === 'incoming' ? t('list.incoming') : t('list.outgoing')} ({counts.total[box]})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={leadList.href({ box: filters.box })}
        hidden={leadList.hidden(filters, page, ['kind', 'status', 'open'])}
      >
        <SelectFilter name="kind" label={t('fields.kind')} value={filters.kind ?? ''} any={t('list.any')} options={optionsOf(LEAD_KINDS, (k) => t(`kind.${k}`))} />
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(LEAD_STATUSES, (s) => t(`status.${s}`))} />
        <CheckboxFilter name="open" label={t('list.openOnly')} checked={filters.open} />
      </FilterForm>

      <Card id="results" title={`${caption} · ${t('list.count', { count: list.total })}`}>
        <LeadTable rows={list.rows} box={filters.box} caption={caption} />
        <Pager list={leadList} filter={filters} page={list} label={caption} />
      </Card>
    </div>
  );
}
