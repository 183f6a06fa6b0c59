/**
 * Enforcement supervision inquiries (lib/domain/inquiries/machine.ts): sending one, the court's
 * answer, urging an overdue one, closing it with the procuratorate's assessment. Every step on an
 * existing inquiry goes through the shared step runner (`runWorkflowStep`): one transaction with
 * the decision on the record as read from the database, the version check, the update, a shared
 * timeline event and an audit row. Reads filter by what the actor may see, in the query itself.
 */
import { calendarFromEntries } from '@/lib/domain/calendar';
import { daysLeft, daysOverdue } from '@/lib/domain/deadlines';
import {
  answerDateProblem,
  answerDueDate,
  answeredLate,
  availableSteps,
  decide,
  INQUIRY_STEPS,
  isEnforcementTypeCode,
  newInquiry,
  overdueDays,
  type InquiryFacts,
  type InquiryStep,
} from '@/lib/domain/inquiries/machine';
import * as S from '@/lib/domain/inquiries/schemas';
import { parseCourtCaseNumber } from '@/lib/domain/cases/numbers';
import { assertAllowed, decideFeature, ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import { inquiryList, type InquiryFilter } from '@/lib/lists/inquiries';
import { INQUIRY_VISIBILITY } from '@/lib/domain/inquiries/visibility';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import type { EnforcementInquiry, Prisma } from '@/lib/generated/prisma/client';
import { writeAudit } from './audit';
import { loadCalendarEntries } from './calendar';
import type { Db, Tx } from './db';
import { mapPage, pageOf } from './page';
import { queueItem, resolveQueue, type QueueItem } from './queue';
import { FieldError, refuseStep } from './errors';
import { names } from './names';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { findVisible, visibleWhere as visibleWhereOf } from './visibility';
import { calendarCovers } from './recommendations';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';

export const RECORD_TYPE = 'EnforcementInquiry';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);

export function factsOf(rec: EnforcementInquiry): InquiryFacts {
  return {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    sentById: rec.sentById,
    dueDate: iso(rec.dueDate),
  };
}

async function calendar(tx: Tx) {
  return calendarFromEntries(await loadCalendarEntries(tx as unknown as Db));
}

function specFor(actor: Actor, step: InquiryStep, today: string): WorkflowSpec<EnforcementInquiry> {
  return {
    recordType: RECORD_TYPE,
    action: step,
    load: (tx, id) => tx.enforcementInquiry.findUnique({ where: { id } }),
    decide: (rec) => decide(actor, step, factsOf(rec), today),
    update: async (tx, id, version, data) =>
      (await tx.enforcementInquiry.updateMany({ where: { id, version }, data: data as Prisma.EnforcementInquiryUncheckedUpdateManyInput })).count,
    caseIdOf: (rec) => rec.caseId,
  };
}

// ---------------------------------------------------------------------------------------------
// Commands

