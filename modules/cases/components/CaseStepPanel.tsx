import { getTranslations } from 'next-intl/server';
import { caseStepAction } from '@/modules/cases/actions';
import { StepList, type StepSpec } from '@/components/workflow/StepList';
import type { CaseView } from '@/lib/data/cases';
import { CASE_OUTCOMES, pensionFraudSubtype, PENSION_FRAUD_SUBTYPES, type CaseAction } from '@/lib/domain/cases/machine';
import { CASE_LIMITS } from '@/lib/domain/cases/schemas';


/** The steps this viewer may take now (from the machine), each as a small form. */
export async function CaseStepPanel({ c }: { c: CaseView }) {
  const t = await getTranslations('cases');
  const yesNo = [
    { value: 'yes', label: t('form.yes') },
    { value: 'no', label: t('form.no') },
  ];
  const has = (tag: string) => (c.tags.includes(tag) ? 'yes' : 'no');
  const advanceKey = c.stage === 'accepted' ? 'startReview' : 'startSupervision';

  const specs: Record<CaseAction, StepSpec> = {
    advance: {
      title: t(`steps.${advanceKey}.title`),
      help: t(`steps.${advanceKey}.help`),
      fields: [{ kind: 'textarea', name: 'comment', label: t('steps.comment'), maxLength: CASE_LIMITS.comment }],
      buttons: [{ step: 'advance', label: t(`steps.${advanceKey}.button`) }],
    },
    close: {
      title: t('steps.close.title'),
      help: t('steps.close.help'),
      fields: [
        { kind: 'radio', name: 'outcome', label: t('fields.outcome'), required: true, options: CASE_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) })) },
        { kind: 'textarea', name: 'conclusion', label: t('fields.conclusion'), required: true, maxLength: CASE_LIMITS.conclusion },
      ],
      buttons: [{ step: 'close', label: t('steps.close.button'), tone: 'secondary' }],
    },
    assign: {
      title: t('steps.assign.title'),
      help: t('steps.assign.help', { name: c.handler.name }),
      fields: [
        {
          kind: 'select',
          name: 'handlerId',
          label: t('steps.assign.to'),
          required: true,
          options: c.handlers.filter((h) => h.id !== c.handler.id).map((h) => ({ value: h.id, label: h.title ? `${h.name} · ${h.title}` : h.name })),
        },
        { kind: 'textarea', name: 'reason', label: t('steps.reason'), required: true, maxLength: CASE_LIMITS.reason },
      ],
      buttons: [{ step: 'assign', label: t('steps.assign.button') }],
    },
    tag: {
      title: t('steps.tag.title'),
      help: t('steps.tag.help'),
      fields: [
        { kind: 'radio', name: 'falseLitigation', label: t('tag.false_litigation'), defaultValue: has('false_litigation'), options: yesNo },
        { kind: 'radio', name: 'socialConflict', label: t('tag.social_conflict'), defaultValue: has('social_conflict'), options: yesNo },
        {
          kind: 'radio',
          name: 'pensionFraud',
          label: t('fields.pensionFraud'),
          defaultValue: pensionFraudSubtype(c.tags) ?? '',
          options: [{ value: '', label: t('form.noPensionFraud') }, ...PENSION_FRAUD_SUBTYPES.map((s) => ({ value: s, label: t(`pensionFraud.${s}`) }))],
        },
      ],
      buttons: [{ step: 'tag', label: t('steps.tag.button'), tone: 'secondary' }],
    },
    linkCourtCase: {
      title: t('steps.linkCourtCase.title'),
      help: t('steps.linkCourtCase.help'),
      fields: [{ kind: 'text', name: 'courtCaseNumber', label: t('fields.courtCaseNumber'), required: true, maxLength: CASE_LIMITS.courtCaseNumber }],
      buttons: [{ step: 'linkCourtCase', label: t('steps.linkCourtCase.button'), tone: 'secondary' }],
    },
  };

  return (
    <StepList
      record={c}
      steps={c.actions}
      specs={specs}
      action={caseStepAction}
      testIds
      none={c.stage === 'closed' ? t('steps.closedNone') : t('steps.none')}
    />
  );
}
