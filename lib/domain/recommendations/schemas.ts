/**
 * Input of every recommendation step, validated on the server. Messages are codes that the
 * catalogs localize (errors.*); limits are here so forms can show them too.
 */
import { z } from 'zod';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';
import { checkbox, isoDate, multilineText, optionalCourtCaseNumber, optionalIsoDate, optionalMultilineText, optionalText, optionalUuid, stepInput, text, uuid, version } from '@/lib/domain/validation';

export const LIMITS = {
  title: 200,
  longText: 20_000,
  legalBasis: 5_000,
  comment: 5_000,
  courtCaseNumber: 64,
  committeeDecisionNo: 64,
  escalatedTo: 200,
} as const;

const optionalPeriodPart = (max: number) =>
  z
    .union([z.literal(''), z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(max, { error: 'invalid' })])
    .optional()
    .transform((v) => (v === '' || v === undefined || v === 0 ? null : v));

export const draftInput = z.object({
  type: z.enum(RECOMMENDATION_TYPES as unknown as [string, ...string[]], { error: 'invalidChoice' }),
  title: text(LIMITS.title),
  addresseeCourtId: uuid,
  addresseeDepartmentId: optionalUuid,
  caseId: optionalUuid,
  courtCaseNumber: optionalCourtCaseNumber(LIMITS.courtCaseNumber),
  facts: multilineText(LIMITS.longText),
  violation: multilineText(LIMITS.longText),
  recommendationText: multilineText(LIMITS.longText),
  legalBasis: multilineText(LIMITS.legalBasis),
  urgent: checkbox,
  customPeriodMonths: optionalPeriodPart(3),
  customPeriodDays: optionalPeriodPart(90),
});
export type DraftInput = z.output<typeof draftInput>;

export const editInput = draftInput.extend({ id: uuid, version });

export { stepInput };
export const commentStep = stepInput.extend({ comment: multilineText(LIMITS.comment) });
export const optionalCommentStep = stepInput.extend({ comment: optionalMultilineText(LIMITS.comment) });

export const approveInput = stepInput.extend({
  comment: optionalMultilineText(LIMITS.comment),
  committeeDecisionNo: optionalText(LIMITS.committeeDecisionNo),
  committeeDecisionOn: optionalIsoDate,
});

export const serveInput = stepInput.extend({
  servedOn: isoDate,
  method: z.enum(['written', 'announced'], { error: 'invalidChoice' }),
});

export const upholdInput = stepInput.extend({
  comment: multilineText(LIMITS.comment),
  outcome: z.enum(['withdraw', 'modify'], { error: 'invalidChoice' }),
});

export const replyInput = stepInput
  .extend({
    adoption: z.enum(['adopted', 'partly_adopted', 'not_adopted'], { error: 'invalidChoice' }),
    measures: multilineText(LIMITS.longText),
    reasons: optionalMultilineText(LIMITS.longText),
  })
  .superRefine((v, ctx) => {
    // A reply must explain any part it does not adopt.
    if (v.adoption !== 'adopted' && !v.reasons) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'reasonsRequired' });
  });

export const signReplyInput = stepInput.extend({ replyOn: isoDate });

export const extensionRequestInput = stepInput.extend({ reason: multilineText(LIMITS.comment) });

export const evaluateInput = stepInput.extend({
  rectified: z.enum(['yes', 'no'], { error: 'invalidChoice' }).transform((v) => v === 'yes'),
  evaluation: multilineText(LIMITS.longText),
});

export const escalateInput = stepInput.extend({
  escalatedTo: text(LIMITS.escalatedTo),
  comment: optionalMultilineText(LIMITS.comment),
});
