/**
 * Supervision cases: opening (through `openCase`, which numbers the case), the stage steps
 * (through `runWorkflowStep`: load, decide, version check, update, WorkflowEvent, AuditEvent in one
 * transaction), the list and the case page with everything linked to the case and its joint
 * timeline. A supervision case is the procuratorate's own: the court never reads one (the feature
 * 'cases.list' is procuratorate-only, and the machine refuses every step to the court).
 */
import { calendarFromEntries } from '@/lib/domain/calendar';
import {
  availableCaseActions,
  assigneeProblem,
  caseDaysLeft,
  caseOverdueDays,
  decideCase,
  NEXT_STAGE,
  REVIEW_RULES,
  REVIEW_STAGES,
  reviewDueDate,
  stageDueDate,
  tagsMatching,
  type CaseAction,
  type CaseFacts,
  type CaseStage,
} from '@/lib/domain/cases/machine';
import * as S from '@/lib/domain/cases/schemas';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { MEETING_VISIBILITY } from '@/lib/domain/committee/visibility';
import { INQUIRY_VISIBILITY } from '@/lib/domain/inquiries/visibility';
import { LEAD_VISIBILITY } from '@/lib/domain/leads/visibility';
import { NON_LITIGATION_VISIBILITY } from '@/lib/domain/non-litigation/visibility';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import { RETRIAL_VISIBILITY } from '@/lib/domain/retrial/visibility';
import type { Visibility } from '@/lib/domain/visibility';
import { daysLeft, daysOverdue } from '@/lib/domain/deadlines';
import { assertAllowed, decideFeature, decideHandler, ForbiddenError, HANDLER_ROLES } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { CaseFilter } from '@/lib/lists/cases';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';

import type { Prisma, SupervisionCase } from '@/lib/generated/prisma/client';
import { writeAudit } from './audit';
import { loadCalendarEntries } from './calendar';
import { calendarCovers } from './recommendations';
import { openCase } from './case-open';
import { mapPage, pageOf } from './page';
import type { Db, Tx } from './db';
import { FieldError, StepError } from './errors';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { findVisible, isVisible, visibleWhere } from './visibility';
import { runWorkflowStep, timelineOf, type WorkflowContext, type WorkflowSpec, type WorkflowTimelineEntry } from './workflow';

export type CaseContext = WorkflowContext;

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);
const RECORD_TYPE = 'SupervisionCase';

async function calendar(tx: Tx | Db) {
  return calendarFromEntries(await loadCalendarEntries(tx as unknown as Db));
}

export function caseFactsOf(c: Pick<SupervisionCase, 'institutionId' | 'courtId' | 'stage' | 'handlerId'>): CaseFacts {
  return { institutionId: c.institutionId, courtId: c.courtId, stage: c.stage, handlerId: c.handlerId };
}

