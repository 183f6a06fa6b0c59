/**
 * The migration that moves attachment bytes out of the database (prisma/migrations/
 * 20261202041100_document_store_bytes_out/before.mjs, run by the runtime migrator): a database
 * migrated up to the step before, with attachments whose bytes are in the `data` column, is
 * migrated on; every file is then in the document store under `attachments/<id>`, its bytes hash
 * to the recorded SHA-256, and the bytes column is gone. A row whose bytes do not match their
 * recorded SHA-256 stops the deployment, naming the row, with nothing dropped.
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { documentStore } from '@/lib/store/documents.mjs';
import { defaultMigrationsDir, deployMigrations } from '@/scripts/db/deploy.mjs';
import { freshPGlite } from '@/scripts/db/pglite';

const MOVE = '20261202041100_document_store_bytes_out';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A migrations folder holding the migrations before `MOVE` (and the lock file). */
function foldersBefore(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liaison-migrations-'));
  cpSync(path.join(defaultMigrationsDir, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
  for (const name of readdirSync(defaultMigrationsDir)) if (name < MOVE && name !== 'migration_lock.toml') cpSync(path.join(defaultMigrationsDir, name), path.join(dir, name), { recursive: true });
  return dir;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

async function oldDatabase(files: { name: string; bytes: Uint8Array; sha256?: string }[]) {
  const db: PGlite = await freshPGlite();
  cleanup.push(() => db.close());
  const conn = { query: (text: string, values?: unknown[]) => db.query(text, values) as Promise<{ rows: Record<string, unknown>[] }>, exec: (s: string) => db.exec(s) };
  const before = foldersBefore();
  cleanup.push(() => rmSync(before, { recursive: true, force: true }));
  await deployMigrations(conn, { migrationsDir: before });
  const ids: string[] = [];
  for (const f of files) {
    const id = randomUUID();
    ids.push(id);
    await db.query(
      `INSERT INTO "Attachment" (id, "recordType", "recordId", "institutionId", "fileName", "mimeType", size, sha256, data, "uploadedById")
       VALUES ($1, 'EvidenceItem', $2, $2, $3, 'text/plain', $4, $5, $6, $2)`,
      [id, randomUUID(), f.name, f.bytes.byteLength, f.sha256 ?? sha(f.bytes), f.bytes],
    );
  }
  return { db, conn, ids };
}

describe('moving attachment bytes to the document store', () => {
  it('every file lands in the store under attachments/<id> with its recorded SHA-256; the bytes column is dropped', async () => {
    const files = [
      { name: '审理报告.txt', bytes: new TextEncoder().encode('【密件】审理报告摘要') },
      { name: 'big.txt', bytes: new Uint8Array(3 * 1024 * 1024).map((_, i) => 0x61 + (i % 26)) },
    ];
    const { db, conn, ids } = await oldDatabase(files);
    const lines: string[] = [];
    const r = await deployMigrations(conn, { migrationsDir: defaultMigrationsDir, appRole: null, log: (l) => lines.push(l) });
    expect(r.applied).toContain(MOVE);
    expect(lines).toContain(`moved 2 attachment(s) to the document store (${(await documentStore()).describe()})`);
    const store = await documentStore();
    for (const [i, id] of ids.entries()) {
      const row = (await db.query<{ storageKey: string; sha256: string }>('SELECT "storageKey", sha256 FROM "Attachment" WHERE id = $1', [id])).rows[0]!;
      expect(row.storageKey).toBe(`attachments/${id}`);
      const chunks: Buffer[] = [];
      for await (const c of (await store.get(row.storageKey))!) chunks.push(Buffer.from(c as Uint8Array));
      expect(sha(Buffer.concat(chunks))).toBe(row.sha256);
      expect(row.sha256).toBe(sha(files[i]!.bytes));
    }
    const cols = await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Attachment'`);
    expect(cols.rows.map((c) => c.column_name)).not.toContain('data');
  });

  it('bytes that do not match their recorded SHA-256 stop the deployment, naming the row; the bytes stay in the database', async () => {
    const { db, conn, ids } = await oldDatabase([{ name: 'x.txt', bytes: new TextEncoder().encode('changed'), sha256: sha(new TextEncoder().encode('original')) }]);
    await expect(deployMigrations(conn, { migrationsDir: defaultMigrationsDir, appRole: null })).rejects.toThrow(new RegExp(`attachment ${ids[0]}: its bytes hash to`));
    const row = (await db.query<{ data: Uint8Array | null }>('SELECT data FROM "Attachment" WHERE id = $1', [ids[0]])).rows[0]!;
    expect(new TextDecoder().decode(row.data!)).toBe('changed');
  });
});
