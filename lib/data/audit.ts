/**
 * The audit writer. Called inside the same transaction as the change it records; the table
 * refuses UPDATE and DELETE (trigger in the first migration), so the log is append-only.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import { auditChanges, type AuditChange } from '@/lib/domain/audit';
import type { Actor } from '@/lib/domain/roles';
import type { Db, Tx } from './db';
import { names } from './names';

export interface AuditEntry {
  actorId: string | null;
  institutionId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  summary?: Prisma.InputJsonValue;
  requestId?: string | null;
  /** Defaults to the database's clock; steps pass their own so events and audit rows agree. */
  at?: Date;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      institutionId: entry.institutionId,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      summary: entry.summary,
      requestId: entry.requestId ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}

export interface AuditTrailEntry {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  changes: AuditChange[];
}

/**
 * A record's audit trail as one institution sees it: the rows its own people wrote, oldest first.
 * The other institution's rows never leave the database. Callers pass records they have already
 * loaded through the record's visibility rule; `recordIds` may add child records (evidence items…).
 */
export async function auditTrail(
  prisma: Db,
  actor: Pick<Actor, 'institutionId'>,
  records: { recordType: string; recordIds: string[] }[],
): Promise<AuditTrailEntry[]> {
  const of = records.filter((r) => r.recordIds.length);
  if (!of.length) return [];
  const rows = await prisma.auditEvent.findMany({
    where: { institutionId: actor.institutionId, OR: of.map((r) => ({ recordType: r.recordType, recordId: { in: r.recordIds } })) },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const who = await names(prisma, rows.map((a) => a.actorId), []);
  return rows.map((a) => ({ id: String(a.id), at: a.at, action: a.action, actorName: who.user(a.actorId), changes: auditChanges(a.summary) }));
}
