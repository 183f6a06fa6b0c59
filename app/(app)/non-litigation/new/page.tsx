import { forbidden } from 'next/navigation';
import { ClientMessages } from '@/components/ClientMessages';
import { getLocale, getTranslations } from 'next-intl/server';
import { RegisterForm } from '@/modules/non-litigation/components/RegisterForm';
import { db } from '@/lib/data/db';
import { registerOptions } from '@/lib/data/non-litigation';
import { todayInChina } from '@/lib/domain/dates';
import { decideRegister } from '@/lib/domain/non-litigation/machine';
import { requireFeature } from '@/lib/web/session';
import { registerAction } from '@/modules/non-litigation/actions';

export async function generateMetadata() {
  const t = await getTranslations('nonLitigation');
  return { title: t('form.title') };
}

export default async function NewApplicationPage() {
  const actor = await requireFeature('nonLitigation.list');
  if (!decideRegister(actor).ok) forbidden();
  const [t, locale, options] = await Promise.all([getTranslations('nonLitigation'), getLocale(), registerOptions(db(), actor)]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{options.side === 'court' ? t('form.introCourt') : t('form.introProcuratorate')}</p>
      </div>
      <ClientMessages namespaces={['nonLitigation']}>
        <RegisterForm
          action={registerAction}
          side={options.side}
          counterparts={options.counterparts.map((c) => ({ id: c.id, label: en ? c.nameEn : c.name }))}
          today={todayInChina()}
        />
      </ClientMessages>
    </div>
  );
}
