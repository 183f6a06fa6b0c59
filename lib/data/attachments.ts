/**
 * The document store's door for every upload and download (evidence, committee materials, later
 * file-request answers and thread attachments). The bytes live in the document store
 * (lib/store/documents.mjs: a local directory or an S3-compatible bucket); the `Attachment` row
 * keeps the metadata: storage key, size, SHA-256, the type detected from the bytes, the
 * sanitized name and the confidentiality level (rules: lib/domain/attachments.ts).
 *
 * Uploads stream: each file goes from the request's File through a hashing, inspecting pass into
 * the store, never held whole (`stageUploads`), before the step's transaction; the row is written
 * inside it (`recordAttachment`); a refused file, or a step that fails afterwards, removes what
 * was staged (`withUploads`), so the store keeps no orphan. Downloads are checked against the
 * SHA-256 before anything is sent and again while streaming; a mismatch refuses the download
 * and logs an alert. Each workflow decides who may see a record's attachments; this door adds the
 * confidentiality rule and audits every download, served or refused (`auditedDownload`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import {
  checkFileSizes,
  confidentialityAllows,
  ContentInspector,
  decideFileName,
  decideType,
  MAX_UPLOAD_BYTES,
  type Confidentiality,
  type UploadFile,
} from '@/lib/domain/attachments';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { log } from '@/lib/log';
import { attachmentKey, documentStore } from '@/lib/store/documents.mjs';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { FieldError } from './errors';
import { uploadLimit } from './settings';

export { MAX_UPLOAD_BYTES };

/** A file in the store, checked and hashed, waiting for its row. */
export interface StagedUpload {
  id: string;
  storageKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** Thrown inside the stream when a file turns out larger than the limit: no more bytes are read. */
class TooLarge extends Error {}

/**
 * One file into the store under a fresh key, through one pass that counts, hashes and inspects
 * it: a bad name → the name's code; empty → `attachmentEmpty`; over `maxFileBytes` →
 * `attachmentTooLarge` (stopped as soon as it is known); a type not accepted →
 * `attachmentType`; bytes of another type than the name says → `attachmentMismatch`. Whatever
 * is refused is removed from the store before the FieldError is thrown.
 */
async function stageOne(file: UploadFile, maxFileBytes: number, field: string): Promise<StagedUpload> {
  const name = decideFileName(file.name);
  if (!name.ok) throw new FieldError(field, name.code);
  const store = await documentStore();
  const id = randomUUID();
  const storageKey = attachmentKey(id);
  const hash = createHash('sha256');
  const seen = new ContentInspector();
  async function* inspected() {
    for await (const chunk of Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream<Uint8Array>)) {
      const bytes = chunk as Uint8Array;
      seen.push(bytes);
      if (seen.size > maxFileBytes) throw new TooLarge();
      hash.update(bytes);
      yield bytes;
    }
  }
  const refuse = async (code: string) => {
    await store.delete(storageKey);
    return new FieldError(field, code);
  };
  try {
    await store.put(storageKey, inspected());
  } catch (e) {
    if (e instanceof TooLarge) throw await refuse('attachmentTooLarge');
    await store.delete(storageKey).catch(() => {});
    throw e;
  }
  if (seen.size === 0) throw await refuse('attachmentEmpty');
  const detected = await fileTypeFromBuffer(seen.headBytes()).catch(() => undefined);
  const type = decideType(detected, name.name, seen.facts());
  if (!type.ok) throw await refuse(type.code);
  return { id, storageKey, fileName: name.name, mimeType: type.mime, size: seen.size, sha256: hash.digest('hex') };
}

/** Removes staged files from the store (a refused or rolled-back submission); a failure is logged, not thrown. */
export async function discardUploads(staged: readonly StagedUpload[]): Promise<void> {
  if (!staged.length) return;
  const store = await documentStore();
  for (const s of staged) {
    await store.delete(s.storageKey).catch((e: unknown) => log.error({ err: e, storageKey: s.storageKey }, 'document store: a discarded upload could not be removed'));
  }
}

/**
 * Stages the files of one submission (`field` names the form field for errors; all together over
 * MAX_UPLOAD_BYTES → `attachmentsTooLarge`), one after the other against the administrator's
 * per-file limit; one refused file removes the ones staged before it.
 */
