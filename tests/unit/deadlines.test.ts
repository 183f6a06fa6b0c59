import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFromEntries, weekendOnlyCalendar, type Calendar } from '@/lib/domain/calendar';
import {
  DeadlineInputError,
  PERIOD_IDS,
  PERIOD_RULES,
  RECOMMENDATION_REPLY_RULE,
  RECOMMENDATION_TYPES,
  addPeriod,
  daysBetween,
  daysLeft,
  daysOverdue,
  dueDate,
  dueDateForRule,
  isOverdue,
  isRestDay,
  isWorkingDay,
  latestNoticeDate,
  nextWorkingDay,
  normalizePeriod,
  officialCalendar,
  periodRule,
  recommendationReplyDue,
  recommendationReplyDueOrStatutory,
  recommendationReplyPeriod,
  workingDayOnOrAfter,
  type DeadlineErrorCode,
  type Period,
} from '@/lib/domain/deadlines';

// Expected values below were worked out by hand from prisma/seed/holidays-cn.csv and a
// weekday table; the comments give the reasoning (raw end date → roll-forward).

function expectCode(fn: () => unknown, code: DeadlineErrorCode): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DeadlineInputError);
  expect((caught as DeadlineInputError).code).toBe(code);
}

describe('addPeriod (raw end date, no roll-forward)', () => {
  it.each<[string, Period, string]>([
    ['2024-03-01', { days: 10 }, '2024-03-11'],
    ['2024-03-01', { days: 1 }, '2024-03-02'],
    ['2023-01-31', { months: 1 }, '2023-02-28'],
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2024-02-29', { months: 12 }, '2025-02-28'],
    ['2024-02-29', { months: 48 }, '2028-02-29'],
    ['2022-12-31', { months: 2 }, '2023-02-28'],
    ['2023-08-31', { months: 1 }, '2023-09-30'],
    ['2024-08-01', { months: 2 }, '2024-10-01'],
    ['2023-01-30', { months: 1, days: 1 }, '2023-03-01'],
    ['2024-02-28', { days: 1 }, '2024-02-29'],
    ['2023-02-28', { days: 1 }, '2023-03-01'],
    ['2024-12-25', { days: 7 }, '2025-01-01'],
    ['2024-03-15', { months: 0, days: 61 }, '2024-05-15'],
    ['1999-12-31', { months: 2 }, '2000-02-29'],
    ['1899-12-31', { months: 2 }, '1900-02-28'],
  ])('%s + %o = %s', (start, period, expected) => {
    expect(addPeriod(start, period)).toBe(expected);
  });

  it('adds months before days (differs from days-first)', () => {
    // months first: Jan 30 + 1 month = Feb 28, + 1 day = Mar 1.
    // (days first would give Jan 31 + 1 month = Feb 28.)
    expect(addPeriod('2023-01-30', { months: 1, days: 1 })).toBe('2023-03-01');
  });
});

describe('dueDate: month ends', () => {
  it.each<[string, Period, string, string]>([
    ['2023-01-31', { months: 1 }, '2023-02-28', 'Feb 28 2023 is a Tuesday'],
    ['2024-01-31', { months: 1 }, '2024-02-29', 'leap year, Thursday'],
    ['2022-01-31', { months: 1 }, '2022-02-28', 'Monday'],
    ['2025-01-31', { months: 1 }, '2025-02-28', 'Friday'],
    ['2026-01-31', { months: 1 }, '2026-02-28', 'Sat 2026-02-28 is a Spring Festival make-up workday'],
    ['2023-08-31', { months: 1 }, '2023-10-07', 'Sep 30 holiday → Oct 1–6 holidays → Sat Oct 7 make-up workday'],
    ['2023-03-31', { months: 1 }, '2023-05-04', 'Sun Apr 30 holiday → May 1–3 holidays → Thu May 4'],
    ['2025-10-31', { months: 1 }, '2025-12-01', 'Sun Nov 30 → Mon Dec 1'],
    ['2024-03-31', { months: 1 }, '2024-04-30', 'Tue Apr 30, not a holiday in 2024'],
    ['2024-05-31', { months: 1 }, '2024-07-01', 'Jun 30 2024 is a Sunday → Mon Jul 1'],
    ['2023-01-31', { months: 1, days: 1 }, '2023-03-01', 'Feb 28 + 1 day'],
    ['2024-01-31', { months: 1, days: 1 }, '2024-03-01', 'Feb 29 + 1 day'],
  ])('%s + %o → %s (%s)', (start, period, expected) => {
    expect(dueDate(start, period)).toBe(expected);
  });
});