/** Every court case number of a case: the first one and the further ones, without repeats. */
export function courtCaseNumbersOf(c: Pick<SupervisionCase, 'courtCaseNumber' | 'courtCaseNumbers'>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const n of [c.courtCaseNumber, ...c.courtCaseNumbers]) {
    if (!n) continue;
    const k = S.courtCaseNumberKey(n);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Opening

/** Court and division: a counterpart court and one of its divisions (the handler is checked by `openCase`). */
async function validateOpenRefs(prisma: Db, actor: Actor, input: S.OpenCaseFormInput) {
  const court = await requireCounterpart(prisma, actor, input.courtId, 'courtId');
  if (input.courtDepartmentId && !court.departments.some((x) => x.id === input.courtDepartmentId)) {
    throw new FieldError('courtDepartmentId', 'invalidChoice');
  }
}

/**
 * Opens a supervision case: validates everything first (nothing is written on bad input), then
 * in one transaction numbers it (`openCase`: per procuratorate, kind and year; never reused),
 * computes the review deadline with the holiday calendar, and writes the event and audit row.
 */
export async function openNewCase(prisma: Db, actor: Actor, raw: unknown, ctx: CaseContext) {
  assertAllowed(decideFeature(actor, 'cases.list'), 'SupervisionCase.open');
  const rawObj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const numbers = S.checkCourtCaseNumbers(rawObj.courtCaseNumbers);
  const parsed = S.openCaseInput.safeParse(rawObj);
  if (!parsed.success) {
    // Show every bad field at once, the court case numbers too.
    if (!numbers.ok) parsed.error.issues.push({ code: 'custom', path: ['courtCaseNumbers'], message: numbers.code, input: rawObj.courtCaseNumbers });
    throw parsed.error;
  }
  if (!numbers.ok) throw new FieldError('courtCaseNumbers', numbers.code);
  const input = parsed.data;
  if (input.acceptedOn > ctx.today) throw new FieldError('acceptedOn', 'dateInFuture');
  await validateOpenRefs(prisma, actor, input);

  return prisma.$transaction(async (tx) => {
    const due = stageDueDate(input.kind, 'accepted', input.acceptedOn, await calendar(tx));
    const c = await openCase(
      tx,
      actor,
      {
        kind: input.kind,
        title: input.title,
        parties: input.parties,
        courtCaseNumbers: numbers.numbers,
        courtId: input.courtId,
        courtDepartmentId: input.courtDepartmentId,
        handlerId: input.handlerId,
        tags: input.tags,
        acceptedOn: input.acceptedOn,
        stageDueDate: due,
      },
      { requestId: ctx.requestId, now: ctx.now },
    );
    return { id: c.id, number: c.number };
  });
}

// ---------------------------------------------------------------------------------------------
// Steps

type CaseRecord = SupervisionCase & { status: CaseStage };

function caseSpec(actor: Actor, action: CaseAction): WorkflowSpec<CaseRecord> {
  return {
    recordType: RECORD_TYPE,
    action,
    load: async (tx, id) => {
      const c = await tx.supervisionCase.findUnique({ where: { id } });
      return c ? { ...c, status: c.stage } : null;
    },
    decide: (rec) => decideCase(actor, action, caseFactsOf(rec)),
    update: async (tx, id, version, data) => {
      const { status, ...rest } = data;
      const { count } = await tx.supervisionCase.updateMany({
        where: { id, version },
        data: { ...(rest as Prisma.SupervisionCaseUncheckedUpdateManyInput), stage: status as CaseStage },
      });
      return count;
    },
    caseIdOf: (rec) => rec.id,
  };
}

type Command = (prisma: Db, actor: Actor, raw: unknown, ctx: CaseContext) => Promise<{ id: string; status: string }>;

/** accepted → reviewing → supervising. Leaving the review records whether it ended late. */
export const advanceCase: Command = (prisma, actor, raw, ctx) => {
  const input = S.advanceInput.parse(raw);
  return runWorkflowStep(prisma, actor, caseSpec(actor, 'advance'), input, ctx, async (rec, tx) => {
    const to = NEXT_STAGE[rec.stage]!;
    const acceptedOn = iso(rec.acceptedOn);
    const cal = await calendar(tx);
    const due = stageDueDate(rec.kind, to, acceptedOn, cal);
    const reviewDue = iso(rec.stageDueDate) ?? (acceptedOn ? reviewDueDate(rec.kind, acceptedOn, cal) : null);
    const leavingReview = !REVIEW_STAGES.includes(to);
    return {
      data: { stageDueDate: due ? d(due) : null },
      event: {
        comment: input.comment,
        ...(leavingReview && reviewDue ? { reviewDueDate: reviewDue, late: ctx.today > reviewDue } : {}),
      },
    };
  });
};

/** Closes the case with its outcome and conclusion; closed stays closed. */
export const closeCase: Command = (prisma, actor, raw, ctx) => {
  const input = S.closeInput.parse(raw);
  return runWorkflowStep(prisma, actor, caseSpec(actor, 'close'), input, ctx, (rec) => {
    const due = iso(rec.stageDueDate);
    const inReview = REVIEW_STAGES.includes(rec.stage);
    return {
      data: { closedAt: ctx.now ?? new Date(), stageDueDate: null },
      event: { outcome: input.outcome, conclusion: input.conclusion, ...(inReview && due ? { reviewDueDate: due, late: ctx.today > due } : {}) },
    };
  });
};

/** A leader hands the case to another procurator or leader of the same procuratorate, with reasons. */
export const assignCase: Command = (prisma, actor, raw, ctx) => {
  const input = S.assignInput.parse(raw);
  return runWorkflowStep(prisma, actor, caseSpec(actor, 'assign'), input, ctx, async (rec, tx) => {
    const target = await tx.user.findUnique({ where: { id: input.handlerId }, select: { id: true, name: true, role: true, institutionId: true, active: true } });
    if (!target) throw new FieldError('handlerId', 'invalidChoice');
    // Whom the case may go to is the policy's: refused → ForbiddenError.
    assertAllowed(decideHandler(target, rec.institutionId), 'SupervisionCase.handler');
    const problem = assigneeProblem(rec, target);
    if (problem) throw new FieldError('handlerId', problem);
    const previous = await tx.user.findUnique({ where: { id: rec.handlerId }, select: { name: true } });
    return {
      data: { handlerId: target!.id },
      event: { fromHandlerId: rec.handlerId, fromHandler: previous?.name ?? null, toHandlerId: target!.id, toHandler: target!.name, reason: input.reason },
    };
  });
};

/** Sets the tags leaders track (false litigation, pension fraud subtype, social conflict). */
export const tagCase: Command = (prisma, actor, raw, ctx) => {
  const input = S.tagInput.parse(raw);
  return runWorkflowStep(prisma, actor, caseSpec(actor, 'tag'), input, ctx, (rec) => {
    const before = [...rec.tags].sort();
    const after = [...input.tags].sort();
    if (before.length === after.length && before.every((x, i) => x === after[i])) throw new StepError('tagsUnchanged');
    return { data: { tags: input.tags }, event: { tags: input.tags, previousTags: rec.tags } };
  });
};

/** Adds a court case number (first instance, appeal, retrial review, enforcement…). */
export const linkCourtCase: Command = (prisma, actor, raw, ctx) => {
  const input = S.linkCourtCaseInput.parse(raw);
  return runWorkflowStep(prisma, actor, caseSpec(actor, 'linkCourtCase'), input, ctx, (rec) => {
    const existing = courtCaseNumbersOf(rec);
    const key = S.courtCaseNumberKey(input.courtCaseNumber);
    if (existing.some((n) => S.courtCaseNumberKey(n) === key)) throw new FieldError('courtCaseNumber', 'courtCaseNumberLinked');
    if (existing.length >= S.CASE_LIMITS.courtCaseNumbers) throw new FieldError('courtCaseNumber', 'tooLong');
    return {
      data: { courtCaseNumbers: [...existing, input.courtCaseNumber], courtCaseNumber: rec.courtCaseNumber ?? input.courtCaseNumber },
      event: { courtCaseNumber: input.courtCaseNumber },
    };
  });
};

/** Every step by name, for the one server action that dispatches steps. */
export const CASE_COMMANDS = {
  advance: advanceCase,
  close: closeCase,
  assign: assignCase,
  tag: tagCase,
  linkCourtCase,
} satisfies Record<CaseAction, Command>;

// ---------------------------------------------------------------------------------------------
// Reads

/**
 * The list's filters: the URL state of /cases (lib/lists/cases.ts), every field optional here
 * (absent = not filtered; `mine` absent = the whole procuratorate's).
 */
export type CaseListFilters = Partial<CaseFilter>;

/** The list filters as a `where`, on top of the visibility rule (the actor's own procuratorate). */
export function caseWhere(actor: Actor, f: CaseListFilters, today: string): Prisma.SupervisionCaseWhereInput {
  const and: Prisma.SupervisionCaseWhereInput[] = [visibleWhere<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor)];
  if (f.procurator) and.push({ handlerId: f.procurator });
  else if (f.mine && actor.role === 'PROCURATOR') and.push({ handlerId: actor.id });
  if (f.kind) and.push({ kind: f.kind });
  if (f.stage) and.push({ stage: f.stage });
  if (f.tag) and.push({ tags: { hasSome: tagsMatching(f.tag) } });
  if (f.overdue) and.push({ stage: { in: [...REVIEW_STAGES] }, stageDueDate: { lt: d(today) } });
  return { AND: and };
}

