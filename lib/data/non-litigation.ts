/**
 * Administrative non-litigation enforcement applications (DOMAIN.md §4). The court records the
 * application and every court stage; the procuratorate may register one it learned of, records
 * its five checkpoint findings and opens a supervision case from a flagged one.
 *
 * Every step on an application goes through `runWorkflowStep` (load, decide, version check,
 * update, WorkflowEvent, AuditEvent in one transaction). Findings are added with their own event
 * and audit row (they leave the application itself unchanged, so they do not bump its version).
 * Visibility: both institutions of the pair see the application and the court's steps (shared
 * events); findings and the case opened from them are the procuratorate's internal work.
 */
import { calendarFromEntries, type Calendar } from '@/lib/domain/calendar';
import { daysLeft, daysOverdue, dueDate, dueDateForRule, type PeriodId } from '@/lib/domain/deadlines';
import {
  availableCheckpoints,
  availableSteps,
  caseParties,
  CHECKPOINTS,
  DATED_EVENT_KINDS,
  datesFromEvents,
  decide,
  decideFinding,
  decideRegister,
  defaultCaseTitle,
  initialStatus,
  type Checkpoint,
  type DatedEvent,
  type NonLitigationFacts,
  type NonLitigationStep,
  type RefusalGround,
} from '@/lib/domain/non-litigation/machine';
import { currentStage, isApplicationOverdue, stagesWithState, type StageWithState } from '@/lib/domain/non-litigation/deadlines';
import * as S from '@/lib/domain/non-litigation/schemas';
import { NON_LITIGATION_VISIBILITY } from '@/lib/domain/non-litigation/visibility';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { assertAllowed, decideFeature, decideHandOver, ForbiddenError, HANDLER_ROLES } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import type { ApplicationFilter } from '@/lib/lists/non-litigation';
import type { NonLitigationApplication, Prisma } from '@/lib/generated/prisma/client';
import { writeAudit } from './audit';
import { loadCalendarEntries } from './calendar';
import { openCase } from './case-open';
import type { Db, Tx } from './db';
import { mapPage, pageOf } from './page';
import { FieldError, refuseStep } from './errors';
import { names } from './names';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { findVisible, visibleWhere as visibleWhereOf } from './visibility';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type StepPlan, type WorkflowContext, type WorkflowSpec } from './workflow';

export const RECORD_TYPE = 'NonLitigationApplication';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);

async function calendarOf(prisma: Db | Tx): Promise<Calendar> {
  return calendarFromEntries(await loadCalendarEntries(prisma as unknown as Db));
}

/** The facts the domain decides with: the record's columns plus the dates kept on its timeline. */
export function factsOf(app: NonLitigationApplication, events: readonly DatedEvent[]): NonLitigationFacts {
  return {
    procuratorateId: app.procuratorateId,
    courtId: app.courtId,
    status: app.status,
    caseId: app.caseId,
    urgent: app.urgent,
    hearingHeld: app.hearingHeld,
    refusalGround: app.refusalGround,
    decisionFinalOn: iso(app.decisionFinalOn)!,
    demandServedOn: iso(app.demandServedOn),
    appliedOn: iso(app.appliedOn),
    acceptedOn: iso(app.acceptedOn),
    ruledOn: iso(app.ruledOn),
    refusalServedOn: iso(app.refusalServedOn),
    reviewRequestedOn: iso(app.reviewRequestedOn),
    enforcementStartedOn: iso(app.enforcementStartedOn),
    ...datesFromEvents(events),
  };
}

