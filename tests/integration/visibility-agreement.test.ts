/**
 * The two readings of every workflow's visibility declaration agree: for every demo user (each
 * role of both institutions, the inactive procurator, the administrator) plus the people of a
 * neighbouring pair of institutions, and every demo record, the domain predicate the step
 * decisions use answers exactly what the data layer's `where` answers
 * (`count({ where: { AND: [where, { id }] } })`). And the single-record loaders never bring back
 * a field the actor's side does not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Cases from '@/lib/data/cases';
import * as Committee from '@/lib/data/committee';
import * as Inquiries from '@/lib/data/inquiries';
import * as Leads from '@/lib/data/leads';
import * as Joint from '@/lib/data/joint-meetings';
import { canViewConsensusItem } from '@/lib/domain/joint-meetings/consensus';
import { canViewJointMeeting } from '@/lib/domain/joint-meetings/machine';
import * as NonLitigation from '@/lib/data/non-litigation';
import * as Recommendations from '@/lib/data/recommendations';
import * as Retrial from '@/lib/data/retrial';
import { findVisible, partWhere, visibleWhere } from '@/lib/data/visibility';
import { tableAs, visibleSql } from '@/lib/data/visibility-sql';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { FILE_REQUEST_VISIBILITY } from '@/lib/domain/file-requests/visibility';
import { canViewCase } from '@/lib/domain/cases/machine';
import { canSeeMaterials, canViewMeeting, canViewRequest } from '@/lib/domain/committee/machine';
import { MEETING_VISIBILITY, REQUEST_VISIBILITY } from '@/lib/domain/committee/visibility';
import { INQUIRY_VISIBILITY } from '@/lib/domain/inquiries/visibility';
import { CONSENSUS_ITEM_VISIBILITY, JOINT_MEETING_VISIBILITY } from '@/lib/domain/joint-meetings/visibility';
import { LEAD_VISIBILITY } from '@/lib/domain/leads/visibility';
import { NON_LITIGATION_VISIBILITY } from '@/lib/domain/non-litigation/visibility';
import { canViewInquiry } from '@/lib/domain/inquiries/machine';
import { canViewLead } from '@/lib/domain/leads/machine';
import { canView as canViewApplication } from '@/lib/domain/non-litigation/machine';
import { canView as canViewRecommendation } from '@/lib/domain/recommendations/machine';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import { canViewMatter } from '@/lib/domain/retrial/machine';
import { EVIDENCE_VISIBILITY, RETRIAL_VISIBILITY } from '@/lib/domain/retrial/visibility';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { canSee, type RecordVisibility } from '@/lib/domain/visibility';
import { Prisma } from '@/lib/generated/prisma/client';
import { DEMO_USERS } from '@/prisma/seed/demo-data';
import { seed } from '@/prisma/seed/seed';
import { openTestDb, type TestDb } from './support';

const TODAY = '2026-11-27';
let t: TestDb;
const actors: { name: string; actor: Actor }[] = [];

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.prisma, () => {}, { today: TODAY });
  // A neighbouring district: one person of every role in its procuratorate and its court.
  const p2 = await t.prisma.institution.create({ data: { kind: 'PROCURATORATE', code: '城东检', name: '城东区人民检察院', nameEn: 'Chengdong Procuratorate', regionCode: '630102' } });
  const c2 = await t.prisma.institution.create({ data: { kind: 'COURT', code: '青0102', name: '城东区人民法院', nameEn: 'Chengdong Court', regionCode: '630102' } });
  for (const role of ROLES) {
    const institutionId = role === 'COURT_STAFF' || role === 'COURT_LEADER' ? c2.id : p2.id;
    await t.prisma.user.create({ data: { username: `east.${role.toLowerCase()}`, name: `east ${role}`, role, institutionId, passwordHash: 'x' } });
  }
  // Every user as the app builds the actor (the inactive one too, as a stale session would carry it).
  const users = await t.prisma.user.findMany({ include: { institution: { select: { kind: true } } }, orderBy: { username: 'asc' } });
  for (const u of users) {
    actors.push({
      name: u.username,
      actor: { id: u.id, role: u.role as Role, institutionId: u.institutionId, institutionKind: u.institution.kind, departmentId: u.departmentId, active: u.active },
    });
  }
}, 600_000);
afterAll(async () => {
  await t?.close();
});

interface Workflow {
  name: string;
  /** Every record, with what the predicate is asked with. */
  records: () => Promise<{ id: string; predicate: (a: Actor) => boolean }[]>;
  /** The data layer's visibility `where` of the model, and the model's count. */
  count: (a: Actor, id: string) => Promise<number>;
}

