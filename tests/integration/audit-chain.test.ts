/**
 * The tamper-evident audit chain on a real database (docs/decisions/0023): the seed's events
 * verify; concurrent writers keep one unbroken chain; a superuser's change, removal or insertion
 * in SQL is found and named; a database whose events were written before the chain existed
 * verifies after the migration; each run is recorded and audited.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '@/lib/data/audit';
import { lastAuditVerification, runAuditVerification, verifyAuditChain, verifyAuditChainAsAdmin } from '@/lib/data/audit-chain';
import { createPrisma, type Db } from '@/lib/data/db';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { ForbiddenError } from '@/lib/domain/policy';
import { deployMigrations } from '@/scripts/db/deploy.mjs';
import { defaultMigrationsDir, listMigrations } from '@/scripts/db/folder';
import { freshPGlite } from '@/scripts/db/pglite';
import { actorOf, openSeededTestDb, type TestDb } from './support';

let owner: TestDb;
let app: TestDb;
beforeAll(async () => {
  owner = await openSeededTestDb(undefined, { as: 'owner' });
});
afterAll(async () => {
  await owner?.close();
  await app?.close();
});

/** As a superuser would: past the append-only trigger (session_replication_role skips triggers). */
async function asSuperuser(sql: string, ...values: unknown[]) {
  await owner.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await tx.$executeRawUnsafe(sql, ...values);
  });
}

/** Moves the chain's events from `from` on by `by` places (through negative numbers: the pair is unique). */
async function renumber(institutionId: string, from: bigint, by: number) {
  await asSuperuser(`UPDATE "AuditEvent" SET "chainSeq" = -("chainSeq" + $3) WHERE "institutionId" = $1::uuid AND "chainSeq" >= $2`, institutionId, from, by);
  await asSuperuser(`UPDATE "AuditEvent" SET "chainSeq" = -"chainSeq" WHERE "institutionId" = $1::uuid AND "chainSeq" < 0`, institutionId);
}

async function procuratorateChain() {
  const li = await actorOf(owner.prisma, 'li.wen');
  const head = await owner.prisma.auditChainHead.findUniqueOrThrow({ where: { chain: li.institutionId } });
  const middle = await owner.prisma.auditEvent.findFirstOrThrow({ where: { institutionId: li.institutionId, chainSeq: head.seq / 2n } });
  return { institutionId: li.institutionId, head, middle };
}