describe('dueDate: leap years', () => {
  it.each<[string, Period, string]>([
    ['2024-02-29', { months: 12 }, '2025-02-28'], // Fri
    ['2024-02-29', { months: 1 }, '2024-03-29'], // Fri
    ['2024-02-29', { months: 6 }, '2024-08-29'], // Thu
    ['2024-02-29', { months: 24 }, '2026-02-28'], // Sat, make-up workday
    ['2024-02-29', { days: 365 }, '2025-02-28'], // Fri
    ['2023-02-28', { months: 12 }, '2024-02-28'], // Wed
    ['2023-08-31', { months: 6 }, '2024-02-29'], // Thu
    ['2024-02-28', { days: 1 }, '2024-02-29'], // Thu
    ['2023-02-28', { days: 1 }, '2023-03-01'], // Wed
  ])('%s + %o → %s', (start, period, expected) => {
    expect(dueDate(start, period)).toBe(expected);
  });
});

describe('dueDate: year ends', () => {
  it.each<[string, Period, string]>([
    ['2022-12-31', { months: 2 }, '2023-02-28'], // Tue
    ['2023-12-31', { months: 2 }, '2024-02-29'], // Thu
    ['2024-12-31', { months: 2 }, '2025-02-28'], // Fri
    ['2025-12-31', { months: 2 }, '2026-02-28'], // Sat make-up workday
    ['2022-12-31', { months: 1 }, '2023-01-31'], // Tue
    ['2023-12-20', { days: 15 }, '2024-01-04'], // Thu
    ['2024-12-25', { days: 7 }, '2025-01-02'], // Wed Jan 1 holiday → Thu Jan 2
    ['2024-12-15', { days: 30 }, '2025-01-14'], // Tue
    ['2025-12-20', { days: 13 }, '2026-01-04'], // Fri Jan 2 holiday, Sat Jan 3 holiday, Sun Jan 4 make-up
    ['2025-12-17', { days: 15 }, '2026-01-04'], // Jan 1 → Jan 4
    ['2022-12-21', { days: 10 }, '2023-01-03'], // Sat Dec 31 holiday, Jan 1–2 holidays → Tue Jan 3
  ])('%s + %o → %s', (start, period, expected) => {
    expect(dueDate(start, period)).toBe(expected);
  });
});

describe('dueDate: holidays, make-up days, weekdays given off', () => {
  it.each<[string, Period, string, string]>([
    ['2024-09-03', { months: 1 }, '2024-10-08', '2024 National Day: Oct 3 → Oct 1–7 off → Tue Oct 8'],
    ['2024-08-01', { months: 2 }, '2024-10-08', 'Oct 1 → Oct 8'],
    ['2024-09-20', { days: 15 }, '2024-10-08', 'Sat Oct 5 → Oct 8'],
    ['2024-09-07', { days: 30 }, '2024-10-08', 'Mon Oct 7 (weekday given off) → Oct 8'],
    ['2024-08-14', { months: 1 }, '2024-09-14', 'Sat Sep 14 is a make-up workday: stays'],
    ['2024-07-29', { months: 2 }, '2024-09-29', 'Sun Sep 29 is a make-up workday: stays'],
    ['2024-09-12', { months: 1 }, '2024-10-12', 'Sat Oct 12 is a make-up workday: stays'],
    ['2024-09-13', { months: 1 }, '2024-10-14', 'Sun Oct 13 ordinary weekend → Mon Oct 14'],
    ['2024-05-10', { months: 1 }, '2024-06-11', 'Mon Jun 10 Dragon Boat → Tue Jun 11'],
    ['2025-09-08', { months: 1 }, '2025-10-09', 'Wed Oct 8 2025 given off → Thu Oct 9'],
    ['2023-08-29', { months: 1 }, '2023-10-07', 'Fri Sep 29 Mid-Autumn → … → Sat Oct 7 make-up'],
    ['2025-12-02', { months: 1 }, '2026-01-04', 'Fri Jan 2 2026 given off, Sat Jan 3 → Sun Jan 4 make-up'],
    ['2024-02-02', { months: 1 }, '2024-03-04', 'Sat Mar 2 ordinary weekend → Mon Mar 4'],
    ['2022-04-20', { days: 10 }, '2022-05-05', 'Sat Apr 30 → Labour Day Apr 30–May 4 → Thu May 5'],
    ['2022-04-14', { days: 10 }, '2022-04-24', 'Sun Apr 24 2022 make-up workday: stays'],
    ['2023-04-20', { days: 10 }, '2023-05-04', 'Sun Apr 30 2023 → Thu May 4'],
    ['2024-03-15', { months: 2 }, '2024-05-15', 'ordinary Wednesday'],
  ])('%s + %o → %s (%s)', (start, period, expected) => {
    expect(dueDate(start, period)).toBe(expected);
  });
});

