/**
 * The document store: where the bytes of every upload live (the database keeps the metadata:
 * key, size, SHA-256, type, name, confidentiality; lib/data/attachments.ts). One interface, two
 * kinds, chosen by configuration (docs/deployment.md, docs/decisions/0024-document-store.md):
 *
 * - `local` (default): files under DOCUMENT_DIR (default `.data/documents`). One app server, or
 *   several sharing that directory (a network file system).
 * - `s3`: an S3-compatible bucket (DOCUMENT_S3_BUCKET, DOCUMENT_S3_ENDPOINT, DOCUMENT_S3_REGION,
 *   DOCUMENT_S3_ACCESS_KEY_ID, DOCUMENT_S3_SECRET_ACCESS_KEY, DOCUMENT_S3_FORCE_PATH_STYLE).
 *
 * Every operation streams: `put` consumes an async iterable of chunks (never the whole file at
 * once), `get` answers a Node stream. Plain JavaScript (types in documents.d.mts) so the runtime
 * migrator, which moves the bytes of old attachments out of the database, needs no TypeScript.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Keys are ours, never a user's file name: lower-case letters, digits, '-', '/' between parts. */
const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export class StoreError extends Error {
  /** @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(message, options = {}) {
    super(message, { cause: options.cause });
    this.name = 'StoreError';
  }
}

/** @param {string} key */
function checkKey(key) {
  if (typeof key !== 'string' || key.length > 200 || !KEY.test(key)) throw new StoreError(`not a document key: ${JSON.stringify(key)}`);
  return key;
}

/** @param {Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>} body */
function readableOf(body) {
  return body instanceof Uint8Array ? Readable.from([body]) : Readable.from(body, { objectMode: false });
}

/**
 * Files under `dir`: `<dir>/<key>`, written to a temporary name in the same directory and renamed
 * when complete, so a reader never sees half a file and a failed write leaves nothing behind.
 * @param {string} dir
 * @returns {import('./documents.d.mts').DocumentStore}
 */
export function localStore(dir) {
  const root = path.resolve(dir);
  const fileOf = (/** @type {string} */ key) => path.join(root, ...checkKey(key).split('/'));
  return {
    kind: 'local',
    describe: () => `local directory ${root}`,
    async put(key, body) {
      const file = fileOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomUUID()}.part`;
      try {
        await pipeline(readableOf(body), fs.createWriteStream(tmp, { flags: 'wx' }));
        await fsp.rename(tmp, file);
      } catch (e) {
        await fsp.rm(tmp, { force: true });
        throw e;
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        await fsp.access(file);
        return fs.createReadStream(file);
      } catch (e) {
        if (/** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT') return null;
        throw e;
      }
    },
    async head(key) {
      try {
        const s = await fsp.stat(fileOf(key));
        return { size: s.size };
      } catch (e) {
        if (/** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
  };
}

/** @param {unknown} e */
const isMissing = (e) => {
  const err = /** @type {{ name?: string, $metadata?: { httpStatusCode?: number } }} */ (e);
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
};

/**
 * Objects in an S3-compatible bucket, `<prefix><key>`. Uploads go up in parts of 8 MB
 * (@aws-sdk/lib-storage), so a file is never held whole; one part for small files.
 * @param {import('./documents.d.mts').S3Options} o
 * @returns {Promise<import('./documents.d.mts').DocumentStore>}
 */
export async function s3Store(o) {
  const { S3Client, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  const { Upload } = await import('@aws-sdk/lib-storage');
  const client = new S3Client({
    region: o.region ?? 'us-east-1',
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle ?? !!o.endpoint,
    ...(o.accessKeyId && o.secretAccessKey ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } } : {}),
    // Checksums only where the API requires them: S3-compatible servers differ in what they accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = o.bucket;
  const prefix = o.prefix ?? '';
  const Key = (/** @type {string} */ key) => `${prefix}${checkKey(key)}`;
  return {
    kind: 's3',
    describe: () => `S3 bucket ${Bucket}${o.endpoint ? ` at ${o.endpoint}` : ''}`,
    async put(key, body) {
      const upload = new Upload({ client, params: { Bucket, Key: Key(key), Body: readableOf(body) }, partSize: 8 * 1024 * 1024, queueSize: 1 });
      await upload.done();
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: Key(key) }));
        return /** @type {Readable} */ (r.Body);
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async head(key) {
      try {
        const r = await client.send(new HeadObjectCommand({ Bucket, Key: Key(key) }));
        return { size: Number(r.ContentLength ?? 0) };
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) }));
    },
  };
}

/**
 * The store the environment configures (see the top of this file).
 * @param {Record<string, string | undefined>} [env]
 */
export async function storeFromEnv(env = process.env) {
  const kind = (env.DOCUMENT_STORE ?? 'local').trim().toLowerCase();
  if (kind === 'local') return localStore(env.DOCUMENT_DIR?.trim() || path.join(process.cwd(), '.data', 'documents'));
  if (kind === 's3') {
    const bucket = env.DOCUMENT_S3_BUCKET?.trim();
    if (!bucket) throw new StoreError('DOCUMENT_STORE=s3 needs DOCUMENT_S3_BUCKET');
    const fps = env.DOCUMENT_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
    return s3Store({
      bucket,
      endpoint: env.DOCUMENT_S3_ENDPOINT?.trim() || undefined,
      region: env.DOCUMENT_S3_REGION?.trim() || undefined,
      accessKeyId: env.DOCUMENT_S3_ACCESS_KEY_ID?.trim() || undefined,
      secretAccessKey: env.DOCUMENT_S3_SECRET_ACCESS_KEY?.trim() || undefined,
      forcePathStyle: fps ? fps === 'true' || fps === '1' : undefined,
      prefix: env.DOCUMENT_S3_PREFIX?.trim() || undefined,
    });
  }
  throw new StoreError(`DOCUMENT_STORE must be "local" or "s3", not ${JSON.stringify(kind)}`);
}

/** @type {Promise<import('./documents.d.mts').DocumentStore> | null} */
let configured = null;

/** The process's store, configured once from the environment. */
export function documentStore() {
  configured ??= storeFromEnv().catch((e) => {
    configured = null;
    throw e;
  });
  return configured;
}

/** The storage key of an attachment: its id under `attachments/`. */
export function attachmentKey(/** @type {string} */ id) {
  return `attachments/${id.toLowerCase()}`;
}
