/**
 * Supervision cases against the real database (PGlite by default, PostgreSQL with
 * TEST_DATABASE_URL): opening with bad input, numbering, the stage steps, reassignment, the
 * court shut out, list filters, the joint timeline, and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import * as C from '@/lib/data/cases';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as R from '@/lib/data/recommendations';
import { loadActor } from '@/lib/data/users';
import { writeWorkflowEvent } from '@/lib/data/workflow';
import { caseOverdueDays, REVIEW_STAGES, type CaseStage } from '@/lib/domain/cases/machine';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { NEW_CASES, seedCases } from '@/prisma/seed/cases';
import { DEMO_CASES } from '@/prisma/seed/recommendations';
import { openSeededTestDb, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let civilDivision = '';
let procDept = '';
let otherProcurator = '';
let otherLeader: Actor;

const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'wu.yating', 'zhou.hao', 'zhao.mingyuan', 'sun.lixin', 'lin.xue', 'yang.fan', 'wang.jianguo', 'he.min', 'admin'];

let rid = 0;
const ctx = (today = TODAY) => ({ today, requestId: `req-case-${++rid}`, now: new Date(`${today}T02:00:00.000Z`) });

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  await seedCases(t.prisma, { today: TODAY });
  for (const username of PEOPLE) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  courtId = A['lin.xue']!.institutionId;
  civilDivision = (await t.prisma.department.findFirstOrThrow({ where: { institutionId: courtId, key: 'civil-division' } })).id;
  procDept = (await t.prisma.department.findFirstOrThrow({ where: { institutionId: A['li.wen']!.institutionId } })).id;
  // A second procuratorate, with a procurator and a leader of its own.
  const other = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District People’s Procuratorate', regionCode: '630102' });
  otherProcurator = (await ensureUser(t.prisma, { username: 'gao.feng', name: '高峰', role: 'PROCURATOR', institutionId: other.id, password: 'Liaison-demo-2026' })).id;
  const ol = await ensureUser(t.prisma, { username: 'song.jie', name: '宋洁', role: 'PROCURATORATE_LEADER', institutionId: other.id, password: 'Liaison-demo-2026' });
  otherLeader = (await loadActor(t.prisma, ol.id))!;
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const good = (over: Record<string, unknown> = {}) => ({
  kind: 'civil',
  title: '测试：孙某与赵某民间借贷纠纷监督案',
  parties: '申请人：孙某；被申请人：赵某',
  courtId,
  courtDepartmentId: civilDivision,
  handlerId: A['li.wen']!.id,
  acceptedOn: '2026-11-02',
  courtCaseNumbers: '(2026)青0103民初2001号\n（2026）青01民终88号',
  falseLitigation: 'on',
  ...over,
});

const counts = async () => ({
  cases: await t.prisma.supervisionCase.count(),
  events: await t.prisma.workflowEvent.count(),
  audits: await t.prisma.auditEvent.count(),
  counters: await t.prisma.numberSequence.findMany({ orderBy: [{ scope: 'asc' }, { year: 'asc' }] }),
});

const row = (id: string) => t.prisma.supervisionCase.findUniqueOrThrow({ where: { id } });
const version = async (id: string) => (await row(id)).version;
async function step(name: keyof typeof C.CASE_COMMANDS, who: string | Actor, id: string, extra: Record<string, unknown> = {}, c = ctx()) {
  const actor = typeof who === 'string' ? A[who]! : who;
  return C.CASE_COMMANDS[name](t.prisma, actor, { id, version: await version(id), ...extra }, c);
}
async function open(who = 'li.wen', over: Record<string, unknown> = {}, c = ctx()) {
  return C.openNewCase(t.prisma, A[who]!, good(over), c);
}

/** The field an input error names, whether zod's or the data layer's. */
function fieldErrors(e: unknown): Record<string, string> {
  if (e instanceof FieldError) return { [e.field]: e.code };
  if (e instanceof ZodError) {
    const out: Record<string, string> = {};
    for (const i of e.issues) out[i.path.join('.')] ??= i.message;
    return out;
  }
  throw e;
}
async function refused(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    return fieldErrors(e);
  }
  throw new Error('expected a refusal');
}

