/**
 * The step runner of every workflow: inside one transaction load the record, ask the domain
 * decision, check the version, update with `WHERE version = ?`, write a WorkflowEvent (shared or
 * internal) and an AuditEvent. Forbidden → ForbiddenError; wrong moment → StepError; someone
 * else was first → ConflictError. Also the one timeline reader and the audit-trail reader.
 */
import type { Actor } from '@/lib/domain/roles';
import type { StepDecision } from '@/lib/domain/workflow';
import type { Prisma } from '@/lib/generated/prisma/client';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { ConflictError, FieldError, refuseStep } from './errors';

export interface WorkflowContext {
  /** Today in China, YYYY-MM-DD. */
  today: string;
  requestId?: string;
  now?: Date;
}

export interface VersionedRecord {
  id: string;
  version: number;
  status: string;
}

export interface StepPlan {
  /** Fields to write besides status and version. */
  data?: Record<string, unknown>;
  /** Details shown on the timeline (seen by the other side when the step is shared). */
  event?: Record<string, unknown>;
  /** Runs after the update in the same transaction; its result goes to the audit row and the caller only. */
  after?: (tx: Tx) => Promise<Record<string, unknown> | void>;
}

export interface WorkflowSpec<R extends VersionedRecord> {
  recordType: string;
  /** The step's name, e.g. "nameAttendee". */
  action: string;
  load: (tx: Tx, id: string) => Promise<R | null>;
  decide: (rec: R) => StepDecision<string, string>;
  /** `UPDATE … WHERE id = ? AND version = ?`, returning the number of rows changed. */
  update: (tx: Tx, id: string, version: number, data: Record<string, unknown>) => Promise<number>;
  /** The supervision case the event belongs to; `written` are the fields this step writes (a step may relink the record). */
  caseIdOf?: (rec: R, written: Record<string, unknown>) => string | null;
  /** Names the step in audit rows and refusals, `<auditName>.<action>`; default: recordType. */
  auditName?: string;
  /** How the changed fields appear in the audit summary's before / after; default: as written (long texts cut by `json`). */
  auditFields?: (fields: Record<string, unknown>) => Record<string, unknown>;
  /** Keep long texts in the event's details whole (default: cut like the audit summary). */
  wholeEventTexts?: boolean;
  /**
   * Columns holding "the last change this side can see", per institution kind: stamped with the
   * step's time when the step is visible to that side (shared, or taken by that side). A list
   * sorted by such a column never moves a record for the other side's internal work.
   */
  activityAt?: Partial<Record<Actor['institutionKind'], string>>;
}

export async function runWorkflowStep<R extends VersionedRecord>(
  prisma: Db,
  actor: Actor,
  spec: WorkflowSpec<R>,
  input: { id: string; version: number },
  ctx: WorkflowContext,
  plan: (rec: R, tx: Tx) => Promise<StepPlan> | StepPlan,
) {
  const name = `${spec.auditName ?? spec.recordType}.${spec.action}`;
  const fields = spec.auditFields ?? ((f: Record<string, unknown>) => f);
  return prisma.$transaction(async (tx) => {
    const rec = await spec.load(tx, input.id);
    if (!rec) throw new FieldError('id', 'notFound');
    const decision = spec.decide(rec);
    if (!decision.ok) refuseStep(name, decision, rec.version !== input.version);
    if (rec.version !== input.version) throw new ConflictError();
    const p = await plan(rec, tx);
    const seen = Object.entries(spec.activityAt ?? {}).filter(([side]) => decision.shared || side === actor.institutionKind);
    const at = ctx.now ?? new Date();
    const data = { ...(p.data ?? {}), ...Object.fromEntries(seen.map(([, column]) => [column, at])), status: decision.to, version: { increment: 1 } };
    const count = await spec.update(tx, rec.id, input.version, data);
    if (count === 0) throw new ConflictError();
    // What `after` returns (e.g. the id of a new internal record) goes to the audit row and the
    // caller, never into the event, which the other institution may see.
    const extra = p.after ? await p.after(tx) : undefined;
    await writeWorkflowEvent(tx, {
      recordType: spec.recordType,
      recordId: rec.id,
      caseId: spec.caseIdOf?.(rec, p.data ?? {}) ?? null,
      actor,
      shared: decision.shared,
      kind: spec.action,
      fromStatus: rec.status,
      toStatus: decision.to,
      data: p.event,
      at: ctx.now,
      wholeTexts: spec.wholeEventTexts,
    });
    const before = Object.fromEntries(Object.keys(p.data ?? {}).map((k) => [k, (rec as Record<string, unknown>)[k]]));
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: name,
      recordType: spec.recordType,
      recordId: rec.id,
      summary: json({
        before: fields({ status: rec.status, ...before }),
        after: fields({ status: decision.to, ...(p.data ?? {}) }),
        ...(extra ?? {}),
      }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: rec.id, status: decision.to, ...(extra ?? {}) };
  });
}

export interface WorkflowEventInput {
  recordType: string;
  recordId: string;
  caseId?: string | null;
  /** Who took the step (id null: the system, e.g. a calendar import without a signed-in user). */
  actor: { id: string | null; institutionId: string };
  shared: boolean;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
  /** Keep long texts in `data` whole (default: cut like audit summaries). */
  wholeTexts?: boolean;
}

/** A timeline event outside `runWorkflowStep` (e.g. when a record is created). */
export async function writeWorkflowEvent(tx: Tx, e: WorkflowEventInput) {
  await tx.workflowEvent.create({
    data: {
      recordType: e.recordType,
      recordId: e.recordId,
      caseId: e.caseId ?? null,
      actorId: e.actor.id,
      institutionId: e.actor.institutionId,
      visibility: e.shared ? 'shared' : 'internal',
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      data: e.data && Object.keys(e.data).length ? json(e.data, e.wholeTexts ? Infinity : undefined) : undefined,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

/** Dates become ISO strings, texts longer than `cut` are cut, so audit summaries stay readable. */
export function json(v: unknown, cut = 500): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > cut ? `${x.slice(0, cut)}… (${x.length} chars)` : x)),
  ) as Prisma.InputJsonValue;
}

/** The names of the people behind a list of events or audit rows, with their institutions. */
async function actorsOf(prisma: Db, ids: (string | null)[]) {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(ids.filter((x): x is string => !!x))] } },
    select: { id: true, name: true, institution: { select: { name: true, nameEn: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return (id: string | null) => {
    const u = id ? byId.get(id) : undefined;
    return { actorName: u?.name ?? null, institutionName: u?.institution.name ?? null, institutionNameEn: u?.institution.nameEn ?? null };
  };
}

/** A record's timeline as the actor may see it: shared events, and the actor's own side's internal ones. */
export async function timelineOf(prisma: Db, actor: Actor, where: Prisma.WorkflowEventWhereInput) {
  const events = await prisma.workflowEvent.findMany({
    where: { AND: [where, { OR: [{ visibility: 'shared' }, { institutionId: actor.institutionId }] }] },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const who = await actorsOf(prisma, events.map((e) => e.actorId));
  return events.map((e) => ({
    key: `w${e.id}`,
    at: e.at,
    recordType: e.recordType,
    recordId: e.recordId,
    kind: e.kind,
    internal: e.visibility === 'internal',
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    ...who(e.actorId),
    data: (e.data as Record<string, unknown> | null) ?? null,
  }));
}
export type WorkflowTimelineEntry = Awaited<ReturnType<typeof timelineOf>>[number];
