/**
 * The app's database role (liaison_app) owns nothing and holds exactly the access declared in
 * scripts/db/access.mjs: every table of the schema is classified, the grants in the database are
 * the declared ones, and the audit log and the timeline cannot be changed, emptied, unprotected
 * or dropped through the app's connection; nor can it create tables or become the owner.
 * The append-only triggers hold for the owner too. Runs on PostgreSQL (TEST_DATABASE_URL) and on
 * PGlite, whose session user is the role it is created for.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, DEFAULT_APP_ROLE, TABLE_ACCESS } from '@/scripts/db/access.mjs';
import { DeployError, deployMigrations } from '@/scripts/db/deploy.mjs';
import { openScratchDb, openSeededTestDb, type TestDb } from './support';

const PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;

let app: TestDb;
let owner: TestDb;
beforeAll(async () => {
  [app, owner] = await Promise.all([openSeededTestDb(), openSeededTestDb(undefined, { as: 'owner' })]);
});
afterAll(async () => {
  await Promise.all([app?.close(), owner?.close()]);
});

const sqlApp = (text: string) => app.prisma.$executeRawUnsafe(text);
const sqlOwner = (text: string) => owner.prisma.$executeRawUnsafe(text);
const rowsOwner = <T>(text: string, ...values: unknown[]) => owner.prisma.$queryRawUnsafe<T[]>(text, ...values);

describe('the declaration covers the schema', () => {
  it('every table and view of the schema has a declared access, and every declared table exists', async () => {
    const present = (
      await rowsOwner<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
      )
    ).map((r) => r.name);
    expect(present.length).toBeGreaterThan(15);
    expect(present.filter((t) => !(t in TABLE_ACCESS)), 'tables without an entry in scripts/db/access.mjs').toEqual([]);
    expect(Object.keys(TABLE_ACCESS).filter((t) => !present.includes(t)), 'entries without a table').toEqual([]);
  });

  it('the grants in the database are exactly the declared ones, table by table', async () => {
    const mismatches: string[] = [];
    for (const [table, kind] of Object.entries(TABLE_ACCESS)) {
      const declared = new Set<string>(ACCESS[kind]);
      for (const p of PRIVILEGES) {
        const [row] = await rowsOwner<{ has: boolean }>(`SELECT has_table_privilege($1, $2, $3) AS has`, DEFAULT_APP_ROLE, `"${table}"`, p);
        if (row!.has !== declared.has(p)) mismatches.push(`${table} ${p}: ${row!.has ? 'granted' : 'missing'}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The timeline's one column-level UPDATE.
    const cols = await rowsOwner<{ column_name: string }>(
      `SELECT column_name FROM information_schema.column_privileges
        WHERE grantee = $1 AND table_name = 'WorkflowEvent' AND privilege_type = 'UPDATE' ORDER BY 1`,
      DEFAULT_APP_ROLE,
    );
    expect(cols.map((c) => c.column_name)).toEqual(['caseId']);
  });

  it('the app role owns nothing and is not a superuser; the app connects as it', async () => {
    const [me] = await app.prisma.$queryRawUnsafe<{ u: string; sup: boolean }[]>(
      `SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS sup`,
    );
    expect(me).toEqual({ u: DEFAULT_APP_ROLE, sup: false });
    const owned = await rowsOwner<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      DEFAULT_APP_ROLE,
    );
    expect(owned[0]!.n).toBe(0);
  });
});

describe('through the app role', () => {
  const refused = /permission denied|must be owner|not allowed|must be superuser/;

  const COLUMN: Record<string, string> = { AuditEvent: 'action', WorkflowEvent: 'kind', ThreadMessage: 'body', ThreadReceipt: 'userId' };
  for (const table of ['AuditEvent', 'WorkflowEvent', 'ThreadMessage', 'ThreadReceipt']) {
    it(`"${table}": UPDATE, DELETE, TRUNCATE, disabling its triggers, ALTER and DROP are refused; nothing changes`, async () => {
      const count = async () => (await app.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      const attempts = [
        `UPDATE "${table}" SET "${COLUMN[table]}" = ${table === 'ThreadReceipt' ? '"messageId"' : "'tampered'"}`,
        `DELETE FROM "${table}"`,
        `TRUNCATE "${table}"`,
        `ALTER TABLE "${table}" DISABLE TRIGGER ALL`,
        `ALTER TABLE "${table}" DISABLE TRIGGER "${table}_append_only"`,
        `ALTER TABLE "${table}" ADD COLUMN "sneaky" INTEGER`,
        `DROP TRIGGER "${table}_append_only" ON "${table}"`,
        `DROP TABLE "${table}"`,
        `SET session_replication_role = replica`,
      ];
      for (const sql of attempts) await expect(sqlApp(sql), sql).rejects.toThrow(refused);
      expect(await count()).toBe(before);
      const [triggers] = await rowsOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = $1::regclass AND tgenabled = 'O' AND NOT tgisinternal`,
        `"${table}"`,
      );
      expect(triggers!.n).toBe(2);
    });
  }

  it('it may move a timeline event to another case (caseId), and change nothing else about it', async () => {
    const [ev] = await app.prisma.$queryRawUnsafe<{ id: bigint; caseId: string | null }[]>(`SELECT id, "caseId" FROM "WorkflowEvent" ORDER BY id LIMIT 1`);
    await expect(sqlApp(`UPDATE "WorkflowEvent" SET "caseId" = "caseId" WHERE id = ${ev!.id}`)).resolves.toBe(1);
    await expect(sqlApp(`UPDATE "WorkflowEvent" SET "data" = '{}' WHERE id = ${ev!.id}`)).rejects.toThrow(/permission denied/);
  });

  it('it creates no table, schema or function, and cannot become the owner', async () => {
    await expect(sqlApp(`CREATE TABLE "Sneaky" (id INTEGER)`)).rejects.toThrow(/permission denied/);
    await expect(sqlApp(`CREATE TABLE public."Sneaky" (id INTEGER)`)).rejects.toThrow(/permission denied/);
    await expect(sqlApp(`CREATE SCHEMA sneaky`)).rejects.toThrow(/permission denied/);
    await expect(sqlApp(`CREATE FUNCTION public.sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).rejects.toThrow(/permission denied/);
    await expect(sqlApp(`ALTER ROLE ${DEFAULT_APP_ROLE} SUPERUSER`)).rejects.toThrow(/permission denied|must be superuser/);
    // PGlite is a single-user backend authenticated as its bootstrap superuser: a statement that
    // says SET ROLE or SET SESSION AUTHORIZATION leaves the app role there (docs/decisions/0019).
    if (app.kind === 'postgres') {
      await expect(sqlApp(`SET ROLE postgres`)).rejects.toThrow(/permission denied/);
      await expect(sqlApp(`SET SESSION AUTHORIZATION postgres`)).rejects.toThrow(/permission denied/);
    }
  });

  it('it still does what the app does: insert an audit row, update a record, delete a sign-in limit count', async () => {
    await expect(
      app.prisma.auditEvent.create({ data: { action: 'test.db-role', recordType: 'Test', recordId: '1' } }),
    ).resolves.toMatchObject({ action: 'test.db-role' });
    await expect(app.prisma.user.updateMany({ where: { username: 'li.wen' }, data: { updatedAt: new Date() } })).resolves.toEqual({ count: 1 });
    await app.prisma.signInLimit.create({ data: { key: `test-${randomBytes(4).toString('hex')}`, points: 1 } });
    await expect(app.prisma.signInLimit.deleteMany({ where: { key: { startsWith: 'test-' } } })).resolves.toEqual({ count: 1 });
  });
});

describe('the append-only triggers hold for the owner too', () => {
  it('WorkflowEvent: DELETE, TRUNCATE and any UPDATE but caseId are refused', async () => {
    const [ev] = await rowsOwner<{ id: bigint }>(`SELECT id FROM "WorkflowEvent" ORDER BY id LIMIT 1`);
    await expect(sqlOwner(`UPDATE "WorkflowEvent" SET "kind" = 'tampered' WHERE id = ${ev!.id}`)).rejects.toThrow(/workflow events are append-only/);
    await expect(sqlOwner(`UPDATE "WorkflowEvent" SET "caseId" = NULL, "at" = now() WHERE id = ${ev!.id}`)).rejects.toThrow(/append-only/);
    await expect(sqlOwner(`DELETE FROM "WorkflowEvent" WHERE id = ${ev!.id}`)).rejects.toThrow(/workflow events are append-only/);
    await expect(sqlOwner(`TRUNCATE "WorkflowEvent"`)).rejects.toThrow(/workflow events are append-only/);
    await expect(sqlOwner(`UPDATE "WorkflowEvent" SET "caseId" = "caseId" WHERE id = ${ev!.id}`)).resolves.toBe(1);
  });

  it('AuditEvent: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(sqlOwner(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(/audit events are append-only/);
    await expect(sqlOwner(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/audit events are append-only/);
    await expect(sqlOwner(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/audit events are append-only/);
  });
});

describe('the migrator applies the declaration', () => {
  it('a table without a declared access fails the deployment, naming it; once declared (or dropped) it passes', async () => {
    const s = await openScratchDb('liaison_role');
    try {
      await deployMigrations(s.conn);
      await s.conn.query(`CREATE TABLE "Sneaky" (id INTEGER)`);
      const err = await deployMigrations(s.conn).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DeployError);
      expect(String((err as Error).message)).toMatch(/no access declared for table\(s\) "Sneaky".*scripts\/db\/access\.mjs/);
      await s.conn.query(`DROP TABLE "Sneaky"`);
      await expect(deployMigrations(s.conn)).resolves.toMatchObject({ applied: [] });
    } finally {
      await s.close();
    }
  });

  it('a grant added by hand is taken away again by the next deployment', async () => {
    const s = await openScratchDb('liaison_role');
    try {
      await deployMigrations(s.conn);
      await s.conn.query(`GRANT DELETE, TRUNCATE ON "AuditEvent" TO ${DEFAULT_APP_ROLE}`);
      await deployMigrations(s.conn);
      const { rows } = await s.conn.query(
        `SELECT has_table_privilege($1, '"AuditEvent"', 'DELETE') AS d, has_table_privilege($1, '"AuditEvent"', 'TRUNCATE') AS t`,
        [DEFAULT_APP_ROLE],
      );
      expect(rows[0]).toEqual({ d: false, t: false });
    } finally {
      await s.close();
    }
  });
});
