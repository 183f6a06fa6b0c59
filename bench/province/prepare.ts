/**
 * Prepares one benchmark database on a PostgreSQL server: created fresh, migrated with the
 * production migrator, seeded with the demo district through the app's commands, then filled
 * to the given scale. A database already prepared for the same scale and the same migrations is
 * reused (its fingerprint is kept as the database comment) unless `fresh` is asked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readMigrations, deployToUrl } from '@/scripts/db/deploy.mjs';
import pg from 'pg';
import { createPrisma } from '@/lib/data/db';
import { seed } from '@/prisma/seed/seed';
import { generate, type Progress, type Scale } from './generate';

export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function fingerprint(scale: Scale): Promise<string> {
  const migrations = await readMigrations();
  const h = createHash('sha256');
  for (const m of migrations as { name: string; checksum?: string; sql?: string }[]) h.update(m.name).update(m.checksum ?? m.sql ?? '');
  // The grants too: a changed declaration needs a fresh deployment.
  h.update(readFileSync('scripts/db/access.mjs'));
  h.update(JSON.stringify(scale));
  return `liaison-bench:${h.digest('hex').slice(0, 16)}`;
}

export async function prepareDatabase(serverUrl: string, scale: Scale, opts: { fresh?: boolean; say: (s: string) => void; progress: Progress }) {
  const name = `liaison_bench_${scale.name}`;
  const url = databaseUrl(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const want = await fingerprint(scale);
  try {
    const existing = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`, [name]);
    if (!opts.fresh && existing.rows[0]?.c === want) {
      opts.say(`${name}: reusing (same scale and migrations)`);
      return { url, name, generated: false, counts: null as Record<string, number> | null, seconds: 0 };
    }
    const t0 = Date.now();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    opts.say(`${name}: migrating…`);
    await deployToUrl(url, { log: () => {} });
    opts.say(`${name}: seeding the demo district…`);
    const prisma = createPrisma(url, 2);
    try {
      await seed(prisma, () => {});
    } finally {
      await prisma.$disconnect();
    }
    const counts = await generate(url, scale, opts.progress);
    await admin.query(`COMMENT ON DATABASE ${name} IS '${want}'`);
    const seconds = (Date.now() - t0) / 1000;
    return { url, name, generated: true, counts, seconds };
  } finally {
    await admin.end();
  }
}
