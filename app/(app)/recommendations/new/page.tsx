import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/ClientMessages';
import { DraftForm } from '@/modules/recommendations/components/DraftForm';
import { db } from '@/lib/data/db';
import { draftOptions } from '@/lib/data/recommendations';
import { requireFeature } from '@/lib/web/session';
import { draftFormChoices } from '@/modules/recommendations/draft-options';
import { createDraftAction } from '@/modules/recommendations/actions';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('newRecommendation') };
}

export default async function NewRecommendationPage() {
  const actor = await requireFeature('recommendations.draft');
  const [t, locale, options] = await Promise.all([getTranslations('recommendations'), getLocale(), draftOptions(db(), actor)]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('form.newIntro')}</p>
      </div>
      <ClientMessages namespaces={['recommendations']}>
        <DraftForm
          action={createDraftAction}
          {...draftFormChoices(options, en)}
        />
      </ClientMessages>
    </div>
  );
}
