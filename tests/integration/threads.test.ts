/**
 * Threads on records against the real database (PGlite by default, PostgreSQL with
 * TEST_DATABASE_URL): sending a message with an attachment (the document store's door), read
 * receipts once per user and message, internal notes that the other institution never reads
 * (nor counts, nor downloads), mentions, corrections, unread counts per record and in the shell
 * (one statement), the record's visibility as the thread's (another district's record: not
 * found), bad input and refused files with nothing stored, the append-only table, and the demo
 * threads of the seed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { FieldError, StepError } from '@/lib/data/errors';
import * as T from '@/lib/data/threads';
import { loadActor } from '@/lib/data/users';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { canReadMessage, isUnread } from '@/lib/domain/threads/rules';
import { recordOf, THREAD_KINDS, THREAD_RECORD_TYPES } from '@/lib/domain/threads/kinds';
import { isVisible } from '@/lib/data/visibility';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { FILES, servedBytes, upload } from '@/tests/support/files';
import { openSeededTestDb, ownDocumentStore, refusedWithoutWrites, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
const PEOPLE = ['li.wen', 'wu.yating', 'sun.lixin', 'lin.xue', 'chen.zhiqiang', 'jiang.tao', 'admin'];
/** A served recommendation of the demo pair (both sides see it), a draft (the court does not), a supervision case, another district's lead. */
let served = '';
let draft = '';
let kase = '';
let farLead = '';
let rid = 0;
const ctx = () => ({ requestId: `req-thread-${++rid}` });

// This file counts the files in the document store: a store of its own (others upload meanwhile).
ownDocumentStore();

const storedFiles = () => {
  const dir = path.join(process.env.DOCUMENT_DIR!, 'attachments');
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
};
/** Everything a post writes. */
const counts = async () => ({
  messages: await t.prisma.threadMessage.count(),
  mentions: await t.prisma.threadMention.count(),
  attachments: await t.prisma.attachment.count(),
  audit: await t.prisma.auditEvent.count(),
  files: storedFiles(),
});

const msg = (recordId: string, body: string, extra: Record<string, unknown> = {}) => ({ recordType: 'Recommendation', recordId, body, ...extra });

