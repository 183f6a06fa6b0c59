import Link from 'next/link';
import { ClientMessages } from '@/components/ClientMessages';
import { getLocale, getTranslations } from 'next-intl/server';
import { NewCaseForm } from '@/modules/cases/components/NewCaseForm';
import { caseOptions } from '@/lib/data/cases';
import { db } from '@/lib/data/db';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { openCaseAction } from '@/modules/cases/actions';

export async function generateMetadata() {
  const t = await getTranslations('cases');
  return { title: t('form.newTitle') };
}

export default async function NewCasePage() {
  const actor = await requireFeature('cases.list');
  const [t, locale, options] = await Promise.all([getTranslations('cases'), getLocale(), caseOptions(db(), actor)]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/cases" className="text-brand-600 underline">
            {t('detail.back')}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{t('form.newTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('form.newIntro')}</p>
      </div>
      <ClientMessages namespaces={['cases']}>
        <NewCaseForm
          action={openCaseAction}
          today={todayInChina()}
          defaultHandlerId={actor.id}
          courts={options.courts.map((c) => ({
            id: c.id,
            label: en ? c.nameEn : c.name,
            departments: c.departments.map((d) => ({ id: d.id, label: en ? d.nameEn : d.name })),
          }))}
          procurators={options.procurators.map((p) => ({ id: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name }))}
        />
      </ClientMessages>
    </div>
  );
}
