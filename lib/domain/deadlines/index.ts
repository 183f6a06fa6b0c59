/**
 * Deadline engine (pure, no I/O).
 *
 * Period computation follows Civil Procedure Law art. 85 (期间) and Civil Code
 * arts. 201–203, as summarized in DOMAIN.md §1:
 *
 * 1. The day the period starts from is not counted (期间开始的日不计算在期间内).
 * 2. A period in days ends `days` days after the start date.
 * 3. A period in months ends on the same-numbered day of the final month
 *    (到期月的对应日), or on that month's last day where it has no such day.
 * 4. When both months and days are given, months are added first, then days.
 * 5. If the last day is a rest day (法定休假日), the period ends on the first
 *    working day after it. Rest days come from a {@link Calendar}: Saturdays,
 *    Sundays and official holidays, except make-up working days (调休上班),
 *    which count as working days; a weekday given off counts as a rest day.
 *    Rest days inside the period are counted normally.
 *
 * Dates are ISO strings `YYYY-MM-DD` (calendar dates, no time zone).
 */
import { addDays, daysInMonth, formatIsoDate, isValidIsoDate, parseIsoDate, toEpochDay } from '@/lib/domain/dates';
import { calendarFromEntries, type Calendar, type EntryCalendar } from '@/lib/domain/calendar';
import { OFFICIAL_CALENDAR_ENTRIES, OFFICIAL_CALENDAR_YEARS } from './official-calendar';
import {
  PERIOD_RULES,
  RECOMMENDATION_REPLY_RULE,
  type Period,
  type PeriodId,
  type PeriodRule,
  type RecommendationType,
} from './periods';

export * from './periods';
export { OFFICIAL_CALENDAR_ENTRIES, OFFICIAL_CALENDAR_YEARS };
export type { Calendar, CalendarEntry, CalendarDayKind, EntryCalendar } from '@/lib/domain/calendar';

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * - `invalidDate`: a date argument is not a real `YYYY-MM-DD` date.
 * - `invalidPeriod`: months/days negative, non-integer, not a number, or absurdly large.
 * - `emptyPeriod`: neither months nor days is positive.
 * - `periodExceedsStatutory`: a custom reply period longer than the statutory one.
 * - `extensionNotAllowed`: an extension for a type whose rule allows none.
 * - `invalidExtension`: an extension that is negative, non-integer or over the maximum.
 * - `noWorkingDay`: the calendar has no working day within two years after a date.
 */
export type DeadlineErrorCode =
  | 'invalidDate'
  | 'invalidPeriod'
  | 'emptyPeriod'
  | 'periodExceedsStatutory'
  | 'extensionNotAllowed'
  | 'invalidExtension'
  | 'noWorkingDay';

/** Thrown on invalid input to the deadline engine. `code` is stable; `message` is for logs only. */
export class DeadlineInputError extends Error {
  readonly code: DeadlineErrorCode;
  /** The offending value or argument name, for logs. */
  readonly detail: string | undefined;

  constructor(code: DeadlineErrorCode, detail?: string) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = 'DeadlineInputError';
    this.code = code;
    this.detail = detail;
  }
}

// ---------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------

/** The official calendar shipped with the app (`prisma/seed/holidays-cn.csv`, 2022–2026). */
export const officialCalendar: EntryCalendar = calendarFromEntries(OFFICIAL_CALENDAR_ENTRIES);

/** Upper bounds that keep results inside years 0001–9999 for any realistic input. */
const MAX_MONTHS = 1200;
const MAX_DAYS = 36600;
/** How far the roll-forward searches before giving up on a broken calendar. */
const MAX_ROLL_DAYS = 732;

function assertDate(date: unknown, what: string): asserts date is string {
  if (!isValidIsoDate(date)) throw new DeadlineInputError('invalidDate', `${what}=${String(date)}`);
}

function checkCount(n: unknown, what: string, max: number): number {
  if (n === undefined) return 0;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
    throw new DeadlineInputError('invalidPeriod', `${what}=${String(n)}`);
  }
  return n;
}

