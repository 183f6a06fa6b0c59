import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '@/lib/data/cases';
import { supervisionQueue } from '@/lib/data/home';
import { listInquiries } from '@/lib/data/inquiries';
import { listLeads } from '@/lib/data/leads';
import { listRecommendations, workQueue } from '@/lib/data/recommendations';
import type { Actor } from '@/lib/domain/roles';
import { caseList } from '@/lib/lists/cases';
import { inquiryList } from '@/lib/lists/inquiries';
import { leadList } from '@/lib/lists/leads';
import { recommendationList } from '@/lib/lists/recommendations';
import { actorOf as sharedActorOf, openSeededTestDb, type TestDb } from './support';

const TODAY = '2026-11-27';
let t: TestDb;
const actorOf = (username: string): Promise<Actor> => sharedActorOf(t.prisma, username);
beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
});
afterAll(async () => t?.close());

describe('home page queues', () => {
  it('count exactly what the lists behind their links show', async () => {
    // Each item's link, parsed by its list's own parser, handed to the list function: its total is the count.
    const proc = await actorOf('li.wen');
    const sup = await supervisionQueue(t.prisma, proc, TODAY);
    const q = Object.fromEntries(sup.map((x) => [x.key, x]));
    const query = (href: string) => href.split('?')[1] ?? '';
    expect(q.casesOverdue!.href.startsWith(caseList.path + '?')).toBe(true);
    const cases = caseList.parse(query(q.casesOverdue!.href));
    expect(q.casesOverdue!.count).toBe((await listCases(t.prisma, proc, cases.filter, TODAY, cases.page)).total);
    const inq = inquiryList.parse(query(q.inquiriesOverdue!.href));
    expect(q.inquiriesOverdue!.count).toBe((await listInquiries(t.prisma, proc, inq.filter, TODAY, inq.page)).total);
    const leads = leadList.parse(query(q.leadsIncoming!.href));
    const incoming = await listLeads(t.prisma, proc, leads.filter, leads.page);
    expect(q.leadsIncoming!.count).toBe(incoming.total);
    expect(incoming.rows.every((l) => l.direction === 'incoming' && l.status !== 'acted')).toBe(true);
    expect(q.meetingsToName).toBeUndefined(); // a procurator does not name the attendee

    const court = await actorOf('lin.xue');
    const c = Object.fromEntries((await supervisionQueue(t.prisma, court, TODAY)).map((x) => [x.key, x]));
    const toAnswer = inquiryList.parse(query(c.inquiriesToAnswer!.href));
    expect(c.inquiriesToAnswer!.count).toBe((await listInquiries(t.prisma, court, toAnswer.filter, TODAY, toAnswer.page)).total);
    expect(c.inquiriesToAnswer!.count).toBeGreaterThan(0);
    expect(c.casesOverdue).toBeUndefined(); // the court has no supervision cases

    const rec = Object.fromEntries((await workQueue(t.prisma, court, TODAY)).map((x) => [x.key, x]));
    for (const key of ['toAcknowledge', 'overdue']) {
      const { filter, page } = recommendationList.parse(query(rec[key]!.href));
      expect(rec[key]!.count, key).toBe((await listRecommendations(t.prisma, court, filter, TODAY, page)).total);
    }
    expect(rec.overdue!.count).toBeGreaterThan(0);
  });

  it('the administrator has no work queue', async () => {
    const admin = await actorOf('admin');
    expect(await supervisionQueue(t.prisma, admin, TODAY)).toEqual([]);
    expect(await workQueue(t.prisma, admin, TODAY)).toEqual([]);
  });
});
