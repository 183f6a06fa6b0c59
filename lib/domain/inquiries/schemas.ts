/**
 * Input of every inquiry step, validated on the server. Messages are codes (errors.* or
 * inquiries.errors.*); the limits are here so forms can show them too.
 */
import { z } from 'zod';
import { isCourtCaseNumber } from '@/lib/domain/cases/numbers';
import { isoDate, version } from '@/lib/domain/recommendations/schemas';

/** Texts kept only on the timeline (comment, assessment) stay within what an event stores whole (500). */
export const INQUIRY_LIMITS = {
  courtCaseNumber: 64,
  question: 5_000,
  answer: 10_000,
  comment: 500,
  assessment: 500,
} as const;

const text = (max: number) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'tooLong' })
    .optional()
    .transform((s) => (s ? s : null));
const uuid = z.uuid({ error: 'invalidChoice' });
const optionalUuid = z
  .union([uuid, z.literal('')])
  .optional()
  .transform((s) => (s ? s : null));

/**
 * A court case number in the court format. Whether it is an enforcement case (a case-type code
 * with 执) and of the addressed court is checked by the data layer (`notEnforcementCase`,
 * `otherCourt` on the field), after the format.
 */
export const courtCaseNumber = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(INQUIRY_LIMITS.courtCaseNumber, { error: 'tooLong' })
  .refine((s) => isCourtCaseNumber(s), { error: 'courtCaseNumberFormat' });

export const sendInput = z.object({
  courtId: uuid,
  courtCaseNumber,
  caseId: optionalUuid,
  question: text(INQUIRY_LIMITS.question),
  sentOn: isoDate,
});
export type SendInput = z.output<typeof sendInput>;

export const stepInput = z.object({ id: uuid, version });

export const urgeInput = stepInput.extend({ comment: optionalText(INQUIRY_LIMITS.comment) });

export const answerInput = stepInput.extend({
  answer: text(INQUIRY_LIMITS.answer),
  answeredOn: isoDate,
});

export const CLOSE_OUTCOMES = ['accepted', 'notAccepted'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const closeInput = stepInput.extend({
  outcome: z.enum(CLOSE_OUTCOMES, { error: 'invalidChoice' }),
  assessment: text(INQUIRY_LIMITS.assessment),
});
