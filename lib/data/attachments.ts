/**
 * Attachments (evidence, committee materials) stored in the database, size-limited, their type
 * recognized from the bytes (lib/domain/attachments.ts): the stored and served type is the
 * recognized one, never the name's or the browser's claim. Each workflow decides who may see a
 * record's attachments and calls these helpers after its own policy check; nothing here
 * authorizes by itself. Downloads, allowed or refused, are audited here (`auditedDownload`).
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { decideType, MAX_ATTACHMENT_BYTES, MAX_UPLOAD_BYTES } from '@/lib/domain/attachments';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { isCleanText } from '@/lib/domain/validation';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { FieldError } from './errors';

export { MAX_ATTACHMENT_BYTES, MAX_UPLOAD_BYTES };

export interface NewAttachment {
  recordType: string;
  recordId: string;
  fileName: string;
  /** The type the browser claims: not trusted, not stored (the bytes decide). */
  mimeType?: string;
  bytes: Uint8Array;
}

/** The files of one submission together: over MAX_UPLOAD_BYTES → `attachmentsTooLarge` on `field`. */
export function assertUploadTotal(sizes: readonly number[], field: string): void {
  if (sizes.reduce((a, b) => a + b, 0) > MAX_UPLOAD_BYTES) throw new FieldError(field, 'attachmentsTooLarge');
}

/**
 * Validates and stores one file; `field` names the form field for errors: no name or no bytes →
 * `required`; a name with control or format characters → `controlCharacters`; too large →
 * `attachmentTooLarge`; a type not accepted → `attachmentType`; bytes of another type than the
 * name says → `attachmentMismatch`. A step replayed at its historical time (`ctx.now`: the seed,
 * tests) dates the upload and its audit row with that time.
 */
export async function storeAttachment(tx: Tx, actor: Actor, a: NewAttachment, field = 'file', ctx: { requestId?: string; now?: Date } = {}) {
  const name = a.fileName.trim();
  if (!name) throw new FieldError(field, 'required');
  if (!isCleanText(name, 'single')) throw new FieldError(field, 'controlCharacters');
  if (name.length > 200) throw new FieldError(field, 'tooLong');
  if (a.bytes.byteLength === 0) throw new FieldError(field, 'required');
  if (a.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new FieldError(field, 'attachmentTooLarge');
  const type = decideType(await fileTypeFromBuffer(a.bytes), name, a.bytes);
  if (!type.ok) throw new FieldError(field, type.code);
  const sha256 = createHash('sha256').update(a.bytes).digest('hex');
  const row = await tx.attachment.create({
    data: {
      recordType: a.recordType,
      recordId: a.recordId,
      institutionId: actor.institutionId,
      fileName: name,
      mimeType: type.mime,
      size: a.bytes.byteLength,
      sha256,
      data: Buffer.from(a.bytes),
      uploadedById: actor.id,
      ...(ctx.now ? { uploadedAt: ctx.now } : {}),
    },
    select: { id: true, fileName: true, size: true, sha256: true },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    institutionId: actor.institutionId,
    action: 'attachment.add',
    recordType: a.recordType,
    recordId: a.recordId,
    summary: { attachmentId: row.id, fileName: name, size: row.size, sha256, mimeType: type.mime },
    requestId: ctx.requestId,
    at: ctx.now,
  });
  return row;
}

/** The attachments of one record, without their bytes. */
export function listAttachments(prisma: Db | Tx, recordType: string, recordIds: string[]) {
  return prisma.attachment.findMany({
    where: { recordType, recordId: { in: recordIds } },
    orderBy: { uploadedAt: 'asc' },
    select: { id: true, recordId: true, fileName: true, mimeType: true, size: true, uploadedAt: true, uploadedById: true },
  });
}

/** One attachment with its bytes; the caller has already checked the actor may see its record. */
export function readAttachment(prisma: Db, id: string) {
  return prisma.attachment.findUnique({ where: { id } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A download through `read` (the workflow's own check and read: the file, null when not found —
 * which includes a record the actor may not see —, or a ForbiddenError), audited whatever the
 * outcome: `attachment.download` when served, `attachment.downloadRefused` (outcome `forbidden`
 * or `notFound`) when not, on the record the request named, each in its own short transaction
 * after the read. Requests with ids that are not ids at all are answered without a row.
 */
export async function auditedDownload<T extends { id: string; fileName: string }>(
  prisma: Db,
  actor: Actor,
  target: { recordType: string; recordId: string; attachmentId: string },
  ctx: { requestId?: string },
  read: () => Promise<T | null>,
): Promise<T | null> {
  const audit = (outcome: 'ok' | 'forbidden' | 'notFound', fileName?: string) =>
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
  let file: T | null;
  try {
    file = await read();
  } catch (e) {
    if (e instanceof ForbiddenError) await audit('forbidden');
    throw e;
  }
  await audit(file ? 'ok' : 'notFound', file?.fileName);
  return file;
}
