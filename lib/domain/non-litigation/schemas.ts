/**
 * Input of every non-litigation step, validated on the server. Messages are codes the catalogs
 * localize (errors.*, or nonLitigation.errors.* for this feature's own); limits are here so the
 * forms can show them too. `checkStepDates` keeps the dates of the steps in order.
 */
import { z } from 'zod';
import { checkbox, courtCaseNumber as courtCaseNumberOf, isoDate, multilineText, optionalIsoDate as optionalDate, optionalMultilineText, optionalText, optionalUuid, stepInput, text, uuid } from '@/lib/domain/validation';
import { CHECKPOINTS, ENFORCERS, REFUSAL_GROUNDS, type NonLitigationFacts, type NonLitigationStep } from './machine';

export const LIMITS = {
  agency: 100,
  respondent: 200,
  decisionRef: 100,
  subject: 500,
  reasons: 2_000,
  note: 2_000,
  title: 200,
  courtCaseNumber: 64,
} as const;

const courtCaseNumber = courtCaseNumberOf(LIMITS.courtCaseNumber);

export const registerInput = z.object({
  /** The other institution of the pair: the procuratorate (court registering) or the court (procuratorate registering). */
  procuratorateId: optionalUuid,
  courtId: optionalUuid,
  agency: text(LIMITS.agency),
  respondent: text(LIMITS.respondent),
  decisionRef: text(LIMITS.decisionRef),
  subject: multilineText(LIMITS.subject),
  decisionFinalOn: isoDate,
  demandServedOn: optionalDate,
  appliedOn: optionalDate,
  urgent: checkbox,
});
export type RegisterInput = z.output<typeof registerInput>;

export { stepInput };

export const recordDemandInput = stepInput.extend({ demandServedOn: isoDate });
export const receiveApplicationInput = stepInput.extend({ appliedOn: isoDate, demandServedOn: optionalDate });
export const acceptInput = stepInput.extend({ acceptedOn: isoDate, courtCaseNumber, upperCourtDecidedOn: optionalDate });
export const notAcceptInput = stepInput.extend({ notAcceptedOn: isoDate, reasons: multilineText(LIMITS.reasons) });
export const recordAppealInput = stepInput.extend({ appealedOn: isoDate });
export const holdHearingInput = stepInput.extend({ hearingOn: isoDate, reasons: multilineText(LIMITS.reasons) });
export const ruleEnforceInput = stepInput.extend({ ruledOn: isoDate, urgent: checkbox });
export const ruleRefuseInput = stepInput.extend({
  ruledOn: isoDate,
  refusalGround: z.enum(REFUSAL_GROUNDS, { error: 'invalidChoice' }),
  reasons: multilineText(LIMITS.reasons),
});
export const serveRefusalInput = stepInput.extend({ refusalServedOn: isoDate });
export const requestReviewInput = stepInput.extend({ reviewRequestedOn: isoDate });
export const reviewReversedInput = stepInput.extend({ reviewDecidedOn: isoDate, reasons: optionalMultilineText(LIMITS.reasons) });
export const startEnforcementInput = stepInput.extend({
  enforcementStartedOn: isoDate,
  enforcedBy: z.enum(ENFORCERS, { error: 'invalidChoice' }),
});
export const markStalledInput = stepInput.extend({ stalledOn: isoDate, reasons: multilineText(LIMITS.reasons) });
export const resumeEnforcementInput = stepInput.extend({ resumedOn: isoDate, reasons: optionalMultilineText(LIMITS.reasons) });
export const markEnforcedInput = stepInput.extend({ enforcedOn: isoDate });
export const closeInput = stepInput.extend({ closedOn: isoDate, reasons: optionalMultilineText(LIMITS.reasons) });

export const findingInput = z
  .object({
    id: uuid,
    checkpoint: z.enum(CHECKPOINTS, { error: 'invalidChoice' }),
    result: z.enum(['ok', 'flagged'], { error: 'required' }),
    note: optionalMultilineText(LIMITS.note),
  })
  // A flag must say what is wrong.
  .superRefine((v, ctx) => {
    if (v.result === 'flagged' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  })
  .transform((v) => ({ id: v.id, checkpoint: v.checkpoint, flagged: v.result === 'flagged', note: v.note ?? '' }));

export const openCaseInput = stepInput.extend({
  findingId: uuid,
  title: optionalText(LIMITS.title),
  /** A leader may give the case to another procurator; a procurator handles it personally. */
  handlerId: optionalUuid,
});

// ---------------------------------------------------------------------------------------------
// Dates in order

/** The date fields each step takes (the first one is the step's own date). */
export const STEP_DATE_FIELDS: Readonly<Record<NonLitigationStep, readonly string[]>> = {
  recordDemand: ['demandServedOn'],
  receiveApplication: ['appliedOn', 'demandServedOn'],
  accept: ['acceptedOn', 'upperCourtDecidedOn'],
  notAccept: ['notAcceptedOn'],
  recordAppeal: ['appealedOn'],
  holdHearing: ['hearingOn'],
  ruleEnforce: ['ruledOn'],
  ruleRefuse: ['ruledOn'],
  serveRefusal: ['refusalServedOn'],
  requestReview: ['reviewRequestedOn'],
  reviewReversed: ['reviewDecidedOn'],
  startEnforcement: ['enforcementStartedOn'],
  markStalled: ['stalledOn'],
  resumeEnforcement: ['resumedOn'],
  markEnforced: ['enforcedOn'],
  close: ['closedOn'],
  openCase: [],
};

const latest = (...ds: (string | null | undefined)[]): string | null =>
  ds.filter((d): d is string => !!d).reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);

