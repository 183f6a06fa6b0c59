import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LeadCounts } from '@/components/leads/LeadCounts';
import { LeadTable } from '@/components/leads/LeadTable';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { leadCounts, listLeads, type LeadBox, type LeadFilters } from '@/lib/data/leads';
import { decide, LEAD_KINDS, LEAD_STATUSES, newLead, type LeadKind, type LeadStatus } from '@/lib/domain/leads/machine';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('leads') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Box and filters from the URL; anything malformed is ignored rather than failing the page. */
function parseFilters(sp: Record<string, string | string[] | undefined>): LeadFilters & { box: LeadBox } {
  const kind = one(sp.kind);
  const status = one(sp.status);
  return {
    box: one(sp.box) === 'outgoing' ? 'outgoing' : 'incoming',
    kind: (LEAD_KINDS as readonly string[]).includes(kind ?? '') ? (kind as LeadKind) : undefined,
    status: (LEAD_STATUSES as readonly string[]).includes(status ?? '') ? (status as LeadStatus) : undefined,
  };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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

      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t('list.filters')}>
        <input type="hidden" name="box" value={filters.box} />
        <div>
          <label htmlFor="f-kind" className="block font-medium">
            {t('fields.kind')}
          </label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {LEAD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="block font-medium">
            {t('fields.status')}
          </label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-slate-50 px-3 py-1 hover:bg-slate-100">
          {t('list.apply')}
        </button>
        <Link href={`/leads?box=${filters.box}`} className="px-1 py-1 text-brand-600 underline">
          {t('list.reset')}
        </Link>
      </form>

      <Card id="results" title={`${caption} · ${t('list.count', { count: rows.length })}`}>
        <LeadTable rows={rows} box={filters.box} caption={caption} />
      </Card>
    </div>
  );
}
