import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InquiryTable } from '@/modules/inquiries/components/InquiryTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { inquirySummary, listInquiries } from '@/lib/data/inquiries';
import { todayInChina } from '@/lib/domain/dates';
import { decide, INQUIRY_STATUSES, newInquiry } from '@/lib/domain/inquiries/machine';
import type { SearchParams } from '@/lib/lists/define';
import { inquiryList } from '@/lib/lists/inquiries';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('inquiries') };
}

export default async function InquiriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('inquiries.list');
  const today = todayInChina();
  const { filter: filters, page } = inquiryList.parse(await searchParams);
  const [t, list, summary] = await Promise.all([
    getTranslations('inquiries'),
    listInquiries(db(), actor, filters, today, page),
    inquirySummary(db(), actor, today),
  ]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const heading = side === 'court' ? t('list.courtTitle') : t('list.procuratorateTitle');
  const maySend = decide(actor, 'send', newInquiry(actor, ''), today).ok;
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

      <FilterForm label={t('list.filters')} apply={t('list.apply')} reset={t('list.reset')} resetHref={inquiryList.href({})} hidden={inquiryList.hidden(filters, page, ['status', 'overdue'])}>
        <SelectFilter name="status" label={t('fields.status')} value={filters.status ?? ''} any={t('list.any')} options={optionsOf(INQUIRY_STATUSES, (s) => t(`status.${s}`))} />
        <CheckboxFilter name="overdue" label={t('list.overdueOnly')} checked={filters.overdue} />
      </FilterForm>

      <Card id="results" title={t('list.count', { count: list.total })}>
        <InquiryTable rows={list.rows} side={side} caption={heading} />
        <Pager list={inquiryList} filter={filters} page={list} label={heading} />
      </Card>
    </div>
  );
}
