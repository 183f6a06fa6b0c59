/**
 * The deadlines of a retrial matter (DOMAIN.md §3), computed with the deadline engine and the
 * calendar the caller passes (the data layer: the holiday calendar from the database).
 *
 * - Application window (party applications only): 6 months ('retrial.application') from the
 *   judgment taking effect, or from the day the party learned of the new evidence when that is
 *   later. Choice: the matter records only the judgment date; the learning date is given at filing
 *   (`learnedOn`, kept in the filing event) and moves the start of the window, never back before
 *   the judgment. Evidence items added later do not move it: the window is about the filing.
 * - Court review: party application 3 months ('retrial.courtReview'), retrial recommendation
 *   3 months ('recommendation.retrial'), protest 30 days ('retrial.protestRuling'), each from the
 *   day the court received the matter (`filedOn`).
 * - Hearing notice: the procuratorate is notified 3 clear days before a retrial hearing
 *   ('retrial.hearingNotice', `latestNoticeDate`: hearing on the 10th → notice by the 6th). The
 *   notice date is never moved forward (that would shorten the notice); when it falls on a rest day
 *   the last working day before it is given as advice.
 */
import { addDays } from '@/lib/domain/dates';
import type { Calendar } from '@/lib/domain/calendar';
import { daysLeft, daysOverdue, dueDateForRule, officialCalendar } from '@/lib/domain/deadlines';
import { REVIEW_RULE, type RetrialKind, type RetrialStatus } from './machine';

export function applicationWindow(judgmentEffectiveOn: string, learnedOn: string | null, calendar: Calendar = officialCalendar) {
  const from = learnedOn && learnedOn > judgmentEffectiveOn ? learnedOn : judgmentEffectiveOn;
  return { from, fromLearning: from !== judgmentEffectiveOn, end: dueDateForRule('retrial.application', from, { calendar }) };
}

export function reviewDue(kind: RetrialKind, filedOn: string, calendar: Calendar = officialCalendar): string {
  return dueDateForRule(REVIEW_RULE[kind], filedOn, { calendar });
}

/** The last working day on or before `date`. */
export function workingDayOnOrBefore(date: string, calendar: Calendar = officialCalendar): string {
  let d = date;
  for (let i = 0; i < 732; i++) {
    if (!calendar.isRestDay(d)) return d;
    d = addDays(d, -1);
  }
  return date;
}

export function hearingNotice(hearingOn: string, calendar: Calendar = officialCalendar) {
  const noticeBy = dueDateForRule('retrial.hearingNotice', hearingOn);
  const onRestDay = calendar.isRestDay(noticeBy);
  return { noticeBy, onRestDay, lastWorkingDay: onRestDay ? workingDayOnOrBefore(noticeBy, calendar) : noticeBy };
}

/** Where a due date stands on `today`: days left, or days overdue while the review is still open. */
export function dueState(due: string | null, today: string, open: boolean) {
  if (!due) return { dueDate: null, daysLeft: null, daysOverdue: 0 };
  return { dueDate: due, daysLeft: open ? daysLeft(due, today) : null, daysOverdue: open ? daysOverdue(due, today) : 0 };
}

/** The court's review is open until the decision. */
export function reviewOpen(status: RetrialStatus): boolean {
  return status !== 'decided';
}
