import { getTranslations } from 'next-intl/server';
import { stepAction } from '@/modules/non-litigation/actions';
import type { StepField } from '@/components/workflow/StepForm';
import { StepList, type StepSpec } from '@/components/workflow/StepList';
import type { ApplicationView } from '@/lib/data/non-litigation';
import { ENFORCERS, REFUSAL_GROUNDS, type NonLitigationStep } from '@/lib/domain/non-litigation/machine';
import { LIMITS } from '@/lib/domain/non-litigation/schemas';


/** The steps this viewer may take now (from the state machine), each as a small form. */
export async function StepPanel({ app, today }: { app: ApplicationView; today: string }) {
  const t = await getTranslations('nonLitigation');
  const date = (name: string, required = true): StepField => ({ kind: 'date', name, label: t(`fields.${name}`), required, defaultValue: required ? today : undefined });
  const reasons = (required: boolean): StepField => ({ kind: 'textarea', name: 'reasons', label: t(required ? 'fields.reasons' : 'fields.reasonsOptional'), required, maxLength: LIMITS.reasons });
  const spec = (step: NonLitigationStep, fields: StepField[], tone: 'primary' | 'secondary' | 'danger' = 'primary', help?: string): StepSpec => ({
    title: t(`steps.${step}.title`),
    // `close` has a help text per state (an object), chosen by the caller; never read it whole.
    help: help ?? (step === 'close' ? undefined : t(`steps.${step}.help`)),
    fields,
    buttons: [{ step, label: t(`steps.${step}.button`), tone }],
    testId: `step-${step}`,
  });
  const yesNo = (name: string, value: boolean): StepField => ({
    kind: 'select',
    name,
    label: t(`fields.${name}`),
    required: true,
    defaultValue: value ? 'true' : 'false',
    options: [
      { value: 'false', label: t('fields.no') },
      { value: 'true', label: t('fields.yes') },
    ],
  });

  const specs: Partial<Record<NonLitigationStep, StepSpec>> = {
    recordDemand: spec('recordDemand', [date('demandServedOn')]),
    receiveApplication: spec('receiveApplication', [date('appliedOn'), ...(app.facts.demandServedOn ? [] : [date('demandServedOn', false)])]),
    accept: spec('accept', [
      date('acceptedOn'),
      { kind: 'text', name: 'courtCaseNumber', label: t('fields.courtCaseNumber'), required: true, maxLength: LIMITS.courtCaseNumber, help: t('fields.courtCaseNumberHelp') },
      ...(app.status === 'not_accepted' ? [date('upperCourtDecidedOn', false)] : []),
    ], 'primary', app.status === 'not_accepted' ? t('steps.accept.afterAppealHelp') : undefined),
    notAccept: spec('notAccept', [date('notAcceptedOn'), reasons(true)], 'secondary'),
    recordAppeal: spec('recordAppeal', [date('appealedOn')], 'secondary'),
    holdHearing: spec('holdHearing', [date('hearingOn'), reasons(true)], 'secondary'),
    ruleEnforce: spec('ruleEnforce', [date('ruledOn'), yesNo('urgent', app.urgent)]),
    ruleRefuse: spec(
      'ruleRefuse',
      [
        date('ruledOn'),
        { kind: 'select', name: 'refusalGround', label: t('fields.refusalGround'), required: true, options: REFUSAL_GROUNDS.map((g) => ({ value: g, label: t(`refusalGround.${g}`) })) },
        reasons(true),
      ],
      'danger',
    ),
    serveRefusal: spec('serveRefusal', [date('refusalServedOn')]),
    requestReview: spec('requestReview', [date('reviewRequestedOn')], 'secondary'),
    reviewReversed: spec('reviewReversed', [date('reviewDecidedOn'), reasons(false)]),
    startEnforcement: spec('startEnforcement', [
      date('enforcementStartedOn'),
      { kind: 'select', name: 'enforcedBy', label: t('fields.enforcedBy'), required: true, options: ENFORCERS.map((e) => ({ value: e, label: t(`enforcer.${e}`) })) },
    ]),
    markStalled: spec('markStalled', [date('stalledOn'), reasons(true)], 'danger'),
    resumeEnforcement: spec('resumeEnforcement', [date('resumedOn'), reasons(false)], 'secondary'),
    markEnforced: spec('markEnforced', [date('enforcedOn')]),
    close: spec('close', [date('closedOn'), reasons(false)], 'secondary', t.has(`steps.close.help.${app.status}`) ? t(`steps.close.help.${app.status}`) : undefined),
  };

  return <StepList record={app} steps={app.actions} specs={specs} action={stepAction} none={t('steps.none')} />;
}
