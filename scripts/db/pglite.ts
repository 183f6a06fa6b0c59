/**
 * Throwaway in-memory PGlite databases (the engine's shadow databases, scratch databases for the
 * drift check and for tests), restored from a cached empty cluster instead of running initdb.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { PGlite } from '@electric-sql/pglite';

import { repoRoot } from './folder';

/**
 * The contrib extensions every PGlite of the app's must load (the migrations create them): pg_trgm
 * for search (docs/decisions/0028). Pass them to every `new PGlite` / `PGlite.create`.
 */
export async function pgliteExtensions() {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { pg_trgm };
}

const PGLITE_TEMPLATE_KEY = Symbol.for('liaison.pgliteTemplate');
type GlobalWithTemplate = typeof globalThis & { [PGLITE_TEMPLATE_KEY]?: Promise<Blob> };

/** On-disk copy of an empty PGlite cluster, keyed by PGlite version (node_modules/.cache). */
function templateCachePath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('@electric-sql/pglite');
    let dir = path.dirname(main);
    while (!dir.endsWith(`${path.sep}pglite`) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    const { version } = require(path.join(dir, 'package.json')) as { version: string };
    return path.join(repoRoot, 'node_modules', '.cache', 'liaison-migrations', `pglite-${version}-empty.tar`);
  } catch {
    return null;
  }
}

async function emptyClusterTemplate(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const cache = templateCachePath();
  if (cache) {
    const bytes = await fs.readFile(cache).catch(() => null);
    if (bytes) return new Blob([bytes]);
  }
  const db = new PGlite();
  try {
    await db.waitReady;
    const dump = await db.dumpDataDir('none');
    if (cache) {
      // Best effort, atomic: a missing or half-written cache only costs an initdb.
      const tmp = `${cache}.${process.pid}.tmp`;
      await fs
        .mkdir(path.dirname(cache), { recursive: true })
        .then(async () => fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer())))
        .then(() => fs.rename(tmp, cache))
        .catch(() => fs.rm(tmp, { force: true }));
    }
    return dump;
  } finally {
    await db.close();
  }
}

/**
 * A fresh in-memory PGlite. `initdb` costs 2-4 s, so an empty cluster is made once, dumped (kept in
 * memory and under node_modules/.cache) and restored for every later instance (~0.3-0.5 s).
 */
export async function freshPGlite(): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const g = globalThis as GlobalWithTemplate;
  g[PGLITE_TEMPLATE_KEY] ??= emptyClusterTemplate();
  try {
    const db = new PGlite({ loadDataDir: await g[PGLITE_TEMPLATE_KEY], extensions: await pgliteExtensions() });
    await db.waitReady;
    return db;
  } catch {
    // Unusable template (e.g. a corrupt cache file): forget it and start from initdb.
    delete g[PGLITE_TEMPLATE_KEY];
    const cache = templateCachePath();
    if (cache) await fs.rm(cache, { force: true });
    const db = new PGlite({ extensions: await pgliteExtensions() });
    await db.waitReady;
    return db;
  }
}
