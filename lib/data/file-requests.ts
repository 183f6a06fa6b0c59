/**
 * File requests (lib/domain/file-requests/machine.ts): the procuratorate drafts a request for a
 * court case file, sends it, may urge or withdraw it; the court answers with documents, in part or
 * refuses; the procuratorate acknowledges the answer. Every step on an existing request goes
 * through the shared step runner (`runWorkflowStep`: one transaction with the decision on the
 * record as read from the database, the version check, the update, a timeline event — internal
 * while drafting, shared from sending — and an audit row). The court's documents go through the
 * document store's one door (./attachments: staged and checked before the transaction, recorded
 * in it, removed again when the step fails). Reads filter by what the actor may see, in the query.
 */
import { calendarFromEntries } from '@/lib/domain/calendar';
import { daysLeft, daysOverdue } from '@/lib/domain/deadlines';
import { parseCourtCaseNumber } from '@/lib/domain/cases/numbers';
import {
  ANSWER_STATUSES,
  ANSWER_STEPS,
  answeredLate,
  answerProblem,
  availableSteps,
  decide,
  dueDateAtSending,
  FILE_REQUEST_STEPS,
  newFileRequest,
  overdueDays,
  requestedDueDateProblem,
  responseDays,
  type AnswerStep,
  type FileRequestFacts,
  type FileRequestStep,
} from '@/lib/domain/file-requests/machine';
import * as S from '@/lib/domain/file-requests/schemas';
import { FILE_REQUEST_VISIBILITY } from '@/lib/domain/file-requests/visibility';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { set, type Cond } from '@/lib/domain/visibility';
import { Prisma, type FileRequest } from '@/lib/generated/prisma/client';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import { fileRequestList, type FileRequestFilter } from '@/lib/lists/file-requests';
import { auditedDownload, listAttachments, readAttachment, recordAttachment, withUploads } from './attachments';
import { writeAudit } from './audit';
import { loadCalendarEntries } from './calendar';
import { counterpartWhere, requireCounterpart } from './counterparts';
import type { Db, Tx } from './db';
import { FieldError, refuseStep } from './errors';
import { names } from './names';
import { mapPage, pageOf } from './page';
import { queueItem, resolveQueue, type QueueItem } from './queue';
import { calendarCovers } from './recommendations';
import { condWhere, findVisible, visibleWhere as visibleWhereOf, type WithHidden } from './visibility';
import { condSql, visibleSql } from './visibility-sql';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';

export const RECORD_TYPE = 'FileRequest';

/** A request as the actor may load it: who drafted it is hidden from the court. */
type Loaded = WithHidden<FileRequest, 'createdById'>;

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);

/**
 * "Answered" — the court has answered (in full, in part or refused): one condition, read as the
 * list's filter (`answered=1`) and as the SQL the median response time is taken over.
 */
export const ANSWERED: Cond<keyof FileRequest> = set('answeredOn');

export function factsOf(rec: Pick<Loaded, 'status' | 'procuratorateId' | 'courtId' | 'createdById' | 'sentOn' | 'dueDate'>): FileRequestFacts {
  return {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    createdById: rec.createdById,
    sentOn: iso(rec.sentOn),
    dueDate: iso(rec.dueDate),
  };
}

async function calendar(tx: Tx) {
  return calendarFromEntries(await loadCalendarEntries(tx as unknown as Db));
}

function specFor(actor: Actor, step: FileRequestStep, today: string): WorkflowSpec<FileRequest> {
  return {
    recordType: RECORD_TYPE,
    action: step,
    load: (tx, id) => tx.fileRequest.findUnique({ where: { id } }),
    decide: (rec) => decide(actor, step, factsOf(rec), today),
    update: async (tx, id, version, data) => (await tx.fileRequest.updateMany({ where: { id, version }, data: data as Prisma.FileRequestUncheckedUpdateManyInput })).count,
  };
}

/** The case number must be the addressed court's (its court code). */
function checkCaseNumber(courtCaseNumber: string, courtCode: string) {
  const parts = parseCourtCaseNumber(courtCaseNumber)!;
  if (parts.courtCode !== courtCode) throw new FieldError('courtCaseNumber', 'caseNumberOtherCourt');
}

// ---------------------------------------------------------------------------------------------
// Commands

