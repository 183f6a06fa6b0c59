/**
 * Input of every supervision-case command, validated on the server. Messages are codes that the
 * catalogs localize (errors.*); the limits are here so that forms can show them too.
 */
import { z } from 'zod';
import { courtCaseNumber, isoDate, multilineText, optionalMultilineText, optionalUuid, stepInput, text, uuid } from '@/lib/domain/validation';
import { CASE_KINDS, isCourtCaseNumber } from './numbers';
import { CASE_OUTCOMES, PENSION_FRAUD_SUBTYPES, tagsFromChoices, type PensionFraudSubtype } from './machine';

export const CASE_LIMITS = {
  title: 200,
  parties: 2_000,
  courtCaseNumber: 64,
  /** Court case numbers linked to one case. */
  courtCaseNumbers: 20,
  comment: 5_000,
  reason: 2_000,
  conclusion: 10_000,
} as const;

/** Separators between court case numbers in the form's field: new lines, commas, 、 and semicolons. */
const LIST_SEPARATORS = /[\n\r,，、;；]+/;

/** Same number whatever brackets were typed: used to find duplicates. */
export function courtCaseNumberKey(s: string): string {
  return s.trim().replace(/（/g, '(').replace(/）/g, ')');
}

export interface CourtCaseNumberList {
  numbers: string[];
  /** Entries that do not follow the court format, as typed. */
  invalid: string[];
}

/**
 * Splits the form's court case numbers field (one per line, or separated by commas), trims each,
 * drops empty entries and duplicates (full-width and half-width brackets are the same number).
 */
export function parseCourtCaseNumberList(raw: string): CourtCaseNumberList {
  const numbers: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(LIST_SEPARATORS)) {
    const s = part.trim();
    if (!s) continue;
    if (s.length > CASE_LIMITS.courtCaseNumber || !isCourtCaseNumber(s)) {
      invalid.push(s);
      continue;
    }
    const key = courtCaseNumberKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    numbers.push(s);
  }
  return { numbers, invalid };
}

/** The day a case was accepted: a real date, not before the procuratorate's records begin (1990). */
const acceptedOn = isoDate.refine((s) => s >= '1990-01-01', { error: 'dateInvalid' });

/** A yes/no choice from a radio group or checkbox; missing = no. */
const yesNo = z
  .union([z.boolean(), z.enum(['yes', 'no', 'on', 'true', 'false', ''])], { error: 'invalidChoice' })
  .optional()
  .transform((v) => v === true || v === 'yes' || v === 'on' || v === 'true');

const pensionFraud = z
  .union([z.enum(PENSION_FRAUD_SUBTYPES), z.literal('')], { error: 'invalidChoice' })
  .optional()
  .transform((v): PensionFraudSubtype | null => (v ? v : null));

/** The form's three tag choices → the tag list. */
const tagChoices = {
  falseLitigation: yesNo,
  socialConflict: yesNo,
  pensionFraud,
};

/**
 * The court case numbers field: a newline/comma separated list, each in the court format.
 * Checked apart from the schema so that the data layer can name the field in a FieldError.
 */
export function checkCourtCaseNumbers(raw: unknown): { ok: true; numbers: string[] } | { ok: false; code: 'courtCaseNumberFormat' | 'tooLong' | 'invalid' } {
  if (raw === undefined || raw === null) return { ok: true, numbers: [] };
  if (typeof raw !== 'string') return { ok: false, code: 'invalid' };
  if (raw.length > CASE_LIMITS.courtCaseNumbers * (CASE_LIMITS.courtCaseNumber + 2)) return { ok: false, code: 'tooLong' };
  const { numbers, invalid } = parseCourtCaseNumberList(raw);
  if (invalid.length > 0) return { ok: false, code: 'courtCaseNumberFormat' };
  if (numbers.length > CASE_LIMITS.courtCaseNumbers) return { ok: false, code: 'tooLong' };
  return { ok: true, numbers };
}

export const openCaseInput = z
  .object({
    kind: z.enum(CASE_KINDS, { error: 'invalidChoice' }),
    title: text(CASE_LIMITS.title),
    parties: multilineText(CASE_LIMITS.parties),
    courtId: uuid,
    courtDepartmentId: optionalUuid,
    handlerId: uuid,
    acceptedOn,
    ...tagChoices,
  })
  .transform(({ falseLitigation, socialConflict, pensionFraud: pf, ...rest }) => ({
    ...rest,
    tags: tagsFromChoices({ falseLitigation, socialConflict, pensionFraud: pf }),
  }));
export type OpenCaseFormInput = z.output<typeof openCaseInput>;

export const caseStepInput = stepInput;

export const advanceInput = caseStepInput.extend({ comment: optionalMultilineText(CASE_LIMITS.comment) });

export const closeInput = caseStepInput.extend({
  outcome: z.enum(CASE_OUTCOMES, { error: 'invalidChoice' }),
  conclusion: multilineText(CASE_LIMITS.conclusion),
});

export const assignInput = caseStepInput.extend({
  handlerId: uuid,
  reason: multilineText(CASE_LIMITS.reason),
});

export const tagInput = caseStepInput.extend(tagChoices).transform(({ falseLitigation, socialConflict, pensionFraud: pf, ...rest }) => ({
  ...rest,
  tags: tagsFromChoices({ falseLitigation, socialConflict, pensionFraud: pf }),
}));

export const linkCourtCaseInput = caseStepInput.extend({
  courtCaseNumber: courtCaseNumber(CASE_LIMITS.courtCaseNumber),
});