describe('dueDate: Spring Festival runs', () => {
  it.each<[string, Period, string, string]>([
    ['2024-01-12', { months: 1 }, '2024-02-18', 'Feb 12 → Feb 10–17 off → Sun Feb 18 make-up'],
    ['2024-01-15', { days: 30 }, '2024-02-18', 'Wed Feb 14 → Sun Feb 18 make-up'],
    ['2024-01-05', { days: 30 }, '2024-02-04', 'Sun Feb 4 2024 make-up workday: stays'],
    ['2024-01-10', { days: 30 }, '2024-02-09', 'Fri Feb 9 2024 is still a working day (the holiday starts Sat Feb 10)'],
    ['2024-12-28', { months: 1 }, '2025-02-05', 'Tue Jan 28 2025 → Jan 28–Feb 4 off → Wed Feb 5'],
    ['2025-01-16', { days: 10 }, '2025-01-26', 'Sun Jan 26 2025 make-up workday: stays'],
    ['2025-01-17', { days: 10 }, '2025-01-27', 'Mon Jan 27 2025 ordinary working day'],
    ['2025-01-29', { days: 10 }, '2025-02-08', 'Sat Feb 8 2025 make-up workday: stays'],
    ['2022-12-23', { months: 1 }, '2023-01-28', 'Mon Jan 23 2023 → Jan 21–27 off → Sat Jan 28 make-up'],
    ['2022-01-01', { months: 1 }, '2022-02-07', 'Tue Feb 1 2022 → Jan 31–Feb 6 off → Mon Feb 7'],
    ['2025-12-23', { months: 2 }, '2026-02-24', 'Mon Feb 23 2026 → Feb 15–23 off → Tue Feb 24'],
    ['2026-01-14', { months: 1 }, '2026-02-14', 'Sat Feb 14 2026 make-up workday: stays'],
  ])('%s + %o → %s (%s)', (start, period, expected) => {
    expect(dueDate(start, period)).toBe(expected);
  });
});

