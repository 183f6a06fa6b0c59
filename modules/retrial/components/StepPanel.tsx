import { getTranslations } from 'next-intl/server';
import { StepList, type StepSpec } from '@/components/workflow/StepList';
import type { MatterView } from '@/lib/data/retrial';
import type { MatterStep } from '@/lib/domain/retrial/machine';
import { RETRIAL_DECISIONS } from '@/lib/domain/retrial/machine';
import { LIMITS } from '@/lib/domain/retrial/schemas';
import { stepAction } from '@/modules/retrial/actions';


/** The matter steps this viewer may take now (from the machine), each as a small form; `quiet`: say nothing when there are none. */
export async function RetrialStepPanel({ matter, today, quiet = false }: { matter: MatterView; today: string; quiet?: boolean }) {
  const t = await getTranslations('retrial');
  const specs: Record<MatterStep, StepSpec> = {
    startReview: {
      title: t('steps.startReview.title'),
      help: t('steps.startReview.help'),
      fields: [],
      buttons: [{ step: 'startReview', label: t('steps.startReview.button') }],
    },
    decide: {
      title: t('steps.decide.title'),
      help: t('steps.decide.help'),
      fields: [
        { kind: 'radio', name: 'decision', label: t('fields.decision'), required: true, options: RETRIAL_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })) },
        { kind: 'date', name: 'decidedOn', label: t('fields.decidedOn'), required: true, defaultValue: today },
        { kind: 'textarea', name: 'decisionReasons', label: t('fields.decisionReasons'), required: true, maxLength: LIMITS.reasons },
      ],
      buttons: [{ step: 'decide', label: t('steps.decide.button') }],
    },
    setHearing: {
      title: t('steps.setHearing.title'),
      help: t('steps.setHearing.help'),
      fields: [{ kind: 'date', name: 'hearingOn', label: t('fields.hearingOn'), required: true, defaultValue: matter.hearing?.hearingOn }],
      buttons: [{ step: 'setHearing', label: t('steps.setHearing.button') }],
    },
  };
  return (
    <StepList
      record={matter}
      steps={matter.actions}
      specs={specs}
      action={stepAction}
      testIds
      none={quiet ? null : t('detail.nothingNext')}
    />
  );
}
