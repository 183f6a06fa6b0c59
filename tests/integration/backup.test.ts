/**
 * Backup and restore, as docs/deployment.md says to do them, round-trip the seeded demo data:
 * - a PostgreSQL server (TEST_DATABASE_URL): pg_dump -Fc → pg_restore into a new database → the
 *   migrator re-applies the grants; same row count and content checksum in every table, the
 *   append-only triggers back, and the app role works on the restored database;
 * - the embedded demo: the closed PGlite data directory archived with tar and unpacked elsewhere
 *   opens with the same rows, as the app role (holding the seeded demo data: PGlite's own seeded
 *   template, or on a server run the server template's rows, so that it runs in CI too).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrisma } from '@/lib/data/db';
import { checkDatabase } from '@/lib/data/health';
import { DEFAULT_APP_ROLE, TABLE_ACCESS, urlAs } from '@/scripts/db/access.mjs';
import { deployMigrations, deployToUrl } from '@/scripts/db/deploy.mjs';
import { pgliteExtensions } from '@/scripts/db/pglite';
import { createServerDb, openSeededTestDb, type TestDb } from './support';

const run = promisify(execFile);
const TABLES = Object.keys(TABLE_ACCESS).sort();
type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Per table: row count and an MD5 over every row's text, in a stable order. */
async function fingerprint(query: Query) {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of TABLES) {
    const [r] = await query(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') AS md5 FROM "${t}" x`,
    );
    out[t] = { rows: Number(r!.rows), md5: String(r!.md5) };
  }
  return out;
}

/** pg_dump / pg_restore from PATH, else the newest /usr/lib/postgresql/<major>/bin. */
function pgBin(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const m of majors) if (existsSync(path.join(root, m, 'bin', name))) return path.join(root, m, 'bin', name);
  throw new Error(`${name} not found (PATH, /usr/lib/postgresql/*/bin): install the PostgreSQL client (Debian: postgresql-client)`);
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'liaison-backup-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.runIf(inject('testDb').kind === 'postgres')('PostgreSQL: pg_dump -Fc, pg_restore, migrator', () => {
  let source: TestDb;
  let restored: Awaited<ReturnType<typeof createServerDb>>;
  beforeAll(async () => {
    source = await openSeededTestDb(undefined, { as: 'owner' });
  });
  afterAll(async () => {
    await Promise.all([source?.close(), restored?.drop()]);
  });

  it('restores every table with the same rows; the grants come back from the migrator; the app role works', async () => {
    const file = path.join(tmp, 'liaison.dump');
    const started = Date.now();
    // The commands of docs/deployment.md "Backup and restore".
    await run(pgBin('pg_dump'), ['-Fc', '--no-owner', '--no-privileges', '-d', source.ownerUrl!, '-f', file]);
    restored = await createServerDb((inject('testDb') as { adminUrl: string }).adminUrl, 'liaison_restored');
    const restoredUrl = restored.url;
    await run(pgBin('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '-d', restoredUrl, file]);
    const { applied } = await deployToUrl(restoredUrl);
    expect(applied).toEqual([]);
    console.log(`pg_dump + pg_restore + grants: ${Date.now() - started} ms`);

    const sourceClient = new pg.Client({ connectionString: source.ownerUrl });
    const restoredClient = new pg.Client({ connectionString: restoredUrl });
    await Promise.all([sourceClient.connect(), restoredClient.connect()]);
    try {
      const before = await fingerprint(async (q) => (await sourceClient.query(q)).rows);
      const after = await fingerprint(async (q) => (await restoredClient.query(q)).rows);
      expect(before.AuditEvent!.rows).toBeGreaterThan(50);
      expect(before.WorkflowEvent!.rows).toBeGreaterThan(50);
      expect(after).toEqual(before);
      // The append-only triggers came back with the dump.
      await expect(restoredClient.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await expect(restoredClient.query(`TRUNCATE "WorkflowEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await Promise.all([sourceClient.end(), restoredClient.end()]);
    }

    // The app, as liaison_app, on the restored database: health, a read, a write (the sequences
    // continue after the restored rows), and still no way to change the audit log.
    const app = createPrisma(urlAs(restoredUrl), 2);
    try {
      expect((await checkDatabase(app)).ok).toBe(true);
      const maxId = (await app.auditEvent.aggregate({ _max: { id: true } }))._max.id!;
      const row = await app.auditEvent.create({ data: { action: 'test.restored', recordType: 'Test', recordId: '1' } });
      expect(row.id).toBeGreaterThan(maxId);
      await expect(app.user.updateMany({ where: { username: 'li.wen' }, data: { updatedAt: new Date() } })).resolves.toEqual({ count: 1 });
      await expect(app.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.$disconnect();
    }
  });
});

describe('embedded demo (PGlite): the data directory, closed, archived and unpacked', () => {
  it('opens elsewhere with every table the same, as the app role', { timeout: 180_000 }, async () => {
    const cfg = inject('testDb');
    const live = path.join(tmp, 'live', 'pglite');
    await mkdir(path.dirname(live), { recursive: true });
    // The demo's data directory holding the seeded demo data: from the seeded template when that
    // is a PGlite dump, else the server's seeded template's rows loaded into a migrated PGlite
    // (seeding PGlite again would take a minute).
    let db: PGlite;
    if (cfg.kind === 'pglite') {
      db = await PGlite.create({ dataDir: live, loadDataDir: new Blob([await readFile(cfg.dumps.seeded)]), extensions: await pgliteExtensions() });
    } else {
      const source = await openSeededTestDb(undefined, { as: 'owner' });
      let rows: string;
      try {
        rows = (
          await run(pgBin('pg_dump'), ['--data-only', '--inserts', '--disable-triggers', '--exclude-table-data=_prisma_migrations', '-d', source.ownerUrl!], {
            maxBuffer: 256 * 1024 * 1024,
          })
        ).stdout;
      } finally {
        await source.close();
      }
      db = await PGlite.create({ dataDir: live, extensions: await pgliteExtensions() });
      await deployMigrations({ query: (t, v) => db.query(t, v), exec: (s) => db.exec(s) });
      // Plain SQL for psql: its meta-commands (\restrict, \unrestrict) are not SQL.
      await db.exec(rows.replace(/^\\.*$/gm, ''));
      await db.exec('RESET ALL'); // the dump empties search_path for its session
    }
    const before = await fingerprint(async (q) => (await db.query<Record<string, unknown>>(q)).rows);
    await db.close(); // the demo stopped

    // docs/deployment.md: tar -czf … -C .data pglite; restore: tar -xzf … -C .data
    const archive = path.join(tmp, 'liaison-demo.tar.gz');
    const restoredData = path.join(tmp, 'restored');
    await mkdir(restoredData, { recursive: true });
    await run('tar', ['-czf', archive, '-C', path.dirname(live), 'pglite']);
    await run('tar', ['-xzf', archive, '-C', restoredData]);

    const restored = await PGlite.create({ dataDir: path.join(restoredData, 'pglite'), username: DEFAULT_APP_ROLE, extensions: await pgliteExtensions() });
    try {
      const after = await fingerprint(async (q) => (await restored.query<Record<string, unknown>>(q)).rows);
      expect(before.AuditEvent!.rows).toBeGreaterThan(50);
      expect(after).toEqual(before);
      expect((await restored.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u).toBe(DEFAULT_APP_ROLE);
      await expect(restored.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
      await restored.query(`INSERT INTO "AuditEvent" ("action", "recordType", "recordId") VALUES ('test.restored', 'Test', '1')`);
    } finally {
      await restored.close();
    }
  });
});
