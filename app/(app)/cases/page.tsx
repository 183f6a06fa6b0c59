import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CaseTable } from '@/components/cases/CaseTable';
import { tagLabel } from '@/components/cases/labels';
import { Card } from '@/components/ui/Card';
import { caseOptions, listCases } from '@/lib/data/cases';
import { db } from '@/lib/data/db';
import { CASE_STAGES, TAG_FILTERS } from '@/lib/domain/cases/machine';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { parseCaseListParams } from './params';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('cases') };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireFeature('cases.list');
  const today = todayInChina();
  const isProcurator = actor.role === 'PROCURATOR';
  const filters = parseCaseListParams(await searchParams, isProcurator);
  const [t, rows, options] = await Promise.all([getTranslations('cases'), listCases(db(), actor, filters, today), caseOptions(db(), actor)]);
  const named = filters.handlerId ? options.procurators.find((p) => p.id === filters.handlerId) : undefined;
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
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t('list.filters')}>
        <div>
          <label htmlFor="f-kind" className="block font-medium">{t('fields.kind')}</label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>{t(`kind.${k}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-stage" className="block font-medium">{t('fields.stage')}</label>
          <select id="f-stage" name="stage" defaultValue={filters.stage ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>{t(`stage.${s}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-tag" className="block font-medium">{t('fields.tag')}</label>
          <select id="f-tag" name="tag" defaultValue={filters.tag ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.any')}</option>
            {TAG_FILTERS.map((f) => (
              <option key={f} value={f}>{tagFilterLabel(f)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-procurator" className="block font-medium">{t('fields.handler')}</label>
          <select id="f-procurator" name="procurator" defaultValue={filters.handlerId ?? ''} className="mt-1 rounded border border-slate-300 px-2 py-1">
            <option value="">{t('list.anyHandler')}</option>
            {options.procurators.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2">
          <input id="f-overdue" type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
          <label htmlFor="f-overdue">{t('list.overdueOnly')}</label>
        </div>
        {isProcurator && (
          <div>
            <label htmlFor="f-mine" className="block font-medium">{t('list.scope')}</label>
            <select id="f-mine" name="mine" defaultValue={filters.mine ? '1' : '0'} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="1">{t('list.mine')}</option>
              <option value="0">{t('list.allOfInstitution')}</option>
            </select>
          </div>
        )}
        <button type="submit" className="rounded border border-slate-300 bg-slate-50 px-3 py-1 hover:bg-slate-100">
          {t('list.apply')}
        </button>
        <Link href="/cases" className="px-1 py-1 text-brand-600 underline">
          {t('list.reset')}
        </Link>
      </form>
      <Card id="results" title={t('list.count', { count: rows.length })}>
        <CaseTable rows={rows} caption={heading} />
      </Card>
    </div>
  );
}
