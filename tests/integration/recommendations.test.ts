/**
 * Procuratorial recommendations against the real database (PGlite by default, PostgreSQL with
 * TEST_DATABASE_URL): the whole lifecycle, who sees what, version conflicts, bad input, other
 * institutions, objections, overdue handling, the enforcement extension and the audit log.
 *
 * The seed may hold demo recommendations: every test creates its own records and filters by id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as R from '@/lib/data/recommendations';
import { loadActor } from '@/lib/data/users';
import { recommendationReplyDue } from '@/lib/domain/deadlines';
import { ForbiddenError } from '@/lib/domain/policy';
import type { RecommendationAction, RecommendationStatus } from '@/lib/domain/recommendations/machine';
import type { Actor } from '@/lib/domain/roles';
import { recommendationAt, type RecommendationStage } from '@/prisma/seed/builders';
import { openSeededTestDb, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let procId = '';

const PEOPLE = ['li.wen', 'wu.yating', 'zhou.hao', 'zhao.mingyuan', 'qian.hui', 'lin.xue', 'yang.fan', 'wang.jianguo', 'he.min', 'jiang.tao', 'admin'];

beforeAll(async () => {
  t = await openSeededTestDb();
  for (const username of PEOPLE) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    const a = await loadActor(t.prisma, u.id);
    if (!a) throw new Error(`no actor for ${username}`);
    A[username] = a;
  }
  courtId = A['lin.xue']!.institutionId;
  procId = A['li.wen']!.institutionId;
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** The fixed clock of these tests. */
const TODAY = '2026-11-27';
let rid = 0;
/** A step context on `today`, at 10:00 China time, with a fresh request id. */
function ctx(today = TODAY, requestId = `req-rec-${++rid}`): R.StepContext & { requestId: string; now: Date } {
  return { today, requestId, now: new Date(`${today}T02:00:00.000Z`) };
}

const draft = (over: Record<string, unknown> = {}) => ({
  type: 'correction',
  title: '关于纠正民事审判程序违法的检察建议',
  addresseeCourtId: courtId,
  courtCaseNumber: '(2025)青0103民初456号',
  facts: '经审查，该院在审理原告张某与被告王某民间借贷纠纷一案中，未依法送达起诉状副本。',
  violation: '送达程序违反《民事诉讼法》规定。',
  recommendationText: '建议依法纠正，并加强送达工作管理。',
  legalBasis: '《中华人民共和国人民检察院组织法》第二十一条',
  ...over,
});

const rec = (id: string) => t.prisma.recommendation.findUniqueOrThrow({ where: { id } });
const version = async (id: string) => (await rec(id)).version;
const counts = async () => ({ events: await t.prisma.workflowEvent.count({ where: { recordType: 'Recommendation' } }), audits: await t.prisma.auditEvent.count(), recs: await t.prisma.recommendation.count() });

type Command = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, ctx: R.StepContext) => Promise<unknown>;

/** Runs a step with the record's current version. */
async function step(cmd: Command, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) {
  return cmd(t.prisma, A[who]!, { id, version: await version(id), ...extra }, c);
}

async function create(who = 'li.wen', over: Record<string, unknown> = {}, today = TODAY) {
  const { id } = await R.createDraft(t.prisma, A[who]!, draft(over), ctx(today));
  return id;
}

type Stage = Exclude<RecommendationStage, 'draft'>;

/**
 * A new recommendation by li.wen, brought up to `stage`. Issued on `issuedOn`, served on `servedOn`
 * (defaults: the day before TODAY); the steps after service run on TODAY.
 */
async function make(stage: Stage, opts: { type?: string; issuedOn?: string; servedOn?: string; over?: Record<string, unknown> } = {}) {
  const issuedOn = opts.issuedOn ?? '2026-11-26';
  const { id } = await recommendationAt(t.prisma, stage, {
    drafter: A['li.wen']!,
    leader: A['zhao.mingyuan']!,
    courtStaff: A['lin.xue']!,
    courtLeader: A['wang.jianguo']!,
    draft: draft({ type: opts.type ?? 'correction', ...opts.over }),
    issuedOn,
    servedOn: opts.servedOn,
    repliedOn: TODAY,
    ctx,
    committee: opts.type === 'retrial' ? { committeeDecisionNo: '检委会〔2026〕3号', committeeDecisionOn: issuedOn } : undefined,
    reply: { adoption: 'adopted', measures: '已依法补正送达。' },
    evaluation: { rectified: 'yes', evaluation: '已整改到位。' },
  });
  return id;
}

/** Valid input for every step, so that only the actor (not the input) can be refused. */
const VALID: Record<RecommendationAction, Record<string, unknown>> = {
  edit: {},
  submit: {},
  approve: {},
  return: { comment: '请补充事实' },
  discard: {},
  issue: {},
  serve: { servedOn: '2026-11-26', method: 'written' },
  acknowledge: {},
  object: { comment: '我院认为程序合法' },
  upholdObjection: { comment: '异议成立', outcome: 'withdraw' },
  rejectObjection: { comment: '异议不成立' },
  saveReply: { adoption: 'adopted', measures: '已整改' },
  submitReply: { adoption: 'adopted', measures: '已整改' },
  returnReply: { comment: '请修改' },
  signReply: { replyOn: '2026-11-27' },
  requestExtension: { reason: '案情复杂' },
  approveExtension: {},
  evaluate: { rectified: 'yes', evaluation: '已整改' },
  followUp: { comment: '回访' },
  close: {},
  archive: {},
  urge: { comment: '请尽快回复' },
  escalate: { escalatedTo: '市人民检察院' },
};

// ---------------------------------------------------------------------------------------------
// The happy path

