/** What the home page shows besides the profile: upcoming calendar days and, for admins, counts. */
import { assertAllowed, can, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { caseWhere } from './cases';
import { meetingsVisibleWhere } from './committee';
import type { Db } from './db';
import { filterWhere as inquiryWhere } from './inquiries';
import { filterWhere as leadWhere } from './leads';
import { visibleWhere as nonLitigationWhere } from './non-litigation';

export async function upcomingCalendarDays(prisma: Db, actor: Actor, today: string, take = 5) {
  assertAllowed(decideFeature(actor, 'calendar.view'), 'calendar.view');
  const days = await prisma.calendarDay.findMany({
    where: { date: { gte: new Date(`${today}T00:00:00.000Z`) } },
    orderBy: { date: 'asc' },
    take,
  });
  return days.map((d) => ({ date: d.date.toISOString().slice(0, 10), kind: d.kind, name: d.name }));
}

export async function adminCounts(prisma: Db, actor: Actor) {
  if (!can(actor, 'users.manage')) return null;
  const [active, inactive, lastYear] = await Promise.all([
    prisma.user.count({ where: { active: true } }),
    prisma.user.count({ where: { active: false } }),
    prisma.calendarDay.aggregate({ _max: { year: true } }),
  ]);
  return { active, inactive, lastCalendarYear: lastYear._max.year };
}

export interface QueueItem {
  /** Message key under home.supervisionQueue. */
  key: string;
  count: number;
  href: string;
}

/**
 * What waits on the actor in the supervision workflows besides recommendations, counted in the
 * database through each workflow's own visibility rule (the same `where` its list uses).
 */
export async function supervisionQueue(prisma: Db, actor: Actor, today: string): Promise<QueueItem[]> {
  const day = new Date(`${today}T00:00:00.000Z`);
  const specs: { key: string; href: string; count: () => Promise<number> }[] = [];
  if (can(actor, 'cases.list')) {
    specs.push({
      key: 'casesOverdue',
      href: '/cases?overdue=1',
      count: () => prisma.supervisionCase.count({ where: caseWhere(actor, { mine: true, overdue: true }, today) }),
    });
  }
  if (can(actor, 'inquiries.list')) {
    const court = actor.institutionKind === 'COURT';
    specs.push({
      key: court ? 'inquiriesToAnswer' : 'inquiriesOverdue',
      href: court ? '/inquiries?status=sent' : '/inquiries?overdue=1',
      count: () => prisma.enforcementInquiry.count({ where: inquiryWhere(actor, court ? { status: 'sent' } : { overdue: true }, today) }),
    });
  }
  if (can(actor, 'leads.list')) {
    specs.push({
      key: 'leadsIncoming',
      href: '/leads?box=incoming',
      count: () =>
        prisma.caseLead.count({ where: { AND: [leadWhere(actor, { box: 'incoming' }), { status: { in: ['sent', 'received'] } }] } }),
    });
  }
  if (can(actor, 'committee.list')) {
    const court = actor.institutionKind === 'COURT';
    if (court || actor.role === 'PROCURATORATE_LEADER') {
      specs.push({
        key: court ? 'meetingsToRecord' : 'meetingsToName',
        href: '/committee',
        count: () =>
          prisma.committeeMeeting.count({
            where: {
              AND: [
                meetingsVisibleWhere(actor),
                court ? { status: 'held' } : { status: 'notified', scheduledAt: { gte: day } },
              ],
            },
          }),
      });
    }
  }
  if (can(actor, 'nonLitigation.list') && actor.institutionKind === 'COURT') {
    specs.push({
      key: 'applicationsToAccept',
      href: '/non-litigation?status=applied',
      count: () => prisma.nonLitigationApplication.count({ where: { AND: [nonLitigationWhere(actor), { status: 'applied' }] } }),
    });
  }
  const counts = await Promise.all(specs.map((s) => s.count()));
  return specs.map((s, i) => ({ key: s.key, href: s.href, count: counts[i]! }));
}
