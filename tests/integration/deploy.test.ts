/**
 * The runtime migrator (scripts/db/deploy.mjs): what production runs to apply migrations.
 *
 * With TEST_DATABASE_URL each scenario gets a PostgreSQL database of its own (random name,
 * dropped afterwards); without it, an in-process PGlite. The bookkeeping is checked against
 * Prisma's own schema engine (scripts/db/engine.ts) both ways: what one writes, the other accepts.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DeployError, deployMigrations, deployToUrl, readMigrations } from '../../scripts/db/deploy.mjs';
import { openMigrator } from '../../scripts/db/engine';
import { defaultMigrationsDir, listMigrations } from '../../scripts/db/folder';
import { openScratchDb, type ScratchDb } from './support';

const adminUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const DEPLOY_SCRIPT = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'db', 'deploy.mjs');

const scratches: ScratchDb[] = [];
const tmpDirs: string[] = [];
async function scratch() {
  const s = await openScratchDb('liaison_deploy');
  scratches.push(s);
  return s;
}
/** A copy of prisma/migrations to add broken or edited migrations to. */
async function migrationsCopy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'liaison-deploy-test-'));
  tmpDirs.push(dir);
  const migrationsDir = path.join(dir, 'migrations');
  await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
  return migrationsDir;
}
async function addMigration(migrationsDir: string, name: string, sql: string) {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql);
}

const records = (s: ScratchDb) =>
  s.sql(
    'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, ' +
      'applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name',
  );
const tableColumns = (s: ScratchDb) =>
  s.sql(
    "SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns " +
      "WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
  );

/** Tests that also start the wasm engine (compiling it and its shadow PGlites is slow on a busy machine). */
const ENGINE_TIMEOUT = 180_000;

