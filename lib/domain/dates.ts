/**
 * Dates, the one set of helpers: ISO calendar dates `YYYY-MM-DD` handled with integer arithmetic
 * (proleptic Gregorian, so no time zone or DST effects), today and an instant's date in China
 * (Asia/Shanghai, UTC+8, no DST), and the conversions to and from the database's DATE columns
 * (a Date at UTC midnight). Pure: no I/O, no framework imports.
 */

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/**
 * True for a real calendar date written exactly `YYYY-MM-DD` (years 0001–9999).
 * Rejects `2023-02-30`, `2023-2-3`, `2023-13-01`, `2023-02-29` (not a leap year), etc.
 */
export function isValidIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** Splits an ISO date; does not validate (use `isValidIsoDate` first). */
export function parseIsoDate(s: string): YMD {
  const [y, m, d] = s.split('-');
  return { year: Number(y), month: Number(m), day: Number(d) };
}

/** Formats year/month/day as `YYYY-MM-DD`. */
export function formatIsoDate({ year, month, day }: YMD): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). Algorithm: H. Hinnant, days_from_civil. */
export function toEpochDay(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toEpochDay`. Algorithm: H. Hinnant, civil_from_days. */
export function fromEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Day of week: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** True for a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

// ---------------------------------------------------------------------------
// China time and database dates
// ---------------------------------------------------------------------------

/** China's offset from UTC (Asia/Shanghai has no DST). */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return chinaDate(now);
}

/** An instant as China local time, `YYYY-MM-DDTHH:mm` (the value of a datetime-local input). */
export function chinaLocalDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/** A YYYY-MM-DD date as a Date at UTC midnight (a DATE column's value; format it with timeZone UTC). */
export function isoToUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