describe('dueDate: beyond the official calendar', () => {
  it('only weekends rest outside 2022–2026', () => {
    // 2027-10-01 is a Friday; no 2027 data shipped, so it is treated as a working day.
    expect(officialCalendar.covers('2027-10-01')).toBe(false);
    expect(dueDate('2027-09-01', { months: 1 })).toBe('2027-10-01');
    // 2027-10-02 Saturday → Monday 2027-10-04.
    expect(dueDate('2027-09-02', { months: 1 })).toBe('2027-10-04');
  });
  it('covers the shipped years', () => {
    expect(officialCalendar.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(officialCalendar.covers('2024-06-01')).toBe(true);
  });
});

describe('dueDate: custom calendars', () => {
  it('uses a calendar built from entries', () => {
    const cal = calendarFromEntries([
      { date: '2030-01-07', kind: 'holiday', name: 'Test holiday' }, // Monday
      { date: '2030-01-12', kind: 'workday', name: 'Test make-up' }, // Saturday
    ]);
    // 2030-01-05 is a Saturday, 01-06 Sunday, 01-07 Monday given off → Tue 01-08.
    expect(dueDate('2029-12-05', { months: 1 }, cal)).toBe('2030-01-08');
    // 2030-01-12 is a Saturday made a working day in this calendar: stays.
    expect(dueDate('2029-12-12', { months: 1 }, cal)).toBe('2030-01-12');
    // 2030-01-13 is an ordinary Sunday → Mon 01-14.
    expect(dueDate('2029-12-13', { months: 1 }, cal)).toBe('2030-01-14');
  });

  it('a make-up Saturday in a custom calendar stays', () => {
    const cal = calendarFromEntries([{ date: '2030-01-12', kind: 'workday', name: 'M' }]);
    expect(dueDate('2030-01-02', { days: 10 }, cal)).toBe('2030-01-12');
    // without the entry: Sat 12 → Mon 14
    expect(dueDate('2030-01-02', { days: 10 }, weekendOnlyCalendar)).toBe('2030-01-14');
  });

  it('ignores the official holidays when a weekend-only calendar is given', () => {
    expect(dueDate('2024-09-03', { months: 1 }, weekendOnlyCalendar)).toBe('2024-10-03');
    expect(dueDate('2024-09-14', { days: 0, months: 1 }, weekendOnlyCalendar)).toBe('2024-10-14');
  });

  it('accepts any object implementing isRestDay', () => {
    const everyOtherDayOff: Calendar = { isRestDay: (d) => Number(d.slice(8, 10)) % 2 === 0 };
    expect(dueDate('2024-01-01', { days: 1 }, everyOtherDayOff)).toBe('2024-01-03');
    expect(dueDate('2024-01-01', { days: 2 }, everyOtherDayOff)).toBe('2024-01-03');
  });

  it('throws noWorkingDay for a calendar without working days', () => {
    expectCode(() => dueDate('2024-01-01', { days: 1 }, { isRestDay: () => true }), 'noWorkingDay');
  });
});

describe('dueDate: invalid input', () => {
  it.each(['2023-02-30', '2023-2-3', '2023-02-29', '2023-13-01', '2023-00-10', '2023-01-00', '', 'abc', '2023-01-01T00:00', ' 2023-01-01', '0000-01-01'])(
    'rejects start %j',
    (start) => {
      expectCode(() => dueDate(start, { days: 1 }), 'invalidDate');
    },
  );

  it('rejects a non-string start', () => {
    expectCode(() => dueDate(20230101 as unknown as string, { days: 1 }), 'invalidDate');
    expectCode(() => dueDate(undefined as unknown as string, { days: 1 }), 'invalidDate');
  });

  it.each<[Period]>([
    [{ days: -1 }],
    [{ months: -1 }],
    [{ days: 1.5 }],
    [{ months: 0.5 }],
    [{ days: Number.NaN }],
    [{ days: Number.POSITIVE_INFINITY }],
    [{ days: '3' as unknown as number }],
    [{ months: 1201 }],
    [{ days: 36601 }],
  ])('rejects period %o', (period) => {
    expectCode(() => dueDate('2024-01-01', period), 'invalidPeriod');
  });

  it('rejects an empty period', () => {
    expectCode(() => dueDate('2024-01-01', {}), 'emptyPeriod');
    expectCode(() => dueDate('2024-01-01', { months: 0, days: 0 }), 'emptyPeriod');
  });

  it('rejects a result past 9999-12-31', () => {
    expectCode(() => addPeriod('9999-12-01', { months: 1 }), 'invalidPeriod');
  });

  it('DeadlineInputError is an Error with a name and code', () => {
    const e = new DeadlineInputError('invalidDate', 'x');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DeadlineInputError');
    expect(e.code).toBe('invalidDate');
    expect(e.detail).toBe('x');
  });

  it('normalizePeriod fills both parts', () => {
    expect(normalizePeriod({ months: 2 })).toEqual({ months: 2, days: 0 });
    expect(normalizePeriod({ days: 15 })).toEqual({ months: 0, days: 15 });
  });
});

describe('working days', () => {
  it.each<[string, boolean]>([
    ['2024-09-14', true], // Sat make-up
    ['2024-09-15', false], // Sun holiday
    ['2024-09-16', false], // Mon holiday
    ['2024-10-07', false], // Mon holiday
    ['2024-10-08', true], // Tue
    ['2024-10-12', true], // Sat make-up
    ['2024-10-13', false], // Sun
    ['2024-02-04', true], // Sun make-up
    ['2025-10-08', false], // Wed given off
    ['2025-10-10', true], // Fri
    ['2026-01-04', true], // Sun make-up
    ['2022-12-31', false], // Sat holiday
    ['2024-06-10', false], // Mon Dragon Boat
    ['2024-06-12', true], // Wed
  ])('isWorkingDay(%s) = %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
    expect(isRestDay(date)).toBe(!expected);
  });

  it('nextWorkingDay is strictly after', () => {
    expect(nextWorkingDay('2024-09-30')).toBe('2024-10-08');
    expect(nextWorkingDay('2024-10-11')).toBe('2024-10-12');
    expect(nextWorkingDay('2024-10-08')).toBe('2024-10-09');
    expect(nextWorkingDay('2024-02-09')).toBe('2024-02-18');
  });

  it('workingDayOnOrAfter keeps a working day', () => {
    expect(workingDayOnOrAfter('2024-10-08')).toBe('2024-10-08');
    expect(workingDayOnOrAfter('2024-10-01')).toBe('2024-10-08');
    expect(workingDayOnOrAfter('2024-09-14')).toBe('2024-09-14');
  });

  it('rejects invalid dates', () => {
    expectCode(() => isWorkingDay('2024-02-30'), 'invalidDate');
    expectCode(() => nextWorkingDay('x'), 'invalidDate');
  });
});