/** How many cases the list shows for this filter (all pages). */
export function countCases(prisma: Db, actor: Actor, f: CaseListFilters, today: string): Promise<number> {
  return prisma.supervisionCase.count({ where: caseWhere(actor, f, today) });
}

export type CaseRow = Awaited<ReturnType<typeof listCases>>['rows'][number];

/** One page of the cases, the soonest review deadline first. */
export async function listCases(prisma: Db, actor: Actor, f: CaseListFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'cases.list'), 'cases.list');
  const where = caseWhere(actor, f, today);
  const p = await pageOf(
    [
      {
        count: () => prisma.supervisionCase.count({ where }),
        find: (w) =>
          prisma.supervisionCase.findMany({
            where,
            orderBy: [{ stageDueDate: { sort: 'asc', nulls: 'last' } }, { acceptedOn: { sort: 'desc', nulls: 'last' } }, { number: 'asc' }, { id: 'asc' }],
            ...w,
            include: {
              handler: { select: { id: true, name: true } },
            },
          }),
      },
    ],
    page,
  );
  return mapPage(p, async (rows) => {
    const courtIds = [...new Set(rows.map((r) => r.courtId).filter((x): x is string => !!x))];
    // Counted for this page's cases only (a `_count` include joins a count over the whole table).
    const [courts, counts] = await Promise.all([
      prisma.institution.findMany({ where: { id: { in: courtIds } }, select: { id: true, name: true, nameEn: true } }),
      prisma.recommendation.groupBy({ by: ['caseId'], where: { caseId: { in: rows.map((r) => r.id) } }, _count: { _all: true } }),
    ]);
    const courtById = new Map(courts.map((c) => [c.id, c]));
    const recommendationsOf = new Map(counts.map((c) => [c.caseId, c._count._all]));
    return rows.map((r) => {
      const due = iso(r.stageDueDate);
      const facts = { stage: r.stage, stageDueDate: due };
      return {
        id: r.id,
        number: r.number,
        kind: r.kind,
        title: r.title,
        stage: r.stage,
        tags: r.tags,
        handler: r.handler,
        court: r.courtId ? (courtById.get(r.courtId) ?? null) : null,
        courtCaseNumbers: courtCaseNumbersOf(r),
        acceptedOn: iso(r.acceptedOn),
        stageDueDate: due,
        daysOverdue: caseOverdueDays(facts, today),
        daysLeft: caseDaysLeft(facts, today),
        recommendations: recommendationsOf.get(r.id) ?? 0,
      };
    });
  });
}

