/**
 * Input of every recommendation step, validated on the server. Messages are codes that the
 * catalogs localize (errors.*); limits are here so forms can show them too.
 */
import { z } from 'zod';
import { isCourtCaseNumber } from '@/lib/domain/cases/numbers';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';

export const LIMITS = {
  title: 200,
  longText: 20_000,
  legalBasis: 5_000,
  comment: 5_000,
  courtCaseNumber: 64,
  committeeDecisionNo: 64,
  escalatedTo: 200,
} as const;

const text = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'tooLong' })
    .optional()
    .transform((s) => (s ? s : null));

export { isoDate, version } from '@/lib/domain/validation';
import { isoDate, version } from '@/lib/domain/validation';

const uuid = z.uuid({ error: 'invalidChoice' });
const optionalUuid = z
  .union([uuid, z.literal('')])
  .optional()
  .transform((s) => (s ? s : null));
const optionalPeriodPart = (max: number) =>
  z
    .union([z.literal(''), z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(max, { error: 'invalid' })])
    .optional()
    .transform((v) => (v === '' || v === undefined || v === 0 ? null : v));

export { COURT_CASE_NUMBER } from '@/lib/domain/cases/numbers';

export const draftInput = z.object({
  type: z.enum(RECOMMENDATION_TYPES as unknown as [string, ...string[]], { error: 'invalidChoice' }),
  title: text(LIMITS.title),
  addresseeCourtId: uuid,
  addresseeDepartmentId: optionalUuid,
  caseId: optionalUuid,
  courtCaseNumber: optionalText(LIMITS.courtCaseNumber).refine((s) => s === null || isCourtCaseNumber(s), {
    error: 'courtCaseNumberFormat',
  }),
  facts: text(LIMITS.longText),
  violation: text(LIMITS.longText),
  recommendationText: text(LIMITS.longText),
  legalBasis: text(LIMITS.legalBasis),
  urgent: z
    .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
  customPeriodMonths: optionalPeriodPart(3),
  customPeriodDays: optionalPeriodPart(90),
});
export type DraftInput = z.output<typeof draftInput>;

export const editInput = draftInput.extend({ id: uuid, version });

export const stepInput = z.object({ id: uuid, version });
export const commentStep = stepInput.extend({ comment: text(LIMITS.comment) });
export const optionalCommentStep = stepInput.extend({ comment: optionalText(LIMITS.comment) });

export const approveInput = stepInput.extend({
  comment: optionalText(LIMITS.comment),
  committeeDecisionNo: optionalText(LIMITS.committeeDecisionNo),
  committeeDecisionOn: z
    .union([isoDate, z.literal('')])
    .optional()
    .transform((s) => (s ? s : null)),
});

export const serveInput = stepInput.extend({
  servedOn: isoDate,
  method: z.enum(['written', 'announced'], { error: 'invalidChoice' }),
});

export const upholdInput = stepInput.extend({
  comment: text(LIMITS.comment),
  outcome: z.enum(['withdraw', 'modify'], { error: 'invalidChoice' }),
});

export const replyInput = stepInput
  .extend({
    adoption: z.enum(['adopted', 'partly_adopted', 'not_adopted'], { error: 'invalidChoice' }),
    measures: text(LIMITS.longText),
    reasons: optionalText(LIMITS.longText),
  })
  .superRefine((v, ctx) => {
    // A reply must explain any part it does not adopt.
    if (v.adoption !== 'adopted' && !v.reasons) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'reasonsRequired' });
  });

export const signReplyInput = stepInput.extend({ replyOn: isoDate });

export const extensionRequestInput = stepInput.extend({ reason: text(LIMITS.comment) });

export const evaluateInput = stepInput.extend({
  rectified: z.enum(['yes', 'no'], { error: 'invalidChoice' }).transform((v) => v === 'yes'),
  evaluation: text(LIMITS.longText),
});

export const escalateInput = stepInput.extend({
  escalatedTo: text(LIMITS.escalatedTo),
  comment: optionalText(LIMITS.comment),
});