beforeAll(async () => {
  t = await openSeededTestDb();
  const p2 = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District Procuratorate', regionCode: '630102' });
  const c2 = await ensureInstitution(t.prisma, { code: '青0102', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District Court', regionCode: '630102' });
  await ensureUser(t.prisma, { username: 'far.judge', name: '外院法官', role: 'COURT_STAFF', institutionId: c2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.procurator', name: '外院检察官', role: 'PROCURATOR', institutionId: p2.id, password: 'x'.repeat(12) });
  for (const username of [...PEOPLE, 'far.judge', 'far.procurator']) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  const proc = A['li.wen']!.institutionId;
  served = (await t.prisma.recommendation.findFirstOrThrow({ where: { institutionId: proc, servedOn: { not: null }, threadMessages: { none: {} } }, select: { id: true } })).id;
  draft = (await t.prisma.recommendation.findFirstOrThrow({ where: { institutionId: proc, servedOn: null }, select: { id: true } })).id;
  kase = (await t.prisma.supervisionCase.findFirstOrThrow({ where: { institutionId: proc }, select: { id: true } })).id;
  farLead = (
    await t.prisma.caseLead.create({
      data: { kind: 'other', title: '外院线索', summary: '外院线索摘要', procuratorateId: p2.id, courtId: c2.id, fromKind: 'COURT', status: 'sent', sentById: A['far.judge']!.id, sentAt: new Date() },
    })
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe('a message with an attachment, read receipts, unread counts', () => {
  let sentId = '';

  it('the court sends a message with a file: one message, its attachment in the store and its audit rows, in one go', async () => {
    const before = await counts();
    const r = await T.sendMessage(t.prisma, A['lin.xue']!, msg(served, '请查收审查意见。', { files: [upload({ fileName: '审查意见.pdf', bytes: FILES.pdf() })] }), ctx());
    sentId = r.id;
    expect(await counts()).toEqual({ ...before, messages: before.messages + 1, attachments: before.attachments + 1, audit: before.audit + 2, files: before.files + 1 });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'thread.message', recordId: served }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorId: A['lin.xue']!.id, recordType: 'Recommendation', institutionId: A['lin.xue']!.institutionId });
    expect((audit.summary as Record<string, unknown>).messageId).toBe(r.id);
    const row = await t.prisma.threadMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ audience: 'shared', recommendationId: served, body: '请查收审查意见。', institutionId: A['lin.xue']!.institutionId });
  });

  it('it is unread for the procurator (record and shell) until she opens the thread; then the court sees who read it and when, once', async () => {
    const unreadBefore = await T.unreadTotal(t.prisma, A['li.wen']!);
    const perRecord = await T.unreadByRecord(t.prisma, A['li.wen']!, 'Recommendation', [served]);
    expect(perRecord.get(served)).toBe(1);
    const opened = (await T.getThread(t.prisma, A['li.wen']!, 'Recommendation', served, { now: new Date('2026-11-27T06:00:00Z') }))!;
    expect(opened.unreadCount).toBe(1);
    expect(opened.messages.find((m) => m.id === sentId)).toMatchObject({ unread: true, own: false, receipts: null, attachments: [{ fileName: '审查意见.pdf' }] });
    expect(await T.unreadTotal(t.prisma, A['li.wen']!)).toBe(unreadBefore - 1);
    // Opened again: nothing unread, and still one receipt.
    const again = (await T.getThread(t.prisma, A['li.wen']!, 'Recommendation', served))!;
    expect(again.unreadCount).toBe(0);
    expect(await t.prisma.threadReceipt.count({ where: { messageId: sentId, userId: A['li.wen']!.id } })).toBe(1);
    // The sender's side sees the receipt; the sender has no unread message of its own.
    const court = (await T.getThread(t.prisma, A['lin.xue']!, 'Recommendation', served))!;
    expect(court.messages.find((m) => m.id === sentId)!.receipts).toEqual([{ name: '李文', readAt: new Date('2026-11-27T06:00:00Z') }]);
    expect(court.messages.find((m) => m.id === sentId)!.unread).toBe(false);
  });

  it('the attachment downloads for both sides, verified; not for another district (audited as not found)', async () => {
    const att = await t.prisma.attachment.findFirstOrThrow({ where: { recordType: T.MESSAGE_RECORD_TYPE, recordId: sentId } });
    const file = await T.readMessageAttachment(t.prisma, A['li.wen']!, sentId, att.id, ctx());
    expect(await servedBytes(file)).toEqual(FILES.pdf());
    expect(await T.readMessageAttachment(t.prisma, A['far.judge']!, sentId, att.id, ctx())).toBeNull();
    const refused = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.downloadRefused', actorId: A['far.judge']!.id }, orderBy: { id: 'desc' } });
    expect(refused.summary).toMatchObject({ outcome: 'notFound' });
  });

  it('the shell total is one statement, whatever the number of kinds and records', async () => {
    const statements: string[] = [];
    const traced = t.prisma.$extends({ query: { $allOperations: async ({ model, operation, args, query }) => (statements.push(`${model}.${operation}`), query(args)) } });
    await T.unreadTotal(traced as unknown as typeof t.prisma, A['sun.lixin']!);
    expect(statements).toEqual(['ThreadMessage.count']);
  });
});

describe('internal notes', () => {
  let noteId = '';

  it('the court\'s note is read, counted and downloadable by the court only', async () => {
    const procBefore = await T.unreadTotal(t.prisma, A['li.wen']!);
    const r = await T.addNote(t.prisma, A['lin.xue']!, msg(served, '内部：合议庭倾向部分采纳。', { mentions: [A['chen.zhiqiang']!.id], files: [upload({ fileName: '合议笔录.txt', bytes: FILES.text() })] }), ctx());
    noteId = r.id;
    expect(await T.unreadTotal(t.prisma, A['li.wen']!)).toBe(procBefore);
    expect((await T.unreadByRecord(t.prisma, A['li.wen']!, 'Recommendation', [served])).get(served)).toBeUndefined();
    const proc = (await T.getThread(t.prisma, A['li.wen']!, 'Recommendation', served))!;
    expect(proc.messages.map((m) => m.id)).not.toContain(noteId);
    expect(JSON.stringify(proc)).not.toContain('合议庭倾向');
    const judge = (await T.getThread(t.prisma, A['chen.zhiqiang']!, 'Recommendation', served))!;
    expect(judge.messages.find((m) => m.id === noteId)).toMatchObject({ audience: 'internal', unread: true, mentionsMe: true });
    const att = await t.prisma.attachment.findFirstOrThrow({ where: { recordType: T.MESSAGE_RECORD_TYPE, recordId: noteId } });
    expect(await T.readMessageAttachment(t.prisma, A['li.wen']!, noteId, att.id, ctx())).toBeNull();
    expect(await servedBytes(await T.readMessageAttachment(t.prisma, A['chen.zhiqiang']!, noteId, att.id, ctx()))).toEqual(FILES.text());
    // The procuratorate's audit trail has no trace of it either.
    expect(await t.prisma.auditEvent.count({ where: { institutionId: A['li.wen']!.institutionId, summary: { path: ['messageId'], equals: noteId } } })).toBe(0);
  });

  it('the predicate and the `where` agree on every message for every user', async () => {
    const all = await t.prisma.threadMessage.findMany({ include: { receipts: { select: { userId: true } } } });
    expect(all.length).toBeGreaterThan(3);
    const models = t.prisma as unknown as Record<string, { count(a: object): Promise<number> }>;
    for (const who of Object.values(A)) {
      const readable = new Set((await t.prisma.threadMessage.findMany({ where: T.readableWhere(who), select: { id: true } })).map((m) => m.id));
      const unread = new Set((await t.prisma.threadMessage.findMany({ where: T.unreadWhere(who), select: { id: true } })).map((m) => m.id));
      for (const m of all) {
        const { recordType, recordId } = recordOf(m)!;
        const kind = THREAD_KINDS[recordType];
        const sees = (await isVisible(models[kind.model]!, kind.visibility, who, recordId)) && canReadMessage(who, m);
        expect(readable.has(m.id), `${who.id} reads ${m.id}`).toBe(sees);
        expect(unread.has(m.id), `${who.id} unread ${m.id}`).toBe(sees && isUnread(who, m, m.receipts.some((r) => r.userId === who.id)));
      }
    }
  });
});

describe('mentions and corrections', () => {
  it('a colleague who may see the record can be mentioned; one who may not (another district, the administrator, oneself) is refused, nothing stored', async () => {
    const r = await T.sendMessage(t.prisma, A['li.wen']!, msg(served, '请林雪法官关注。', { mentions: [A['lin.xue']!.id, A['wu.yating']!.id] }), ctx());
    expect(await t.prisma.threadMention.count({ where: { messageId: r.id } })).toBe(2);
    const lin = (await T.getThread(t.prisma, A['lin.xue']!, 'Recommendation', served))!;
    expect(lin.messages.find((m) => m.id === r.id)).toMatchObject({ mentionsMe: true, mentions: ['林雪', '吴雅婷'] });
    for (const who of ['far.judge', 'admin', 'li.wen']) {
      await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, msg(served, '提及测试', { mentions: [A[who]!.id] }), ctx()), FieldError, { field: 'mentions', code: 'mentionInvalid' });
    }
    // A note may not name someone of the other institution.
    await refusedWithoutWrites(counts, () => T.addNote(t.prisma, A['li.wen']!, msg(served, '内部提及', { mentions: [A['lin.xue']!.id] }), ctx()), FieldError, { field: 'mentions', code: 'mentionInvalid' });
    // Not an id at all.
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, msg(served, '提及测试', { mentions: ['nobody'] }), ctx()), ZodError);
  });

  it('a correction is a new message naming the author\'s own earlier one of the same audience; the original stays', async () => {
    const first = await T.sendMessage(t.prisma, A['li.wen']!, msg(served, '回复期限为两个月。'), ctx());
    const fix = await T.sendMessage(t.prisma, A['li.wen']!, msg(served, '更正：回复期限为三个月。', { correctsId: first.id }), ctx());
    expect(await t.prisma.threadMessage.findUniqueOrThrow({ where: { id: fix.id } })).toMatchObject({ correctsId: first.id });
    expect(await t.prisma.threadMessage.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ body: '回复期限为两个月。' });
    // Someone else's message, or a message corrected by a note: refused.
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['wu.yating']!, msg(served, '更正', { correctsId: first.id }), ctx()), FieldError, { field: 'correctsId', code: 'invalidChoice' });
    await refusedWithoutWrites(counts, () => T.addNote(t.prisma, A['li.wen']!, msg(served, '更正', { correctsId: first.id }), ctx()), FieldError, { field: 'correctsId', code: 'invalidChoice' });
  });

  it('the table is append-only: a message cannot be changed or removed', async () => {
    const m = await t.prisma.threadMessage.findFirstOrThrow();
    await expect(t.prisma.threadMessage.updateMany({ where: { id: m.id }, data: { body: '改' } })).rejects.toThrow();
    await expect(t.prisma.threadMessage.deleteMany({ where: { id: m.id } })).rejects.toThrow();
    await expect(t.prisma.threadReceipt.deleteMany({})).rejects.toThrow();
    expect(await t.prisma.threadMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ body: m.body });
  });
});

