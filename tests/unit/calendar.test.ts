import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysInMonth, fromEpochDay, isLeapYear, isValidIsoDate, isWeekend, toEpochDay } from '@/lib/domain/dates';
import {
  MAX_CSV_CHARS,
  MAX_CSV_ROWS,
  MAX_NAME_LENGTH,
  calendarFromEntries,
  parseHolidayCsv,
  toHolidayCsv,
  weekendOnlyCalendar,
  type CalendarEntry,
  type CsvIssue,
} from '@/lib/domain/calendar';
import { OFFICIAL_CALENDAR_ENTRIES, OFFICIAL_CALENDAR_YEARS } from '@/lib/domain/deadlines/official-calendar';

const HEADER = 'date,kind,name';
const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';
const issue = (line: number, field: CsvIssue['field'], code: CsvIssue['code'], severity: CsvIssue['severity'] = 'error'): CsvIssue => ({
  line,
  field,
  code,
  severity,
});

describe('isValidIsoDate', () => {
  it.each(['2024-02-29', '2023-02-28', '2024-12-31', '2000-02-29', '0001-01-01', '9999-12-31', '2024-04-30', '2024-01-31'])(
    'accepts %s',
    (s) => {
      expect(isValidIsoDate(s)).toBe(true);
    },
  );
  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-06-31',
    '2024-09-31',
    '2024-11-31',
    '2024-13-01',
    '2024-00-01',
    '2024-01-00',
    '2024-01-32',
    '2023-2-3',
    '23-02-03',
    '2023/02/03',
    '20230203',
    '2023-02-03 ',
    ' 2023-02-03',
    '2023-02-03T00:00:00Z',
    '0000-01-01',
    '',
    '２０２４-01-01',
  ])('rejects %j', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });
  it('rejects non-strings', () => {
    expect(isValidIsoDate(undefined)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(20240101)).toBe(false);
    expect(isValidIsoDate(new Date())).toBe(false);
  });
});

describe('date primitives', () => {
  it('leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(fromEpochDay(19782)).toBe('2024-02-29');
  });

  it('round-trips against Date.UTC for every day 1899–2101', () => {
    const DAY = 86_400_000;
    // Mismatches are collected and compared once: 74,000 days × 3 `expect` calls take seconds on a busy machine.
    const mismatches: string[] = [];
    let days = 0;
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += DAY) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const n = t / DAY;
      days++;
      if (toEpochDay(iso) !== n) mismatches.push(`toEpochDay(${iso}) = ${toEpochDay(iso)}, want ${n}`);
      if (fromEpochDay(n) !== iso) mismatches.push(`fromEpochDay(${n}) = ${fromEpochDay(n)}, want ${iso}`);
      if (dayOfWeek(iso) !== new Date(t).getUTCDay()) mismatches.push(`dayOfWeek(${iso}) = ${dayOfWeek(iso)}`);
    }
    expect(days).toBe(74_144);
    expect(mismatches).toEqual([]);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('weekdays', () => {
    expect(dayOfWeek('2024-10-01')).toBe(2); // Tuesday
    expect(dayOfWeek('2024-09-14')).toBe(6); // Saturday
    expect(dayOfWeek('2024-09-15')).toBe(0); // Sunday
    expect(isWeekend('2024-09-14')).toBe(true);
    expect(isWeekend('2024-09-15')).toBe(true);
    expect(isWeekend('2024-09-16')).toBe(false);
  });
});

