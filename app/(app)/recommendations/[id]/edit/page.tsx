import { notFound, forbidden } from 'next/navigation';
import { ClientMessages } from '@/components/ClientMessages';
import { getLocale, getTranslations } from 'next-intl/server';
import { DraftForm } from '@/modules/recommendations/components/DraftForm';
import { db } from '@/lib/data/db';
import { draftOptions, getRecommendation } from '@/lib/data/recommendations';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { draftFormChoices } from '@/modules/recommendations/draft-options';
import { stepAction } from '@/modules/recommendations/actions';
import { loadOrForbid } from '@/lib/web/refuse';

export async function generateMetadata() {
  const t = await getTranslations('recommendations');
  return { title: t('form.editTitle') };
}

export default async function EditRecommendationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('recommendations.draft');
  const { id } = await params;
  const rec = await loadOrForbid(() => getRecommendation(db(), actor, id, todayInChina()));
  if (!rec) notFound();
  if (!rec.actions.includes('edit')) forbidden();
  const [t, locale, options] = await Promise.all([getTranslations('recommendations'), getLocale(), draftOptions(db(), actor)]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.editTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{rec.title}</p>
      </div>
      <ClientMessages namespaces={['recommendations']}>
        <DraftForm
          action={stepAction}
          {...draftFormChoices(options, en)}
          values={{
            id: rec.id,
            version: rec.version,
            type: rec.type,
            title: rec.title,
            addresseeCourtId: rec.addresseeCourtId,
            addresseeDepartmentId: rec.addresseeDepartmentId,
            caseId: rec.caseId,
            courtCaseNumber: rec.courtCaseNumber,
            facts: rec.facts,
            violation: rec.violation,
            recommendationText: rec.recommendationText,
            legalBasis: rec.legalBasis,
            urgent: rec.urgent,
            customPeriodMonths: rec.customPeriodMonths,
            customPeriodDays: rec.customPeriodDays,
          }}
        />
      </ClientMessages>
    </div>
  );
}
