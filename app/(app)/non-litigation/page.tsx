import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApplicationTable } from '@/components/non-litigation/ApplicationTable';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { listApplications, type ListFilters } from '@/lib/data/non-litigation';
import { todayInChina } from '@/lib/domain/dates';
import { decideRegister, NON_LITIGATION_STATUSES, type NonLitigationStatus } from '@/lib/domain/non-litigation/machine';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('nonLitigation') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** List filters from the URL; anything malformed is ignored. */
function parseFilters(sp: Record<string, string | string[] | undefined>): ListFilters {
  const status = one(sp.status);
  return {
    status: (NON_LITIGATION_STATUSES as readonly string[]).includes(status ?? '') ? (status as NonLitigationStatus) : undefined,
    overdue: one(sp.overdue) === '1',
    stalled: one(sp.stalled) === '1',
    flagged: one(sp.flagged) === '1',
  };
}

export default async function NonLitigationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireFeature('nonLitigation.list');
  const today = todayInChina();
  const filters = parseFilters(await searchParams);
  const [t, rows] = await Promise.all([getTranslations('nonLitigation'), listApplications(db(), actor, filters, today)]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const check = (name: 'overdue' | 'stalled' | 'flagged') => (
    <div className="flex items-center gap-2">
      <input id={`f-${name}`} type="checkbox" name={name} value="1" defaultChecked={filters[name]} />
      <label htmlFor={`f-${name}`}>{t(`list.${name}Only`)}</label>
    </div>
  );
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
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t('list.filters')}>
        <div>
          <label htmlFor="f-status" className="block font-medium">{t('fields.status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {NON_LITIGATION_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        {check('overdue')}
        {check('stalled')}
        {side === 'procuratorate' && check('flagged')}
        <button type="submit" className="rounded border border-slate-300 bg-slate-50 px-3 py-1 hover:bg-slate-100">
          {t('list.apply')}
        </button>
        <Link href="/non-litigation" className="px-1 py-1 text-brand-600 underline">
          {t('list.reset')}
        </Link>
      </form>
      <Card id="results" title={t('list.count', { count: rows.length })}>
        <ApplicationTable rows={rows} side={side} caption={t('list.title')} />
      </Card>
    </div>
  );
}
