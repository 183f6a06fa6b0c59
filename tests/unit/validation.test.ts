/**
 * The shared input primitives (lib/domain/validation.ts): one behaviour for every workflow's
 * forms, and one message code per field (the code the catalogs localize under errors.*).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import * as cases from '@/lib/domain/cases/schemas';
import * as committee from '@/lib/domain/committee/schemas';
import * as inquiries from '@/lib/domain/inquiries/schemas';
import * as nonLitigation from '@/lib/domain/non-litigation/schemas';
import * as recommendations from '@/lib/domain/recommendations/schemas';
import * as retrial from '@/lib/domain/retrial/schemas';
import {
  checkbox,
  courtCaseNumber,
  isoDate,
  optionalCourtCaseNumber,
  optionalIsoDate,
  optionalText,
  optionalUuid,
  stepInput,
  text,
  uuid,
  version,
} from '@/lib/domain/validation';

const UUID = '0b3e2f5c-1d4a-4c8e-9f7a-2b6d8e0c1a3f';

/** The issues' codes, in order (each field must report exactly one). */
function codes(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('isoDate: a real calendar date YYYY-MM-DD, one code per field', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '1990-01-01', ' 2026-03-01 '])('%s is a date', (s) => {
    expect(isoDate.safeParse(s)).toEqual({ success: true, data: s.trim() });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    [undefined, 'required'],
    [null, 'required'],
    [20260301, 'required'],
    ['2026-2-3', 'dateFormat'],
    ['03/02/2026', 'dateFormat'],
    ['2026-03-01T00:00', 'dateFormat'],
    ['tomorrow', 'dateFormat'],
    ['2026-02-30', 'dateInvalid'],
    ['2026-02-29', 'dateInvalid'],
    ['1900-02-29', 'dateInvalid'],
    ['2026-13-01', 'dateInvalid'],
    ['2026-00-10', 'dateInvalid'],
    ['2026-04-31', 'dateInvalid'],
    ['2026-01-00', 'dateInvalid'],
  ])('%j → %s only', (value, code) => {
    expect(codes(isoDate, value)).toEqual([code]);
  });

  it('every code a primitive reports is a message in both languages (errors.*)', () => {
    for (const code of ['required', 'dateFormat', 'dateInvalid', 'tooLong', 'invalid', 'invalidChoice', 'courtCaseNumberFormat']) {
      expect(en.errors, code).toHaveProperty(code);
      expect(zh.errors, code).toHaveProperty(code);
    }
  });

  it('every workflow uses the same date: 2026-02-30 is dateInvalid, 2026-2-30 dateFormat, in each form that takes a date', () => {
    const cases_: [string, z.ZodType, Record<string, unknown>, string][] = [
      ['recommendations.serve', recommendations.serveInput, { id: UUID, version: 1, method: 'written' }, 'servedOn'],
      ['recommendations.signReply', recommendations.signReplyInput, { id: UUID, version: 1 }, 'replyOn'],
      ['inquiries.answer', inquiries.answerInput, { id: UUID, version: 1, answer: '已执行' }, 'answeredOn'],
      ['retrial.hearing', retrial.hearingInput, { id: UUID, version: 1 }, 'hearingOn'],
      ['nonLitigation.recordAppeal', nonLitigation.recordAppealInput, { id: UUID, version: 1 }, 'appealedOn'],
      ['cases.open', cases.openCaseInput, { kind: 'civil', title: 't', parties: 'p', courtId: UUID, handlerId: UUID }, 'acceptedOn'],
    ];
    for (const [name, schema, rest, field] of cases_) {
      const at = (value: string) =>
        (schema.safeParse({ ...rest, [field]: value }).error?.issues ?? []).filter((i) => i.path.join('.') === field).map((i) => i.message);
      expect(at('2026-02-30'), name).toEqual(['dateInvalid']);
      expect(at('2026-2-30'), name).toEqual(['dateFormat']);
      expect(at(''), name).toEqual(['required']);
      expect(at('2026-02-27'), name).toEqual([]);
    }
  });

  it('the case acceptance date keeps its floor: before 1990 is dateInvalid', () => {
    const open = { kind: 'civil', title: 't', parties: 'p', courtId: UUID, handlerId: UUID };
    expect(cases.openCaseInput.safeParse({ ...open, acceptedOn: '1989-12-31' }).error?.issues.map((i) => i.message)).toEqual(['dateInvalid']);
    expect(cases.openCaseInput.safeParse({ ...open, acceptedOn: '1990-01-01' }).success).toBe(true);
  });
});

