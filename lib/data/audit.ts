/**
 * The audit writer. Called inside the same transaction as the change it records; the table
 * refuses UPDATE and DELETE (trigger in the first migration), so the log is append-only.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from './db';

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