async function datedEvents(prisma: Db | Tx, ids: string[]): Promise<Map<string, DatedEvent[]>> {
  const rows = await prisma.workflowEvent.findMany({
    where: { recordType: RECORD_TYPE, recordId: { in: ids }, kind: { in: [...DATED_EVENT_KINDS] } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { recordId: true, kind: true, fromStatus: true, data: true },
  });
  const out = new Map<string, DatedEvent[]>();
  for (const r of rows) {
    const list = out.get(r.recordId) ?? [];
    list.push({ kind: r.kind, fromStatus: r.fromStatus, data: (r.data as Record<string, unknown> | null) ?? null });
    out.set(r.recordId, list);
  }
  return out;
}

type Loaded = NonLitigationApplication & { facts: NonLitigationFacts };

async function load(tx: Db | Tx, id: string): Promise<Loaded | null> {
  const app = await tx.nonLitigationApplication.findUnique({ where: { id } });
  if (!app) return null;
  const events = (await datedEvents(tx, [id])).get(id) ?? [];
  return { ...app, facts: factsOf(app, events) };
}

function spec(actor: Actor, step: NonLitigationStep): WorkflowSpec<Loaded> {
  return {
    recordType: RECORD_TYPE,
    action: step,
    load,
    decide: (rec) => decide(actor, step, rec.facts),
    update: async (tx, id, version, data) =>
      (await tx.nonLitigationApplication.updateMany({ where: { id, version }, data: data as Prisma.NonLitigationApplicationUncheckedUpdateManyInput })).count,
    caseIdOf: (rec) => rec.caseId,
  };
}

const due = (rule: PeriodId, from: string | null, cal: Calendar, urgent = false) => (from ? dueDateForRule(rule, from, { calendar: cal, urgent }) : null);

/**
 * One court (or procuratorate) step: parse, then inside the step runner's transaction check the
 * dates against the record as read there, then plan the change. A FieldError thrown there rolls
 * everything back.
 */
function command<T extends { id: string; version: number }>(
  step: NonLitigationStep,
  schema: { parse(raw: unknown): T },
  plan: (input: T, rec: Loaded, cal: Calendar) => StepPlan,
) {
  return async (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => {
    const input = schema.parse(raw);
    return runWorkflowStep(prisma, actor, spec(actor, step), input, ctx, async (rec, tx) => {
      const problem = S.checkStepDates(step, rec.facts, input as Record<string, unknown>, ctx.today);
      if (problem) throw new FieldError(problem.field, problem.code);
      return plan(input, rec, await calendarOf(tx));
    });
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

export const recordDemand = command('recordDemand', S.recordDemandInput, (i) => ({
  data: { demandServedOn: d(i.demandServedOn) },
  event: { demandServedOn: i.demandServedOn },
}));

export const receiveApplication = command('receiveApplication', S.receiveApplicationInput, (i, rec, cal) => {
  // A demand date given here only fills a gap; one already on record stays.
  const demand = rec.facts.demandServedOn ?? i.demandServedOn;
  return {
    data: { appliedOn: d(i.appliedOn), ...(rec.facts.demandServedOn || !i.demandServedOn ? {} : { demandServedOn: d(i.demandServedOn) }) },
    event: { appliedOn: i.appliedOn, demandServedOn: demand, dueDate: due('nonLitigation.acceptance', i.appliedOn, cal) },
  };
});

export const accept = command('accept', S.acceptInput, (i, rec, cal) => {
  const afterAppeal = rec.status === 'not_accepted';
  return {
    data: { acceptedOn: d(i.acceptedOn), courtCaseNumber: i.courtCaseNumber },
    event: {
      acceptedOn: i.acceptedOn,
      courtCaseNumber: i.courtCaseNumber,
      ...(afterAppeal ? { upperCourtDecidedOn: i.upperCourtDecidedOn ?? i.acceptedOn } : {}),
      dueDate: due(rec.hearingHeld ? 'nonLitigation.rulingAfterHearing' : 'nonLitigation.ruling', i.acceptedOn, cal),
    },
  };
});

export const notAccept = command('notAccept', S.notAcceptInput, (i, _rec, cal) => ({
  event: { notAcceptedOn: i.notAcceptedOn, reasons: i.reasons, dueDate: due('nonLitigation.nonAcceptanceAppeal', i.notAcceptedOn, cal) },
}));

export const recordAppeal = command('recordAppeal', S.recordAppealInput, (i, _rec, cal) => ({
  event: { appealedOn: i.appealedOn, dueDate: due('nonLitigation.nonAcceptanceAppealDecision', i.appealedOn, cal) },
}));

export const holdHearing = command('holdHearing', S.holdHearingInput, (i, rec, cal) => ({
  data: { hearingHeld: true },
  event: { hearingOn: i.hearingOn, reasons: i.reasons, dueDate: due('nonLitigation.rulingAfterHearing', rec.facts.acceptedOn, cal) },
}));

export const ruleEnforce = command('ruleEnforce', S.ruleEnforceInput, (i, _rec, cal) => ({
  data: { ruledOn: d(i.ruledOn), urgent: i.urgent },
  event: { ruledOn: i.ruledOn, urgent: i.urgent, dueDate: i.urgent ? due('nonLitigation.urgentEnforcement', i.ruledOn, cal, true) : null },
}));

export const ruleRefuse = command('ruleRefuse', S.ruleRefuseInput, (i, _rec, cal) => ({
  data: { ruledOn: d(i.ruledOn), refusalGround: i.refusalGround },
  event: { ruledOn: i.ruledOn, refusalGround: i.refusalGround, reasons: i.reasons, dueDate: due('nonLitigation.refusalService', i.ruledOn, cal) },
}));

export const serveRefusal = command('serveRefusal', S.serveRefusalInput, (i, _rec, cal) => ({
  data: { refusalServedOn: d(i.refusalServedOn) },
  event: { refusalServedOn: i.refusalServedOn, dueDate: due('nonLitigation.reviewRequest', i.refusalServedOn, cal) },
}));

export const requestReview = command('requestReview', S.requestReviewInput, (i, _rec, cal) => ({
  data: { reviewRequestedOn: d(i.reviewRequestedOn) },
  event: { reviewRequestedOn: i.reviewRequestedOn, dueDate: due('nonLitigation.reviewDecision', i.reviewRequestedOn, cal) },
}));

export const reviewReversed = command('reviewReversed', S.reviewReversedInput, (i, rec, cal) => ({
  event: { reviewDecidedOn: i.reviewDecidedOn, reasons: i.reasons, dueDate: rec.urgent ? due('nonLitigation.urgentEnforcement', i.reviewDecidedOn, cal, true) : null },
}));

export const startEnforcement = command('startEnforcement', S.startEnforcementInput, (i) => ({
  data: { enforcementStartedOn: d(i.enforcementStartedOn), enforcedBy: i.enforcedBy },
  event: { enforcementStartedOn: i.enforcementStartedOn, enforcedBy: i.enforcedBy },
}));

export const markStalled = command('markStalled', S.markStalledInput, (i) => ({ event: { stalledOn: i.stalledOn, reasons: i.reasons } }));

export const resumeEnforcement = command('resumeEnforcement', S.resumeEnforcementInput, (i) => ({ event: { resumedOn: i.resumedOn, reasons: i.reasons } }));

export const markEnforced = command('markEnforced', S.markEnforcedInput, (i) => ({ event: { enforcedOn: i.enforcedOn } }));

export const close = command('close', S.closeInput, (i) => ({ event: { closedOn: i.closedOn, reasons: i.reasons } }));

/** Every step on an existing application by name, for the one server action that dispatches them. */
export const STEPS = {
  recordDemand,
  receiveApplication,
  accept,
  notAccept,
  recordAppeal,
  holdHearing,
  ruleEnforce,
  ruleRefuse,
  serveRefusal,
  requestReview,
  reviewReversed,
  startEnforcement,
  markStalled,
  resumeEnforcement,
  markEnforced,
  close,
} satisfies Record<Exclude<NonLitigationStep, 'openCase'>, (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<unknown>>;

/**
 * Registers an application: the court that received it (the application date is then required),
 * or the procuratorate that learned of the decision (agency and decision data; demand and
 * application dates as far as known). One application per agency and decision reference and pair.
 */
export async function registerApplication(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  assertAllowed(decideFeature(actor, 'nonLitigation.list'), 'nonLitigation.list');
  const who = decideRegister(actor);
  if (!who.ok) throw new ForbiddenError(`${RECORD_TYPE}.register`, who.code);
  const input = S.registerInput.parse(raw);
  const otherField = who.side === 'court' ? 'procuratorateId' : 'courtId';
  const otherId = input[otherField];
  if (!otherId) throw new FieldError(otherField, 'required');
  if (who.side === 'court' && !input.appliedOn) throw new FieldError('appliedOn', 'required');
  await requireCounterpart(prisma, actor, otherId, otherField);
  const problem = S.checkRegisterDates(input, ctx.today);
  if (problem) throw new FieldError(problem.field, problem.code);

  const procuratorateId = who.side === 'procuratorate' ? actor.institutionId : otherId;
  const courtId = who.side === 'court' ? actor.institutionId : otherId;
  const status = initialStatus(input);
  return prisma.$transaction(async (tx) => {
    const same = await tx.nonLitigationApplication.findFirst({
      where: { procuratorateId, courtId, agency: input.agency, decisionRef: input.decisionRef },
      select: { id: true },
    });
    if (same) throw new FieldError('decisionRef', 'alreadyRegistered');
    const cal = await calendarOf(tx);
    const app = await tx.nonLitigationApplication.create({
      data: {
        procuratorateId,
        courtId,
        agency: input.agency,
        respondent: input.respondent,
        decisionRef: input.decisionRef,
        subject: input.subject,
        decisionFinalOn: d(input.decisionFinalOn),
        demandServedOn: input.demandServedOn ? d(input.demandServedOn) : null,
        appliedOn: input.appliedOn ? d(input.appliedOn) : null,
        urgent: input.urgent,
        status,
        createdById: actor.id,
        ...(ctx.now ? { createdAt: ctx.now } : {}),
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: RECORD_TYPE,
      recordId: app.id,
      actor,
      shared: true,
      kind: 'register',
      toStatus: status,
      data: {
        agency: input.agency,
        respondent: input.respondent,
        decisionRef: input.decisionRef,
        decisionFinalOn: input.decisionFinalOn,
        demandServedOn: input.demandServedOn,
        appliedOn: input.appliedOn,
        urgent: input.urgent,
        dueDate: input.appliedOn ? due('nonLitigation.acceptance', input.appliedOn, cal) : due('nonLitigation.application', input.decisionFinalOn, cal),
      },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${RECORD_TYPE}.register`,
      recordType: RECORD_TYPE,
      recordId: app.id,
      summary: json({ after: { ...input, procuratorateId, courtId, status } }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: app.id, status };
  });
}

/**
 * The procuratorate records one checkpoint: ok, or flagged with a note. Internal: the court does
 * not see the procuratorate's checks.
 */
export async function recordFinding(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.findingInput.parse(raw);
  return prisma.$transaction(async (tx) => {
    const rec = await load(tx, input.id);
    if (!rec) throw new FieldError('id', 'notFound');
    const decision = decideFinding(actor, input.checkpoint, rec.facts);
    if (!decision.ok) refuseStep(`${RECORD_TYPE}.recordFinding`, decision);
    const finding = await tx.nonLitigationFinding.create({
      data: {
        applicationId: rec.id,
        checkpoint: input.checkpoint,
        flagged: input.flagged,
        note: input.note,
        recordedById: actor.id,
        ...(ctx.now ? { recordedAt: ctx.now } : {}),
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: RECORD_TYPE,
      recordId: rec.id,
      caseId: rec.caseId,
      actor,
      shared: false,
      kind: 'recordFinding',
      data: { checkpoint: input.checkpoint, flagged: input.flagged, note: input.note },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${RECORD_TYPE}.recordFinding`,
      recordType: RECORD_TYPE,
      recordId: rec.id,
      summary: json({ findingId: finding.id, after: { checkpoint: input.checkpoint, flagged: input.flagged, note: input.note } }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: rec.id, findingId: finding.id };
  });
}

/**
 * One click on a flagged finding: opens a supervision case (number, event, audit — `openCase`)
 * and links the application to it, in one transaction, with an (internal) event on the
 * application as well. The actor handles the case, unless a leader names another procurator.
 */
export async function openCaseFromFinding(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.openCaseInput.parse(raw);
  let opened: { id: string; number: string } | null = null;
  type WithFinding = Loaded & { finding: { id: string; checkpoint: Checkpoint; flagged: boolean } | null };
  const base = spec(actor, 'openCase');
  const caseSpec: WorkflowSpec<WithFinding> = {
    ...base,
    load: async (tx, id) => {
      const rec = await load(tx, id);
      if (!rec) return null;
      const f = await tx.nonLitigationFinding.findUnique({ where: { id: input.findingId }, select: { id: true, applicationId: true, checkpoint: true, flagged: true } });
      return { ...rec, finding: f && f.applicationId === id ? { id: f.id, checkpoint: f.checkpoint, flagged: f.flagged } : null };
    },
    decide: (rec) => {
      const decision = decide(actor, 'openCase', rec.facts, { findingFlagged: rec.finding?.flagged });
      if (!decision.ok && decision.forbidden) return decision;
      // Someone else's finding id, or none at all: as if it did not exist.
      if (!rec.finding) throw new FieldError('findingId', 'notFound');
      return decision;
    },
    caseIdOf: (rec) => opened?.id ?? rec.caseId,
  };
  return runWorkflowStep(prisma, actor, caseSpec, input, ctx, async (rec, tx) => {
    // Giving the case to someone else is a leader's call; `openCase` checks the handler.
    const handlerId = input.handlerId ?? actor.id;
    assertAllowed(decideHandOver(actor, handlerId), `${RECORD_TYPE}.openCase`);
    const cal = await calendarOf(tx);
    const c = await openCase(
      tx,
      actor,
      {
        kind: 'non_litigation',
        title: input.title ?? defaultCaseTitle(rec),
        parties: caseParties(rec),
        courtCaseNumber: rec.courtCaseNumber,
        courtId: rec.courtId,
        handlerId,
        acceptedOn: ctx.today,
        // Review of a supervision case: 3 months from acceptance (verify against the SPP rules).
        stageDueDate: dueDate(ctx.today, { months: 3 }, cal),
        tags: [],
        origin: { nonLitigationApplicationId: rec.id, findingId: rec.finding!.id, checkpoint: rec.finding!.checkpoint },
      },
      ctx,
    );
    opened = { id: c.id, number: c.number };
    return {
      data: { caseId: c.id },
      event: { caseNumber: c.number, checkpoint: rec.finding!.checkpoint },
      after: async () => ({ caseId: c.id, caseNumber: c.number, findingId: rec.finding!.id }),
    };
  }) as Promise<{ id: string; status: string; caseId: string; caseNumber: string; findingId: string }>;
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The list's filters: the URL state of /non-litigation (lib/lists/non-litigation.ts), every field optional here. */
export type ListFilters = Partial<ApplicationFilter>;

/** The visibility rule as a `where`: each institution sees the applications of its pairs. */
export function visibleWhere(actor: Actor): Prisma.NonLitigationApplicationWhereInput {
  return visibleWhereOf<Prisma.NonLitigationApplicationWhereInput>(NON_LITIGATION_VISIBILITY, actor);
}

interface FindingLite {
  checkpoint: Checkpoint;
  flagged: boolean;
  recordedAt: Date;
}

/** The latest finding per checkpoint. */
export function latestFindings<F extends FindingLite>(findings: readonly F[]): Partial<Record<Checkpoint, F>> {
  const out: Partial<Record<Checkpoint, F>> = {};
  for (const f of findings) {
    const cur = out[f.checkpoint];
    if (!cur || f.recordedAt >= cur.recordedAt) out[f.checkpoint] = f;
  }
  return out;
}

const stageSummary = (s: StageWithState | null, today: string) =>
  s
    ? {
        key: s.key,
        due: s.due,
        state: s.state,
        daysOverdue: s.due && s.state === 'overdue' ? daysOverdue(s.due, today) : 0,
        daysLeft: s.due && s.state !== 'overdue' ? daysLeft(s.due, today) : null,
      }
    : null;

export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>['rows'][number];

/** The filters the database answers directly, on top of the visibility rule. */
function storedWhere(actor: Actor, f: ListFilters): Prisma.NonLitigationApplicationWhereInput {
  const proc = actor.institutionKind === 'PROCURATORATE';
  const and: Prisma.NonLitigationApplicationWhereInput[] = [visibleWhere(actor)];
  if (f.status) and.push({ status: f.status });
  if (f.stalled) and.push({ status: 'stalled' });
  if (f.flagged && proc) and.push({ findings: { some: { flagged: true } } });
  return { AND: and };
}

const withFindings = (proc: boolean) => (proc ? { findings: { select: { checkpoint: true, flagged: true, recordedAt: true } } } : undefined);

/**
 * The list filters as a `where`. "Overdue" (a statutory stage past its due day, computed from the
 * stage events and the holiday calendar) and "flagged" (the latest finding of a checkpoint is a
 * flag) are not stored columns: for those, the candidates the stored filters leave are read once
 * and the matching ids become part of the `where`, so the list's count and its pages are still
 * answered by the database over one `where`.
 */
export async function filterWhere(prisma: Db, actor: Actor, f: ListFilters, today: string): Promise<Prisma.NonLitigationApplicationWhereInput> {
  const proc = actor.institutionKind === 'PROCURATORATE';
  const where = storedWhere(actor, f);
  if (!f.overdue && !(f.flagged && proc)) return where;
  const candidates = await prisma.nonLitigationApplication.findMany({ where, include: withFindings(proc) });
  const rows = await applicationRows(prisma, actor, candidates, today);
  const ids = rows.filter((r) => (!f.overdue || r.overdue) && (!f.flagged || !proc || r.flaggedCheckpoints.length > 0)).map((r) => r.id);
  return { AND: [where, { id: { in: ids } }] };
}

/** How many applications the list shows for this filter (all pages). */
export async function countApplications(prisma: Db, actor: Actor, f: ListFilters, today: string): Promise<number> {
  return prisma.nonLitigationApplication.count({ where: await filterWhere(prisma, actor, f, today) });
}

/** One page of the applications, the latest changed first. */
export async function listApplications(prisma: Db, actor: Actor, f: ListFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'nonLitigation.list'), 'nonLitigation.list');
  const proc = actor.institutionKind === 'PROCURATORATE';
  const where = await filterWhere(prisma, actor, f, today);
  const p = await pageOf(
    [
      {
        count: () => prisma.nonLitigationApplication.count({ where }),
        find: (w) =>
          prisma.nonLitigationApplication.findMany({ where, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], ...w, include: withFindings(proc) }),
      },
    ],
    page,
  );
  return mapPage(p, (rows) => applicationRows(prisma, actor, rows, today));
}

async function applicationRows(prisma: Db, actor: Actor, rows: (NonLitigationApplication & { findings?: FindingLite[] })[], today: string) {
  const proc = actor.institutionKind === 'PROCURATORATE';
  const [events, cal, cases] = await Promise.all([
    datedEvents(prisma, rows.map((r) => r.id)),
    calendarOf(prisma),
    proc
      ? prisma.supervisionCase.findMany({
          where: { id: { in: rows.map((r) => r.caseId).filter((x): x is string => !!x) }, institutionId: actor.institutionId },
          select: { id: true, number: true },
        })
      : Promise.resolve([]),
  ]);
  const caseNo = new Map(cases.map((c) => [c.id, c.number]));
  return rows.map((r) => {
    const facts = factsOf(r, events.get(r.id) ?? []);
    const stages = stagesWithState(facts, cal, today);
    const findings = proc ? (r.findings ?? []) : [];
    const latest = latestFindings(findings);
    const flagged = CHECKPOINTS.filter((c) => latest[c]?.flagged);
    return {
      id: r.id,
      agency: r.agency,
      respondent: r.respondent,
      decisionRef: r.decisionRef,
      subject: r.subject,
      status: r.status,
      urgent: r.urgent,
      courtCaseNumber: r.courtCaseNumber,
      appliedOn: facts.appliedOn,
      overdue: isApplicationOverdue(stages),
      current: stageSummary(currentStage(stages), today),
      /** Procuratorate only. */
      flaggedCheckpoints: proc ? flagged : [],
      case: proc && r.caseId ? { id: r.caseId, number: caseNo.get(r.caseId) ?? null } : null,
    };
  });
}

/** One application as the actor may see it: facts, stage table, steps open to them, timeline; findings for the procuratorate. */
export async function getApplication(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'nonLitigation.list'), 'nonLitigation.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  const app = await findVisible<NonLitigationApplication>(prisma.nonLitigationApplication, NON_LITIGATION_VISIBILITY, actor, id);
  if (!app) return null;
  const proc = actor.institutionKind === 'PROCURATORATE';
  const [events, cal, timeline, institutions, creator] = await Promise.all([
    datedEvents(prisma, [id]),
    calendarOf(prisma),
    timelineOf(prisma, actor, { recordType: RECORD_TYPE, recordId: id }),
    prisma.institution.findMany({ where: { id: { in: [app.procuratorateId, app.courtId] } }, select: { id: true, name: true, nameEn: true } }),
    prisma.user.findUnique({ where: { id: app.createdById }, select: { name: true, institution: { select: { name: true, nameEn: true } } } }),
  ]);
  const facts = factsOf(app, events.get(id) ?? []);
  const stages = stagesWithState(facts, cal, today).map((s) => ({
    ...s,
    daysOverdue: s.due && s.state === 'overdue' ? daysOverdue(s.due, today) : 0,
    daysLeft: s.due && (s.state === 'running' || s.state === 'waiting') ? daysLeft(s.due, today) : null,
  }));
  const inst = new Map(institutions.map((i) => [i.id, i]));

  let findings: {
    id: string;
    checkpoint: Checkpoint;
    flagged: boolean;
    note: string;
    recordedAt: Date;
    recordedBy: string | null;
  }[] = [];
  let linkedCase: { id: string; number: string; title: string } | null = null;
  if (proc) {
    const rows = await prisma.nonLitigationFinding.findMany({ where: { applicationId: id }, orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }] });
    const n = await names(prisma, rows.map((r) => r.recordedById), []);
    findings = rows.map((r) => ({ id: r.id, checkpoint: r.checkpoint, flagged: r.flagged, note: r.note, recordedAt: r.recordedAt, recordedBy: n.user(r.recordedById) }));
    if (app.caseId) {
      linkedCase = await prisma.supervisionCase.findFirst({
        where: { AND: [visibleWhereOf<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor), { id: app.caseId }] },
        select: { id: true, number: true, title: true },
      });
    }
  }
  const latest = latestFindings(findings);
  return {
    id: app.id,
    version: app.version,
    status: app.status,
    agency: app.agency,
    respondent: app.respondent,
    decisionRef: app.decisionRef,
    subject: app.subject,
    urgent: app.urgent,
    hearingHeld: app.hearingHeld,
    courtCaseNumber: app.courtCaseNumber,
    refusalGround: app.refusalGround as RefusalGround | null,
    enforcedBy: app.enforcedBy,
    procuratorate: inst.get(app.procuratorateId) ?? null,
    court: inst.get(app.courtId) ?? null,
    createdBy: creator ? { name: creator.name, institution: creator.institution } : null,
    facts,
    stages,
    overdue: isApplicationOverdue(stages),
    side: proc ? ('procuratorate' as const) : ('court' as const),
    actions: availableSteps(actor, facts),
    /** Procuratorate only (the court does not see the procuratorate's checks). */
    checkpoints: proc ? availableCheckpoints(actor, facts) : [],
    findings: proc ? findings : null,
    latestFindings: proc ? latest : null,
    /** Whether a flagged finding may be turned into a case by this actor now. */
    canOpenCase: proc && decide(actor, 'openCase', facts, { findingFlagged: true }).ok,
    case: linkedCase,
    defaultCaseTitle: proc ? defaultCaseTitle(app) : null,
    timeline,
  };
}
export type ApplicationView = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/** The institutions an application can be registered with, from the actor's side; and case handlers for leaders. */
export async function registerOptions(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'nonLitigation.list'), 'nonLitigation.list');
  const who = decideRegister(actor);
  if (!who.ok) throw new ForbiddenError(`${RECORD_TYPE}.register`, who.code);
  const counterparts = await prisma.institution.findMany({
    where: await counterpartWhere(prisma, actor),
    orderBy: { name: 'asc' },
    select: { id: true, name: true, nameEn: true },
  });
  return { side: who.side, counterparts };
}

/** The procurators a leader may give a new case to (a procurator handles it personally). */
export async function caseHandlerOptions(prisma: Db, actor: Actor) {
  if (!decideHandOver(actor).allowed) return [];
  return prisma.user.findMany({
    where: { institutionId: actor.institutionId, active: true, role: { in: [...HANDLER_ROLES] } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, title: true },
  });
}
