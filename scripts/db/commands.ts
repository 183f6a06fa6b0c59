/**
 * One-shot development commands on the wasm engine (open an engine, do one thing, close
 * everything), as scripts/migrate.ts and the tests use them. Applying pending migrations (deploy)
 * is not here: that is the runtime migrator, scripts/db/deploy.mjs, shared with production; the
 * engine applies only inside create, reset and drift.
 */
import path from 'node:path';

import { openMigrator, type Migrator } from './engine';
import {
  type CreateMigrationOptions,
  dirs,
  MigrationError,
  migrationSlug,
  type MigrationOptions,
  type MigrationStatus,
  type MigrationTarget,
} from './folder';
import { freshPGlite } from './pglite';

async function withMigrator<T>(
  target: MigrationTarget,
  opts: MigrationOptions | undefined,
  fn: (m: Migrator) => Promise<T>,
): Promise<T> {
  const m = await openMigrator(target, opts);
  try {
    return await fn(m);
  } finally {
    await m.close();
  }
}

/**
 * Writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql with the difference between the
 * migrations folder (replayed on a shadow PGlite) and schema.prisma; returns the folder name, or
 * null when there is nothing to do. With a target, pending migrations are applied first and the
 * new one afterwards; without one (undefined), the file is only written (`--create-only`).
 */
export async function createMigration(
  target: MigrationTarget | undefined,
  name: string,
  opts?: CreateMigrationOptions,
): Promise<string | null> {
  migrationSlug(name); // validate before any work
  if (target === undefined) {
    const scratch = await freshPGlite();
    try {
      // The scratch database gets the history applied for real, then serves as the diff basis.
      return await withMigrator({ pglite: scratch }, opts, async (m) => {
        await m.applyMigrations();
        return m.createMigration(name, { ...opts, basis: 'database' });
      });
    } finally {
      await scratch.close();
    }
  }
  return withMigrator(target, opts, async (m) => {
    // Like `prisma migrate dev`: refuse a database whose schema or history is off, bring it up to
    // date, warn about data loss, write the migration, apply it.
    const reset = await m.needsReset();
    if (reset) {
      throw new MigrationError(
        `Cannot create a migration against this database: ${reset}\n` +
          'Reset it (npm run db:reset) or fix the migration history first.',
      );
    }
    await m.applyMigrations();
    const loss = await m.evaluateDataLoss();
    for (const w of loss.warnings) opts?.onWarning?.(w);
    const created = await m.createMigration(name, opts);
    if (!created) return null;
    if (loss.unexecutable.length) {
      throw new MigrationError(
        `Wrote ${path.relative(process.cwd(), path.join(dirs(opts).migrationsDir, created, 'migration.sql'))} ` +
          'but did not apply it: it cannot run on this ' +
          `database as it is:\n- ${loss.unexecutable.join('\n- ')}\nEdit the migration (e.g. add a default or ` +
          'backfill), then run the deploy command.',
      );
    }
    await m.applyMigrations();
    return created;
  });
}

/** Which migrations are applied / pending / failed / edited, and whether the schema drifted. */
export function migrationStatus(target: MigrationTarget, opts?: MigrationOptions): Promise<MigrationStatus> {
  return withMigrator(target, opts, (m) => m.migrationStatus());
}

/** Drops everything in the database (schema public) and reapplies every migration. */
export function resetDatabase(target: MigrationTarget, opts?: MigrationOptions): Promise<{ applied: string[] }> {
  return withMigrator(target, opts, (m) => m.resetDatabase());
}

/**
 * The drift check: applies every migration to a fresh in-memory PGlite and diffs the result
 * against schema.prisma (or `opts.schemaPath`). Returns null when they agree, else the SQL that a
 * new migration would need. Triggers and functions added by hand are invisible to the engine.
 */
export async function schemaDrift(opts?: MigrationOptions): Promise<string | null> {
  const scratch = await freshPGlite();
  try {
    return await withMigrator({ pglite: scratch }, opts, async (m) => {
      // Applying for real proves every migration.sql (including hand-written SQL) runs; then the
      // live result is compared with the schema.
      await m.applyMigrations().catch((e: unknown) => {
        const message = e instanceof Error ? e.message.replace(/\nFailed migration: ([^ ]+) .*$/s, '\nFailed migration: $1') : String(e);
        throw new MigrationError(`Drift check: the migrations do not apply to a fresh database. ${message}`, {
          cause: e,
        });
      });
      return m.liveDiff();
    });
  } finally {
    await scratch.close();
  }
}