const WORKFLOWS: Workflow[] = [
  {
    name: 'recommendations',
    records: async () =>
      (await t.prisma.recommendation.findMany()).map((r) => ({ id: r.id, predicate: (a) => canViewRecommendation(a, Recommendations.factsOf(r)) })),
    count: (a, id) => t.prisma.recommendation.count({ where: { AND: [Recommendations.visibleWhere(a), { id }] } }),
  },
  {
    name: 'supervision cases',
    records: async () => (await t.prisma.supervisionCase.findMany()).map((c) => ({ id: c.id, predicate: (a) => canViewCase(a, Cases.caseFactsOf(c)) })),
    count: (a, id) => t.prisma.supervisionCase.count({ where: { AND: [Cases.caseWhere(a, {}, TODAY), { id }] } }),
  },
  {
    name: 'committee meetings',
    records: async () => (await t.prisma.committeeMeeting.findMany()).map((m) => ({ id: m.id, predicate: (a) => canViewMeeting(a, Committee.meetingFacts(m)) })),
    count: (a, id) => t.prisma.committeeMeeting.count({ where: { AND: [Committee.meetingsVisibleWhere(a), { id }] } }),
  },
  {
    name: 'committee materials',
    records: async () => (await t.prisma.committeeMeeting.findMany()).map((m) => ({ id: m.id, predicate: (a) => canSeeMaterials(a, Committee.meetingFacts(m)) })),
    count: (a, id) =>
      t.prisma.committeeMeeting.count({ where: { AND: [partWhere<Prisma.CommitteeMeetingWhereInput>(MEETING_VISIBILITY, 'materials', a), { id }] } }),
  },
  {
    name: 'attendance requests',
    records: async () => (await t.prisma.attendanceRequest.findMany()).map((r) => ({ id: r.id, predicate: (a) => canViewRequest(a, r) })),
    count: (a, id) => t.prisma.attendanceRequest.count({ where: { AND: [Committee.requestsVisibleWhere(a), { id }] } }),
  },
  {
    name: 'retrial matters',
    records: async () => (await t.prisma.retrialMatter.findMany()).map((m) => ({ id: m.id, predicate: (a) => canViewMatter(a, m) })),
    count: (a, id) => t.prisma.retrialMatter.count({ where: { AND: [Retrial.matterWhere(a), { id }] } }),
  },
  {
    name: 'evidence items',
    records: async () => (await t.prisma.evidenceItem.findMany({ include: { matter: true } })).map((e) => ({ id: e.id, predicate: (a) => canSee(EVIDENCE_VISIBILITY, a, e) })),
    count: (a, id) => t.prisma.evidenceItem.count({ where: { AND: [visibleWhere<Prisma.EvidenceItemWhereInput>(EVIDENCE_VISIBILITY, a), { id }] } }),
  },
  {
    name: 'non-litigation applications',
    records: async () => (await t.prisma.nonLitigationApplication.findMany()).map((x) => ({ id: x.id, predicate: (a) => canViewApplication(a, x) })),
    count: (a, id) => t.prisma.nonLitigationApplication.count({ where: { AND: [NonLitigation.visibleWhere(a), { id }] } }),
  },
  {
    name: 'enforcement inquiries',
    records: async () => (await t.prisma.enforcementInquiry.findMany()).map((r) => ({ id: r.id, predicate: (a) => canViewInquiry(a, Inquiries.factsOf(r)) })),
    count: (a, id) => t.prisma.enforcementInquiry.count({ where: { AND: [Inquiries.visibleWhere(a), { id }] } }),
  },
  {
    name: 'leads',
    records: async () => (await t.prisma.caseLead.findMany()).map((r) => ({ id: r.id, predicate: (a) => canViewLead(a, Leads.factsOf(r)) })),
    count: (a, id) => t.prisma.caseLead.count({ where: { AND: [Leads.visibleWhere(a), { id }] } }),
  },
  {
    name: 'joint meetings',
    records: async () => (await t.prisma.jointMeeting.findMany()).map((r) => ({ id: r.id, predicate: (a) => canViewJointMeeting(a, Joint.meetingFactsOf(r)) })),
    count: (a, id) => t.prisma.jointMeeting.count({ where: { AND: [Joint.meetingVisibleWhere(a), { id }] } }),
  },
  {
    name: 'consensus items',
    records: async () => (await t.prisma.consensusItem.findMany()).map((r) => ({ id: r.id, predicate: (a) => canViewConsensusItem(a, Joint.itemFactsOf(r)) })),
    count: (a, id) => t.prisma.consensusItem.count({ where: { AND: [Joint.itemVisibleWhere(a), { id }] } }),
  },
];

