/**
 * Leads between the institutions against the real database (PGlite by default, PostgreSQL with
 * TEST_DATABASE_URL): both directions, receipt and action (including opening a supervision case in
 * the same transaction), bad input (nothing written), other institutions, version conflicts, audit
 * and timeline rows, the lists and counts, and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as L from '@/lib/data/leads';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { DEMO_LEADS, seedLeads } from '@/prisma/seed/leads';
import { openSeededTestDb, refusedWithoutWrites, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let procId = '';
let farCourtId = '';
let farProcId = '';
let otherCaseId = '';
let ownCaseId = '';

const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'wu.yating', 'zhou.hao', 'sun.lixin', 'zheng.lan', 'jiang.tao', 'lin.xue', 'chen.zhiqiang', 'admin'];

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  const p2 = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District Procuratorate', regionCode: '630102' });
  const c2 = await ensureInstitution(t.prisma, { code: '青0102', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District Court', regionCode: '630102' });
  farCourtId = c2.id;
  farProcId = p2.id;
  await ensureUser(t.prisma, { username: 'far.procurator', name: '外院检察官', role: 'PROCURATOR', institutionId: p2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.judge', name: '外院法官', role: 'COURT_STAFF', institutionId: c2.id, password: 'x'.repeat(12) });
  await ensureUser(t.prisma, { username: 'far.president', name: '外院院长', role: 'COURT_LEADER', institutionId: c2.id, password: 'x'.repeat(12) });
  for (const username of [...PEOPLE, 'far.procurator', 'far.judge', 'far.president']) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  courtId = A['lin.xue']!.institutionId;
  procId = A['li.wen']!.institutionId;
  otherCaseId = (
    await t.prisma.supervisionCase.create({
      data: { institutionId: p2.id, number: '城东检民监〔2026〕1号', kind: 'civil', title: '外院案件', parties: '甲、乙', handlerId: A['far.procurator']!.id },
    })
  ).id;
  ownCaseId = (await t.prisma.supervisionCase.findUniqueOrThrow({ where: { number: '城中检民监〔2025〕27号' } })).id;
});
afterAll(async () => {
  await t?.close();
});

let rid = 0;
function ctx(today = TODAY): WorkflowContext & { requestId: string; now: Date } {
  return { today, requestId: `req-lead-${++rid}`, now: new Date(`${today}T03:00:00.000Z`) };
}
let serial = 0;
const lead = (over: Record<string, unknown> = {}) => ({
  counterpartId: courtId,
  kind: 'false_litigation',
  subtype: '',
  title: `涉嫌虚假诉讼线索 ${++serial}`,
  summary: '原、被告系亲属关系，借款无资金往来记录，被告当庭自认全部债务。',
  courtCaseNumber: '(2026)青0103民初901号',
  caseId: '',
  ...over,
});
const row = (id: string) => t.prisma.caseLead.findUniqueOrThrow({ where: { id } });
const counts = async () => ({
  leads: await t.prisma.caseLead.count(),
  cases: await t.prisma.supervisionCase.count(),
  events: await t.prisma.workflowEvent.count(),
  audits: await t.prisma.auditEvent.count(),
});
const send = async (who: string, over: Record<string, unknown> = {}) => (await L.sendLead(t.prisma, A[who]!, lead(over), ctx())).id;
type Cmd = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, c: WorkflowContext) => Promise<unknown>;
const step = async (cmd: Cmd, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) =>
  cmd(t.prisma, A[who]!, { id, version: (await row(id)).version, ...extra }, c);

const refused = (fn: () => Promise<unknown>, cls: new (...a: never[]) => Error, props: Record<string, unknown> = {}) =>
  refusedWithoutWrites(counts, fn, cls, props);

describe('procuratorate → court', () => {
  it('li.wen sends a pension-fraud lead; lin.xue receives it; chen.zhiqiang records the action', async () => {
    const c0 = ctx();
    const before = await counts();
    const { id } = await L.sendLead(t.prisma, A['li.wen']!, lead({ kind: 'pension_fraud', subtype: 'home_equity', caseId: ownCaseId }), c0);
    const r0 = await row(id);
    expect(r0).toMatchObject({
      status: 'sent',
      version: 1,
      kind: 'pension_fraud',
      subtype: 'home_equity',
      fromKind: 'PROCURATORATE',
      procuratorateId: procId,
      courtId,
      caseId: ownCaseId,
      sentById: A['li.wen']!.id,
      sentAt: c0.now,
      courtCaseNumber: '(2026)青0103民初901号',
    });
    expect(await counts()).toEqual({ ...before, leads: before.leads + 1, events: before.events + 1, audits: before.audits + 1 });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id } })).toMatchObject({
      recordType: 'CaseLead',
      kind: 'send',
      visibility: 'shared',
      toStatus: 'sent',
      caseId: ownCaseId,
      institutionId: procId,
      at: c0.now,
    });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: c0.requestId } })).toMatchObject({ action: 'CaseLead.send', recordId: id, actorId: A['li.wen']!.id });

    // The court sees it at once, in its incoming box; the procuratorate in its outgoing box.
    expect((await L.listLeads(t.prisma, A['lin.xue']!, { box: 'incoming' })).rows.some((l) => l.id === id)).toBe(true);
    expect((await L.listLeads(t.prisma, A['lin.xue']!, { box: 'outgoing' })).rows.some((l) => l.id === id)).toBe(false);
    expect((await L.listLeads(t.prisma, A['sun.lixin']!, { box: 'outgoing' })).rows.some((l) => l.id === id)).toBe(true);
    const seen = await L.getLead(t.prisma, A['lin.xue']!, id);
    expect(seen).toMatchObject({ direction: 'incoming', actions: ['receive'], case: null });
    // The procuratorate's case stays its own.
    expect((await L.getLead(t.prisma, A['li.wen']!, id))!.case).toMatchObject({ id: ownCaseId });
    expect((await L.getLead(t.prisma, A['li.wen']!, id))!.actions).toEqual([]);

    // The sender cannot receive or act on its own lead; nor act before receipt.
    await refused(() => step(L.receiveLead, 'li.wen', id), ForbiddenError, { reason: 'institution' });
    await refused(() => step(L.actOnLead, 'lin.xue', id, { outcome: 'no_action', actionTaken: '不予处理' }), StepError, { code: 'wrongState' });

    const c1 = ctx();
    await step(L.receiveLead, 'lin.xue', id, { comment: '已转承办法官。' }, c1);
    expect(await row(id)).toMatchObject({ status: 'received', version: 2, receivedById: A['lin.xue']!.id, receivedAt: c1.now });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'receive' } })).toMatchObject({
      visibility: 'shared',
      fromStatus: 'sent',
      toStatus: 'received',
      institutionId: courtId,
      data: { comment: '已转承办法官。' },
    });
    await refused(() => step(L.receiveLead, 'chen.zhiqiang', id), StepError, { code: 'wrongState' });

    // A court may not "open a supervision case": that outcome belongs to the procuratorate.
    await refused(() => step(L.actOnLead, 'chen.zhiqiang', id, { outcome: 'case_opened', actionTaken: '立案', caseKind: 'civil', parties: '甲' }), FieldError, {
      field: 'outcome',
      code: 'invalidChoice',
    });
    const c2 = ctx();
    await step(L.actOnLead, 'chen.zhiqiang', id, { outcome: 'transferred_police', actionTaken: '已移送公安机关城中分局。' }, c2);
    expect(await row(id)).toMatchObject({ status: 'acted', version: 3, actedById: A['chen.zhiqiang']!.id, actedAt: c2.now, actionTaken: '已移送公安机关城中分局。', caseId: ownCaseId });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'act' } })).toMatchObject({
      visibility: 'shared',
      toStatus: 'acted',
      data: { outcome: 'transferred_police', actionTaken: '已移送公安机关城中分局。' },
    });
    expect(await t.prisma.auditEvent.count({ where: { recordType: 'CaseLead', recordId: id } })).toBe(3);

    // Both sides see every step, with who and when.
    for (const who of ['li.wen', 'lin.xue']) {
      const v = await L.getLead(t.prisma, A[who]!, id);
      expect(v!.timeline.map((e) => [e.kind, e.actorName])).toEqual([
        ['send', '李文'],
        ['receive', '林雪'],
        ['act', '陈志强'],
      ]);
      expect(v).toMatchObject({ outcome: 'transferred_police', receivedBy: '林雪', actedBy: '陈志强', actions: [] });
    }
  });
});

describe('court → procuratorate', () => {
  it('jiang.tao sends; zheng.lan receives; wu.yating links it to an existing case', async () => {
    const id = await send('jiang.tao', { counterpartId: procId, courtCaseNumber: '' });
    expect(await row(id)).toMatchObject({ fromKind: 'COURT', procuratorateId: procId, courtId, courtCaseNumber: null, caseId: null });
    await step(L.receiveLead, 'zheng.lan', id);
    // Link: the procuratorate's own case only.
    await refused(() => step(L.actOnLead, 'wu.yating', id, { outcome: 'case_linked', actionTaken: '并案', caseId: otherCaseId }), ForbiddenError);
    await refused(() => step(L.actOnLead, 'wu.yating', id, { outcome: 'case_linked', actionTaken: '并案', caseId: '00000000-0000-4000-8000-000000000000' }), FieldError, {
      field: 'caseId',
      code: 'invalidChoice',
    });
    await refused(() => step(L.actOnLead, 'wu.yating', id, { outcome: 'case_linked', actionTaken: '并案' }), ZodError);
    await refused(() => step(L.actOnLead, 'wu.yating', id, { outcome: 'retrial_review', actionTaken: '再审审查' }), FieldError, { field: 'outcome' });
    await step(L.actOnLead, 'wu.yating', id, { outcome: 'case_linked', actionTaken: '并入已有虚假诉讼监督案审查。', caseId: ownCaseId });
    const r = await row(id);
    expect(r).toMatchObject({ status: 'acted', caseId: ownCaseId });
    // The event joins the case's timeline, but the case number is not shared with the court.
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'act' } });
    expect(ev.caseId).toBe(ownCaseId);
    expect(JSON.stringify(ev.data)).not.toContain('城中检');
    expect((await L.getLead(t.prisma, A['jiang.tao']!, id))!.case).toBeNull();
  });

  it('the procuratorate opens a supervision case from a lead, in the same transaction', async () => {
    const id = await send('lin.xue', { counterpartId: procId, kind: 'pension_fraud', subtype: 'projects', courtCaseNumber: '(2026)青0103民初955号' });
    await step(L.receiveLead, 'sun.lixin', id);
    const before = await counts();
    const result = (await step(L.actOnLead, 'sun.lixin', id, {
      outcome: 'case_opened',
      actionTaken: '依职权立案审查。',
      caseKind: 'civil',
      parties: '申请人：不特定老年人；被申请人：某文旅开发公司',
    })) as { caseId: string; caseNumber: string };
    expect(result.caseNumber).toMatch(/^城中检民监〔2026〕\d+号$/);
    const c = await t.prisma.supervisionCase.findUniqueOrThrow({ where: { id: result.caseId } });
    expect(c).toMatchObject({ institutionId: procId, kind: 'civil', handlerId: A['sun.lixin']!.id, tags: ['pension_fraud:projects'], courtCaseNumber: '(2026)青0103民初955号', courtId });
    expect(await row(id)).toMatchObject({ status: 'acted', caseId: c.id });
    // The lead step (event + audit) and the case opening (event + audit), one new case.
    expect(await counts()).toEqual({ ...before, cases: before.cases + 1, events: before.events + 2, audits: before.audits + 2 });
  });

  it('opening a case that fails (version conflict) leaves no case behind', async () => {
    const id = await send('lin.xue', { counterpartId: procId });
    await step(L.receiveLead, 'sun.lixin', id);
    const stale = (await row(id)).version - 1;
    await refused(
      () => L.actOnLead(t.prisma, A['sun.lixin']!, { id, version: stale, outcome: 'case_opened', actionTaken: '立案', caseKind: 'civil', parties: '甲' }, ctx()),
      ConflictError,
    );
  });
});

describe('refusals', () => {
  it('bad input: a clear error naming the field, and nothing written', async () => {
    const s = (over: Record<string, unknown>, who = 'li.wen') => () => L.sendLead(t.prisma, A[who]!, lead(over), ctx());
    const zodField = async (over: Record<string, unknown>, field: string, code: string) => {
      const e = (await refused(s(over), ZodError)) as ZodError;
      expect(e.issues.find((i) => i.path.join('.') === field)?.message, field).toBe(code);
    };
    await zodField({ kind: 'pension_fraud', subtype: '' }, 'subtype', 'required');
    await zodField({ kind: 'pension_fraud', subtype: 'casino' }, 'subtype', 'invalidChoice');
    await zodField({ kind: 'smuggling' }, 'kind', 'invalidChoice');
    await zodField({ title: '' }, 'title', 'required');
    await zodField({ title: '题'.repeat(201) }, 'title', 'tooLong');
    await zodField({ summary: '' }, 'summary', 'required');
    await zodField({ courtCaseNumber: '民初901' }, 'courtCaseNumber', 'courtCaseNumberFormat');
    await zodField({ counterpartId: 'x' }, 'counterpartId', 'invalidChoice');
    // Not the other institution of the pair: own kind, or another region.
    await refused(s({ counterpartId: procId }), FieldError, { field: 'counterpartId', code: 'invalidChoice' });
    await refused(s({ counterpartId: farCourtId }), FieldError, { field: 'counterpartId', code: 'invalidChoice' });
    await refused(s({ counterpartId: courtId }, 'lin.xue'), FieldError, { field: 'counterpartId', code: 'invalidChoice' });
    await refused(s({ counterpartId: farProcId }, 'lin.xue'), FieldError, { field: 'counterpartId', code: 'invalidChoice' });
    await refused(s({ caseId: '00000000-0000-4000-8000-000000000000' }), FieldError, { field: 'caseId', code: 'invalidChoice' });
    // Another institution's case; a court naming a case at all.
    await refused(s({ caseId: otherCaseId }), ForbiddenError);
    await refused(s({ counterpartId: procId, caseId: ownCaseId }, 'lin.xue'), ForbiddenError);
  });

  it('the administrator may not send; strangers may not see, receive or act', async () => {
    await refused(() => L.sendLead(t.prisma, A['admin']!, lead(), ctx()), ForbiddenError);
    await expect(L.leadFormOptions(t.prisma, A['admin']!)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(L.listLeads(t.prisma, A['admin']!, {})).rejects.toBeInstanceOf(ForbiddenError);
    const id = await send('zhou.hao');
    for (const who of ['far.procurator', 'far.judge', 'far.president']) {
      await expect(L.getLead(t.prisma, A[who]!, id)).resolves.toBeNull();
      expect((await L.listLeads(t.prisma, A[who]!, {})).rows.some((l) => l.id === id)).toBe(false);
      await refused(() => step(L.receiveLead, who, id), ForbiddenError, { reason: 'notVisible' });
    }
    await step(L.receiveLead, 'jiang.tao', id);
    await refused(() => step(L.actOnLead, 'far.judge', id, { outcome: 'no_action', actionTaken: '不予处理' }), ForbiddenError);
    await refused(() => step(L.actOnLead, 'zhou.hao', id, { outcome: 'no_action', actionTaken: '不予处理' }), ForbiddenError, { reason: 'institution' });
  });

  it('two people receiving at once: one wins, the other gets ConflictError', async () => {
    const id = await send('li.wen');
    const v = (await row(id)).version;
    const results = await Promise.allSettled([
      L.receiveLead(t.prisma, A['lin.xue']!, { id, version: v }, ctx()),
      L.receiveLead(t.prisma, A['jiang.tao']!, { id, version: v }, ctx()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await t.prisma.workflowEvent.count({ where: { recordId: id, kind: 'receive' } })).toBe(1);
    await refused(() => L.actOnLead(t.prisma, A['lin.xue']!, { id, version: v, outcome: 'no_action', actionTaken: '不予处理' }, ctx()), ConflictError);
  });
});

describe('lists, counts and the demo seed', () => {
  it('writes the demo leads through the app’s steps, idempotently; counts by kind', async () => {
    // (Once seed() runs seedLeads itself, the first call here finds them all there.)
    const first = await seedLeads(t.prisma, { today: TODAY });
    expect(first.added + first.existing).toBe(DEMO_LEADS.length);
    expect(DEMO_LEADS.length).toBeGreaterThanOrEqual(6);
    const events = await t.prisma.workflowEvent.count({ where: { recordType: 'CaseLead' } });
    expect(await seedLeads(t.prisma, { today: TODAY })).toEqual({ added: 0, existing: DEMO_LEADS.length });
    expect(await t.prisma.workflowEvent.count({ where: { recordType: 'CaseLead' } })).toBe(events);

    const all = await t.prisma.caseLead.findMany({ where: { title: { contains: '线索' } } });
    const seeded = all.filter((l) => l.sentAt < new Date(`${TODAY}T00:00:00+08:00`));
    expect(new Set(seeded.map((l) => l.fromKind))).toEqual(new Set(['PROCURATORATE', 'COURT']));
    expect(new Set(seeded.map((l) => l.status))).toEqual(new Set(['sent', 'received', 'acted']));
    expect(seeded.some((l) => l.kind === 'false_litigation')).toBe(true);
    expect(new Set(seeded.filter((l) => l.kind === 'pension_fraud').map((l) => l.subtype))).toEqual(
      new Set(['elderly_care_services', 'projects', 'products', 'home_equity', 'pension_insurance', 'assistance']),
    );
    const linked = seeded.find((l) => l.title === '王某某与马某某民间借贷纠纷案涉嫌虚假诉讼线索')!;
    expect(linked).toMatchObject({ status: 'acted', caseId: ownCaseId });
    expect(await t.prisma.workflowEvent.count({ where: { recordId: linked.id } })).toBe(3);
    expect(await t.prisma.auditEvent.count({ where: { recordId: linked.id } })).toBe(3);

    // Counts match the lists, seen from each side.
    for (const who of ['sun.lixin', 'chen.zhiqiang']) {
      const c = await L.leadCounts(t.prisma, A[who]!);
      const inc = (await L.listLeads(t.prisma, A[who]!, { box: 'incoming' })).rows;
      const out = (await L.listLeads(t.prisma, A[who]!, { box: 'outgoing' })).rows;
      expect(c.total.incoming).toBe(inc.length);
      expect(c.total.outgoing).toBe(out.length);
      expect(c.kinds.pension_fraud.total).toBe([...inc, ...out].filter((l) => l.kind === 'pension_fraud').length);
      expect(c.total.sent + c.total.received + c.total.acted).toBe(c.total.total);
      // Incoming: waiting for receipt first.
      const ranks = inc.map((l) => ['sent', 'received', 'acted'].indexOf(l.status));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const pf = (await L.listLeads(t.prisma, A['li.wen']!, { kind: 'pension_fraud', status: 'acted' })).rows;
    expect(pf.length).toBeGreaterThan(0);
    expect(pf.every((l) => l.kind === 'pension_fraud' && l.status === 'acted')).toBe(true);
  });
});
