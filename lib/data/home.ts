/** What the home page shows besides the profile: upcoming calendar days, the work queue and, for admins, counts. */
import { assertAllowed, can, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { caseList } from '@/lib/lists/cases';
import { meetingList, type MeetingFilter } from '@/lib/lists/committee';
import { inquiryList, type InquiryFilter } from '@/lib/lists/inquiries';
import { leadList } from '@/lib/lists/leads';
import { applicationList } from '@/lib/lists/non-litigation';
import { countCases } from './cases';
import { countMeetings } from './committee';
import type { Db } from './db';
import { countInquiries } from './inquiries';
import { countLeads } from './leads';
import { countApplications } from './non-litigation';
import { queueItem, resolveQueue, type QueueItem } from './queue';

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

export type { QueueItem };

/**
 * What waits on the actor in the supervision workflows besides recommendations: each item is a
 * filter of that workflow's list, counted by the list's own count (its `where` starts from the
 * workflow's visibility rule) and linked to the list showing exactly those rows.
 */
export async function supervisionQueue(prisma: Db, actor: Actor, today: string): Promise<QueueItem[]> {
  const court = actor.institutionKind === 'COURT';
  const items: (() => Promise<QueueItem>)[] = [];
  if (can(actor, 'cases.list')) {
    items.push(queueItem('casesOverdue', caseList, { overdue: true }, (f) => countCases(prisma, actor, f, today)));
  }
  if (can(actor, 'inquiries.list')) {
    const count = (f: InquiryFilter) => countInquiries(prisma, actor, f, today);
    items.push(court ? queueItem('inquiriesToAnswer', inquiryList, { status: 'sent' }, count) : queueItem('inquiriesOverdue', inquiryList, { overdue: true }, count));
  }
  if (can(actor, 'leads.list')) {
    items.push(queueItem('leadsIncoming', leadList, { box: 'incoming', open: true }, (f) => countLeads(prisma, actor, f)));
  }
  if (can(actor, 'committee.list') && (court || actor.role === 'PROCURATORATE_LEADER')) {
    const count = (f: MeetingFilter) => countMeetings(prisma, actor, f, today);
    items.push(
      court
        ? queueItem('meetingsToRecord', meetingList, { status: 'held' }, count)
        : queueItem('meetingsToName', meetingList, { status: 'notified', upcoming: true }, count),
    );
  }
  if (can(actor, 'nonLitigation.list') && court) {
    items.push(queueItem('applicationsToAccept', applicationList, { status: 'applied' }, (f) => countApplications(prisma, actor, f, today)));
  }
  return resolveQueue(items);
}
