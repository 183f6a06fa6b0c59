/**
 * The official calendar's CSV import: an administrator loads the State Council's yearly notice
 * (holidays and make-up working days); the demo seed loads prisma/seed/holidays-cn.csv through
 * this same import. Running due dates of every workflow are recomputed in the same transaction,
 * so this module imports the workflows' recomputers (they read the calendar from ./calendar.ts
 * and import nothing from here).
 */
import { parseHolidayCsv } from '@/lib/domain/calendar';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import { isSystemActor, type Actor } from '@/lib/domain/roles';
import type { Db } from './db';
import { writeAudit } from './audit';
import { toDate, toIso } from './calendar';
import { recomputeCaseDueDates } from './cases';
import { recomputeInquiryDueDates } from './inquiries';
import { recomputeDueDates } from './recommendations';

export type ImportError = ReturnType<typeof parseHolidayCsv>['errors'][number];
export type ImportResult =
  | { ok: true; years: number[]; added: number; changed: number; removed: number; unchanged: number; dueDatesChanged: number }
  | { ok: false; errors: ImportError[] };

/** Time limits of the import's one transaction (waiting for a connection, running). */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };


/**
 * Replaces the calendar of every year the file covers with the file's entries, in one
 * transaction with one audit event. A file with any error changes nothing.
 * The policy decides for every caller: an administrator, or the seed as SYSTEM_ACTOR (recorded
 * without a person).
 */
export async function importHolidayCsv(
  prisma: Db,
  actor: Actor,
  text: string,
  requestId?: string,
): Promise<ImportResult> {
  assertAllowed(decideFeature(actor, 'calendar.import'), 'calendar.import');
  const person = isSystemActor(actor) ? null : actor;
  const { entries, errors: issues } = parseHolidayCsv(text);
  // Warnings (a make-up working day on a weekday) do not stop the import; errors do.
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, errors };
  if (entries.length === 0) return { ok: false, errors: [{ line: 0, field: 'file', code: 'empty', severity: 'error' }] };

  const years = [...new Set(entries.map((e) => Number(e.date.slice(0, 4))))].sort();
  return prisma.$transaction(async (tx) => {
    const existing = await tx.calendarDay.findMany({ where: { year: { in: years } } });
    const before = new Map(existing.map((d) => [toIso(d.date), d]));
    const incoming = new Map(entries.map((e) => [e.date, e]));
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    for (const e of entries) {
      const kind = e.kind === 'holiday' ? 'HOLIDAY' : 'WORKDAY';
      const old = before.get(e.date);
      if (!old) {
        await tx.calendarDay.create({ data: { date: toDate(e.date), kind, name: e.name, year: Number(e.date.slice(0, 4)) } });
        added++;
      } else if (old.kind !== kind || old.name !== e.name) {
        await tx.calendarDay.update({ where: { date: old.date }, data: { kind, name: e.name } });
        changed++;
      } else {
        unchanged++;
      }
    }
    const gone = existing.filter((d) => !incoming.has(toIso(d.date)));
    if (gone.length > 0) await tx.calendarDay.deleteMany({ where: { date: { in: gone.map((d) => d.date) } } });
    const removed = gone.length;
    // Running reply deadlines follow the calendar they are computed with.
    const by = { actorId: person?.id ?? null, institutionId: person?.institutionId ?? null, requestId };
    const dueDatesChanged =
      added + changed + removed > 0 ? (await recomputeDueDates(tx, by, years)) +
          (await recomputeCaseDueDates(tx, by, years)) +
          (await recomputeInquiryDueDates(tx, by, years))
        : 0;
    if (added + changed + removed > 0) {
      await writeAudit(tx, {
        actorId: person?.id ?? null,
        institutionId: person?.institutionId ?? null,
        action: 'calendar.import',
        recordType: 'Calendar',
        recordId: years.join(','),
        summary: {
          years,
          added,
          changed,
          removed,
          removedDays: gone.map((d) => ({ date: toIso(d.date), kind: d.kind, name: d.name })),
          dueDatesChanged,
        },
        requestId,
      });
    }
    return { ok: true as const, years, added, changed, removed, unchanged, dueDatesChanged };
    // A row per day plus every running due date recomputed: on a busy server this outlasts
    // Prisma's 5 s default for an interactive transaction (the demo seed imports five years).
  }, IMPORT_TRANSACTION);
}
