/**
 * File requests against the real database (PGlite by default, PostgreSQL with TEST_DATABASE_URL):
 * drafting (the court never sees a draft), sending with the default or the asked-for due date
 * (deadline engine, calendar from the database), urging when due, the court's three answers with
 * documents through the document store, withdrawing, closing; bad input changes nothing; version
 * conflicts; audit and timeline rows; the download verified and audited; the median response time
 * computed by the database, checked on a fixture by hand; and the demo seed.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { loadCalendarEntries } from '@/lib/data/calendar';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as F from '@/lib/data/file-requests';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import { MAX_FILE_BYTES_SETTING } from '@/lib/domain/attachments';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { addDays } from '@/lib/domain/dates';
import { defaultDueDate } from '@/lib/domain/file-requests/machine';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { FILES } from '../support/files';
import { openSeededTestDb, refusedWithoutWrites, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let farCourtId = '';

const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'wu.yating', 'zhao.mingyuan', 'lin.xue', 'wang.jianguo', 'admin'];

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  // A second district: strangers to our records, and the fixture for the median.
  const p2 = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District Procuratorate', regionCode: '630102' });
  const c2 = await ensureInstitution(t.prisma, { code: '青0102', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District Court', regionCode: '630102' });
  farCourtId = c2.id;
  await ensureUser(t.prisma, { username: 'far.procurator', name: '外院检察官', role: 'PROCURATOR', institutionId: p2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.judge', name: '外院法官', role: 'COURT_STAFF', institutionId: c2.id, password: 'x'.repeat(12) });
  for (const username of [...PEOPLE, 'far.procurator', 'far.judge']) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  courtId = A['lin.xue']!.institutionId;
});
afterAll(async () => {
  await t?.close();
});

let rid = 0;
function ctx(today = TODAY): WorkflowContext & { requestId: string; now: Date } {
  return { today, requestId: `req-frq-${++rid}`, now: new Date(`${today}T02:00:00.000Z`) };
}
let serial = 500;
const good = (over: Record<string, unknown> = {}) => ({
  courtId,
  courtCaseNumber: `(2025)青0103民初${++serial}号`,
  needed: '该案全部诉讼卷宗。',
  reason: '当事人申请民事诉讼监督，需审查原审程序。',
  requestedDueDate: '',
  ...over,
});
const row = (id: string) => t.prisma.fileRequest.findUniqueOrThrow({ where: { id } });
const counts = async () => ({
  requests: await t.prisma.fileRequest.count(),
  events: await t.prisma.workflowEvent.count({ where: { recordType: 'FileRequest' } }),
  audits: await t.prisma.auditEvent.count(),
  attachments: await t.prisma.attachment.count(),
});
const create = async (over: Record<string, unknown> = {}, who = 'li.wen', today = TODAY) => (await F.createFileRequest(t.prisma, A[who]!, good(over), ctx(today))).id;
type Cmd = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, c: WorkflowContext) => Promise<unknown>;
const step = async (cmd: Cmd, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) => cmd(t.prisma, A[who]!, { id, version: (await row(id)).version, ...extra }, c);
const sent = async (over: Record<string, unknown> = {}, today = TODAY) => {
  const id = await create(over, 'li.wen', today);
  await step(F.STEPS.send, 'li.wen', id, {}, ctx(today));
  return id;
};
const file = (name: string, bytes: Uint8Array, type = 'application/pdf') => new File([bytes as BlobPart], name, { type });
const calendar = async () => calendarFromEntries(await loadCalendarEntries(t.prisma));

describe('the demo seed', () => {
  it('has answered, partial, refused, open, overdue and draft requests, with answer documents in the store', async () => {
    const proc = A['li.wen']!.institutionId;
    const by = await t.prisma.fileRequest.groupBy({ by: ['status'], where: { procuratorateId: proc }, _count: { _all: true } });
    const n = Object.fromEntries(by.map((b) => [b.status, b._count._all]));
    expect(n).toMatchObject({ closed: 2, partial: 1, answered: 1, sent: 2, draft: 1 });
    expect(await F.countFileRequests(t.prisma, A['li.wen']!, { overdue: true }, TODAY)).toBeGreaterThanOrEqual(1);
    const refused = await t.prisma.workflowEvent.count({ where: { recordType: 'FileRequest', kind: 'refuse' } });
    expect(refused).toBeGreaterThanOrEqual(1);
    const docs = await t.prisma.attachment.findMany({ where: { recordType: 'FileRequest' } });
    expect(docs.length).toBeGreaterThanOrEqual(4);
    const first = await t.prisma.fileRequest.findFirstOrThrow({ where: { courtCaseNumber: '(2022)青0103民初123号' } });
    const doc = docs.find((d) => d.recordId === first.id)!;
    const served = await F.downloadAnswerDocument(t.prisma, A['li.wen']!, first.id, doc.id);
    const got = new Uint8Array(await new Response(served!.body).arrayBuffer());
    expect(createHash('sha256').update(got).digest('hex')).toBe(doc.sha256);
    // The draft is not the court's.
    expect(await F.countFileRequests(t.prisma, A['lin.xue']!, {}, TODAY)).toBe(6);
    expect(await F.countFileRequests(t.prisma, A['li.wen']!, {}, TODAY)).toBe(7);
  });
});

describe('drafting', () => {
  it('a draft is the procuratorate’s alone: the court finds nothing, not in its list, not by id, not by acting on it', async () => {
    const before = await counts();
    const id = await create();
    const r = await row(id);
    expect(r).toMatchObject({ status: 'draft', sentOn: null, dueDate: null, createdById: A['li.wen']!.id });
    expect(await counts()).toEqual({ ...before, requests: before.requests + 1, events: before.events + 1, audits: before.audits + 1 });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id } });
    expect(ev).toMatchObject({ kind: 'create', visibility: 'internal' });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { recordId: id } });
    expect(audit.action).toBe('FileRequest.create');

    expect(await F.getFileRequest(t.prisma, A['lin.xue']!, id, TODAY)).toBeNull();
    expect(await F.getFileRequest(t.prisma, A['wang.jianguo']!, id, TODAY)).toBeNull();
    expect(await F.countFileRequests(t.prisma, A['lin.xue']!, { status: 'draft' }, TODAY)).toBe(0);
    const all = await F.listFileRequests(t.prisma, A['lin.xue']!, {}, TODAY, { page: 1, size: 100 });
    expect(all.rows.map((x) => x.id)).not.toContain(id);
    await refusedWithoutWrites(counts, () => step(F.STEPS.answer, 'lin.xue', id, { files: [file('a.pdf', FILES.pdf())] }), ForbiddenError);
    // The procuratorate sees it, and a colleague may not touch another's draft; the leader may.
    expect((await F.getFileRequest(t.prisma, A['li.wen']!, id, TODAY))!.actions).toEqual(['edit', 'send', 'discard']);
    await refusedWithoutWrites(counts, () => step(F.STEPS.send, 'wu.yating', id), ForbiddenError, { reason: 'notOwner' });
    await step(F.STEPS.edit, 'zhao.mingyuan', id, { courtCaseNumber: '（2025）青0103民初999号', needed: '庭审笔录。', reason: '核查庭审程序。', requestedDueDate: '' });
    expect((await row(id)).courtCaseNumber).toBe('（2025）青0103民初999号');
  });

  it('bad input: a clear code on the field, nothing written', async () => {
    const zod = async (over: Record<string, unknown>, path: string, code: string) => {
      const err = (await refusedWithoutWrites(counts, () => create(over), ZodError)) as ZodError;
      expect(err.issues[0]).toMatchObject({ path: [path], message: code });
    };
    await zod({ courtCaseNumber: '' }, 'courtCaseNumber', 'required');
    await zod({ courtCaseNumber: undefined }, 'courtCaseNumber', 'required');
    await zod({ courtCaseNumber: '2022青0103民初123' }, 'courtCaseNumber', 'courtCaseNumberFormat');
    await zod({ needed: '   ' }, 'needed', 'required');
    await zod({ requestedDueDate: '2026-02-30' }, 'requestedDueDate', 'dateInvalid');
    await refusedWithoutWrites(counts, () => create({ courtCaseNumber: '(2022)青0102民初123号' }), FieldError, { field: 'courtCaseNumber', code: 'caseNumberOtherCourt' });
    await refusedWithoutWrites(counts, () => create({ requestedDueDate: addDays(TODAY, -1) }), FieldError, { field: 'requestedDueDate', code: 'dueDatePast' });
    await refusedWithoutWrites(counts, () => create({ requestedDueDate: TODAY }), FieldError, { field: 'requestedDueDate', code: 'dueDatePast' });
    await refusedWithoutWrites(counts, () => create({ courtId: farCourtId }), FieldError, { field: 'courtId', code: 'invalidChoice' });
    // The court does not draft requests; full-width and half-width brackets are both a case number.
    await refusedWithoutWrites(counts, () => create({}, 'lin.xue'), ForbiddenError);
    expect(await create({ courtCaseNumber: '（2022）青0103民初124号' })).toBeTruthy();
  });

  it('a discarded draft was never sent: withdrawn, internal, still invisible to the court', async () => {
    const id = await create();
    await step(F.STEPS.discard, 'li.wen', id, { comment: '' });
    expect((await row(id)).status).toBe('withdrawn');
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'discard' } });
    expect(ev.visibility).toBe('internal');
    expect(await F.getFileRequest(t.prisma, A['lin.xue']!, id, TODAY)).toBeNull();
  });
});

describe('sending, urging, withdrawing', () => {
  it('sent today: the default due date is 15 days by the calendar, and the court now sees it — without the draft’s internal events', async () => {
    const id = await sent();
    const r = await row(id);
    expect(r.status).toBe('sent');
    expect(r.sentOn!.toISOString().slice(0, 10)).toBe(TODAY);
    expect(r.dueDate!.toISOString().slice(0, 10)).toBe(defaultDueDate(TODAY, await calendar()));
    const view = (await F.getFileRequest(t.prisma, A['lin.xue']!, id, TODAY))!;
    expect(view.createdBy).toBeNull();
    expect(view.timeline.map((e) => e.kind)).toEqual(['send']);
    expect(view.actions).toEqual(['answer', 'answerPartially', 'refuse']);
    expect((await F.getFileRequest(t.prisma, A['li.wen']!, id, TODAY))!.timeline.map((e) => e.kind)).toEqual(['create', 'send']);
  });

  it('a due date asked for is kept; one that has passed by the day of sending is refused on its field', async () => {
    const due = addDays(TODAY, 5);
    const id = await sent({ requestedDueDate: due });
    expect((await row(id)).dueDate!.toISOString().slice(0, 10)).toBe(due);
    const stale = await create({ requestedDueDate: addDays(TODAY, 1) }, 'li.wen', TODAY);
    await refusedWithoutWrites(counts, () => step(F.STEPS.send, 'li.wen', stale, {}, ctx(addDays(TODAY, 3))), FieldError, { field: 'requestedDueDate', code: 'dueDatePast' });
  });

  it('urging: refused before the due date, allowed on it and after; shared on the timeline', async () => {
    const id = await sent({ requestedDueDate: addDays(TODAY, 4) });
    await refusedWithoutWrites(counts, () => step(F.STEPS.urge, 'li.wen', id, { comment: '' }), StepError, { code: 'notDue' });
    await step(F.STEPS.urge, 'li.wen', id, { comment: '请按期提供。' }, ctx(addDays(TODAY, 4)));
    await step(F.STEPS.urge, 'li.wen', id, { comment: '' }, ctx(addDays(TODAY, 6)));
    const later = (await F.getFileRequest(t.prisma, A['lin.xue']!, id, addDays(TODAY, 6)))!;
    expect(later.urges).toHaveLength(2);
    expect(later.daysOverdue).toBe(2);
    expect(await F.countFileRequests(t.prisma, A['lin.xue']!, { overdue: true }, addDays(TODAY, 6))).toBeGreaterThanOrEqual(1);
    const ids = (await F.listFileRequests(t.prisma, A['li.wen']!, { overdue: true }, addDays(TODAY, 6), { page: 1, size: 100 })).rows.map((r) => r.id);
    expect(ids).toContain(id);
    expect((await F.listFileRequests(t.prisma, A['li.wen']!, { overdue: true }, TODAY, { page: 1, size: 100 })).rows.map((r) => r.id)).not.toContain(id);
  });

  it('withdrawn before an answer (shared); after the answer it cannot be', async () => {
    const id = await sent();
    await step(F.STEPS.withdraw, 'li.wen', id, { comment: '已通过其他途径取得。' });
    expect((await row(id)).status).toBe('withdrawn');
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'withdraw' } });
    expect(ev.visibility).toBe('shared');
    const answered = await sent();
    await step(F.STEPS.refuse, 'lin.xue', answered, { answerNote: '卷宗已移送上级法院。', files: [] });
    await refusedWithoutWrites(counts, () => step(F.STEPS.withdraw, 'li.wen', answered, { comment: '' }), StepError, { code: 'wrongState' });
  });

  it('a stale version is a conflict, and changes nothing', async () => {
    const id = await sent();
    const v = (await row(id)).version;
    await step(F.STEPS.refuse, 'lin.xue', id, { answerNote: '理由。', files: [] });
    await refusedWithoutWrites(counts, () => F.STEPS.withdraw(t.prisma, A['li.wen']!, { id, version: v, comment: '' }, ctx()), ConflictError);
    const other = await sent();
    const v2 = (await row(other)).version;
    await step(F.STEPS.urge, 'li.wen', other, { comment: '' }, ctx(addDays(TODAY, 40)));
    await refusedWithoutWrites(counts, () => F.STEPS.withdraw(t.prisma, A['li.wen']!, { id: other, version: v2, comment: '' }, ctx()), ConflictError);
  });
});

describe('the court’s answer and its documents', () => {
  it('answers in full with documents: stored, hashed, audited; the procurator downloads the same bytes, audited; then closes', async () => {
    const id = await sent({}, addDays(TODAY, -6));
    const bytes = FILES.pdf();
    const before = await counts();
    await step(F.STEPS.answer, 'lin.xue', id, { answerNote: '', files: [file('庭审笔录.pdf', bytes)] });
    const r = await row(id);
    expect(r).toMatchObject({ status: 'answered', answeredById: A['lin.xue']!.id });
    expect(r.answeredOn!.toISOString().slice(0, 10)).toBe(TODAY);
    const after = await counts();
    expect(after.attachments).toBe(before.attachments + 1);
    expect(after.audits).toBe(before.audits + 2); // the step and attachment.add
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'answer' } });
    expect(ev.data).toMatchObject({ responseDays: 6, fileCount: 1, late: false });

    const view = (await F.getFileRequest(t.prisma, A['li.wen']!, id, TODAY))!;
    expect(view.responseDays).toBe(6);
    expect(view.documents).toHaveLength(1);
    expect(view.actions).toEqual(['close']);
    expect(await F.countFileRequests(t.prisma, A['li.wen']!, { toRead: true }, TODAY)).toBeGreaterThanOrEqual(1);
    const served = await F.downloadAnswerDocument(t.prisma, A['li.wen']!, id, view.documents[0]!.id, { requestId: 'dl-1' });
    const got = new Uint8Array(await new Response(served!.body).arrayBuffer());
    expect(createHash('sha256').update(got).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await t.prisma.auditEvent.count({ where: { recordId: id, action: 'attachment.download' } })).toBe(1);
    // Another district's people: not found, and the refusal is audited too.
    expect(await F.downloadAnswerDocument(t.prisma, A['far.procurator']!, id, view.documents[0]!.id)).toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { recordId: id, action: 'attachment.downloadRefused' } })).toBe(1);

    await step(F.STEPS.close, 'li.wen', id, { comment: '已阅。' });
    expect((await row(id)).status).toBe('closed');
  });

  it('a partial answer needs documents and reasons; a refusal needs reasons and carries no documents', async () => {
    const id = await sent();
    await refusedWithoutWrites(counts, () => step(F.STEPS.answer, 'lin.xue', id, { files: [] }), FieldError, { field: 'files', code: 'answerNeedsFiles' });
    await refusedWithoutWrites(counts, () => step(F.STEPS.answerPartially, 'lin.xue', id, { files: [file('a.pdf', FILES.pdf())] }), FieldError, { field: 'answerNote', code: 'answerReasonsRequired' });
    await refusedWithoutWrites(counts, () => step(F.STEPS.refuse, 'lin.xue', id, { answerNote: '理由', files: [file('a.pdf', FILES.pdf())] }), FieldError, { field: 'files', code: 'refusalHasFiles' });
    await refusedWithoutWrites(counts, () => step(F.STEPS.refuse, 'lin.xue', id, { answerNote: '', files: [] }), FieldError, { field: 'answerNote', code: 'answerReasonsRequired' });
    await step(F.STEPS.answerPartially, 'lin.xue', id, { answerNote: '副卷不对外提供。', files: [file('证据.pdf', FILES.pdf())] });
    expect((await row(id)).status).toBe('partial');
  });

  it('a renamed executable or a file over the administrator’s limit is refused on the files field, nothing stored', async () => {
    const id = await sent();
    await refusedWithoutWrites(counts, () => step(F.STEPS.answer, 'lin.xue', id, { files: [file('卷宗.pdf', FILES.exe())] }), FieldError, { field: 'files', code: 'attachmentMismatch' });
    await t.prisma.setting.create({ data: { key: MAX_FILE_BYTES_SETTING, value: 1024 } });
    try {
      await refusedWithoutWrites(counts, () => step(F.STEPS.answer, 'lin.xue', id, { files: [file('big.txt', FILES.text('卷'.repeat(1000)), 'text/plain')] }), FieldError, { field: 'files', code: 'attachmentTooLarge' });
    } finally {
      await t.prisma.setting.update({ where: { key: MAX_FILE_BYTES_SETTING }, data: { value: 20 * 1024 * 1024 } });
    }
    expect((await row(id)).status).toBe('sent');
  });
});

describe('the median response time', () => {
  it('is computed by the database over what the actor may see: a fixture of 3, 5, 10 and 20 days gives 7.5', async () => {
    const far = A['far.procurator']!;
    const judge = A['far.judge']!;
    const base = '2026-09-01';
    for (const [i, days] of [3, 5, 10, 20].entries()) {
      const { id } = await F.createFileRequest(t.prisma, far, { courtId: farCourtId, courtCaseNumber: `(2025)青0102民初${i + 1}号`, needed: '卷宗。', reason: '监督。', requestedDueDate: '' }, ctx(base));
      await F.STEPS.send(t.prisma, far, { id, version: 1 }, ctx(base));
      await F.STEPS.refuse(t.prisma, judge, { id, version: 2, answerNote: '理由。', files: [] }, ctx(addDays(base, days)));
    }
    // Unanswered and draft requests are not counted.
    const open = await F.createFileRequest(t.prisma, far, { courtId: farCourtId, courtCaseNumber: '(2025)青0102民初9号', needed: '卷宗。', reason: '监督。', requestedDueDate: '' }, ctx(base));
    await F.STEPS.send(t.prisma, far, { id: open.id, version: 1 }, ctx(base));
    await F.createFileRequest(t.prisma, far, { courtId: farCourtId, courtCaseNumber: '(2025)青0102民初10号', needed: '卷宗。', reason: '监督。', requestedDueDate: '' }, ctx(base));

    expect(await F.fileRequestResponseTime(t.prisma, far)).toEqual({ answered: 4, medianDays: 7.5, href: '/file-requests?answered=1' });
    expect(await F.fileRequestResponseTime(t.prisma, judge)).toMatchObject({ answered: 4, medianDays: 7.5 });
    expect(await F.countFileRequests(t.prisma, far, { answered: true }, TODAY)).toBe(4);
    // Our district's figure is not touched by theirs: the seed's answered requests, by hand.
    const ours = await t.prisma.fileRequest.findMany({ where: { procuratorateId: A['li.wen']!.institutionId, answeredOn: { not: null } }, select: { sentOn: true, answeredOn: true } });
    const days = ours.map((r) => (r.answeredOn!.getTime() - r.sentOn!.getTime()) / 86_400_000).sort((a, b) => a - b);
    const mid = days.length / 2;
    const median = days.length % 2 ? days[Math.floor(mid)]! : (days[mid - 1]! + days[mid]!) / 2;
    expect(await F.fileRequestResponseTime(t.prisma, A['li.wen']!)).toMatchObject({ answered: ours.length, medianDays: median });
    expect(await F.fileRequestResponseTime(t.prisma, A['lin.xue']!)).toMatchObject({ answered: ours.length, medianDays: median });
  });

  it('is the leaders’ and the workers’ of both sides, never the administrator’s', async () => {
    await expect(F.fileRequestResponseTime(t.prisma, A['admin']!)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
