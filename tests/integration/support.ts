/**
 * Each test file's own database, copied from a template (see global-setup.ts), as a Prisma client
 * connected as the app role liaison_app, as the app connects: a missing grant fails the ordinary
 * tests. A test that must act as the owner (the append-only triggers, schema changes) opens its
 * database with `{ as: 'owner' }`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, expect, inject } from 'vitest';
import { createPrisma, type Db } from '@/lib/data/db';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { loadActor } from '@/lib/data/users';
import { DEFAULT_APP_ROLE, urlAs } from '@/scripts/db/access.mjs';
import type { DeployConnection } from '@/scripts/db/deploy.mjs';
import type { MigrationTarget } from '@/scripts/db/folder';
import { freshPGlite, pgliteExtensions } from '@/scripts/db/pglite';
import type { Actor } from '@/lib/domain/roles';

export interface TestDb {
  prisma: Db;
  kind: 'postgres' | 'pglite';
  /** The role `prisma` is connected as: the app role (default), or the owner. */
  role: string;
  /** PostgreSQL only: the database's URL as the owner (for a second client, pg_dump, …). */
  ownerUrl?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Connect as the app role (default, as the app does) or as the owner of the schema. */
  as?: 'app' | 'owner';
}

/** A migrated database with no rows (for tests of the seed itself, or that need a blank database). */
export function openTestDb(opts: OpenOptions = {}): Promise<TestDb> {
  return openCopy('empty', opts);
}

/**
 * A migrated database holding the demo seed, dated as of the template's day. A file that depends
 * on the seed's dates passes the day it expects (`today`): a template seeded for another day fails
 * here instead of in the assertions.
 */
export function openSeededTestDb(today?: string, opts: OpenOptions = {}): Promise<TestDb> {
  const { seededAsOf } = inject('testDb');
  if (today !== undefined && today !== seededAsOf) {
    throw new Error(`the seeded template is dated ${seededAsOf}, not ${today} (tests/integration/global-setup.ts)`);
  }
  return openCopy('seeded', opts);
}

async function openCopy(which: 'empty' | 'seeded', opts: OpenOptions): Promise<TestDb> {
  const asOwner = opts.as === 'owner';
  const cfg = inject('testDb');
  if (cfg.kind === 'postgres') {
    const created = await createServerDb(cfg.adminUrl, 'liaison_t', cfg.templates[which]);
    const ownerUrl = created.url;
    const prisma = createPrisma(asOwner ? ownerUrl : urlAs(ownerUrl), 5);
    return {
      prisma,
      kind: 'postgres',
      role: asOwner ? decodeURIComponent(new URL(ownerUrl).username) : DEFAULT_APP_ROLE,
      ownerUrl,
      async close() {
        await prisma.$disconnect();
        await created.drop();
      },
    };
  }
  const dump = new Blob([readFileSync(cfg.dumps[which])]);
  // PGlite's session user is the role it is created for: the app role cannot become the owner.
  const db = await PGlite.create({ loadDataDir: dump, ...(asOwner ? {} : { username: DEFAULT_APP_ROLE }), extensions: await pgliteExtensions() });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    kind: 'pglite',
    role: asOwner ? 'postgres' : DEFAULT_APP_ROLE,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A new database on the PostgreSQL server of `adminUrl` (random name after `prefix`; a copy of
 * `template` if given, else empty): its URL as the owner, and `drop()` (forcing out connections).
 */
export async function createServerDb(adminUrl: string, prefix: string, template?: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh database with nothing in it (not even the migrations), as its owner: for tests of the migrator and the engine. */
export interface ScratchDb {
  /** PostgreSQL only: the database's URL as the owner. */
  url?: string;
  /** What the schema engine (scripts/db/engine.ts) migrates. */
  target: MigrationTarget;
  /** The runtime migrator's connection (scripts/db/deploy.mjs). */
  conn: DeployConnection;
  label: string;
  sql(text: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A scratch database: a database of its own on the test server (named after `prefix`, dropped on close), or an in-process PGlite. */
export async function openScratchDb(prefix: string): Promise<ScratchDb> {
  const cfg = inject('testDb');
  if (cfg.kind === 'postgres') {
    const created = await createServerDb(cfg.adminUrl, prefix);
    const client = new pg.Client({ connectionString: created.url });
    await client.connect();
    return {
      url: created.url,
      target: created.url,
      conn: { query: (text, values) => client.query(text, values), exec: (script) => client.query(script) },
      label: `PostgreSQL database ${created.name}`,
      sql: async (text) => (await client.query(text)).rows,
      async close() {
        await client.end();
        await created.drop();
      },
    };
  }
  const db = await freshPGlite();
  return {
    target: { pglite: db },
    conn: { query: (text, values) => db.query(text, values), exec: (script) => db.exec(script) },
    label: 'in-process PGlite',
    sql: async (text) => (await db.query<Record<string, unknown>>(text)).rows,
    close: () => db.close(),
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

/**
 * A document store of this test file's own: a copy of the run's (the seeded files in it), used
 * from here on in this file and removed after it. For files that count what the store holds,
 * since other test files upload into the run's store at the same time. Call at the top level of
 * the file, before anything opens the store.
 */
export function ownDocumentStore(): string {
  const run = process.env.DOCUMENT_DIR!;
  const own = mkdtempSync(path.join(os.tmpdir(), 'liaison-own-documents-'));
  mkdirSync(path.join(own, 'attachments'));
  for (const name of readdirSync(path.join(run, 'attachments'))) {
    if (name.endsWith('.part')) continue;
    try {
      copyFileSync(path.join(run, 'attachments', name), path.join(own, 'attachments', name));
    } catch {
      // Removed meanwhile by another file (a refused upload): not one of the seeded files.
    }
  }
  process.env.DOCUMENT_DIR = own;
  afterAll(() => {
    process.env.DOCUMENT_DIR = run;
    rmSync(own, { recursive: true, force: true });
  });
  return own;
}