/** Validates a period and returns it with both parts filled in. Throws `DeadlineInputError`. */
export function normalizePeriod(period: Period): { months: number; days: number } {
  if (period === null || typeof period !== 'object') throw new DeadlineInputError('invalidPeriod', String(period));
  const months = checkCount(period.months, 'months', MAX_MONTHS);
  const days = checkCount(period.days, 'days', MAX_DAYS);
  if (months === 0 && days === 0) throw new DeadlineInputError('emptyPeriod');
  return { months, days };
}

/** True when `date` is a working day in `calendar` (default: the official calendar). */
export function isWorkingDay(date: string, calendar: Calendar = officialCalendar): boolean {
  assertDate(date, 'date');
  return !calendar.isRestDay(date);
}

/** True when `date` is a rest day in `calendar` (default: the official calendar). */
export function isRestDay(date: string, calendar: Calendar = officialCalendar): boolean {
  assertDate(date, 'date');
  return calendar.isRestDay(date);
}

/** `date` itself if it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: string, calendar: Calendar = officialCalendar): string {
  assertDate(date, 'date');
  let d = date;
  for (let i = 0; i <= MAX_ROLL_DAYS; i++) {
    if (!calendar.isRestDay(d)) return d;
    d = addDays(d, 1);
  }
  throw new DeadlineInputError('noWorkingDay', date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: Calendar = officialCalendar): string {
  assertDate(date, 'date');
  return workingDayOnOrAfter(addDays(date, 1), calendar);
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

/** `date` plus `months` calendar months, clamped to the last day of the target month. */
function addMonthsClamped(date: string, months: number): string {
  if (months === 0) return date;
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * The raw last day of a period, WITHOUT moving it off a rest day: the start day
 * is not counted; months are added first (same-numbered day of the final month,
 * or its last day), then days.
 *
 * @example addPeriod('2023-01-31', { months: 1 }) === '2023-02-28'
 * @example addPeriod('2024-03-01', { days: 10 }) === '2024-03-11'
 * @throws {DeadlineInputError} `invalidDate`, `invalidPeriod`, `emptyPeriod`
 */
export function addPeriod(start: string, period: Period): string {
  assertDate(start, 'start');
  const { months, days } = normalizePeriod(period);
  const afterMonths = addMonthsClamped(start, months);
  if (!isValidIsoDate(afterMonths)) throw new DeadlineInputError('invalidPeriod', 'result out of range');
  const end = addDays(afterMonths, days);
  if (!isValidIsoDate(end)) throw new DeadlineInputError('invalidPeriod', 'result out of range');
  return end;
}

/**
 * The last day of a statutory or court-set period (期间届满日).
 *
 * Rules (Civil Procedure Law art. 85 期间; Civil Code arts. 201–203 alike):
 * - the start day is not counted: a period of N days ends N days after `start`;
 * - a period in months ends on the same-numbered day of the final month, or on that
 *   month's last day where it has none (Jan 31 + 1 month → Feb 28, or Feb 29 in a leap year);
 * - when both `months` and `days` are given, the months are added first, then the days
 *   (Jan 31 + {months: 1, days: 1} → Feb 28 + 1 = Mar 1 in a common year);
 * - if that last day is a rest day (法定休假日) the period ends on the first working day
 *   after it; make-up working days (调休上班) count as working days, weekdays given off
 *   as rest days. Rest days inside the period are not skipped.
 *
 * @param start    the day the period runs from (e.g. the service date), `YYYY-MM-DD`
 * @param period   `{ months?, days? }`, non-negative integers, not both zero
 * @param calendar rest-day calendar; defaults to the shipped official calendar (2022–2026;
 *                 outside those years only weekends are rest days — see `officialCalendar.covers`)
 * @returns the due date, `YYYY-MM-DD`
 * @throws {DeadlineInputError} `invalidDate`, `invalidPeriod`, `emptyPeriod`, `noWorkingDay`
 */
export function dueDate(start: string, period: Period, calendar: Calendar = officialCalendar): string {
  return workingDayOnOrAfter(addPeriod(start, period), calendar);
}

/** Signed number of calendar days from `a` to `b` (`b − a`; 0 when equal). */
export function daysBetween(a: string, b: string): number {
  assertDate(a, 'a');
  assertDate(b, 'b');
  return toEpochDay(b) - toEpochDay(a);
}

/** True when `today` is after the due date (the due day itself is not overdue). */
export function isOverdue(due: string, today: string): boolean {
  return daysBetween(due, today) > 0;
}

/** Days past the due date; 0 when not overdue (the due day itself is not overdue). */
export function daysOverdue(due: string, today: string): number {
  return Math.max(0, daysBetween(due, today));
}

/**
 * Calendar days remaining until the due date; 0 on the due day and when overdue
 * (use `daysOverdue` / `isOverdue` to tell those apart, or `daysBetween(today, due)` for a signed value).
 */
export function daysLeft(due: string, today: string): number {
  return Math.max(0, daysBetween(today, due));
}

/**
 * Latest day a notice can be given when the law requires it `days` days BEFORE an
 * event (e.g. retrial hearing notice "开庭三日前", rule `retrial.hearingNotice`).
 *
 * Model (conservative, verify): counting backwards from the event under art. 85,
 * neither the event day nor the notice day is counted, so `days` full days must lie
 * between them: hearing on the 10th, 3 days → notice by the 6th (7th, 8th, 9th clear).
 * With `{ clearDays: false }` the notice day itself counts as one of the days
 * (hearing on the 10th → notice by the 7th), the more lenient reading.
 * No rest-day adjustment is made: rest days inside the interval count, and a notice
 * may be served on any day.
 *
 * @throws {DeadlineInputError} `invalidDate`, `invalidPeriod`, `emptyPeriod`
 */
export function latestNoticeDate(event: string, days: number, options: { clearDays?: boolean } = {}): string {
  assertDate(event, 'event');
  const n = checkCount(days, 'days', MAX_DAYS);
  if (n === 0) throw new DeadlineInputError('emptyPeriod');
  const clear = options.clearDays ?? true;
  const result = addDays(event, -(n + (clear ? 1 : 0)));
  if (!isValidIsoDate(result)) throw new DeadlineInputError('invalidPeriod', 'result out of range');
  return result;
}

/** Looks up a rule in the periods table. */
export function periodRule(id: PeriodId): PeriodRule {
  return PERIOD_RULES[id];
}

/**
 * Due date for a rule of the periods table, from the event that starts it.
 * - `deadline` / `waiting` rules: `dueDate(from, period)` (for `waiting`, the day the wait ends;
 *   the act may be done after it). `urgent` picks the rule's `urgentPeriod` when it has one.
 * - `advanceNotice` rules: `from` is the event, the result is `latestNoticeDate(from, days)`.
 */
export function dueDateForRule(
  id: PeriodId,
  from: string,
  options: { urgent?: boolean; calendar?: Calendar } = {},
): string {
  const rule = PERIOD_RULES[id];
  const period = options.urgent && rule.urgentPeriod ? rule.urgentPeriod : rule.period;
  if (rule.nature === 'advanceNotice') return latestNoticeDate(from, period.days ?? 0);
  return dueDate(from, period, options.calendar ?? officialCalendar);
}

// ---------------------------------------------------------------------------
// Recommendation replies (DOMAIN.md §1)
// ---------------------------------------------------------------------------

export interface RecommendationReplyInput {
  type: RecommendationType;
  /** Service date of the recommendation on the recipient (the reply clock starts here). */
  servedOn: string;
  /** Urgent: for public-interest pre-suit recommendations the statutory period becomes 15 days. */
  urgent?: boolean;
  /** A shorter period set in the recommendation; never longer than the statutory one. */
  customPeriod?: Period;
  /** Enforcement-supervision only: months of extension approved by the court president (0–1). */
  extensionMonths?: number;
  calendar?: Calendar;
}

export interface RecommendationReplyPeriod {
  ruleId: PeriodId;
  /** The statutory period that applies (after `urgent`), before any custom period or extension. */
  statutoryPeriod: Period;
  /** The period actually running (custom or statutory, plus extension). */
  period: Period;
  customApplied: boolean;
  extensionMonths: number;
}

/**
 * Works out the reply period of a recommendation:
 * 1. statutory period of the type (`RECOMMENDATION_REPLY_RULE`); `urgent` switches to the
 *    rule's `urgentPeriod` where the law sets one (public interest: 15 days), otherwise it
 *    has no effect on its own (set `customPeriod`);
 * 2. `customPeriod`, if given, replaces it but may not end later than the statutory period
 *    would (compared by raw end date from `servedOn`), else `periodExceedsStatutory`;
 * 3. `extensionMonths` (enforcement only, at most the rule's maximum, 1 month) is added to
 *    the months of the period, i.e. the extended period still runs from service
 *    (3 + 1 = 4 months from service).
 *
 * @throws {DeadlineInputError}
 */
export function recommendationReplyPeriod(input: RecommendationReplyInput): RecommendationReplyPeriod {
  assertDate(input.servedOn, 'servedOn');
  const ruleId = RECOMMENDATION_REPLY_RULE[input.type];
  if (ruleId === undefined) throw new DeadlineInputError('invalidPeriod', `type=${String(input.type)}`);
  const rule = PERIOD_RULES[ruleId];
  const statutoryPeriod = input.urgent && rule.urgentPeriod ? rule.urgentPeriod : rule.period;

  let base: Period = statutoryPeriod;
  let customApplied = false;
  if (input.customPeriod !== undefined) {
    const custom = normalizePeriod(input.customPeriod);
    const customEnd = addPeriod(input.servedOn, custom);
    const statutoryEnd = addPeriod(input.servedOn, statutoryPeriod);
    if (customEnd > statutoryEnd) {
      throw new DeadlineInputError('periodExceedsStatutory', `${customEnd} > ${statutoryEnd}`);
    }
    base = { ...(custom.months ? { months: custom.months } : {}), ...(custom.days ? { days: custom.days } : {}) };
    customApplied = true;
  }

  let extensionMonths = 0;
  if (input.extensionMonths !== undefined && input.extensionMonths !== 0) {
    if (!rule.extension) throw new DeadlineInputError('extensionNotAllowed', input.type);
    const max = rule.extension.max.months ?? 0;
    const ext = input.extensionMonths;
    if (typeof ext !== 'number' || !Number.isInteger(ext) || ext < 0 || ext > max) {
      throw new DeadlineInputError('invalidExtension', String(ext));
    }
    extensionMonths = ext;
  }

  const period: Period =
    extensionMonths > 0 ? { ...base, months: (base.months ?? 0) + extensionMonths } : { ...base };
  return { ruleId, statutoryPeriod: { ...statutoryPeriod }, period, customApplied, extensionMonths };
}

/**
 * Due date of the recipient's written reply to a procuratorial recommendation
 * (see `recommendationReplyPeriod` for how the period is chosen), rolled forward
 * off rest days like any period.
 *
 * @example recommendationReplyDue({ type: 'correction', servedOn: '2024-03-15' }) === '2024-05-15'
 * @throws {DeadlineInputError}
 */
export function recommendationReplyDue(input: RecommendationReplyInput): string {
  const { period } = recommendationReplyPeriod(input);
  return dueDate(input.servedOn, period, input.calendar ?? officialCalendar);
}

/**
 * The reply due date a served recommendation actually runs to: its shorter period if it has one,
 * unless on this service date that period would end after the statutory one (months differ in
 * length; the shorter period was checked against the statutory one when drafted), in which case
 * the statutory period applies (never longer).
 *
 * @throws {DeadlineInputError} for any other bad input
 */
export function recommendationReplyDueOrStatutory(input: RecommendationReplyInput): string {
  if (input.customPeriod) {
    try {
      return recommendationReplyDue(input);
    } catch (e) {
      if (!(e instanceof DeadlineInputError) || e.code !== 'periodExceedsStatutory') throw e;
    }
  }
  return recommendationReplyDue({ ...input, customPeriod: undefined });
}
