import { forbidden } from 'next/navigation';
import { ClientMessages } from '@/components/ClientMessages';
import { getLocale, getTranslations } from 'next-intl/server';
import { ScheduleForm } from '@/modules/committee/components/ScheduleForm';
import { committeeOptions } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { chinaLocalDateTime } from '@/lib/domain/dates';
import { canSchedule } from '@/lib/domain/committee/machine';
import { requireFeature } from '@/lib/web/session';
import { scheduleMeetingAction } from '@/modules/committee/actions';

export async function generateMetadata() {
  const t = await getTranslations('committee');
  return { title: t('form.title') };
}

export default async function NewMeetingPage() {
  const actor = await requireFeature('committee.list');
  if (!canSchedule(actor)) forbidden();
  const [t, locale, options] = await Promise.all([getTranslations('committee'), getLocale(), committeeOptions(db(), actor)]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('form.intro')}</p>
      </div>
      <ClientMessages namespaces={['committee']}>
        <ScheduleForm
          action={scheduleMeetingAction}
          procuratorates={options.procuratorates.map((p) => ({ id: p.id, label: en ? p.nameEn : p.name }))}
          minLocal={chinaLocalDateTime(new Date())}
        />
      </ClientMessages>
    </div>
  );
}
