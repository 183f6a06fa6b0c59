/**
 * Non-litigation enforcement applications against the real database (PGlite by default,
 * PostgreSQL with TEST_DATABASE_URL): registration by either side, the court's steps, dates out
 * of order, the procuratorate's findings (internal), a flagged finding opened as a supervision
 * case in one transaction, conflicts, who sees what, lists and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as N from '@/lib/data/non-litigation';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { dueDate } from '@/lib/domain/deadlines';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { loadCalendarEntries } from '@/lib/data/calendar';
import { seedNonLitigation } from '@/prisma/seed/non-litigation';
import { openSeededTestDb, type TestDb } from './support';

const TODAY = '2026-11-27';
const PEOPLE = ['wu.yating', 'zhou.hao', 'li.wen', 'sun.lixin', 'zhao.mingyuan', 'yang.fan', 'lin.xue', 'jiang.tao', 'he.min', 'admin'];

let t: TestDb;
const A: Record<string, Actor> = {};
let procId = '';
let courtId = '';
let seedResult: { added: number; skipped: number };

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  seedResult = await seedNonLitigation(t.prisma, { today: TODAY });
  for (const username of PEOPLE) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    const a = await loadActor(t.prisma, u.id);
    if (!a) throw new Error(`no actor for ${username}`);
    A[username] = a;
  }
  procId = A['wu.yating']!.institutionId;
  courtId = A['yang.fan']!.institutionId;
});
afterAll(async () => {
  await t?.close();
});

let rid = 0;
function ctx(today = TODAY): WorkflowContext & { requestId: string; now: Date } {
  return { today, requestId: `req-nl-${++rid}`, now: new Date(`${today}T02:${String(rid % 60).padStart(2, '0')}:00.000Z`) };
}

const app = (id: string) => t.prisma.nonLitigationApplication.findUniqueOrThrow({ where: { id } });
const version = async (id: string) => (await app(id)).version;
const counts = async () => ({
  apps: await t.prisma.nonLitigationApplication.count(),
  findings: await t.prisma.nonLitigationFinding.count(),
  cases: await t.prisma.supervisionCase.count(),
  events: await t.prisma.workflowEvent.count(),
  audits: await t.prisma.auditEvent.count(),
});

type Command = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<unknown>;
async function step(cmd: Command, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) {
  return cmd(t.prisma, A[who]!, { id, version: await version(id), ...extra }, c);
}

let serial = 0;
/** A new application received by the court (yang.fan), accepted on 11-16 and, if asked, ruled on. */
async function received(opts: { accept?: boolean; refuse?: boolean } = {}) {
  serial++;
  const { id } = await N.registerApplication(
    t.prisma,
    A['yang.fan']!,
    {
      procuratorateId: procId,
      agency: '西宁市城中区城市管理综合执法局',
      respondent: `测试被执行人${serial}`,
      decisionRef: `城综执罚〔2026〕${900 + serial}号`,
      subject: '违法搭建：责令限期拆除。',
      decisionFinalOn: '2026-09-01',
      demandServedOn: '2026-10-12',
      appliedOn: '2026-11-12',
    },
    ctx('2026-11-12'),
  );
  if (opts.accept || opts.refuse) await step(N.accept, 'yang.fan', id, { acceptedOn: '2026-11-16', courtCaseNumber: `(2026)青0103行审${700 + serial}号` }, ctx('2026-11-16'));
  if (opts.refuse) await step(N.ruleRefuse, 'yang.fan', id, { ruledOn: '2026-11-20', refusalGround: 'no_legal_basis', reasons: '处罚依据已废止。' }, ctx('2026-11-20'));
  return id;
}

async function expectThrows<E extends Error>(p: Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  throw new Error(`expected ${type.name}`);
}

// ---------------------------------------------------------------------------------------------

