/**
 * Verifying the audit chains (docs/decisions/0023): walks every chain in order, in batches (never
 * all events in memory), by the rule in lib/domain/audit-chain.ts, and records each run. Called by
 * `npm run audit:verify`, the administrator's button, and any scheduler (`runAuditVerification`).
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import { checkHead, EMPTY_HEAD, PLATFORM_CHAIN, verifyLinks, type BrokenLink, type ChainHead } from '@/lib/domain/audit-chain';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { log } from '@/lib/log';
import { sha256, writeAudit } from './audit';
import type { Db } from './db';

export interface ChainReport {
  ok: boolean;
  /** Events verified: every event of an intact chain, those before the first broken link of a broken one. */
  events: number;
  chains: number;
  /** The first broken link of each broken chain, unchained events first. */
  broken: BrokenLink[];
}

const EVENT_FIELDS = {
  id: true,
  chainSeq: true,
  at: true,
  actorId: true,
  institutionId: true,
  action: true,
  recordType: true,
  recordId: true,
  requestId: true,
  summary: true,
  contentHash: true,
  prevHash: true,
} as const;

/**
 * One chain in order, a window of sequence numbers at a time (a bounded range on the
 * (institutionId, chainSeq) index, which the planner also uses for the platform chain's NULL).
 */
async function walkChain(prisma: Db, chain: string, recorded: ChainHead | undefined, maxSeq: bigint, batchSize: number) {
  const institutionId = chain === PLATFORM_CHAIN ? null : chain;
  const window = BigInt(batchSize);
  let head = EMPTY_HEAD;
  let verified = 0;
  for (let from = 1n; from <= maxSeq; from += window) {
    const rows = await prisma.auditEvent.findMany({
      where: { institutionId, chainSeq: { gte: from, lt: from + window } },
      orderBy: [{ chainSeq: 'asc' }, { id: 'asc' }],
      select: EVENT_FIELDS,
    });
    if (!rows.length) {
      // A gap of a whole window (a far-off sequence number was written): the next event is out of sequence.
      const next = await prisma.auditEvent.findFirst({ where: { institutionId, chainSeq: { gte: from } }, orderBy: [{ chainSeq: 'asc' }, { id: 'asc' }], select: EVENT_FIELDS });
      return { verified, broken: verifyLinks(sha256, chain, head, next ? [next] : []).broken };
    }
    const step = verifyLinks(sha256, chain, head, rows);
    verified += step.verified;
    if (step.broken) return { verified, broken: step.broken };
    head = step.head;
  }
  return { verified, broken: checkHead(chain, head, recorded) };
}

/** Checks every audit chain against its head; reads only. */
export async function verifyAuditChain(prisma: Db, opts: { batchSize?: number } = {}): Promise<ChainReport> {
  const batchSize = opts.batchSize ?? 2000;
  const heads = new Map(
    (await prisma.auditChainHead.findMany({ select: { chain: true, seq: true, hash: true } })).map((h) => [h.chain, { seq: h.seq, hash: h.hash }]),
  );
  const present = await prisma.auditEvent.groupBy({ by: ['institutionId'], where: { chainSeq: { not: null } }, _max: { chainSeq: true } });
  const maxSeq = new Map(present.map((p) => [p.institutionId ?? PLATFORM_CHAIN, p._max.chainSeq ?? 0n]));
  const chains = [...new Set([...heads.keys(), ...maxSeq.keys()])].sort();
  const broken: BrokenLink[] = [];
  const unchained = await prisma.auditEvent.findFirst({ where: { chainSeq: null }, orderBy: { id: 'asc' }, select: { id: true, institutionId: true } });
  if (unchained) broken.push({ chain: unchained.institutionId ?? PLATFORM_CHAIN, reason: 'unchained', eventId: String(unchained.id) });
  let events = 0;
  for (const chain of chains) {
    const r = await walkChain(prisma, chain, heads.get(chain), maxSeq.get(chain) ?? 0n, batchSize);
    events += r.verified;
    if (r.broken) broken.push(r.broken);
  }
  return { ok: broken.length === 0, events, chains: chains.length, broken };
}

export type VerificationTrigger = 'admin' | 'cli' | 'schedule';

/**
 * Verifies, records the run (and audits it) and, when a chain is broken, logs an alert at level
 * error naming the first broken links. What a periodic job calls.
 */
export async function runAuditVerification(
  prisma: Db,
  by: { trigger: VerificationTrigger; actor?: Pick<Actor, 'id' | 'institutionId'>; requestId?: string },
) {
  const startedAt = new Date();
  const report = await verifyAuditChain(prisma);
  if (!report.ok) {
    log.error({ alert: 'audit-chain-broken', broken: report.broken, events: report.events, trigger: by.trigger }, 'audit chain broken');
  }
  const run = await prisma.$transaction(async (tx) => {
    const row = await tx.auditVerification.create({
      data: {
        startedAt,
        finishedAt: new Date(),
        ok: report.ok,
        events: report.events,
        chains: report.chains,
        broken: report.ok ? undefined : (report.broken as unknown as Prisma.InputJsonValue),
        trigger: by.trigger,
        actorId: by.actor?.id ?? null,
      },
    });
    await writeAudit(tx, {
      actorId: by.actor?.id ?? null,
      institutionId: by.actor?.institutionId ?? null,
      action: 'audit.verify',
      recordType: 'AuditVerification',
      recordId: String(row.id),
      summary: { ok: report.ok, events: report.events, trigger: by.trigger, ...(report.ok ? {} : { broken: report.broken.length }) },
      requestId: by.requestId,
    });
    return row;
  });
  return { ...report, id: String(run.id), finishedAt: run.finishedAt };
}

/** The administrator starts a verification (the admin page's button). */
export async function verifyAuditChainAsAdmin(prisma: Db, actor: Actor, requestId?: string) {
  assertAllowed(decideFeature(actor, 'audit.verify'), 'audit.verify');
  const r = await runAuditVerification(prisma, { trigger: 'admin', actor, requestId });
  return { ok: r.ok, events: r.events };
}

export interface LastVerification {
  finishedAt: Date;
  ok: boolean;
  events: number;
  trigger: string;
  broken: BrokenLink[];
}

/** The latest verification run, for the administrator page. */
export async function lastAuditVerification(prisma: Db, actor: Actor): Promise<LastVerification | null> {
  assertAllowed(decideFeature(actor, 'audit.verify'), 'audit.verify');
  const row = await prisma.auditVerification.findFirst({ orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }] });
  if (!row) return null;
  return { finishedAt: row.finishedAt, ok: row.ok, events: row.events, trigger: row.trigger, broken: (row.broken as BrokenLink[] | null) ?? [] };
}