// ---------------------------------------------------------------------------------------------

describe('opening a case', () => {
  it('opens with a number, the review due date, court case numbers, tags, an internal event and an audit row', async () => {
    const c = ctx();
    const { id, number } = await open('li.wen', { acceptedOn: '2026-07-01' }, c);
    const r = await row(id);
    expect(number).toMatch(/^城中检民监〔2026〕\d+号$/);
    expect(r).toMatchObject({
      kind: 'civil',
      stage: 'accepted',
      courtId,
      courtDepartmentId: civilDivision,
      handlerId: A['li.wen']!.id,
      tags: ['false_litigation'],
      courtCaseNumber: '(2026)青0103民初2001号',
      courtCaseNumbers: ['(2026)青0103民初2001号', '（2026）青01民终88号'],
    });
    expect(r.acceptedOn!.toISOString().slice(0, 10)).toBe('2026-07-01');
    // 3 months → 2026-10-01, in the National Day holiday → the first working day after it.
    expect(r.stageDueDate!.toISOString().slice(0, 10)).toBe('2026-10-08');
    const ev = await t.prisma.workflowEvent.findMany({ where: { recordId: id } });
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ recordType: 'SupervisionCase', caseId: id, kind: 'open', visibility: 'internal', toStatus: 'accepted' });
    const audit = await t.prisma.auditEvent.findMany({ where: { recordId: id } });
    expect(audit.map((a) => [a.action, a.requestId])).toEqual([['SupervisionCase.open', c.requestId]]);
  });

  it('bad input names the field and writes nothing', async () => {
    const before = await counts();
    const court = A['lin.xue']!;
    const expectations: [Record<string, unknown>, Record<string, string>][] = [
      [{ courtCaseNumbers: '(2026)青0103民初2001号\n2026青0103民初1号' }, { courtCaseNumbers: 'courtCaseNumberFormat' }],
      [{ courtCaseNumbers: '(2026)青0103民初2001号, (2026)青0103民初号' }, { courtCaseNumbers: 'courtCaseNumberFormat' }],
      [{ courtId: A['li.wen']!.institutionId }, { courtId: 'invalidChoice' }],
      [{ courtDepartmentId: procDept }, { courtDepartmentId: 'invalidChoice' }],
      [{ acceptedOn: '2026-11-28' }, { acceptedOn: 'dateInFuture' }],
      [{ acceptedOn: '2023-02-30' }, { acceptedOn: 'dateInvalid' }],
      [{ acceptedOn: '27/11/2026' }, { acceptedOn: 'dateFormat' }],
      [{ title: 'x'.repeat(201) }, { title: 'tooLong' }],
      [{ kind: 'criminal' }, { kind: 'invalidChoice' }],
      [{ pensionFraud: 'lottery' }, { pensionFraud: 'invalidChoice' }],
      // Several bad fields at once: all are named, the court case numbers too.
      [{ title: '', courtCaseNumbers: 'abc' }, { title: 'required', courtCaseNumbers: 'courtCaseNumberFormat' }],
    ];
    for (const [over, want] of expectations) expect(await refused(open('li.wen', over)), JSON.stringify(over)).toEqual(want);
    // Whom a case may go to is the policy's (decideHandler): refused as ForbiddenError, nothing written.
    const retired = (await t.prisma.user.findUniqueOrThrow({ where: { username: 'ma.retired' } })).id;
    for (const [handlerId, reason] of [[court.id, 'institution'], [otherProcurator, 'institution'], [retired, 'inactive']] as const) {
      await expect(open('li.wen', { handlerId }), handlerId).rejects.toMatchObject({ name: 'ForbiddenError', reason });
    }
    expect(await refused(open('li.wen', { handlerId: '00000000-0000-4000-8000-000000000000' }))).toEqual({ handlerId: 'invalidChoice' });
    expect(await counts()).toEqual(before);
  });

  it('numbers are unique and sequential per kind and year, never reused', async () => {
    const civil26 = [];
    for (let i = 0; i < 3; i++) civil26.push((await open('wu.yating', { title: `测试顺序号${i}`, handlerId: A['wu.yating']!.id })).number);
    const seqOf = (n: string) => Number(/〔\d{4}〕(\d+)号/.exec(n)![1]);
    expect(civil26.map(seqOf)).toEqual([seqOf(civil26[0]!), seqOf(civil26[0]!) + 1, seqOf(civil26[0]!) + 2]);
    // Past every demo number of the same kind and year (the seed raised the counter).
    const demoMax = Math.max(...DEMO_CASES.filter((c) => c.number.startsWith('城中检民监〔2026〕')).map((c) => seqOf(c.number)));
    expect(seqOf(civil26[0]!)).toBeGreaterThan(demoMax);

    // Another kind and another year each have their own sequence.
    const adm = await open('wu.yating', { kind: 'administrative', title: '测试行政', handlerId: A['wu.yating']!.id });
    expect(adm.number).toMatch(/^城中检行监〔2026〕\d+号$/);
    const old1 = await open('li.wen', { acceptedOn: '2024-05-06', title: '测试2024年一' });
    const old2 = await open('li.wen', { acceptedOn: '2024-06-06', title: '测试2024年二' });
    expect([old1.number, old2.number]).toEqual(['城中检民监〔2024〕1号', '城中检民监〔2024〕2号']);

    // At the same time: still distinct.
    const together = await Promise.all([0, 1, 2].map((i) => open('li.wen', { acceptedOn: '2024-07-01', title: `测试并发${i}` })));
    expect(new Set(together.map((x) => x.number)).size).toBe(3);
    expect(together.map((x) => seqOf(x.number)).sort()).toEqual([3, 4, 5]);
    const all = await t.prisma.supervisionCase.findMany({ select: { number: true } });
    expect(new Set(all.map((x) => x.number)).size).toBe(all.length);
  });
});

