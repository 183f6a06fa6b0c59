/**
 * Input pieces every workflow's schemas share: texts, dates, ids, versions, choices, court case
 * numbers. The one source for each: the schemas in lib/domain/<feature>/schemas.ts compose these.
 * Messages are codes (errors.*) that the catalogs localize; each field reports one code.
 */
import { z } from 'zod';
import { isCourtCaseNumber } from '@/lib/domain/cases/numbers';
import { isValidIsoDate } from '@/lib/domain/dates';

// In the browser, zod's compiled (eval-based) object parser would need 'unsafe-eval' in the
// Content-Security-Policy (docs/decisions/0020); even its feature probe is a reported violation.
if (typeof window !== 'undefined') z.config({ jitless: true });

/**
 * Characters no text field takes (code `controlCharacters`): C0 and C1 control characters (NUL
 * among them, which PostgreSQL cannot store), unpaired surrogates, and the bidirectional
 * overrides and isolates (U+202A–202E, U+2066–2069), which make a text display in another order
 * than it reads. A single-line field (names, titles, numbers) also refuses tab, line breaks and
 * every other invisible format character (zero-width spaces and joiners, soft hyphen, BOM…).
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const MULTI_LINE_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]|\p{Cs}/u;
const SINGLE_LINE_BAD = /\p{Cc}|\p{Cf}|\p{Cs}|\p{Zl}|\p{Zp}/u;

/** Whether `s` may be stored in a single-line (names, titles, numbers) or a multi-line text field. */
export function isCleanText(s: string, lines: 'single' | 'multi'): boolean {
  return lines === 'single' ? !SINGLE_LINE_BAD.test(s) : !MULTI_LINE_BAD.test(s) && !BIDI_CONTROL.test(s);
}

const clean = (lines: 'single' | 'multi') => [(s: string) => isCleanText(s, lines), { error: 'controlCharacters', abort: true }] as const;

/** A required single-line text (names, titles, numbers), trimmed: empty → `required`, longer than `max` → `tooLong`, control or format characters → `controlCharacters`. */
export const text = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required', abort: true })
    .max(max, { error: 'tooLong', abort: true })
    .refine(...clean('single'));

/** An optional single-line text, trimmed: missing, null or blank → null; longer than `max` → `tooLong`; control or format characters → `controlCharacters`. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'tooLong', abort: true })
    .refine(...clean('single'))
    .nullish()
    .transform((s) => (s ? s : null));

/**
 * A required multi-line text (what a textarea sends: statements, reasons, minutes): as `text`,
 * but line breaks and tabs are allowed (other control characters and bidi overrides are not).
 */
export const multilineText = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required', abort: true })
    .max(max, { error: 'tooLong', abort: true })
    .refine(...clean('multi'));

/** An optional multi-line text: as `optionalText`, with line breaks and tabs allowed. */
export const optionalMultilineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'tooLong', abort: true })
    .refine(...clean('multi'))
    .nullish()
    .transform((s) => (s ? s : null));

/**
 * A real calendar date written `YYYY-MM-DD` (what a date input sends), one code per field:
 * missing or blank → `required`; any other shape (2026-2-3, 03/02/2026) → `dateFormat`; a day
 * that does not exist (2026-02-30, 2026-13-01, 2025-02-29) → `dateInvalid`.
 */
export const isoDate = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateFormat', abort: true })
  .refine((s) => isValidIsoDate(s), { error: 'dateInvalid' });

/** An optional date: missing or empty → null, otherwise an `isoDate` with its codes. */
export const optionalIsoDate = z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()).transform((s) => s ?? null);

/** A record's version as the form sends it back (optimistic locking). */
export const version = z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' });

/** The id of a record chosen in a form. */
export const uuid = z.uuid({ error: 'invalidChoice' });

/** An optional id: missing, null or empty → null. */
export const optionalUuid = z
  .union([uuid, z.literal('')])
  .nullish()
  .transform((s) => (s ? s : null));

/** The id and version every step on an existing record sends. */
export const stepInput = z.object({ id: uuid, version });

/** A checkbox: checked ("on", "true" or true) → true; unchecked or missing → false. */
export const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** A required court case number in the court format (e.g. (2026)青0103民初88号). */
export const courtCaseNumber = (max: number) => text(max).refine((s) => isCourtCaseNumber(s), { error: 'courtCaseNumberFormat' });

/** An optional court case number: blank → null, otherwise in the court format. */
export const optionalCourtCaseNumber = (max: number) =>
  optionalText(max).refine((s) => s === null || isCourtCaseNumber(s), { error: 'courtCaseNumberFormat' });