describe('the predicate and the where agree', () => {
  const checked: Record<string, { records: number; pairs: number; visible: number }> = {};

  for (const w of WORKFLOWS) {
    it(`${w.name}: every user × every demo record`, async () => {
      const records = await w.records();
      // The demo has records of every workflow, some of them not visible to someone.
      expect(records.length, w.name).toBeGreaterThan(0);
      const disagreements: string[] = [];
      let visible = 0;
      for (const { name, actor } of actors) {
        const counts = await Promise.all(records.map((r) => w.count(actor, r.id)));
        records.forEach((r, i) => {
          const predicate = r.predicate(actor);
          const where = counts[i] === 1;
          if (predicate) visible++;
          if (predicate !== where) disagreements.push(`${name} × ${r.id}: predicate ${predicate}, where ${where}`);
        });
      }
      expect(disagreements, w.name).toEqual([]);
      // Both answers occur: someone sees each kind of record, and someone does not.
      expect(visible, w.name).toBeGreaterThan(0);
      expect(visible, w.name).toBeLessThan(records.length * actors.length);
      checked[w.name] = { records: records.length, pairs: records.length * actors.length, visible };
    });
  }

  it('covered every role of both institutions, the inactive user and the administrator', () => {
    const roles = new Set(actors.filter((a) => a.actor.active).map((a) => `${a.actor.role}@${a.actor.institutionKind}`));
    for (const r of ['PROCURATOR@PROCURATORATE', 'PROCURATORATE_LEADER@PROCURATORATE', 'COURT_STAFF@COURT', 'COURT_LEADER@COURT', 'ADMIN@PROCURATORATE']) expect(roles).toContain(r);
    expect(actors.some((a) => !a.actor.active)).toBe(true);
    expect(actors.length).toBeGreaterThanOrEqual(DEMO_USERS.length + ROLES.length);
    console.info(`visibility agreement: ${actors.length} users`, checked);
  });
});

