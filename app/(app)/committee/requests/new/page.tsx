import { forbidden } from 'next/navigation';
import { ClientMessages } from '@/components/ClientMessages';
import { getLocale, getTranslations } from 'next-intl/server';
import { RequestForm } from '@/modules/committee/components/RequestForm';
import { committeeOptions } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { canRequestAttendance } from '@/lib/domain/committee/machine';
import { requireFeature } from '@/lib/web/session';
import { requestAttendanceAction } from '@/modules/committee/actions';

export async function generateMetadata() {
  const t = await getTranslations('committee');
  return { title: t('requests.newTitle') };
}

export default async function NewRequestPage() {
  const actor = await requireFeature('committee.list');
  if (!canRequestAttendance(actor)) forbidden();
  const [t, locale, options] = await Promise.all([getTranslations('committee'), getLocale(), committeeOptions(db(), actor)]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('requests.newTitle')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('requests.newIntro')}</p>
      </div>
      <ClientMessages namespaces={['committee']}>
        <RequestForm
          action={requestAttendanceAction}
          courts={options.courts.map((c) => ({ id: c.id, label: en ? c.nameEn : c.name }))}
          cases={options.cases.map((c) => ({ id: c.id, label: `${c.number} ${c.title}`, courtCaseNumber: c.courtCaseNumber }))}
        />
      </ClientMessages>
    </div>
  );
}
