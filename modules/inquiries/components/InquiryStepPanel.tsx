import { getTranslations } from 'next-intl/server';
import { inquiryStepAction } from '@/modules/inquiries/actions';
import { StepList, type StepSpec } from '@/components/workflow/StepList';
import type { InquiryView } from '@/lib/data/inquiries';
import type { InquiryStep } from '@/lib/domain/inquiries/machine';
import { CLOSE_OUTCOMES, INQUIRY_LIMITS } from '@/lib/domain/inquiries/schemas';


/** The steps this viewer may take now (from the state machine), each as a small form. */
export async function InquiryStepPanel({ inquiry, today }: { inquiry: InquiryView; today: string }) {
  const t = await getTranslations('inquiries');
  const specs: Record<Exclude<InquiryStep, 'send'>, StepSpec> = {
    answer: {
      title: t('steps.answer.title'),
      help: t('steps.answer.help'),
      fields: [
        { kind: 'textarea', name: 'answer', label: t('fields.answer'), required: true, maxLength: INQUIRY_LIMITS.answer },
        { kind: 'date', name: 'answeredOn', label: t('fields.answeredOn'), required: true, defaultValue: today },
      ],
      buttons: [{ step: 'answer', label: t('steps.answer.button') }],
      testId: 'step-answer',
    },
    urge: {
      title: t('steps.urge.title'),
      help: t('steps.urge.help', { days: inquiry.daysOverdue }),
      fields: [{ kind: 'textarea', name: 'comment', label: t('fields.comment'), maxLength: INQUIRY_LIMITS.comment }],
      buttons: [{ step: 'urge', label: t('steps.urge.button'), tone: 'danger' }],
      testId: 'step-urge',
    },
    close: {
      title: t('steps.close.title'),
      help: t('steps.close.help'),
      fields: [
        {
          kind: 'radio',
          name: 'outcome',
          label: t('fields.outcome'),
          required: true,
          options: CLOSE_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) })),
        },
        { kind: 'textarea', name: 'assessment', label: t('fields.assessment'), required: true, maxLength: INQUIRY_LIMITS.assessment },
      ],
      buttons: [{ step: 'close', label: t('steps.close.button') }],
      testId: 'step-close',
    },
  };
  const shown = inquiry.actions.filter((a): a is Exclude<InquiryStep, 'send'> => a !== 'send');
  return <StepList record={inquiry} steps={shown} specs={specs} action={inquiryStepAction} none={t('detail.none')} />;
}
