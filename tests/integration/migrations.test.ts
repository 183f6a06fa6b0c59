/**
 * Migrations through the wasm schema engine (scripts/db/).
 *
 * With TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) the target is a
 * database of its own created on that server (random name, dropped afterwards); without it, an
 * in-process PGlite. The drift checks always use throwaway PGlite databases.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigration, schemaDrift } from '../../scripts/db/commands';
import { type Migrator, openMigrator } from '../../scripts/db/engine';
import { defaultMigrationsDir, defaultSchemaPath, listMigrations } from '../../scripts/db/folder';
import { openScratchDb, type ScratchDb } from './support';

const adminUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

const tmpDirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'liaison-migrations-test-'));
  tmpDirs.push(dir);
  return dir;
}

/** schema.prisma plus one extra optional column on User, written to a temp file. */
async function changedSchema(): Promise<string> {
  const schema = await readFile(defaultSchemaPath, 'utf8');
  const changed = schema.replace(/(model User \{\n)/, '$1  nickname      String?\n');
  expect(changed).not.toBe(schema);
  const file = path.join(await tempDir(), 'schema.prisma');
  await writeFile(file, changed);
  return file;
}

afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('drift check', () => {
  it('passes: every migration applies to a fresh database and yields exactly schema.prisma', async () => {
    // The hand-written audit trigger in the first migration is invisible to the engine.
    expect(await schemaDrift()).toBeNull();
  });

  it('fails when schema.prisma changes without a migration', async () => {
    const drift = await schemaDrift({ schemaPath: await changedSchema() });
    expect(drift).not.toBeNull();
    expect(drift).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
  });

  it('passes again once createMigration has written the missing migration', async () => {
    const schemaPath = await changedSchema();
    const migrationsDir = path.join(await tempDir(), 'migrations');
    await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
    const now = new Date(Date.UTC(2099, 0, 2, 3, 4, 5));

    const created = await createMigration(undefined, 'Add nickname', { schemaPath, migrationsDir, now });
    expect(created).toBe('20990102030405_add_nickname');
    const sql = await readFile(path.join(migrationsDir, created!, 'migration.sql'), 'utf8');
    expect(sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);

    expect(await schemaDrift({ schemaPath, migrationsDir })).toBeNull();
    // Nothing left to do: no second migration.
    expect(await createMigration(undefined, 'again', { schemaPath, migrationsDir })).toBeNull();
  });
});

describe(`migrations on ${adminUrl ? 'PostgreSQL (TEST_DATABASE_URL)' : 'in-process PGlite'}`, () => {
  let scratch: ScratchDb;
  let migrator: Migrator;
  let all: string[];

  beforeAll(async () => {
    scratch = await openScratchDb('liaison_migrations');
    // One engine for the whole block: loading it is the expensive part.
    migrator = await openMigrator(scratch.target);
    all = await listMigrations();
    expect(all.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await migrator?.close();
    await scratch?.close();
  });

  it('reports every migration pending on an empty database', async () => {
    const status = await migrator.migrationStatus();
    expect(status).toMatchObject({
      migrations: all,
      applied: [],
      pending: all,
      failed: [],
      edited: [],
      hasMigrationsTable: false,
      drift: null,
      upToDate: false,
    });
  });

  it('applies all migrations, then nothing more', async () => {
    expect(await migrator.applyMigrations()).toEqual({ applied: all });
    expect(await migrator.applyMigrations()).toEqual({ applied: [] });
  });

  it('records them in _prisma_migrations the way Prisma does', async () => {
    const rows = await scratch.sql(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    for (const row of rows) {
      const file = await readFile(path.join(defaultMigrationsDir, String(row.migration_name), 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('reports the database up to date, without drift', async () => {
    const status = await migrator.migrationStatus();
    expect(status).toMatchObject({ applied: all, pending: [], failed: [], drift: null, upToDate: true });
  });

  it('makes AuditEvent append-only', async () => {
    await scratch.sql(
      `INSERT INTO "AuditEvent" ("action", "recordType", "recordId") VALUES ('test.created', 'Test', '1')`,
    );
    await expect(scratch.sql(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(
      /audit events are append-only/,
    );
    await expect(scratch.sql(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/audit events are append-only/);
    await expect(scratch.sql(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/audit events are append-only/);
    const rows = await scratch.sql(`SELECT "action" FROM "AuditEvent"`);
    expect(rows).toEqual([{ action: 'test.created' }]);
  });

  it('detects drift in the live database', async () => {
    await scratch.sql(`ALTER TABLE "CalendarDay" ADD COLUMN "sneaky" INTEGER`);
    const status = await migrator.migrationStatus();
    expect(status.upToDate).toBe(false);
    expect(status.drift).toMatch(/CalendarDay[\s\S]*sneaky/);
  });

  it('resets: drops everything and reapplies all migrations', async () => {
    expect(await migrator.resetDatabase()).toEqual({ applied: all });
    expect(await scratch.sql(`SELECT count(*)::int AS n FROM "AuditEvent"`)).toEqual([{ n: 0 }]);
    const status = await migrator.migrationStatus();
    expect(status).toMatchObject({ applied: all, pending: [], drift: null, upToDate: true });
  });
});

describe('migration merge_recommendation_events keeps the recommendations’ history', () => {
  const MERGE = '20261201201153_merge_recommendation_events';
  let scratch: ScratchDb;

  beforeAll(async () => {
    scratch = await openScratchDb('liaison_migrations');
  });
  afterAll(async () => {
    await scratch?.close();
  });

  it('moves every RecommendationEvent row into WorkflowEvent, then drops the old table; the audit log is untouched', async () => {
    const all = await listMigrations();
    expect(all).toContain(MERGE);
    // The migrations up to before this one, in a directory of their own.
    const dir = path.join(await tempDir(), 'migrations');
    await cp(defaultMigrationsDir, dir, { recursive: true, filter: (src) => !all.some((m) => m >= MERGE && src.includes(m)) });
    const before = await openMigrator(scratch.target, { migrationsDir: dir });
    try {
      expect((await before.applyMigrations()).applied).toEqual(all.filter((m) => m < MERGE));
    } finally {
      await before.close();
    }

    const [P, C, U, K, R1, R2] = [
      '51000000-0000-4000-8000-000000000001',
      '51000000-0000-4000-8000-000000000002',
      '51000000-0000-4000-8000-000000000003',
      '51000000-0000-4000-8000-000000000004',
      '51000000-0000-4000-8000-000000000005',
      '51000000-0000-4000-8000-000000000006',
    ];
    const seed = `
      INSERT INTO "Institution" ("id", "kind", "name", "nameEn", "regionCode", "code") VALUES
        ('${P}', 'PROCURATORATE', '测试检察院', 'Test Procuratorate', '110000', 'TP'),
        ('${C}', 'COURT', '测试法院', 'Test Court', '110000', 'TC');
      INSERT INTO "User" ("id", "username", "name", "passwordHash", "role", "institutionId", "updatedAt") VALUES
        ('${U}', 'migration.tester', '迁移测试', 'x', 'PROCURATOR', '${P}', now());
      INSERT INTO "SupervisionCase" ("id", "institutionId", "number", "kind", "title", "parties", "handlerId", "updatedAt") VALUES
        ('${K}', '${P}', 'TEST-1', 'civil', '案件', '当事人', '${U}', now());
      INSERT INTO "Recommendation" ("id", "institutionId", "type", "title", "addresseeCourtId", "caseId", "facts", "violation", "recommendationText", "legalBasis", "drafterId", "status", "updatedAt") VALUES
        ('${R1}', '${P}', 'correction', '有案件的建议', '${C}', '${K}', '事实', '违法', '建议', '依据', '${U}', 'served', now()),
        ('${R2}', '${P}', 'correction', '无案件的建议', '${C}', NULL, '事实', '违法', '建议', '依据', '${U}', 'draft', now());
      INSERT INTO "RecommendationEvent" ("recommendationId", "at", "actorId", "institutionId", "visibility", "kind", "fromStatus", "toStatus", "data") VALUES
        ('${R1}', '2026-03-01T01:00:00Z', '${U}', '${P}', 'internal', 'create', NULL, 'draft', NULL),
        ('${R1}', '2026-03-02T01:00:00Z', '${U}', '${P}', 'shared', 'serve', 'issued', 'served', '{"servedOn": "2026-03-02", "method": "written"}'),
        ('${R2}', '2026-03-03T01:00:00Z', NULL, '${P}', 'internal', 'create', NULL, 'draft', NULL);
      INSERT INTO "AuditEvent" ("action", "recordType", "recordId", "at") VALUES ('recommendation.create', 'Recommendation', '${R1}', '2026-03-01T01:00:00Z');
    `;
    // One statement at a time (PGlite's extended protocol takes one per query).
    for (const statement of seed.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await scratch.sql(statement);

    const after = await openMigrator(scratch.target);
    try {
      expect((await after.applyMigrations()).applied).toEqual(all.filter((m) => m >= MERGE));
      expect(await after.migrationStatus()).toMatchObject({ pending: [], drift: null, upToDate: true });
    } finally {
      await after.close();
    }

    const rows = await scratch.sql(
      `SELECT "recordType", "recordId", "caseId", "at", "actorId", "institutionId", "visibility"::text AS "visibility", "kind", "fromStatus", "toStatus", "data"
       FROM "WorkflowEvent" ORDER BY "at", "id"`,
    );
    expect(rows).toEqual([
      { recordType: 'Recommendation', recordId: R1, caseId: K, at: new Date('2026-03-01T01:00:00Z'), actorId: U, institutionId: P, visibility: 'internal', kind: 'create', fromStatus: null, toStatus: 'draft', data: null },
      {
        recordType: 'Recommendation',
        recordId: R1,
        caseId: K,
        at: new Date('2026-03-02T01:00:00Z'),
        actorId: U,
        institutionId: P,
        visibility: 'shared',
        kind: 'serve',
        fromStatus: 'issued',
        toStatus: 'served',
        data: { servedOn: '2026-03-02', method: 'written' },
      },
      { recordType: 'Recommendation', recordId: R2, caseId: null, at: new Date('2026-03-03T01:00:00Z'), actorId: null, institutionId: P, visibility: 'internal', kind: 'create', fromStatus: null, toStatus: 'draft', data: null },
    ]);
    expect(await scratch.sql(`SELECT to_regclass('"RecommendationEvent"') IS NULL AS gone`)).toEqual([{ gone: true }]);
    expect(await scratch.sql(`SELECT "action", "recordId" FROM "AuditEvent"`)).toEqual([{ action: 'recommendation.create', recordId: R1 }]);
  });
});
