import { forbidden } from 'next/navigation';
import { ClientMessages } from '@/components/ClientMessages';
import { getLocale, getTranslations } from 'next-intl/server';
import { MatterForm } from '@/modules/retrial/components/MatterForm';
import { db } from '@/lib/data/db';
import { fileOptions } from '@/lib/data/retrial';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { fileMatterAction } from '@/modules/retrial/actions';

export async function generateMetadata() {
  const t = await getTranslations('retrial');
  return { title: t('form.newTitle') };
}

export default async function NewRetrialMatterPage() {
  const actor = await requireFeature('retrial.list');
  const [t, locale, options] = await Promise.all([getTranslations('retrial'), getLocale(), fileOptions(db(), actor)]);
  if (options.kinds.length === 0) forbidden();
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{actor.institutionKind === 'COURT' ? t('form.introCourt') : t('form.introProcuratorate')}</p>
      </div>
      <ClientMessages namespaces={['retrial']}>
        <MatterForm
          action={fileMatterAction}
          kinds={options.kinds}
          courts={options.courts.map((c) => ({ id: c.id, label: en ? c.nameEn : c.name }))}
          defaultCourtId={options.defaultCourtId}
          cases={options.cases.map((c) => ({ id: c.id, label: `${c.number} ${c.title}` }))}
          recommendations={options.recommendations.map((r) => ({
            id: r.id,
            label: `${r.number ?? ''} ${r.title}`.trim(),
            courtCaseNumber: r.courtCaseNumber,
            caseId: r.caseId,
            courtId: r.addresseeCourtId,
            servedOn: r.servedOn,
          }))}
          today={todayInChina()}
        />
      </ClientMessages>
    </div>
  );
}