describe('hidden fields never come back from the single-record loaders', () => {
  const who = (username: string) => actors.find((a) => a.name === username)!.actor;

  it("the court's recommendation: no linked case, committee decision, approver or superseding draft", async () => {
    const court = who('lin.xue');
    const rows = await t.prisma.recommendation.findMany({ where: { servedOn: { not: null } }, include: { case: true } });
    const linked = rows.filter((r) => r.caseId && r.case);
    expect(linked.length).toBeGreaterThan(0);
    for (const r of rows) {
      const raw = await findVisible<Record<string, unknown>>(t.prisma.recommendation, RECOMMENDATION_VISIBILITY, court, r.id, { include: { case: true, supersededBy: true } });
      expect(raw, r.id).not.toBeNull();
      for (const f of ['caseId', 'committeeDecisionNo', 'committeeDecisionOn', 'approvedById', 'approvedAt', 'case', 'supersededBy']) expect(raw![f], `${r.id} ${f}`).toBeNull();
      const view = (await Recommendations.getRecommendation(t.prisma, court, r.id, TODAY))!;
      expect(view).toMatchObject({ case: null, caseId: null, committeeDecisionNo: null, committeeDecisionOn: null, approvedBy: null, supersededBy: null });
      const json = JSON.stringify({ ...view, timeline: [] });
      if (r.case) expect(json, r.id).not.toContain(r.case.number);
      if (r.committeeDecisionNo) expect(json, r.id).not.toContain(r.committeeDecisionNo);
    }
    // The procuratorate still sees its own file.
    const own = (await Recommendations.getRecommendation(t.prisma, who('zhao.mingyuan'), linked[0]!.id, TODAY))!;
    expect(own.case).toMatchObject({ id: linked[0]!.caseId, number: linked[0]!.case!.number });
  });

  it("the list rows carry the court's adoption only once signed (procuratorate) and always for the court", async () => {
    const drafts = await t.prisma.recommendation.findMany({ where: { replyOn: null, replyAdoption: { not: null } } });
    expect(drafts.length).toBeGreaterThan(0);
    const rowsOf = async (a: Actor) => (await Recommendations.listRecommendations(t.prisma, a, {}, TODAY, { page: 1, size: 100 })).rows;
    const proc = await rowsOf(who('zhao.mingyuan'));
    const court = await rowsOf(who('wang.jianguo'));
    for (const r of drafts) {
      expect(proc.find((x) => x.id === r.id)?.replyAdoption ?? null, r.id).toBeNull();
      expect(court.find((x) => x.id === r.id)?.replyAdoption, r.id).toBe(r.replyAdoption);
    }
    const signed = await t.prisma.recommendation.findFirstOrThrow({ where: { replyOn: { not: null }, replyAdoption: { not: null } } });
    expect(proc.find((x) => x.id === signed.id)?.replyAdoption).toBe(signed.replyAdoption);
  });

  it("the procuratorate's recommendation: no reply draft until a court leader signs it", async () => {
    const drafts = await t.prisma.recommendation.findMany({ where: { replyOn: null, replyMeasures: { not: null } } });
    expect(drafts.length).toBeGreaterThan(0);
    for (const r of drafts) {
      for (const a of [who('li.wen'), who('zhao.mingyuan')]) {
        const raw = await findVisible<Record<string, unknown>>(t.prisma.recommendation, RECOMMENDATION_VISIBILITY, a, r.id);
        for (const f of ['replyAdoption', 'replyMeasures', 'replyReasons', 'replySignedById', 'replySubmittedAt']) expect(raw![f], `${r.id} ${f}`).toBeNull();
        const view = (await Recommendations.getRecommendation(t.prisma, a, r.id, TODAY))!;
        expect(view.reply).toBeNull();
        expect(JSON.stringify({ ...view, timeline: [] })).not.toContain(r.replyMeasures!);
      }
      // The court works on it.
      expect((await Recommendations.getRecommendation(t.prisma, who('wang.jianguo'), r.id, TODAY))!.reply).toMatchObject({ measures: r.replyMeasures });
    }
    // Once signed, the procuratorate reads it.
    const signed = await t.prisma.recommendation.findFirstOrThrow({ where: { replyOn: { not: null }, replyMeasures: { not: null } } });
    expect((await Recommendations.getRecommendation(t.prisma, who('li.wen'), signed.id, TODAY))!.reply).toMatchObject({ measures: signed.replyMeasures });
  });

  it("the court never gets the procuratorate's supervision case, findings or internal people on the other workflows", async () => {
    const court = who('lin.xue');
    const cases = new Map((await t.prisma.supervisionCase.findMany()).map((c) => [c.id, c.number]));
    const noCase = (view: { case?: unknown } | null, caseId: string | null, label: string) => {
      expect(view, label).not.toBeNull();
      expect(view!.case ?? null, label).toBeNull();
      if (caseId) expect(JSON.stringify({ ...view, timeline: [] }), label).not.toContain(cases.get(caseId)!);
    };
    let linked = 0;
    for (const x of await t.prisma.nonLitigationApplication.findMany()) {
      const v = await NonLitigation.getApplication(t.prisma, court, x.id, TODAY);
      noCase(v, x.caseId, `application ${x.id}`);
      expect(v!.findings).toBeNull();
      if (x.caseId) linked++;
    }
    for (const x of await t.prisma.enforcementInquiry.findMany()) {
      noCase(await Inquiries.getInquiry(t.prisma, court, x.id, TODAY), x.caseId, `inquiry ${x.id}`);
      if (x.caseId) linked++;
    }
    for (const x of await t.prisma.caseLead.findMany()) {
      noCase(await Leads.getLead(t.prisma, court, x.id), x.caseId, `lead ${x.id}`);
      if (x.caseId) linked++;
    }
    for (const x of await t.prisma.retrialMatter.findMany()) {
      noCase(await Retrial.getMatter(t.prisma, court, x.id, TODAY), x.caseId, `matter ${x.id}`);
      if (x.caseId) linked++;
    }
    for (const x of await t.prisma.attendanceRequest.findMany()) {
      noCase(await Committee.getRequest(t.prisma, court, x.id), x.caseId, `request ${x.id}`);
      if (x.caseId) linked++;
    }
    expect(linked).toBeGreaterThan(0);
    // The procuratorate never gets the clerk who scheduled a meeting.
    for (const m of await t.prisma.committeeMeeting.findMany({ where: { notifiedAt: { not: null } } })) {
      const raw = await findVisible<Record<string, unknown>>(t.prisma.committeeMeeting, MEETING_VISIBILITY, who('zhao.mingyuan'), m.id);
      expect(raw!.createdById).toBeNull();
      expect((await Committee.getMeeting(t.prisma, who('zhao.mingyuan'), m.id, { today: TODAY }))!.createdBy).toBeNull();
      expect((await Committee.getMeeting(t.prisma, who('xu.jing'), m.id, { today: TODAY }))!.createdBy).not.toBeNull();
    }
  });

  it('a record the actor may not see is not found (null), not a 403', async () => {
    const east = actors.find((a) => a.name === 'east.court_leader')!.actor;
    const rec = await t.prisma.recommendation.findFirstOrThrow({ where: { servedOn: { not: null } } });
    expect(await Recommendations.getRecommendation(t.prisma, east, rec.id, TODAY)).toBeNull();
    const draft = await t.prisma.recommendation.findFirstOrThrow({ where: { servedOn: null } });
    expect(await Recommendations.getRecommendation(t.prisma, who('lin.xue'), draft.id, TODAY)).toBeNull();
    const meeting = await t.prisma.committeeMeeting.findFirstOrThrow({ where: { notifiedAt: null } });
    expect(await Committee.getMeeting(t.prisma, who('zhao.mingyuan'), meeting.id, { today: TODAY })).toBeNull();
    const x = await t.prisma.enforcementInquiry.findFirstOrThrow();
    expect(await Inquiries.getInquiry(t.prisma, actors.find((a) => a.name === 'east.procurator')!.actor, x.id, TODAY)).toBeNull();
    // A role that may not use the workflow at all is refused (403), before any record is looked at.
    await expect(Inquiries.getInquiry(t.prisma, who('admin'), x.id, TODAY)).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'role' });
  });
});

