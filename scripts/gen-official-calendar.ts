/**
 * Regenerates lib/domain/deadlines/official-calendar.ts from prisma/seed/holidays-cn.csv.
 *
 *   npx tsx scripts/gen-official-calendar.ts          # write the file
 *   npx tsx scripts/gen-official-calendar.ts --check  # exit 1 if the file is out of date
 *
 * Run from the repository root. Fails (exit 1) if the CSV has any error; warnings are printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHolidayCsv, type CalendarEntry } from '../lib/domain/calendar';

const CSV_PATH = 'prisma/seed/holidays-cn.csv';
const OUT_PATH = 'lib/domain/deadlines/official-calendar.ts';

function render(entries: readonly CalendarEntry[]): string {
  const years = [...new Set(entries.map((e) => e.date.slice(0, 4)))].sort();
  const rows = entries.map((e) => `  { date: ${JSON.stringify(e.date)}, kind: ${JSON.stringify(e.kind)}, name: ${JSON.stringify(e.name)} },`);
  return [
    '// GENERATED FILE: do not edit by hand.',
    `// Source: ${CSV_PATH}. Regenerate with: npx tsx scripts/gen-official-calendar.ts`,
    '',
    "import type { CalendarEntry } from '@/lib/domain/calendar';",
    '',
    `/** Years covered by the official calendar shipped with the app. */`,
    `export const OFFICIAL_CALENDAR_YEARS: readonly number[] = [${years.join(', ')}];`,
    '',
    '/** Official holidays and make-up working days (State Council notices), in file order. */',
    'export const OFFICIAL_CALENDAR_ENTRIES: readonly CalendarEntry[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}

function main(): void {
  const root = process.cwd();
  const csv = readFileSync(resolve(root, CSV_PATH), 'utf8');
  const { entries, errors } = parseHolidayCsv(csv);
  const hard = errors.filter((e) => e.severity === 'error');
  for (const e of errors) console.error(`${CSV_PATH}:${e.line} ${e.severity} ${e.field} ${e.code}`);
  if (hard.length > 0) {
    console.error(`${hard.length} error(s); ${OUT_PATH} not written.`);
    process.exit(1);
  }
  const out = render(entries);
  const outPath = resolve(root, OUT_PATH);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outPath, 'utf8');
    } catch {
      current = '';
    }
    if (current !== out) {
      console.error(`${OUT_PATH} is out of date; run npx tsx scripts/gen-official-calendar.ts`);
      process.exit(1);
    }
    console.log(`${OUT_PATH} is up to date (${entries.length} entries).`);
    return;
  }
  writeFileSync(outPath, out, 'utf8');
  console.log(`Wrote ${OUT_PATH} (${entries.length} entries).`);
}

main();