describe('calendarFromEntries', () => {
  const cal = calendarFromEntries([
    { date: '2024-10-07', kind: 'holiday', name: 'National Day' }, // Monday given off
    { date: '2024-10-12', kind: 'workday', name: 'National Day' }, // Saturday make-up
    { date: '2024-10-05', kind: 'holiday', name: 'National Day' }, // Saturday holiday
  ]);

  it('applies the rest-day semantics', () => {
    expect(cal.isRestDay('2024-10-07')).toBe(true); // weekday given off
    expect(cal.isRestDay('2024-10-12')).toBe(false); // make-up Saturday
    expect(cal.isRestDay('2024-10-05')).toBe(true); // holiday on a Saturday
    expect(cal.isRestDay('2024-10-13')).toBe(true); // unlisted Sunday
    expect(cal.isRestDay('2024-10-08')).toBe(false); // unlisted Tuesday
    expect(cal.isRestDay('2024-10-01')).toBe(false); // not listed in this calendar
  });

  it('exposes entries sorted, years and coverage', () => {
    expect(cal.entries.map((e) => e.date)).toEqual(['2024-10-05', '2024-10-07', '2024-10-12']);
    expect(cal.years).toEqual([2024]);
    expect(cal.covers('2024-01-01')).toBe(true);
    expect(cal.covers('2025-01-01')).toBe(false);
    expect(cal.entryFor('2024-10-12')).toEqual({ date: '2024-10-12', kind: 'workday', name: 'National Day' });
    expect(cal.entryFor('2024-10-13')).toBeUndefined();
  });

  it('a later entry for the same date wins, and input is not aliased', () => {
    const input: CalendarEntry[] = [
      { date: '2030-01-05', kind: 'workday', name: 'A' },
      { date: '2030-01-05', kind: 'holiday', name: 'B' },
    ];
    const c = calendarFromEntries(input);
    expect(c.isRestDay('2030-01-05')).toBe(true);
    expect(c.entries).toHaveLength(1);
    input[1]!.kind = 'workday';
    expect(c.isRestDay('2030-01-05')).toBe(true);
  });

  it('empty calendar = weekends only', () => {
    const c = calendarFromEntries([]);
    expect(c.years).toEqual([]);
    expect(c.isRestDay('2024-10-01')).toBe(false);
    expect(c.isRestDay('2024-10-05')).toBe(true);
    expect(weekendOnlyCalendar.isRestDay('2024-10-05')).toBe(true);
    expect(weekendOnlyCalendar.isRestDay('2024-10-04')).toBe(false);
  });
});

describe('parseHolidayCsv: accepted input', () => {
  it('parses a simple file', () => {
    expect(parseHolidayCsv(csv('2024-10-01,holiday,National Day', '2024-10-12,workday,National Day'))).toEqual({
      entries: [
        { date: '2024-10-01', kind: 'holiday', name: 'National Day' },
        { date: '2024-10-12', kind: 'workday', name: 'National Day' },
      ],
      errors: [],
    });
  });

  it('tolerates a BOM, CRLF, trailing blank lines and blank lines in between', () => {
    const text = '\uFEFFdate,kind,name\r\n2024-10-01,holiday,National Day\r\n\r\n2024-10-02,holiday,National Day\r\n\r\n\r\n';
    const r = parseHolidayCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => e.date)).toEqual(['2024-10-01', '2024-10-02']);
  });

  it('tolerates bare CR line ends and no final newline', () => {
    const r = parseHolidayCsv('date,kind,name\r2024-10-01,holiday,A\r2024-10-02,holiday,B');
    expect(r.errors).toEqual([]);
    expect(r.entries).toHaveLength(2);
  });

  it('accepts quoted names with commas and escaped quotes', () => {
    const r = parseHolidayCsv(csv('2024-10-01,holiday,"National Day, first day"', '2024-10-02,holiday,"The ""Golden"" Week"'));
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => e.name)).toEqual(['National Day, first day', 'The "Golden" Week']);
  });

  it('accepts quoted dates and kinds, spaces around fields, upper-case header and kinds', () => {
    const r = parseHolidayCsv('Date, Kind ,NAME\n "2024-10-01" , HOLIDAY ,  National Day  \n');
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([{ date: '2024-10-01', kind: 'holiday', name: 'National Day' }]);
  });

  it('accepts Chinese names', () => {
    const r = parseHolidayCsv(csv('2024-02-10,holiday,春节'));
    expect(r.entries).toEqual([{ date: '2024-02-10', kind: 'holiday', name: '春节' }]);
  });

  it('a quoted name spanning lines is collapsed, and later line numbers stay right', () => {
    const r = parseHolidayCsv(csv('2024-10-01,holiday,"National\nDay"', '2024-10-02,rest,X'));
    expect(r.entries).toEqual([{ date: '2024-10-01', kind: 'holiday', name: 'National Day' }]);
    expect(r.errors).toEqual([issue(4, 'kind', 'invalidKind')]);
  });

  it('accepts a name of exactly MAX_NAME_LENGTH characters', () => {
    const r = parseHolidayCsv(csv(`2024-10-01,holiday,${'x'.repeat(MAX_NAME_LENGTH)}`));
    expect(r.errors).toEqual([]);
    expect(r.entries).toHaveLength(1);
  });

  it('header only = no entries, no errors', () => {
    expect(parseHolidayCsv('date,kind,name\n')).toEqual({ entries: [], errors: [] });
    expect(parseHolidayCsv('date,kind,name')).toEqual({ entries: [], errors: [] });
  });

  it('accepts any date, including a holiday on a weekend', () => {
    const r = parseHolidayCsv(csv('2022-12-31,holiday,New Year', '1999-01-01,holiday,Old'));
    expect(r.errors).toEqual([]);
    expect(r.entries).toHaveLength(2);
  });
});

