/**
 * The official holiday calendar (holidays and make-up working days) as stored: read by the
 * deadline computations of every workflow and by the calendar page. The CSV import that
 * changes it (and recomputes running due dates) is ./calendar-import.ts, kept apart so the
 * workflows can read the calendar without an import cycle.
 */
import type { CalendarEntry } from '@/lib/domain/calendar';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { Db } from './db';

/** A calendar day (YYYY-MM-DD) as stored in CalendarDay.date (UTC midnight), and back. */
export const toDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
export const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** Every calendar entry, for building the domain Calendar the deadline engine uses. */
export async function loadCalendarEntries(prisma: Db): Promise<CalendarEntry[]> {
  const days = await prisma.calendarDay.findMany({ orderBy: { date: 'asc' } });
  return days.map((d) => ({ date: toIso(d.date), kind: d.kind === 'HOLIDAY' ? 'holiday' : 'workday', name: d.name }));
}

/** One year's entries and the years on file, for the calendar page. */
export async function getCalendarYear(prisma: Db, actor: Actor, year: number) {
  assertAllowed(decideFeature(actor, 'calendar.view'), 'calendar.view');
  const [days, yearRows] = await Promise.all([
    prisma.calendarDay.findMany({ where: { year }, orderBy: { date: 'asc' } }),
    prisma.calendarDay.groupBy({ by: ['year'], _count: { _all: true }, orderBy: { year: 'asc' } }),
  ]);
  return {
    days: days.map((d) => ({ date: toIso(d.date), kind: d.kind, name: d.name })),
    years: yearRows.map((r) => ({ year: r.year, count: r._count._all })),
  };
}