describe('stage steps', () => {
  it('accepted → reviewing → supervising → closed; the review due date while the review runs; closed stays closed', async () => {
    const { id } = await open('li.wen', { acceptedOn: '2026-07-01', title: '测试阶段' });
    await step('advance', 'li.wen', id, { comment: '开始审查' }, ctx('2026-07-03'));
    expect((await row(id)).stage).toBe('reviewing');
    expect((await row(id)).stageDueDate!.toISOString().slice(0, 10)).toBe('2026-10-08');

    await step('advance', 'li.wen', id, {}, ctx('2026-10-12'));
    const sup = await row(id);
    expect(sup.stage).toBe('supervising');
    expect(sup.stageDueDate).toBeNull();
    const adv = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'advance', toStatus: 'supervising' } });
    expect(adv.data).toMatchObject({ reviewDueDate: '2026-10-08', late: true });

    await expect(step('advance', 'li.wen', id)).rejects.toEqual(new StepError('wrongState'));
    await step('close', 'li.wen', id, { outcome: 'recommendation', conclusion: '检察建议已被采纳。' });
    const closed = await row(id);
    expect(closed.stage).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    for (const [name, extra] of [
      ['advance', {}],
      ['close', { outcome: 'terminated', conclusion: '再次结案' }],
      ['assign', { handlerId: A['zhou.hao']!.id, reason: '调整' }],
      ['tag', { socialConflict: 'yes' }],
      ['linkCourtCase', { courtCaseNumber: '(2026)青0103民初9999号' }],
    ] as const) {
      await expect(step(name, 'zhao.mingyuan', id, extra), name).rejects.toEqual(new StepError('wrongState'));
    }
    const view = (await C.getCase(t.prisma, A['li.wen']!, id, TODAY))!;
    expect(view.conclusion).toEqual({ outcome: 'recommendation', text: '检察建议已被采纳。' });
    expect(view.reviewEnded).toMatchObject({ dueDate: '2026-10-08', late: true });
    expect(view.actions).toEqual([]);
  });

  it('tags and court case numbers; unchanged tags and linked numbers are refused', async () => {
    const { id } = await open('li.wen', { title: '测试标签' });
    await step('tag', 'li.wen', id, { falseLitigation: 'no', socialConflict: 'yes', pensionFraud: 'home_equity' });
    expect((await row(id)).tags).toEqual(['pension_fraud:home_equity', 'social_conflict']);
    await expect(step('tag', 'li.wen', id, { socialConflict: 'yes', pensionFraud: 'home_equity' })).rejects.toEqual(new StepError('tagsUnchanged'));

    await step('linkCourtCase', 'li.wen', id, { courtCaseNumber: '(2026)青0103执77号' });
    expect((await row(id)).courtCaseNumbers).toEqual(['(2026)青0103民初2001号', '（2026）青01民终88号', '(2026)青0103执77号']);
    expect(await refused(step('linkCourtCase', 'li.wen', id, { courtCaseNumber: '（2026）青0103执77号' }))).toEqual({ courtCaseNumber: 'courtCaseNumberLinked' });
    expect(await refused(step('linkCourtCase', 'li.wen', id, { courtCaseNumber: '2026青0103执78号' }))).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
  });

  it('two people at once: one wins, the other gets a conflict', async () => {
    const { id } = await open('li.wen', { title: '测试并发修改' });
    const v = await version(id);
    await C.advanceCase(t.prisma, A['li.wen']!, { id, version: v }, ctx());
    await expect(C.tagCase(t.prisma, A['zhao.mingyuan']!, { id, version: v, socialConflict: 'yes' }, ctx())).rejects.toBeInstanceOf(ConflictError);
  });

  it('procurators act on their own cases only; leaders on any', async () => {
    const { id } = await open('li.wen', { title: '测试承办人' });
    await expect(step('advance', 'wu.yating', id)).rejects.toMatchObject({ reason: 'notOwner' });
    await step('advance', 'sun.lixin', id);
    expect((await row(id)).stage).toBe('reviewing');
  });
});

