import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MatterTable } from '@/components/retrial/MatterTable';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { listMatters, type ListFilters } from '@/lib/data/retrial';
import { todayInChina } from '@/lib/domain/dates';
import { fileableKinds, RETRIAL_KINDS, RETRIAL_STATUSES, type RetrialKind, type RetrialStatus } from '@/lib/domain/retrial/machine';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('retrial') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** List filters from the URL; anything malformed is ignored rather than failing the page. */
function parseFilters(sp: Record<string, string | string[] | undefined>): ListFilters {
  const kind = one(sp.kind);
  const status = one(sp.status);
  return {
    kind: (RETRIAL_KINDS as readonly string[]).includes(kind ?? '') ? (kind as RetrialKind) : undefined,
    status: (RETRIAL_STATUSES as readonly string[]).includes(status ?? '') ? (status as RetrialStatus) : undefined,
    overdue: one(sp.overdue) === '1',
  };
}

export default async function RetrialPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireFeature('retrial.list');
  const filters = parseFilters(await searchParams);
  const [t, rows] = await Promise.all([getTranslations('retrial'), listMatters(db(), actor, filters, todayInChina())]);
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
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t('list.filters')}>
        <div>
          <label htmlFor="f-kind" className="block font-medium">{t('fields.kind')}</label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {RETRIAL_KINDS.map((k) => (
              <option key={k} value={k}>{t(`kind.${k}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="block font-medium">{t('fields.status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {RETRIAL_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2">
          <input id="f-overdue" type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
          <label htmlFor="f-overdue">{t('list.overdueOnly')}</label>
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-slate-50 px-3 py-1 hover:bg-slate-100">
          {t('list.apply')}
        </button>
        <Link href="/retrial" className="px-1 py-1 text-brand-600 underline">
          {t('list.reset')}
        </Link>
      </form>
      <Card id="results" title={t('list.count', { count: rows.length })}>
        <MatterTable rows={rows} caption={t('list.title')} />
      </Card>
    </div>
  );
}
