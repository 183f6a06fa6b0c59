import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecommendations } from '@/lib/data/recommendations';
import { loadActor } from '@/lib/data/users';
import { DeadlineInputError, officialCalendar, recommendationReplyDue, RECOMMENDATION_TYPES } from '@/lib/domain/deadlines';
import {
  AWAITING_REPLY,
  INTERNAL_STATUSES,
  RECOMMENDATION_STATUSES,
  TRANSITIONS,
  type RecommendationAction,
} from '@/lib/domain/recommendations/machine';
import { formatRecommendationNumber, RECOMMENDATION_SEQUENCE } from '@/lib/domain/recommendations/numbering';
import type { Recommendation, WorkflowEvent } from '@/lib/generated/prisma/client';
import { PROCURATORATE } from '@/prisma/seed/demo-data';
import { DEMO_CASES } from '@/prisma/seed/recommendations';
import { seed } from '@/prisma/seed/seed';
import { openTestDb, type TestDb } from './support';

const TODAY = '2026-11-27';
const noop = () => {};
const iso = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : null);

let t: TestDb;
let recs: Recommendation[];
let events: Map<string, WorkflowEvent[]>;
let users: Map<string, { id: string; role: string; institutionId: string; username: string }>;
let procId: string;
let courtId: string;

beforeAll(async () => {
  t = await openTestDb();
  // How long the seed takes is the demo's to print (scripts/serve.ts), not a test's to time.
  await seed(t.prisma, noop, { today: TODAY });
  recs = await t.prisma.recommendation.findMany({ orderBy: { createdAt: 'asc' } });
  const all = await t.prisma.workflowEvent.findMany({ where: { recordType: 'Recommendation' }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  events = new Map(recs.map((r) => [r.id, all.filter((e) => e.recordId === r.id)]));
  users = new Map((await t.prisma.user.findMany()).map((u) => [u.id, u]));
  procId = (await t.prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } })).id;
  courtId = (await t.prisma.institution.findFirstOrThrow({ where: { kind: 'COURT' } })).id;
});
afterAll(async () => {
  await t?.close();
});

const awaiting = (r: Recommendation) => (AWAITING_REPLY as readonly string[]).includes(r.status);
const customPeriod = (r: Recommendation) =>
  r.customPeriodMonths || r.customPeriodDays ? { months: r.customPeriodMonths ?? undefined, days: r.customPeriodDays ?? undefined } : undefined;