describe('parseHolidayCsv: every error code', () => {
  it('empty', () => {
    expect(parseHolidayCsv('')).toEqual({ entries: [], errors: [issue(0, 'file', 'empty')] });
    expect(parseHolidayCsv('\n\r\n  \n')).toEqual({ entries: [], errors: [issue(0, 'file', 'empty')] });
    expect(parseHolidayCsv('\uFEFF')).toEqual({ entries: [], errors: [issue(0, 'file', 'empty')] });
  });

  it('tooLarge (characters)', () => {
    const text = csv('2024-10-01,holiday,A') + ' '.repeat(MAX_CSV_CHARS);
    expect(parseHolidayCsv(text)).toEqual({ entries: [], errors: [issue(0, 'file', 'tooLarge')] });
  });

  it('tooLarge (rows)', () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, () => '2024-10-01,holiday,A');
    expect(parseHolidayCsv(csv(...rows))).toEqual({ entries: [], errors: [issue(0, 'file', 'tooLarge')] });
  });

  it('exactly MAX_CSV_ROWS rows is not too large', () => {
    const rows = Array.from({ length: MAX_CSV_ROWS }, (_, i) => `${addDays('2000-01-03', i * 7)},holiday,A`);
    const r = parseHolidayCsv(csv(...rows));
    expect(r.errors).toEqual([]);
    expect(r.entries).toHaveLength(MAX_CSV_ROWS);
  });

  it.each(['date,type,name', 'date,kind', 'date,kind,name,extra', 'kind,date,name', '2024-10-01,holiday,National Day'])(
    'badHeader: %j',
    (header) => {
      expect(parseHolidayCsv(`${header}\n2024-10-02,holiday,X\n`)).toEqual({ entries: [], errors: [issue(1, 'header', 'badHeader')] });
    },
  );

  it('badHeader is reported on the first non-blank line', () => {
    expect(parseHolidayCsv('\n\nfoo\n').errors).toEqual([issue(3, 'header', 'badHeader')]);
  });

  it('unterminatedQuote keeps the rows before it', () => {
    const r = parseHolidayCsv(csv('2024-10-01,holiday,A', '2024-10-02,holiday,"B', '2024-10-03,holiday,C'));
    expect(r.entries).toEqual([{ date: '2024-10-01', kind: 'holiday', name: 'A' }]);
    expect(r.errors).toEqual([issue(3, 'file', 'unterminatedQuote')]);
  });

  it('unterminatedQuote in the header', () => {
    expect(parseHolidayCsv('"date,kind,name\n').errors).toEqual([issue(1, 'file', 'unterminatedQuote')]);
  });

  it('wrongColumnCount for an unquoted comma in the name', () => {
    const r = parseHolidayCsv(csv("2024-10-01,holiday,National Day, first day", '2024-10-02,holiday,B'));
    expect(r.errors).toEqual([issue(2, 'file', 'wrongColumnCount')]);
    expect(r.entries.map((e) => e.date)).toEqual(['2024-10-02']);
  });

  it('missingDate', () => {
    expect(parseHolidayCsv(csv(',holiday,A')).errors).toEqual([issue(2, 'date', 'missingDate')]);
  });

  it.each(['2023-02-30', '2023-2-3', '2024/10/01', '2024-10-1', 'tomorrow', '2023-02-29'])('invalidDate: %s', (d) => {
    expect(parseHolidayCsv(csv(`${d},holiday,A`))).toEqual({ entries: [], errors: [issue(2, 'date', 'invalidDate')] });
  });

  it('missingKind', () => {
    expect(parseHolidayCsv(csv('2024-10-01,,A')).errors).toEqual([issue(2, 'kind', 'missingKind')]);
  });

  it.each(['rest', 'off', 'holidays', '休', 'work day'])('invalidKind: %s', (k) => {
    expect(parseHolidayCsv(csv(`2024-10-01,${k},A`))).toEqual({ entries: [], errors: [issue(2, 'kind', 'invalidKind')] });
  });

  it('missingName', () => {
    expect(parseHolidayCsv(csv('2024-10-01,holiday,')).errors).toEqual([issue(2, 'name', 'missingName')]);
    expect(parseHolidayCsv(csv('2024-10-01,holiday,"   "')).errors).toEqual([issue(2, 'name', 'missingName')]);
  });

  it('a row with only a date reports the missing kind and name', () => {
    expect(parseHolidayCsv(csv('2024-10-01')).errors).toEqual([issue(2, 'kind', 'missingKind'), issue(2, 'name', 'missingName')]);
  });

  it('nameTooLong', () => {
    const r = parseHolidayCsv(csv(`2024-10-01,holiday,${'x'.repeat(MAX_NAME_LENGTH + 1)}`));
    expect(r).toEqual({ entries: [], errors: [issue(2, 'name', 'nameTooLong')] });
  });

  it('duplicateDate flags the later row and keeps the first', () => {
    const r = parseHolidayCsv(csv('2024-10-01,holiday,A', '2024-10-02,holiday,B', '2024-10-01,workday,C'));
    expect(r.entries).toEqual([
      { date: '2024-10-01', kind: 'holiday', name: 'A' },
      { date: '2024-10-02', kind: 'holiday', name: 'B' },
    ]);
    expect(r.errors).toEqual([issue(4, 'date', 'duplicateDate')]);
  });

  it('a row rejected for another reason does not block its date', () => {
    const r = parseHolidayCsv(csv('2024-10-01,rest,A', '2024-10-01,holiday,B'));
    expect(r.entries).toEqual([{ date: '2024-10-01', kind: 'holiday', name: 'B' }]);
    expect(r.errors).toEqual([issue(2, 'kind', 'invalidKind')]);
  });

  it('workdayNotWeekend is a warning and keeps the entry', () => {
    // 2024-01-03 is a Wednesday.
    const r = parseHolidayCsv(csv('2024-01-03,workday,Odd', '2024-09-14,workday,Mid-Autumn Festival'));
    expect(r.entries).toEqual([
      { date: '2024-01-03', kind: 'workday', name: 'Odd' },
      { date: '2024-09-14', kind: 'workday', name: 'Mid-Autumn Festival' },
    ]);
    expect(r.errors).toEqual([issue(2, 'kind', 'workdayNotWeekend', 'warning')]);
  });

  it('collects several errors in line order, on the right lines', () => {
    const text = ['date,kind,name', '2024-10-01,holiday,A', '', '2023-02-30,holiday,B', '2024-10-03,nope,', '2024-10-01,holiday,D'].join('\r\n');
    const r = parseHolidayCsv(text);
    expect(r.entries).toEqual([{ date: '2024-10-01', kind: 'holiday', name: 'A' }]);
    expect(r.errors).toEqual([
      issue(4, 'date', 'invalidDate'),
      issue(5, 'kind', 'invalidKind'),
      issue(5, 'name', 'missingName'),
      issue(6, 'date', 'duplicateDate'),
    ]);
  });

  it('never throws on garbage', () => {
    for (const t of ['"', '""', ',,,', '\u0000', 'date,kind,name\n"""', 'date,kind,name\n,\n,,\n"a"b,c,d']) {
      expect(() => parseHolidayCsv(t)).not.toThrow();
    }
  });
});