/** The procuratorate sends a written inquiry to the executing court; the answer is due in 15 days. */
export async function sendInquiry(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  // Who may send is decided before the input is looked at: only the procuratorate's people.
  const rawCourt = typeof raw === 'object' && raw !== null ? String((raw as Record<string, unknown>).courtId ?? '') : '';
  const first = decide(actor, 'send', newInquiry(actor, rawCourt), ctx.today);
  if (!first.ok && first.forbidden) refuseStep(`${RECORD_TYPE}.send`, first);
  const input = S.sendInput.parse(raw);

  // The procuratorate at the same level as the executing court supervises it (its counterpart).
  const court = await requireCounterpart(prisma, actor, input.courtId, 'courtId');
  const parts = parseCourtCaseNumber(input.courtCaseNumber)!;
  if (!isEnforcementTypeCode(parts.typeCode)) throw new FieldError('courtCaseNumber', 'notEnforcementCase');
  if (parts.courtCode !== court.code) throw new FieldError('courtCaseNumber', 'otherCourt');
  if (input.caseId) {
    const c = await prisma.supervisionCase.findUnique({ where: { id: input.caseId }, select: { institutionId: true } });
    if (!c) throw new FieldError('caseId', 'invalidChoice');
    if (c.institutionId !== actor.institutionId) throw new ForbiddenError(`${RECORD_TYPE}.send`, 'institution');
  }
  if (input.sentOn > ctx.today) throw new FieldError('sentOn', 'dateInFuture');
  const decision = decide(actor, 'send', newInquiry(actor, input.courtId), ctx.today);
  if (!decision.ok) refuseStep(`${RECORD_TYPE}.send`, decision);

  return prisma.$transaction(async (tx) => {
    const due = answerDueDate(input.sentOn, await calendar(tx));
    const rec = await tx.enforcementInquiry.create({
      data: {
        procuratorateId: actor.institutionId,
        courtId: input.courtId,
        caseId: input.caseId,
        courtCaseNumber: input.courtCaseNumber,
        question: input.question,
        sentById: actor.id,
        sentOn: d(input.sentOn),
        dueDate: d(due),
        status: 'sent',
        ...(ctx.now ? { createdAt: ctx.now } : {}),
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
      data: { courtCaseNumber: input.courtCaseNumber, sentOn: input.sentOn, dueDate: due },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${RECORD_TYPE}.send`,
      recordType: RECORD_TYPE,
      recordId: rec.id,
      summary: json({ after: { ...input, dueDate: due, status: 'sent', procuratorateId: actor.institutionId, sentById: actor.id } }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: rec.id, status: 'sent' as const, dueDate: due };
  });
}

/** The court answers: the date it answered (not before the inquiry was sent, not in the future). */
export async function answerInquiry(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.answerInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'answer', ctx.today), input, ctx, (rec) => {
    const sentOn = iso(rec.sentOn)!;
    const problem = answerDateProblem(input.answeredOn, sentOn, ctx.today);
    if (problem) throw new FieldError('answeredOn', problem);
    const due = iso(rec.dueDate);
    const late = answeredLate(input.answeredOn, due);
    return {
      data: { answer: input.answer, answeredById: actor.id, answeredOn: d(input.answeredOn) },
      event: { answeredOn: input.answeredOn, dueDate: due, late, daysLate: late && due ? daysOverdue(due, input.answeredOn) : undefined },
    };
  });
}

/** The procuratorate urges an overdue answer: recorded on the shared timeline, no change of state. */
export async function urgeInquiry(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.urgeInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'urge', ctx.today), input, ctx, (rec) => ({
    event: { comment: input.comment, dueDate: iso(rec.dueDate), daysOverdue: overdueDays(factsOf(rec), ctx.today) },
  }));
}

/** After the answer, the procuratorate closes the inquiry with its assessment of the answer. */
export async function closeInquiry(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.closeInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'close', ctx.today), input, ctx, () => ({
    data: { closedAt: ctx.now ?? new Date() },
    event: { outcome: input.outcome, assessment: input.assessment },
  }));
}

type Command = (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<{ id: string }>;

/** Every command on an existing inquiry, for the one server action that dispatches steps. */
export const STEPS = {
  urge: urgeInquiry,
  answer: answerInquiry,
  close: closeInquiry,
} satisfies Record<Exclude<InquiryStep, 'send'>, Command>;

export function isStepName(s: string): s is keyof typeof STEPS {
  return s !== 'send' && (INQUIRY_STEPS as readonly string[]).includes(s);
}

/**
 * After the holiday calendar changes, the answers still awaited get their due date recomputed
 * (in the import's transaction), each change a shared timeline event and an audit row.
 */
export async function recomputeInquiryDueDates(
  tx: Tx,
  by: { actorId: string | null; institutionId: string | null; requestId?: string },
  years: number[],
): Promise<number> {
  const running = await tx.enforcementInquiry.findMany({ where: { status: 'sent' } });
  if (running.length === 0) return 0;
  const cal = await calendar(tx);
  let changed = 0;
  for (const rec of running) {
    const before = iso(rec.dueDate)!;
    const due = answerDueDate(iso(rec.sentOn)!, cal);
    if (due === before) continue;
    await tx.enforcementInquiry.update({ where: { id: rec.id }, data: { dueDate: d(due), version: { increment: 1 } } });
    await tx.workflowEvent.create({
      data: {
        recordType: RECORD_TYPE,
        recordId: rec.id,
        caseId: rec.caseId,
        actorId: by.actorId,
        institutionId: by.institutionId ?? rec.procuratorateId,
        visibility: 'shared',
        kind: 'dueDateRecomputed',
        fromStatus: rec.status,
        toStatus: rec.status,
        data: { previousDueDate: before, dueDate: due, years: years.join(', ') },
      },
    });
    await writeAudit(tx, {
      actorId: by.actorId,
      institutionId: by.institutionId,
      action: `${RECORD_TYPE}.dueDateRecomputed`,
      recordType: RECORD_TYPE,
      recordId: rec.id,
      summary: { before: { dueDate: before }, after: { dueDate: due }, calendarYears: years },
      requestId: by.requestId,
    });
    changed++;
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The list's filters: the URL state of /inquiries (lib/lists/inquiries.ts), every field optional here. */
export type InquiryFilters = Partial<InquiryFilter>;

/** The visibility rule as a `where`: a record the actor may not see never leaves the database. */
export function visibleWhere(actor: Actor): Prisma.EnforcementInquiryWhereInput {
  return visibleWhereOf<Prisma.EnforcementInquiryWhereInput>(INQUIRY_VISIBILITY, actor);
}

export function filterWhere(actor: Actor, f: InquiryFilters, today: string): Prisma.EnforcementInquiryWhereInput {
  const and: Prisma.EnforcementInquiryWhereInput[] = [visibleWhere(actor)];
  if (f.status) and.push({ status: f.status });
  if (f.overdue) and.push({ status: 'sent', dueDate: { lt: d(today) } });
  return { AND: and };
}

/** How many inquiries the list shows for this filter (all pages). */
export function countInquiries(prisma: Db, actor: Actor, f: InquiryFilters, today: string): Promise<number> {
  return prisma.enforcementInquiry.count({ where: filterWhere(actor, f, today) });
}

export type InquiryRow = Awaited<ReturnType<typeof listInquiries>>['rows'][number];

/**
 * The inquiries the actor's institution sent or received. Open ones first (awaiting the answer,
 * by due date), then — for the procuratorate — answered ones waiting to be closed, then the rest
 * by the day they were sent, newest first.
 */
export async function listInquiries(prisma: Db, actor: Actor, f: InquiryFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'inquiries.list'), 'inquiries.list');
  const where = filterWhere(actor, f, today);
  const court = actor.institutionKind === 'COURT';
  const segment = (part: Prisma.EnforcementInquiryWhereInput, orderBy: Prisma.EnforcementInquiryOrderByWithRelationInput[]) => ({
    count: () => prisma.enforcementInquiry.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) => prisma.enforcementInquiry.findMany({ where: { AND: [where, part] }, orderBy, ...w }),
  });
  const newest: Prisma.EnforcementInquiryOrderByWithRelationInput[] = [{ sentOn: 'desc' }, { id: 'asc' }];
  const p = await pageOf(
    [
      segment({ status: 'sent' }, [{ dueDate: 'asc' }, { sentOn: 'asc' }, { id: 'asc' }]),
      ...(court ? [] : [segment({ status: 'answered' }, newest)]),
      segment({ status: { notIn: court ? ['sent'] : ['sent', 'answered'] } }, newest),
    ],
    page,
  );
  return mapPage(p, (rows) => inquiryRows(prisma, rows, today));
}

async function inquiryRows(prisma: Db, rows: EnforcementInquiry[], today: string) {
  const ids = rows.map((r) => r.id);
  const urges = ids.length
    ? await prisma.workflowEvent.groupBy({ by: ['recordId'], where: { recordType: RECORD_TYPE, recordId: { in: ids }, kind: 'urge' }, _count: { _all: true } })
    : [];
  const urgeCount = new Map(urges.map((u) => [u.recordId, u._count._all]));
  const n = await names(
    prisma,
    rows.flatMap((r) => [r.sentById, r.answeredById]),
    rows.flatMap((r) => [r.courtId, r.procuratorateId]),
  );
  return rows.map((r) => {
    const facts = factsOf(r);
    const due = facts.dueDate;
    const overdue = overdueDays(facts, today);
    const answeredOn = iso(r.answeredOn);
    return {
      id: r.id,
      version: r.version,
      status: r.status,
      courtCaseNumber: r.courtCaseNumber,
      question: r.question.length > 120 ? `${r.question.slice(0, 120)}…` : r.question,
      sentOn: iso(r.sentOn)!,
      dueDate: due,
      answeredOn,
      daysOverdue: overdue,
      daysLeft: due && r.status === 'sent' && overdue === 0 ? daysLeft(due, today) : null,
      answeredLate: answeredLate(answeredOn, due),
      urges: urgeCount.get(r.id) ?? 0,
      sentBy: n.user(r.sentById),
      answeredBy: n.user(r.answeredById),
      court: n.inst(r.courtId),
      procuratorate: n.inst(r.procuratorateId),
    };
  });
}

/** The list header's figures (open, overdue, answered, closed), each a filter of the list, counted and linked. */
export async function inquirySummary(prisma: Db, actor: Actor, today: string): Promise<QueueItem[]> {
  assertAllowed(decideFeature(actor, 'inquiries.list'), 'inquiries.list');
  const count = (f: InquiryFilter) => countInquiries(prisma, actor, f, today);
  return resolveQueue([
    queueItem('open', inquiryList, { status: 'sent' }, count),
    queueItem('overdue', inquiryList, { overdue: true }, count),
    queueItem('answered', inquiryList, { status: 'answered' }, count),
    queueItem('closed', inquiryList, { status: 'closed' }, count),
  ]);
}

/** The header's figures by key. */
export async function inquiryCounts(prisma: Db, actor: Actor, today: string): Promise<Record<'open' | 'overdue' | 'answered' | 'closed', number>> {
  const items = await inquirySummary(prisma, actor, today);
  const of = (key: string) => items.find((i) => i.key === key)!.count;
  return { open: of('open'), overdue: of('overdue'), answered: of('answered'), closed: of('closed') };
}

/** One inquiry as the actor may see it, with its timeline and the steps open to them. */
export async function getInquiry(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'inquiries.list'), 'inquiries.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  const rec = await findVisible<EnforcementInquiry>(prisma.enforcementInquiry, INQUIRY_VISIBILITY, actor, id);
  if (!rec) return null;
  const facts = factsOf(rec);
  const [n, timeline, linkedCase, covered] = await Promise.all([
    names(prisma, [rec.sentById, rec.answeredById], [rec.courtId, rec.procuratorateId]),
    timelineOf(prisma, actor, { recordType: RECORD_TYPE, recordId: rec.id }),
    // The supervision case is the procuratorate's own file.
    rec.caseId
      ? prisma.supervisionCase.findFirst({ where: { AND: [visibleWhereOf<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor), { id: rec.caseId }] }, select: { id: true, number: true, title: true } })
      : Promise.resolve(null),
    calendarCovers(prisma, iso(rec.dueDate)),
  ]);
  const due = facts.dueDate;
  const overdue = overdueDays(facts, today);
  const answeredOn = iso(rec.answeredOn);
  const urges = timeline.filter((e) => e.kind === 'urge');
  const closing = [...timeline].reverse().find((e) => e.kind === 'close');
  return {
    id: rec.id,
    version: rec.version,
    status: rec.status,
    courtCaseNumber: rec.courtCaseNumber,
    question: rec.question,
    court: n.inst(rec.courtId),
    procuratorate: n.inst(rec.procuratorateId),
    case: linkedCase,
    sentBy: n.user(rec.sentById),
    sentOn: iso(rec.sentOn)!,
    dueDate: due,
    dueDateProvisional: rec.status === 'sent' && !covered,
    daysOverdue: overdue,
    daysLeft: due && rec.status === 'sent' && overdue === 0 ? daysLeft(due, today) : null,
    answer: rec.answer,
    answeredBy: n.user(rec.answeredById),
    answeredOn,
    answeredLate: answeredLate(answeredOn, due),
    daysLate: answeredLate(answeredOn, due) ? daysOverdue(due!, answeredOn!) : 0,
    urges: urges.map((u) => ({ at: u.at, by: u.actorName, comment: (u.data?.comment as string | null | undefined) ?? null })),
    closedAt: rec.closedAt,
    closing: closing
      ? {
          by: closing.actorName,
          outcome: (closing.data?.outcome as S.CloseOutcome | undefined) ?? null,
          assessment: (closing.data?.assessment as string | undefined) ?? null,
        }
      : null,
    actions: availableSteps(actor, facts, today),
    timeline,
  };
}
export type InquiryView = NonNullable<Awaited<ReturnType<typeof getInquiry>>>;

/** At most this many open cases are offered to link an inquiry to. */
const CASE_OPTIONS = 300;

/** What the "new inquiry" form offers: the courts at the procuratorate's level and its cases. */
export async function inquiryFormOptions(prisma: Db, actor: Actor, today: string) {
  const decision = decide(actor, 'send', newInquiry(actor, ''), today);
  if (!decision.ok) refuseStep(`${RECORD_TYPE}.send`, decision);
  // Enforcement supervision cases first, then the others, each newest first: sorted by the database.
  const openCases = (kind: Prisma.SupervisionCaseWhereInput['kind']) =>
    prisma.supervisionCase.findMany({
      where: { institutionId: actor.institutionId, closedAt: null, kind },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: CASE_OPTIONS,
      select: { id: true, number: true, title: true, kind: true, courtCaseNumber: true },
    });
  const [courts, enforcement, others] = await Promise.all([
    prisma.institution.findMany({
      where: await counterpartWhere(prisma, actor),
      orderBy: { name: 'asc' },
      select: { id: true, name: true, nameEn: true, code: true },
    }),
    openCases('enforcement'),
    openCases({ not: 'enforcement' }),
  ]);
  const cases = [...enforcement, ...others].slice(0, CASE_OPTIONS);
  return { courts, cases };
}
