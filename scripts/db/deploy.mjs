#!/usr/bin/env node
/**
 * The runtime migrator: applies the pending `prisma/migrations/<name>/migration.sql` files, in
 * folder order (a folder's `before.mjs`, if any, runs its `before(db, { log, documents })` first: a data step
 * SQL cannot do, such as moving attachment bytes into the document store), keeping the same `_prisma_migrations` bookkeeping as `prisma migrate deploy`
 * (same table, checksums, advisory lock), so either tool can take over from the other.
 *
 * Plain JavaScript on `pg` (a runtime dependency) and Node built-ins only: a production
 * deployment runs it without devDependencies or a TypeScript loader:
 *
 *   DATABASE_URL=postgresql://… node scripts/db/deploy.mjs [--migrations <dir>]
 *
 * `npm run db:migrate` runs this same file. Creating, diffing, status and drift stay with the
 * wasm schema engine (scripts/db/engine.ts, development only). See
 * docs/decisions/0009-migrations-in-production.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { AccessError, applyAccess, DEFAULT_APP_ROLE } from './access.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultMigrationsDir = path.resolve(here, '..', '..', 'prisma', 'migrations');

/** The key Prisma's schema engine locks with, so this and `prisma migrate deploy` never overlap. */
export const ADVISORY_LOCK_KEY = 72707369;

/** `_prisma_migrations` exactly as Prisma's schema engine creates it (PostgreSQL). */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class DeployError extends Error {
  /** @param {string} message @param {{ cause?: unknown, failed?: string[] }} [options] */
  constructor(message, options = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeployError';
    /** Migrations recorded as started but not finished (nothing else applies until they are resolved). */
    this.failed = options.failed ?? [];
  }
}

/** SHA-256 of the file's bytes, hex: the checksum Prisma records. */
export function checksum(/** @type {string} */ sql) {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** The migration folders on disk, sorted by name as Prisma sorts them, with their SQL. */
export async function readMigrations(migrationsDir = defaultMigrationsDir) {
  const dir = path.resolve(migrationsDir);
  const lock = await fs.readFile(path.join(dir, 'migration_lock.toml'), 'utf8').catch(() => null);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  if (names.length && lock === null) throw new DeployError(`${path.join(dir, 'migration_lock.toml')} is missing.`);
  if (lock !== null && !/provider\s*=\s*"postgresql"/.test(lock)) {
    throw new DeployError(`${path.join(dir, 'migration_lock.toml')} does not say provider = "postgresql".`);
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      const sql = await fs.readFile(file, 'utf8').catch((e) => {
        throw new DeployError(`Cannot read ${file}: ${e.message}`, { cause: e });
      });
      const hook = path.join(dir, name, 'before.mjs');
      const before = await fs.access(hook).then(
        () => hook,
        () => null,
      );
      return { name, sql, checksum: checksum(sql), before };
    }),
  );
}

/** "CODE: message (Detail: …)" for a database error, or the plain message. */
function describeError(/** @type {any} */ e) {
  if (!e || typeof e !== 'object') return String(e);
  let text = e.code ? `${e.code}: ${e.message}` : String(e.message ?? e);
  if (e.detail) text += `\nDetail: ${e.detail}`;
  if (e.hint) text += `\nHint: ${e.hint}`;
  if (e.position) text += `\nPosition: ${e.position}`;
  return text;
}

/**
 * Applies every pending migration over one database session.
 *
 * - Waits for Prisma's advisory lock, so concurrent deployers (or `prisma migrate deploy`) apply
 *   each migration once.
 * - Refuses to apply anything while a migration is recorded as failed (started, not finished,
 *   not rolled back), as Prisma does (P3009): fix it, then mark it rolled back.
 * - Runs each migration.sql as one simple-protocol query (one implicit transaction, as Prisma's
 *   engine does); a failure is recorded in `logs` with `finished_at` left empty, and stops the run.
 * - Applied migrations whose file changed, and recorded migrations missing on disk, are reported
 *   in the result (Prisma's deploy does not stop for them either; `npm run db:migrate:status`
 *   shows them too).
 * - Then, still under the lock, makes the app role's grants match scripts/db/access.mjs
 *   (`appRole`, default liaison_app; with another migrations folder only when `appRole` is given):
 *   a table without a declared access fails the deployment.
 *
 * @param {import('./deploy.d.mts').DeployConnection} db
 * @param {import('./deploy.d.mts').DeployOptions} [opts]
 */
