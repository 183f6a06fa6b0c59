/**
 * Every home-page work-queue item, every inquiry summary figure and every overview figure counts
 * exactly the rows of the list its link opens: for every demo user who sees it, the link's query
 * is parsed with the linked list's own parser and the list function's total must equal the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '@/lib/data/cases';
import { listMeetings, listRequests } from '@/lib/data/committee';
import { supervisionQueue } from '@/lib/data/home';
import { inquirySummary, listInquiries } from '@/lib/data/inquiries';
import { listLeads } from '@/lib/data/leads';
import { listApplications } from '@/lib/data/non-litigation';
import { defaultPeriod, recommendationOverview } from '@/lib/data/overview';
import { approvalQueue, listRecommendations, workQueue } from '@/lib/data/recommendations';
import { listMatters } from '@/lib/data/retrial';
import { loadActor } from '@/lib/data/users';
import { can } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { caseList } from '@/lib/lists/cases';
import { meetingList } from '@/lib/lists/committee';
import { inquiryList } from '@/lib/lists/inquiries';
import { leadList } from '@/lib/lists/leads';
import { applicationList } from '@/lib/lists/non-litigation';
import { approvalList, recommendationList } from '@/lib/lists/recommendations';
import { retrialList } from '@/lib/lists/retrial';
import { seed } from '@/prisma/seed/seed';
import { openTestDb, type TestDb } from './support';

const TODAY = '2026-11-27';
let t: TestDb;
let actors: { username: string; actor: Actor }[] = [];

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.prisma, () => {}, { today: TODAY });
  const users = await t.prisma.user.findMany({ where: { active: true }, orderBy: { username: 'asc' }, select: { id: true, username: true } });
  actors = (await Promise.all(users.map(async (u) => ({ username: u.username, actor: (await loadActor(t.prisma, u.id))! })))).filter((a) => a.actor);
});
afterAll(async () => t?.close());

/** What the list page behind a link shows in total: the link parsed with that list's parser. */
async function linkedTotal(actor: Actor, href: string): Promise<number> {
  const [path, query = ''] = href.split('?');
  const db = t.prisma;
  switch (path) {
    case recommendationList.path: {
      const { filter, page } = recommendationList.parse(query);
      return (await listRecommendations(db, actor, filter, TODAY, page)).total;
    }
    case approvalList.path:
      return (await approvalQueue(db, actor, TODAY, approvalList.parse(query).page)).total;
    case caseList.path: {
      const { filter, page } = caseList.parse(query);
      return (await listCases(db, actor, filter, TODAY, page)).total;
    }
    case inquiryList.path: {
      const { filter, page } = inquiryList.parse(query);
      return (await listInquiries(db, actor, filter, TODAY, page)).total;
    }
    case leadList.path: {
      const { filter, page } = leadList.parse(query);
      return (await listLeads(db, actor, filter, page)).total;
    }
    case meetingList.path: {
      const { filter, page } = meetingList.parse(query);
      return (await listMeetings(db, actor, { today: TODAY }, filter, page)).total;
    }
    case applicationList.path: {
      const { filter, page } = applicationList.parse(query);
      return (await listApplications(db, actor, filter, TODAY, page)).total;
    }
    case retrialList.path: {
      const { filter, page } = retrialList.parse(query);
      return (await listMatters(db, actor, filter, TODAY, page)).total;
    }
    default:
      throw new Error(`no list at ${href}`);
  }
}

const LISTS = [recommendationList, approvalList, caseList, inquiryList, leadList, meetingList, applicationList, retrialList];

interface Linked {
  key: string;
  count: number;
  href: string;
}

async function linkedFigures(actor: Actor): Promise<Linked[]> {
  const out: Linked[] = [...(await workQueue(t.prisma, actor, TODAY)), ...(await supervisionQueue(t.prisma, actor, TODAY))];
  if (can(actor, 'inquiries.list')) out.push(...(await inquirySummary(t.prisma, actor, TODAY)).map((i) => ({ ...i, key: `inquiries.${i.key}` })));
  if (can(actor, 'recommendations.overview')) {
    const o = await recommendationOverview(t.prisma, actor, defaultPeriod(TODAY), TODAY);
    const r = o.replies;
    const counts = { total: o.total, ...r };
    for (const [key, href] of Object.entries(o.links)) out.push({ key: `overview.${key}`, count: counts[key as keyof typeof counts], href });
    for (const s of o.byStatus) out.push({ key: `overview.status.${s.status}`, count: s.count, href: s.href });
    for (const x of o.byType) out.push({ key: `overview.type.${x.type}`, count: x.count, href: x.href });
    out.push({ key: 'overview.overdue', count: o.overdue.total, href: o.overdue.href });
    out.push({ key: 'overview.rates.onTime', count: o.rates.onTime.count, href: o.links.onTime });
    out.push({ key: 'overview.rates.rectification.of', count: o.rates.rectification.of, href: o.links.evaluated });
  }
  return out;
}

