/**
 * Leads transferred between the institutions (lib/domain/leads/machine.ts): sending one, the
 * receiving institution's receipt, and what it did with it (for the procuratorate possibly
 * opening a supervision case, in the same transaction). Steps on an existing lead go through the
 * shared step runner (`runWorkflowStep`): one transaction with the decision on the record as
 * read from the database, the version check, the update, a shared timeline event and an audit
 * row. Reads filter by what the actor may see, in the query itself.
 */
import { type CaseKind } from '@/lib/domain/cases/numbers';
import {
  availableSteps,
  caseTagFor,
  decide,
  directionFor,
  LEAD_KINDS,
  LEAD_STATUSES,
  LEAD_STEPS,
  newLead,
  outcomeFits,
  PENSION_FRAUD_SUBTYPES,
  receiverSide,
  type LeadFacts,
  type LeadKind,
  type LeadOutcome,
  type LeadStep,
} from '@/lib/domain/leads/machine';
import * as S from '@/lib/domain/leads/schemas';
import { assertAllowed, decideFeature, ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import type { LeadBox, LeadFilter } from '@/lib/lists/leads';
import { LEAD_VISIBILITY } from '@/lib/domain/leads/visibility';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import type { CaseLead, Prisma } from '@/lib/generated/prisma/client';
import { writeAudit } from './audit';
import { openCase } from './case-open';
import type { Db } from './db';
import { mapPage, pageOf } from './page';
import { FieldError, refuseStep } from './errors';
import { names } from './names';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { findVisible, visibleWhere as visibleWhereOf } from './visibility';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';

export const RECORD_TYPE = 'CaseLead';

export function factsOf(rec: CaseLead): LeadFacts {
  return { status: rec.status, procuratorateId: rec.procuratorateId, courtId: rec.courtId, fromKind: rec.fromKind };
}

function specFor(actor: Actor, step: LeadStep, caseIdOf?: (rec: CaseLead) => string | null): WorkflowSpec<CaseLead> {
  return {
    recordType: RECORD_TYPE,
    action: step,
    load: (tx, id) => tx.caseLead.findUnique({ where: { id } }),
    decide: (rec) => decide(actor, step, factsOf(rec)),
    update: async (tx, id, version, data) =>
      (await tx.caseLead.updateMany({ where: { id, version }, data: data as Prisma.CaseLeadUncheckedUpdateManyInput })).count,
    caseIdOf: caseIdOf ?? ((rec) => rec.caseId),
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

/** Either institution sends a lead to the other institution of the pair. */
export async function sendLead(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const rawTo = typeof raw === 'object' && raw !== null ? String((raw as Record<string, unknown>).counterpartId ?? '') : '';
  const first = decide(actor, 'send', newLead(actor, rawTo));
  if (!first.ok && first.forbidden) refuseStep(`${RECORD_TYPE}.send`, first);
  const input = S.sendInput.parse(raw);

  // The other institution of the pair.
  await requireCounterpart(prisma, actor, input.counterpartId, 'counterpartId');
  if (input.caseId) {
    const c = await prisma.supervisionCase.findUnique({ where: { id: input.caseId }, select: { institutionId: true } });
    if (!c) throw new FieldError('caseId', 'invalidChoice');
    if (c.institutionId !== actor.institutionId) throw new ForbiddenError(`${RECORD_TYPE}.send`, 'institution');
  }
  const parties = newLead(actor, input.counterpartId);
  const decision = decide(actor, 'send', parties);
  if (!decision.ok) refuseStep(`${RECORD_TYPE}.send`, decision);

  return prisma.$transaction(async (tx) => {
    const at = ctx.now ?? new Date();
    const rec = await tx.caseLead.create({
      data: {
        kind: input.kind,
        subtype: input.subtype,
        title: input.title,
        summary: input.summary,
        courtCaseNumber: input.courtCaseNumber,
        procuratorateId: parties.procuratorateId,
        courtId: parties.courtId,
        fromKind: parties.fromKind,
        caseId: input.caseId,
        status: 'sent',
        sentById: actor.id,
        sentAt: at,
        createdAt: at,
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: RECORD_TYPE,
      recordId: rec.id,
      caseId: rec.caseId,
      actor,
      shared: decision.shared,
      kind: 'send',
      toStatus: 'sent',
      data: { courtCaseNumber: input.courtCaseNumber },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${RECORD_TYPE}.send`,
      recordType: RECORD_TYPE,
      recordId: rec.id,
      summary: json({
        after: {
          ...input,
          counterpartId: undefined,
          procuratorateId: parties.procuratorateId,
          courtId: parties.courtId,
          fromKind: parties.fromKind,
          status: 'sent',
          sentById: actor.id,
        },
      }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: rec.id, status: 'sent' as const };
  });
}

/** The receiving institution acknowledges receipt (who and when). */
export async function receiveLead(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.receiveInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'receive'), input, ctx, () => ({
    data: { receivedById: actor.id, receivedAt: ctx.now ?? new Date() },
    event: { comment: input.comment },
  }));
}

/**
 * The receiving institution records what it did. The procuratorate may open a supervision case
 * from the lead (numbered, with its own timeline event and audit row, in this transaction) or link
 * one it already has; the case stays the procuratorate's own file (its number is not put on the
 * shared timeline).
 */
export async function actOnLead(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.actInput.parse(raw);
  let linkedCaseId: string | null = null;
  const spec = specFor(actor, 'act', (rec) => linkedCaseId ?? rec.caseId);
  return runWorkflowStep(prisma, actor, spec, input, ctx, async (rec, tx) => {
    if (!outcomeFits(input.outcome as LeadOutcome, factsOf(rec))) throw new FieldError('outcome', 'invalidChoice');
    let caseNumber: string | null = null;
    if (input.outcome === 'case_linked') {
      const c = await tx.supervisionCase.findUnique({ where: { id: input.caseId! }, select: { id: true, institutionId: true, number: true } });
      if (!c) throw new FieldError('caseId', 'invalidChoice');
      if (c.institutionId !== actor.institutionId) throw new ForbiddenError(`${RECORD_TYPE}.act`, 'institution');
      linkedCaseId = c.id;
      caseNumber = c.number;
    } else if (input.outcome === 'case_opened') {
      const tag = caseTagFor(rec.kind, rec.subtype);
      const c = await openCase(
        tx,
        actor,
        {
          kind: input.caseKind as CaseKind,
          title: rec.title,
          parties: input.parties!,
          courtCaseNumber: rec.courtCaseNumber,
          courtId: rec.courtId,
          handlerId: actor.id,
          tags: tag ? [tag] : [],
          acceptedOn: ctx.today,
          origin: { caseLeadId: rec.id },
        },
        ctx,
      );
      linkedCaseId = c.id;
      caseNumber = c.number;
    }
    return {
      data: {
        actedById: actor.id,
        actedAt: ctx.now ?? new Date(),
        actionTaken: input.actionTaken,
        ...(linkedCaseId ? { caseId: linkedCaseId } : {}),
      },
      event: { outcome: input.outcome, actionTaken: input.actionTaken },
      after: async () => (caseNumber ? { caseId: linkedCaseId, caseNumber } : undefined),
    };
  });
}

type Command = (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<{ id: string }>;

/** Every command on an existing lead, for the one server action that dispatches steps. */
export const STEPS = {
  receive: receiveLead,
  act: actOnLead,
} satisfies Record<Exclude<LeadStep, 'send'>, Command>;

export function isStepName(s: string): s is keyof typeof STEPS {
  return s !== 'send' && (LEAD_STEPS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// Reads

export type { LeadBox };

/** The list's filters: the URL state of /leads (lib/lists/leads.ts), every field optional here (no box: both). */
export type LeadFilters = Partial<LeadFilter>;

/** The visibility rule as a `where`: a record the actor may not see never leaves the database. */
export function visibleWhere(actor: Actor): Prisma.CaseLeadWhereInput {
  return visibleWhereOf<Prisma.CaseLeadWhereInput>(LEAD_VISIBILITY, actor);
}

export function filterWhere(actor: Actor, f: LeadFilters): Prisma.CaseLeadWhereInput {
  const and: Prisma.CaseLeadWhereInput[] = [visibleWhere(actor)];
  if (f.box === 'incoming') and.push({ fromKind: { not: actor.institutionKind } });
  if (f.box === 'outgoing') and.push({ fromKind: actor.institutionKind });
  if (f.kind) and.push({ kind: f.kind });
  if (f.status) and.push({ status: f.status });
  if (f.open) and.push({ status: { in: ['sent', 'received'] } });
  return { AND: and };
}

/** How many leads the list shows for this filter (all pages). */
export function countLeads(prisma: Db, actor: Actor, f: LeadFilters): Promise<number> {
  return prisma.caseLead.count({ where: filterWhere(actor, f) });
}

export type LeadRow = Awaited<ReturnType<typeof listLeads>>['rows'][number];

/**
 * Leads of the actor's institution, incoming or outgoing. Incoming: the ones waiting for receipt
 * first, then those waiting for action, then the rest; newest first within each.
 */
export async function listLeads(prisma: Db, actor: Actor, f: LeadFilters, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'leads.list'), 'leads.list');
  const where = filterWhere(actor, f);
  const orderBy: Prisma.CaseLeadOrderByWithRelationInput[] = [{ sentAt: 'desc' }, { id: 'asc' }];
  const segment = (part: Prisma.CaseLeadWhereInput) => ({
    count: () => prisma.caseLead.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) => prisma.caseLead.findMany({ where: { AND: [where, part] }, orderBy, ...w }),
  });
  // Outgoing: newest first; otherwise by status (waiting for receipt, for action, done), newest first within each.
  const segments = f.box === 'outgoing' ? [segment({})] : LEAD_STATUSES.map((status) => segment({ status }));
  const p = await pageOf(segments, page);
  return mapPage(p, (rows) => leadRows(prisma, actor, rows));
}

async function leadRows(prisma: Db, actor: Actor, rows: CaseLead[]) {
  const n = await names(
    prisma,
    rows.flatMap((r) => [r.sentById, r.receivedById, r.actedById]),
    rows.flatMap((r) => [r.procuratorateId, r.courtId]),
  );
  return rows.map((r) => {
    const direction = directionFor(actor, r);
    return {
      id: r.id,
      kind: r.kind,
      subtype: r.subtype,
      title: r.title,
      status: r.status,
      courtCaseNumber: r.courtCaseNumber,
      direction,
      counterpart: n.inst(actor.institutionKind === 'PROCURATORATE' ? r.courtId : r.procuratorateId),
      sentAt: r.sentAt,
      sentBy: n.user(r.sentById),
      receivedAt: r.receivedAt,
      receivedBy: n.user(r.receivedById),
      actedAt: r.actedAt,
      actedBy: n.user(r.actedById),
    };
  });
}

/**
 * What leaders track: leads of the actor's institution by kind, direction and status, and the
 * pension-fraud leads by category.
 */
export async function leadCounts(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'leads.list'), 'leads.list');
  const [byKind, bySubtype] = await Promise.all([
    prisma.caseLead.groupBy({ by: ['kind', 'fromKind', 'status'], where: visibleWhere(actor), _count: { _all: true } }),
    prisma.caseLead.groupBy({ by: ['subtype'], where: { AND: [visibleWhere(actor), { kind: 'pension_fraud' }] }, _count: { _all: true } }),
  ]);
  const empty = () => ({ incoming: 0, outgoing: 0, sent: 0, received: 0, acted: 0, total: 0 });
  const kinds = Object.fromEntries(LEAD_KINDS.map((k) => [k, empty()])) as Record<LeadKind, ReturnType<typeof empty>>;
  const total = empty();
  for (const g of byKind) {
    const c = g._count._all;
    for (const row of [kinds[g.kind], total]) {
      row[directionFor(actor, g)] += c;
      row[g.status] += c;
      row.total += c;
    }
  }
  const subtypes = Object.fromEntries(PENSION_FRAUD_SUBTYPES.map((s) => [s, 0])) as Record<(typeof PENSION_FRAUD_SUBTYPES)[number], number>;
  for (const g of bySubtype) if (g.subtype && g.subtype in subtypes) subtypes[g.subtype as keyof typeof subtypes] += g._count._all;
  return { kinds, total, subtypes };
}

/** One lead as the actor may see it, with its timeline and the steps open to them. */
export async function getLead(prisma: Db, actor: Actor, id: string) {
  assertAllowed(decideFeature(actor, 'leads.list'), 'leads.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  const rec = await findVisible<CaseLead>(prisma.caseLead, LEAD_VISIBILITY, actor, id);
  if (!rec) return null;
  const facts = factsOf(rec);
  const ownSide = actor.institutionKind === 'PROCURATORATE' ? 'procuratorate' : 'court';
  const actions = availableSteps(actor, facts);
  const [n, timeline, linkedCase, cases] = await Promise.all([
    names(prisma, [rec.sentById, rec.receivedById, rec.actedById], [rec.procuratorateId, rec.courtId]),
    timelineOf(prisma, actor, { recordType: RECORD_TYPE, recordId: rec.id }),
    // A supervision case is the procuratorate's own file.
    rec.caseId
      ? prisma.supervisionCase.findFirst({ where: { AND: [visibleWhereOf<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor), { id: rec.caseId }] }, select: { id: true, number: true, title: true } })
      : Promise.resolve(null),
    // For "act": the procuratorate's cases a lead may join.
    actions.includes('act') && ownSide === 'procuratorate'
      ? prisma.supervisionCase.findMany({
          where: { institutionId: actor.institutionId, closedAt: null },
          orderBy: { createdAt: 'desc' },
          take: 300,
          select: { id: true, number: true, title: true },
        })
      : Promise.resolve([]),
  ]);
  const acted = [...timeline].reverse().find((e) => e.kind === 'act');
  return {
    id: rec.id,
    version: rec.version,
    kind: rec.kind,
    subtype: rec.subtype,
    title: rec.title,
    summary: rec.summary,
    courtCaseNumber: rec.courtCaseNumber,
    status: rec.status,
    fromKind: rec.fromKind,
    direction: directionFor(actor, rec),
    receiverSide: receiverSide(rec.fromKind),
    procuratorate: n.inst(rec.procuratorateId),
    court: n.inst(rec.courtId),
    case: linkedCase,
    sentBy: n.user(rec.sentById),
    sentAt: rec.sentAt,
    receivedBy: n.user(rec.receivedById),
    receivedAt: rec.receivedAt,
    actedBy: n.user(rec.actedById),
    actedAt: rec.actedAt,
    actionTaken: rec.actionTaken,
    outcome: (acted?.data?.outcome as LeadOutcome | undefined) ?? null,
    actions,
    caseOptions: cases,
    timeline,
  };
}
export type LeadView = NonNullable<Awaited<ReturnType<typeof getLead>>>;

/** What the "send a lead" form offers: the other institution(s) of the pair, and (procuratorate) its cases. */
export async function leadFormOptions(prisma: Db, actor: Actor) {
  const decision = decide(actor, 'send', newLead(actor, ''));
  if (!decision.ok && decision.forbidden) refuseStep(`${RECORD_TYPE}.send`, decision);
  const own = await prisma.institution.findUniqueOrThrow({ where: { id: actor.institutionId }, select: { kind: true, regionCode: true } });
  const [counterparts, cases] = await Promise.all([
    prisma.institution.findMany({
      where: await counterpartWhere(prisma, actor),
      orderBy: { name: 'asc' },
      select: { id: true, name: true, nameEn: true },
    }),
    own.kind === 'PROCURATORATE'
      ? prisma.supervisionCase.findMany({
          where: { institutionId: actor.institutionId },
          orderBy: { createdAt: 'desc' },
          take: 300,
          select: { id: true, number: true, title: true, courtCaseNumber: true },
        })
      : Promise.resolve([]),
  ]);
  return { counterparts, cases };
}
