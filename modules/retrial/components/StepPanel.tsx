import { getTranslations } from 'next-intl/server';
import { StepForm, type StepFormProps } from '@/components/workflow/StepForm';
import type { MatterView } from '@/lib/data/retrial';
import type { MatterStep } from '@/lib/domain/retrial/machine';
import { RETRIAL_DECISIONS } from '@/lib/domain/retrial/machine';
import { LIMITS } from '@/lib/domain/retrial/schemas';
import { stepAction } from '@/modules/retrial/actions';

type Spec = Omit<StepFormProps, 'id' | 'version' | 'action'>;

/** The matter steps this viewer may take now (from the machine), each as a small form; `quiet`: say nothing when there are none. */
export async function RetrialStepPanel({ matter, today, quiet = false }: { matter: MatterView; today: string; quiet?: boolean }) {
  const t = await getTranslations('retrial');
  const specs: Record<MatterStep, Spec> = {
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
  if (matter.actions.length === 0) return quiet ? null : <p className="text-sm text-slate-600">{t('detail.nothingNext')}</p>;
  return (
    <div className="space-y-4">
      {matter.actions.map((a) => (
        <StepForm key={a} id={matter.id} version={matter.version} action={stepAction} newRecordBase="/retrial" testId={`step-${a}`} {...specs[a]} />
      ))}
    </div>
  );
}