/** The procuratorate drafts a request (internal: the court sees nothing until it is sent). */
export async function createFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  // Who may draft is decided before the input is looked at: only the procuratorate's people.
  const first = decide(actor, 'create', newFileRequest(actor, ''), ctx.today);
  if (!first.ok && first.forbidden) refuseStep(`${RECORD_TYPE}.create`, first);
  const input = S.createInput.parse(raw);
  const court = await requireCounterpart(prisma, actor, input.courtId, 'courtId');
  checkCaseNumber(input.courtCaseNumber, court.code);
  const dueProblem = requestedDueDateProblem(input.requestedDueDate, ctx.today);
  if (dueProblem) throw new FieldError('requestedDueDate', dueProblem);
  const decision = decide(actor, 'create', newFileRequest(actor, input.courtId), ctx.today);
  if (!decision.ok) refuseStep(`${RECORD_TYPE}.create`, decision);

  return prisma.$transaction(async (tx) => {
    const rec = await tx.fileRequest.create({
      data: {
        procuratorateId: actor.institutionId,
        courtId: input.courtId,
        courtCaseNumber: input.courtCaseNumber,
        needed: input.needed,
        reason: input.reason,
        requestedDueDate: input.requestedDueDate ? d(input.requestedDueDate) : null,
        status: 'draft',
        createdById: actor.id,
        ...(ctx.now ? { createdAt: ctx.now } : {}),
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: RECORD_TYPE,
      recordId: rec.id,
      caseId: null,
      actor,
      shared: decision.shared,
      kind: 'create',
      toStatus: 'draft',
      data: { courtCaseNumber: input.courtCaseNumber, requestedDueDate: input.requestedDueDate ?? undefined },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${RECORD_TYPE}.create`,
      recordType: RECORD_TYPE,
      recordId: rec.id,
      summary: json({ after: { ...input, status: 'draft', procuratorateId: actor.institutionId, createdById: actor.id } }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: rec.id, status: 'draft' as const };
  });
}

/** The drafter (or a leader) corrects the draft before sending it. */
export async function editFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.editInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'edit', ctx.today), input, ctx, async (rec, tx) => {
    const court = await tx.institution.findUniqueOrThrow({ where: { id: rec.courtId }, select: { code: true } });
    checkCaseNumber(input.courtCaseNumber, court.code);
    const dueProblem = requestedDueDateProblem(input.requestedDueDate, ctx.today);
    if (dueProblem) throw new FieldError('requestedDueDate', dueProblem);
    return {
      data: {
        courtCaseNumber: input.courtCaseNumber,
        needed: input.needed,
        reason: input.reason,
        requestedDueDate: input.requestedDueDate ? d(input.requestedDueDate) : null,
      },
      event: { courtCaseNumber: input.courtCaseNumber },
    };
  });
}

/** Sending: today is the day sent; the due date is the one asked for (still ahead) or the default period's. */
export async function sendFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.stepInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'send', ctx.today), input, ctx, async (rec, tx) => {
    const due = dueDateAtSending(iso(rec.requestedDueDate), ctx.today, await calendar(tx));
    if (!due.ok) throw new FieldError('requestedDueDate', due.code);
    return {
      data: { sentById: actor.id, sentOn: d(ctx.today), dueDate: d(due.dueDate) },
      event: { courtCaseNumber: rec.courtCaseNumber, sentOn: ctx.today, dueDate: due.dueDate, defaultPeriod: rec.requestedDueDate === null },
    };
  });
}

/** A draft dropped before it was ever sent (internal). */
export async function discardFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.commentInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'discard', ctx.today), input, ctx, () => ({
    data: { withdrawnAt: ctx.now ?? new Date() },
    event: { comment: input.comment },
  }));
}

/** A sent request withdrawn before the court answered (shared: the court stops working on it). */
export async function withdrawFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.commentInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'withdraw', ctx.today), input, ctx, () => ({
    data: { withdrawnAt: ctx.now ?? new Date() },
    event: { comment: input.comment },
  }));
}

/** The procuratorate urges an answer that is due or overdue: recorded on the shared timeline, no change of state. */
export async function urgeFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.commentInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'urge', ctx.today), input, ctx, (rec) => ({
    event: { comment: input.comment, dueDate: iso(rec.dueDate), daysOverdue: overdueDays(factsOf(rec), ctx.today) },
  }));
}

/**
 * The court answers (`step`: with documents, in part, or refuses). What the answer needs is
 * checked before any byte is stored; the documents are then staged through the document store and
 * recorded in the step's transaction (removed again if the step fails: refused, a conflict).
 */
export async function answerFileRequest(prisma: Db, actor: Actor, step: AnswerStep, raw: unknown, ctx: WorkflowContext) {
  const input = S.answerInput.parse(raw);
  const problem = answerProblem(step, input.files.length, input.answerNote);
  if (problem) throw new FieldError(problem.field, problem.code);
  return withUploads(prisma, input.files, 'files', (staged) =>
    runWorkflowStep(prisma, actor, specFor(actor, step, ctx.today), input, ctx, (rec) => {
      const sentOn = iso(rec.sentOn);
      const due = iso(rec.dueDate);
      const late = answeredLate(ctx.today, due);
      return {
        data: { answeredById: actor.id, answeredOn: d(ctx.today), answerNote: input.answerNote },
        event: {
          answeredOn: ctx.today,
          responseDays: responseDays(sentOn, ctx.today) ?? undefined,
          late,
          daysLate: late && due ? daysOverdue(due, ctx.today) : undefined,
          fileCount: staged.length,
          answerNote: input.answerNote,
        },
        after: async (tx) => {
          const rows = [];
          for (const f of staged) rows.push(await recordAttachment(tx, actor, f, { recordType: RECORD_TYPE, recordId: rec.id, confidentiality: 'ordinary' }, ctx));
          return { attachments: rows.map((a) => a.id) };
        },
      };
    }),
  );
}

/** The procuratorate has read the answer and closes the request. */
export async function closeFileRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.commentInput.parse(raw);
  return runWorkflowStep(prisma, actor, specFor(actor, 'close', ctx.today), input, ctx, () => ({
    data: { closedAt: ctx.now ?? new Date() },
    event: { comment: input.comment },
  }));
}

type Command = (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<{ id: string }>;

/** Every command on an existing request, for the one server action that dispatches steps. */
export const STEPS = {
  edit: editFileRequest,
  send: sendFileRequest,
  discard: discardFileRequest,
  withdraw: withdrawFileRequest,
  urge: urgeFileRequest,
  answer: (p, a, r, c) => answerFileRequest(p, a, 'answer', r, c),
  answerPartially: (p, a, r, c) => answerFileRequest(p, a, 'answerPartially', r, c),
  refuse: (p, a, r, c) => answerFileRequest(p, a, 'refuse', r, c),
  close: closeFileRequest,
} satisfies Record<Exclude<FileRequestStep, 'create'>, Command>;

export function isStepName(s: string): s is keyof typeof STEPS {
  return s !== 'create' && (FILE_REQUEST_STEPS as readonly string[]).includes(s);
}

export function isAnswerStep(s: string): s is AnswerStep {
  return (ANSWER_STEPS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The list's filters: the URL state of /file-requests (lib/lists/file-requests.ts), every field optional here. */
export type FileRequestFilters = Partial<FileRequestFilter>;

/** The visibility rule as a `where`: a record the actor may not see never leaves the database. */
export function visibleWhere(actor: Actor): Prisma.FileRequestWhereInput {
  return visibleWhereOf<Prisma.FileRequestWhereInput>(FILE_REQUEST_VISIBILITY, actor);
}

export function filterWhere(actor: Actor, f: FileRequestFilters, today: string): Prisma.FileRequestWhereInput {
  const and: Prisma.FileRequestWhereInput[] = [visibleWhere(actor)];
  if (f.status) and.push({ status: f.status });
  if (f.overdue) and.push({ status: 'sent', dueDate: { lt: d(today) } });
  if (f.toRead) and.push({ status: { in: [...ANSWER_STATUSES] } });
  if (f.answered) and.push(condWhere(ANSWERED, actor) as Prisma.FileRequestWhereInput);
  return { AND: and };
}

/** How many requests the list shows for this filter (all pages). */
export function countFileRequests(prisma: Db, actor: Actor, f: FileRequestFilters, today: string): Promise<number> {
  return prisma.fileRequest.count({ where: filterWhere(actor, f, today) });
}

export type FileRequestRow = Awaited<ReturnType<typeof listFileRequests>>['rows'][number];

/**
 * The requests the actor's institution sent or received. For the court: those awaiting its
 * answer first (by due date), then the rest newest first. For the procuratorate: its drafts,
 * then answers to read, then those awaiting the court (by due date), then the rest.
 */
export async function listFileRequests(prisma: Db, actor: Actor, f: FileRequestFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'fileRequests.list'), 'fileRequests.list');
  const where = filterWhere(actor, f, today);
  const court = actor.institutionKind === 'COURT';
  const segment = (part: Prisma.FileRequestWhereInput, orderBy: Prisma.FileRequestOrderByWithRelationInput[]) => ({
    count: () => prisma.fileRequest.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) => prisma.fileRequest.findMany({ where: { AND: [where, part] }, orderBy, ...w, omit: { createdById: court } }),
  });
  const newest: Prisma.FileRequestOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'asc' }];
  const awaiting = segment({ status: 'sent' }, [{ dueDate: 'asc' }, { sentOn: 'asc' }, { id: 'asc' }]);
  const p = await pageOf(
    court
      ? [awaiting, segment({ status: { not: 'sent' } }, newest)]
      : [
          segment({ status: 'draft' }, newest),
          segment({ status: { in: [...ANSWER_STATUSES] } }, [{ answeredOn: 'desc' }, { id: 'asc' }]),
          awaiting,
          segment({ status: { in: ['withdrawn', 'closed'] } }, newest),
        ],
    page,
  );
  return mapPage(p, (rows) => fileRequestRows(prisma, rows as Loaded[], today));
}

function clip(s: string, n = 120) {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

async function fileRequestRows(prisma: Db, rows: Loaded[], today: string) {
  const ids = rows.map((r) => r.id);
  const [urges, docs] = ids.length
    ? await Promise.all([
        prisma.workflowEvent.groupBy({ by: ['recordId'], where: { recordType: RECORD_TYPE, recordId: { in: ids }, kind: 'urge' }, _count: { _all: true } }),
        prisma.attachment.groupBy({ by: ['recordId'], where: { recordType: RECORD_TYPE, recordId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const urgeCount = new Map(urges.map((u) => [u.recordId, u._count._all]));
  const docCount = new Map(docs.map((u) => [u.recordId, u._count._all]));
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
      needed: clip(r.needed),
      sentOn: facts.sentOn,
      dueDate: due,
      answeredOn,
      responseDays: responseDays(facts.sentOn, answeredOn),
      daysOverdue: overdue,
      daysLeft: due && r.status === 'sent' && overdue === 0 ? daysLeft(due, today) : null,
      answeredLate: answeredLate(answeredOn, due),
      urges: urgeCount.get(r.id) ?? 0,
      documents: docCount.get(r.id) ?? 0,
      sentBy: n.user(r.sentById),
      court: n.inst(r.courtId),
      procuratorate: n.inst(r.procuratorateId),
    };
  });
}

type SummaryKey = 'drafts' | 'open' | 'overdue' | 'toRead' | 'closed';

/** The list header's figures, each a filter of the list, counted and linked. */
export async function fileRequestSummary(prisma: Db, actor: Actor, today: string): Promise<QueueItem[]> {
  assertAllowed(decideFeature(actor, 'fileRequests.list'), 'fileRequests.list');
  const count = (f: FileRequestFilter) => countFileRequests(prisma, actor, f, today);
  const court = actor.institutionKind === 'COURT';
  return resolveQueue([
    ...(court ? [] : [queueItem('drafts', fileRequestList, { status: 'draft' }, count)]),
    queueItem('open', fileRequestList, { status: 'sent' }, count),
    queueItem('overdue', fileRequestList, { overdue: true }, count),
    queueItem('toRead', fileRequestList, { toRead: true }, count),
    queueItem('closed', fileRequestList, { status: 'closed' }, count),
  ]);
}

/** The header's figures by key (the court has no drafts: 0). */
export async function fileRequestCounts(prisma: Db, actor: Actor, today: string): Promise<Record<SummaryKey, number>> {
  const items = await fileRequestSummary(prisma, actor, today);
  const of = (key: SummaryKey) => items.find((i) => i.key === key)?.count ?? 0;
  return { drafts: of('drafts'), open: of('open'), overdue: of('overdue'), toRead: of('toRead'), closed: of('closed') };
}

/**
 * The response time over the requests the actor may see that the court has answered: how many,
 * and the median of their response days (sent → answered), computed by the database
 * (percentile_cont) over the same declaration as the list's `answered=1` filter; null when none.
 */
export async function fileRequestResponseTime(prisma: Db, actor: Actor): Promise<{ answered: number; medianDays: number | null; href: string }> {
  assertAllowed(decideFeature(actor, 'fileRequests.list'), 'fileRequests.list');
  const [row] = await prisma.$queryRaw<{ answered: number; median: number | null }[]>(Prisma.sql`
    SELECT count(*)::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY (r."answeredOn" - r."sentOn"))::float8 AS median
    FROM "FileRequest" r
    WHERE ${visibleSql(FILE_REQUEST_VISIBILITY, actor, 'r')} AND ${condSql(ANSWERED, actor, 'r')}`);
  return { answered: row?.answered ?? 0, medianDays: row?.median ?? null, href: fileRequestList.href({ answered: true }) };
}

/** One request as the actor may see it, with its timeline, the court's documents and the steps open to them. */
export async function getFileRequest(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'fileRequests.list'), 'fileRequests.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  const rec = await findVisible<Loaded>(prisma.fileRequest, FILE_REQUEST_VISIBILITY, actor, id);
  if (!rec) return null;
  const facts = factsOf(rec);
  const [n, timeline, documents, covered] = await Promise.all([
    names(prisma, [rec.createdById, rec.sentById, rec.answeredById], [rec.courtId, rec.procuratorateId]),
    timelineOf(prisma, actor, { recordType: RECORD_TYPE, recordId: rec.id }),
    listAttachments(prisma, RECORD_TYPE, [rec.id]),
    calendarCovers(prisma, iso(rec.dueDate)),
  ]);
  const due = facts.dueDate;
  const overdue = overdueDays(facts, today);
  const answeredOn = iso(rec.answeredOn);
  const urges = timeline.filter((e) => e.kind === 'urge');
  return {
    id: rec.id,
    version: rec.version,
    status: rec.status,
    courtCaseNumber: rec.courtCaseNumber,
    needed: rec.needed,
    reason: rec.reason,
    requestedDueDate: iso(rec.requestedDueDate),
    court: n.inst(rec.courtId),
    procuratorate: n.inst(rec.procuratorateId),
    createdBy: n.user(rec.createdById),
    sentBy: n.user(rec.sentById),
    sentOn: facts.sentOn,
    dueDate: due,
    dueDateProvisional: rec.status === 'sent' && !covered,
    daysOverdue: overdue,
    daysLeft: due && rec.status === 'sent' && overdue === 0 ? daysLeft(due, today) : null,
    answerNote: rec.answerNote,
    answeredBy: n.user(rec.answeredById),
    answeredOn,
    responseDays: responseDays(facts.sentOn, answeredOn),
    answeredLate: answeredLate(answeredOn, due),
    daysLate: answeredLate(answeredOn, due) ? daysOverdue(due!, answeredOn!) : 0,
    documents: documents.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, uploadedAt: a.uploadedAt, href: `/file-requests/${rec.id}/documents/${a.id}` })),
    urges: urges.map((u) => ({ at: u.at, by: u.actorName, comment: (u.data?.comment as string | null | undefined) ?? null })),
    closedAt: rec.closedAt,
    withdrawnAt: rec.withdrawnAt,
    actions: availableSteps(actor, facts, today),
    timeline,
  };
}
export type FileRequestView = NonNullable<Awaited<ReturnType<typeof getFileRequest>>>;

/** What the "new request" form offers: the courts this procuratorate works with. */
export async function fileRequestFormOptions(prisma: Db, actor: Actor, today: string) {
  const decision = decide(actor, 'create', newFileRequest(actor, ''), today);
  if (!decision.ok) refuseStep(`${RECORD_TYPE}.create`, decision);
  const courts = await prisma.institution.findMany({
    where: await counterpartWhere(prisma, actor),
    orderBy: { name: 'asc' },
    select: { id: true, name: true, nameEn: true, code: true },
  });
  return { courts };
}

/**
 * One of the court's answer documents for download: null when the request is not visible to the
 * actor or the file is not this request's. Both institutions read the answer documents of a request
 * they see (ordinary confidentiality); the door verifies the SHA-256 and audits the download.
 */
export async function downloadAnswerDocument(prisma: Db, actor: Actor, requestId: string, attachmentId: string, ctx: { requestId?: string } = {}) {
  return auditedDownload(prisma, actor, { recordType: RECORD_TYPE, recordId: requestId, attachmentId }, ctx, async () => {
    assertAllowed(decideFeature(actor, 'fileRequests.list'), 'fileRequests.list');
    if (!S.stepInput.shape.id.safeParse(requestId).success || !S.stepInput.shape.id.safeParse(attachmentId).success) return null;
    const rec = await findVisible<Loaded>(prisma.fileRequest, FILE_REQUEST_VISIBILITY, actor, requestId);
    if (!rec) return null;
    return readAttachment(prisma, attachmentId, { recordType: RECORD_TYPE, recordId: rec.id, mayReadConfidential: false });
  });
}
