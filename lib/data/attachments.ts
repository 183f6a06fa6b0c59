/**
 * Attachments (evidence, committee materials) stored in the database, size-limited. Each
 * workflow decides who may see a record's attachments and calls these helpers after its own
 * policy check; nothing here authorizes by itself.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/domain/roles';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { FieldError } from './errors';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const ALLOWED = /^(application\/pdf|image\/(png|jpeg)|text\/plain|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/msword)$/;

export interface NewAttachment {
  recordType: string;
  recordId: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Validates and stores one file; `field` names the form field for errors. A step replayed at its
 * historical time (`ctx.now`: the seed, tests) dates the upload and its audit row with that time.
 */
export async function storeAttachment(tx: Tx, actor: Actor, a: NewAttachment, field = 'file', ctx: { requestId?: string; now?: Date } = {}) {
  const name = a.fileName.trim().slice(0, 200);
  if (!name) throw new FieldError(field, 'required');
  if (a.bytes.byteLength === 0) throw new FieldError(field, 'required');
  if (a.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new FieldError(field, 'attachmentTooLarge');
  if (!ALLOWED.test(a.mimeType)) throw new FieldError(field, 'attachmentType');
  const sha256 = createHash('sha256').update(a.bytes).digest('hex');
  const row = await tx.attachment.create({
    data: {
      recordType: a.recordType,
      recordId: a.recordId,
      institutionId: actor.institutionId,
      fileName: name,
      mimeType: a.mimeType,
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
    summary: { attachmentId: row.id, fileName: name, size: row.size, sha256 },
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