export type DateProblem = { field: string; code: 'dateInFuture' | 'dateOutOfOrder' };

/**
 * Checks the dates a step brings against today and against the dates already on record: no date
 * in the future, none earlier than the step it follows (a ruling not before acceptance, service
 * of a refusal not before the refusal…). Returns the first problem, naming the field.
 */
export function checkStepDates(
  step: NonLitigationStep,
  app: NonLitigationFacts,
  input: Readonly<Record<string, unknown>>,
  today: string,
): DateProblem | null {
  const v = (k: string) => (typeof input[k] === 'string' && input[k] ? (input[k] as string) : null);
  for (const f of STEP_DATE_FIELDS[step]) {
    const d = v(f);
    if (d && d > today) return { field: f, code: 'dateInFuture' };
  }
  const order: [string, string | null][] = [];
  switch (step) {
    case 'recordDemand':
      order.push(['demandServedOn', app.decisionFinalOn]);
      break;
    case 'receiveApplication':
      order.push(['demandServedOn', app.decisionFinalOn]);
      order.push(['appliedOn', latest(app.decisionFinalOn, v('demandServedOn') ?? app.demandServedOn)]);
      break;
    case 'accept':
      order.push(['upperCourtDecidedOn', latest(app.appliedOn, app.appealedOn)]);
      order.push(['acceptedOn', latest(app.appliedOn, app.appealedOn, v('upperCourtDecidedOn'))]);
      break;
    case 'notAccept':
      order.push(['notAcceptedOn', app.appliedOn]);
      break;
    case 'recordAppeal':
      order.push(['appealedOn', app.notAcceptedOn]);
      break;
    case 'holdHearing':
      order.push(['hearingOn', app.acceptedOn]);
      break;
    case 'ruleEnforce':
    case 'ruleRefuse':
      order.push(['ruledOn', app.acceptedOn]);
      break;
    case 'serveRefusal':
      order.push(['refusalServedOn', app.ruledOn]);
      break;
    case 'requestReview':
      order.push(['reviewRequestedOn', latest(app.ruledOn, app.refusalServedOn)]);
      break;
    case 'reviewReversed':
      order.push(['reviewDecidedOn', app.reviewRequestedOn]);
      break;
    case 'startEnforcement':
      order.push(['enforcementStartedOn', app.reviewOutcome === 'reversed' ? latest(app.ruledOn, app.reviewDecidedOn) : app.ruledOn]);
      break;
    case 'markStalled':
      order.push(['stalledOn', latest(app.enforcementStartedOn, app.resumedOn)]);
      break;
    case 'resumeEnforcement':
      order.push(['resumedOn', app.stalledOn]);
      break;
    case 'markEnforced':
      order.push(['enforcedOn', latest(app.enforcementStartedOn, app.stalledOn, app.resumedOn)]);
      break;
    case 'close':
      order.push([
        'closedOn',
        latest(
          app.decisionFinalOn,
          app.demandServedOn,
          app.appliedOn,
          app.acceptedOn,
          app.notAcceptedOn,
          app.appealedOn,
          app.ruledOn,
          app.refusalServedOn,
          app.reviewRequestedOn,
          app.reviewDecidedOn,
          app.enforcementStartedOn,
          app.stalledOn,
          app.resumedOn,
          app.enforcedOn,
        ),
      ]);
      break;
    case 'openCase':
      break;
  }
  for (const [field, floor] of order) {
    const d = v(field);
    if (d && floor && d < floor) return { field, code: 'dateOutOfOrder' };
  }
  return null;
}

/** Registration: decision final ≤ demand served ≤ applied ≤ today. */
export function checkRegisterDates(input: Pick<RegisterInput, 'decisionFinalOn' | 'demandServedOn' | 'appliedOn'>, today: string): DateProblem | null {
  for (const f of ['decisionFinalOn', 'demandServedOn', 'appliedOn'] as const) {
    const d = input[f];
    if (d && d > today) return { field: f, code: 'dateInFuture' };
  }
  if (input.demandServedOn && input.demandServedOn < input.decisionFinalOn) return { field: 'demandServedOn', code: 'dateOutOfOrder' };
  if (input.appliedOn && input.appliedOn < latest(input.decisionFinalOn, input.demandServedOn)!) return { field: 'appliedOn', code: 'dateOutOfOrder' };
  return null;
}
