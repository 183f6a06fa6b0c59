/**
 * Input of every inquiry step, validated on the server. Messages are codes (errors.* or
 * inquiries.errors.*); the limits are here so forms can show them too.
 */
import { z } from 'zod';
import { courtCaseNumber as courtCaseNumberOf, isoDate, multilineText, optionalMultilineText, optionalUuid, stepInput, uuid } from '@/lib/domain/validation';

/** Texts kept only on the timeline (comment, assessment) stay within what an event stores whole (500). */
export const INQUIRY_LIMITS = {
  courtCaseNumber: 64,
  question: 5_000,
  answer: 10_000,
  comment: 500,
  assessment: 500,
} as const;


/**
 * A court case number in the court format. Whether it is an enforcement case (a case-type code
 * with 执) and of the addressed court is checked by the data layer (`notEnforcementCase`,
 * `otherCourt` on the field), after the format.
 */
export const courtCaseNumber = courtCaseNumberOf(INQUIRY_LIMITS.courtCaseNumber);

export const sendInput = z.object({
  courtId: uuid,
  courtCaseNumber,
  caseId: optionalUuid,
  question: multilineText(INQUIRY_LIMITS.question),
  sentOn: isoDate,
});
export type SendInput = z.output<typeof sendInput>;

export { stepInput };

export const urgeInput = stepInput.extend({ comment: optionalMultilineText(INQUIRY_LIMITS.comment) });

export const answerInput = stepInput.extend({
  answer: multilineText(INQUIRY_LIMITS.answer),
  answeredOn: isoDate,
});

export const CLOSE_OUTCOMES = ['accepted', 'notAccepted'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const closeInput = stepInput.extend({
  outcome: z.enum(CLOSE_OUTCOMES, { error: 'invalidChoice' }),
  assessment: multilineText(INQUIRY_LIMITS.assessment),
});