describe('the full lifecycle', () => {
  it('li.wen drafts, zhao.mingyuan approves, the court replies, li.wen evaluates, closes and archives', async () => {
    const proc = await t.prisma.institution.findUniqueOrThrow({ where: { id: procId } });
    expect(proc.code).toBe('城中检');

    // Create.
    const c0 = ctx('2026-02-24');
    const before0 = await counts();
    const { id } = await R.createDraft(t.prisma, A['li.wen']!, draft(), c0);
    let r = await rec(id);
    expect(r).toMatchObject({ status: 'draft', version: 1, drafterId: A['li.wen']!.id, institutionId: procId, addresseeCourtId: courtId, number: null, type: 'correction' });
    expect(await counts()).toEqual({ events: before0.events + 1, audits: before0.audits + 1, recs: before0.recs + 1 });
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'Recommendation', recordId: id } })).toMatchObject({
      kind: 'create',
      visibility: 'internal',
      toStatus: 'draft',
      actorId: A['li.wen']!.id,
      at: c0.now,
    });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { recordId: id } })).toMatchObject({
      action: 'recommendation.create',
      recordType: 'Recommendation',
      actorId: A['li.wen']!.id,
      institutionId: procId,
      requestId: c0.requestId,
    });

    /** One step: status, version + 1, one event (kind, visibility, from → to), one audit row. */
    const check = async (
      cmd: Command,
      who: string,
      kind: RecommendationAction,
      today: string,
      to: RecommendationStatus,
      visibility: 'internal' | 'shared',
      extra: Record<string, unknown> = {},
    ) => {
      const prev = await rec(id);
      const evBefore = await t.prisma.workflowEvent.count({ where: { recordType: 'Recommendation', recordId: id } });
      const auBefore = await t.prisma.auditEvent.count({ where: { recordType: 'Recommendation', recordId: id } });
      const c = ctx(today);
      await cmd(t.prisma, A[who]!, { id, version: prev.version, ...extra }, c);
      const next = await rec(id);
      expect(next.status, kind).toBe(to);
      expect(next.version, kind).toBe(prev.version + 1);
      const events = await t.prisma.workflowEvent.findMany({ where: { recordType: 'Recommendation', recordId: id }, orderBy: { id: 'asc' } });
      expect(events, kind).toHaveLength(evBefore + 1);
      expect(events.at(-1), kind).toMatchObject({
        kind,
        visibility,
        fromStatus: prev.status,
        toStatus: to,
        actorId: A[who]!.id,
        institutionId: A[who]!.institutionId,
        at: c.now,
      });
      const audits = await t.prisma.auditEvent.findMany({ where: { recordType: 'Recommendation', recordId: id }, orderBy: { id: 'asc' } });
      expect(audits, kind).toHaveLength(auBefore + 1);
      expect(audits.at(-1), kind).toMatchObject({ action: `recommendation.${kind}`, actorId: A[who]!.id, institutionId: A[who]!.institutionId, requestId: c.requestId });
      expect(await t.prisma.auditEvent.count({ where: { requestId: c.requestId } }), kind).toBe(1);
      return next;
    };

    await check(R.submitDraft, 'li.wen', 'submit', '2026-02-24', 'submitted', 'internal');
    r = await check(R.approve, 'zhao.mingyuan', 'approve', '2026-02-25', 'approved', 'internal', { comment: '同意' });
    expect(r.approvedById).toBe(A['zhao.mingyuan']!.id);

    r = await check(R.issue, 'li.wen', 'issue', '2026-02-27', 'issued', 'internal');
    expect(r.number).toMatch(/^城中检民建〔2026〕\d+号$/);
    expect(r.issuedOn).toEqual(new Date('2026-02-27T00:00:00Z'));

    // Served on Monday 2026-03-02: two months → Saturday 2026-05-02, inside the Labour Day
    // holiday 2026-05-01..05 (holidays-cn.csv; the make-up working day is 05-09) → Wednesday 2026-05-06.
    r = await check(R.serve, 'li.wen', 'serve', '2026-03-02', 'served', 'shared', { servedOn: '2026-03-02', method: 'written' });
    expect(r.servedOn).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(r.dueDate).toEqual(new Date('2026-05-06T00:00:00Z'));
    expect(recommendationReplyDue({ type: 'correction', servedOn: '2026-03-02' })).toBe('2026-05-06');
    expect(r.serviceMethod).toBe('written');

    await check(R.acknowledge, 'lin.xue', 'acknowledge', '2026-03-03', 'acknowledged', 'shared');
    r = await check(R.saveReply, 'lin.xue', 'saveReply', '2026-04-10', 'acknowledged', 'internal', {
      adoption: 'partly_adopted',
      measures: '已补正送达。',
      reasons: '其余部分不属于本院职权。',
    });
    expect(r).toMatchObject({ replyAdoption: 'partly_adopted', replyMeasures: '已补正送达。', replyOn: null });
    r = await check(R.submitReply, 'lin.xue', 'submitReply', '2026-04-13', 'reply_submitted', 'internal', {
      adoption: 'partly_adopted',
      measures: '已补正送达，并组织专题培训。',
      reasons: '其余部分不属于本院职权。',
    });
    r = await check(R.signReply, 'wang.jianguo', 'signReply', '2026-04-15', 'replied', 'shared', { replyOn: '2026-04-15' });
    expect(r).toMatchObject({ replyOn: new Date('2026-04-15T00:00:00Z'), replySignedById: A['wang.jianguo']!.id });
    r = await check(R.evaluate, 'li.wen', 'evaluate', '2026-04-20', 'evaluated', 'shared', { rectified: 'yes', evaluation: '部分采纳，理由成立。' });
    expect(r.rectified).toBe(true);
    await check(R.followUp, 'li.wen', 'followUp', '2026-05-20', 'evaluated', 'shared', { comment: '回访：整改措施已落实。' });
    await check(R.close, 'li.wen', 'close', '2026-06-01', 'closed', 'shared');
    r = await check(R.archive, 'li.wen', 'archive', '2026-06-02', 'archived', 'internal');
    expect(r.version).toBe(13);

    // The court sees the served document, the reply and the shared steps, not the procuratorate's internal ones.
    const courtView = await R.getRecommendation(t.prisma, A['lin.xue']!, id, '2026-06-02');
    expect(courtView!.reply).toMatchObject({ adoption: 'partly_adopted', replyOn: '2026-04-15', late: false });
    const courtKinds = courtView!.timeline.map((e) => e.kind);
    expect(courtKinds).toEqual(
      expect.arrayContaining(['serve', 'acknowledge', 'saveReply', 'submitReply', 'signReply', 'evaluate', 'followUp', 'close']),
    );
    for (const k of ['create', 'submit', 'approve', 'issue', 'archive']) expect(courtKinds).not.toContain(k);
    // The audit trail (now beside the timeline) holds the court's own rows only.
    const courtAudit = courtView!.auditTrail.map((a) => a.action);
    expect(courtAudit).toContain('recommendation.acknowledge');
    for (const kinds of [courtKinds, courtAudit]) {
      expect(kinds.some((k) => k.startsWith('recommendation.') && ['recommendation.submit', 'recommendation.approve', 'recommendation.issue'].includes(k))).toBe(false);
    }
    const procView = await R.getRecommendation(t.prisma, A['li.wen']!, id, '2026-06-02');
    const procKinds = procView!.timeline.map((e) => e.kind);
    expect(procKinds).toEqual(['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge', 'signReply', 'evaluate', 'followUp', 'close', 'archive']);
  });

  it('issue numbers: one sequence per procuratorate and year, consecutive, never reused', async () => {
    const a = await make('approved', { issuedOn: '2026-11-20' });
    const b = await make('approved', { issuedOn: '2026-11-20', type: 'enforcement' });
    await step(R.issue, 'li.wen', a, {}, ctx('2026-11-20'));
    await step(R.issue, 'li.wen', b, {}, ctx('2026-11-20'));
    const na = (await rec(a)).number!;
    const nb = (await rec(b)).number!;
    expect(na).toMatch(/^城中检民建〔2026〕\d+号$/);
    expect(nb).toMatch(/^城中检执建〔2026〕\d+号$/);
    const seq = (n: string) => Number(/〔\d{4}〕(\d+)号$/.exec(n)![1]);
    expect(seq(nb)).toBe(seq(na) + 1);

    // A new year starts a new sequence.
    const c = await make('approved', { issuedOn: '2027-01-04' });
    const d = await make('approved', { issuedOn: '2027-01-04' });
    await step(R.issue, 'li.wen', c, {}, ctx('2027-01-04'));
    await step(R.issue, 'li.wen', d, {}, ctx('2027-01-04'));
    const nc = (await rec(c)).number!;
    const nd = (await rec(d)).number!;
    expect(nc).toMatch(/^城中检民建〔2027〕\d+号$/);
    expect(seq(nd)).toBe(seq(nc) + 1);
    const all = await t.prisma.recommendation.findMany({ where: { number: { not: null } }, select: { number: true } });
    expect(new Set(all.map((x) => x.number)).size).toBe(all.length);
  });

  it('a retrial recommendation is approved only with the committee decision', async () => {
    const id = await create('li.wen', { type: 'retrial' });
    await step(R.submitDraft, 'li.wen', id);
    const before = await counts();
    await expect(step(R.approve, 'zhao.mingyuan', id)).rejects.toEqual(new StepError('committeeDecisionRequired'));
    await expect(step(R.approve, 'zhao.mingyuan', id, { committeeDecisionNo: '检委会〔2026〕9号' })).rejects.toEqual(
      new FieldError('committeeDecisionOn', 'required'),
    );
    await expect(step(R.approve, 'zhao.mingyuan', id, { committeeDecisionNo: '检委会〔2026〕9号', committeeDecisionOn: '2026-11-28' })).rejects.toEqual(
      new FieldError('committeeDecisionOn', 'dateInFuture'),
    );
    expect(await counts()).toEqual(before);
    await step(R.approve, 'zhao.mingyuan', id, { committeeDecisionNo: '检委会〔2026〕9号', committeeDecisionOn: '2026-11-25' });
    expect(await rec(id)).toMatchObject({ status: 'approved', committeeDecisionNo: '检委会〔2026〕9号', committeeDecisionOn: new Date('2026-11-25T00:00:00Z') });
  });

  it('reply periods by type: retrial 3 months, urgent public interest 15 days; urgent means nothing for other types', async () => {
    // Served Monday 2026-11-23.
    const served = (type: string, over: Record<string, unknown> = {}) => make('served', { type, issuedOn: '2026-11-23', over });
    const due = async (id: string) => (await rec(id)).dueDate!.toISOString().slice(0, 10);
    expect(await due(await served('retrial'))).toBe('2027-02-23'); // Tuesday
    expect(await due(await served('public_interest', { urgent: 'on' }))).toBe('2026-12-08'); // 15 days, Tuesday
    expect(await due(await served('public_interest'))).toBe('2027-01-25'); // 2 months = Saturday 01-23 → Monday
    expect(await due(await served('correction', { urgent: 'on' }))).toBe('2027-01-25');
    expect(await due(await served('enforcement'))).toBe('2027-02-23');
  });

  it('a deactivated actor (a stale session) can do nothing', async () => {
    const id = await create();
    const gone: Actor = { ...A['li.wen']!, active: false };
    const before = await counts();
    await expect(R.submitDraft(t.prisma, gone, { id, version: 1 }, ctx())).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'inactive' });
    await expect(R.createDraft(t.prisma, gone, draft(), ctx())).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'inactive' });
    await expect(R.listRecommendations(t.prisma, gone, {}, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.getRecommendation(t.prisma, gone, id, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });

  it('return for revision, edit, resubmit; discard; the leader may act for the drafter, another procurator may not', async () => {
    const id = await create();
    await step(R.submitDraft, 'li.wen', id);
    await step(R.returnForRevision, 'zhao.mingyuan', id, { comment: '请补充证据' });
    expect((await rec(id)).status).toBe('returned');
    await expect(step(R.editDraft, 'wu.yating', id, draft({ title: '他人修改' }))).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'notOwner' });
    await step(R.editDraft, 'li.wen', id, draft({ title: '修改后的标题' }));
    expect(await rec(id)).toMatchObject({ status: 'returned', title: '修改后的标题' });
    await step(R.submitDraft, 'qian.hui', id);
    expect((await rec(id)).status).toBe('submitted');

    const other = await create();
    await expect(step(R.discardDraft, 'wu.yating', other)).rejects.toBeInstanceOf(ForbiddenError);
    await step(R.discardDraft, 'li.wen', other, { comment: '重复' });
    expect(await rec(other)).toMatchObject({ status: 'withdrawn' });
    await step(R.archive, 'li.wen', other);
    expect((await rec(other)).status).toBe('archived');
  });
});

