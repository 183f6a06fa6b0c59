import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/ClientMessages';
import { loadOrForbid } from '@/lib/web/refuse';
import { InquiryForm } from '@/modules/inquiries/components/InquiryForm';
import { db } from '@/lib/data/db';
import { inquiryFormOptions } from '@/lib/data/inquiries';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { sendInquiryAction } from '@/modules/inquiries/actions';

export async function generateMetadata() {
  const t = await getTranslations('inquiries');
  return { title: t('form.newTitle') };
}

export default async function NewInquiryPage() {
  const actor = await requireFeature('inquiries.list');
  const today = todayInChina();
  // Only the procuratorate's people send inquiries: others get the 403 page.
  const options = await loadOrForbid(() => inquiryFormOptions(db(), actor, today));
  const [t, locale] = await Promise.all([getTranslations('inquiries'), getLocale()]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('form.newIntro')}</p>
      </div>
      <ClientMessages namespaces={['inquiries']}>
        <InquiryForm
          action={sendInquiryAction}
          today={today}
          courts={options.courts.map((c) => ({ id: c.id, label: en ? c.nameEn : c.name }))}
          cases={options.cases.map((c) => ({ id: c.id, label: `${c.number} ${c.title}`, courtCaseNumber: c.courtCaseNumber }))}
        />
      </ClientMessages>
    </div>
  );
}
