/**
 * Hole 5 of issue 8: no filter of any list lets the other institution learn what it may not see.
 * For each side: every list (lib/lists/*, through its list* data function), every value of every
 * filter (taken from the list's own parsers: a value counts when the parser reads it), as every
 * viewer of that side — then the OTHER side's internal things change in the database: the fields
 * the visibility declarations hide from this side (rotated among the rows where they are still
 * hidden), the records this side does not see at all (their status moved), and the other side's
 * internal steps taken through the commands (a court's reply draft saved and submitted for
 * sign-off; a procuratorate's checkpoint findings) — and every result must be what it was: the
 * same rows, the same count, the same fields in each row (the order and the `updatedAt` column
 * aside, see the end of this file). And the procuratorate never sees the status of the court's
 * internal step ("reply awaiting court sign-off"): it sees the recommendation as acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Cases from '@/lib/data/cases';
import * as Committee from '@/lib/data/committee';
import * as Inquiries from '@/lib/data/inquiries';
import * as Leads from '@/lib/data/leads';
import * as NonLitigation from '@/lib/data/non-litigation';
import * as Recommendations from '@/lib/data/recommendations';
import * as Retrial from '@/lib/data/retrial';
import { StepError } from '@/lib/data/errors';
import { condWhere } from '@/lib/data/visibility';
import { CASE_STAGES, TAG_FILTERS } from '@/lib/domain/cases/machine';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { COMMITTEE_STATUSES, REQUEST_STATUSES } from '@/lib/domain/committee/machine';
import { MEETING_VISIBILITY, REQUEST_VISIBILITY } from '@/lib/domain/committee/visibility';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';
import { INQUIRY_STATUSES } from '@/lib/domain/inquiries/machine';
import { INQUIRY_VISIBILITY } from '@/lib/domain/inquiries/visibility';
import { LEAD_KINDS, LEAD_STATUSES } from '@/lib/domain/leads/machine';
import { LEAD_VISIBILITY } from '@/lib/domain/leads/visibility';
import { CHECKPOINTS } from '@/lib/domain/non-litigation/machine';
import { NON_LITIGATION_STATUSES } from '@/lib/domain/non-litigation/machine';
import { NON_LITIGATION_VISIBILITY } from '@/lib/domain/non-litigation/visibility';
import { RECOMMENDATION_STATUSES } from '@/lib/domain/recommendations/machine';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import { RETRIAL_KINDS, RETRIAL_STATUSES } from '@/lib/domain/retrial/machine';
import { RETRIAL_VISIBILITY } from '@/lib/domain/retrial/visibility';
import type { Actor } from '@/lib/domain/roles';
import type { RecordVisibility } from '@/lib/domain/visibility';
import type { Side } from '@/lib/domain/workflow';
import { caseList } from '@/lib/lists/cases';
import { meetingList, requestList } from '@/lib/lists/committee';
import type { ListDefinition } from '@/lib/lists/define';
import { inquiryList } from '@/lib/lists/inquiries';
import { LEAD_BOXES, leadList } from '@/lib/lists/leads';
import { applicationList } from '@/lib/lists/non-litigation';
import { ADOPTION_FILTERS, RECOMMENDATION_PENDING, RECTIFIED_FILTERS, recommendationList, REPLIED_FILTERS } from '@/lib/lists/recommendations';
import { retrialList } from '@/lib/lists/retrial';
import type { Db } from '@/lib/data/db';
import { actorOf, openSeededTestDb, type TestDb } from './support';

let t: TestDb;
let today = '';
const PAGE = { page: 1, size: 100 };

// ---------------------------------------------------------------------------------------------
// Every list, with the data function its page calls

interface ListUnderTest {
  name: string;
  def: ListDefinition<any>;
  /** Who may open it (the others are refused by the feature check). */
  sides: Side[];
  run: (prisma: Db, actor: Actor, filter: Record<string, unknown>) => Promise<{ rows: unknown[]; total: number }>;
}

