/**
 * The rules of a thread (lib/domain/threads): who reads a message or a note, who may post what,
 * mentions, corrections, unread, receipts; the input schema; the registry of kinds.
 */
import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/domain/roles';
import { sidesSeeing } from '@/lib/domain/visibility';
import { columnOf, isThreadRecordType, recordOf, THREAD_KINDS, THREAD_RECORD_TYPES } from '@/lib/domain/threads/kinds';
import { canReadMessage, decidePost, isUnread, mayCorrect, mayMention, seesReceipts, THREAD_LIMITS } from '@/lib/domain/threads/rules';
import { postInput } from '@/lib/domain/threads/schemas';
import { COURT, makeActor, PROC } from '@/tests/support/actors';

const procurator = makeActor('PROCURATOR', { id: 'p1' });
const colleague = makeActor('PROCURATOR', { id: 'p2' });
const judge = makeActor('COURT_STAFF', { id: 'c1' });
const admin = makeActor('ADMIN', { id: 'a1' });
const inactive = makeActor('PROCURATOR', { id: 'p3', active: false });
const BOTH = { procuratorate: true, court: true };
const PROC_ONLY = { procuratorate: true, court: false };
const note = { audience: 'internal' as const, institutionId: PROC, authorId: 'p1' };
const message = { audience: 'shared' as const, institutionId: COURT, authorId: 'c1' };
const UUID = '00000000-0000-4000-8000-000000000001';

describe('who reads a message', () => {
  it('a message: both institutions; a note: the author\'s institution only; the administrator and the inactive: nothing', () => {
    expect(canReadMessage(procurator, message)).toBe(true);
    expect(canReadMessage(judge, message)).toBe(true);
    expect(canReadMessage(colleague, note)).toBe(true);
    expect(canReadMessage(judge, note)).toBe(false);
    expect(canReadMessage(admin, message)).toBe(false);
    expect(canReadMessage(inactive, note)).toBe(false);
  });
});

describe('who may post', () => {
  it('a message needs both institutions to see the record; a note only the author\'s', () => {
    expect(decidePost(procurator, 'shared', BOTH)).toEqual({ ok: true });
    expect(decidePost(procurator, 'shared', PROC_ONLY)).toEqual({ ok: false, code: 'otherSideCannotSee' });
    expect(decidePost(procurator, 'internal', PROC_ONLY)).toEqual({ ok: true });
    expect(decidePost(judge, 'internal', PROC_ONLY)).toEqual({ ok: false, code: 'forbidden' });
  });
  it('the administrator and inactive users post nothing, for every role otherwise the sides decide', () => {
    for (const a of [admin, inactive]) for (const aud of ['shared', 'internal'] as const) expect(decidePost(a, aud, BOTH).ok).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'ADMIN')) expect(decidePost(makeActor(role), 'internal', BOTH).ok).toBe(true);
  });
});

describe('mentions and corrections', () => {
  const person = (id: string, institutionId: string, active = true) => ({ id, institutionId, active });
  it('a message names anyone active who sees the record, but not oneself; a note only colleagues', () => {
    expect(mayMention(procurator, 'shared', person('c1', COURT), true)).toBe(true);
    expect(mayMention(procurator, 'shared', person('c1', COURT), false)).toBe(false);
    expect(mayMention(procurator, 'shared', person('c1', COURT, false), true)).toBe(false);
    expect(mayMention(procurator, 'shared', person('p1', PROC), true)).toBe(false);
    expect(mayMention(procurator, 'internal', person('p2', PROC), true)).toBe(true);
    expect(mayMention(procurator, 'internal', person('c1', COURT), true)).toBe(false);
  });
  it('a correction: the same author and the same audience', () => {
    expect(mayCorrect(procurator, 'internal', note)).toBe(true);
    expect(mayCorrect(procurator, 'shared', note)).toBe(false);
    expect(mayCorrect(colleague, 'internal', note)).toBe(false);
    expect(mayCorrect(judge, 'shared', message)).toBe(true);
  });
});

describe('unread and receipts', () => {
  it('unread: readable, someone else\'s, no receipt of the reader', () => {
    expect(isUnread(procurator, message, false)).toBe(true);
    expect(isUnread(procurator, message, true)).toBe(false);
    expect(isUnread(judge, message, false)).toBe(false);
    expect(isUnread(judge, note, false)).toBe(false);
    expect(isUnread(colleague, note, false)).toBe(true);
  });
  it('receipts are the sender\'s side\'s', () => {
    expect(seesReceipts(judge, message)).toBe(true);
    expect(seesReceipts(procurator, message)).toBe(false);
  });
});

describe('the input', () => {
  const base = { recordType: 'CaseLead', recordId: UUID, body: '请查收。' };
  const codes = (v: unknown) => {
    const r = postInput.safeParse(v);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };
  it('the text is required, trimmed, at most the limit, no control characters', () => {
    expect(codes(base)).toBeNull();
    expect(codes({ ...base, body: '  ' })).toEqual(['body:required']);
    expect(codes({ ...base, body: 'x'.repeat(THREAD_LIMITS.body + 1) })).toEqual(['body:tooLong']);
    expect(codes({ ...base, body: 'a\u202eb' })).toEqual(['body:controlCharacters']);
  });
  it('mentions: none, one (a string) or several; ids only; at most the limit', () => {
    expect(postInput.parse(base).mentions).toEqual([]);
    expect(postInput.parse({ ...base, mentions: UUID }).mentions).toEqual([UUID]);
    expect(postInput.parse({ ...base, mentions: [UUID, ''] }).mentions).toEqual([UUID]);
    expect(codes({ ...base, mentions: ['x'] })).toEqual(['mentions.0:mentionInvalid']);
    expect(codes({ ...base, mentions: Array.from({ length: THREAD_LIMITS.mentions + 1 }, () => UUID) })).toEqual(['mentions:tooManyMentions']);
  });
  it('only a declared kind; the audience is not an input', () => {
    expect(codes({ ...base, recordType: 'AuditEvent' })).toEqual(['recordType:invalidChoice']);
    expect(postInput.parse({ ...base, audience: 'internal' })).not.toHaveProperty('audience');
  });
});

describe('the registry of kinds', () => {
  it('each kind is named by its visibility declaration, with its own column and page', () => {
    for (const t of THREAD_RECORD_TYPES) {
      expect(THREAD_KINDS[t].visibility.recordType).toBe(t);
      expect(THREAD_KINDS[t].href('x')).toMatch(/^\/[a-z-]+\/x$/);
      expect(isThreadRecordType(t)).toBe(true);
    }
    expect(new Set(THREAD_RECORD_TYPES.map((t) => columnOf(THREAD_KINDS[t]))).size).toBe(THREAD_RECORD_TYPES.length);
    expect(isThreadRecordType('toString')).toBe(false);
    expect(recordOf({ leadId: UUID, caseId: null })).toEqual({ recordType: 'CaseLead', recordId: UUID });
  });
  it('each side\'s condition is over the record only (so whether both sides see it can be asked)', () => {
    for (const t of THREAD_RECORD_TYPES) expect(() => sidesSeeing(THREAD_KINDS[t].visibility, {})).not.toThrow();
  });
});
