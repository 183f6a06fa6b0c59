import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LeadCounts } from '@/modules/leads/components/LeadCounts';
import { LeadTable } from '@/modules/leads/components/LeadTable';
import { Card } from '@/components/ui/Card';
import { FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { db } from '@/lib/data/db';
import { leadCounts, listLeads, type LeadBox, type LeadFilters } from '@/lib/data/leads';
import { decide, LEAD_KINDS, LEAD_STATUSES, newLead, type LeadKind, type LeadStatus } from '@/lib/domain/leads/machine';
import { among, one, type SearchParams } from '@/lib/web/params';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('leads') };
}

/** Box and filters from the URL; anything malformed is ignored rather than failing the page. */
function parseFilters(sp: SearchParams): LeadFilters & { box: LeadBox } {
  return {
    box: one(sp.box) === 'outgoing' ? 'outgoing' : 'incoming',
    kind: among<LeadKind>(LEAD_KINDS, one(sp.kind)),
    status: among<LeadStatus>(LEAD_STATUSES, one(sp.status)),
  };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('leads.list');
  const filters = parseFilters(await searchParams);
  const [t, rows, counts] = await Promise.all([getTranslations('leads'), listLeads(db(), actor, filters), leadCounts(db(), actor)]);
  const maySend = decide(actor, 'send', newLead(actor, '')).ok;
  const query = (box: LeadBox) => {
    const p = new URLSearchParams({ box });
    if (filters.kind) p.set('kind', filters.kind);
    if (filters.status) p.set('status', filters.status);
    return `/leads?${p.toString()}`;
  };
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
          {(['incoming', 'outgoing'] as const).map((box) => {
            const current = filters.box === box;
            return (
              <li key={box}>
                <Link
                  href={query(box)}
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

      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={`/leads?box=${filters.box}`}>
        <input type="hidden" name="box" value={filters.box} />
        <SelectFilter name="kind" label={t('fields.kind')} value={filters.kind ?? ''} any={t('list.any')} options={optionsOf(LEAD_KINDS, (k) => t(`kind.${k}`))} />
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(LEAD_STATUSES, (s) => t(`status.${s}`))} />
      </FilterForm>

      <Card id="results" title={`${caption} · ${t('list.count', { count: rows.length })}`}>
        <LeadTable rows={rows} box={filters.box} caption={caption} />
      </Card>
    </div>
  );
}
