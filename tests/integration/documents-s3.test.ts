/** The document suite (documents-suite.ts) on the S3 store: an s3rver started here, selected by the same environment variables a deployment sets. */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { S3_BUCKET, s3rverObjectFile, startS3rver } from '@/tests/support/s3rver';
import { documentSuite } from './documents-suite';

let s3: Awaited<ReturnType<typeof startS3rver>>;

documentSuite(
  's3',
  async () => {
    s3 = await startS3rver();
    Object.assign(process.env, s3.env);
    const dir = path.join(s3.dir, S3_BUCKET, 'attachments');
    return {
      keys: async () => (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('._S3rver_object')).map((f) => `attachments/${f.replace('._S3rver_object', '')}`),
      tamper: (key) => writeFile(s3rverObjectFile(s3.dir, key), 'tampered'),
    };
  },
  async () => {
    for (const k of Object.keys(s3?.env ?? {})) delete process.env[k];
    await s3?.close();
  },
);