describe('registration', () => {
  it('the court registers an application it received: shared event, audit row, status applied', async () => {
    const before = await counts();
    const c = ctx('2026-11-12');
    const { id, status } = await N.registerApplication(
      t.prisma,
      A['yang.fan']!,
      {
        procuratorateId: procId,
        agency: '西宁市城中区自然资源局',
        respondent: '马某某',
        decisionRef: '城自然资罚〔2026〕801号',
        subject: '非法占地：责令退还土地。',
        decisionFinalOn: '2026-08-03',
        demandServedOn: '2026-10-09',
        appliedOn: '2026-11-12',
        urgent: 'on',
      },
      c,
    );
    expect(status).toBe('applied');
    expect(await app(id)).toMatchObject({ procuratorateId: procId, courtId, status: 'applied', urgent: true, version: 1, createdById: A['yang.fan']!.id });
    expect(await counts()).toEqual({ ...before, apps: before.apps + 1, events: before.events + 1, audits: before.audits + 1 });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id } })).toMatchObject({ kind: 'register', visibility: 'shared', toStatus: 'applied', at: c.now });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { recordId: id } })).toMatchObject({ action: 'NonLitigationApplication.register', requestId: c.requestId });
    // The same decision again: refused, naming the field.
    const again = await expectThrows(
      N.registerApplication(t.prisma, A['lin.xue']!, { procuratorateId: procId, agency: '西宁市城中区自然资源局', respondent: '马某某', decisionRef: '城自然资罚〔2026〕801号', subject: '同上', decisionFinalOn: '2026-08-03', appliedOn: '2026-11-12' }, ctx()),
      FieldError,
    );
    expect([again.field, again.code]).toEqual(['decisionRef', 'alreadyRegistered']);
  });

  it('the procuratorate registers a decision it learned of (no application yet)', async () => {
    const { id, status } = await N.registerApplication(
      t.prisma,
      A['wu.yating']!,
      { courtId, agency: '西宁市城中区人力资源和社会保障局', respondent: '某公司', decisionRef: '城人社罚〔2026〕802号', subject: '罚款1万元。', decisionFinalOn: '2026-06-01', demandServedOn: '2026-06-15' },
      ctx(),
    );
    expect(status).toBe('demanded');
    const view = await N.getApplication(t.prisma, A['yang.fan']!, id, TODAY);
    // The court sees it too, and the agency's 3 months ran out on 2026-09-01.
    expect(view!.stages.find((s) => s.key === 'application')).toMatchObject({ due: '2026-09-01', state: 'overdue' });
    expect(view!.actions).toEqual(['receiveApplication']);
  });

  it('bad input changes nothing: dates out of order, in the future, impossible; wrong institution; the court must give the application date', async () => {
    const before = await counts();
    const base = { procuratorateId: procId, agency: '某局', respondent: '某人', decisionRef: '某决定〔2026〕1号', subject: '罚款', decisionFinalOn: '2026-10-01', demandServedOn: '2026-10-10', appliedOn: '2026-10-30' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ appliedOn: '2026-10-05' }, 'appliedOn', 'dateOutOfOrder'],
      [{ demandServedOn: '2026-09-30' }, 'demandServedOn', 'dateOutOfOrder'],
      [{ appliedOn: '2026-11-28' }, 'appliedOn', 'dateInFuture'],
      [{ appliedOn: '' }, 'appliedOn', 'required'],
      [{ procuratorateId: courtId }, 'procuratorateId', 'invalidChoice'],
    ];
    for (const [over, field, code] of cases) {
      const e = await expectThrows(N.registerApplication(t.prisma, A['yang.fan']!, { ...base, ...over }, ctx()), FieldError);
      expect([e.field, e.code], JSON.stringify(over)).toEqual([field, code]);
    }
    const z = await expectThrows(N.registerApplication(t.prisma, A['yang.fan']!, { ...base, decisionFinalOn: '2023-02-30' }, ctx()), ZodError);
    expect(z.issues[0]).toMatchObject({ path: ['decisionFinalOn'], message: 'dateInvalid' });
    await expectThrows(N.registerApplication(t.prisma, A['admin']!, base, ctx()), ForbiddenError);
    expect(await counts()).toEqual(before);
  });
});