describe('toHolidayCsv', () => {
  it('round-trips through the parser, quoting when needed', () => {
    const entries: CalendarEntry[] = [
      { date: '2024-10-02', kind: 'holiday', name: 'Comma, name' },
      { date: '2024-10-01', kind: 'holiday', name: 'Quote "q"' },
      { date: '2024-10-12', kind: 'workday', name: 'Plain' },
    ];
    const text = toHolidayCsv(entries);
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(text).toContain('"Comma, name"');
    const r = parseHolidayCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([entries[1], entries[0], entries[2]]);
  });
});

describe('the shipped CSV and its generated TS copy', () => {
  const text = readFileSync(new URL('../../prisma/seed/holidays-cn.csv', import.meta.url), 'utf8');
  const parsed = parseHolidayCsv(text);

  it('parses without errors or warnings', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.length).toBe(text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
  });

  it('official-calendar.ts equals the CSV (regenerate with npx tsx scripts/gen-official-calendar.ts)', () => {
    expect(OFFICIAL_CALENDAR_ENTRIES).toEqual(parsed.entries);
    expect(OFFICIAL_CALENDAR_YEARS).toEqual([...new Set(parsed.entries.map((e) => Number(e.date.slice(0, 4))))].sort());
  });

  it('covers 2022–2026 with known anchor days', () => {
    expect(OFFICIAL_CALENDAR_YEARS).toEqual([2022, 2023, 2024, 2025, 2026]);
    const cal = calendarFromEntries(OFFICIAL_CALENDAR_ENTRIES);
    expect(cal.entryFor('2024-10-01')?.kind).toBe('holiday');
    expect(cal.entryFor('2024-09-14')?.kind).toBe('workday');
    expect(cal.entryFor('2026-02-28')).toEqual({ date: '2026-02-28', kind: 'workday', name: 'Spring Festival' });
    // every make-up workday is a Saturday or Sunday
    for (const e of OFFICIAL_CALENDAR_ENTRIES) if (e.kind === 'workday') expect(isWeekend(e.date), e.date).toBe(true);
  });
});