export async function deployMigrations(db, opts = {}) {
  const log = opts.log ?? (() => {});
  const migrations = await readMigrations(opts.migrationsDir);
  await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    await db.query(CREATE_TABLE);
    const { rows } = await db.query(
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs ' +
        'FROM "_prisma_migrations" ORDER BY started_at, migration_name',
    );
    const failed = rows.filter((r) => !r.finished && !r.rolled_back);
    if (failed.length) {
      throw new DeployError(
        `Found failed migrations in the database; new migrations will not be applied:\n` +
          failed.map((r) => `- ${r.migration_name}${r.logs ? `\n  ${String(r.logs).replace(/\n/g, '\n  ')}` : ''}`).join('\n') +
          `\nFix the migration, repair the database by hand, then mark it rolled back ` +
          `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL, ` +
          `or \`prisma migrate resolve --rolled-back <name>\`) and deploy again.`,
        { failed: failed.map((r) => String(r.migration_name)) },
      );
    }
    const done = rows.filter((r) => r.finished && !r.rolled_back);
    const appliedChecksums = new Map(done.map((r) => [String(r.migration_name), String(r.checksum)]));
    const onDisk = new Set(migrations.map((m) => m.name));
    const edited = migrations.filter((m) => appliedChecksums.has(m.name) && appliedChecksums.get(m.name) !== m.checksum).map((m) => m.name);
    const missingLocally = [...new Set(done.map((r) => String(r.migration_name)).filter((n) => !onDisk.has(n)))];
    for (const name of edited) log(`warning: ${name} was edited after it was applied`);
    for (const name of missingLocally) log(`warning: ${name} is applied but not in the migrations folder`);

    const applied = [];
    for (const m of migrations) {
      if (appliedChecksums.has(m.name)) continue;
      const id = randomUUID();
      await db.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
        [id, m.checksum, m.name],
      );
      try {
        // A data step that SQL cannot do (moving attachment bytes to the document store) runs first.
        // It is given the document store (lib/store/documents.mjs), not left to find it by path.
        if (m.before) await (await import(pathToFileURL(m.before).href)).before(db, { log, documents: await import('../../lib/store/documents.mjs') });
        await db.exec(m.sql);
      } catch (e) {
        const why = describeError(e);
        await db.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, why]);
        throw new DeployError(`Migration ${m.name} failed: ${why}`, { cause: e, failed: [m.name] });
      }
      await db.query(
        'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
        [id],
      );
      log(`applied ${m.name}`);
      applied.push(m.name);
    }
    const appRole = opts.appRole === undefined ? (opts.migrationsDir === undefined ? DEFAULT_APP_ROLE : null) : opts.appRole;
    if (appRole !== null) {
      try {
        await applyAccess(db, { role: appRole, log });
      } catch (e) {
        throw new DeployError(`Migrations applied, but the app role's grants were not: ${e instanceof AccessError ? e.message : describeError(e)}`, { cause: e });
      }
    }
    return { applied, edited, missingLocally };
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`).catch(() => {});
  }
}

/**
 * `deployMigrations` over one pg connection to `url` (PostgreSQL, or PGlite served over a socket).
 * @param {string} url
 * @param {import('./deploy.d.mts').DeployOptions} [opts]
 */
export async function deployToUrl(url, opts = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await deployMigrations(
      { query: (text, values) => client.query(text, values), exec: (script) => client.query(script) },
      opts,
    );
  } finally {
    await client.end();
  }
}

function redact(/** @type {string} */ url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * The URL the migrator connects with: DATABASE_OWNER_URL (the owner role), else DATABASE_URL with
 * a notice (the app's own URL only works before the roles are split: once DATABASE_URL is the app
 * role, which owns nothing and may not create tables, the migrator refuses it).
 * @param {NodeJS.ProcessEnv} env @param {(line: string) => void} [log]
 */
export function migratorUrl(env, log = (line) => console.error(line)) {
  const owner = env.DATABASE_OWNER_URL?.trim();
  if (owner) return owner;
  const url = env.DATABASE_URL?.trim();
  if (url) log('DATABASE_OWNER_URL is not set: migrating over DATABASE_URL, which must then be the owner role (docs/deployment.md).');
  return url || undefined;
}

async function main(/** @type {string[]} */ argv) {
  const url = migratorUrl(process.env);
  if (!url || argv.includes('--help') || argv.includes('-h')) {
    console.error(
      'Usage: DATABASE_OWNER_URL=postgresql://owner@host:port/db [DATABASE_APP_ROLE=liaison_app] node scripts/db/deploy.mjs [--migrations <dir>]\n' +
        '(without DATABASE_OWNER_URL, DATABASE_URL is used)',
    );
    return url ? 0 : 2;
  }
  const i = argv.indexOf('--migrations');
  const migrationsDir = i >= 0 ? argv[i + 1] : undefined;
  const appRole = process.env.DATABASE_APP_ROLE?.trim() || DEFAULT_APP_ROLE;
  const { applied } = await deployToUrl(url, { migrationsDir, appRole, log: (line) => console.log(line) });
  console.log(
    applied.length ? `Applied ${applied.length} migration(s) to ${redact(url)}.` : `No pending migrations on ${redact(url)}.`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e instanceof DeployError ? `Error: ${e.message}` : e);
      process.exitCode = 1;
    },
  );
}