describe('court steps', () => {
  it('accept → rule refuse → serve → review requested, each with a shared event and an audit row', async () => {
    const id = await received();
    const go = async (cmd: Command, name: string, input: Record<string, unknown>, today: string, to: string) => {
      const prev = await app(id);
      const c = ctx(today);
      await cmd(t.prisma, A['yang.fan']!, { id, version: prev.version, ...input }, c);
      const next = await app(id);
      expect(next.status, name).toBe(to);
      expect(next.version, name).toBe(prev.version + 1);
      const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id }, orderBy: { id: 'desc' } });
      expect(ev, name).toMatchObject({ kind: name, visibility: 'shared', fromStatus: prev.status, toStatus: to, actorId: A['yang.fan']!.id, at: c.now });
      expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: c.requestId } }), name).toMatchObject({ action: `NonLitigationApplication.${name}`, recordId: id });
      return { next, ev };
    };
    const a = await go(N.accept, 'accept', { acceptedOn: '2026-11-16', courtCaseNumber: '(2026)青0103行审761号' }, '2026-11-16', 'accepted');
    expect(a.next.courtCaseNumber).toBe('(2026)青0103行审761号');
    // Ruling due 7 days after acceptance (11-23).
    expect(a.ev.data).toMatchObject({ dueDate: '2026-11-23' });
    const r = await go(N.ruleRefuse, 'ruleRefuse', { ruledOn: '2026-11-20', refusalGround: 'no_legal_basis', reasons: '依据已废止' }, '2026-11-20', 'ruled_refuse');
    expect(r.next.refusalGround).toBe('no_legal_basis');
    // Served within 5 days: 11-25.
    expect(r.ev.data).toMatchObject({ refusalGround: 'no_legal_basis', dueDate: '2026-11-25' });
    await expectThrows(step(N.requestReview, 'yang.fan', id, { reviewRequestedOn: '2026-11-24' }), StepError).then((e) => expect(e.code).toBe('refusalNotServed'));
    await go(N.serveRefusal, 'serveRefusal', { refusalServedOn: '2026-11-23' }, '2026-11-23', 'ruled_refuse');
    await go(N.requestReview, 'requestReview', { reviewRequestedOn: '2026-11-26' }, '2026-11-26', 'under_review');
    const view = await N.getApplication(t.prisma, A['wu.yating']!, id, TODAY);
    expect(view!.stages.map((s) => [s.key, s.state])).toEqual([
      ['demandWait', 'elapsed'],
      ['application', 'done'],
      ['acceptance', 'done'],
      ['ruling', 'done'],
      ['refusalService', 'done'],
      ['reviewRequest', 'done'],
      ['reviewDecision', 'running'],
    ]);
    expect(view!.stages.find((s) => s.key === 'reviewDecision')).toMatchObject({ due: '2026-12-28', daysLeft: 31 });
  });

  it('dates out of order → FieldError naming the field, and nothing is written', async () => {
    const id = await received({ accept: true });
    const before = { ...(await counts()), app: await app(id) };
    const bad: [Command, Record<string, unknown>, string][] = [
      [N.ruleEnforce, { ruledOn: '2026-11-13' }, 'ruledOn'],
      [N.ruleRefuse, { ruledOn: '2026-11-15', refusalGround: 'no_factual_basis', reasons: '事实不清' }, 'ruledOn'],
      [N.holdHearing, { hearingOn: '2026-11-10', reasons: '可能明显违法' }, 'hearingOn'],
    ];
    for (const [cmd, input, field] of bad) {
      const e = await expectThrows(step(cmd, 'yang.fan', id, input), FieldError);
      expect([e.field, e.code]).toEqual([field, 'dateOutOfOrder']);
    }
    const future = await expectThrows(step(N.ruleEnforce, 'yang.fan', id, { ruledOn: '2026-11-28' }), FieldError);
    expect([future.field, future.code]).toEqual(['ruledOn', 'dateInFuture']);
    expect({ ...(await counts()), app: await app(id) }).toEqual(before);
  });

  it('the wrong side, the wrong state, a stale version', async () => {
    const id = await received();
    await expectThrows(step(N.accept, 'wu.yating', id, { acceptedOn: TODAY, courtCaseNumber: '(2026)青0103行审790号' }), ForbiddenError);
    await expectThrows(step(N.ruleEnforce, 'yang.fan', id, { ruledOn: TODAY }), StepError).then((e) => expect(e.code).toBe('wrongState'));
    const v = await version(id);
    await N.accept(t.prisma, A['yang.fan']!, { id, version: v, acceptedOn: TODAY, courtCaseNumber: '(2026)青0103行审791号' }, ctx());
    // A second judge with the page loaded before: someone else was first.
    await expectThrows(N.notAccept(t.prisma, A['lin.xue']!, { id, version: v, notAcceptedOn: TODAY, reasons: '材料不全' }, ctx()), ConflictError);
    expect((await app(id)).status).toBe('accepted');
  });

  it('enforcement: hearing moves the ruling to 30 days; urgent enforcement within 5 days; stalled and resumed', async () => {
    const id = await received({ accept: true });
    await step(N.holdHearing, 'yang.fan', id, { hearingOn: '2026-11-18', reasons: '可能明显缺乏事实根据' }, ctx('2026-11-18'));
    let view = await N.getApplication(t.prisma, A['yang.fan']!, id, TODAY);
    expect(view!.stages.find((s) => s.key === 'ruling')).toMatchObject({ ruleId: 'nonLitigation.rulingAfterHearing', due: '2026-12-16', state: 'running' });
    await expectThrows(step(N.holdHearing, 'yang.fan', id, { hearingOn: '2026-11-19', reasons: '再次' }), StepError).then((e) => expect(e.code).toBe('hearingAlreadyHeld'));
    await step(N.ruleEnforce, 'he.min', id, { ruledOn: '2026-11-20', urgent: 'true' }, ctx('2026-11-20'));
    view = await N.getApplication(t.prisma, A['yang.fan']!, id, TODAY);
    // 11-20 + 5 = 11-25, and nothing started by today (11-27): overdue.
    expect(view!.stages.find((s) => s.key === 'enforcement')).toMatchObject({ due: '2026-11-25', state: 'overdue', daysOverdue: 2 });
    expect(view!.overdue).toBe(true);
    await step(N.startEnforcement, 'jiang.tao', id, { enforcementStartedOn: '2026-11-26', enforcedBy: 'court' }, ctx('2026-11-26'));
    await step(N.markStalled, 'jiang.tao', id, { stalledOn: '2026-11-27', reasons: '被执行人下落不明' });
    const stalled = (await N.listApplications(t.prisma, A['zhou.hao']!, { stalled: true }, TODAY)).rows;
    expect(stalled.map((r) => r.id)).toContain(id);
    const e = await expectThrows(step(N.resumeEnforcement, 'jiang.tao', id, { resumedOn: '2026-11-26' }), FieldError);
    expect([e.field, e.code]).toEqual(['resumedOn', 'dateOutOfOrder']);
    await step(N.markEnforced, 'jiang.tao', id, { enforcedOn: TODAY });
    await step(N.close, 'yang.fan', id, { closedOn: TODAY });
    view = await N.getApplication(t.prisma, A['yang.fan']!, id, TODAY);
    expect(view!.status).toBe('closed');
    expect(view!.facts).toMatchObject({ stalledOn: '2026-11-27', enforcedOn: TODAY, closedOn: TODAY });
    expect(view!.stages.find((s) => s.key === 'enforcement')).toMatchObject({ state: 'doneLate', doneOn: '2026-11-26' });
  });
});