/** A timeline entry of the joint timeline. */
export type JointTimelineEntry = WorkflowTimelineEntry;

/**
 * The case's joint timeline: every WorkflowEvent carrying the case's id — its own steps and those
 * of every record linked to it, recommendations included — each as the actor may see it (shared,
 * or internal to the actor's own institution), in order of time.
 */
export async function jointTimeline(prisma: Db, actor: Actor, caseId: string): Promise<JointTimelineEntry[]> {
  // The door: only who may see the case reads its timeline.
  assertAllowed(decideFeature(actor, 'cases.list'), 'cases.list');
  if (!(await isVisible(prisma.supervisionCase, CASE_VISIBILITY, actor, caseId))) throw new ForbiddenError('SupervisionCase.view', 'notVisible');
  return timelineOf(prisma, actor, { caseId });
}

/** Visible recommendation statuses that still wait for the court's reply. */
const AWAITING_REPLY = ['served', 'acknowledged', 'objected', 'reply_submitted'];

/** One case as the actor may see it: header, linked records, joint timeline and the steps open to them. */
export async function getCase(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'cases.list'), 'cases.list');
  if (!S.caseStepInput.shape.id.safeParse(id).success) return null;
  const c = await findVisible<Prisma.SupervisionCaseGetPayload<{ include: { institution: { select: { name: true; nameEn: true } }; handler: { select: { id: true; name: true; title: true; active: true } } } }>>(
    prisma.supervisionCase,
    CASE_VISIBILITY,
    actor,
    id,
    { include: { institution: { select: { name: true, nameEn: true } }, handler: { select: { id: true, name: true, title: true, active: true } } } },
  );
  if (!c) return null;
  const facts = caseFactsOf(c);
  // Everything linked to the case, each through its own workflow's visibility rule.
  const linked = <W>(decl: Visibility) => ({ AND: [visibleWhere<W>(decl, actor), { caseId: id }] }) as W;

  const [court, department, recommendations, retrialMatters, agendaItems, nonLitigation, inquiries, leads] = await Promise.all([
    c.courtId ? prisma.institution.findUnique({ where: { id: c.courtId }, select: { id: true, name: true, nameEn: true } }) : null,
    c.courtDepartmentId ? prisma.department.findUnique({ where: { id: c.courtDepartmentId }, select: { id: true, name: true, nameEn: true } }) : null,
    prisma.recommendation.findMany({
      where: linked<Prisma.RecommendationWhereInput>(RECOMMENDATION_VISIBILITY),
      orderBy: { createdAt: 'asc' },
      select: { id: true, number: true, title: true, type: true, status: true, dueDate: true, servedOn: true, replyOn: true },
    }),
    prisma.retrialMatter.findMany({
      where: linked<Prisma.RetrialMatterWhereInput>(RETRIAL_VISIBILITY),
      orderBy: { createdAt: 'asc' },
      select: { id: true, courtCaseNumber: true, title: true, status: true, kind: true, reviewDue: true, decision: true },
    }),
    // An agenda item is the procuratorate's business once it may see the meeting.
    prisma.committeeAgendaItem.findMany({
      where: { caseId: id, meeting: visibleWhere<Prisma.CommitteeMeetingWhereInput>(MEETING_VISIBILITY, actor) },
      orderBy: [{ meeting: { scheduledAt: 'asc' } }, { position: 'asc' }],
      select: { id: true, title: true, courtCaseNumber: true, meeting: { select: { id: true, scheduledAt: true, status: true } } },
    }),
    prisma.nonLitigationApplication.findMany({
      where: linked<Prisma.NonLitigationApplicationWhereInput>(NON_LITIGATION_VISIBILITY),
      orderBy: { createdAt: 'asc' },
      select: { id: true, agency: true, respondent: true, subject: true, courtCaseNumber: true, status: true },
    }),
    prisma.enforcementInquiry.findMany({
      where: linked<Prisma.EnforcementInquiryWhereInput>(INQUIRY_VISIBILITY),
      orderBy: { sentOn: 'asc' },
      select: { id: true, courtCaseNumber: true, question: true, status: true, sentOn: true, dueDate: true, answeredOn: true },
    }),
    prisma.caseLead.findMany({
      where: linked<Prisma.CaseLeadWhereInput>(LEAD_VISIBILITY),
      orderBy: { sentAt: 'asc' },
      select: { id: true, kind: true, subtype: true, title: true, status: true, fromKind: true, sentAt: true },
    }),
  ]);

  const timeline = await jointTimeline(prisma, actor, id);
  const due = iso(c.stageDueDate);
  const stageFacts = { stage: c.stage, stageDueDate: due };
  const actions = availableCaseActions(actor, facts);
  const lastOf = (kind: string) => [...timeline].reverse().find((e) => e.recordType === RECORD_TYPE && e.recordId === id && e.kind === kind);
  const closeEvent = c.stage === 'closed' ? lastOf('close') : undefined;
  const reviewEnd = [...timeline].reverse().find((e) => e.recordType === RECORD_TYPE && e.recordId === id && (e.data?.reviewDueDate as string | undefined));
  const handlers = actions.includes('assign') ? await handlerOptions(prisma, c.institutionId) : [];
  const recRows = recommendations.map((r) => {
    const rdue = iso(r.dueDate);
    const awaiting = AWAITING_REPLY.includes(r.status);
    const over = rdue && awaiting ? daysOverdue(rdue, today) : 0;
    return {
      ...r,
      dueDate: rdue,
      servedOn: iso(r.servedOn),
      replyOn: iso(r.replyOn),
      daysOverdue: over,
      daysLeft: rdue && awaiting && over === 0 ? daysLeft(rdue, today) : null,
    };
  });

  return {
    id: c.id,
    version: c.version,
    number: c.number,
    kind: c.kind,
    title: c.title,
    parties: c.parties,
    stage: c.stage,
    tags: c.tags,
    institution: c.institution,
    court,
    department,
    courtId: c.courtId,
    courtDepartmentId: c.courtDepartmentId,
    handler: c.handler,
    courtCaseNumbers: courtCaseNumbersOf(c),
    acceptedOn: iso(c.acceptedOn),
    stageDueDate: due,
    daysOverdue: caseOverdueDays(stageFacts, today),
    daysLeft: caseDaysLeft(stageFacts, today),
    /** The holiday calendar of the due date's year is not on file: computed with weekends only. */
    dueDateProvisional: due !== null && !(await calendarCovers(prisma, due)),
    reviewRule: REVIEW_RULES[c.kind],
    /** How the review ended (date it was due, and whether it ended late), once it has. */
    reviewEnded: reviewEnd ? { dueDate: String(reviewEnd.data!.reviewDueDate), late: reviewEnd.data!.late === true, at: reviewEnd.at } : null,
    closedAt: c.closedAt,
    conclusion: closeEvent
      ? { outcome: (closeEvent.data?.outcome as string | undefined) ?? null, text: (closeEvent.data?.conclusion as string | undefined) ?? null }
      : null,
    linked: {
      recommendations: recRows,
      retrialMatters: retrialMatters.map((m) => ({ ...m, reviewDue: iso(m.reviewDue) })),
      committeeItems: agendaItems,
      nonLitigation,
      inquiries: inquiries.map((q) => {
        const qdue = iso(q.dueDate)!;
        const waiting = q.status === 'sent';
        const over = waiting ? daysOverdue(qdue, today) : 0;
        return { ...q, sentOn: iso(q.sentOn), dueDate: qdue, answeredOn: iso(q.answeredOn), daysOverdue: over, daysLeft: waiting && over === 0 ? daysLeft(qdue, today) : null };
      }),
      leads,
    },
    actions,
    handlers,
    timeline,
  };
}
export type CaseView = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** Active procurators and leaders of a procuratorate, for the handler selects. */
async function handlerOptions(prisma: Db, institutionId: string) {
  return prisma.user.findMany({
    where: { institutionId, active: true, role: { in: [...HANDLER_ROLES] } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, title: true, role: true },
  });
}

