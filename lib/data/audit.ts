/**
 * The audit writer. Called inside the same transaction as the change it records; the table
 * refuses UPDATE and DELETE (trigger in the first migration), so the log is append-only. Each
 * event is appended to its institution's tamper-evident chain (lib/domain/audit-chain.ts,
 * docs/decisions/0023).
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { auditChanges, type AuditChange } from '@/lib/domain/audit';
import { appendLink, chainOf, GENESIS_HASH, type Sha256 } from '@/lib/domain/audit-chain';
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

export const sha256: Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Locks the chain's head row for the rest of the transaction (creating it for a new chain) and
 * reads it, with the database's clock as the column default would have it.
 */
async function lockHead(tx: Tx, chain: string) {
  const read = () =>
    tx.$queryRaw<{ seq: bigint; hash: string; now: Date }[]>`
      SELECT "seq", "hash", CURRENT_TIMESTAMP::timestamp(3) AS "now" FROM "AuditChainHead" WHERE "chain" = ${chain} FOR UPDATE`;
  let [head] = await read();
  if (!head) {
    // A concurrent first writer of the same chain makes this wait for its commit, then do nothing.
    await tx.auditChainHead.createMany({ data: { chain, seq: 0n, hash: GENESIS_HASH }, skipDuplicates: true });
    [head] = await read();
  }
  return head!;
}

/**
 * Appends one event. The chain's head stays locked until the transaction ends, so appends to a
 * chain follow one another in commit order; callers write the audit event last in their
 * transaction, which keeps that lock short.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const institutionId = entry.institutionId?.toLowerCase() ?? null;
  const chain = chainOf(institutionId);
  const head = await lockHead(tx, chain);
  // Hashed as the database will return it: JSON, uuids in lower case, the time to the millisecond.
  const summary = entry.summary === undefined ? null : (JSON.parse(JSON.stringify(entry.summary)) as Prisma.InputJsonValue | null);
  const content = {
    at: entry.at ?? head.now,
    actorId: entry.actorId?.toLowerCase() ?? null,
    institutionId,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    requestId: entry.requestId ?? null,
    summary,
  };
  const link = appendLink(sha256, { seq: head.seq, hash: head.hash }, content);
  await tx.auditEvent.create({
    data: { ...content, summary: summary ?? undefined, chainSeq: link.chainSeq, contentHash: link.contentHash, prevHash: link.prevHash },
  });
  await tx.auditChainHead.update({ where: { chain }, data: link.head });
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
