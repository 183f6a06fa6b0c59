/**
 * Enforcement supervision inquiries against the real database (PGlite by default, PostgreSQL with
 * TEST_DATABASE_URL): sending with the 15-day deadline from the database calendar, the answer
 * (in time / late), urging, closing, bad input (nothing written), other institutions, version
 * conflicts, audit and timeline rows, the lists, and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { loadCalendarEntries } from '@/lib/data/calendar';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as I from '@/lib/data/inquiries';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { answerDueDate } from '@/lib/domain/inquiries/machine';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { seedInquiries } from '@/prisma/seed/inquiries';
import { openSeededTestDb, refusedWithoutWrites, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let procId = '';
let farCourtId = '';
let otherCaseId = '';
let ownCaseId = '';

const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'zhou.hao', 'qian.hui', 'zhao.mingyuan', 'jiang.tao', 'lin.xue', 'he.min', 'wang.jianguo', 'admin'];

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  // A second district (another region): its procuratorate and court are strangers to our records.
  const p2 = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District Procuratorate', regionCode: '630102' });
  const c2 = await ensureInstitution(t.prisma, { code: '青0102', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District Court', regionCode: '630102' });
  farCourtId = c2.id;
  await ensureUser(t.prisma, { username: 'far.procurator', name: '外院检察官', role: 'PROCURATOR', institutionId: p2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.leader', name: '外院检察长', role: 'PROCURATORATE_LEADER', institutionId: p2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.judge', name: '外院法官', role: 'COURT_STAFF', institutionId: c2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.president', name: '外院院长', role: 'COURT_LEADER', institutionId: c2.id, password: 'x'.repeat(12) });
  for (const username of [...PEOPLE, 'far.procurator', 'far.leader', 'far.judge', 'far.president']) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  courtId = A['jiang.tao']!.institutionId;
  procId = A['zhou.hao']!.institutionId;
  const other = await t.prisma.supervisionCase.create({
    data: { institutionId: p2.id, number: '城东检执监〔2026〕1号', kind: 'enforcement', title: '外院案件', parties: '甲、乙', handlerId: A['far.procurator']!.id },
  });
  otherCaseId = other.id;
  ownCaseId = (await t.prisma.supervisionCase.findUniqueOrThrow({ where: { number: '城中检执监〔2025〕15号' } })).id;
});
afterAll(async () => {
  await t?.close();
});

let rid = 0;
function ctx(today = TODAY): WorkflowContext & { requestId: string; now: Date } {
  return { today, requestId: `req-inq-${++rid}`, now: new Date(`${today}T02:00:00.000Z`) };
}
const good = (over: Record<string, unknown> = {}) => ({
  courtId,
  courtCaseNumber: '(2026)青0103执701号',
  caseId: '',
  question: '请你院书面说明该案执行情况，是否存在怠于执行情形。',
  sentOn: '2026-11-12',
  ...over,
});
const row = (id: string) => t.prisma.enforcementInquiry.findUniqueOrThrow({ where: { id } });
const counts = async () => ({
  inquiries: await t.prisma.enforcementInquiry.count(),
  events: await t.prisma.workflowEvent.count({ where: { recordType: 'EnforcementInquiry' } }),
  audits: await t.prisma.auditEvent.count(),
});
const send = async (over: Record<string, unknown> = {}, who = 'zhou.hao', today = TODAY) => (await I.sendInquiry(t.prisma, A[who]!, good(over), ctx(today))).id;
type Cmd = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, c: WorkflowContext) => Promise<unknown>;
const step = async (cmd: Cmd, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) =>
  cmd(t.prisma, A[who]!, { id, version: (await row(id)).version, ...extra }, c);

const refused = (fn: () => Promise<unknown>, cls: new (...a: never[]) => Error, props: Record<string, unknown> = {}) =>
  refusedWithoutWrites(counts, fn, cls, props);

describe('sending', () => {
  it('zhou.hao sends: 15-day due date from the database calendar, a shared event and an audit row', async () => {
    const c = ctx();
    const before = await counts();
    const { id, dueDate } = await I.sendInquiry(t.prisma, A['zhou.hao']!, good({ sentOn: '2026-09-16', caseId: ownCaseId }), c);
    // 16 Sep + 15 days = 1 Oct, National Day: the first working day after the holiday.
    expect(dueDate).toBe('2026-10-08');
    const cal = calendarFromEntries(await loadCalendarEntries(t.prisma));
    expect(answerDueDate('2026-09-16', cal)).toBe('2026-10-08');
    const r = await row(id);
    expect(r).toMatchObject({ status: 'sent', version: 1, procuratorateId: procId, courtId, sentById: A['zhou.hao']!.id, caseId: ownCaseId, courtCaseNumber: '(2026)青0103执701号' });
    expect(r.sentOn.toISOString().slice(0, 10)).toBe('2026-09-16');
    expect(r.dueDate.toISOString().slice(0, 10)).toBe('2026-10-08');
    expect(await counts()).toEqual({ inquiries: before.inquiries + 1, events: before.events + 1, audits: before.audits + 1 });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id } })).toMatchObject({
      recordType: 'EnforcementInquiry',
      kind: 'send',
      visibility: 'shared',
      toStatus: 'sent',
      caseId: ownCaseId,
      actorId: A['zhou.hao']!.id,
      institutionId: procId,
      at: c.now,
      data: { courtCaseNumber: '(2026)青0103执701号', sentOn: '2026-09-16', dueDate: '2026-10-08' },
    });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { recordId: id } })).toMatchObject({
      action: 'EnforcementInquiry.send',
      recordType: 'EnforcementInquiry',
      actorId: A['zhou.hao']!.id,
      institutionId: procId,
      requestId: c.requestId,
    });
  });

  it('the due date follows the holiday calendar in the database, not a built-in one', async () => {
    // 2026-12-01 + 15 = 2026-12-16 (Wednesday). Declare it a holiday: the period ends the next day.
    expect(answerDueDate('2026-12-01')).toBe('2026-12-16');
    await t.prisma.calendarDay.create({ data: { date: new Date('2026-12-16T00:00:00Z'), kind: 'HOLIDAY', name: 'Test holiday', year: 2026 } });
    try {
      const id = await send({ sentOn: '2026-11-27', courtCaseNumber: '(2026)青0103执702号' });
      expect((await row(id)).dueDate.toISOString().slice(0, 10)).toBe('2026-12-14');
      const { dueDate } = await I.sendInquiry(t.prisma, A['zhou.hao']!, good({ sentOn: '2026-12-01' }), ctx('2026-12-01'));
      expect(dueDate).toBe('2026-12-17');
    } finally {
      await t.prisma.calendarDay.delete({ where: { date: new Date('2026-12-16T00:00:00Z') } });
    }
  });

  it('a procuratorate leader may send too', async () => {
    const id = await send({ courtCaseNumber: '(2026)青0103执恢12号' }, 'qian.hui');
    expect((await row(id)).sentById).toBe(A['qian.hui']!.id);
  });

  it('bad input: a clear error naming the field, and nothing written', async () => {
    const s = (over: Record<string, unknown>) => () => I.sendInquiry(t.prisma, A['zhou.hao']!, good(over), ctx());
    const zodField = async (over: Record<string, unknown>, field: string, code: string) => {
      const e = (await refused(s(over), ZodError)) as ZodError;
      expect(e.issues.find((i) => i.path.join('.') === field)?.message, `${field}`).toBe(code);
    };
    await zodField({ courtCaseNumber: '' }, 'courtCaseNumber', 'required');
    await zodField({ courtCaseNumber: '2026执701' }, 'courtCaseNumber', 'courtCaseNumberFormat');
    await zodField({ sentOn: '2023-02-30' }, 'sentOn', 'dateInvalid');
    await zodField({ sentOn: '27/11/2026' }, 'sentOn', 'dateFormat');
    await zodField({ question: '' }, 'question', 'required');
    await zodField({ question: '问'.repeat(5001) }, 'question', 'tooLong');
    await zodField({ courtId: 'nope' }, 'courtId', 'invalidChoice');
    await refused(s({ courtCaseNumber: '(2025)青0103民初123号' }), FieldError, { field: 'courtCaseNumber', code: 'notEnforcementCase' });
    await refused(s({ courtCaseNumber: '(2026)青0102执5号' }), FieldError, { field: 'courtCaseNumber', code: 'otherCourt' });
    await refused(s({ sentOn: '2026-11-28' }), FieldError, { field: 'sentOn', code: 'dateInFuture' });
    // Not the court at the procuratorate's level; not a court at all.
    await refused(s({ courtId: farCourtId, courtCaseNumber: '(2026)青0102执5号' }), FieldError, { field: 'courtId', code: 'invalidChoice' });
    await refused(s({ courtId: procId }), FieldError, { field: 'courtId', code: 'invalidChoice' });
    await refused(s({ caseId: '00000000-0000-4000-8000-000000000000' }), FieldError, { field: 'caseId', code: 'invalidChoice' });
    // Another institution's case: forbidden.
    await refused(s({ caseId: otherCaseId }), ForbiddenError);
  });

  it('only the procuratorate sends: court people, the administrator → ForbiddenError, nothing written', async () => {
    for (const who of ['jiang.tao', 'wang.jianguo', 'admin', 'far.judge']) {
      await refused(() => I.sendInquiry(t.prisma, A[who]!, good(), ctx()), ForbiddenError);
    }
    // Even with bad input, a court user gets "forbidden", not field errors about the form.
    await refused(() => I.sendInquiry(t.prisma, A['jiang.tao']!, { courtId: '' }, ctx()), ForbiddenError);
    await refused(() => I.inquiryFormOptions(t.prisma, A['jiang.tao']!, TODAY), ForbiddenError);
  });

  it('the form offers the court at the same level and the procuratorate’s cases, enforcement first', async () => {
    const o = await I.inquiryFormOptions(t.prisma, A['zhou.hao']!, TODAY);
    expect(o.courts.map((c) => c.id)).toEqual([courtId]);
    expect(o.cases.length).toBeGreaterThan(0);
    expect(o.cases[0]!.kind).toBe('enforcement');
    expect(o.cases.some((c) => c.id === otherCaseId)).toBe(false);
  });
});

describe('answering, urging, closing', () => {
  it('in time: jiang.tao answers; zhou.hao closes with an assessment; each step an event and an audit row', async () => {
    const id = await send({ sentOn: '2026-11-12', courtCaseNumber: '(2026)青0103执710号' });
    expect((await row(id)).dueDate.toISOString().slice(0, 10)).toBe('2026-11-27');
    const c1 = ctx();
    const before = await counts();
    await step(I.answerInquiry, 'jiang.tao', id, { answer: '已冻结被执行人银行存款并扣划。', answeredOn: '2026-11-20' }, c1);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'answered', version: 2, answeredById: A['jiang.tao']!.id, answer: '已冻结被执行人银行存款并扣划。' });
    expect(r.answeredOn!.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(await counts()).toEqual({ ...before, events: before.events + 1, audits: before.audits + 1 });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'answer' } });
    expect(ev).toMatchObject({ visibility: 'shared', fromStatus: 'sent', toStatus: 'answered', institutionId: courtId, at: c1.now, data: { answeredOn: '2026-11-20', dueDate: '2026-11-27', late: false } });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: c1.requestId } })).toMatchObject({ action: 'EnforcementInquiry.answer', recordId: id, actorId: A['jiang.tao']!.id });

    // Nothing more for the court; the procuratorate may not urge an answered inquiry.
    await refused(() => step(I.answerInquiry, 'jiang.tao', id, { answer: '补充答复', answeredOn: '2026-11-21' }), StepError, { code: 'wrongState' });
    await refused(() => step(I.urgeInquiry, 'zhou.hao', id), StepError, { code: 'wrongState' });
    // Closing belongs to the procuratorate, and to the sender or a leader.
    await refused(() => step(I.closeInquiry, 'jiang.tao', id, { outcome: 'accepted', assessment: '属实' }), ForbiddenError);
    await refused(() => step(I.closeInquiry, 'li.wen', id, { outcome: 'accepted', assessment: '属实' }), ForbiddenError, { reason: 'notOwner' });
    await refused(() => step(I.closeInquiry, 'zhou.hao', id, { outcome: 'ok', assessment: '属实' }), ZodError);

    const c2 = ctx();
    await step(I.closeInquiry, 'zhou.hao', id, { outcome: 'accepted', assessment: '经核实答复属实，不存在消极执行。' }, c2);
    const closed = await row(id);
    expect(closed).toMatchObject({ status: 'closed', version: 3, closedAt: c2.now });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'close' } })).toMatchObject({
      visibility: 'shared',
      data: { outcome: 'accepted', assessment: '经核实答复属实，不存在消极执行。' },
    });

    // Both sides see it and its whole (shared) timeline.
    for (const who of ['zhou.hao', 'jiang.tao', 'he.min']) {
      const v = await I.getInquiry(t.prisma, A[who]!, id, TODAY);
      expect(v!.timeline.map((e) => e.kind)).toEqual(['send', 'answer', 'close']);
      expect(v!.closing).toMatchObject({ outcome: 'accepted' });
      expect(v!.answeredLate).toBe(false);
      expect(v!.actions).toEqual([]);
    }
  });

  it('answer date: not before sending, not in the future (nothing written)', async () => {
    const id = await send({ sentOn: '2026-11-12', courtCaseNumber: '(2026)青0103执711号' });
    await refused(() => step(I.answerInquiry, 'jiang.tao', id, { answer: '答复', answeredOn: '2026-11-11' }), FieldError, { field: 'answeredOn', code: 'replyBeforeServed' });
    await refused(() => step(I.answerInquiry, 'jiang.tao', id, { answer: '答复', answeredOn: '2026-11-28' }), FieldError, { field: 'answeredOn', code: 'dateInFuture' });
    await refused(() => step(I.answerInquiry, 'jiang.tao', id, { answer: '答复', answeredOn: '2026-02-30' }), ZodError);
    await refused(() => step(I.answerInquiry, 'jiang.tao', id, { answer: '', answeredOn: '2026-11-20' }), ZodError);
    expect((await row(id)).status).toBe('sent');
  });

  it('overdue: days overdue derived from today; urge (recorded, state unchanged); then a late answer', async () => {
    const id = await send({ sentOn: '2026-10-20', courtCaseNumber: '(2026)青0103执712号' });
    // 20 Oct + 15 = 4 Nov (Wednesday).
    expect((await row(id)).dueDate.toISOString().slice(0, 10)).toBe('2026-11-04');
    // Not overdue on the due day itself.
    await refused(() => step(I.urgeInquiry, 'zhou.hao', id, {}, ctx('2026-11-04')), StepError, { code: 'notOverdue' });
    const v0 = await I.getInquiry(t.prisma, A['jiang.tao']!, id, TODAY);
    expect(v0).toMatchObject({ daysOverdue: 23, daysLeft: null, status: 'sent' });
    expect(v0!.actions).toEqual(['answer']);
    expect((await I.getInquiry(t.prisma, A['zhou.hao']!, id, TODAY))!.actions).toEqual(['urge']);
    expect((await I.getInquiry(t.prisma, A['li.wen']!, id, TODAY))!.actions).toEqual([]);

    // Only the sender or a leader urges; not the court; not another procuratorate.
    await refused(() => step(I.urgeInquiry, 'li.wen', id, { comment: '请答复' }), ForbiddenError, { reason: 'notOwner' });
    await refused(() => step(I.urgeInquiry, 'jiang.tao', id), ForbiddenError);
    await refused(() => step(I.urgeInquiry, 'far.leader', id), ForbiddenError, { reason: 'notVisible' });
    await refused(() => step(I.urgeInquiry, 'zhou.hao', id, { comment: '催'.repeat(501) }), ZodError);

    const c = ctx();
    const before = await counts();
    await step(I.urgeInquiry, 'zhou.hao', id, { comment: '答复期限已过，请尽快答复。' }, c);
    await step(I.urgeInquiry, 'qian.hui', id, {});
    const r = await row(id);
    expect(r).toMatchObject({ status: 'sent', version: 3 });
    expect(await counts()).toEqual({ ...before, events: before.events + 2, audits: before.audits + 2 });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'urge' }, orderBy: { id: 'asc' } })).toMatchObject({
      visibility: 'shared',
      fromStatus: 'sent',
      toStatus: 'sent',
      data: { comment: '答复期限已过，请尽快答复。', daysOverdue: 23, dueDate: '2026-11-04' },
    });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: c.requestId } })).toMatchObject({ action: 'EnforcementInquiry.urge' });
    // The court sees the urges.
    const seen = await I.getInquiry(t.prisma, A['jiang.tao']!, id, TODAY);
    expect(seen!.urges).toHaveLength(2);

    await step(I.answerInquiry, 'he.min', id, { answer: '已恢复执行。', answeredOn: '2026-11-20' });
    const v = await I.getInquiry(t.prisma, A['zhou.hao']!, id, TODAY);
    expect(v).toMatchObject({ status: 'answered', answeredLate: true, daysLate: 16, daysOverdue: 0, answeredBy: '何敏' });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'answer' } })).toMatchObject({ data: { late: true, daysLate: 16 } });
  });

  it("another institution's people: not found to read, ForbiddenError to act, and absent from their lists", async () => {
    const id = await send({ courtCaseNumber: '(2026)青0103执713号' });
    for (const who of ['far.procurator', 'far.leader', 'far.judge', 'far.president']) {
      await expect(I.getInquiry(t.prisma, A[who]!, id, TODAY)).resolves.toBeNull();
      const list = (await I.listInquiries(t.prisma, A[who]!, {}, TODAY)).rows;
      expect(list.some((r) => r.id === id)).toBe(false);
    }
    await refused(() => step(I.answerInquiry, 'far.judge', id, { answer: '答复', answeredOn: TODAY }), ForbiddenError, { reason: 'notVisible' });
    await refused(() => step(I.answerInquiry, 'far.president', id, { answer: '答复', answeredOn: TODAY }), ForbiddenError);
    await refused(() => step(I.closeInquiry, 'far.leader', id, { outcome: 'accepted', assessment: '属实' }), ForbiddenError);
    // The administrator runs the platform, not the casework.
    await expect(I.getInquiry(t.prisma, A['admin']!, id, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(I.listInquiries(t.prisma, A['admin']!, {}, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    // The procuratorate may not answer for the court.
    await refused(() => step(I.answerInquiry, 'zhou.hao', id, { answer: '答复', answeredOn: TODAY }), ForbiddenError, { reason: 'institution' });
  });

  it('two people answering at once: one wins, the other gets ConflictError; a stale version too', async () => {
    const id = await send({ courtCaseNumber: '(2026)青0103执714号' });
    const v = (await row(id)).version;
    const a = I.answerInquiry(t.prisma, A['jiang.tao']!, { id, version: v, answer: '答复一', answeredOn: TODAY }, ctx());
    const b = I.answerInquiry(t.prisma, A['he.min']!, { id, version: v, answer: '答复二', answeredOn: TODAY }, ctx());
    const results = await Promise.allSettled([a, b]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    expect(await t.prisma.workflowEvent.count({ where: { recordId: id, kind: 'answer' } })).toBe(1);
    // A closing form opened before the answer was stored carries the old version.
    await refused(() => I.closeInquiry(t.prisma, A['zhou.hao']!, { id, version: v, outcome: 'accepted', assessment: '属实' }, ctx()), ConflictError);
    await refused(() => I.answerInquiry(t.prisma, A['jiang.tao']!, { id: '00000000-0000-4000-8000-000000000000', version: 1, answer: 'x', answeredOn: TODAY }, ctx()), FieldError, {
      field: 'id',
      code: 'notFound',
    });
  });
});

describe('lists and recomputing', () => {
  it('court view: open ones first by due date; filters status and overdue', async () => {
    const rows = (await I.listInquiries(t.prisma, A['jiang.tao']!, {}, TODAY)).rows;
    expect(rows.length).toBeGreaterThan(3);
    const open = rows.filter((r) => r.status === 'sent');
    expect(rows.slice(0, open.length).every((r) => r.status === 'sent')).toBe(true);
    const dues = open.map((r) => r.dueDate!);
    expect(dues).toEqual([...dues].sort());
    const overdue = (await I.listInquiries(t.prisma, A['jiang.tao']!, { overdue: true }, TODAY)).rows;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.status === 'sent' && r.daysOverdue > 0)).toBe(true);
    const closed = (await I.listInquiries(t.prisma, A['zhou.hao']!, { status: 'closed' }, TODAY)).rows;
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    // The procuratorate sees the same inquiries (it sent them all).
    const p = (await I.listInquiries(t.prisma, A['zhao.mingyuan']!, {}, TODAY)).rows;
    expect(new Set(p.map((r) => r.id))).toEqual(new Set(rows.map((r) => r.id)));
    const counts = await I.inquiryCounts(t.prisma, A['zhao.mingyuan']!, TODAY);
    expect(counts.overdue).toBe(overdue.length);
  });

  it('a new holiday calendar moves the due dates still running, with a shared event and an audit row', async () => {
    const id = await send({ sentOn: '2026-11-20', courtCaseNumber: '(2026)青0103执715号' });
    expect((await row(id)).dueDate.toISOString().slice(0, 10)).toBe('2026-12-07');
    await t.prisma.calendarDay.create({ data: { date: new Date('2026-12-07T00:00:00Z'), kind: 'HOLIDAY', name: 'Test holiday', year: 2026 } });
    try {
      const changed = await t.prisma.$transaction((tx) => I.recomputeInquiryDueDates(tx, { actorId: A['admin']!.id, institutionId: A['admin']!.institutionId }, [2026]));
      expect(changed).toBeGreaterThanOrEqual(1);
      const r = await row(id);
      expect(r.dueDate.toISOString().slice(0, 10)).toBe('2026-12-08');
      expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'dueDateRecomputed' } })).toMatchObject({
        visibility: 'shared',
        data: { previousDueDate: '2026-12-07', dueDate: '2026-12-08' },
      });
      expect(await t.prisma.auditEvent.count({ where: { recordId: id, action: 'EnforcementInquiry.dueDateRecomputed' } })).toBe(1);
    } finally {
      await t.prisma.calendarDay.delete({ where: { date: new Date('2026-12-07T00:00:00Z') } });
      await t.prisma.$transaction((tx) => I.recomputeInquiryDueDates(tx, { actorId: null, institutionId: null }, [2026]));
    }
  });
});

describe('demo seed', () => {
  it('writes six inquiries through the app’s steps, and nothing on a second run', async () => {
    // (Once seed() runs seedInquiries itself, the first call here finds them all there.)
    const first = await seedInquiries(t.prisma, { today: TODAY });
    expect(first.added + first.existing).toBe(6);
    const eventsAfterFirst = await t.prisma.workflowEvent.count({ where: { recordType: 'EnforcementInquiry' } });
    expect(await seedInquiries(t.prisma, { today: TODAY })).toEqual({ added: 0, existing: 6 });
    expect(await t.prisma.workflowEvent.count({ where: { recordType: 'EnforcementInquiry' } })).toBe(eventsAfterFirst);

    const rows = (await I.listInquiries(t.prisma, A['zhou.hao']!, {}, TODAY)).rows;
    const by = (n: string) => rows.find((r) => r.courtCaseNumber === n)!;
    expect(by('(2024)青0103执1876号')).toMatchObject({ status: 'closed', answeredLate: false });
    expect(by('(2026)青0103执562号')).toMatchObject({ status: 'answered', answeredLate: true, urges: 1 });
    expect(by('(2025)青0103执2043号')).toMatchObject({ status: 'sent', urges: 2 });
    expect(by('(2025)青0103执2043号').daysOverdue).toBeGreaterThan(0);
    expect(by('(2026)青0103执恢88号')).toMatchObject({ status: 'sent', daysOverdue: 0 });
    expect(by('(2025)青0103执异45号')).toMatchObject({ status: 'closed' });
    expect(by('(2026)青0103执1033号')).toMatchObject({ status: 'answered', answeredLate: false });

    // Each seeded step left its event and audit row, dated on the day of the step.
    const late = await t.prisma.enforcementInquiry.findFirstOrThrow({ where: { courtCaseNumber: '(2026)青0103执562号' } });
    const evs = await t.prisma.workflowEvent.findMany({ where: { recordId: late.id }, orderBy: { at: 'asc' } });
    expect(evs.map((e) => e.kind)).toEqual(['send', 'urge', 'answer']);
    expect(await t.prisma.auditEvent.count({ where: { recordId: late.id } })).toBe(3);
    expect(evs[2]!.at.toISOString().slice(0, 10)).toBe(late.answeredOn!.toISOString().slice(0, 10));
    expect(late.caseId).toBe((await t.prisma.supervisionCase.findUniqueOrThrow({ where: { number: '城中检执监〔2026〕9号' } })).id);
  });
});