describe('holiday calendar changes', () => {
  it('recomputes the review due date of the cases under review only, with an internal event and an audit row', async () => {
    const { id } = await open('li.wen', { acceptedOn: '2026-07-01', title: '测试重算期限' });
    const { id: done } = await open('li.wen', { acceptedOn: '2026-07-01', title: '测试重算期限（已监督）' });
    await step('advance', 'li.wen', done);
    await step('advance', 'li.wen', done);
    // As if computed before the National Day holidays were on file.
    await t.prisma.supervisionCase.update({ where: { id }, data: { stageDueDate: new Date('2026-10-01T00:00:00Z') } });
    const n = await t.prisma.$transaction((tx) => C.recomputeCaseDueDates(tx, { actorId: A['admin']!.id, institutionId: A['admin']!.institutionId, requestId: 'req-cal' }, [2026]));
    expect(n).toBe(1);
    expect((await row(id)).stageDueDate!.toISOString().slice(0, 10)).toBe('2026-10-08');
    expect((await row(done)).stageDueDate).toBeNull();
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'dueDateRecomputed' } });
    expect(ev).toMatchObject({ visibility: 'internal', caseId: id });
    expect(ev.data).toMatchObject({ previousDueDate: '2026-10-01', dueDate: '2026-10-08' });
    expect(await t.prisma.auditEvent.count({ where: { recordId: id, action: 'SupervisionCase.dueDateRecomputed', requestId: 'req-cal' } })).toBe(1);
    // Nothing left to change.
    expect(await t.prisma.$transaction((tx) => C.recomputeCaseDueDates(tx, { actorId: null, institutionId: null }, [2026]))).toBe(0);
  });
});