export async function stageUploads(prisma: Db, files: readonly UploadFile[], field: string): Promise<StagedUpload[]> {
  if (!files.length) return [];
  const { maxFileBytes } = await uploadLimit(prisma);
  // The sizes the request declares first (nothing is read when they are over); the bytes counted again as they stream.
  const tooLarge = checkFileSizes(
    files.map((f) => f.size),
    maxFileBytes,
  );
  if (tooLarge) throw new FieldError(field, tooLarge);
  const staged: StagedUpload[] = [];
  try {
    for (const f of files) staged.push(await stageOne(f, maxFileBytes, field));
  } catch (e) {
    await discardUploads(staged);
    throw e;
  }
  return staged;
}

/**
 * The files staged, then `step` with them (it records them in its transaction); if the step fails
 * — refused, a conflict, a rollback — the staged files are removed from the store.
 */
export async function withUploads<T>(prisma: Db, files: readonly UploadFile[], field: string, step: (staged: StagedUpload[]) => Promise<T>): Promise<T> {
  const staged = await stageUploads(prisma, files, field);
  try {
    return await step(staged);
  } catch (e) {
    await discardUploads(staged);
    throw e;
  }
}

/**
 * The row of one staged file on its record, with an `attachment.add` audit row (name, size,
 * SHA-256, type), in the step's transaction. A step replayed at its historical time (`ctx.now`:
 * the seed, tests) dates the upload and its audit row with that time.
 */
export async function recordAttachment(
  tx: Tx,
  actor: Actor,
  staged: StagedUpload,
  target: { recordType: string; recordId: string; confidentiality: Confidentiality },
  ctx: { requestId?: string; now?: Date } = {},
) {
  const row = await tx.attachment.create({
    data: {
      id: staged.id,
      recordType: target.recordType,
      recordId: target.recordId,
      institutionId: actor.institutionId,
      fileName: staged.fileName,
      mimeType: staged.mimeType,
      size: staged.size,
      sha256: staged.sha256,
      storageKey: staged.storageKey,
      confidentiality: target.confidentiality,
      uploadedById: actor.id,
      ...(ctx.now ? { uploadedAt: ctx.now } : {}),
    },
    select: { id: true, fileName: true, size: true, sha256: true },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    institutionId: actor.institutionId,
    action: 'attachment.add',
    recordType: target.recordType,
    recordId: target.recordId,
    summary: { attachmentId: row.id, fileName: row.fileName, size: row.size, sha256: row.sha256, mimeType: staged.mimeType, confidentiality: target.confidentiality },
    requestId: ctx.requestId,
    at: ctx.now,
  });
  return row;
}

/** The attachments of one record (metadata only). */
export function listAttachments(prisma: Db | Tx, recordType: string, recordIds: string[]) {
  return prisma.attachment.findMany({
    where: { recordType, recordId: { in: recordIds } },
    orderBy: { uploadedAt: 'asc' },
    select: { id: true, recordId: true, fileName: true, mimeType: true, size: true, uploadedAt: true, uploadedById: true },
  });
}

const META = { id: true, recordType: true, recordId: true, fileName: true, mimeType: true, size: true, sha256: true, storageKey: true, confidentiality: true } as const;

/**
 * One attachment's metadata for download, when it belongs to the record `on` names (else null);
 * the caller has already checked the actor may see that record. The confidentiality rule is this door's: a confidential file when the record's rule
 * does not grant the actor its confidential documents (`mayReadConfidential`) → ForbiddenError.
 */
export async function readAttachment(prisma: Db, id: string, on: { recordType: string; recordId: string; mayReadConfidential: boolean }) {
  const a = await prisma.attachment.findUnique({ where: { id }, select: META });
  // Another record's file is not found, whatever it is.
  if (!a || a.recordType !== on.recordType || a.recordId !== on.recordId) return null;
  if (!confidentialityAllows(a.confidentiality, on.mayReadConfidential)) throw new ForbiddenError(`${a.recordType}.attachment`, 'notVisible');
  return a;
}
export type AttachmentMeta = NonNullable<Awaited<ReturnType<typeof readAttachment>>>;

/** A stored file whose bytes are not the ones uploaded (changed, truncated or missing in the store). */
export class IntegrityError extends Error {
  constructor(public readonly attachmentId: string) {
    super(`attachment ${attachmentId}: the stored bytes do not match the SHA-256 recorded at upload`);
    this.name = 'IntegrityError';
  }
}

