/**
 * A local S3-compatible server (s3rver) for tests, started in-process on a free port with its
 * own temporary directory and one bucket, and the document store pointing at it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { s3Store, type DocumentStore } from '@/lib/store/documents.mjs';

export const S3_BUCKET = 'liaison-documents';

export async function startS3rver(): Promise<{ store: DocumentStore; dir: string; env: Record<string, string>; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liaison-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: S3_BUCKET }] });
  const { port } = (await server.run()) as { port: number };
  const env = {
    DOCUMENT_STORE: 's3',
    DOCUMENT_S3_BUCKET: S3_BUCKET,
    DOCUMENT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    DOCUMENT_S3_ACCESS_KEY_ID: 'S3RVER',
    DOCUMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  const store = await s3Store({ bucket: S3_BUCKET, endpoint: env.DOCUMENT_S3_ENDPOINT, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  return {
    store,
    dir,
    env,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where s3rver keeps an object's bytes on disk (to tamper with them in a test). */
export function s3rverObjectFile(dir: string, key: string): string {
  return path.join(dir, S3_BUCKET, `${key}._S3rver_object`);
}
