import { getTranslations } from 'next-intl/server';
import { leadStepAction } from '@/modules/leads/actions';
import type { StepField } from '@/components/workflow/StepForm';
import { StepList, type StepSpec } from '@/components/workflow/StepList';
import type { LeadView } from '@/lib/data/leads';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import { LEAD_OUTCOMES, type LeadStep } from '@/lib/domain/leads/machine';
import { LEAD_LIMITS } from '@/lib/domain/leads/schemas';


/** The steps this viewer may take now (from the state machine), each as a small form. */
export async function LeadStepPanel({ lead }: { lead: LeadView }) {
  const t = await getTranslations('leads');
  const toProcuratorate = lead.receiverSide === 'procuratorate';
  const caseFields: StepField[] = toProcuratorate
    ? [
        { kind: 'select', name: 'caseId', label: t('fields.caseForLink'), options: lead.caseOptions.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` })) },
        { kind: 'select', name: 'caseKind', label: t('fields.caseKind'), options: CASE_KINDS.map((k) => ({ value: k, label: t(`caseKind.${k}`) })) },
        { kind: 'text', name: 'parties', label: t('fields.parties'), maxLength: LEAD_LIMITS.parties },
      ]
    : [];
  const specs: Record<Exclude<LeadStep, 'send'>, StepSpec> = {
    receive: {
      title: t('steps.receive.title'),
      help: t('steps.receive.help'),
      fields: [{ kind: 'textarea', name: 'comment', label: t('fields.comment'), maxLength: LEAD_LIMITS.comment }],
      buttons: [{ step: 'receive', label: t('steps.receive.button') }],
      testId: 'step-receive',
    },
    act: {
      title: t('steps.act.title'),
      help: toProcuratorate ? `${t('steps.act.help')} ${t('steps.act.procuratorateHelp')}` : t('steps.act.help'),
      fields: [
        {
          kind: 'select',
          name: 'outcome',
          label: t('fields.outcome'),
          required: true,
          options: LEAD_OUTCOMES[lead.receiverSide].map((o) => ({ value: o, label: t(`outcome.${o}`) })),
        },
        { kind: 'textarea', name: 'actionTaken', label: t('fields.actionTaken'), required: true, maxLength: LEAD_LIMITS.actionTaken },
        ...caseFields,
      ],
      buttons: [{ step: 'act', label: t('steps.act.button') }],
      testId: 'step-act',
    },
  };
  const shown = lead.actions.filter((a): a is Exclude<LeadStep, 'send'> => a !== 'send');
  return <StepList record={lead} steps={shown} specs={specs} action={leadStepAction} none={t('detail.none')} />;
}