// ---------------------------------------------------------------------------------------------
// Visibility

describe('who sees what', () => {
  const listed = async (who: string, id: string, f: R.ListFilters = {}) => (await R.listRecommendations(t.prisma, A[who]!, f, TODAY)).rows.some((r) => r.id === id);

  it('before service the court does not find the record (not found, as if it did not exist) nor in its list; after service it does', async () => {
    const id = await make('issued');
    for (const who of ['lin.xue', 'yang.fan', 'wang.jianguo', 'he.min']) {
      await expect(R.getRecommendation(t.prisma, A[who]!, id, TODAY), who).resolves.toBeNull();
      expect(await listed(who, id), who).toBe(false);
    }
    expect(await listed('li.wen', id)).toBe(true);
    expect(await listed('zhao.mingyuan', id)).toBe(true);
    await expect(R.getRecommendation(t.prisma, A['admin']!, id, TODAY)).rejects.toBeInstanceOf(ForbiddenError);

    await step(R.serve, 'li.wen', id, { servedOn: '2026-11-26', method: 'announced' });
    for (const who of ['lin.xue', 'yang.fan', 'wang.jianguo', 'he.min']) {
      const v = await R.getRecommendation(t.prisma, A[who]!, id, TODAY);
      expect(v, who).toMatchObject({ id, status: 'served', servedOn: '2026-11-26', serviceMethod: 'announced' });
      expect(await listed(who, id), who).toBe(true);
    }
    const staff = await R.getRecommendation(t.prisma, A['lin.xue']!, id, TODAY);
    expect([...staff!.actions].sort()).toEqual(['acknowledge', 'object']);
    // Procurators list only their own by default when asked; leaders all.
    expect(await listed('wu.yating', id, { mine: true })).toBe(false);
    expect(await listed('wu.yating', id)).toBe(true);
  });

  it('the approval queue shows the submitted drafts to leaders only', async () => {
    const id = await make('submitted');
    expect((await R.approvalQueue(t.prisma, A['zhao.mingyuan']!, TODAY)).rows.some((r) => r.id === id)).toBe(true);
    await expect(R.approvalQueue(t.prisma, A['li.wen']!, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(R.approvalQueue(t.prisma, A['wang.jianguo']!, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the court's reply draft stays inside the court until a court leader signs it", async () => {
    const id = await make('acknowledged');
    await step(R.saveReply, 'lin.xue', id, { adoption: 'not_adopted', measures: '无', reasons: '草稿理由-内部' });
    let p = await R.getRecommendation(t.prisma, A['li.wen']!, id, TODAY);
    expect(p!.reply).toBeNull();
    expect(JSON.stringify(p)).not.toContain('草稿理由-内部');
    const c = await R.getRecommendation(t.prisma, A['lin.xue']!, id, TODAY);
    expect(c!.reply).toMatchObject({ adoption: 'not_adopted', reasons: '草稿理由-内部', replyOn: null });

    await step(R.submitReply, 'lin.xue', id, { adoption: 'partly_adopted', measures: '部分整改', reasons: '提交理由-内部' });
    p = await R.getRecommendation(t.prisma, A['zhao.mingyuan']!, id, TODAY);
    expect(p!.reply).toBeNull();
    expect(JSON.stringify(p)).not.toContain('提交理由-内部');

    // The court leader sends it back with an internal comment: the procuratorate never sees it.
    await step(R.returnReply, 'wang.jianguo', id, { comment: '法院内部退回意见' });
    await step(R.submitReply, 'lin.xue', id, { adoption: 'partly_adopted', measures: '部分整改', reasons: '最终理由' });
    p = await R.getRecommendation(t.prisma, A['li.wen']!, id, TODAY);
    expect(p!.reply).toBeNull();
    expect(JSON.stringify(p)).not.toContain('法院内部退回意见');
    expect(p!.timeline.map((e) => e.kind)).not.toContain('returnReply');

    await step(R.signReply, 'wang.jianguo', id, { replyOn: TODAY });
    p = await R.getRecommendation(t.prisma, A['li.wen']!, id, TODAY);
    expect(p!.reply).toMatchObject({ adoption: 'partly_adopted', measures: '部分整改', reasons: '最终理由', replyOn: TODAY, late: false });
    expect(p!.reply!.signedBy).toBe('王建国');
    expect(JSON.stringify(p)).not.toContain('法院内部退回意见');
    const courtView = await R.getRecommendation(t.prisma, A['lin.xue']!, id, TODAY);
    expect(courtView!.timeline.map((e) => e.kind)).toContain('returnReply');
  });

  it("the court's internal work never reorders the procuratorate's list; a shared step does", async () => {
    const id = await make('acknowledged');
    // Stamped later than anything the seed holds, so that a list sorted by any change would move it first.
    const at = (iso: string) => ({ today: TODAY, requestId: `req-order-${iso}`, now: new Date(iso) });
    const order = async () => (await R.listRecommendations(t.prisma, A['li.wen']!, {}, TODAY, { page: 1, size: 100 })).rows.map((r) => r.id);
    // A draft of li.wen's touched after it: first in her list.
    const { id: other } = await R.createDraft(t.prisma, A['li.wen']!, draft(), at('2098-06-01T00:00:00.000Z'));
    const before = await order();
    expect(before[0]).toBe(other);
    // Drafting and submitting the reply are the court's own: updatedAt moves, the procuratorate's order does not.
    await step(R.saveReply, 'lin.xue', id, { adoption: 'adopted', measures: '内部草稿' }, at('2099-01-01T00:00:00.000Z'));
    await step(R.submitReply, 'lin.xue', id, { adoption: 'adopted', measures: '已整改' }, at('2099-01-02T00:00:00.000Z'));
    expect((await rec(id)).updatedAt.toISOString()).toBe('2099-01-02T00:00:00.000Z');
    expect(await order()).toEqual(before);
    // The signed reply is shared: the record comes first for the procuratorate.
    await step(R.signReply, 'wang.jianguo', id, { replyOn: TODAY }, at('2099-01-03T00:00:00.000Z'));
    expect((await rec(id)).issuerActivityAt.toISOString()).toBe('2099-01-03T00:00:00.000Z');
    expect((await order())[0]).toBe(id);
  });

  it("the leader's return comment is internal to the procuratorate", async () => {
    const id = await create();
    await step(R.submitDraft, 'li.wen', id, {}, ctx('2026-11-20'));
    await step(R.returnForRevision, 'zhao.mingyuan', id, { comment: '检察院内部退回意见' }, ctx('2026-11-20'));
    await step(R.submitDraft, 'li.wen', id, {}, ctx('2026-11-21'));
    await step(R.approve, 'zhao.mingyuan', id, { comment: '检察院内部批准意见' }, ctx('2026-11-22'));
    await step(R.issue, 'li.wen', id, {}, ctx('2026-11-23'));
    await step(R.serve, 'li.wen', id, { servedOn: '2026-11-24', method: 'written' }, ctx('2026-11-24'));
    const p = await R.getRecommendation(t.prisma, A['li.wen']!, id, TODAY);
    expect(JSON.stringify(p!.timeline)).toContain('检察院内部退回意见');
    for (const who of ['lin.xue', 'wang.jianguo']) {
      const c = await R.getRecommendation(t.prisma, A[who]!, id, TODAY);
      const text = JSON.stringify(c);
      expect(text, who).not.toContain('检察院内部退回意见');
      expect(text, who).not.toContain('检察院内部批准意见');
      expect(c!.timeline.map((e) => e.kind), who).toEqual(['serve']);
      expect(c!.approvedBy, who).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Version conflicts

describe('version conflicts', () => {
  it('two submitReply at once with the same version: one wins, the other gets ConflictError, one event', async () => {
    const id = await make('acknowledged');
    const v = await version(id);
    const evBefore = await t.prisma.workflowEvent.count({ where: { recordType: 'Recommendation', recordId: id } });
    const input = { id, version: v, adoption: 'adopted', measures: '已整改' };
    const results = await Promise.allSettled([
      R.submitReply(t.prisma, A['lin.xue']!, input, ctx()),
      R.submitReply(t.prisma, A['yang.fan']!, input, ctx()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await t.prisma.workflowEvent.count({ where: { recordType: 'Recommendation', recordId: id } })).toBe(evBefore + 1);
    expect(await rec(id)).toMatchObject({ status: 'reply_submitted', version: v + 1 });
  });

  it('two signReply at once with the same version: one wins, the other gets ConflictError', async () => {
    const id = await make('reply_submitted');
    const v = await version(id);
    const auBefore = await t.prisma.auditEvent.count({ where: { recordId: id } });
    const input = { id, version: v, replyOn: TODAY };
    const results = await Promise.allSettled([
      R.signReply(t.prisma, A['wang.jianguo']!, input, ctx()),
      R.signReply(t.prisma, A['he.min']!, input, ctx()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await t.prisma.auditEvent.count({ where: { recordId: id } })).toBe(auBefore + 1);
    expect(await rec(id)).toMatchObject({ status: 'replied', version: v + 1 });
  });

  it('two saveReply at once (a step that keeps the state): one wins, the other gets ConflictError', async () => {
    const id = await make('acknowledged');
    const v = await version(id);
    const results = await Promise.allSettled([
      R.saveReply(t.prisma, A['lin.xue']!, { id, version: v, adoption: 'adopted', measures: 'A' }, ctx()),
      R.saveReply(t.prisma, A['yang.fan']!, { id, version: v, adoption: 'adopted', measures: 'B' }, ctx()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await rec(id)).toMatchObject({ version: v + 1 });
  });

  it('a stale version → ConflictError and nothing written', async () => {
    const id = await make('acknowledged');
    await step(R.saveReply, 'lin.xue', id, { adoption: 'adopted', measures: '第一稿' });
    const now = await rec(id);
    const before = await counts();
    await expect(
      R.saveReply(t.prisma, A['yang.fan']!, { id, version: now.version - 1, adoption: 'adopted', measures: '过期的稿' }, ctx()),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(R.submitReply(t.prisma, A['lin.xue']!, { id, version: now.version - 1, adoption: 'adopted', measures: 'x' }, ctx())).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await counts()).toEqual(before);
    expect(await rec(id)).toEqual(now);
  });

  it('a stale version on a step the record has since moved past → ConflictError (reload), not a state error', async () => {
    const id = await make('acknowledged');
    const v = await version(id);
    await step(R.submitReply, 'lin.xue', id, { adoption: 'adopted', measures: '已整改' });
    const before = await counts();
    await expect(R.submitReply(t.prisma, A['yang.fan']!, { id, version: v, adoption: 'adopted', measures: '已整改' }, ctx())).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await counts()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input

describe('bad input is refused and nothing is written', () => {
  async function nothingWritten(p: () => Promise<unknown>, match: (e: unknown) => void) {
    const before = await counts();
    let err: unknown;
    try {
      await p();
    } catch (e) {
      err = e;
    }
    expect(err, 'expected a rejection').toBeDefined();
    match(err);
    expect(await counts()).toEqual(before);
  }
  const zodAt = (path: string, message: string) => (e: unknown) => {
    expect(e).toBeInstanceOf(ZodError);
    expect((e as ZodError).issues).toContainEqual(expect.objectContaining({ path: path.split('.'), message }));
  };

  it('missing title, overlong facts, bad court case number, unknown court', async () => {
    const noTitle: Record<string, unknown> = draft();
    delete noTitle.title;
    await nothingWritten(() => R.createDraft(t.prisma, A['li.wen']!, noTitle, ctx()), zodAt('title', 'required'));
    await nothingWritten(() => R.createDraft(t.prisma, A['li.wen']!, draft({ facts: 'x'.repeat(20_001) }), ctx()), zodAt('facts', 'tooLong'));
    await nothingWritten(() => R.createDraft(t.prisma, A['li.wen']!, draft({ courtCaseNumber: '2024青0103民初123号' }), ctx()), zodAt('courtCaseNumber', 'courtCaseNumberFormat'));
    await nothingWritten(
      () => R.createDraft(t.prisma, A['li.wen']!, draft({ addresseeCourtId: procId }), ctx()),
      (e) => expect(e).toEqual(new FieldError('addresseeCourtId', 'invalidChoice')),
    );
    const id = await create();
    await nothingWritten(() => step(R.editDraft, 'li.wen', id, draft({ facts: 'y'.repeat(20_001) })), zodAt('facts', 'tooLong'));
  });

  it('a custom period longer than the statutory one → customPeriodMonths periodExceedsStatutory', async () => {
    await nothingWritten(
      () => R.createDraft(t.prisma, A['li.wen']!, draft({ customPeriodMonths: 3 }), ctx()),
      (e) => expect(e).toEqual(new FieldError('customPeriodMonths', 'periodExceedsStatutory')),
    );
    await nothingWritten(
      () => R.createDraft(t.prisma, A['li.wen']!, draft({ type: 'public_interest', urgent: 'on', customPeriodDays: 16 }), ctx()),
      (e) => expect(e).toEqual(new FieldError('customPeriodMonths', 'periodExceedsStatutory')),
    );
    // Shorter is fine; the due date then follows it (served Monday 2026-11-23 + 10 days → Thursday 12-03).
    const id = await make('served', { issuedOn: '2026-11-23', over: { customPeriodDays: 10 } });
    expect((await rec(id)).dueDate).toEqual(new Date('2026-12-03T00:00:00Z'));
  });

  it('a custom period accepted at drafting still serves when served in a shorter month', async () => {
    // Drafted on 2026-11-27: 2 months = 61 days, so 61 days passes the check. Served on
    // 2026-12-30: 2 months end on 2027-02-28 (60 days). Serving must not blow up with an
    // unhandled DeadlineInputError (the recommendation would be stuck, issued and frozen).
    const id = await create('li.wen', { customPeriodDays: 61 }, '2026-11-27');
    await step(R.submitDraft, 'li.wen', id, {}, ctx('2026-11-27'));
    await step(R.approve, 'zhao.mingyuan', id, {}, ctx('2026-11-27'));
    await step(R.issue, 'li.wen', id, {}, ctx('2026-12-30'));
    const r = await step(R.serve, 'li.wen', id, { servedOn: '2026-12-30', method: 'written' }, ctx('2026-12-30')).then(
      () => 'served' as const,
      (e: unknown) => e,
    );
    if (r !== 'served') expect(r, 'serve must succeed or answer with a FieldError').toBeInstanceOf(FieldError);
  });

  it("servedOn '2023-02-30', before issue, in the future", async () => {
    const id = await make('issued', { issuedOn: '2026-11-20' });
    await nothingWritten(() => step(R.serve, 'li.wen', id, { servedOn: '2023-02-30', method: 'written' }), zodAt('servedOn', 'dateInvalid'));
    await nothingWritten(() => step(R.serve, 'li.wen', id, { servedOn: '2026-11-19', method: 'written' }), (e) => expect(e).toEqual(new FieldError('servedOn', 'servedBeforeIssued')));
    await nothingWritten(() => step(R.serve, 'li.wen', id, { servedOn: '2026-11-28', method: 'written' }), (e) => expect(e).toEqual(new FieldError('servedOn', 'dateInFuture')));
    await nothingWritten(() => step(R.serve, 'li.wen', id, { servedOn: '2026-11-27', method: 'fax' }), zodAt('method', 'invalidChoice'));
    expect(await rec(id)).toMatchObject({ status: 'issued', servedOn: null, dueDate: null });
    // Served on the issue day is fine.
    await step(R.serve, 'li.wen', id, { servedOn: '2026-11-20', method: 'written' });
    expect((await rec(id)).status).toBe('served');
  });

  it('a reply dated before service or in the future is refused', async () => {
    const id = await make('reply_submitted', { issuedOn: '2026-11-20' });
    await nothingWritten(() => step(R.signReply, 'wang.jianguo', id, { replyOn: '2026-11-19' }), (e) => expect(e).toEqual(new FieldError('replyOn', 'replyBeforeServed')));
    await nothingWritten(() => step(R.signReply, 'wang.jianguo', id, { replyOn: '2026-11-28' }), (e) => expect(e).toEqual(new FieldError('replyOn', 'dateInFuture')));
  });

  it('a reply to a recommendation that is not served and acknowledged → wrongState (before service: forbidden)', async () => {
    const served = await make('served');
    const reply = { adoption: 'adopted', measures: '已整改' };
    await nothingWritten(() => step(R.saveReply, 'lin.xue', served, reply), (e) => expect(e).toEqual(new StepError('wrongState')));
    await nothingWritten(() => step(R.submitReply, 'lin.xue', served, reply), (e) => expect(e).toEqual(new StepError('wrongState')));
    const replied = await make('replied');
    await nothingWritten(() => step(R.submitReply, 'lin.xue', replied, reply), (e) => expect(e).toEqual(new StepError('wrongState')));
    const issued = await make('issued');
    await nothingWritten(() => step(R.submitReply, 'lin.xue', issued, reply), (e) => expect(e).toMatchObject({ name: 'ForbiddenError', reason: 'notVisible' }));
    await nothingWritten(() => step(R.acknowledge, 'lin.xue', issued), (e) => expect(e).toBeInstanceOf(ForbiddenError));
    // A partly adopted reply without reasons.
    const ack = await make('acknowledged');
    await nothingWritten(() => step(R.submitReply, 'lin.xue', ack, { adoption: 'partly_adopted', measures: 'x' }), zodAt('reasons', 'reasonsRequired'));
  });

  it('an unknown id → FieldError id notFound; a malformed one → ZodError; getRecommendation → null', async () => {
    await nothingWritten(() => R.submitDraft(t.prisma, A['li.wen']!, { id: '00000000-0000-4000-8000-000000000000', version: 1 }, ctx()), (e) => expect(e).toEqual(new FieldError('id', 'notFound')));
    await nothingWritten(() => R.submitDraft(t.prisma, A['li.wen']!, { id: "1' OR '1'='1", version: 1 }, ctx()), zodAt('id', 'invalidChoice'));
    expect(await R.getRecommendation(t.prisma, A['li.wen']!, '00000000-0000-4000-8000-000000000000', TODAY)).toBeNull();
    expect(await R.getRecommendation(t.prisma, A['li.wen']!, 'nope', TODAY)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Other institutions

describe('another procuratorate and another court', () => {
  const F: Record<string, Actor> = {};
  let foreignRec = '';

  beforeAll(async () => {
    const p2 = await t.prisma.institution.create({
      data: { kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District People’s Procuratorate', regionCode: '630102', code: '城东检' },
    });
    const c2 = await t.prisma.institution.create({
      data: { kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District People’s Court', regionCode: '630102', code: '青0102' },
    });
    const users = [
      { username: 'east.procurator', role: 'PROCURATOR', institutionId: p2.id },
      { username: 'east.leader', role: 'PROCURATORATE_LEADER', institutionId: p2.id },
      { username: 'east.judge', role: 'COURT_STAFF', institutionId: c2.id },
      { username: 'east.president', role: 'COURT_LEADER', institutionId: c2.id },
    ] as const;
    for (const u of users) {
      const row = await t.prisma.user.create({ data: { ...u, name: u.username, passwordHash: 'x' } });
      F[u.username] = (await loadActor(t.prisma, row.id))!;
    }
    // The other procuratorate's own recommendation, served on the other court.
    const { id } = await R.createDraft(t.prisma, F['east.procurator']!, draft({ addresseeCourtId: c2.id }), ctx('2026-11-20'));
    foreignRec = id;
    const go = async (cmd: Command, who: string, extra: Record<string, unknown> = {}) =>
      cmd(t.prisma, F[who]!, { id, version: await version(id), ...extra }, ctx('2026-11-20'));
    await go(R.submitDraft, 'east.procurator');
    await go(R.approve, 'east.leader');
    await go(R.issue, 'east.procurator');
    await go(R.serve, 'east.procurator', { servedOn: '2026-11-20', method: 'written' });
    expect((await rec(id)).number).toMatch(/^城东检民建〔2026〕\d+号$/);
  });

  it('their users get ForbiddenError on every step against our records, and nothing is written', async () => {
    const records: Record<string, string> = {
      draft: await create(),
      submitted: await make('submitted'),
      approved: await make('approved'),
      issued: await make('issued'),
      served: await make('served'),
      acknowledged: await make('acknowledged'),
      replied: await make('replied'),
      evaluated: await make('evaluated'),
    };
    const STEPS = R.STEPS as Record<RecommendationAction, Command>;
    const before = await counts();
    const snapshot = await t.prisma.recommendation.findMany({ where: { id: { in: Object.values(records) } }, orderBy: { id: 'asc' } });
    for (const [action, cmd] of Object.entries(STEPS) as [RecommendationAction, Command][]) {
      for (const [state, id] of Object.entries(records)) {
        for (const [who, a] of Object.entries(F)) {
          const v = await version(id);
          await expect(cmd(t.prisma, a, { id, version: v, ...(action === 'edit' ? draft() : VALID[action]) }, ctx()), `${action} by ${who} on ${state}`).rejects.toMatchObject({
            name: 'ForbiddenError',
            reason: 'notVisible',
          });
        }
      }
    }
    expect(await counts()).toEqual(before);
    expect(await t.prisma.recommendation.findMany({ where: { id: { in: Object.values(records) } }, orderBy: { id: 'asc' } })).toEqual(snapshot);
    for (const a of Object.values(F)) {
      for (const id of Object.values(records)) await expect(R.getRecommendation(t.prisma, a, id, TODAY)).resolves.toBeNull();
    }
  });

  it('listRecommendations never returns another institution’s records, on either side', async () => {
    const ours = await make('served');
    for (const a of Object.values(F)) {
      const rows = (await R.listRecommendations(t.prisma, a, {}, TODAY)).rows;
      expect(rows.some((r) => r.id === ours)).toBe(false);
      const ids = rows.map((r) => r.id);
      const recs = await t.prisma.recommendation.findMany({ where: { id: { in: ids } } });
      for (const r of recs) {
        if (a.institutionKind === 'PROCURATORATE') expect(r.institutionId).toBe(a.institutionId);
        else expect(r.addresseeCourtId).toBe(a.institutionId);
      }
    }
    expect((await R.listRecommendations(t.prisma, F['east.judge']!, {}, TODAY)).rows.map((r) => r.id)).toContain(foreignRec);
    for (const who of ['li.wen', 'zhao.mingyuan', 'lin.xue', 'wang.jianguo']) {
      const rows = (await R.listRecommendations(t.prisma, A[who]!, {}, TODAY, { page: 1, size: 100 })).rows;
      expect(rows.map((r) => r.id), who).not.toContain(foreignRec);
      expect(rows.map((r) => r.id), who).toContain(ours);
      await expect(R.getRecommendation(t.prisma, A[who]!, foreignRec, TODAY), who).resolves.toBeNull();
    }
    expect((await R.approvalQueue(t.prisma, F['east.leader']!, TODAY)).rows.every((r) => r.id !== ours)).toBe(true);
  });

  it('our users cannot act on their records either', async () => {
    const before = await counts();
    for (const [who, cmd, extra] of [
      ['li.wen', R.urge, VALID.urge],
      ['zhao.mingyuan', R.escalate, VALID.escalate],
      ['lin.xue', R.acknowledge, {}],
      ['wang.jianguo', R.signReply, VALID.signReply],
    ] as const) {
      await expect(step(cmd as Command, who, foreignRec, extra)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await counts()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Objections

describe('objections', () => {
  it('object → rejectObjection → acknowledged; the reply then proceeds', async () => {
    const id = await make('served');
    await step(R.raiseObjection, 'lin.xue', id, { comment: '我院认为送达程序合法' });
    expect((await rec(id)).status).toBe('objected');
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'Recommendation', recordId: id, kind: 'object' } });
    expect(ev).toMatchObject({ visibility: 'shared', data: { comment: '我院认为送达程序合法' } });
    await expect(step(R.rejectObjection, 'li.wen', id, { comment: '不成立' })).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'role' });
    await step(R.rejectObjection, 'zhao.mingyuan', id, { comment: '异议理由不成立，请依法回复' });
    expect((await rec(id)).status).toBe('acknowledged');
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'Recommendation', recordId: id, kind: 'rejectObjection' } })).toMatchObject({ visibility: 'shared' });
    const courtView = await R.getRecommendation(t.prisma, A['lin.xue']!, id, TODAY);
    expect(courtView!.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['object', 'rejectObjection']));
    await step(R.submitReply, 'lin.xue', id, { adoption: 'adopted', measures: '已整改' });
    expect((await rec(id)).status).toBe('reply_submitted');
  });

  it("upheld with outcome 'modify': the original is withdrawn and a new draft supersedes it", async () => {
    const id = await make('acknowledged');
    const original = await rec(id);
    await step(R.raiseObjection, 'wang.jianguo', id, { comment: '建议内容与事实不符' });
    const result = (await step(R.upholdObjection, 'zhao.mingyuan', id, { comment: '异议成立，修改后重新制发', outcome: 'modify' })) as { newId: string };
    const after = await rec(id);
    expect(after).toMatchObject({ status: 'withdrawn', number: original.number });
    expect(after.withdrawnAt).not.toBeNull();
    const copy = await t.prisma.recommendation.findFirstOrThrow({ where: { supersedesId: id } });
    expect(copy.id).toBe(result.newId);
    expect(copy).toMatchObject({
      status: 'draft',
      number: null,
      drafterId: original.drafterId,
      institutionId: original.institutionId,
      addresseeCourtId: original.addresseeCourtId,
      title: original.title,
      facts: original.facts,
      servedOn: null,
      version: 1,
    });
    const p = await R.getRecommendation(t.prisma, A['li.wen']!, id, TODAY);
    expect(p!.supersededBy).toMatchObject({ id: copy.id, status: 'draft' });
    expect((await R.getRecommendation(t.prisma, A['li.wen']!, copy.id, TODAY))!.supersedes).toMatchObject({ id, number: original.number });
    // The court sees the withdrawal but not the new internal draft.
    const c = await R.getRecommendation(t.prisma, A['lin.xue']!, id, TODAY);
    expect(c).toMatchObject({ status: 'withdrawn', supersededBy: null });
    await expect(R.getRecommendation(t.prisma, A['lin.xue']!, copy.id, TODAY)).resolves.toBeNull();
    // The new draft goes through the normal flow; the withdrawn one is archived.
    await step(R.submitDraft, 'li.wen', copy.id);
    await step(R.archive, 'li.wen', id);
    expect((await rec(id)).status).toBe('archived');
  });

  it("upheld with outcome 'withdraw': withdrawn, no new draft", async () => {
    const id = await make('served');
    await step(R.raiseObjection, 'lin.xue', id, { comment: '异议' });
    await step(R.upholdObjection, 'qian.hui', id, { comment: '撤回', outcome: 'withdraw' });
    expect((await rec(id)).status).toBe('withdrawn');
    expect(await t.prisma.recommendation.count({ where: { supersedesId: id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Overdue

describe('overdue replies: urge, escalate', () => {
  it('listed as overdue with the days counted; urged; escalated once', async () => {
    // Served Monday 2026-01-12 → due Thursday 2026-03-12 (a working day); on 2026-11-27 that is 260 days overdue.
    const id = await make('acknowledged', { issuedOn: '2026-01-09', servedOn: '2026-01-12' });
    expect((await rec(id)).dueDate).toEqual(new Date('2026-03-12T00:00:00Z'));
    for (const who of ['li.wen', 'zhao.mingyuan', 'lin.xue', 'wang.jianguo']) {
      const rows = (await R.listRecommendations(t.prisma, A[who]!, { overdue: true }, TODAY)).rows;
      expect(rows.find((r) => r.id === id), who).toMatchObject({ dueDate: '2026-03-12', daysOverdue: 260, daysLeft: null });
    }
    // Not overdue on the due day itself, overdue the day after.
    expect((await R.listRecommendations(t.prisma, A['li.wen']!, { overdue: true }, '2026-03-12')).rows.some((r) => r.id === id)).toBe(false);
    expect((await R.listRecommendations(t.prisma, A['li.wen']!, { overdue: true }, '2026-03-13')).rows.find((r) => r.id === id)).toMatchObject({ daysOverdue: 1 });

    await expect(step(R.urge, 'wu.yating', id, {})).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'notOwner' });
    await step(R.urge, 'li.wen', id, { comment: '请尽快回复' });
    let r = await rec(id);
    expect(r.status).toBe('acknowledged');
    expect(r.urgedAt).not.toBeNull();
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'Recommendation', recordId: id, kind: 'urge' } })).toMatchObject({
      visibility: 'shared',
      data: { comment: '请尽快回复', daysOverdue: 260 },
    });

    await expect(step(R.escalate, 'li.wen', id, { escalatedTo: '市人民检察院' })).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'role' });
    await step(R.escalate, 'zhao.mingyuan', id, { escalatedTo: '西宁市人民检察院', comment: '逾期未回复' });
    r = await rec(id);
    expect(r).toMatchObject({ escalatedTo: '西宁市人民检察院', status: 'acknowledged' });
    expect(r.escalatedAt).not.toBeNull();
    const view = await R.getRecommendation(t.prisma, A['li.wen']!, id, TODAY);
    expect(view).toMatchObject({ escalatedTo: '西宁市人民检察院', daysOverdue: 260 });

    const before = await counts();
    await expect(step(R.escalate, 'qian.hui', id, { escalatedTo: '青海省人民检察院' })).rejects.toEqual(new StepError('alreadyEscalated'));
    expect(await counts()).toEqual(before);
    expect((await rec(id)).escalatedTo).toBe('西宁市人民检察院');

    // Once replied, it leaves the overdue list (the late reply is flagged).
    await step(R.submitReply, 'lin.xue', id, { adoption: 'adopted', measures: '已整改' });
    expect((await R.listRecommendations(t.prisma, A['li.wen']!, { overdue: true }, TODAY)).rows.some((x) => x.id === id)).toBe(true);
    await step(R.signReply, 'wang.jianguo', id, { replyOn: TODAY });
    expect((await R.listRecommendations(t.prisma, A['li.wen']!, { overdue: true }, TODAY)).rows.some((x) => x.id === id)).toBe(false);
    expect((await R.listRecommendations(t.prisma, A['li.wen']!, { replied: 'late' }, TODAY)).rows.find((x) => x.id === id)).toMatchObject({ repliedLate: true, daysOverdue: 0 });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'Recommendation', recordId: id, kind: 'signReply' } });
    expect(ev.data).toMatchObject({ late: true });
  });

  it('urge or escalate before the due date has passed → notOverdue', async () => {
    const id = await make('served'); // served 2026-11-26 → due 2027-01-26
    expect((await rec(id)).dueDate).toEqual(new Date('2027-01-26T00:00:00Z'));
    const before = await counts();
    await expect(step(R.urge, 'li.wen', id, {})).rejects.toEqual(new StepError('notOverdue'));
    await expect(step(R.escalate, 'zhao.mingyuan', id, { escalatedTo: '市人民检察院' }, ctx('2027-01-26'))).rejects.toEqual(new StepError('notOverdue'));
    expect(await counts()).toEqual(before);
    await step(R.urge, 'li.wen', id, {}, ctx('2027-01-27'));
    expect((await rec(id)).urgedAt).not.toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Enforcement extension

describe('enforcement-supervision extension', () => {
  it('3 months from service; the court leader approves one extra month', async () => {
    // Served Monday 2026-01-05. Three months → Sunday 2026-04-05 (Qingming 04-04..06) → Tuesday 2026-04-07.
    // With the extension: four months → 2026-05-05 (Labour Day 05-01..05) → Wednesday 2026-05-06.
    const id = await make('acknowledged', { type: 'enforcement', issuedOn: '2026-01-05', servedOn: '2026-01-05' });
    expect((await rec(id)).dueDate).toEqual(new Date('2026-04-07T00:00:00Z'));
    expect(recommendationReplyDue({ type: 'enforcement', servedOn: '2026-01-05' })).toBe('2026-04-07');

    await expect(step(R.approveExtension, 'wang.jianguo', id, {}, ctx('2026-03-20'))).rejects.toEqual(new StepError('extensionNotRequested'));
    await step(R.requestExtension, 'jiang.tao', id, { reason: '案情复杂，需调取执行卷宗' }, ctx('2026-03-20'));
    let r = await rec(id);
    expect(r).toMatchObject({ extensionReason: '案情复杂，需调取执行卷宗', extensionMonths: 0 });
    expect(r.extensionRequestedAt).not.toBeNull();
    await expect(step(R.requestExtension, 'yang.fan', id, { reason: '再次申请' }, ctx('2026-03-21'))).rejects.toEqual(new StepError('extensionAlreadyRequested'));
    await expect(step(R.approveExtension, 'lin.xue', id, {}, ctx('2026-03-21'))).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'role' });

    await step(R.approveExtension, 'wang.jianguo', id, {}, ctx('2026-03-23'));
    r = await rec(id);
    const expected = recommendationReplyDue({ type: 'enforcement', servedOn: '2026-01-05', extensionMonths: 1 });
    expect(expected).toBe('2026-05-06');
    expect(r).toMatchObject({ extensionMonths: 1, dueDate: new Date(`${expected}T00:00:00Z`), status: 'acknowledged' });
    const ev = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordType: 'Recommendation', recordId: id, kind: 'approveExtension' } });
    expect(ev).toMatchObject({ visibility: 'shared', data: { months: 1, previousDueDate: '2026-04-07', dueDate: '2026-05-06' } });
    // The procuratorate sees the new due date.
    expect(await R.getRecommendation(t.prisma, A['li.wen']!, id, '2026-04-08')).toMatchObject({ dueDate: '2026-05-06', daysOverdue: 0, extensionMonths: 1 });

    // Never twice.
    const before = await counts();
    await expect(step(R.requestExtension, 'lin.xue', id, { reason: '再申请' }, ctx('2026-04-01'))).rejects.toEqual(new StepError('extensionAlreadyApproved'));
    await expect(step(R.approveExtension, 'he.min', id, {}, ctx('2026-04-01'))).rejects.toEqual(new StepError('extensionAlreadyApproved'));
    expect(await counts()).toEqual(before);
  });

  it("a 'correction' recommendation cannot be extended → extensionNotAllowed", async () => {
    const id = await make('acknowledged');
    const before = await counts();
    await expect(step(R.requestExtension, 'lin.xue', id, { reason: '需要更多时间' })).rejects.toEqual(new StepError('extensionNotAllowed'));
    expect(await counts()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// The audit log

describe('the audit table is append-only', () => {
  it('a raw UPDATE or DELETE of "AuditEvent" by the app fails and changes nothing', async () => {
    await make('submitted');
    const before = await t.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(before.length).toBeGreaterThan(0);
    // The app role holds no UPDATE or DELETE on it (scripts/db/access.mjs); the trigger, which
    // holds for the owner too, is tested in db-role.test.ts and migrations.test.ts.
    await expect(t.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(t.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(t.prisma.auditEvent.updateMany({ data: { action: 'x' } })).rejects.toThrow();
    expect(await t.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});