describe('findings and the one-click case', () => {
  it('the court cannot record findings, nor see them', async () => {
    const id = await received({ refuse: true });
    const before = await counts();
    await expectThrows(N.recordFinding(t.prisma, A['yang.fan']!, { id, checkpoint: 'ruling_lawful', result: 'ok' }, ctx()), ForbiddenError);
    await expectThrows(N.recordFinding(t.prisma, A['he.min']!, { id, checkpoint: 'court_accepted', result: 'flagged', note: '自查' }, ctx()), ForbiddenError);
    expect(await counts()).toEqual(before);

    await N.recordFinding(t.prisma, A['wu.yating']!, { id, checkpoint: 'ruling_lawful', result: 'flagged', note: '依据并未废止，不予执行理由不成立。' }, ctx());
    const court = await N.getApplication(t.prisma, A['yang.fan']!, id, TODAY);
    expect(court!.findings).toBeNull();
    expect(court!.latestFindings).toBeNull();
    expect(court!.timeline.map((e) => e.kind)).not.toContain('recordFinding');
    expect(court!.case).toBeNull();
    const proc = await N.getApplication(t.prisma, A['wu.yating']!, id, TODAY);
    expect(proc!.findings).toHaveLength(1);
    expect(proc!.timeline.filter((e) => e.kind === 'recordFinding')).toEqual([expect.objectContaining({ internal: true, data: expect.objectContaining({ checkpoint: 'ruling_lawful', flagged: true }) })]);
    // A finding too early for its checkpoint: not now.
    const fresh = await received();
    await expectThrows(N.recordFinding(t.prisma, A['wu.yating']!, { id: fresh, checkpoint: 'ruling_lawful', result: 'ok' }, ctx()), StepError).then((e) => expect(e.code).toBe('wrongState'));
  });

  it('a flagged finding opens a supervision case with a number, links the application, writes events and audit rows, in one transaction', async () => {
    const id = await received({ refuse: true });
    const { findingId } = await N.recordFinding(
      t.prisma,
      A['wu.yating']!,
      { id, checkpoint: 'ruling_lawful', result: 'flagged', note: '处罚依据仍然有效，法院以缺乏法律依据为由裁定不予执行错误。' },
      ctx(),
    );
    const before = await counts();
    const c = ctx();
    const v = await version(id);
    const r = await N.openCaseFromFinding(t.prisma, A['wu.yating']!, { id, version: v, findingId }, c);
    expect(r.caseNumber).toMatch(/^城中检行非诉监〔2026〕\d+号$/);
    const after = await app(id);
    expect(after).toMatchObject({ caseId: r.caseId, version: v + 1, status: 'ruled_refuse' });
    const sc = await t.prisma.supervisionCase.findUniqueOrThrow({ where: { id: r.caseId } });
    const cal = calendarFromEntries(await loadCalendarEntries(t.prisma));
    expect(sc).toMatchObject({
      number: r.caseNumber,
      kind: 'non_litigation',
      institutionId: procId,
      handlerId: A['wu.yating']!.id,
      courtId,
      courtCaseNumber: after.courtCaseNumber,
      stage: 'accepted',
      title: `西宁市城中区城市管理综合执法局申请强制执行${after.respondent}非诉执行监督案`,
      parties: `申请执行人：西宁市城中区城市管理综合执法局；被执行人：${after.respondent}`,
    });
    expect(sc.acceptedOn!.toISOString().slice(0, 10)).toBe(TODAY);
    expect(sc.stageDueDate!.toISOString().slice(0, 10)).toBe(dueDate(TODAY, { months: 3 }, cal));
    // Two events (one per record) and two audit rows, all in this request.
    expect(await counts()).toEqual({ ...before, cases: before.cases + 1, events: before.events + 2, audits: before.audits + 2 });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'NonLitigationApplication', recordId: id, kind: 'openCase' } })).toMatchObject({
      visibility: 'internal',
      caseId: r.caseId,
      institutionId: procId,
      data: { caseNumber: r.caseNumber, checkpoint: 'ruling_lawful' },
      at: c.now,
    });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'SupervisionCase', recordId: r.caseId } })).toMatchObject({
      kind: 'open',
      caseId: r.caseId,
      data: { number: r.caseNumber, nonLitigationApplicationId: id, findingId, checkpoint: 'ruling_lawful' },
    });
    const audits = await t.prisma.auditEvent.findMany({ where: { requestId: c.requestId }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action).sort()).toEqual(['NonLitigationApplication.openCase', 'SupervisionCase.open']);
    // The page shows the case to the procuratorate; the court sees neither the case nor the step.
    const proc = await N.getApplication(t.prisma, A['zhou.hao']!, id, TODAY);
    expect(proc!.case).toMatchObject({ id: r.caseId, number: r.caseNumber });
    expect(proc!.canOpenCase).toBe(false);
    const court = await N.getApplication(t.prisma, A['yang.fan']!, id, TODAY);
    expect(court!.case).toBeNull();
    expect(court!.timeline.map((e) => e.kind)).not.toContain('openCase');
    // Court steps from now on also show on the case's joint timeline.
    await step(N.serveRefusal, 'yang.fan', id, { refusalServedOn: TODAY });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'serveRefusal' } })).toMatchObject({ caseId: r.caseId, visibility: 'shared' });
    // Once is enough.
    await expectThrows(step(N.openCaseFromFinding, 'wu.yating', id, { findingId }), StepError).then((e) => expect(e.code).toBe('caseAlreadyOpen'));
  });

  it('an unflagged finding cannot open a case → StepError, nothing written', async () => {
    const id = await received({ refuse: true });
    const { findingId } = await N.recordFinding(t.prisma, A['wu.yating']!, { id, checkpoint: 'ruling_lawful', result: 'ok', note: '' }, ctx());
    const other = await received({ refuse: true });
    const { findingId: foreign } = await N.recordFinding(t.prisma, A['wu.yating']!, { id: other, checkpoint: 'ruling_lawful', result: 'flagged', note: '有问题' }, ctx());
    const before = { ...(await counts()), app: await app(id) };
    const e = await expectThrows(step(N.openCaseFromFinding, 'wu.yating', id, { findingId }), StepError);
    expect(e.code).toBe('findingNotFlagged');
    // Someone else's finding; the court.
    await expectThrows(step(N.openCaseFromFinding, 'wu.yating', id, { findingId: foreign }), FieldError).then((x) => expect([x.field, x.code]).toEqual(['findingId', 'notFound']));
    await expectThrows(step(N.openCaseFromFinding, 'yang.fan', id, { findingId }), ForbiddenError);
    expect({ ...(await counts()), app: await app(id) }).toEqual(before);
  });

  it('a leader may give the case to a procurator; a procurator may not give it away', async () => {
    const id = await received({ refuse: true });
    const { findingId } = await N.recordFinding(t.prisma, A['zhou.hao']!, { id, checkpoint: 'ruling_lawful', result: 'flagged', note: '裁定错误' }, ctx());
    const before = await counts();
    // Giving the case to someone else is a leader's call, and the handler must be the procuratorate's: the policy refuses (ForbiddenError).
    const e = await expectThrows(step(N.openCaseFromFinding, 'wu.yating', id, { findingId, handlerId: A['li.wen']!.id }), ForbiddenError);
    expect(e.reason).toBe('role');
    expect((await expectThrows(step(N.openCaseFromFinding, 'sun.lixin', id, { findingId, handlerId: A['yang.fan']!.id }), ForbiddenError)).reason).toBe('institution');
    expect(await counts()).toEqual(before);
    const r = await step(N.openCaseFromFinding, 'sun.lixin', id, { findingId, handlerId: A['li.wen']!.id, title: '自定案件名称' });
    const sc = await t.prisma.supervisionCase.findUniqueOrThrow({ where: { id: (r as { caseId: string }).caseId } });
    expect(sc).toMatchObject({ handlerId: A['li.wen']!.id, title: '自定案件名称' });
  });
});