describe('the SQL reading (search) and the Prisma where agree', () => {
  const DECLARATIONS: RecordVisibility[] = [
    RECOMMENDATION_VISIBILITY,
    CASE_VISIBILITY,
    MEETING_VISIBILITY,
    REQUEST_VISIBILITY,
    RETRIAL_VISIBILITY,
    NON_LITIGATION_VISIBILITY,
    INQUIRY_VISIBILITY,
    LEAD_VISIBILITY,
    JOINT_MEETING_VISIBILITY,
    CONSENSUS_ITEM_VISIBILITY,
    FILE_REQUEST_VISIBILITY,
  ];
  for (const decl of DECLARATIONS) {
    it(`${decl.recordType}: the same rows for every user`, async () => {
      const model = (t.prisma as unknown as Record<string, { findMany(a: object): Promise<{ id: string }[]> }>)[decl.recordType[0]!.toLowerCase() + decl.recordType.slice(1)]!;
      const differ: string[] = [];
      let seen = 0;
      for (const { name, actor } of actors) {
        const byPrisma = (await model.findMany({ where: visibleWhere(decl, actor), select: { id: true } })).map((r) => r.id).sort();
        const bySql = (await t.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t.id::text AS id FROM ${tableAs(decl, 't')} WHERE ${visibleSql(decl, actor, 't')}`))
          .map((r) => r.id)
          .sort();
        seen += bySql.length;
        if (JSON.stringify(byPrisma) !== JSON.stringify(bySql)) differ.push(`${name}: prisma ${byPrisma.length}, sql ${bySql.length}`);
      }
      expect(differ).toEqual([]);
      expect(seen).toBeGreaterThan(0);
    });
  }
});
