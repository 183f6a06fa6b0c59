/**
 * Holiday calendar: data shape, the calendar built from entries and the CSV parser used by the
 * administrator's import.
 *
 * Semantics (DOMAIN.md §1): a rest day is a Saturday, a Sunday or an official
 * holiday, unless the State Council's notice makes it a make-up working day
 * (调休上班, kind `workday`), which then counts as a working day; a weekday given
 * off (kind `holiday`) counts as a rest day. Unlisted weekdays work, unlisted
 * weekends rest.
 *
 * Pure: no I/O, no framework imports. Dates are ISO calendar dates `YYYY-MM-DD`;
 * the arithmetic on them lives in `lib/domain/dates`.
 */
import { isValidIsoDate, isWeekend } from '@/lib/domain/dates';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarEntry {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** `holiday` = official day off; `workday` = make-up working day (调休上班). */
  kind: CalendarDayKind;
  /** Display name of the holiday the entry belongs to, e.g. "Spring Festival". */
  name: string;
}

/** Anything that can tell rest days from working days. */
export interface Calendar {
  /** True for a rest day (weekend not made a workday, or official holiday). `date` must be a valid ISO date. */
  isRestDay(date: string): boolean;
}

/** A calendar built from explicit entries (what `calendarFromEntries` returns). */
export interface EntryCalendar extends Calendar {
  /** The entry listed for `date`, if any. */
  entryFor(date: string): CalendarEntry | undefined;
  /**
   * True when the calendar lists at least one entry in the year of `date`.
   * Outside covered years only weekends are rest days, which is probably
   * wrong (the year's notice has not been imported yet): callers may warn.
   */
  covers(date: string): boolean;
  /** Years with at least one entry, ascending. */
  readonly years: readonly number[];
  /** The entries, sorted by date. */
  readonly entries: readonly CalendarEntry[];
}

// ---------------------------------------------------------------------------
// Calendars
// ---------------------------------------------------------------------------

/** A calendar with no official days: only Saturdays and Sundays rest. */
export const weekendOnlyCalendar: Calendar = {
  isRestDay: (date) => isWeekend(date),
};

/**
 * Builds a calendar from entries. A later entry for the same date replaces an
 * earlier one (the CSV parser already rejects duplicates).
 */
export function calendarFromEntries(entries: readonly CalendarEntry[]): EntryCalendar {
  const byDate = new Map<string, CalendarEntry>();
  for (const e of entries) byDate.set(e.date, { date: e.date, kind: e.kind, name: e.name });
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const yearSet = new Set(sorted.map((e) => Number(e.date.slice(0, 4))));
  const years = [...yearSet].sort((a, b) => a - b);
  return {
    isRestDay(date) {
      const e = byDate.get(date);
      if (e) return e.kind === 'holiday';
      return isWeekend(date);
    },
    entryFor: (date) => byDate.get(date),
    covers: (date) => yearSet.has(Number(date.slice(0, 4))),
    years,
    entries: sorted,
  };
}

// ---------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------

/** Largest accepted CSV text, in characters. */
export const MAX_CSV_CHARS = 256 * 1024;
/** Largest accepted number of data rows. */
export const MAX_CSV_ROWS = 5000;
/** Longest accepted holiday name, in characters. */
export const MAX_NAME_LENGTH = 100;

export type CsvIssueField = 'date' | 'kind' | 'name' | 'header' | 'file';

/**
 * Issue codes (the UI localizes them):
 * - `empty` (file): no header line at all.
 * - `tooLarge` (file): more than MAX_CSV_CHARS characters or MAX_CSV_ROWS rows; nothing is imported.
 * - `badHeader` (header): the first line is not `date,kind,name`; nothing is imported.
 * - `unterminatedQuote` (file): a quoted field is never closed; rows from that line on are ignored.
 * - `wrongColumnCount` (file): a row with more than 3 fields (quote names containing commas).
 * - `missingDate` / `invalidDate` (date): empty, or not a real `YYYY-MM-DD` date.
 * - `missingKind` / `invalidKind` (kind): empty, or not `holiday`/`workday`.
 * - `missingName` / `nameTooLong` (name): empty, or longer than MAX_NAME_LENGTH.
 * - `duplicateDate` (date): the date was already listed on an earlier row; the later row is dropped.
 * - `workdayNotWeekend` (kind, severity `warning`): a make-up workday that is not a Saturday
 *   or Sunday (harmless but probably a typo); the entry is still imported.
 */
export type CsvIssueCode =
  | 'empty'
  | 'tooLarge'
  | 'badHeader'
  | 'unterminatedQuote'
  | 'wrongColumnCount'
  | 'missingDate'
  | 'invalidDate'
  | 'missingKind'
  | 'invalidKind'
  | 'missingName'
  | 'nameTooLong'
  | 'duplicateDate'
  | 'workdayNotWeekend';

export interface CsvIssue {
  /** 1-based line of the file where the row starts (header = line 1); 0 for whole-file issues. */
  line: number;
  field: CsvIssueField;
  code: CsvIssueCode;
  /** `error`: the row (or file) is not imported. `warning`: imported, but worth a look. */
  severity: 'error' | 'warning';
}