/** Choices for the forms: courts and their divisions; the procurators of the actor's procuratorate. */
export async function caseOptions(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'cases.list'), 'cases.list');
  const [courts, procurators] = await Promise.all([
    prisma.institution.findMany({
      where: await counterpartWhere(prisma, actor),
      orderBy: { name: 'asc' },
      select: { id: true, name: true, nameEn: true, departments: { orderBy: { key: 'asc' }, select: { id: true, key: true, name: true, nameEn: true } } },
    }),
    handlerOptions(prisma, actor.institutionId),
  ]);
  return { courts, procurators };
}

/**
 * After the holiday calendar changes (an administrator imports a year's notice), the review due
 * date of every case still under review is recomputed from the new calendar, in the caller's
 * transaction; each change is an internal timeline event and an audit row. For the calendar
 * import to call, like `recomputeDueDates` of the recommendations.
 */
export async function recomputeCaseDueDates(
  tx: Tx,
  by: { actorId: string | null; institutionId: string | null; requestId?: string },
  years: number[],
): Promise<number> {
  const running = await tx.supervisionCase.findMany({ where: { stage: { in: [...REVIEW_STAGES] }, acceptedOn: { not: null } } });
  if (running.length === 0) return 0;
  const cal = await calendar(tx);
  let changed = 0;
  for (const c of running) {
    const due = stageDueDate(c.kind, c.stage, iso(c.acceptedOn), cal);
    const before = iso(c.stageDueDate);
    if (due === before) continue;
    await tx.supervisionCase.update({ where: { id: c.id }, data: { stageDueDate: due ? d(due) : null, version: { increment: 1 } } });
    await tx.workflowEvent.create({
      data: {
        recordType: RECORD_TYPE,
        recordId: c.id,
        caseId: c.id,
        actorId: by.actorId,
        institutionId: by.institutionId ?? c.institutionId,
        visibility: 'internal',
        kind: 'dueDateRecomputed',
        fromStatus: c.stage,
        toStatus: c.stage,
        data: { previousDueDate: before, dueDate: due, years: years.join(', ') },
      },
    });
    await writeAudit(tx, {
      actorId: by.actorId,
      institutionId: by.institutionId,
      action: 'SupervisionCase.dueDateRecomputed',
      recordType: RECORD_TYPE,
      recordId: c.id,
      summary: { before: { stageDueDate: before }, after: { stageDueDate: due }, calendarYears: years },
      requestId: by.requestId,
    });
    changed++;
  }
  return changed;
}
