/**
 * Number sequences (table NumberSequence): one counter per institution, scope and year, for the
 * numbers a record is given once and never reuses — supervision case numbers (scope per case
 * kind, see `caseSequenceScope`) and recommendation numbers (`RECOMMENDATION_SEQUENCE`).
 */
import type { Db, Tx } from './db';

/** The next number of a sequence, atomically (INSERT … ON CONFLICT … RETURNING): 1 for a new one. */
export async function nextSequence(tx: Tx, institutionId: string, scope: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "NumberSequence" ("institutionId", "scope", "year", "last")
    VALUES (${institutionId}::uuid, ${scope}, ${year}, 1)
    ON CONFLICT ("institutionId", "scope", "year") DO UPDATE SET "last" = "NumberSequence"."last" + 1
    RETURNING "last"`;
  return Number(rows[0]!.last);
}

/**
 * Raises a sequence to at least `last` (never lowers it), so that the next number follows numbers
 * already used outside it (records imported or seeded with their numbers).
 */
export async function raiseSequence(prisma: Db | Tx, institutionId: string, scope: string, year: number, last: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "NumberSequence" ("institutionId", "scope", "year", "last")
    VALUES (${institutionId}::uuid, ${scope}, ${year}, ${last})
    ON CONFLICT ("institutionId", "scope", "year") DO UPDATE SET "last" = EXCLUDED."last"
    WHERE "NumberSequence"."last" < EXCLUDED."last"`;
}
