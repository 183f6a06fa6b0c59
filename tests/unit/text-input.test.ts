/**
 * Control and format characters in text fields, over every schema with a text field: the
 * schemas are found by globbing lib/domain/<feature>/schemas.ts, so a new workflow's schemas are
 * covered without editing this file. A text field is one that takes a plain text; each is fed
 * generated texts with a hostile character inserted: NUL, C0/C1 controls, unpaired surrogates
 * and bidi overrides/isolates are refused everywhere with the field's `controlCharacters` code;
 * tab, line breaks and other invisible format characters are refused in single-line fields and
 * accepted in multi-line ones (what a textarea sends).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { zodFieldErrors } from '@/lib/web/forms';
import { isCleanText, multilineText, optionalText, text } from '@/lib/domain/validation';

const modules = import.meta.glob<Record<string, unknown>>('/lib/domain/*/schemas.ts', { eager: true });

type Zod = z.ZodType & { _zod: { def: Record<string, unknown> }; shape?: Record<string, z.ZodType> };

/** The object shapes inside an exported schema (through transforms, pipes, optionals, unions). */
function shapes(schema: Zod, seen = new Set<unknown>()): Record<string, z.ZodType>[] {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema) || seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def;
  if (def.type === 'object' && schema.shape) return [schema.shape];
  const inner = [def.in, def.out, def.innerType, def.schema, ...((def.options as unknown[]) ?? [])];
  return inner.flatMap((s) => shapes(s as Zod, seen));
}

/** Values a text field of some kind accepts and keeps as a text (a plain text, a court case number; not coerced numbers). */
const SAMPLES = ['Zhang Wei 张伟', '(2026)青0103民初88号', '12345'];

interface TextField {
  name: string;
  schema: z.ZodType;
  sample: string;
  multiline: boolean;
}

function textFields(): TextField[] {
  const out: TextField[] = [];
  for (const [file, mod] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(mod)) {
      // A file's transport metadata (name, claimed type): the attachment store checks the name on
      // the file field and detects the type from the bytes (lib/data/attachments.ts).
      for (const shape of shapes(value as Zod).filter((sh) => !('bytes' in sh))) {
        for (const [field, schema] of Object.entries(shape)) {
          const sample = SAMPLES.find((s) => typeof schema.safeParse(s).data === 'string');
          if (!sample) continue;
          const multiline = schema.safeParse(`${sample.slice(0, 3)}\n${sample.slice(3)}`).success;
          out.push({ name: `${file.replace(/^\/lib\/domain\//, '')} ${exportName}.${field}`, schema, sample, multiline });
        }
      }
    }
  }
  return out;
}

const FIELDS = textFields();

/** Refused in every text field. */
const ALWAYS_BAD = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
).map((c) => String.fromCharCode(c));
/** Refused in single-line fields only. */
const LINE_ONLY_BAD = fc.constantFrom('\t', '\n', '\r', '\r\n', '\u200b', '\u200d', '\u200e', '\u200f', '\u00ad', '\u2060', '\ufeff', '\u061c', '\u2028', '\u2029');

/** The sample with `bad` inserted inside it (not at an end, which trimming may remove). */
const inserted = (sample: string, at: number, bad: string) => {
  const i = 1 + (at % (sample.length - 1));
  return sample.slice(0, i) + bad + sample.slice(i);
};

/** The code a field refuses a hostile character with: its own format's where it has an ASCII-only format (user names). */
const ownCode = (name: string) => (name.endsWith('newUserInput.username') ? 'usernameFormat' : 'controlCharacters');

const codeOf = (schema: z.ZodType, value: string) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('text fields refuse control and format characters with a field code', () => {
  it('finds the text fields of every schema module', () => {
    const files = new Set(FIELDS.map((f) => f.name.split(' ')[0]));
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(8);
    // Every schema module with a text field is reached (users: the administrator's form).
    for (const feature of ['cases', 'committee', 'inquiries', 'joint-meetings', 'leads', 'non-litigation', 'recommendations', 'retrial', 'users']) {
      expect(files, feature).toContain(`${feature}/schemas.ts`);
    }
    expect(FIELDS.filter((f) => f.multiline).length, 'multi-line fields').toBeGreaterThan(20);
    expect(FIELDS.filter((f) => !f.multiline).length, 'single-line fields').toBeGreaterThan(10);
    // Names, titles and numbers are single-line.
    for (const f of FIELDS.filter((f) => /\.(title|name|chairName|location|agency|respondent|decisionRef|escalatedTo|committeeDecisionNo|courtCaseNumber)$/.test(f.name))) {
      expect(f.multiline, f.name).toBe(false);
    }
  });

  it('NUL, C0/C1 controls, unpaired surrogates and bidi overrides: refused in every text field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), ALWAYS_BAD, fc.nat(), ({ name, schema, sample }, bad, at) => {
        expect(codeOf(schema, inserted(sample, at, bad)), `${name} ${JSON.stringify(bad)}`).toBe(ownCode(name));
      }),
      { numRuns: 3000 },
    );
  }, 30_000);

  it('tab, line breaks and invisible format characters: refused in single-line fields, line breaks kept in multi-line ones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), LINE_ONLY_BAD, fc.nat(), ({ name, schema, sample, multiline }, bad, at) => {
        const value = inserted(sample, at, bad);
        const code = codeOf(schema, value);
        if (!multiline) expect(code, `${name} ${JSON.stringify(bad)}`).toBe(ownCode(name));
        else if (/^[\t\n\r]+$/.test(bad)) expect(code, `${name} ${JSON.stringify(bad)}`).toBeNull();
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('ordinary text of any script is accepted', () => {
    const ordinary = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => isCleanText(s, 'single') && s.trim().length > 0);
    fc.assert(
      fc.property(ordinary, (s) => {
        expect(text(100).safeParse(s).success, JSON.stringify(s)).toBe(true);
        expect(multilineText(100).safeParse(`${s}\n${s}`).success).toBe(true);
      }),
    );
    expect(text(100).safeParse('مرحبا שלום 你好 Ünïcödé').success).toBe(true);
  });

  it('the code is reported on the field, and both catalogs say it in words', () => {
    const schema = (modules['/lib/domain/recommendations/schemas.ts'] as Record<string, z.ZodType>).draftInput;
    expect(schema).toBeDefined();
    const r = schema!.safeParse({ title: 'Bad\u202etitle', facts: 'a\0b' });
    expect(r.success).toBe(false);
    const errors = zodFieldErrors(r.error!);
    expect(errors.title).toEqual(['controlCharacters']);
    expect(errors.facts).toEqual(['controlCharacters']);
    expect(en.errors.controlCharacters).toBeTruthy();
    expect(zh.errors.controlCharacters).toBeTruthy();
    expect(optionalText(10).safeParse('a\u0000').success).toBe(false);
    expect(optionalText(10).safeParse('').data).toBeNull();
  });
});
