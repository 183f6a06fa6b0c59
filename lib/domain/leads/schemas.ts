/**
 * Input of every lead step, validated on the server. Messages are codes (errors.*); the limits
 * are here so forms can show them too.
 */
import { z } from 'zod';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import { multilineText, optionalCourtCaseNumber, optionalMultilineText, optionalText, optionalUuid, stepInput, text, uuid } from '@/lib/domain/validation';
import { ALL_LEAD_OUTCOMES, LEAD_KINDS, PENSION_FRAUD_SUBTYPES } from './machine';

export const LEAD_LIMITS = {
  title: 200,
  summary: 10_000,
  courtCaseNumber: 64,
  comment: 500,
  actionTaken: 5_000,
  parties: 500,
} as const;

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values, { error: 'invalidChoice' }), z.literal('')], { error: 'invalidChoice' })
    .optional()
    .transform((v) => (v ? (v as T[number]) : null));

export const sendInput = z
  .object({
    /** The institution the lead goes to: a court when a procuratorate sends it, and the other way round. */
    counterpartId: uuid,
    kind: z.enum(LEAD_KINDS, { error: 'invalidChoice' }),
    subtype: optionalChoice(PENSION_FRAUD_SUBTYPES),
    title: text(LEAD_LIMITS.title),
    summary: multilineText(LEAD_LIMITS.summary),
    courtCaseNumber: optionalCourtCaseNumber(LEAD_LIMITS.courtCaseNumber),
    caseId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    // A pension-fraud lead names its category; other kinds have none.
    if (v.kind === 'pension_fraud' && !v.subtype) ctx.addIssue({ code: 'custom', path: ['subtype'], message: 'required' });
  })
  .transform((v) => ({ ...v, subtype: v.kind === 'pension_fraud' ? v.subtype : null }));
export type SendInput = z.output<typeof sendInput>;

export { stepInput };

export const receiveInput = stepInput.extend({ comment: optionalMultilineText(LEAD_LIMITS.comment) });

export const actInput = stepInput
  .extend({
    outcome: z.enum(ALL_LEAD_OUTCOMES, { error: 'invalidChoice' }),
    actionTaken: multilineText(LEAD_LIMITS.actionTaken),
    /** case_linked: the procuratorate's supervision case the lead joins. */
    caseId: optionalUuid,
    /** case_opened: the kind of the new supervision case, and its parties. */
    caseKind: optionalChoice(CASE_KINDS),
    parties: optionalText(LEAD_LIMITS.parties),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'case_linked' && !v.caseId) ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'required' });
    if (v.outcome === 'case_opened') {
      if (!v.caseKind) ctx.addIssue({ code: 'custom', path: ['caseKind'], message: 'required' });
      if (!v.parties) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'required' });
    }
  });
