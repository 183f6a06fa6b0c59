/**
 * Retrial matters with new evidence against the real database (PGlite by default, PostgreSQL with
 * TEST_DATABASE_URL): filing and its window, evidence items with a file, determinations by the
 * court that holds the case (another court → ForbiddenError), the decision only once every item is
 * determined, bad dates, version conflicts per item, attachments, lists, and the demo seed.
 *
 * Every test files its own matters and looks them up by id; counts are compared before/after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as R from '@/lib/data/retrial';
import { loadActor } from '@/lib/data/users';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { dueDate } from '@/lib/domain/deadlines';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { DEMO_RETRIAL, seedRetrial } from '@/prisma/seed/retrial';
import { loadCalendarEntries } from '@/lib/data/calendar';
import { openSeededTestDb, type TestDb } from './support';
import { servedBytes, upload } from '@/tests/support/files';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let procId = '';

const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'wu.yating', 'zhao.mingyuan', 'lin.xue', 'xu.jing', 'chen.zhiqiang', 'wang.jianguo', 'admin'];

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  for (const username of PEOPLE) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  courtId = A['lin.xue']!.institutionId;
  procId = A['li.wen']!.institutionId;
  // A neighbouring district: its court and procuratorate, one judge and one procurator.
  const otherCourt = await ensureInstitution(t.prisma, { code: '青0104', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District People’s Court', regionCode: '630102' });
  const otherProc = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District People’s Procuratorate', regionCode: '630102' });
  const judge = await ensureUser(t.prisma, { username: 'gao.feng', name: '高峰', role: 'COURT_STAFF', institutionId: otherCourt.id, password: 'Liaison-demo-2026' });
  const proc = await ensureUser(t.prisma, { username: 'luo.qing', name: '罗青', role: 'PROCURATOR', institutionId: otherProc.id, password: 'Liaison-demo-2026' });
  A['gao.feng'] = (await loadActor(t.prisma, judge.id))!;
  A['luo.qing'] = (await loadActor(t.prisma, proc.id))!;
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

let rid = 0;
function ctx(today = TODAY) {
  return { today, requestId: `req-retrial-${++rid}`, now: new Date(`${today}T02:00:00.000Z`) };
}

const protest = (over: Record<string, unknown> = {}) => ({
  kind: 'protest',
  courtId,
  courtCaseNumber: '(2025)青0103民初7001号',
  title: '测试抗诉案',
  parties: '申诉人：甲；被申诉人：乙',
  judgmentEffectiveOn: '2026-03-02',
  filedOn: '2026-11-02',
  ...over,
});

const partyApp = (over: Record<string, unknown> = {}) => ({
  kind: 'party_application',
  courtCaseNumber: '(2025)青0103民初7002号',
  title: '测试再审申请',
  parties: '再审申请人：丙；被申请人：丁',
  judgmentEffectiveOn: '2026-06-15',
  filedOn: '2026-11-20',
  ...over,
});

const item = (n: number, over: Record<string, unknown> = {}) => ({
  description: `新证据第${n}项：银行流水`,
  formedOn: '2025-05-01',
  foundOn: '2026-09-10',
  ground: 'found_late_objective',
  groundExplanation: '原审期间客观上无法取得。',
  ...over,
});

const matter = (id: string) => t.prisma.retrialMatter.findUniqueOrThrow({ where: { id }, include: { evidence: { orderBy: { position: 'asc' } } } });
const counts = async () => ({
  matters: await t.prisma.retrialMatter.count(),
  items: await t.prisma.evidenceItem.count(),
  events: await t.prisma.workflowEvent.count(),
  audits: await t.prisma.auditEvent.count(),
  attachments: await t.prisma.attachment.count(),
});

async function fileWithItems(who = 'li.wen', n = 3, over: Record<string, unknown> = {}) {
  const { id } = await R.fileMatter(t.prisma, A[who]!, protest(over), ctx());
  for (let k = 1; k <= n; k++) {
    await R.addEvidenceItem(t.prisma, A[who]!, { id, version: (await matter(id)).version, ...item(k) }, ctx());
  }
  return id;
}

async function underReview(n = 3) {
  const id = await fileWithItems('li.wen', n);
  await R.startReview(t.prisma, A['lin.xue']!, { id, version: (await matter(id)).version }, ctx());
  return id;
}

const determination = (over: Record<string, unknown> = {}) => ({
  accepted: 'yes',
  determinationGround: 'found_late_objective',
  determinationReasons: '逾期提供有正当理由，认定为新的证据。',
  mayOverturn: 'yes',
  ...over,
});

async function determineAll(id: string, who = 'lin.xue') {
  for (const e of (await matter(id)).evidence) {
    if (e.accepted === null) await R.determineItem(t.prisma, A[who]!, { id: e.id, version: e.version, ...determination() }, ctx());
  }
}

// ---------------------------------------------------------------------------------------------

describe('filing', () => {
  it('a protest: filed by the procuratorate, ruling due in 30 days (deadline engine, DB calendar), one shared event and one audit row', async () => {
    const before = await counts();
    const { id } = await R.fileMatter(t.prisma, A['zhao.mingyuan']!, protest(), ctx());
    const m = await matter(id);
    expect(m).toMatchObject({ status: 'filed', kind: 'protest', procuratorateId: procId, courtId, version: 1, applicationWindowEnd: null });
    const cal = calendarFromEntries(await loadCalendarEntries(t.prisma));
    expect(m.reviewDue!.toISOString().slice(0, 10)).toBe(dueDate('2026-11-02', { days: 30 }, cal));
    expect(m.reviewDue!.toISOString().slice(0, 10)).toBe('2026-12-02');
    const after = await counts();
    expect(after).toEqual({ ...before, matters: before.matters + 1, events: before.events + 1, audits: before.audits + 1 });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'RetrialMatter', recordId: id } });
    expect(ev).toMatchObject({ kind: 'file', visibility: 'shared', toStatus: 'filed' });
    expect(JSON.stringify(ev.data)).not.toContain(courtId);
  });

  it('a party application is recorded by the court; the paired procuratorate sees it; the window is 6 months from the judgment', async () => {
    const { id } = await R.fileMatter(t.prisma, A['xu.jing']!, partyApp(), ctx());
    const m = await matter(id);
    expect(m).toMatchObject({ procuratorateId: procId, courtId, createdById: A['xu.jing']!.id });
    expect(m.applicationWindowEnd!.toISOString().slice(0, 10)).toBe('2026-12-15');
    expect(m.reviewDue!.toISOString().slice(0, 10)).toBe('2027-02-22'); // Feb 20, 2027 is a Saturday
    expect(await R.getMatter(t.prisma, A['li.wen']!, id, TODAY)).toMatchObject({ id, kind: 'party_application' });
    expect((await R.listMatters(t.prisma, A['li.wen']!, { kind: 'party_application' }, TODAY)).rows.some((r) => r.id === id)).toBe(true);
  });

  it('filed after the 6-month window → FieldError(filedOn, outsideApplicationWindow), nothing written; a later date of learning reopens it', async () => {
    const before = await counts();
    const late = partyApp({ courtCaseNumber: '(2025)青0103民初7003号', judgmentEffectiveOn: '2026-04-30', filedOn: '2026-11-02' });
    await expect(R.fileMatter(t.prisma, A['xu.jing']!, late, ctx())).rejects.toMatchObject({ field: 'filedOn', code: 'outsideApplicationWindow' });
    expect(await counts()).toEqual(before);
    const { id } = await R.fileMatter(t.prisma, A['xu.jing']!, { ...late, learnedOn: '2026-08-20' }, ctx());
    const m = await matter(id);
    expect(m.applicationWindowEnd!.toISOString().slice(0, 10)).toBe('2027-02-22'); // Aug 20 + 6 months = Feb 20, 2027, a Saturday
    const detail = await R.getMatter(t.prisma, A['lin.xue']!, id, TODAY);
    expect(detail?.learnedOn).toBe('2026-08-20');
  });

  it('bad dates and fields name the field and write nothing', async () => {
    const before = await counts();
    await expect(R.fileMatter(t.prisma, A['li.wen']!, protest({ filedOn: '2026-02-30' }), ctx())).rejects.toBeInstanceOf(ZodError);
    await expect(R.fileMatter(t.prisma, A['li.wen']!, protest({ filedOn: '2026-11-28' }), ctx())).rejects.toMatchObject({ field: 'filedOn', code: 'dateInFuture' });
    await expect(R.fileMatter(t.prisma, A['li.wen']!, protest({ judgmentEffectiveOn: '2026-11-03' }), ctx())).rejects.toMatchObject({ field: 'filedOn', code: 'beforeJudgment' });
    await expect(R.fileMatter(t.prisma, A['li.wen']!, protest({ courtId: procId }), ctx())).rejects.toMatchObject({ field: 'courtId', code: 'invalidChoice' });
    await expect(R.fileMatter(t.prisma, A['li.wen']!, protest({ courtId: '' }), ctx())).rejects.toMatchObject({ field: 'courtId', code: 'required' });
    expect(await counts()).toEqual(before);
  });

  it('who files what: the court cannot file a protest, the procuratorate cannot record a party application, ids of another institution → Forbidden', async () => {
    const before = await counts();
    await expect(R.fileMatter(t.prisma, A['lin.xue']!, protest(), ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.fileMatter(t.prisma, A['li.wen']!, partyApp(), ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.fileMatter(t.prisma, A['admin']!, protest(), ctx())).rejects.toBeInstanceOf(ForbiddenError);
    const ours = await t.prisma.supervisionCase.findFirstOrThrow({ where: { institutionId: procId } });
    await expect(R.fileMatter(t.prisma, A['luo.qing']!, protest({ caseId: ours.id }), ctx())).rejects.toBeInstanceOf(ForbiddenError);
    const rec = await t.prisma.recommendation.findFirstOrThrow({ where: { institutionId: procId, type: 'retrial', servedOn: { not: null } } });
    await expect(R.fileMatter(t.prisma, A['luo.qing']!, protest({ kind: 'procuratorate_recommendation', recommendationId: rec.id }), ctx())).rejects.toBeInstanceOf(ForbiddenError);
    // An unserved recommendation, or one of another type, cannot be carried.
    const draft = await t.prisma.recommendation.findFirstOrThrow({ where: { institutionId: procId, servedOn: null } });
    await expect(R.fileMatter(t.prisma, A['li.wen']!, protest({ kind: 'procuratorate_recommendation', recommendationId: draft.id }), ctx())).rejects.toMatchObject({
      field: 'recommendationId',
      code: 'invalidChoice',
    });
    expect(await counts()).toEqual(before);
  });

  it('a retrial recommendation carries its recommendation and case; the court sees the recommendation link, not the case', async () => {
    const rec = await t.prisma.recommendation.findFirstOrThrow({ where: { institutionId: procId, type: 'retrial', servedOn: { not: null }, addresseeCourtId: courtId } });
    const { id } = await R.fileMatter(t.prisma, A['li.wen']!, protest({ kind: 'procuratorate_recommendation', recommendationId: rec.id, courtCaseNumber: '(2025)青0103民初7004号' }), ctx());
    const m = await matter(id);
    expect(m).toMatchObject({ recommendationId: rec.id, caseId: rec.caseId });
    // 3 months ('recommendation.retrial') from receipt.
    expect(m.reviewDue!.toISOString().slice(0, 10)).toBe('2027-02-02');
    const asCourt = await R.getMatter(t.prisma, A['lin.xue']!, id, TODAY);
    expect(asCourt?.recommendation?.id).toBe(rec.id);
    expect(asCourt?.case).toBeNull();
    const asProc = await R.getMatter(t.prisma, A['li.wen']!, id, TODAY);
    expect(asProc?.case?.id).toBe(rec.caseId);
  });
});

describe('evidence items', () => {
  it('the filer adds items (with a file); the matter version moves; positions count up', async () => {
    const { id } = await R.fileMatter(t.prisma, A['li.wen']!, protest(), ctx());
    const before = await counts();
    const bytes = new TextEncoder().encode('银行流水（示例）');
    const r = (await R.addEvidenceItem(
      t.prisma,
      A['li.wen']!,
      { id, version: 1, ...item(1), file: upload({ fileName: '银行流水.txt', mimeType: 'text/plain', bytes }) },
      ctx(),
    )) as unknown as { itemId: string; attachmentId: string };
    await R.addEvidenceItem(t.prisma, A['li.wen']!, { id, version: 2, ...item(2, { ground: 'submitted_not_examined', formedOn: '', foundOn: '' }) }, ctx());
    const m = await matter(id);
    expect(m.version).toBe(3);
    expect(m.evidence.map((e) => [e.position, e.ground])).toEqual([
      [1, 'found_late_objective'],
      [2, 'submitted_not_examined'],
    ]);
    const after = await counts();
    // Two items, one file; an event each; an audit row per item and one for the file.
    expect(after).toEqual({ ...before, items: before.items + 2, attachments: before.attachments + 1, events: before.events + 2, audits: before.audits + 3 });

    const file = await R.readEvidenceAttachment(t.prisma, A['lin.xue']!, id, r.attachmentId);
    expect(new TextDecoder().decode(await servedBytes(file))).toBe('银行流水（示例）');
    await expect(R.readEvidenceAttachment(t.prisma, A['gao.feng']!, id, r.attachmentId)).resolves.toBeNull();
    const other = await fileWithItems('li.wen', 1);
    expect(await R.readEvidenceAttachment(t.prisma, A['lin.xue']!, other, r.attachmentId)).toBeNull();
    const view = await R.getMatter(t.prisma, A['li.wen']!, id, TODAY);
    expect(view?.items[0]?.attachments.map((a) => a.fileName)).toEqual(['银行流水.txt']);
  });

  it('bad dates (formed after found, in the future) → FieldError naming the field; a bad file → FieldError(file); nothing written', async () => {
    const { id } = await R.fileMatter(t.prisma, A['li.wen']!, protest(), ctx());
    const before = await counts();
    const add = (over: Record<string, unknown>) => R.addEvidenceItem(t.prisma, A['li.wen']!, { id, version: 1, ...item(1, over) }, ctx());
    const e1 = await add({ formedOn: '2026-09-11', foundOn: '2026-09-10' }).catch((e) => e);
    expect(e1).toBeInstanceOf(FieldError);
    expect(e1).toMatchObject({ field: 'foundOn', code: 'foundBeforeFormed' });
    await expect(add({ foundOn: '2026-11-28' })).rejects.toMatchObject({ field: 'foundOn', code: 'dateInFuture' });
    await expect(add({ formedOn: '2026-02-29' })).rejects.toBeInstanceOf(ZodError);
    await expect(add({ file: upload({ fileName: 'a.exe', mimeType: 'application/x-msdownload', bytes: new Uint8Array([1, 2]) }) })).rejects.toMatchObject({
      field: 'file',
      code: 'attachmentType',
    });
    expect(await counts()).toEqual(before);
    expect((await matter(id)).version).toBe(1);
  });

  it('only the filing side adds items: the court cannot add to a protest, another procurator is not the filer, nothing after the decision', async () => {
    const id = await fileWithItems('li.wen', 1);
    await expect(R.addEvidenceItem(t.prisma, A['lin.xue']!, { id, version: 2, ...item(2) }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.addEvidenceItem(t.prisma, A['wu.yating']!, { id, version: 2, ...item(2) }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    // A leader of the filing side may.
    await R.addEvidenceItem(t.prisma, A['zhao.mingyuan']!, { id, version: 2, ...item(2) }, ctx());
    await R.startReview(t.prisma, A['lin.xue']!, { id, version: 3 }, ctx());
    await determineAll(id);
    await R.decideRetrial(t.prisma, A['lin.xue']!, { id, version: 4, decision: 'refused', decidedOn: TODAY, decisionReasons: '不足以推翻原判决。' }, ctx());
    await expect(R.addEvidenceItem(t.prisma, A['li.wen']!, { id, version: 5, ...item(3) }, ctx())).rejects.toMatchObject({ code: 'wrongState' });
  });
});

describe('determinations', () => {
  it('the court that holds the case determines each item; a judge of another court → ForbiddenError, nothing written', async () => {
    const id = await underReview(2);
    const [first] = (await matter(id)).evidence;
    const before = await counts();
    await expect(R.determineItem(t.prisma, A['gao.feng']!, { id: first!.id, version: first!.version, ...determination() }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.determineItem(t.prisma, A['li.wen']!, { id: first!.id, version: first!.version, ...determination() }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);

    await R.determineItem(t.prisma, A['lin.xue']!, { id: first!.id, version: first!.version, ...determination() }, ctx());
    const e = await t.prisma.evidenceItem.findUniqueOrThrow({ where: { id: first!.id } });
    expect(e).toMatchObject({ accepted: true, determinationGround: 'found_late_objective', mayOverturn: true, determinedById: A['lin.xue']!.id, version: 2 });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'EvidenceItem', recordId: first!.id } });
    expect(ev).toMatchObject({ kind: 'determine', visibility: 'shared' });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { recordType: 'EvidenceItem', recordId: first!.id } });
    expect(audit.action).toBe('EvidenceItem.determine');
    // Once only.
    await expect(R.determineItem(t.prisma, A['lin.xue']!, { id: first!.id, version: 2, ...determination({ accepted: 'no', mayOverturn: 'no' }) }, ctx())).rejects.toMatchObject({
      code: 'alreadyDetermined',
    });
    // The procuratorate sees the determination on its matter, and it on the timeline.
    const view = await R.getMatter(t.prisma, A['li.wen']!, id, TODAY);
    expect(view?.items[0]?.determination).toMatchObject({ accepted: true, mayOverturn: true, by: '林雪' });
    expect(view?.timeline.map((x) => x.kind)).toEqual(['file', 'addItem', 'addItem', 'startReview', 'determine']);
    // The other court cannot open the matter at all.
    await expect(R.getMatter(t.prisma, A['gao.feng']!, id, TODAY)).resolves.toBeNull();
    expect((await R.listMatters(t.prisma, A['gao.feng']!, {}, TODAY)).rows.some((r) => r.id === id)).toBe(false);
  });

  it('not before the review has started', async () => {
    const id = await fileWithItems('li.wen', 1);
    const [first] = (await matter(id)).evidence;
    await expect(R.determineItem(t.prisma, A['lin.xue']!, { id: first!.id, version: 1, ...determination() }, ctx())).rejects.toMatchObject({ code: 'wrongState' });
  });

  it('version conflict on one item: the second of two judges gets ConflictError; another item is unaffected', async () => {
    const id = await underReview(2);
    const [a, b] = (await matter(id)).evidence;
    await R.determineItem(t.prisma, A['lin.xue']!, { id: a!.id, version: a!.version, ...determination() }, ctx());
    const before = await counts();
    // chen.zhiqiang's form was opened before lin.xue's determination: same item, old version.
    await expect(R.determineItem(t.prisma, A['chen.zhiqiang']!, { id: a!.id, version: a!.version, ...determination({ accepted: 'no', mayOverturn: 'no', determinationGround: '' }) }, ctx())).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await counts()).toEqual(before);
    expect((await t.prisma.evidenceItem.findUniqueOrThrow({ where: { id: a!.id } })).accepted).toBe(true);
    // The other item keeps its own version: his determination of it goes through.
    await R.determineItem(t.prisma, A['chen.zhiqiang']!, { id: b!.id, version: b!.version, ...determination({ accepted: 'no', mayOverturn: 'no', determinationGround: '' }) }, ctx());
    expect((await t.prisma.evidenceItem.findUniqueOrThrow({ where: { id: b!.id } })).accepted).toBe(false);
  });

  it('input: accepted needs a ground; not accepted cannot overturn', async () => {
    const id = await underReview(1);
    const [a] = (await matter(id)).evidence;
    const e = await R.determineItem(t.prisma, A['lin.xue']!, { id: a!.id, version: 1, ...determination({ accepted: 'no', determinationGround: '' }) }, ctx()).catch((x) => x);
    expect(e).toBeInstanceOf(ZodError);
    expect((e as ZodError).issues[0]).toMatchObject({ path: ['mayOverturn'], message: 'mayOverturnNeedsAcceptance' });
  });
});

describe('the retrial decision', () => {
  it('with undetermined items → StepError(undeterminedItems), nothing written; once all are determined it goes through', async () => {
    const id = await underReview(3);
    const [a] = (await matter(id)).evidence;
    await R.determineItem(t.prisma, A['lin.xue']!, { id: a!.id, version: 1, ...determination() }, ctx());
    const before = await counts();
    const v = (await matter(id)).version;
    const input = { id, version: v, decision: 'retrial_ordered', decidedOn: TODAY, decisionReasons: '新证据足以推翻原判决，裁定再审。' };
    const e = await R.decideRetrial(t.prisma, A['chen.zhiqiang']!, input, ctx()).catch((x) => x);
    expect(e).toBeInstanceOf(StepError);
    expect(e).toMatchObject({ code: 'undeterminedItems' });
    expect(await counts()).toEqual(before);
    expect((await matter(id)).status).toBe('under_review');

    await determineAll(id);
    // The procuratorate does not decide; a bad date names its field.
    await expect(R.decideRetrial(t.prisma, A['li.wen']!, input, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.decideRetrial(t.prisma, A['chen.zhiqiang']!, { ...input, decidedOn: '2026-10-01' }, ctx())).rejects.toMatchObject({ field: 'decidedOn', code: 'beforeFiling' });
    await expect(R.decideRetrial(t.prisma, A['chen.zhiqiang']!, { ...input, decidedOn: '2026-11-28' }, ctx())).rejects.toMatchObject({ field: 'decidedOn', code: 'dateInFuture' });
    await R.decideRetrial(t.prisma, A['chen.zhiqiang']!, input, ctx());
    const m = await matter(id);
    expect(m).toMatchObject({ status: 'decided', decision: 'retrial_ordered', decidedById: A['chen.zhiqiang']!.id });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'RetrialMatter', recordId: id, kind: 'orderRetrial' } });
    expect(ev).toMatchObject({ fromStatus: 'under_review', toStatus: 'decided', visibility: 'shared' });
    const view = await R.getMatter(t.prisma, A['li.wen']!, id, TODAY);
    expect(view?.review).toEqual({ dueDate: '2026-12-02', daysLeft: null, daysOverdue: 0 });
  });

  it('a decision prepared before a new item arrived is refused as a conflict', async () => {
    const id = await underReview(1);
    await determineAll(id);
    const v = (await matter(id)).version;
    await R.addEvidenceItem(t.prisma, A['li.wen']!, { id, version: v, ...item(2) }, ctx());
    await expect(R.decideRetrial(t.prisma, A['lin.xue']!, { id, version: v, decision: 'refused', decidedOn: TODAY, decisionReasons: '理由' }, ctx())).rejects.toBeInstanceOf(ConflictError);
    await expect(R.decideRetrial(t.prisma, A['lin.xue']!, { id, version: v + 1, decision: 'refused', decidedOn: TODAY, decisionReasons: '理由' }, ctx())).rejects.toMatchObject({
      code: 'undeterminedItems',
    });
  });

  it('hearing: only after retrial was ordered; notice 3 clear days ahead; too late for notice → FieldError', async () => {
    const id = await underReview(1);
    await determineAll(id);
    await R.decideRetrial(t.prisma, A['lin.xue']!, { id, version: (await matter(id)).version, decision: 'retrial_ordered', decidedOn: TODAY, decisionReasons: '裁定再审。' }, ctx());
    const v = (await matter(id)).version;
    await expect(R.setHearing(t.prisma, A['lin.xue']!, { id, version: v, hearingOn: '2026-11-30' }, ctx())).rejects.toMatchObject({ field: 'hearingOn', code: 'tooSoonForNotice' });
    await expect(R.setHearing(t.prisma, A['li.wen']!, { id, version: v, hearingOn: '2026-12-14' }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await R.setHearing(t.prisma, A['lin.xue']!, { id, version: v, hearingOn: '2026-12-14' }, ctx());
    const m = await matter(id);
    expect(m.hearingOn!.toISOString().slice(0, 10)).toBe('2026-12-14');
    expect(m.hearingNoticeBy!.toISOString().slice(0, 10)).toBe('2026-12-10');
    const view = await R.getMatter(t.prisma, A['li.wen']!, id, TODAY);
    expect(view?.hearing).toMatchObject({ hearingOn: '2026-12-14', noticeBy: '2026-12-10', onRestDay: false });
  });

  it('lists: filters by kind, status and overdue (derived from the review due date and today)', async () => {
    const { id } = await R.fileMatter(t.prisma, A['li.wen']!, protest({ filedOn: '2026-10-09', courtCaseNumber: '(2025)青0103民初7009号' }), ctx());
    // 30 days from Oct 9 → Nov 8 (Sunday) → Monday Nov 9; overdue on Nov 27.
    const overdue = (await R.listMatters(t.prisma, A['lin.xue']!, { overdue: true }, TODAY)).rows;
    const row = overdue.find((r) => r.id === id);
    expect(row?.review).toEqual({ dueDate: '2026-11-09', daysLeft: 0, daysOverdue: 18 });
    expect(overdue.every((r) => r.review.daysOverdue > 0 && r.status !== 'decided')).toBe(true);
    expect((await R.listMatters(t.prisma, A['lin.xue']!, { overdue: true }, '2026-11-09')).rows.some((r) => r.id === id)).toBe(false);
    expect((await R.listMatters(t.prisma, A['lin.xue']!, { kind: 'party_application' }, TODAY)).rows.some((r) => r.id === id)).toBe(false);
    expect((await R.listMatters(t.prisma, A['lin.xue']!, { status: 'filed', kind: 'protest' }, TODAY)).rows.some((r) => r.id === id)).toBe(true);
    await expect(R.listMatters(t.prisma, A['admin']!, {}, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('demo seed', () => {
  it('writes the demo matters through the app’s own steps, and nothing on a second run', async () => {
    // seed() already ran seedRetrial in the seeded template: six matters with fifteen items are there.
    const mid = await counts();
    expect(await t.prisma.retrialMatter.count({ where: { courtCaseNumber: { in: DEMO_RETRIAL.map((s) => s.courtCaseNumber) } } })).toBe(6);
    expect(
      await t.prisma.evidenceItem.count({ where: { matter: { courtCaseNumber: { in: DEMO_RETRIAL.map((s) => s.courtCaseNumber) } } } }),
    ).toBe(15);
    const second = await seedRetrial(t.prisma, { today: TODAY });
    expect(second).toEqual({ added: 0, existing: DEMO_RETRIAL.length });
    expect(await counts()).toEqual(mid);

    const seeded = await t.prisma.retrialMatter.findMany({ where: { courtCaseNumber: { in: DEMO_RETRIAL.map((s) => s.courtCaseNumber) } }, include: { evidence: true } });
    expect(seeded.filter((m) => m.status === 'decided').map((m) => m.decision).sort()).toEqual(['refused', 'retrial_ordered']);
    const rows = (await R.listMatters(t.prisma, A['lin.xue']!, { overdue: true }, TODAY)).rows;
    expect(rows.filter((r) => seeded.some((m) => m.id === r.id)).map((r) => r.courtCaseNumber)).toEqual(['(2025)青0103民初3012号']);
    // Linked to the seeded recommendations and their cases; decided matters have every item determined.
    expect(seeded.filter((m) => m.recommendationId && m.caseId).length).toBe(3);
    for (const m of seeded.filter((x) => x.status === 'decided')) expect(m.evidence.every((e) => e.accepted !== null)).toBe(true);
    expect(seeded.find((m) => m.decision === 'retrial_ordered')?.hearingNoticeBy).not.toBeNull();
    // Every step wrote its event and audit row, dated in the past.
    for (const m of seeded) {
      const events = await t.prisma.workflowEvent.findMany({ where: { OR: [{ recordId: m.id }, { recordId: { in: m.evidence.map((e) => e.id) } }] } });
      const audits = await t.prisma.auditEvent.count({ where: { OR: [{ recordId: m.id }, { recordId: { in: m.evidence.map((e) => e.id) } }], NOT: { action: { startsWith: 'thread.' } } } });
      expect(audits).toBe(events.length);
      expect(events.every((e) => e.at.getTime() < new Date(`${TODAY}T00:00:00+08:00`).getTime())).toBe(true);
    }
  });
});
