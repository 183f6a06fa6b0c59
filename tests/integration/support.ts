/** Each test file's own migrated database (see global-setup.ts), as a Prisma client. */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { inject } from 'vitest';
import { createPrisma, type Db } from '@/lib/data/db';
import { PrismaClient } from '@/lib/generated/prisma/client';

export interface TestDb {
  prisma: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const cfg = inject('testDb');
  if (cfg.kind === 'postgres') {
    const name = `liaison_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: cfg.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${cfg.template}`);
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
  const dump = new Blob([readFileSync(cfg.dumpPath)]);
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