describe('lists and visibility', () => {
  it('filters: overdue, stalled, flagged (the procuratorate only); the administrator sees nothing', async () => {
    const overdue = await N.registerApplication(
      t.prisma,
      A['yang.fan']!,
      { procuratorateId: procId, agency: '西宁市城中区应急管理局', respondent: '某加油站', decisionRef: '城应急罚〔2026〕803号', subject: '停业整顿', decisionFinalOn: '2026-10-01', appliedOn: '2026-11-02' },
      ctx('2026-11-02'),
    );
    const rows = (await N.listApplications(t.prisma, A['yang.fan']!, { overdue: true }, TODAY)).rows;
    const row = rows.find((r) => r.id === overdue.id);
    // Received 11-02: acceptance due 11-09, 18 days overdue on 11-27.
    expect(row).toMatchObject({ overdue: true, current: { key: 'acceptance', due: '2026-11-09', state: 'overdue', daysOverdue: 18 }, flaggedCheckpoints: [], case: null });
    expect(rows.every((r) => r.overdue)).toBe(true);
    await N.recordFinding(t.prisma, A['wu.yating']!, { id: overdue.id, checkpoint: 'court_accepted', result: 'flagged', note: '逾期未受理' }, ctx());
    const flagged = (await N.listApplications(t.prisma, A['wu.yating']!, { flagged: true }, TODAY)).rows;
    expect(flagged.find((r) => r.id === overdue.id)).toMatchObject({ flaggedCheckpoints: ['court_accepted'] });
    expect(flagged.every((r) => r.flaggedCheckpoints.length > 0)).toBe(true);
    // A later "ok" on the same checkpoint clears the flag.
    await N.recordFinding(t.prisma, A['wu.yating']!, { id: overdue.id, checkpoint: 'court_accepted', result: 'ok', note: '已受理' }, ctx());
    expect((await N.listApplications(t.prisma, A['wu.yating']!, { flagged: true }, TODAY)).rows.map((r) => r.id)).not.toContain(overdue.id);
    // The court's list carries no findings at all.
    expect((await N.listApplications(t.prisma, A['yang.fan']!, { flagged: true }, TODAY)).rows.every((r) => r.flaggedCheckpoints.length === 0)).toBe(true);
    await expectThrows(N.listApplications(t.prisma, A['admin']!, {}, TODAY), ForbiddenError);
    await expectThrows(N.getApplication(t.prisma, A['admin']!, overdue.id, TODAY), ForbiddenError);
    expect(await N.getApplication(t.prisma, A['yang.fan']!, '00000000-0000-4000-8000-000000000000', TODAY)).toBeNull();
    expect(await N.getApplication(t.prisma, A['yang.fan']!, 'not-an-id', TODAY)).toBeNull();
  });
});

