/**
 * Settings the administrator changes at run time, one `Setting` row a key (absent: the default).
 * Today one: the per-file upload limit (lib/domain/attachments.ts). Each change is audited in the
 * same transaction; the version stops lost updates.
 */
import { DEFAULT_MAX_FILE_BYTES, MAX_ATTACHMENT_BYTES, MAX_FILE_BYTES_SETTING, maxFileSizeInput } from '@/lib/domain/attachments';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { ConflictError } from './errors';

const MB = 1024 * 1024;

/** The per-file upload limit in bytes, and the setting's version (0: never set). */
export async function uploadLimit(prisma: Db | Tx): Promise<{ maxFileBytes: number; version: number }> {
  const row = await prisma.setting.findUnique({ where: { key: MAX_FILE_BYTES_SETTING } });
  const v = typeof row?.value === 'number' && Number.isInteger(row.value) && row.value > 0 ? Math.min(row.value, MAX_ATTACHMENT_BYTES) : DEFAULT_MAX_FILE_BYTES;
  return { maxFileBytes: v, version: row?.version ?? 0 };
}

/** The administrator sets the per-file limit (whole megabytes, 1–25); audited with before and after. */
export async function setUploadLimit(prisma: Db, actor: Actor, raw: unknown, requestId?: string) {
  assertAllowed(decideFeature(actor, 'settings.manage'), 'settings.update');
  const input = maxFileSizeInput.parse(raw);
  const bytes = input.maxFileMegabytes * MB;
  return prisma.$transaction(async (tx) => {
    const before = await uploadLimit(tx);
    if (before.version !== input.version) throw new ConflictError();
    if (before.version === 0) {
      const { count } = await tx.setting.createMany({ data: [{ key: MAX_FILE_BYTES_SETTING, value: bytes, updatedById: actor.id }], skipDuplicates: true });
      if (count === 0) throw new ConflictError();
    } else {
      const { count } = await tx.setting.updateMany({
        where: { key: MAX_FILE_BYTES_SETTING, version: input.version },
        data: { value: bytes, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
      });
      if (count === 0) throw new ConflictError();
    }
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: 'setting.update',
      recordType: 'Setting',
      recordId: MAX_FILE_BYTES_SETTING,
      summary: { before: { maxFileBytes: before.maxFileBytes }, after: { maxFileBytes: bytes } },
      requestId,
    });
    return { maxFileBytes: bytes };
  });
}
