/** Types of lib/store/documents.mjs (plain JavaScript so the runtime migrator needs no TypeScript). */
import type { Readable } from 'node:stream';

export interface DocumentStore {
  readonly kind: 'local' | 's3';
  describe(): string;
  /** Writes the whole body under `key` (replacing what was there); nothing is visible under the key unless it completes. */
  put(key: string, body: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void>;
  /** The bytes under `key` as a stream, or null when there is nothing. */
  get(key: string): Promise<Readable | null>;
  head(key: string): Promise<{ size: number } | null>;
  /** Removes `key` (nothing when absent): a refused or rolled-back upload leaves no object. */
  delete(key: string): Promise<void>;
}

export interface S3Options {
  bucket: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  prefix?: string;
}

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown });
}
export function localStore(dir: string): DocumentStore;
export function s3Store(o: S3Options): Promise<DocumentStore>;
export function storeFromEnv(env?: Record<string, string | undefined>): Promise<DocumentStore>;
export function documentStore(): Promise<DocumentStore>;
export function attachmentKey(id: string): string;