describe('the audit chain', () => {
  it('verifies the seeded database: every event written through the audit writer is chained', async () => {
    const r = await verifyAuditChain(owner.prisma);
    expect(r).toMatchObject({ ok: true, broken: [] });
    expect(r.events).toBe(await owner.prisma.auditEvent.count());
    expect(r.events).toBeGreaterThan(50);
    expect(await owner.prisma.auditEvent.count({ where: { chainSeq: null } })).toBe(0);
  });

  it('keeps one unbroken chain when 20 transactions write events for the same institution at once', async () => {
    app = await openSeededTestDb();
    const li = await actorOf(app.prisma, 'li.wen');
    const before = await app.prisma.auditChainHead.findUniqueOrThrow({ where: { chain: li.institutionId } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.prisma.$transaction(
          async (tx) => {
            // Some work first, so that the transactions overlap before their audit writes.
            await tx.user.findMany({ where: { institutionId: li.institutionId } });
            await new Promise((r) => setTimeout(r, (i % 5) * 3));
            await writeAudit(tx, { actorId: li.id, institutionId: li.institutionId, action: 'test.concurrent', recordType: 'Test', recordId: String(i), summary: { i } });
          },
          // PGlite is one connection: there the transactions wait their turn.
          { maxWait: 60_000 },
        ),
      ),
    );
    const seqs = (await app.prisma.auditEvent.findMany({ where: { action: 'test.concurrent' }, select: { chainSeq: true }, orderBy: { chainSeq: 'asc' } })).map((e) => e.chainSeq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before.seq + 1n + BigInt(i)));
    expect(await app.prisma.auditChainHead.findUniqueOrThrow({ where: { chain: li.institutionId } })).toMatchObject({ seq: before.seq + 20n });
    expect(await verifyAuditChain(app.prisma)).toMatchObject({ ok: true, broken: [] });
  });

  it('names a row whose content a superuser changed, and verifies again once it is put back', async () => {
    const { institutionId, middle } = await procuratorateChain();
    await asSuperuser(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = $1`, middle.id);
    expect(await verifyAuditChain(owner.prisma)).toMatchObject({
      ok: false,
      broken: [{ chain: institutionId, reason: 'content', eventId: String(middle.id), seq: String(middle.chainSeq) }],
    });
    await asSuperuser(`UPDATE "AuditEvent" SET "action" = $2 WHERE "id" = $1`, middle.id, middle.action);
    expect(await verifyAuditChain(owner.prisma)).toMatchObject({ ok: true });
  });

  it('names the event after a deleted one, and a chain whose last event was deleted', async () => {
    const { institutionId, head, middle } = await procuratorateChain();
    const next = await owner.prisma.auditEvent.findFirstOrThrow({ where: { institutionId, chainSeq: middle.chainSeq! + 1n } });
    const last = await owner.prisma.auditEvent.findFirstOrThrow({ where: { institutionId, chainSeq: head.seq } });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = $1`, middle.id);
    expect(await verifyAuditChain(owner.prisma)).toMatchObject({
      ok: false,
      broken: [{ chain: institutionId, reason: 'sequence', eventId: String(next.id), seq: String(next.chainSeq), expectedSeq: String(middle.chainSeq) }],
    });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = $1`, last.id);
    const r = await verifyAuditChain(owner.prisma);
    expect(r.broken[0]).toMatchObject({ reason: 'sequence', eventId: String(next.id) });
    // Put both back: the chain verifies again, so the removal was all that broke it.
    for (const row of [middle, last]) await owner.prisma.auditEvent.create({ data: { ...row, summary: row.summary ?? undefined } });
    expect(await verifyAuditChain(owner.prisma)).toMatchObject({ ok: true });
  });

  it('names an event inserted in the middle, written around the writer or linked in by a forger who renumbered the rest', async () => {
    const { institutionId, head, middle } = await procuratorateChain();
    const inserted = await owner.prisma.auditEvent.create({
      data: { institutionId, action: 'forged', recordType: 'Test', recordId: 'x', at: middle.at },
    });
    expect((await verifyAuditChain(owner.prisma)).broken).toEqual([{ chain: institutionId, reason: 'unchained', eventId: String(inserted.id) }]);
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = $1`, inserted.id);

    // The forger copies the middle event's place and links: seq and prevHash fit, its content hash does not.
    await renumber(institutionId, middle.chainSeq!, 1);
    const forged = await owner.prisma.auditEvent.create({
      data: { institutionId, action: 'forged', recordType: 'Test', recordId: 'x', at: middle.at, chainSeq: middle.chainSeq, prevHash: middle.prevHash, contentHash: middle.contentHash },
    });
    expect(await verifyAuditChain(owner.prisma)).toMatchObject({
      ok: false,
      broken: [{ chain: institutionId, reason: 'content', eventId: String(forged.id), seq: String(middle.chainSeq) }],
    });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = $1`, forged.id);
    await renumber(institutionId, middle.chainSeq! + 1n, -1);
    expect(await owner.prisma.auditChainHead.findUniqueOrThrow({ where: { chain: institutionId } })).toMatchObject({ seq: head.seq });
    expect(await verifyAuditChain(owner.prisma)).toMatchObject({ ok: true });
  });

  it('records each run and audits it; only the administrator may start one or read the last', async () => {
    const admin = await actorOf(owner.prisma, 'admin');
    expect(await verifyAuditChainAsAdmin(owner.prisma, admin, 'req-verify')).toMatchObject({ ok: true });
    const last = await lastAuditVerification(owner.prisma, admin);
    expect(last).toMatchObject({ ok: true, trigger: 'admin', broken: [] });
    expect(last!.events).toBeGreaterThan(50);
    expect(await owner.prisma.auditEvent.findFirstOrThrow({ where: { action: 'audit.verify', requestId: 'req-verify' } })).toMatchObject({
      actorId: admin.id,
      recordType: 'AuditVerification',
      summary: { ok: true, events: last!.events, trigger: 'admin' },
    });
    const li = await actorOf(owner.prisma, 'li.wen');
    await expect(verifyAuditChainAsAdmin(owner.prisma, li)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(lastAuditVerification(owner.prisma, li)).rejects.toBeInstanceOf(ForbiddenError);

    // A broken chain is recorded as such, with its first broken link.
    const { middle } = await procuratorateChain();
    await asSuperuser(`UPDATE "AuditEvent" SET "recordId" = 'tampered' WHERE "id" = $1`, middle.id);
    const run = await runAuditVerification(owner.prisma, { trigger: 'schedule' });
    expect(run.ok).toBe(false);
    expect(await lastAuditVerification(owner.prisma, admin)).toMatchObject({ ok: false, trigger: 'schedule', broken: [{ reason: 'content', eventId: String(middle.id) }] });
    await asSuperuser(`UPDATE "AuditEvent" SET "recordId" = $2 WHERE "id" = $1`, middle.id, middle.recordId);
  });
});

describe('the chain migration', () => {
  const tmp: string[] = [];
  afterAll(async () => {
    for (const d of tmp) await rm(d, { recursive: true, force: true });
  });

  /** A fresh database (PostgreSQL when TEST_DATABASE_URL is set, else PGlite) with plain SQL and Prisma. */
  async function scratch() {
    const adminUrl = process.env.TEST_DATABASE_URL?.trim();
    if (adminUrl) {
      const name = `liaison_chain_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return {
        conn: { query: (text: string, values?: unknown[]) => client.query(text, values), exec: (script: string) => client.query(script) },
        prisma: (): Db => createPrisma(url.toString(), 2),
        async close() {
          await client.end();
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    }
    const db: PGlite = await freshPGlite();
    return {
      conn: {
        query: async (text: string, values?: unknown[]) => ({ rows: (await db.query<Record<string, unknown>>(text, values)).rows }),
        exec: (script: string) => db.exec(script),
      },
      prisma: (): Db => new PrismaClient({ adapter: new PrismaPGlite(db) }),
      close: () => db.close(),
    };
  }

  it('chains the events written before it, by the same rule the verifier checks, and the writer continues the chains', async () => {
    const CHAIN = (await listMigrations()).find((m) => m.endsWith('_audit_chain'))!;
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'liaison-chain-')), 'migrations');
    tmp.push(path.dirname(dir));
    await cp(defaultMigrationsDir, dir, { recursive: true, filter: (src) => !src.includes(CHAIN) });
    const s = await scratch();
    try {
      await deployMigrations(s.conn, { migrationsDir: dir, appRole: null });
      const P = '52000000-0000-4000-8000-00000000000a';
      const C = '52000000-0000-4000-8000-00000000000b';
      // Out of time order on purpose (the chain follows "at", then id), with summaries that test the canonical form.
      const rows: [string | null, string, string][] = [
        [P, '2026-03-02T01:00:00.123Z', `{"b": 1, "a": {"z": [1, 2.50, null, true], "é": "x\\"y\\n\\u0001"}, "😀": -0.125, "ａ": 1e3}`],
        [P, '2026-03-01T01:00:00Z', `{"after": {"status": "draft", "title": "建议"}}`],
        [C, '2026-03-01T02:00:00Z', 'null'],
        [null, '2026-03-01T03:00:00Z', `{"reason": "unknown user", "count": 3}`],
        [P, '2026-03-02T01:00:00.123Z', `[]`],
      ];
      for (const [inst, at, summary] of rows) {
        await s.conn.query(
          `INSERT INTO "AuditEvent" ("institutionId", "at", "action", "recordType", "recordId", "summary", "actorId", "requestId") VALUES ($1, $2, 'x.y', 'T', 'r', $3::jsonb, NULL, 'req')`,
          [inst, at, summary],
        );
      }
      await s.conn.query(`INSERT INTO "AuditEvent" ("institutionId", "action", "recordType", "recordId") VALUES ($1, 'x.z', 'T', 'r')`, [C]);
      await deployMigrations(s.conn, { appRole: null });

      const prisma = s.prisma();
      try {
        expect(await verifyAuditChain(prisma)).toEqual({ ok: true, events: 6, chains: 3, broken: [] });
        const order = await prisma.auditEvent.findMany({ where: { institutionId: P }, orderBy: { chainSeq: 'asc' }, select: { id: true, chainSeq: true } });
        expect(order.map((o) => o.id)).toEqual([2n, 1n, 5n]);
        await prisma.$transaction((tx) => writeAudit(tx, { actorId: null, institutionId: P, action: 'after.migration', recordType: 'T', recordId: 'r' }));
        await prisma.$transaction((tx) => writeAudit(tx, { actorId: null, institutionId: null, action: 'after.migration', recordType: 'T', recordId: 'r' }));
        expect(await verifyAuditChain(prisma)).toEqual({ ok: true, events: 8, chains: 3, broken: [] });
        // A migration's hash changed by hand is found like any other.
        await s.conn.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        await s.conn.query(`UPDATE "AuditEvent" SET "summary" = '{"b": 2}' WHERE "id" = 1`);
        expect((await verifyAuditChain(prisma)).broken).toEqual([{ chain: P, reason: 'content', eventId: '1', seq: '2' }]);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await s.close();
    }
  });
});