export interface HolidayCsvResult {
  /** Valid rows, in file order (rows with an error are left out). */
  entries: CalendarEntry[];
  /** Errors and warnings, ordered by line. */
  errors: CsvIssue[];
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180-ish tokenizer: `"` quoting with `""` escapes, quoted fields may span lines. */
function tokenize(text: string): { records: CsvRecord[]; unterminatedAt: number | null } {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      // Start of a field. Leading spaces before a quote are tolerated.
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < n && text[j] === '"') {
        i = j + 1;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            line++;
            field += ' ';
            i++;
            continue;
          }
          field += c;
          i++;
        }
        if (!closed) return { records, unterminatedAt: recordLine };
        // Anything after the closing quote up to the separator is appended (lenient).
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          field += text[i];
          i++;
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i++;
        if (i >= n) {
          fields.push('');
          endOfRecord = true;
        }
      } else {
        // Line break: \r\n, \n or \r.
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        endOfRecord = true;
      }
    }
    records.push({ line: recordLine, fields });
  }
  return { records, unterminatedAt: null };
}

function isBlankRecord(r: CsvRecord): boolean {
  return r.fields.every((f) => f.trim() === '');
}

/**
 * Parses the administrator's holiday CSV (format of `prisma/seed/holidays-cn.csv`):
 * header `date,kind,name`, then one row per official day, kind `holiday` or
 * `workday` (make-up working day). Tolerates a UTF-8 BOM, CRLF/CR line ends,
 * blank lines, spaces around fields, upper-case kinds, and quoted names with
 * commas (`"Day, long"`, `""` for a quote inside).
 *
 * Never throws: problems come back as coded issues. Rows with an error are left
 * out of `entries`; warnings (`workdayNotWeekend`) keep the row.
 */
export function parseHolidayCsv(text: string): HolidayCsvResult {
  const entries: CalendarEntry[] = [];
  const errors: CsvIssue[] = [];
  const err = (line: number, field: CsvIssueField, code: CsvIssueCode): void => {
    errors.push({ line, field, code, severity: 'error' });
  };

  if (text.length > MAX_CSV_CHARS) {
    err(0, 'file', 'tooLarge');
    return { entries, errors };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { records, unterminatedAt } = tokenize(body);
  const rows = records.filter((r) => !isBlankRecord(r));

  const header = rows[0];
  if (!header) {
    if (unterminatedAt !== null) err(unterminatedAt, 'file', 'unterminatedQuote');
    else err(0, 'file', 'empty');
    return { entries, errors };
  }
  const headerCells = header.fields.map((f) => f.trim().toLowerCase());
  if (headerCells.length !== 3 || headerCells[0] !== 'date' || headerCells[1] !== 'kind' || headerCells[2] !== 'name') {
    err(header.line, 'header', 'badHeader');
    return { entries, errors };
  }
  if (rows.length - 1 > MAX_CSV_ROWS) {
    err(0, 'file', 'tooLarge');
    return { entries, errors };
  }

  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    const { line, fields } = row;
    if (fields.length > 3) {
      err(line, 'file', 'wrongColumnCount');
      continue;
    }
    const date = (fields[0] ?? '').trim();
    const kindRaw = (fields[1] ?? '').trim().toLowerCase();
    const name = (fields[2] ?? '').trim().replace(/\s+/g, ' ');
    let ok = true;

    if (date === '') {
      err(line, 'date', 'missingDate');
      ok = false;
    } else if (!isValidIsoDate(date)) {
      err(line, 'date', 'invalidDate');
      ok = false;
    } else if (seen.has(date)) {
      err(line, 'date', 'duplicateDate');
      ok = false;
    }

    let kind: CalendarDayKind | null = null;
    if (kindRaw === '') {
      err(line, 'kind', 'missingKind');
      ok = false;
    } else if (kindRaw === 'holiday' || kindRaw === 'workday') {
      kind = kindRaw;
    } else {
      err(line, 'kind', 'invalidKind');
      ok = false;
    }

    if (name === '') {
      err(line, 'name', 'missingName');
      ok = false;
    } else if (name.length > MAX_NAME_LENGTH) {
      err(line, 'name', 'nameTooLong');
      ok = false;
    }

    if (!ok || kind === null) continue;
    seen.add(date);
    if (kind === 'workday' && !isWeekend(date)) {
      errors.push({ line, field: 'kind', code: 'workdayNotWeekend', severity: 'warning' });
    }
    entries.push({ date, kind, name });
  }

  if (unterminatedAt !== null) err(unterminatedAt, 'file', 'unterminatedQuote');
  errors.sort((a, b) => a.line - b.line);
  return { entries, errors };
}

/** Quotes a CSV field when needed. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serializes entries back to the import format (header + rows sorted by date, `\n` line ends). */
export function toHolidayCsv(entries: readonly CalendarEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ['date,kind,name', ...sorted.map((e) => `${e.date},${e.kind},${csvField(e.name)}`)].join('\n') + '\n';
}
