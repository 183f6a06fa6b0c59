/** Each test file's own database, copied from a template (see global-setup.ts), as a Prisma client. */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { expect, inject } from 'vitest';
import { createPrisma, type Db } from '@/lib/data/db';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { loadActor } from '@/lib/data/users';
import type { Actor } from '@/lib/domain/roles';

export interface TestDb {
  prisma: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** A migrated database with no rows (for tests of the seed itself, or that need a blank database). */
export function openTestDb(): Promise<TestDb> {
  return openCopy('empty');
}

/**
 * A migrated database holding the demo seed, dated as of the template's day. A file that depends
 * on the seed's dates passes the day it expects (`today`): a template seeded for another day fails
 * here instead of in the assertions.
 */
export function openSeededTestDb(today?: string): Promise<TestDb> {
  const { seededAsOf } = inject('testDb');
  if (today !== undefined && today !== seededAsOf) {
    throw new Error(`the seeded template is dated ${seededAsOf}, not ${today} (tests/integration/global-setup.ts)`);
  }
  return openCopy('seeded');
}

async function openCopy(which: 'empty' | 'seeded'): Promise<TestDb> {
  const cfg = inject('testDb');
  if (cfg.kind === 'postgres') {
    const name = `liaison_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: cfg.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${cfg.templates[which]}`);
    await admin.end();
    const url = new URL(cfg.adminUrl);
    url.pathname = `/${name}`;
    const prisma = createPrisma(url.toString(), 5);
    return {
      prisma,
      kind: 'postgres',
      async close() {
        await prisma.$disconnect();
        const c = new pg.Client({ connectionString: cfg.adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dump = new Blob([readFileSync(cfg.dumps[which])]);
  const db = await PGlite.create({ loadDataDir: dump });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    kind: 'pglite',
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

/** The actor of a seeded user, as the app loads it on each request. */
export async function actorOf(prisma: Db, username: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  const a = await loadActor(prisma, u.id);
  if (!a) throw new Error(`no actor for ${username} (deactivated?)`);
  return a;
}

/** Runs `fn`, expects it to throw `cls` (matching `props`), and checks `counts()` did not change. */
export async function refusedWithoutWrites(
  counts: () => Promise<unknown>,
  fn: () => Promise<unknown>,
  cls: new (...a: never[]) => Error,
  props: Record<string, unknown> = {},
) {
  const before = await counts();
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(cls);
  expect(err).toMatchObject(props);
  expect(await counts()).toEqual(before);
  return err;
}