afterAll(async () => {
  await Promise.all(scratches.map((s) => s.close().catch(() => undefined)));
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe(`runtime migrator on ${adminUrl ? 'PostgreSQL (TEST_DATABASE_URL)' : 'in-process PGlite'}`, () => {
  it('applies every migration to an empty database, in order, with Prisma bookkeeping', async () => {
    const s = await scratch();
    const all = await listMigrations();
    expect(all.length).toBeGreaterThan(0);

    const result = await deployMigrations(s.conn);
    expect(result).toEqual({ applied: all, edited: [], missingLocally: [] });

    const rows = await records(s);
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    for (const r of rows) {
      const sql = await readFile(path.join(defaultMigrationsDir, String(r.migration_name), 'migration.sql'));
      expect(r).toMatchObject({
        checksum: createHash('sha256').update(sql).digest('hex'),
        finished: true,
        rolled_back: false,
        applied_steps_count: 1,
        logs: null,
      });
    }
    // The schema is there, including the hand-written audit trigger of the first migration.
    const tables = await s.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['User', 'AuditEvent', 'Recommendation']));
    const triggers = await s.sql("SELECT tgname FROM pg_trigger WHERE tgrelid = '\"AuditEvent\"'::regclass AND NOT tgisinternal");
    expect(triggers.length).toBeGreaterThan(0);
  });

  it('is idempotent: a second run applies nothing and writes nothing', async () => {
    const s = await scratch();
    await deployMigrations(s.conn);
    const before = await records(s);
    expect(await deployMigrations(s.conn)).toEqual({ applied: [], edited: [], missingLocally: [] });
    expect(await records(s)).toEqual(before);
  });

  it("agrees with Prisma's schema engine both ways (table, checksums, status, drift)", async () => {
    const ours = await scratch();
    const theirs = await scratch();
    await deployMigrations(ours.conn);

    const engineOnOurs = await openMigrator(ours.target);
    const engineOnTheirs = await openMigrator(theirs.target);
    try {
      // The engine finds our database up to date: nothing pending, failed or edited (same
      // checksums), and no drift between the live schema and the migrations.
      const status = await engineOnOurs.migrationStatus();
      expect(status).toMatchObject({ pending: [], failed: [], edited: [], missingLocally: [], drift: null, upToDate: true });
      expect(status.applied).toEqual(await listMigrations());
      // A database the engine migrated is up to date for ours, with the same bookkeeping table.
      await engineOnTheirs.applyMigrations();
    } finally {
      await engineOnOurs.close();
      await engineOnTheirs.close();
    }
    expect(await deployMigrations(theirs.conn)).toEqual({ applied: [], edited: [], missingLocally: [] });
    expect(await tableColumns(ours)).toEqual(await tableColumns(theirs));
    const pick = (rs: Record<string, unknown>[]) => rs.map((r) => [r.migration_name, r.checksum, r.applied_steps_count]);
    expect(pick(await records(ours))).toEqual(pick(await records(theirs)));
  }, ENGINE_TIMEOUT);

  it('records a failed migration, then refuses to apply anything until it is resolved', async () => {
    const s = await scratch();
    const migrationsDir = await migrationsCopy();
    const all = await listMigrations();
    // A migration whose second statement fails: the whole script is rolled back.
    await addMigration(migrationsDir, '20990101000000_broken', 'CREATE TABLE "Broken" (id INTEGER);\nSELECT 1 / 0;\n');

    const err = await deployMigrations(s.conn, { migrationsDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as DeployError).message).toMatch(/20990101000000_broken failed: 22012: division by zero/);
    expect((err as DeployError).failed).toEqual(['20990101000000_broken']);
    const rows = await records(s);
    expect(rows.map((r) => r.migration_name)).toEqual([...all, '20990101000000_broken']);
    expect(rows.at(-1)).toMatchObject({ finished: false, rolled_back: false, applied_steps_count: 0 });
    expect(String(rows.at(-1)!.logs)).toMatch(/division by zero/);
    expect(await s.sql("SELECT to_regclass('\"Broken\"') AS t")).toEqual([{ t: null }]);

    // The engine sees the same failure.
    const engine = await openMigrator(s.target, { migrationsDir });
    try {
      expect((await engine.migrationStatus()).failed).toEqual(['20990101000000_broken']);
    } finally {
      await engine.close();
    }

    // A later migration does not apply while the failed one is unresolved.
    await addMigration(migrationsDir, '20990102000000_later', 'CREATE TABLE "Later" (id INTEGER);\n');
    const again = await deployMigrations(s.conn, { migrationsDir }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DeployError);
    expect((again as DeployError).message).toMatch(/failed migrations[\s\S]*- 20990101000000_broken[\s\S]*division by zero/);
    expect(await s.sql("SELECT to_regclass('\"Later\"') AS t")).toEqual([{ t: null }]);
    expect(await records(s)).toHaveLength(rows.length);

    // Fixed and marked rolled back, it applies again (a new row), and so does the later one.
    await writeFile(path.join(migrationsDir, '20990101000000_broken', 'migration.sql'), 'CREATE TABLE "Broken" (id INTEGER);\n');
    await s.sql("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20990101000000_broken'");
    expect((await deployMigrations(s.conn, { migrationsDir })).applied).toEqual(['20990101000000_broken', '20990102000000_later']);
    const after = await records(s);
    expect(after.filter((r) => r.migration_name === '20990101000000_broken').map((r) => [r.finished, r.rolled_back])).toEqual([
      [false, true],
      [true, false],
    ]);
  }, ENGINE_TIMEOUT);

  it('reports applied migrations that were edited or are missing on disk', async () => {
    const s = await scratch();
    const migrationsDir = await migrationsCopy();
    await addMigration(migrationsDir, '20990101000000_extra', 'CREATE TABLE "Extra" (id INTEGER);\n');
    await deployMigrations(s.conn, { migrationsDir });
    const [first] = await listMigrations({ migrationsDir });
    const file = path.join(migrationsDir, first!, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited\n`);
    await rm(path.join(migrationsDir, '20990101000000_extra'), { recursive: true });
    const lines: string[] = [];
    expect(await deployMigrations(s.conn, { migrationsDir, log: (l) => lines.push(l) })).toEqual({
      applied: [],
      edited: [first],
      missingLocally: ['20990101000000_extra'],
    });
    expect(lines).toEqual([
      `warning: ${first} was edited after it was applied`,
      'warning: 20990101000000_extra is applied but not in the migrations folder',
    ]);
  });

  it('refuses a migrations folder without the PostgreSQL lock file', async () => {
    const migrationsDir = await migrationsCopy();
    await rm(path.join(migrationsDir, 'migration_lock.toml'));
    await expect(readMigrations(migrationsDir)).rejects.toThrow(/migration_lock.toml is missing/);
  });

  it.runIf(adminUrl)('applies each migration once when two deployments start together', async () => {
    const s = await scratch();
    const [a, b] = await Promise.all([deployToUrl(s.url!), deployToUrl(s.url!)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(await listMigrations());
    expect((await records(s)).map((r) => r.migration_name)).toEqual(await listMigrations());
  });

  it.runIf(adminUrl)('runs as a plain Node script (no TypeScript loader): node scripts/db/deploy.mjs', async () => {
    const s = await scratch();
    const run = (args: string[] = []) =>
      promisify(execFile)(process.execPath, [DEPLOY_SCRIPT, ...args], { env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: s.url } });
    const first = await run();
    expect(first.stdout).toContain(`Applied ${(await listMigrations()).length} migration(s)`);
    expect((await run()).stdout).toContain('No pending migrations');
  });
});

describe('the runtime migrator needs no devDependencies', () => {
  it('imports only Node built-ins, runtime dependencies and plain JavaScript files beside it that do the same', async () => {
    const pkg = JSON.parse(await readFile(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const seen = new Set<string>();
    const check = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      const specifiers = [...source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      for (const s of specifiers) {
        if (s.startsWith('./')) {
          expect(s.endsWith('.mjs'), `${s} (from ${path.basename(file)}) is not plain JavaScript`).toBe(true);
          await check(path.resolve(path.dirname(file), s));
          continue;
        }
        expect(s.startsWith('node:') || s in pkg.dependencies, `${s} is neither a built-in nor a runtime dependency`).toBe(true);
      }
    };
    await check(DEPLOY_SCRIPT);
    expect(seen.size).toBeGreaterThan(1); // deploy.mjs and access.mjs
  });
});
