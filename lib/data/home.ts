/** What the home page shows besides the profile: upcoming calendar days and, for admins, counts. */
import { assertAllowed, can, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { Db } from './db';

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