function alert(a: AttachmentMeta, requestId: string | undefined, got: { sha256?: string; size?: number }) {
  log.error(
    { alert: 'document.checksumMismatch', requestId, attachmentId: a.id, storageKey: a.storageKey, expected: { sha256: a.sha256, size: a.size }, got },
    'document store: a stored file does not match its SHA-256; the download was refused',
  );
}

/**
 * The file's bytes as a stream, verified: first read through once and hashed (nothing is sent
 * unless size and SHA-256 match: IntegrityError, with an alert in the log); then streamed, hashed
 * again on the way, and broken off with an error if the bytes changed in between.
 */
async function verifiedBody(a: AttachmentMeta, requestId: string | undefined): Promise<ReadableStream<Uint8Array>> {
  const store = await documentStore();
  const first = await store.get(a.storageKey);
  if (!first) {
    alert(a, requestId, {});
    throw new IntegrityError(a.id);
  }
  const h = createHash('sha256');
  let size = 0;
  for await (const c of first) {
    h.update(c as Uint8Array);
    size += (c as Uint8Array).byteLength;
  }
  const sha256 = h.digest('hex');
  if (sha256 !== a.sha256 || size !== a.size) {
    alert(a, requestId, { sha256, size });
    throw new IntegrityError(a.id);
  }
  const second = await store.get(a.storageKey);
  if (!second) throw new IntegrityError(a.id);
  async function* checked() {
    const h2 = createHash('sha256');
    let n = 0;
    for await (const c of second!) {
      h2.update(c as Uint8Array);
      n += (c as Uint8Array).byteLength;
      yield c as Uint8Array;
    }
    const again = h2.digest('hex');
    if (again !== a.sha256 || n !== a.size) {
      alert(a, requestId, { sha256: again, size: n });
      throw new IntegrityError(a.id);
    }
  }
  return Readable.toWeb(Readable.from(checked())) as ReadableStream<Uint8Array>;
}

/** A file ready to send: what the response needs. */
export interface ServedFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  body: ReadableStream<Uint8Array>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = 'ok' | 'forbidden' | 'notFound' | 'checksumMismatch';

/**
 * A download through `read` (the workflow's own check, then `readAttachment`: the metadata, null
 * when not found — which includes a record the actor may not see —, or a ForbiddenError), its
 * bytes verified against the SHA-256, audited whatever the outcome: `attachment.download` when
 * served, `attachment.downloadRefused` (outcome `forbidden`, `notFound` or `checksumMismatch`)
 * when not, on the record the request named, each in its own short transaction after the read.
 * Requests with ids that are not ids at all are answered without a row.
 */
export async function auditedDownload(
  prisma: Db,
  actor: Actor,
  target: { recordType: string; recordId: string; attachmentId: string },
  ctx: { requestId?: string },
  read: () => Promise<AttachmentMeta | null>,
): Promise<ServedFile | null> {
  const audit = (outcome: Outcome, fileName?: string) =>
    UUID.test(target.recordId) && UUID.test(target.attachmentId)
      ? prisma.$transaction((tx) =>
          writeAudit(tx, {
            actorId: actor.id,
            institutionId: actor.institutionId,
            action: outcome === 'ok' ? 'attachment.download' : 'attachment.downloadRefused',
            recordType: target.recordType,
            recordId: target.recordId,
            summary: { attachmentId: target.attachmentId, outcome, ...(fileName ? { fileName } : {}) },
            requestId: ctx.requestId,
          }),
        )
      : Promise.resolve();
  let meta: AttachmentMeta | null;
  try {
    meta = await read();
  } catch (e) {
    if (e instanceof ForbiddenError) await audit('forbidden');
    throw e;
  }
  if (!meta) {
    await audit('notFound');
    return null;
  }
  let body: ReadableStream<Uint8Array>;
  try {
    body = await verifiedBody(meta, ctx.requestId);
  } catch (e) {
    if (e instanceof IntegrityError) await audit('checksumMismatch', meta.fileName);
    throw e;
  }
  await audit('ok', meta.fileName);
  return { id: meta.id, fileName: meta.fileName, mimeType: meta.mimeType, size: meta.size, body };
}