describe('a count and the list behind its link', () => {
  it('agree for every queue item and every figure, for every demo user', async () => {
    let checked = 0;
    let nonZero = 0;
    const keys = new Set<string>();
    for (const { username, actor } of actors) {
      for (const f of await linkedFigures(actor)) {
        expect(await linkedTotal(actor, f.href), `${username} ${f.key} → ${f.href}`).toBe(f.count);
        // The link is the list definition's own serialization: parsed and serialized again, it is the same.
        const [path, query = ''] = f.href.split('?');
        const list = LISTS.find((l) => l.path === path)!;
        const { filter, page } = list.parse(query);
        expect(list.href(filter as never, page), f.href).toBe(f.href);
        checked++;
        keys.add(f.key);
        if (f.count > 0) nonZero++;
      }
    }
    // Not vacuous: every kind of item was checked, most of them with something to count.
    for (const key of ['toApprove', 'objections', 'returned', 'toIssue', 'toEvaluate', 'overdue', 'toAcknowledge', 'toReply', 'toSign', 'extensions']) {
      expect(keys, key).toContain(key);
    }
    for (const key of ['casesOverdue', 'inquiriesOverdue', 'inquiriesToAnswer', 'leadsIncoming', 'meetingsToRecord', 'meetingsToName', 'applicationsToAccept']) {
      expect(keys, key).toContain(key);
    }
    expect(keys).toContain('overview.replied');
    expect(checked).toBeGreaterThan(100);
    expect(nonZero).toBeGreaterThan(30);
  });

  it('the three items that used to count something else now count their lists', async () => {
    const byKey = async (username: string, key: string) => {
      const { actor } = actors.find((a) => a.username === username)!;
      return (await linkedFigures(actor)).find((f) => f.key === key)!;
    };
    const leads = await byKey('li.wen', 'leadsIncoming');
    expect(leads.href).toBe('/leads?open=1');
    const toIssue = await byKey('li.wen', 'toIssue');
    expect(toIssue.href).toBe('/recommendations?pending=issue');
    const extensions = await byKey('wang.jianguo', 'extensions');
    expect(extensions.href).toBe('/recommendations?pending=extension');
  });
});

describe('paging', () => {
  it('pages through a list with a stable order: every row once, in the same order as one big page', async () => {
    for (const username of ['zhao.mingyuan', 'lin.xue']) {
      const { actor } = actors.find((a) => a.username === username)!;
      const all = await listRecommendations(t.prisma, actor, {}, TODAY, { page: 1, size: 100 });
      expect(all.total).toBeGreaterThan(10);
      const ids: string[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 10); page++) {
        const p = await listRecommendations(t.prisma, actor, {}, TODAY, { page, size: 10 });
        expect(p).toMatchObject({ page, size: 10, total: all.total, first: (page - 1) * 10 + 1 });
        ids.push(...p.rows.map((r) => r.id));
      }
      expect(ids).toEqual(all.rows.map((r) => r.id));
    }
  });

  it('a page past the end shows the last page; below 1 the first; the requests list pages too', async () => {
    const { actor } = actors.find((a) => a.username === 'zhao.mingyuan')!;
    const last = await listCases(t.prisma, actor, {}, TODAY, { page: 9999, size: 10 });
    expect(last.page).toBe(last.pageCount);
    expect(last.rows.length).toBeGreaterThan(0);
    expect(last.last).toBe(last.total);
    const first = await listCases(t.prisma, actor, {}, TODAY, { page: -3, size: 10 });
    expect(first.page).toBe(1);
    const empty = await listCases(t.prisma, actor, { kind: 'civil', stage: 'closed', tag: 'social_conflict', overdue: true }, TODAY, { page: 5, size: 10 });
    expect(empty).toMatchObject({ total: 0, page: 1, pageCount: 1, rows: [], first: 0, last: 0 });
    const requests = await listRequests(t.prisma, actor, {}, { page: 1, size: 10 });
    expect(requests.total).toBe(await t.prisma.attendanceRequest.count({ where: { procuratorateId: actor.institutionId } }));
  });

  it('the list page parser reads malformed values as absent and keeps a filter across pages', () => {
    expect(caseList.parse({ page: 'x', size: '7', kind: 'nope', overdue: 'yes' })).toMatchObject({ page: { page: 1, size: 25 }, filter: { kind: null, overdue: false } });
    const href = caseList.href(caseList.complete({ overdue: true }), { page: 2, size: 10 });
    expect(href).toBe('/cases?overdue=1&page=2&size=10');
    expect(caseList.parse(href.split('?')[1]!)).toMatchObject({ page: { page: 2, size: 10 }, filter: { overdue: true, mine: true } });
  });
});
