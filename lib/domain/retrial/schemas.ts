/**
 * Input of every retrial step, validated on the server. Messages are codes: the shared ones
 * (errors.*) and this feature's own (retrial.errors.*: outsideApplicationWindow, foundBeforeFormed,
 * beforeJudgment, learnedAfterFiling, beforeFiling, beforeDecision, tooSoonForNotice,
 * mayOverturnNeedsAcceptance).
 */
import { z } from 'zod';
import { courtCaseNumber, isoDate, multilineText, optionalIsoDate as optionalDate, optionalUuid, stepInput, text, uuid, version } from '@/lib/domain/validation';
import { EVIDENCE_GROUNDS, RETRIAL_DECISIONS, RETRIAL_KINDS } from './machine';

export const LIMITS = {
  title: 200,
  parties: 1000,
  courtCaseNumber: 64,
  description: 2000,
  explanation: 5000,
  reasons: 10_000,
} as const;

const yesNo = z.enum(['yes', 'no'], { error: 'required' }).transform((v) => v === 'yes');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });

export const fileInput = z.object({
  kind: oneOf(RETRIAL_KINDS),
  /** The procuratorate names the court; a court files at itself. */
  courtId: optionalUuid,
  caseId: optionalUuid,
  recommendationId: optionalUuid,
  courtCaseNumber: courtCaseNumber(LIMITS.courtCaseNumber),
  title: text(LIMITS.title),
  parties: multilineText(LIMITS.parties),
  judgmentEffectiveOn: isoDate,
  filedOn: isoDate,
  /** Party applications: the day the party learned of the new evidence, when later than the judgment. */
  learnedOn: optionalDate,
});
export type FileInput = z.output<typeof fileInput>;

export { stepInput };

export const itemInput = z
  .object({
    /** The matter and its version (adding an item changes the matter). */
    id: uuid,
    version,
    description: multilineText(LIMITS.description),
    formedOn: optionalDate,
    foundOn: optionalDate,
    ground: oneOf(EVIDENCE_GROUNDS),
    groundExplanation: multilineText(LIMITS.explanation),
  })
  .superRefine((v, ctx) => {
    // Found late: when it was found is the point. Arose after the hearing: when it came into being.
    if (v.ground === 'found_late_objective' && !v.foundOn) ctx.addIssue({ code: 'custom', path: ['foundOn'], message: 'required' });
    if (v.ground === 'arose_after_hearing' && !v.formedOn) ctx.addIssue({ code: 'custom', path: ['formedOn'], message: 'required' });
  });
export type ItemInput = z.output<typeof itemInput>;

export const determineInput = z
  .object({
    /** The evidence item and its own version. */
    id: uuid,
    version,
    accepted: yesNo,
    determinationGround: z
      .union([oneOf(EVIDENCE_GROUNDS), z.literal('')])
      .optional()
      .transform((s) => (s ? s : null)),
    determinationReasons: multilineText(LIMITS.reasons),
    mayOverturn: yesNo,
  })
  .superRefine((v, ctx) => {
    // New evidence is accepted under one of the four grounds; evidence not accepted as new cannot,
    // as new evidence, overturn the judgment.
    if (v.accepted && !v.determinationGround) ctx.addIssue({ code: 'custom', path: ['determinationGround'], message: 'required' });
    if (!v.accepted && v.mayOverturn) ctx.addIssue({ code: 'custom', path: ['mayOverturn'], message: 'mayOverturnNeedsAcceptance' });
  });

export const decideInput = stepInput.extend({
  decision: oneOf(RETRIAL_DECISIONS),
  decidedOn: isoDate,
  decisionReasons: multilineText(LIMITS.reasons),
});

export const hearingInput = stepInput.extend({ hearingOn: isoDate });

export interface DateProblem {
  field: string;
  code: string;
}

/**
 * The order of a filing's dates, on `today` (the data layer turns a problem into a FieldError):
 * nothing in the future, filed on or after the judgment took effect, learned of the evidence no
 * later than the filing.
 */
export function fileDateProblem(v: Pick<FileInput, 'judgmentEffectiveOn' | 'filedOn' | 'learnedOn'>, today: string): DateProblem | null {
  if (v.judgmentEffectiveOn > today) return { field: 'judgmentEffectiveOn', code: 'dateInFuture' };
  if (v.filedOn > today) return { field: 'filedOn', code: 'dateInFuture' };
  if (v.filedOn < v.judgmentEffectiveOn) return { field: 'filedOn', code: 'beforeJudgment' };
  if (v.learnedOn && v.learnedOn > v.filedOn) return { field: 'learnedOn', code: 'learnedAfterFiling' };
  return null;
}

/** An evidence item's dates: nothing in the future; found no earlier than it came into being. */
export function itemDateProblem(v: Pick<ItemInput, 'formedOn' | 'foundOn'>, today: string): DateProblem | null {
  if (v.formedOn && v.formedOn > today) return { field: 'formedOn', code: 'dateInFuture' };
  if (v.foundOn && v.foundOn > today) return { field: 'foundOn', code: 'dateInFuture' };
  if (v.formedOn && v.foundOn && v.foundOn < v.formedOn) return { field: 'foundOn', code: 'foundBeforeFormed' };
  return null;
}
