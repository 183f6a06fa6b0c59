import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/ClientMessages';
import { loadOrForbid } from '@/lib/web/refuse';
import { LeadForm } from '@/modules/leads/components/LeadForm';
import { db } from '@/lib/data/db';
import { leadFormOptions } from '@/lib/data/leads';
import { requireFeature } from '@/lib/web/session';
import { sendLeadAction } from '@/modules/leads/actions';

export async function generateMetadata() {
  const t = await getTranslations('leads');
  return { title: t('form.newTitle') };
}

export default async function NewLeadPage() {
  const actor = await requireFeature('leads.list');
  const options = await loadOrForbid(() => leadFormOptions(db(), actor));
  const [t, locale] = await Promise.all([getTranslations('leads'), getLocale()]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('form.newIntro')}</p>
      </div>
      <ClientMessages namespaces={['leads']}>
        <LeadForm
          action={sendLeadAction}
          counterparts={options.counterparts.map((c) => ({ id: c.id, label: en ? c.nameEn : c.name }))}
          cases={options.cases.map((c) => ({ id: c.id, label: `${c.number} ${c.title}` }))}
        />
      </ClientMessages>
    </div>
  );
}