describe('assignment', () => {
  it('only a leader, only to an active procurator or leader of the same procuratorate, with reasons; nothing written when refused', async () => {
    const { id } = await open('li.wen', { title: '测试改派' });
    const before = await counts();
    await expect(step('assign', 'li.wen', id, { handlerId: A['wu.yating']!.id, reason: '工作量' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(step('assign', otherLeader, id, { handlerId: A['wu.yating']!.id, reason: '工作量' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(step('assign', 'zhao.mingyuan', id, { handlerId: A['lin.xue']!.id, reason: '工作量' })).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'institution' });
    await expect(step('assign', 'zhao.mingyuan', id, { handlerId: otherProcurator, reason: '工作量' })).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'institution' });
    await expect(step('assign', 'zhao.mingyuan', id, { handlerId: A['admin']!.id, reason: '工作量' })).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'role' });
    expect(await refused(step('assign', 'zhao.mingyuan', id, { handlerId: A['li.wen']!.id, reason: '工作量' }))).toEqual({ handlerId: 'sameHandler' });
    expect(await refused(step('assign', 'zhao.mingyuan', id, { handlerId: A['zhou.hao']!.id, reason: '' }))).toEqual({ reason: 'required' });
    expect(await counts()).toEqual(before);

    const c = ctx();
    await step('assign', 'zhao.mingyuan', id, { handlerId: A['zhou.hao']!.id, reason: '案件涉及执行程序，改由执行监督检察部承办。' }, c);
    expect((await row(id)).handlerId).toBe(A['zhou.hao']!.id);
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'assign' } });
    expect(ev).toMatchObject({ visibility: 'internal', caseId: id, actorId: A['zhao.mingyuan']!.id });
    expect(ev.data).toMatchObject({ fromHandler: '李文', toHandler: '周浩', reason: '案件涉及执行程序，改由执行监督检察部承办。' });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { recordId: id, action: 'SupervisionCase.assign' } });
    expect(audit.requestId).toBe(c.requestId);
    expect(audit.summary).toMatchObject({ before: { handlerId: A['li.wen']!.id }, after: { handlerId: A['zhou.hao']!.id } });

    // The former handler no longer acts on it; the new one does.
    await expect(step('advance', 'li.wen', id)).rejects.toMatchObject({ reason: 'notOwner' });
    await step('advance', 'zhou.hao', id);
    // A leader may hand it to another leader too.
    await step('assign', 'sun.lixin', id, { handlerId: A['zhao.mingyuan']!.id, reason: '重大敏感案件，由院领导直接办理。' });
    expect((await row(id)).handlerId).toBe(A['zhao.mingyuan']!.id);
  });
});