describe('demo seed', () => {
  it('nine applications in every kind of stage; a second run writes nothing', async () => {
    // The seeded template already ran seedNonLitigation (seed()), so the call in beforeAll found all nine in place.
    expect(seedResult).toEqual({ added: 0, skipped: 9 });
    const before = await counts();
    expect(await seedNonLitigation(t.prisma, { today: TODAY })).toEqual({ added: 0, skipped: 9 });
    expect(await seedNonLitigation(t.prisma, { today: '2027-03-15' })).toEqual({ added: 0, skipped: 9 });
    expect(await counts()).toEqual(before);

    const rows = (await N.listApplications(t.prisma, A['wu.yating']!, {}, TODAY)).rows;
    const demo = rows.filter((r) => !r.respondent.startsWith('测试') && !['马某某', '某公司', '某加油站'].includes(r.respondent));
    expect(demo).toHaveLength(9);
    const by = (respondent: string) => demo.find((r) => r.respondent === respondent)!;
    // Stalled enforcement, its flag turned into a case.
    expect(by('青海鸿基房地产开发有限公司')).toMatchObject({ status: 'stalled', flaggedCheckpoints: ['enforcement_stalled'] });
    expect(by('青海鸿基房地产开发有限公司').case?.number).toMatch(/^城中检行非诉监〔2026〕\d+号$/);
    // The case number did not collide with the demo cases numbered outside the sequence.
    expect(by('青海鸿基房地产开发有限公司').case?.number).not.toBe('城中检行非诉监〔2026〕2号');
    // Refused on no legal basis, under review.
    const refused = await N.getApplication(t.prisma, A['yang.fan']!, by('西宁百味坊食品有限公司').id, TODAY);
    expect(refused).toMatchObject({ status: 'under_review', refusalGround: 'no_legal_basis' });
    // Acceptance overdue, flagged, no case yet.
    expect(by('西宁顺达建筑劳务有限公司')).toMatchObject({ status: 'applied', overdue: true, current: { key: 'acceptance', state: 'overdue' }, flaggedCheckpoints: ['court_accepted'], case: null });
    // The agency that never applied.
    expect(by('青海聚力人力资源服务有限公司')).toMatchObject({ status: 'demanded', overdue: true, current: { key: 'application' } });
    const statuses = new Set(demo.map((r) => r.status));
    for (const s of ['accepted', 'not_accepted', 'under_review', 'enforcing', 'stalled', 'closed', 'demanded', 'applied']) expect(statuses.has(s as never), s).toBe(true);
    // Every demo step wrote its event and audit row.
    const ids = demo.map((r) => r.id);
    const events = await t.prisma.workflowEvent.count({ where: { recordType: 'NonLitigationApplication', recordId: { in: ids } } });
    const audits = await t.prisma.auditEvent.count({ where: { recordType: 'NonLitigationApplication', recordId: { in: ids } } });
    expect(events).toBe(audits);
    expect(events).toBeGreaterThan(40);
  });
});
