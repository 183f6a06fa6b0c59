import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '@/lib/data/cases';
import { supervisionQueue } from '@/lib/data/home';
import { listInquiries } from '@/lib/data/inquiries';
import { listLeads } from '@/lib/data/leads';
import { listRecommendations, workQueue } from '@/lib/data/recommendations';
import type { Actor } from '@/lib/domain/roles';
import { seed } from '@/prisma/seed/seed';
import { actorOf as sharedActorOf, openTestDb, type TestDb } from './support';

const TODAY = '2026-11-27';
let t: TestDb;
const actorOf = (username: string): Promise<Actor> => sharedActorOf(t.prisma, username);
beforeAll(async () => {
  t = await openTestDb();
  await seed(t.prisma, () => {}, { today: TODAY });
});
afterAll(async () => t?.close());

describe('home page queues', () => {
  it('count exactly what the lists behind their links show', async () => {
    const proc = await actorOf('li.wen');
    const q = Object.fromEntries((await supervisionQueue(t.prisma, proc, TODAY)).map((x) => [x.key, x.count]));
    expect(q.casesOverdue).toBe((await listCases(t.prisma, proc, { mine: true, overdue: true }, TODAY)).rows.length);
    expect(q.inquiriesOverdue).toBe((await listInquiries(t.prisma, proc, { overdue: true }, TODAY)).rows.length);
    const incoming = (await listLeads(t.prisma, proc, { box: 'incoming' })).rows;
    expect(q.leadsIncoming).toBe(incoming.filter((l) => l.status !== 'acted').length);
    expect(q.meetingsToName).toBeUndefined(); // a procurator does not name the attendee

    const court = await actorOf('lin.xue');
    const c = Object.fromEntries((await supervisionQueue(t.prisma, court, TODAY)).map((x) => [x.key, x.count]));
    expect(c.inquiriesToAnswer).toBe((await listInquiries(t.prisma, court, { status: 'sent' }, TODAY)).rows.length);
    expect(c.inquiriesToAnswer).toBeGreaterThan(0);
    expect(c.casesOverdue).toBeUndefined(); // the court has no supervision cases

    const rec = Object.fromEntries((await workQueue(t.prisma, court, TODAY)).map((x) => [x.key, x.count]));
    expect(rec.toAcknowledge).toBe((await listRecommendations(t.prisma, court, { status: 'served' }, TODAY)).rows.length);
    expect(rec.overdue).toBe((await listRecommendations(t.prisma, court, { overdue: true }, TODAY)).rows.length);
    expect(rec.overdue).toBeGreaterThan(0);
  });

  it('the administrator has no work queue', async () => {
    const admin = await actorOf('admin');
    expect(await supervisionQueue(t.prisma, admin, TODAY)).toEqual([]);
    expect(await workQueue(t.prisma, admin, TODAY)).toEqual([]);
  });
});
