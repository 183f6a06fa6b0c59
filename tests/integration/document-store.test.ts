/**
 * The document store's contract, the same suite for both kinds: a local directory (a real temp
 * dir) and an S3-compatible bucket (s3rver, started here on a free port with its own temp dir).
 * Streams in and out, replaces, reports size, deletes, answers null for what is not there, and
 * leaves nothing behind when a write fails half-way.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStore, storeFromEnv, type DocumentStore } from '@/lib/store/documents.mjs';
import { startS3rver } from '@/tests/support/s3rver';

const MB = 1024 * 1024;

async function readAll(store: DocumentStore, key: string): Promise<Buffer | null> {
  const s = await store.get(key);
  if (!s) return null;
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let s3: Awaited<ReturnType<typeof startS3rver>>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'liaison-docs-'));
const stores: Record<string, () => DocumentStore> = {
  local: () => localStore(dir),
  s3: () => s3.store,
};

beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(async () => {
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.keys(stores))('document store contract: %s', (kind) => {
  const store = () => stores[kind]!();

  it('streams a file in (in chunks) and out again, byte for byte, and reports its size', async () => {
    const bytes = new Uint8Array(9 * MB + 123).map((_, i) => (i * 31) % 251);
    await store().put(`attachments/${kind}-big`, chunked(bytes, 64 * 1024));
    expect(await store().head(`attachments/${kind}-big`)).toEqual({ size: bytes.length });
    const back = await readAll(store(), `attachments/${kind}-big`);
    expect(back && sha(back)).toBe(sha(bytes));
  });

  it('a second put replaces; delete removes; what is not there is null (delete again is no error)', async () => {
    const key = `attachments/${kind}-replace`;
    await store().put(key, new TextEncoder().encode('第一版'));
    await store().put(key, new TextEncoder().encode('第二版'));
    expect((await readAll(store(), key))?.toString('utf8')).toBe('第二版');
    await store().delete(key);
    expect(await store().get(key)).toBeNull();
    expect(await store().head(key)).toBeNull();
    await store().delete(key);
  });

  it('an empty file is stored as empty', async () => {
    await store().put(`attachments/${kind}-empty`, new Uint8Array(0));
    expect(await store().head(`attachments/${kind}-empty`)).toEqual({ size: 0 });
  });

  it('a body that fails half-way leaves nothing under the key', async () => {
    const key = `attachments/${kind}-broken`;
    async function* broken() {
      yield new Uint8Array(1024).fill(1);
      throw new Error('client went away');
    }
    await expect(store().put(key, broken())).rejects.toThrow();
    expect(await store().head(key)).toBeNull();
  });

  it('keys that are not ours (a path, dots, upper case) are refused before anything is written', async () => {
    for (const key of ['../etc/passwd', 'attachments/../../x', '/abs', 'A', 'a//b', '']) {
      await expect(store().put(key, new Uint8Array(1)), key).rejects.toThrow(/not a document key/);
    }
  });
});

describe('document store configuration', () => {
  it('local by default under .data/documents; s3 by DOCUMENT_STORE=s3 (a bucket is required); anything else is refused', async () => {
    expect((await storeFromEnv({})).describe()).toBe(`local directory ${path.join(process.cwd(), '.data', 'documents')}`);
    expect((await storeFromEnv({ DOCUMENT_DIR: dir })).describe()).toBe(`local directory ${dir}`);
    expect((await storeFromEnv(s3.env)).kind).toBe('s3');
    await expect(storeFromEnv({ DOCUMENT_STORE: 's3' })).rejects.toThrow(/DOCUMENT_S3_BUCKET/);
    await expect(storeFromEnv({ DOCUMENT_STORE: 'ftp' })).rejects.toThrow(/DOCUMENT_STORE/);
  });

  it('the local store leaves no temporary files after failed writes', () => {
    expect(readdirSync(path.join(dir, 'attachments')).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