const LISTS: ListUnderTest[] = [
  { name: 'recommendations', def: recommendationList, sides: ['procuratorate', 'court'], run: (p, a, f) => Recommendations.listRecommendations(p, a, f, today, PAGE) },
  { name: 'cases', def: caseList, sides: ['procuratorate'], run: (p, a, f) => Cases.listCases(p, a, f, today, PAGE) },
  { name: 'committee meetings', def: meetingList, sides: ['procuratorate', 'court'], run: (p, a, f) => Committee.listMeetings(p, a, { today }, f, PAGE) },
  { name: 'attendance requests', def: requestList, sides: ['procuratorate', 'court'], run: (p, a, f) => Committee.listRequests(p, a, f, PAGE) },
  { name: 'inquiries', def: inquiryList, sides: ['procuratorate', 'court'], run: (p, a, f) => Inquiries.listInquiries(p, a, f, today, PAGE) },
  { name: 'leads', def: leadList, sides: ['procuratorate', 'court'], run: (p, a, f) => Leads.listLeads(p, a, f as Leads.LeadFilters, PAGE) },
  { name: 'non-litigation', def: applicationList, sides: ['procuratorate', 'court'], run: (p, a, f) => NonLitigation.listApplications(p, a, f, today, PAGE) },
  { name: 'retrial', def: retrialList, sides: ['procuratorate', 'court'], run: (p, a, f) => Retrial.listMatters(p, a, f, today, PAGE) },
];

/** Every value any filter of any list could take; each list's parsers keep the ones they read. */
function candidateValues(ids: string[], days: string[]): string[] {
  return [
    ...new Set<string>([
      ...RECOMMENDATION_STATUSES,
      ...RECOMMENDATION_TYPES,
      ...RECOMMENDATION_PENDING,
      ...REPLIED_FILTERS,
      ...ADOPTION_FILTERS,
      ...RECTIFIED_FILTERS,
      ...CASE_KINDS,
      ...CASE_STAGES,
      ...TAG_FILTERS,
      ...COMMITTEE_STATUSES,
      ...REQUEST_STATUSES,
      ...INQUIRY_STATUSES,
      ...LEAD_BOXES,
      ...LEAD_KINDS,
      ...LEAD_STATUSES,
      ...NON_LITIGATION_STATUSES,
      ...RETRIAL_KINDS,
      ...RETRIAL_STATUSES,
      '0',
      '1',
      ...days,
      ...ids,
    ]),
  ];
}

/** The list's filters, one at a time (and none): `key=value` for every value its parser reads. */
function filtersOf(l: ListUnderTest, candidates: string[]): { label: string; filter: Record<string, unknown> }[] {
  const out = [{ label: '(none)', filter: l.def.parse({}).filter as Record<string, unknown> }];
  for (const [key, parser] of Object.entries(l.def.parsers as Record<string, { parse(v: string): unknown }>)) {
    for (const v of candidates) {
      if (parser.parse(v) === null) continue;
      out.push({ label: `${key}=${v}`, filter: l.def.parse({ [key]: v }).filter as Record<string, unknown> });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a viewer sees of every list under every filter

/** A row as compared: its fields, `updatedAt` aside (see the end of this file). */
function comparable(row: unknown): string {
  return JSON.stringify(row, (k, v) => (k === 'updatedAt' ? undefined : v));
}

async function views(viewers: { name: string; actor: Actor }[], side: Side): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(viewers.flatMap((v) => [v.actor.institutionId, v.actor.id]))];
  const candidates = candidateValues([...ids, ...otherIds], ['2025-01-01', '2026-06-30', today]);
  for (const l of LISTS.filter((x) => x.sides.includes(side))) {
    for (const { label, filter } of filtersOf(l, candidates)) {
      await Promise.all(
        viewers.map(async (v) => {
          const r = await l.run(t.prisma, v.actor, filter);
          const rows = r.rows.map(comparable).sort();
          out.set(`${l.name} ${label} as ${v.name}`, JSON.stringify({ total: r.total, rows }));
        }),
      );
    }
  }
  return out;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...a.keys()].filter((k) => a.get(k) !== b.get(k));
}

// ---------------------------------------------------------------------------------------------
// The other side's internal things, changed