describe('the record\'s visibility is the thread\'s', () => {
  it('another district\'s record: no thread, and a message to it is refused as not found, nothing stored', async () => {
    expect(await T.getThread(t.prisma, A['li.wen']!, 'CaseLead', farLead)).toBeNull();
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, { recordType: 'CaseLead', recordId: farLead, body: '越界消息' }, ctx()), FieldError, { field: 'recordId', code: 'notFound' });
    await refusedWithoutWrites(counts, () => T.addNote(t.prisma, A['lin.xue']!, { recordType: 'CaseLead', recordId: farLead, body: '越界备注' }, ctx()), FieldError, { field: 'recordId', code: 'notFound' });
  });

  it('a draft the court may not see: no thread for the court; the procuratorate may write notes but no message yet', async () => {
    expect(await T.getThread(t.prisma, A['lin.xue']!, 'Recommendation', draft)).toBeNull();
    const proc = (await T.getThread(t.prisma, A['li.wen']!, 'Recommendation', draft))!;
    expect(proc.composers.shared).toMatchObject({ allowed: false, reason: 'otherSideCannotSee' });
    expect(proc.composers.internal.allowed).toBe(true);
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, msg(draft, '草稿消息'), ctx()), StepError, { code: 'otherSideCannotSee' });
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['lin.xue']!, msg(draft, '草稿消息'), ctx()), FieldError, { field: 'recordId', code: 'notFound' });
    await T.addNote(t.prisma, A['li.wen']!, msg(draft, '草稿内部备注'), ctx());
  });

  it('a supervision case (the procuratorate\'s own): notes only; the court and the administrator have no thread', async () => {
    expect(await T.getThread(t.prisma, A['lin.xue']!, 'SupervisionCase', kase)).toBeNull();
    expect(await T.getThread(t.prisma, A['admin']!, 'SupervisionCase', kase)).toBeNull();
    await refusedWithoutWrites(counts, () => T.addNote(t.prisma, A['lin.xue']!, { recordType: 'SupervisionCase', recordId: kase, body: '法院备注' }, ctx()), ForbiddenError);
    const n = await T.addNote(t.prisma, A['li.wen']!, { recordType: 'SupervisionCase', recordId: kase, body: '案件内部备注' }, ctx());
    expect(await t.prisma.threadMessage.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ caseId: kase, audience: 'internal' });
    expect(await T.unreadTotal(t.prisma, A['admin']!)).toBe(0);
  });

  it('every declared kind loads through its visibility: a record of each kind has a thread for one of its parties', async () => {
    for (const type of THREAD_RECORD_TYPES) {
      const kind = THREAD_KINDS[type];
      const rec = (await (t.prisma as unknown as Record<string, { findFirst(a: object): Promise<{ id: string } | null> }>)[kind.model]!.findFirst({ where: { [kind.visibility.parties.procuratorate]: A['li.wen']!.institutionId }, select: { id: true } }))!;
      expect(rec, type).not.toBeNull();
      const a = await T.getThread(t.prisma, A['li.wen']!, type, rec.id);
      const b = await T.getThread(t.prisma, A['lin.xue']!, type, rec.id);
      expect(a !== null || b !== null, type).toBe(true);
    }
  });
});