describe('optionalIsoDate: empty or missing → null, otherwise the same date rule', () => {
  it.each([
    ['', null],
    [undefined, null],
    ['2026-02-28', '2026-02-28'],
  ])('%j → %j', (value, out) => {
    expect(optionalIsoDate.parse(value)).toBe(out);
  });

  it.each([
    ['2026-02-30', 'dateInvalid'],
    ['2026-2-1', 'dateFormat'],
    ['  ', 'required'],
  ])('%j → %s only (not an opaque union error)', (value, code) => {
    expect(codes(optionalIsoDate, value)).toEqual([code]);
  });

  it('the optional dates of each workflow name the real problem', () => {
    const r = retrial.fileInput.safeParse({ learnedOn: '2026-02-30' });
    expect(r.error?.issues.filter((i) => i.path[0] === 'learnedOn').map((i) => i.message)).toEqual(['dateInvalid']);
    const n = nonLitigation.receiveApplicationInput.safeParse({ id: UUID, version: 1, appliedOn: '2026-03-02', demandServedOn: '2026-02-30' });
    expect(n.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['demandServedOn', 'dateInvalid']]);
    const a = recommendations.approveInput.safeParse({ id: UUID, version: 1, committeeDecisionOn: '2026-02-30' });
    expect(a.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['committeeDecisionOn', 'dateInvalid']]);
  });
});

describe('texts', () => {
  it('text: trimmed, required, at most max; one code', () => {
    expect(text(5).parse('  abc ')).toBe('abc');
    expect(codes(text(5), '')).toEqual(['required']);
    expect(codes(text(5), '   ')).toEqual(['required']);
    expect(codes(text(5), undefined)).toEqual(['required']);
    expect(codes(text(5), 'abcdef')).toEqual(['tooLong']);
    expect(text(5).parse('abcde')).toBe('abcde');
  });

  it('optionalText: blank, missing or null → null; trimmed; at most max', () => {
    expect(optionalText(5).parse(undefined)).toBeNull();
    expect(optionalText(5).parse(null)).toBeNull();
    expect(optionalText(5).parse('   ')).toBeNull();
    expect(optionalText(5).parse(' ab ')).toBe('ab');
    expect(codes(optionalText(5), 'abcdef')).toEqual(['tooLong']);
  });
});

describe('ids, versions, checkboxes', () => {
  it('uuid and optionalUuid', () => {
    expect(uuid.parse(UUID)).toBe(UUID);
    expect(codes(uuid, 'not-an-id')).toEqual(['invalidChoice']);
    expect(optionalUuid.parse('')).toBeNull();
    expect(optionalUuid.parse(undefined)).toBeNull();
    expect(optionalUuid.parse(null)).toBeNull();
    expect(optionalUuid.parse(UUID)).toBe(UUID);
    expect(codes(optionalUuid, 'x')).not.toEqual([]);
  });

  it('version: a positive integer, coerced from the form; anything else → invalid', () => {
    expect(version.parse('3')).toBe(3);
    for (const v of ['0', '-1', '1.5', 'abc', '']) expect(codes(version, v), v).toEqual(['invalid']);
  });

  it('stepInput: id and version, as every step sends them', () => {
    expect(stepInput.parse({ id: UUID, version: '2' })).toEqual({ id: UUID, version: 2 });
    expect(codes(stepInput, { id: 'x', version: '2' })).toEqual(['invalidChoice']);
    // Every workflow's steps take the same one.
    for (const s of [recommendations.stepInput, inquiries.stepInput, retrial.stepInput, nonLitigation.stepInput, committee.stepInput, cases.caseStepInput])
      expect(s).toBe(stepInput);
  });

  it('checkbox: checked → true, anything else allowed → false', () => {
    for (const v of ['on', 'true', true]) expect(checkbox.parse(v), String(v)).toBe(true);
    for (const v of ['', 'false', false, undefined]) expect(checkbox.parse(v), String(v)).toBe(false);
    expect(checkbox.safeParse('maybe').success).toBe(false);
  });
});

describe('court case numbers', () => {
  it('required: in the court format, one code', () => {
    expect(courtCaseNumber(64).parse(' (2026)青0103民初88号 ')).toBe('(2026)青0103民初88号');
    expect(codes(courtCaseNumber(64), '')).toEqual(['required']);
    expect(codes(courtCaseNumber(64), '2026青0103民初88号')).toEqual(['courtCaseNumberFormat']);
    expect(codes(courtCaseNumber(10), '(2026)青0103民初88号')).toEqual(['tooLong']);
  });

  it('optional: blank → null, otherwise in the court format', () => {
    expect(optionalCourtCaseNumber(64).parse('')).toBeNull();
    expect(optionalCourtCaseNumber(64).parse(undefined)).toBeNull();
    expect(optionalCourtCaseNumber(64).parse('(2026)青0103民初88号')).toBe('(2026)青0103民初88号');
    expect(codes(optionalCourtCaseNumber(64), 'x')).toEqual(['courtCaseNumberFormat']);
  });
});