const DECLS: { decl: RecordVisibility; model: string; status: string }[] = [
  { decl: RECOMMENDATION_VISIBILITY, model: 'recommendation', status: 'status' },
  { decl: CASE_VISIBILITY, model: 'supervisionCase', status: 'stage' },
  { decl: MEETING_VISIBILITY, model: 'committeeMeeting', status: 'status' },
  { decl: REQUEST_VISIBILITY, model: 'attendanceRequest', status: 'status' },
  { decl: INQUIRY_VISIBILITY, model: 'enforcementInquiry', status: 'status' },
  { decl: LEAD_VISIBILITY, model: 'caseLead', status: 'status' },
  { decl: NON_LITIGATION_VISIBILITY, model: 'nonLitigationApplication', status: 'status' },
  { decl: RETRIAL_VISIBILITY, model: 'retrialMatter', status: 'status' },
];

type Delegate = {
  findMany(a: object): Promise<Record<string, unknown>[]>;
  update(a: object): Promise<unknown>;
};
const NO_ONE: Actor = { id: '00000000-0000-4000-8000-000000000000', role: 'ADMIN', institutionId: '00000000-0000-4000-8000-000000000000', institutionKind: 'PROCURATORATE', departmentId: null, active: false };

/** Rotates each row's value of `field` to the next row's (a different value where there is one). */
async function rotate(d: Delegate, where: object, field: string): Promise<number> {
  const rows = await d.findMany({ where, select: { id: true, [field]: true }, orderBy: { id: 'asc' } });
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const next = rows.slice(i + 1).concat(rows.slice(0, i)).find((r) => JSON.stringify(r[field]) !== JSON.stringify(rows[i]![field]));
    if (!next) continue;
    await d.update({ where: { id: rows[i]!.id }, data: { [field]: next[field] } });
    n++;
  }
  return n;
}

/** Changes in the database what `side` must not see: hidden fields where still hidden, and the records it does not see. */
async function changeHiddenFrom(side: Side): Promise<string[]> {
  const done: string[] = [];
  for (const { decl, model, status } of DECLS) {
    const d = (t.prisma as unknown as Record<string, Delegate>)[model]!;
    for (const g of decl.hidden?.[side] ?? []) {
      const where = g.until ? { NOT: condWhere(g.until, NO_ONE) } : {};
      for (const f of g.fields) done.push(`${model}.${f}: ${await rotate(d, where, f)} rows`);
    }
    const sees = decl.sees[side];
    if (sees.op !== 'always') {
      const where = sees.op === 'never' ? {} : { NOT: condWhere(sees, NO_ONE) };
      done.push(`${model}.${status} of records ${side} does not see: ${await rotate(d, where, status)} rows`);
    }
  }
  return done;
}

// ---------------------------------------------------------------------------------------------

/** A procurator (whose lists default to their own records) and a leader; a court clerk and a leader. */
const PROC_VIEWERS = ['li.wen', 'zhao.mingyuan'];
const COURT_VIEWERS = ['lin.xue', 'wang.jianguo'];
let proc: { name: string; actor: Actor }[] = [];
let court: { name: string; actor: Actor }[] = [];
let otherIds: string[] = [];
let rid = 0;
const ctx = () => ({ today, requestId: `req-listvis-${++rid}` });

