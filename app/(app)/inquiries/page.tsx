import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InquiryTable } from '@/modules/inquiries/components/InquiryTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { db } from '@/lib/data/db';
import { inquiryCounts, listInquiries, type InquiryFilters } from '@/lib/data/inquiries';
import { todayInChina } from '@/lib/domain/dates';
import { decide, INQUIRY_STATUSES, newInquiry, type InquiryStatus } from '@/lib/domain/inquiries/machine';
import { among, one, type SearchParams } from '@/lib/web/params';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('inquiries') };
}

/** List filters from the URL; anything malformed is ignored rather than failing the page. */
function parseFilters(sp: SearchParams): InquiryFilters {
  return {
    status: among<InquiryStatus>(INQUIRY_STATUSES, one(sp.status)),
    overdue: one(sp.overdue) === '1',
  };
}

export default async function InquiriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('inquiries.list');
  const today = todayInChina();
  const filters = parseFilters(await searchParams);
  const [t, rows, counts] = await Promise.all([
    getTranslations('inquiries'),
    listInquiries(db(), actor, filters, today),
    inquiryCounts(db(), actor, today),
  ]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const heading = side === 'court' ? t('list.courtTitle') : t('list.procuratorateTitle');
  const maySend = decide(actor, 'send', newInquiry(actor, ''), today).ok;
  const summary: { key: 'open' | 'overdue' | 'answered' | 'closed'; href: string; count: number }[] = [
    { key: 'open', href: '/inquiries?status=sent', count: counts.open },
    { key: 'overdue', href: '/inquiries?overdue=1', count: counts.overdue },
    { key: 'answered', href: '/inquiries?status=answered', count: counts.answered },
    { key: 'closed', href: '/inquiries?status=closed', count: counts.closed },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{heading}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{side === 'court' ? t('list.courtIntro') : t('list.procuratorateIntro')}</p>
        </div>
        {maySend && (
          <Link href="/inquiries/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('list.new')}
          </Link>
        )}
      </div>

      <section aria-labelledby="inq-summary" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="inq-summary" className="sr-only">
          {t('list.summary')}
        </h2>
        <ul className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
          {summary.map((s) => (
            <li key={s.key}>
              <Link href={s.href} className="block rounded border border-slate-200 px-3 py-2 hover:bg-slate-50">
                <span className={`block text-2xl font-semibold ${s.key === 'overdue' && s.count > 0 ? 'text-red-700' : ''}`} data-testid={`inquiries-${s.key}`}>
                  {s.count}
                </span>
                <span className="text-slate-600">{s.key === 'answered' && side === 'court' ? t('status.answered') : t(`list.${s.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref="/inquiries">
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(INQUIRY_STATUSES, (s) => t(`status.${s}`))} />
        <CheckboxFilter name="overdue" label={t('list.overdueOnly')} checked={filters.overdue} />
      </FilterForm>

      <Card id="results" title={t('list.count', { count: rows.length })}>
        <InquiryTable rows={rows} side={side} caption={heading} />
      </Card>
    </div>
  );
}