describe('demo recommendations seed', () => {
  it('has 40+ recommendations of every type in every state, and the cases they belong to', async () => {
    expect(recs.length).toBeGreaterThanOrEqual(40);
    for (const type of RECOMMENDATION_TYPES) expect(recs.some((r) => r.type === type), type).toBe(true);
    for (const status of RECOMMENDATION_STATUSES) expect(recs.some((r) => r.status === status), status).toBe(true);
    // The cases this seed creates (later seed steps add more).
    const cases = await t.prisma.supervisionCase.findMany({ where: { number: { in: DEMO_CASES.map((c) => c.number) } } });
    expect(cases.length).toBe(DEMO_CASES.length);
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const kind of ['civil', 'administrative', 'enforcement', 'non_litigation', 'civil_retrial']) expect(cases.some((c) => c.kind === kind), kind).toBe(true);
    for (const c of cases) {
      expect(c.number).toMatch(/^城中检.+〔20\d\d〕\d+号$/);
      expect(users.get(c.handlerId)?.role).toBe('PROCURATOR');
      if (c.courtCaseNumber) expect(c.courtCaseNumber).toMatch(/^\(20\d\d\)青0103.{1,3}\d+号$/);
    }
    expect(recs.filter((r) => r.caseId).length).toBeGreaterThan(recs.length / 2);
    // Titles are the seed's natural key.
    expect(new Set(recs.map((r) => r.title)).size).toBe(recs.length);
  });

  it('covers the situations leaders look at: overdue now, replied late, adoption, rectification, urging, escalation', () => {
    const overdue = recs.filter((r) => awaiting(r) && r.dueDate && iso(r.dueDate)! < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const days = overdue.map((r) => (Date.parse(TODAY) - r.dueDate!.getTime()) / 86_400_000);
    expect(Math.min(...days)).toBeLessThanOrEqual(7);
    expect(Math.max(...days)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...days)).toBeLessThanOrEqual(70);

    const replied = recs.filter((r) => r.replyOn);
    const late = replied.filter((r) => r.replyOn! > r.dueDate!);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(replied.length - late.length).toBeGreaterThan(late.length * 2);

    for (const a of ['adopted', 'partly_adopted', 'not_adopted'] as const) expect(replied.some((r) => r.replyAdoption === a), a).toBe(true);
    for (const r of recs.filter((x) => x.replyAdoption && x.replyAdoption !== 'adopted')) expect(r.replyReasons, r.title).toBeTruthy();
    const evaluated = recs.filter((r) => r.evaluatedAt);
    expect(evaluated.some((r) => r.rectified === true)).toBe(true);
    expect(evaluated.some((r) => r.rectified === false)).toBe(true);
    for (const r of evaluated) expect(r.evaluation).toBeTruthy();

    expect(recs.filter((r) => r.urgedAt).length).toBeGreaterThanOrEqual(2);
    const escalated = recs.filter((r) => r.escalatedAt);
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.escalatedTo).toBe('市人民检察院；市中级人民法院');
    const extended = recs.filter((r) => r.extensionMonths > 0);
    expect(extended.length).toBeGreaterThanOrEqual(1);
    for (const r of extended) {
      expect(r.type).toBe('enforcement');
      expect(r.extensionReason).toBeTruthy();
    }
    expect(recs.some((r) => r.type === 'retrial' && r.committeeDecisionNo)).toBe(true);
    // The machine refuses to approve a retrial recommendation without the committee's decision.
    for (const r of recs.filter((x) => x.type === 'retrial' && x.approvedAt)) expect(r.committeeDecisionNo, r.title).toBeTruthy();
    expect(recs.some((r) => r.type === 'public_interest' && r.urgent)).toBe(true);
    expect(recs.some((r) => r.servedOn && (r.customPeriodMonths || r.customPeriodDays))).toBe(true);
    expect(recs.some((r) => r.supersedesId)).toBe(true);
    const served = recs.filter((r) => r.servedOn).map((r) => iso(r.servedOn)!);
    expect(served.some((d) => d.startsWith('2025'))).toBe(true);
    expect(served.some((d) => d.startsWith('2026'))).toBe(true);
  });

  it('due dates are the deadline engine’s, from the recommendation’s own fields and the official calendar', () => {
    for (const r of recs) {
      if (!r.servedOn) {
        expect(r.dueDate, r.title).toBeNull();
        continue;
      }
      const input = { type: r.type, servedOn: iso(r.servedOn)!, urgent: r.urgent, extensionMonths: r.extensionMonths, calendar: officialCalendar };
      // The recommendation's shorter period, unless on the service date it runs past the statutory one.
      let due: string;
      try {
        due = recommendationReplyDue({ ...input, customPeriod: customPeriod(r) });
      } catch (e) {
        if (!(e instanceof DeadlineInputError) || e.code !== 'periodExceedsStatutory') throw e;
        due = recommendationReplyDue(input);
      }
      expect(iso(r.dueDate), r.title).toBe(due);
      expect(r.issuedOn! <= r.servedOn, r.title).toBe(true);
      if (r.replyOn) expect(r.replyOn >= r.servedOn, r.title).toBe(true);
    }
  });

  it('numbers are unique, well formed, in order of issue, and the yearly counters match', async () => {
    const numbered = recs.filter((r) => r.number);
    expect(new Set(numbered.map((r) => r.number)).size).toBe(numbered.length);
    for (const r of recs) expect(r.number !== null, r.title).toBe(r.issuedOn !== null);
    const byYear = new Map<number, { seq: number; at: Date }[]>();
    for (const r of numbered) {
      const m = /^城中检(民再|民|公|社|执|)建〔(\d{4})〕(\d+)号$/.exec(r.number!);
      expect(m, r.number!).not.toBeNull();
      const year = Number(m![2]);
      const seq = Number(m![3]);
      expect(year).toBe(r.issuedOn!.getUTCFullYear());
      expect(r.number).toBe(formatRecommendationNumber(PROCURATORATE.code, r.type, year, seq));
      byYear.set(year, [...(byYear.get(year) ?? []), { seq, at: r.issuedAt! }]);
    }
    const counters = await t.prisma.numberSequence.findMany({ where: { institutionId: procId, scope: RECOMMENDATION_SEQUENCE } });
    expect(counters.map((c) => c.year).sort()).toEqual([...byYear.keys()].sort());
    for (const [year, list] of byYear) {
      const seqs = list.map((x) => x.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, k) => k + 1));
      expect(counters.find((c) => c.year === year)!.last).toBe(seqs.length);
      const inTime = [...list].sort((a, b) => a.at.getTime() - b.at.getTime()).map((x) => x.seq);
      expect(inTime).toEqual(seqs);
    }
  });

  it('every recommendation has its whole history, from creation to its current state, by the right people', () => {
    for (const r of recs) {
      const evs = events.get(r.id)!;
      expect(evs[0], r.title).toMatchObject({ kind: 'create', fromStatus: null, toStatus: 'draft', visibility: 'internal' });
      let status: string | null = null;
      let at = 0;
      for (const e of evs) {
        expect(e.fromStatus, `${r.title} ${e.kind}`).toBe(status);
        status = e.toStatus;
        expect(e.at.getTime(), `${r.title} ${e.kind}`).toBeGreaterThanOrEqual(at);
        at = e.at.getTime();
        expect(iso(e.at)! < TODAY, `${r.title} ${e.kind}`).toBe(true);
        const actor = users.get(e.actorId!)!;
        expect(e.institutionId).toBe(actor.institutionId);
        if (e.kind === 'create') {
          expect(actor.institutionId).toBe(procId);
          continue;
        }
        const tr = TRANSITIONS[e.kind as RecommendationAction];
        expect(tr, e.kind).toBeDefined();
        expect(tr.roles, `${r.title} ${e.kind} by ${actor.username}`).toContain(actor.role);
        expect(actor.institutionId).toBe(tr.side === 'procuratorate' ? procId : courtId);
        if (tr.ownerOrLeader && actor.role === 'PROCURATOR') expect(actor.id, `${r.title} ${e.kind}`).toBe(r.drafterId);
        if (tr.to) expect(e.toStatus).toBe(tr.to);
        else expect(e.toStatus).toBe(e.fromStatus);
      }
      expect(status, r.title).toBe(r.status);
      expect(r.version, r.title).toBe(evs.length); // one per step after the creation, starting at 1
      expect(r.createdAt.getTime()).toBe(evs[0]!.at.getTime());
      expect(r.updatedAt.getTime()).toBe(evs.at(-1)!.at.getTime());
      if (r.status !== 'draft') expect(evs.length, r.title).toBeGreaterThan(1);
    }
  });

  it('the court never sees a draft: nothing is shared before service', async () => {
    for (const r of recs) {
      const evs = events.get(r.id)!;
      const serveAt = evs.findIndex((e) => e.kind === 'serve');
      evs.forEach((e, k) => {
        const shared = e.kind === 'create' ? false : TRANSITIONS[e.kind as RecommendationAction].shared;
        expect(e.visibility, `${r.title} ${e.kind}`).toBe(shared ? 'shared' : 'internal');
        if (serveAt < 0 || k < serveAt) expect(e.visibility, `${r.title} ${e.kind}`).toBe('internal');
      });
      if ((INTERNAL_STATUSES as readonly string[]).includes(r.status)) expect(r.servedOn).toBeNull();
    }
    const clerk = await t.prisma.user.findUniqueOrThrow({ where: { username: 'lin.xue' } });
    const courtPage = await listRecommendations(t.prisma, (await loadActor(t.prisma, clerk.id))!, {}, TODAY, { page: 1, size: 100 });
    const courtList = courtPage.rows;
    expect(courtList.length).toBe(recs.filter((r) => r.servedOn).length);
    expect(courtPage.total).toBe(courtList.length);
    for (const row of courtList) expect(INTERNAL_STATUSES).not.toContain(row.status);
  });

  it('every step has its audit row: same action, actor and time', async () => {
    // The workflow's own rows (the demo threads' messages are audited on their records too: thread.*).
    const audits = await t.prisma.auditEvent.findMany({ where: { recordType: 'Recommendation', NOT: { action: { startsWith: 'thread.' } } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    let expected = 0;
    for (const r of recs) {
      const evs = events.get(r.id)!;
      expected += evs.length;
      const mine = audits.filter((a) => a.recordId === r.id);
      expect(mine.map((a) => [a.action, a.actorId, a.at.getTime()]), r.title).toEqual(
        evs.map((e) => [`recommendation.${e.kind}`, e.actorId, e.at.getTime()]),
      );
    }
    expect(audits.length).toBe(expected);
    const withdrawn = recs.find((r) => recs.some((x) => x.supersedesId === r.id))!;
    const uphold = audits.find((a) => a.recordId === withdrawn.id && a.action === 'recommendation.upholdObjection')!;
    const successor = recs.find((x) => x.supersedesId === withdrawn.id)!;
    expect((uphold.summary as { newId?: string }).newId).toBe(successor.id);
    const successorCreate = audits.find((a) => a.recordId === successor.id && a.action === 'recommendation.create')!;
    expect(successorCreate.actorId).toBe(uphold.actorId);
    expect(successorCreate.at.getTime()).toBe(uphold.at.getTime());
    expect((successorCreate.summary as { supersedes?: string }).supersedes).toBe(withdrawn.id);
    // The new draft's id is internal: it never goes into an event (the court sees the uphold event).
    for (const list of events.values()) for (const e of list) expect(JSON.stringify(e.data ?? {})).not.toContain('newId');
    const create = audits.find((a) => a.action === 'recommendation.create')!;
    const after = (create.summary as { after: Record<string, unknown> }).after;
    expect(after.status).toBe('draft');
    expect(users.has(after.drafterId as string)).toBe(true);
  });

  it('is idempotent: a second run, even on another day, adds and changes nothing', async () => {
    const count = async () => ({
      recs: await t.prisma.recommendation.count(),
      events: await t.prisma.workflowEvent.count({ where: { recordType: 'Recommendation' } }),
      audits: await t.prisma.auditEvent.count(),
      cases: await t.prisma.supervisionCase.count(),
      counters: await t.prisma.numberSequence.findMany({ orderBy: { year: 'asc' } }),
      updated: (await t.prisma.recommendation.findMany({ orderBy: { id: 'asc' }, select: { id: true, updatedAt: true, version: true } })),
      caseRows: await t.prisma.supervisionCase.findMany({ orderBy: { number: 'asc' } }),
    });
    const before = await count();
    const lines: string[] = [];
    await seed(t.prisma, (l) => lines.push(l), { today: TODAY });
    expect(await count()).toEqual(before);
    await seed(t.prisma, noop, { today: '2027-03-15' });
    expect(await count()).toEqual(before);
    expect(lines.join('\n')).toMatch(/recommendations: 0 added, \d+ already there/);
  });
});