describe('bad input and refused files: a field error, nothing stored', () => {
  it('an empty message, one over the limit, an unknown kind', async () => {
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, msg(served, '   '), ctx()), ZodError);
    const big = await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, msg(served, '长'.repeat(10_241)), ctx()), ZodError);
    expect((big as ZodError).issues[0]).toMatchObject({ path: ['body'], message: 'tooLong' });
    await refusedWithoutWrites(counts, () => T.sendMessage(t.prisma, A['li.wen']!, { recordType: 'AuditEvent', recordId: served, body: 'x' }, ctx()), ZodError);
  });

  it('a renamed executable and an oversize file are refused with the files field named; the store keeps nothing', async () => {
    await refusedWithoutWrites(
      counts,
      () => T.sendMessage(t.prisma, A['lin.xue']!, msg(served, '附件', { files: [upload({ fileName: '回复.pdf', mimeType: 'application/pdf', bytes: FILES.exe() })] }), ctx()),
      FieldError,
      { field: 'files', code: 'attachmentMismatch' },
    );
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(FILES.pdf());
    await refusedWithoutWrites(
      counts,
      () => T.sendMessage(t.prisma, A['lin.xue']!, msg(served, '附件', { files: [upload({ fileName: '大文件.pdf', bytes: huge })] }), ctx()),
      FieldError,
      { field: 'files', code: 'attachmentTooLarge' },
    );
    // A good file with a refused mention: the staged file is removed again.
    await refusedWithoutWrites(
      counts,
      () => T.sendMessage(t.prisma, A['lin.xue']!, msg(served, '附件', { mentions: [A['far.judge']!.id], files: [upload({ fileName: '好文件.pdf', bytes: FILES.pdf() })] }), ctx()),
      FieldError,
      { field: 'mentions' },
    );
  });
});

describe('the demo seed', () => {
  it('has threads in Chinese with an internal note of each side, a correction, mentions and read receipts', async () => {
    const seeded = await t.prisma.threadMessage.findMany({ where: { recordType: 'Recommendation', NOT: { recommendationId: served } }, include: { receipts: true, mentions: true } });
    expect(seeded.some((m) => m.audience === 'internal' && m.institutionId === A['li.wen']!.institutionId)).toBe(true);
    expect(seeded.some((m) => m.audience === 'internal' && m.institutionId === A['lin.xue']!.institutionId)).toBe(true);
    expect(seeded.some((m) => m.correctsId !== null)).toBe(true);
    expect(seeded.some((m) => m.receipts.length > 0 && m.mentions.length > 0)).toBe(true);
    expect(seeded.every((m) => /[\u4e00-\u9fff]/.test(m.body))).toBe(true);
    expect(await t.prisma.threadMessage.count({ where: { recordType: 'CaseLead' } })).toBeGreaterThan(0);
  });
});
