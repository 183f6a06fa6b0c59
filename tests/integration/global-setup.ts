/**
 * Migrates and seeds once per run into two templates; each test file then starts from a copy of
 * one of them instead of migrating (and seeding) on its own:
 * - `empty`: migrated, no rows (files that test the seed itself, or need a blank database);
 * - `seeded`: migrated and seeded with the demo data as of SEED_TODAY (every other file).
 * With TEST_DATABASE_URL (CI, and this machine's PostgreSQL 15) the templates are databases on
 * that server, copied with CREATE DATABASE … TEMPLATE; without it, in-process PGlite clusters
 * dumped to files, which each file loads.
 * Migrations are applied by the runtime migrator (scripts/db/deploy.mjs), as in production, as the
 * owner (the server's TEST_DATABASE_URL user, PGlite's postgres), which also grants the app role
 * liaison_app its declared access (scripts/db/access.mjs); the seed then runs as liaison_app, as
 * the app does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { TestProject } from 'vitest/node';
import { createPrisma, type Db } from '@/lib/data/db';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { seed } from '@/prisma/seed/seed';
import { DEFAULT_APP_ROLE, urlAs } from '@/scripts/db/access.mjs';
import { deployMigrations, deployToUrl } from '@/scripts/db/deploy.mjs';
import { freshPGlite } from '@/scripts/db/pglite';

/** The day the seeded template's demo history is dated from. */
const SEED_TODAY = '2026-11-27';

type Templates = { empty: string; seeded: string };
declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { kind: 'postgres'; adminUrl: string; templates: Templates; seededAsOf: string }
      | { kind: 'pglite'; dumps: Templates; seededAsOf: string };
  }
}

async function seedTemplate(prisma: Db) {
  try {
    await seed(prisma, () => {}, { today: SEED_TODAY });
  } finally {
    await prisma.$disconnect();
  }
}

/** The run's document store: a temp directory every test file shares (the seeded template's files are there). */
function documentDir(): () => void {
  if (process.env.DOCUMENT_DIR) return () => {};
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liaison-documents-'));
  process.env.DOCUMENT_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

export default async function setup(project: TestProject) {
  const removeDocuments = documentDir();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const templates = { empty: `liaison_tpl_${process.pid}`, seeded: `liaison_tpl_seeded_${process.pid}` };
    const urlOf = (name: string) => {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    };
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${templates.seeded}`);
      await admin.query(`DROP DATABASE IF EXISTS ${templates.empty}`);
      await admin.query(`CREATE DATABASE ${templates.empty}`);
      await deployToUrl(urlOf(templates.empty));
      await admin.query(`CREATE DATABASE ${templates.seeded} TEMPLATE ${templates.empty}`);
    } finally {
      await admin.end();
    }
    await seedTemplate(createPrisma(urlAs(urlOf(templates.seeded)), 1));
    project.provide('testDb', { kind: 'postgres', adminUrl, templates, seededAsOf: SEED_TODAY });
    return async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${templates.seeded} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${templates.empty} WITH (FORCE)`);
      await c.end();
      removeDocuments();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liaison-test-'));
  const dumps = { empty: path.join(dir, 'empty.tar'), seeded: path.join(dir, 'seeded.tar') };
  const save = async (db: PGlite, file: string) => {
    const dump = await db.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  };
  const db = await freshPGlite();
  try {
    await deployMigrations({ query: (text, values) => db.query(text, values), exec: (script) => db.exec(script) });
    await save(db, dumps.empty);
    // One in-process session: the seed runs as the app role through SET ROLE.
    await db.exec(`SET ROLE ${DEFAULT_APP_ROLE}`);
    await seedTemplate(new PrismaClient({ adapter: new PrismaPGlite(db) }));
    await db.exec('RESET ROLE');
    await save(db, dumps.seeded);
  } finally {
    await db.close();
  }
  project.provide('testDb', { kind: 'pglite', dumps, seededAsOf: SEED_TODAY });
  return () => {
    rmSync(dir, { recursive: true, force: true });
    removeDocuments();
  };
}
