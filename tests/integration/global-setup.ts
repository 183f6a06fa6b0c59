/**
 * Migrates once per run into a template; each test file then gets its own copy:
 * - with TEST_DATABASE_URL (CI, and this machine's PostgreSQL 15): a template database on that
 *   server, copied with CREATE DATABASE … TEMPLATE;
 * - without it: an in-process PGlite, migrated once and dumped; each file loads the dump.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations, freshPGlite } from '@/lib/data/migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'postgres'; adminUrl: string; template: string } | { kind: 'pglite'; dumpPath: string };
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `liaison_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    await applyMigrations(url.toString());
    project.provide('testDb', { kind: 'postgres', adminUrl, template });
    return async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.end();
    };
  }
  const db = await freshPGlite();
  await applyMigrations({ pglite: db });
  const dump = await db.dumpDataDir('none');
  await db.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liaison-test-'));
  const dumpPath = path.join(dir, 'template.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDb', { kind: 'pglite', dumpPath });
  return () => rmSync(dir, { recursive: true, force: true });
}