beforeAll(async () => {
  t = await openSeededTestDb();
  const { seededAsOf } = (await import('vitest')).inject('testDb');
  today = seededAsOf;
  proc = await Promise.all(PROC_VIEWERS.map(async (name) => ({ name, actor: await actorOf(t.prisma, name) })));
  court = await Promise.all(COURT_VIEWERS.map(async (name) => ({ name, actor: await actorOf(t.prisma, name) })));
  otherIds = [court[0]!.actor.institutionId, proc[0]!.actor.institutionId];
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('the procuratorate: no court-internal field, record or step moves any of its lists', () => {
  it('every filter of every list gives the same rows after the court works internally', async () => {
    const before = await views(proc, 'procuratorate');
    const changes = await changeHiddenFrom('procuratorate');
    // The court's internal steps, through the commands: a reply drafted, and one submitted for sign-off.
    const staff = court[0]!.actor;
    const open = await t.prisma.recommendation.findMany({ where: { status: 'acknowledged', addresseeCourtId: staff.institutionId }, orderBy: { id: 'asc' } });
    expect(open.length, 'the seed has acknowledged recommendations to reply to').toBeGreaterThan(1);
    for (const [i, r] of open.entries()) {
      const adoption = ADOPTION_FILTERS[i % ADOPTION_FILTERS.length]!;
      const reply = { id: r.id, version: r.version, adoption, measures: '整改措施', reasons: adoption === 'adopted' ? '' : '理由' };
      await Recommendations.saveReply(t.prisma, staff, reply, ctx());
      if (i % 2 === 0) await Recommendations.submitReply(t.prisma, staff, { ...reply, version: r.version + 1 }, ctx());
    }
    changes.push(`${open.length} replies drafted, ${Math.ceil(open.length / 2)} submitted for sign-off`);
    const after = await views(proc, 'procuratorate');
    console.log(`[list-visibility] procuratorate: ${before.size} (list, filter, viewer) results compared after ${changes.join('; ')}`);
    expect(differences(before, after)).toEqual([]);
  }, 240_000);

  it('a reply awaiting the court\u2019s sign-off reads "acknowledged" to the procuratorate, in the list and on the page', async () => {
    const r = await t.prisma.recommendation.findFirstOrThrow({ where: { status: 'reply_submitted' } });
    const viewer = proc.find((v) => v.name === 'zhao.mingyuan')!.actor;
    const page = await Recommendations.getRecommendation(t.prisma, viewer, r.id, today);
    expect(page?.status).toBe('acknowledged');
    const list = await Recommendations.listRecommendations(t.prisma, viewer, recommendationList.complete({ mine: false }), today, PAGE);
    expect(list.rows.find((x) => x.id === r.id)?.status).toBe('acknowledged');
    expect((await Recommendations.listRecommendations(t.prisma, viewer, { status: 'reply_submitted' }, today, PAGE)).total).toBe(0);
    // The court itself sees its own step.
    expect((await Recommendations.getRecommendation(t.prisma, court[0]!.actor, r.id, today))?.status).toBe('reply_submitted');
  });
});

describe('the court: no procuratorate-internal field, record or step moves any of its lists', () => {
  it('every filter of every list gives the same rows after the procuratorate works internally', async () => {
    const before = await views(court, 'court');
    const changes = await changeHiddenFrom('court');
    // The procuratorate's internal checkpoint findings, through the command: every checkpoint flagged.
    const procurator = proc[0]!.actor;
    let findings = 0;
    const apps = await t.prisma.nonLitigationApplication.findMany({ where: { procuratorateId: procurator.institutionId } });
    for (const a of apps) {
      for (const checkpoint of CHECKPOINTS) {
        // A checkpoint the application has not reached yet is refused; the others are recorded.
        const v = (await t.prisma.nonLitigationApplication.findUniqueOrThrow({ where: { id: a.id } })).version;
        await NonLitigation.recordFinding(t.prisma, procurator, { id: a.id, version: v, checkpoint, result: 'flagged', note: '内部审查意见' }, ctx()).then(
          () => findings++,
          (e: unknown) => {
            if (!(e instanceof StepError)) throw e;
          },
        );
      }
    }
    expect(findings).toBeGreaterThan(0);
    changes.push(`${findings} internal findings`);
    const after = await views(court, 'court');
    console.log(`[list-visibility] court: ${before.size} (list, filter, viewer) results compared after ${changes.join('; ')}`);
    expect(differences(before, after)).toEqual([]);
  }, 240_000);
});

/*
 * Not compared: the order of rows and the `updatedAt` column. Lists sorted "latest changed first"
 * (the procuratorate's recommendations, non-litigation applications) order by `updatedAt`, which
 * every step stamps, an internal one of the other side too; telling the other side when a record
 * last changed in a way it saw needs a column of its own (the time of the last shared step).
 */