describe('the court and the administrator are shut out', () => {
  it('ForbiddenError for every read and every step; another procuratorate does not find the case', async () => {
    const { id } = await open('li.wen', { title: '测试法院不可见' });
    for (const who of ['lin.xue', 'yang.fan', 'wang.jianguo', 'he.min', 'admin']) {
      const a = A[who]!;
      await expect(C.listCases(t.prisma, a, {}, TODAY), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(C.getCase(t.prisma, a, id, TODAY), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(C.caseOptions(t.prisma, a), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(C.openNewCase(t.prisma, a, good({ handlerId: A['li.wen']!.id }), ctx()), who).rejects.toBeInstanceOf(ForbiddenError);
      for (const [name, extra] of [
        ['advance', {}],
        ['close', { outcome: 'terminated', conclusion: '结案' }],
        ['assign', { handlerId: A['zhou.hao']!.id, reason: '调整' }],
        ['tag', { socialConflict: 'yes' }],
        ['linkCourtCase', { courtCaseNumber: '(2026)青0103民初9998号' }],
      ] as const) {
        await expect(step(name, a, id, extra), `${who} ${name}`).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    // Another procuratorate cannot read it either.
    await expect(C.getCase(t.prisma, otherLeader, id, TODAY)).resolves.toBeNull();
    expect((await C.listCases(t.prisma, otherLeader, {}, TODAY)).rows.some((r) => r.id === id)).toBe(false);
    expect((await row(id)).version).toBe(1);
  });
});

describe('list filters (in the database)', () => {
  it('kind, stage, tag, handler, overdue, mine', async () => {
    const leader = A['zhao.mingyuan']!;
    const all = await t.prisma.supervisionCase.findMany({ where: { institutionId: leader.institutionId } });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const want = (pred: (c: (typeof all)[number]) => boolean) => all.filter(pred).map((c) => c.id).sort();
    const list = async (f: C.CaseListFilters, who: Actor = leader) => (await C.listCases(t.prisma, who, f, TODAY, { page: 1, size: 100 })).rows;

    expect(ids(await list({}))).toEqual(want(() => true));
    expect(ids(await list({ kind: 'enforcement' }))).toEqual(want((c) => c.kind === 'enforcement'));
    expect(ids(await list({ stage: 'supervising' }))).toEqual(want((c) => c.stage === 'supervising'));
    expect(ids(await list({ tag: 'false_litigation' }))).toEqual(want((c) => c.tags.includes('false_litigation')));
    expect(ids(await list({ tag: 'pension_fraud' }))).toEqual(want((c) => c.tags.some((x) => x.startsWith('pension_fraud:'))));
    expect(ids(await list({ tag: 'pension_fraud:home_equity' }))).toEqual(want((c) => c.tags.includes('pension_fraud:home_equity')));
    expect(ids(await list({ procurator: A['zhou.hao']!.id }))).toEqual(want((c) => c.handlerId === A['zhou.hao']!.id));
    const overdue = want((c) => (REVIEW_STAGES as readonly string[]).includes(c.stage) && !!c.stageDueDate && c.stageDueDate.toISOString().slice(0, 10) < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const overdueRows = await list({ overdue: true });
    expect(ids(overdueRows)).toEqual(overdue);
    for (const r of overdueRows) expect(r.daysOverdue).toBe(caseOverdueDays({ stage: r.stage as CaseStage, stageDueDate: r.stageDueDate }, TODAY));
    for (const r of overdueRows) expect(r.daysOverdue).toBeGreaterThan(0);
    expect(ids(await list({ overdue: true, kind: 'civil', tag: 'pension_fraud' }))).toEqual(
      want((c) => overdue.includes(c.id) && c.kind === 'civil' && c.tags.some((x) => x.startsWith('pension_fraud:'))),
    );

    // A procurator's own cases by default (scope switch), the whole procuratorate otherwise; leaders ignore `mine`.
    expect(ids(await list({ mine: true }, A['li.wen']!))).toEqual(want((c) => c.handlerId === A['li.wen']!.id));
    expect(ids(await list({ mine: false }, A['li.wen']!))).toEqual(want(() => true));
    expect(ids(await list({ mine: true }))).toEqual(want(() => true));
  });

  it("each row carries the number of recommendations linked to its case (counted for the page's cases)", async () => {
    const leader = A['zhao.mingyuan']!;
    const linked = await t.prisma.recommendation.groupBy({ by: ['caseId'], where: { caseId: { not: null } }, _count: { _all: true } });
    const want = new Map(linked.map((g) => [g.caseId, g._count._all]));
    expect([...want.values()].some((n) => n > 0)).toBe(true);
    const rows = (await C.listCases(t.prisma, leader, {}, TODAY, { page: 1, size: 100 })).rows;
    for (const r of rows) expect(r.recommendations, r.number).toBe(want.get(r.id) ?? 0);
    expect(rows.some((r) => r.recommendations > 0)).toBe(true);
  });
});

describe('the joint timeline', () => {
  it('holds the case’s steps, its recommendation’s events and linked records’ events as the viewer may see them, in order of time', async () => {
    const { id } = await open('li.wen', { title: '测试联合时间线', acceptedOn: '2026-10-09' }, ctx('2026-10-09'));
    await step('advance', 'li.wen', id, {}, ctx('2026-10-10'));
    // A recommendation on the case, through to the court's internal reply draft.
    const { id: recId } = await R.createDraft(
      t.prisma,
      A['li.wen']!,
      {
        type: 'correction',
        title: '测试联合时间线检察建议',
        addresseeCourtId: courtId,
        caseId: id,
        facts: '事实',
        violation: '违法情形',
        recommendationText: '建议',
        legalBasis: '依据',
      },
      ctx('2026-10-12'),
    );
    const rv = async () => (await t.prisma.recommendation.findUniqueOrThrow({ where: { id: recId } })).version;
    const rstep = async (name: keyof typeof R.STEPS, who: string, extra: Record<string, unknown>, day: string) =>
      R.STEPS[name](t.prisma, A[who]!, { id: recId, version: await rv(), ...extra }, ctx(day));
    await rstep('submit', 'li.wen', {}, '2026-10-13');
    await rstep('approve', 'zhao.mingyuan', {}, '2026-10-14');
    await rstep('issue', 'li.wen', {}, '2026-10-15');
    await step('advance', 'li.wen', id, {}, ctx('2026-10-15'));
    await rstep('serve', 'li.wen', { servedOn: '2026-10-16', method: 'written' }, '2026-10-16');
    await rstep('acknowledge', 'lin.xue', {}, '2026-10-19');
    await rstep('saveReply', 'lin.xue', { adoption: 'adopted', measures: '内部草稿：拟采纳' }, '2026-10-20');
    // Another slice's record on the same case: one shared event, one internal to the court.
    const meetingLike = '40000000-0000-4000-8000-000000000001';
    await t.prisma.$transaction(async (tx) => {
      await writeWorkflowEvent(tx, { recordType: 'CommitteeMeeting', recordId: meetingLike, caseId: id, actor: A['wang.jianguo']!, shared: true, kind: 'notify', at: new Date('2026-10-21T02:00:00Z') });
      await writeWorkflowEvent(tx, { recordType: 'CommitteeMeeting', recordId: meetingLike, caseId: id, actor: A['wang.jianguo']!, shared: false, kind: 'courtInternalNote', at: new Date('2026-10-22T02:00:00Z') });
    });

    const view = (await C.getCase(t.prisma, A['li.wen']!, id, '2026-10-25'))!;
    const seen = view.timeline.map((e) => `${e.recordType}:${e.kind}`);
    expect(seen).toEqual([
      'SupervisionCase:open',
      'SupervisionCase:advance',
      'Recommendation:create',
      'Recommendation:submit',
      'Recommendation:approve',
      'Recommendation:issue',
      'SupervisionCase:advance',
      'Recommendation:serve',
      'Recommendation:acknowledge',
      'CommitteeMeeting:notify',
    ]);
    // Sorted by time; the court's internal reply draft and internal note never show.
    const times = view.timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(seen).not.toContain('Recommendation:saveReply');
    expect(seen).not.toContain('CommitteeMeeting:courtInternalNote');
    expect(view.timeline.find((e) => e.kind === 'acknowledge')).toMatchObject({ internal: false, actorName: '林雪' });
    expect(view.timeline.find((e) => e.kind === 'submit')).toMatchObject({ internal: true });

    // The linked recommendation, with its number, status and due date.
    expect(view.linked.recommendations).toHaveLength(1);
    expect(view.linked.recommendations[0]).toMatchObject({ id: recId, status: 'acknowledged', number: expect.stringMatching(/号$/), dueDate: expect.any(String) });
  });

  it('a draft relinked to another case takes its history to that case’s timeline', async () => {
    const { id: first } = await open('li.wen', { title: '关联前的案件', acceptedOn: '2026-10-09' }, ctx('2026-10-09'));
    const { id: second } = await open('li.wen', { title: '关联后的案件', acceptedOn: '2026-10-09' }, ctx('2026-10-09'));
    const fields = {
      type: 'correction',
      title: '改换案件的检察建议',
      addresseeCourtId: courtId,
      facts: '事实',
      violation: '违法情形',
      recommendationText: '建议',
      legalBasis: '依据',
    };
    const { id: recId } = await R.createDraft(t.prisma, A['li.wen']!, { ...fields, caseId: first }, ctx('2026-10-10'));
    const recKinds = async (caseId: string) =>
      (await C.getCase(t.prisma, A['li.wen']!, caseId, '2026-10-12'))!.timeline.filter((e) => e.recordId === recId).map((e) => e.kind);
    expect(await recKinds(first)).toEqual(['create']);
    await R.editDraft(t.prisma, A['li.wen']!, { ...fields, caseId: second, id: recId, version: 1 }, ctx('2026-10-11'));
    expect(await recKinds(first)).toEqual([]);
    expect(await recKinds(second)).toEqual(['create', 'edit']);
    const events = await t.prisma.workflowEvent.findMany({ where: { recordType: 'Recommendation', recordId: recId } });
    expect(events.map((e) => e.caseId)).toEqual([second, second]);
  });
});

describe('reads', () => {
  it('getCase: null for an unknown or malformed id; options list courts with divisions and the procuratorate’s active procurators', async () => {
    expect(await C.getCase(t.prisma, A['li.wen']!, 'not-a-uuid', TODAY)).toBeNull();
    expect(await C.getCase(t.prisma, A['li.wen']!, '40000000-0000-4000-8000-0000000000ff', TODAY)).toBeNull();
    const o = await C.caseOptions(t.prisma, A['li.wen']!);
    expect(o.courts.map((c) => c.id)).toContain(courtId);
    expect(o.courts.find((c) => c.id === courtId)!.departments.map((x) => x.id)).toContain(civilDivision);
    const names = o.procurators.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['李文', '吴雅婷', '周浩', '赵明远']));
    expect(names).not.toContain('马建设'); // inactive
    expect(names).not.toContain('高峰'); // another procuratorate
  });
});

// ---------------------------------------------------------------------------------------------

describe('demo seed', () => {
  it('fills in the 15 cases, adds more, with stages, due dates, tags, an assignment and the events', async () => {
    const demo = await t.prisma.supervisionCase.findMany({ where: { number: { in: DEMO_CASES.map((c) => c.number) } } });
    expect(demo).toHaveLength(15);
    for (const c of demo) {
      expect(c.acceptedOn, c.number).not.toBeNull();
      expect(c.courtId, c.number).toBe(courtId);
      expect(c.courtCaseNumbers.length, c.number).toBe(c.courtCaseNumber ? c.courtCaseNumbers.length : 0);
      if (c.courtCaseNumber) expect(c.courtCaseNumbers[0]).toBe(c.courtCaseNumber);
      const open = await t.prisma.workflowEvent.count({ where: { recordId: c.id, kind: 'open', caseId: c.id } });
      expect(open, c.number).toBe(1);
      if ((REVIEW_STAGES as readonly string[]).includes(c.stage)) expect(c.stageDueDate, c.number).not.toBeNull();
      else expect(c.stageDueDate, c.number).toBeNull();
    }
    const extra = await t.prisma.supervisionCase.findMany({ where: { title: { in: NEW_CASES.map((c) => c.title) } } });
    expect(extra).toHaveLength(NEW_CASES.length);
    const cases = [...demo, ...extra];
    for (const s of ['accepted', 'reviewing', 'supervising', 'closed']) expect(cases.some((c) => c.stage === s), s).toBe(true);
    const tags = new Set(cases.flatMap((c) => c.tags));
    for (const tag of ['false_litigation', 'social_conflict', 'pension_fraud:elderly_care_services', 'pension_fraud:projects', 'pension_fraud:products', 'pension_fraud:home_equity', 'pension_fraud:pension_insurance', 'pension_fraud:assistance']) {
      expect(tags.has(tag), tag).toBe(true);
    }
    expect(cases.filter((c) => c.tags.includes('false_litigation')).length).toBeGreaterThanOrEqual(2);
    const overdue = cases.filter((c) => caseOverdueDays({ stage: c.stage, stageDueDate: c.stageDueDate?.toISOString().slice(0, 10) ?? null }, TODAY) > 0);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const assigns = await t.prisma.workflowEvent.findMany({ where: { kind: 'assign', recordId: { in: extra.map((c) => c.id) } } });
    expect(assigns).toHaveLength(1);
    // The handlers stay procurators (the recommendations seed checks this too).
    const handlers = await t.prisma.user.findMany({ where: { id: { in: cases.map((c) => c.handlerId) } } });
    for (const h of handlers) expect(h.role).toBe('PROCURATOR');
    // Every step wrote its audit row.
    for (const c of cases) {
      const events = await t.prisma.workflowEvent.count({ where: { recordType: 'SupervisionCase', recordId: c.id } });
      const audits = await t.prisma.auditEvent.count({ where: { recordType: 'SupervisionCase', recordId: c.id } });
      expect(audits, c.number).toBe(events);
    }
  });

  it('is idempotent: a second run, even on another day, writes nothing', async () => {
    const snapshot = async () => ({
      ...(await counts()),
      rows: await t.prisma.supervisionCase.findMany({ orderBy: { number: 'asc' }, select: { id: true, version: true, stage: true, tags: true } }),
    });
    const before = await snapshot();
    const r1 = await seedCases(t.prisma, { today: TODAY });
    const r2 = await seedCases(t.prisma, { today: '2027-03-15' });
    expect(r1).toEqual({ filled: 0, opened: 0, steps: 0 });
    expect(r2).toEqual({ filled: 0, opened: 0, steps: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