describe('daysBetween / daysOverdue / daysLeft', () => {
  it.each<[string, string, number]>([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-03-01', '2024-02-28', -2],
    ['2024-05-05', '2024-05-05', 0],
  ])('daysBetween(%s, %s) = %d', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it('daysOverdue: the due day itself is not overdue', () => {
    expect(daysOverdue('2024-10-08', '2024-10-08')).toBe(0);
    expect(daysOverdue('2024-10-08', '2024-10-09')).toBe(1);
    expect(daysOverdue('2024-10-08', '2024-10-01')).toBe(0);
    expect(daysOverdue('2024-12-31', '2025-01-10')).toBe(10);
    expect(isOverdue('2024-10-08', '2024-10-08')).toBe(false);
    expect(isOverdue('2024-10-08', '2024-10-09')).toBe(true);
  });

  it('daysLeft counts down to 0 on the due day and stays 0 after', () => {
    expect(daysLeft('2024-10-08', '2024-10-01')).toBe(7);
    expect(daysLeft('2024-10-08', '2024-10-08')).toBe(0);
    expect(daysLeft('2024-10-08', '2024-10-20')).toBe(0);
    expect(daysLeft('2025-01-01', '2024-12-31')).toBe(1);
  });

  it('rejects invalid dates', () => {
    expectCode(() => daysBetween('2024-01-01', '2024-1-2'), 'invalidDate');
    expectCode(() => daysOverdue('2023-02-29', '2024-01-01'), 'invalidDate');
    expectCode(() => daysLeft('2024-01-01', ''), 'invalidDate');
  });
});

describe('latestNoticeDate (counting backwards)', () => {
  it('conservative default: N clear days between notice and event', () => {
    expect(latestNoticeDate('2024-10-10', 3)).toBe('2024-10-06');
    expect(latestNoticeDate('2024-03-02', 3)).toBe('2024-02-27'); // Mar 1, Feb 29, Feb 28 clear
    expect(latestNoticeDate('2025-01-02', 3)).toBe('2024-12-29');
  });
  it('lenient reading: notice day counts', () => {
    expect(latestNoticeDate('2024-10-10', 3, { clearDays: false })).toBe('2024-10-07');
    expect(latestNoticeDate('2024-03-02', 3, { clearDays: false })).toBe('2024-02-28');
  });
  it('does not move off rest days', () => {
    // Hearing Wed 2024-10-09 → latest notice Sat 2024-10-05 (a holiday): kept as is.
    expect(latestNoticeDate('2024-10-09', 3)).toBe('2024-10-05');
  });
  it('rejects bad input', () => {
    expectCode(() => latestNoticeDate('2024-02-30', 3), 'invalidDate');
    expectCode(() => latestNoticeDate('2024-03-02', 0), 'emptyPeriod');
    expectCode(() => latestNoticeDate('2024-03-02', -3), 'invalidPeriod');
    expectCode(() => latestNoticeDate('2024-03-02', 2.5), 'invalidPeriod');
  });
});

describe('periods table', () => {
  const expected: Record<string, Period> = {
    'recommendation.default': { months: 2 },
    'recommendation.publicInterest': { months: 2 },
    'recommendation.retrial': { months: 3 },
    'recommendation.enforcement': { months: 3 },
    'retrial.application': { months: 6 },
    'retrial.courtReview': { months: 3 },
    'retrial.procuratorateReview': { months: 3 },
    'retrial.protestRuling': { days: 30 },
    'retrial.hearingNotice': { days: 3 },
    'nonLitigation.demandWait': { days: 10 },
    'nonLitigation.application': { months: 3 },
    'nonLitigation.acceptance': { days: 5 },
    'nonLitigation.nonAcceptanceAppeal': { days: 15 },
    'nonLitigation.nonAcceptanceAppealDecision': { days: 15 },
    'nonLitigation.ruling': { days: 7 },
    'nonLitigation.rulingAfterHearing': { days: 30 },
    'nonLitigation.urgentEnforcement': { days: 5 },
    'nonLitigation.refusalService': { days: 5 },
    'nonLitigation.reviewRequest': { days: 15 },
    'nonLitigation.reviewDecision': { days: 30 },
    'enforcementSupervision.inquiryReply': { days: 15 },
    'fileRequest.answer': { days: 15 },
  };

  it('has exactly the expected rules and periods', () => {
    expect([...PERIOD_IDS].sort()).toEqual(Object.keys(expected).sort());
    for (const id of PERIOD_IDS) expect(PERIOD_RULES[id].period).toEqual(expected[id]);
  });

  it('every rule has a bilingual source and a verify flag', () => {
    for (const id of PERIOD_IDS) {
      const r = periodRule(id);
      expect(r.source.zh.length).toBeGreaterThan(0);
      expect(r.source.en.length).toBeGreaterThan(0);
      expect(r.from.zh.length).toBeGreaterThan(0);
      expect(r.from.en.length).toBeGreaterThan(0);
      expect(typeof r.verify).toBe('boolean');
      expect(() => normalizePeriod(r.period)).not.toThrow();
    }
  });

  it('urgent public-interest period is 15 days; enforcement extension is 1 month', () => {
    expect(PERIOD_RULES['recommendation.publicInterest'].urgentPeriod).toEqual({ days: 15 });
    expect(PERIOD_RULES['recommendation.enforcement'].extension?.max).toEqual({ months: 1 });
    expect(PERIOD_IDS.filter((id) => PERIOD_RULES[id].extension)).toEqual(['recommendation.enforcement']);
    expect(PERIOD_IDS.filter((id) => PERIOD_RULES[id].urgentPeriod)).toEqual(['recommendation.publicInterest']);
  });

  it('only the hearing notice counts backwards; the demand wait is a waiting period', () => {
    expect(PERIOD_IDS.filter((id) => PERIOD_RULES[id].nature === 'advanceNotice')).toEqual(['retrial.hearingNotice']);
    expect(PERIOD_IDS.filter((id) => PERIOD_RULES[id].nature === 'waiting')).toEqual(['nonLitigation.demandWait']);
  });

  it('maps every recommendation type to a rule', () => {
    expect([...RECOMMENDATION_TYPES].sort()).toEqual(
      ['correction', 'enforcement', 'other', 'public_interest', 'retrial', 'social_governance'].sort(),
    );
    expect(RECOMMENDATION_REPLY_RULE).toEqual({
      retrial: 'recommendation.retrial',
      correction: 'recommendation.default',
      public_interest: 'recommendation.publicInterest',
      social_governance: 'recommendation.default',
      enforcement: 'recommendation.enforcement',
      other: 'recommendation.default',
    });
  });
});

describe('dueDateForRule', () => {
  it.each<[Parameters<typeof dueDateForRule>[0], string, string]>([
    ['nonLitigation.acceptance', '2024-09-26', '2024-10-08'], // Oct 1 → Oct 8
    ['retrial.protestRuling', '2024-01-15', '2024-02-18'], // Wed Feb 14 → Sun Feb 18 make-up
    ['retrial.application', '2023-08-31', '2024-02-29'], // 6 months, leap day
    ['retrial.courtReview', '2024-01-12', '2024-04-12'], // Fri
    ['nonLitigation.demandWait', '2025-01-18', '2025-02-05'], // Jan 28 → Feb 5
    ['nonLitigation.ruling', '2024-04-26', '2024-05-06'], // Fri May 3 holiday → May 4–5 → Mon May 6
    ['nonLitigation.rulingAfterHearing', '2025-09-02', '2025-10-09'], // Thu Oct 2 → Oct 9
    ['enforcementSupervision.inquiryReply', '2026-09-17', '2026-10-08'], // Fri Oct 2 → Oct 1–7 off → Thu Oct 8
    ['retrial.hearingNotice', '2024-10-10', '2024-10-06'], // backwards
  ])('%s from %s → %s', (id, from, expected) => {
    expect(dueDateForRule(id, from)).toBe(expected);
  });

  it('urgent switches to the urgent period', () => {
    expect(dueDateForRule('recommendation.publicInterest', '2024-09-20', { urgent: true })).toBe('2024-10-08');
    expect(dueDateForRule('recommendation.publicInterest', '2024-09-20')).toBe('2024-11-20');
    // urgent on a rule without an urgent period changes nothing
    expect(dueDateForRule('recommendation.default', '2024-03-15', { urgent: true })).toBe('2024-05-15');
  });

  it('passes a custom calendar', () => {
    expect(dueDateForRule('nonLitigation.acceptance', '2024-09-26', { calendar: weekendOnlyCalendar })).toBe('2024-10-01');
  });
});

describe('recommendationReplyDue', () => {
  it.each<[Parameters<typeof recommendationReplyDue>[0], string]>([
    [{ type: 'correction', servedOn: '2024-03-15' }, '2024-05-15'],
    [{ type: 'social_governance', servedOn: '2024-08-01' }, '2024-10-08'], // Oct 1 → Oct 8
    [{ type: 'other', servedOn: '2023-02-28' }, '2023-04-28'], // Fri
    [{ type: 'other', servedOn: '2023-02-28', urgent: true }, '2023-04-28'], // urgent alone: no effect
    [{ type: 'public_interest', servedOn: '2024-09-20' }, '2024-11-20'],
    [{ type: 'public_interest', servedOn: '2024-09-20', urgent: true }, '2024-10-08'], // Sat Oct 5 → Oct 8
    [{ type: 'retrial', servedOn: '2024-01-15' }, '2024-04-15'], // Mon
    [{ type: 'retrial', servedOn: '2023-06-30' }, '2023-10-07'], // Sat Sep 30 holiday → Oct 7 make-up
    [{ type: 'enforcement', servedOn: '2024-06-30' }, '2024-09-30'], // Mon
    [{ type: 'enforcement', servedOn: '2024-06-30', extensionMonths: 1 }, '2024-10-30'], // 4 months, Wed
    [{ type: 'enforcement', servedOn: '2024-07-01' }, '2024-10-08'], // Oct 1 → Oct 8
    [{ type: 'enforcement', servedOn: '2024-07-01', extensionMonths: 1 }, '2024-11-01'], // Fri
    [{ type: 'enforcement', servedOn: '2024-01-31' }, '2024-04-30'], // Tue
    [{ type: 'enforcement', servedOn: '2024-01-31', extensionMonths: 1 }, '2024-05-31'], // 4 months from service
    [{ type: 'enforcement', servedOn: '2024-01-31', extensionMonths: 0 }, '2024-04-30'],
    [{ type: 'correction', servedOn: '2024-03-15', customPeriod: { days: 30 } }, '2024-04-15'], // Sun Apr 14 → Mon
    [{ type: 'correction', servedOn: '2024-03-15', customPeriod: { days: 61 } }, '2024-05-15'], // equal to statutory end
    [{ type: 'correction', servedOn: '2024-03-15', customPeriod: { months: 2 } }, '2024-05-15'],
    [{ type: 'public_interest', servedOn: '2024-09-20', urgent: true, customPeriod: { days: 10 } }, '2024-09-30'],
    [{ type: 'enforcement', servedOn: '2024-06-30', customPeriod: { months: 2 }, extensionMonths: 1 }, '2024-09-30'],
    [{ type: 'correction', servedOn: '2024-09-03', calendar: weekendOnlyCalendar }, '2024-11-04'], // Sun Nov 3 → Mon
  ])('%o → %s', (input, expected) => {
    expect(recommendationReplyDue(input)).toBe(expected);
  });

  it('refuses a custom period longer than the statutory one', () => {
    expectCode(() => recommendationReplyDue({ type: 'correction', servedOn: '2024-03-15', customPeriod: { months: 3 } }), 'periodExceedsStatutory');
    expectCode(() => recommendationReplyDue({ type: 'correction', servedOn: '2024-03-15', customPeriod: { days: 62 } }), 'periodExceedsStatutory');
    expectCode(
      () => recommendationReplyDue({ type: 'public_interest', servedOn: '2024-09-20', urgent: true, customPeriod: { days: 16 } }),
      'periodExceedsStatutory',
    );
    expectCode(() => recommendationReplyDue({ type: 'retrial', servedOn: '2024-01-15', customPeriod: { months: 3, days: 1 } }), 'periodExceedsStatutory');
  });

  it('validates the custom period', () => {
    expectCode(() => recommendationReplyDue({ type: 'correction', servedOn: '2024-03-15', customPeriod: {} }), 'emptyPeriod');
    expectCode(() => recommendationReplyDue({ type: 'correction', servedOn: '2024-03-15', customPeriod: { days: -5 } }), 'invalidPeriod');
  });

  it('allows an extension only for enforcement, at most 1 month', () => {
    expectCode(() => recommendationReplyDue({ type: 'correction', servedOn: '2024-03-15', extensionMonths: 1 }), 'extensionNotAllowed');
    expectCode(() => recommendationReplyDue({ type: 'retrial', servedOn: '2024-03-15', extensionMonths: 1 }), 'extensionNotAllowed');
    expectCode(() => recommendationReplyDue({ type: 'enforcement', servedOn: '2024-03-15', extensionMonths: 2 }), 'invalidExtension');
    expectCode(() => recommendationReplyDue({ type: 'enforcement', servedOn: '2024-03-15', extensionMonths: -1 }), 'invalidExtension');
    expectCode(() => recommendationReplyDue({ type: 'enforcement', servedOn: '2024-03-15', extensionMonths: 0.5 }), 'invalidExtension');
  });

  it('rejects an invalid service date or type', () => {
    expectCode(() => recommendationReplyDue({ type: 'correction', servedOn: '2023-02-30' }), 'invalidDate');
    expectCode(() => recommendationReplyDue({ type: 'bogus' as never, servedOn: '2024-03-15' }), 'invalidPeriod');
  });

  it('recommendationReplyPeriod explains the period', () => {
    expect(recommendationReplyPeriod({ type: 'enforcement', servedOn: '2024-01-31', extensionMonths: 1 })).toEqual({
      ruleId: 'recommendation.enforcement',
      statutoryPeriod: { months: 3 },
      period: { months: 4 },
      customApplied: false,
      extensionMonths: 1,
    });
    expect(recommendationReplyPeriod({ type: 'public_interest', servedOn: '2024-09-20', urgent: true, customPeriod: { days: 10 } })).toEqual({
      ruleId: 'recommendation.publicInterest',
      statutoryPeriod: { days: 15 },
      period: { days: 10 },
      customApplied: true,
      extensionMonths: 0,
    });
  });
});

// ---------------------------------------------------------------------------
// Property-style test with an independent oracle built straight from the CSV
// ---------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvText = readFileSync(new URL('../../prisma/seed/holidays-cn.csv', import.meta.url), 'utf8');
const oracleKinds = new Map<string, string>();
for (const line of csvText.split(/\r?\n/).slice(1)) {
  if (!line.trim()) continue;
  const [date, kind] = line.split(',');
  if (date && kind) oracleKinds.set(date, kind);
}
const DAY_MS = 86_400_000;
const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
function oracleIsWorking(d: string): boolean {
  const kind = oracleKinds.get(d);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  const dow = new Date(toMs(d)).getUTCDay();
  return dow !== 0 && dow !== 6;
}
function oracleRaw(start: string, months: number, days: number): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + months;
  const d = Number(start.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const afterMonths = Date.UTC(y, m, Math.min(d, lastDay));
  return fromMs(afterMonths + days * DAY_MS);
}

describe('recommendationReplyDueOrStatutory', () => {
  it('runs to the shorter period when it fits on the service date', () => {
    expect(recommendationReplyDueOrStatutory({ type: 'correction', servedOn: '2024-03-15', customPeriod: { days: 30 } })).toBe('2024-04-15');
    expect(recommendationReplyDueOrStatutory({ type: 'correction', servedOn: '2024-03-15' })).toBe('2024-05-15');
  });

  it('falls back to the statutory period when the shorter one runs past it on this service date', () => {
    // 61 days fit two months from 2024-03-15, not from 2024-12-30 (two months end 2025-02-28).
    const input = { type: 'correction' as const, servedOn: '2024-12-30', customPeriod: { days: 61 } };
    expectCode(() => recommendationReplyDue(input), 'periodExceedsStatutory');
    expect(recommendationReplyDueOrStatutory(input)).toBe(recommendationReplyDue({ ...input, customPeriod: undefined }));
  });

  it('still refuses any other bad input', () => {
    expectCode(() => recommendationReplyDueOrStatutory({ type: 'correction', servedOn: '2023-02-30', customPeriod: { days: 10 } }), 'invalidDate');
    expectCode(() => recommendationReplyDueOrStatutory({ type: 'correction', servedOn: '2024-03-15', customPeriod: { days: -5 } }), 'invalidPeriod');
  });
});

describe('property: dueDate over random dates 2022–2026', () => {
  const rand = mulberry32(20240229);
  const first = toMs('2022-01-01');
  const last = toMs('2026-12-31');
  const span = (last - first) / DAY_MS;
  const cases: { start: string; period: Period }[] = [];
  for (let i = 0; i < 3000; i++) {
    const start = fromMs(first + Math.floor(rand() * (span + 1)) * DAY_MS);
    const shape = Math.floor(rand() * 3);
    const months = shape === 1 ? 0 : Math.floor(rand() * 13);
    const days = shape === 0 ? 0 : Math.floor(rand() * 61);
    if (months === 0 && days === 0) continue;
    const period: Period = shape === 0 ? { months } : shape === 1 ? { days } : { months, days };
    cases.push({ start, period });
  }

  it('generated enough cases', () => {
    expect(cases.length).toBeGreaterThan(2500);
  });

  it('result is a working day ≥ the raw end date, with no working day in between', () => {
    for (const { start, period } of cases) {
      const raw = oracleRaw(start, period.months ?? 0, period.days ?? 0);
      expect(addPeriod(start, period), `${start} ${JSON.stringify(period)}`).toBe(raw);
      const due = dueDate(start, period);
      expect(oracleIsWorking(due), `${start} ${JSON.stringify(period)} → ${due}`).toBe(true);
      expect(due >= raw).toBe(true);
      for (let t = toMs(raw); t < toMs(due); t += DAY_MS) {
        expect(oracleIsWorking(fromMs(t)), `working day ${fromMs(t)} skipped for ${start}`).toBe(false);
      }
      expect(toMs(due) - toMs(raw)).toBeLessThan(12 * DAY_MS);
      expect(daysBetween(start, due)).toBe((toMs(due) - toMs(start)) / DAY_MS);
    }
  });

  it('isWorkingDay matches the oracle on every day 2022–2026', () => {
    for (let t = first; t <= last; t += DAY_MS) {
      const d = fromMs(t);
      expect(isWorkingDay(d), d).toBe(oracleIsWorking(d));
    }
  });
});
