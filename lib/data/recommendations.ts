/**
 * Procuratorial recommendations: every step goes through the shared runner `runWorkflowStep`
 * (lib/data/workflow.ts), which inside one transaction loads the record, asks the state machine
 * (lib/domain/recommendations/machine) whether this actor may take this step now, checks the
 * version, writes the change, the timeline event (WorkflowEvent, recordType 'Recommendation')
 * and the audit event. Reads filter by what the actor may see, in the query itself.
 */
import type { z } from 'zod';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { daysLeft, DeadlineInputError, recommendationReplyDueOrStatutory, recommendationReplyPeriod } from '@/lib/domain/deadlines';
import type { RecommendationType } from '@/lib/domain/deadlines/periods';
import {
  AWAITING_REPLY,
  availableActions,
  decide,
  overdueDays,
  STATUS_SEEN_BY,
  type RecommendationAction,
  type RecommendationFacts,
  type RecommendationStatus,
} from '@/lib/domain/recommendations/machine';
import { formatRecommendationNumber, RECOMMENDATION_SEQUENCE } from '@/lib/domain/recommendations/numbering';
import * as S from '@/lib/domain/recommendations/schemas';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import { approvalList, recommendationList, type RecommendationFilter } from '@/lib/lists/recommendations';
import { hiddenFrom, viewerSide } from '@/lib/domain/visibility';
import { statusesReadingAs, statusSeen } from '@/lib/domain/workflow';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import type { Prisma, Recommendation } from '@/lib/generated/prisma/client';
import { auditTrail as readAuditTrail, writeAudit } from './audit';
import { loadCalendarEntries } from './calendar';
import type { Db, Tx } from './db';
import { FieldError } from './errors';
import { mapPage, pageOf } from './page';
import { queueItem, resolveQueue, type QueueItem } from './queue';
import { nextSequence } from './sequences';
import { runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { fieldWhere, findVisible, visibleWhere as visibleWhereOf, type WithHidden } from './visibility';

/** Today in China (YYYY-MM-DD; the clock is passed in so tests can move it), request id, time. */
export type StepContext = WorkflowContext;

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);

export function factsOf(rec: Recommendation): RecommendationFacts {
  return {
    institutionId: rec.institutionId,
    addresseeCourtId: rec.addresseeCourtId,
    status: rec.status,
    type: rec.type,
    drafterId: rec.drafterId,
    servedOn: iso(rec.servedOn),
    dueDate: iso(rec.dueDate),
    extensionMonths: rec.extensionMonths,
    extensionRequested: rec.extensionRequestedAt !== null,
    escalated: rec.escalatedAt !== null,
    committeeDecisionRecorded: rec.committeeDecisionNo !== null,
  };
}

async function calendar(tx: Tx) {
  return calendarFromEntries(await loadCalendarEntries(tx as unknown as Db));
}

function customPeriod(rec: Pick<Recommendation, 'customPeriodMonths' | 'customPeriodDays'>) {
  if (!rec.customPeriodMonths && !rec.customPeriodDays) return undefined;
  return { months: rec.customPeriodMonths ?? undefined, days: rec.customPeriodDays ?? undefined };
}

/** Fields shown in the audit summary's before/after (the long texts are summarized by length). */
function snapshot(rec: Partial<Recommendation>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) {
    if (['id', 'createdAt', 'updatedAt', 'version', 'institutionId'].includes(k)) continue;
    if (typeof v === 'string' && v.length > 200) out[k] = `${v.slice(0, 200)}… (${v.length} chars)`;
    else if (v instanceof Date) out[k] = v.toISOString();
    else out[k] = v;
  }
  return out;
}

export const RECORD_TYPE = 'Recommendation';

/**
 * A recommendation step for the shared runner (lib/data/workflow.ts). `facts` overrides what the
 * machine is told (approve: a committee decision recorded in the same step counts).
 */
function spec(actor: Actor, action: RecommendationAction, ctx: StepContext, facts?: Partial<RecommendationFacts>): WorkflowSpec<Recommendation> {
  return {
    recordType: RECORD_TYPE,
    auditName: 'recommendation',
    action,
    load: (tx, id) => tx.recommendation.findUnique({ where: { id } }),
    decide: (rec) => decide(actor, action, { ...factsOf(rec), ...facts }, ctx.today),
    // A step replayed at its historical time (the seed, tests) stamps the record with that time.
    update: async (tx, id, version, data) =>
      (await tx.recommendation.updateMany({ where: { id, version }, data: { ...(data as Prisma.RecommendationUncheckedUpdateManyInput), ...(ctx.now ? { updatedAt: ctx.now } : {}) } }))
        .count,
    caseIdOf: (rec, written) => ('caseId' in written ? (written.caseId as string | null) : rec.caseId),
    auditFields: snapshot,
    wholeEventTexts: true,
    // The procuratorate's list order: its own steps and the shared ones, never the court's drafts.
    activityAt: { PROCURATORATE: 'issuerActivityAt' },
  };
}

/** Checks the court, department and case a draft points at, and that a custom period is shorter. */
async function validateDraftRefs(prisma: Db | Tx, actor: Actor, input: S.DraftInput, today: string) {
  const court = await requireCounterpart(prisma, actor, input.addresseeCourtId, 'addresseeCourtId');
  if (input.addresseeDepartmentId && !court.departments.some((x) => x.id === input.addresseeDepartmentId)) {
    throw new FieldError('addresseeDepartmentId', 'invalidChoice');
  }
  if (input.caseId) {
    const c = await prisma.supervisionCase.findUnique({ where: { id: input.caseId }, select: { institutionId: true } });
    if (!c || c.institutionId !== actor.institutionId) throw new FieldError('caseId', 'invalidChoice');
  }
  const custom =
    input.customPeriodMonths || input.customPeriodDays
      ? { months: input.customPeriodMonths ?? undefined, days: input.customPeriodDays ?? undefined }
      : undefined;
  if (custom) {
    try {
      recommendationReplyPeriod({ type: input.type as RecommendationType, servedOn: today, urgent: input.urgent, customPeriod: custom });
    } catch (e) {
      if (e instanceof DeadlineInputError) throw new FieldError('customPeriodMonths', 'periodExceedsStatutory');
      throw e;
    }
  }
}

function draftData(input: S.DraftInput) {
  return {
    type: input.type as RecommendationType,
    title: input.title,
    addresseeCourtId: input.addresseeCourtId,
    addresseeDepartmentId: input.addresseeDepartmentId,
    caseId: input.caseId,
    courtCaseNumber: input.courtCaseNumber,
    facts: input.facts,
    violation: input.violation,
    recommendationText: input.recommendationText,
    legalBasis: input.legalBasis,
    urgent: input.type === 'public_interest' ? input.urgent : false,
    customPeriodMonths: input.customPeriodMonths,
    customPeriodDays: input.customPeriodDays,
  };
}

/** A new draft's first timeline event (internal) and audit row, in the transaction that created it. */
async function recordCreation(tx: Tx, actor: Actor, rec: Recommendation, ctx: StepContext, origin?: { supersedes: string; number: string | null }) {
  await writeWorkflowEvent(tx, {
    recordType: RECORD_TYPE,
    recordId: rec.id,
    caseId: rec.caseId,
    actor,
    shared: false,
    kind: 'create',
    toStatus: 'draft',
    data: origin,
    at: ctx.now,
  });
  await writeAudit(tx, {
    actorId: actor.id,
    institutionId: actor.institutionId,
    action: 'recommendation.create',
    recordType: RECORD_TYPE,
    recordId: rec.id,
    summary: { after: snapshot(rec), ...(origin ? { supersedes: origin.supersedes } : {}) } as Prisma.InputJsonValue,
    requestId: ctx.requestId,
    at: ctx.now,
  });
}

// ---------------------------------------------------------------------------------------------
// Commands

export async function createDraft(prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) {
  assertAllowed(decideFeature(actor, 'recommendations.draft'), 'recommendations.draft');
  const input = S.draftInput.parse(raw);
  await validateDraftRefs(prisma, actor, input, ctx.today);
  return prisma.$transaction(async (tx) => {
    const rec = await tx.recommendation.create({
      data: { ...draftData(input), institutionId: actor.institutionId, drafterId: actor.id, status: 'draft', createdAt: ctx.now, updatedAt: ctx.now, issuerActivityAt: ctx.now },
    });
    await recordCreation(tx, actor, rec, ctx);
    return { id: rec.id };
  });
}

export async function editDraft(prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) {
  const input = S.editInput.parse(raw);
  // After the step decision: who may not edit learns nothing about the addressee they named.
  return runWorkflowStep(prisma, actor, spec(actor, 'edit', ctx), input, ctx, async (rec, tx) => {
    await validateDraftRefs(tx, actor, input, ctx.today);
    return {
      data: draftData(input),
      // Relinked to another supervision case: its whole history moves to that case's joint timeline.
      after:
        rec.caseId !== input.caseId
          ? async (t: Tx) => {
              await t.workflowEvent.updateMany({ where: { recordType: RECORD_TYPE, recordId: rec.id }, data: { caseId: input.caseId } });
            }
          : undefined,
    };
  });
}

export const submitDraft = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) =>
  runWorkflowStep(prisma, actor, spec(actor, 'submit', ctx), S.stepInput.parse(raw), ctx, () => ({}));

export const discardDraft = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.optionalCommentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'discard', ctx), input, ctx, () => ({ data: { withdrawnAt: ctx.now ?? new Date() }, event: { comment: input.comment } }));
};

export async function approve(prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) {
  const input = S.approveInput.parse(raw);
  return runWorkflowStep(
    prisma,
    actor,
    spec(actor, 'approve', ctx, input.committeeDecisionNo ? { committeeDecisionRecorded: true } : undefined),
    input,
    ctx,
    () => {
      if (input.committeeDecisionOn && input.committeeDecisionOn > ctx.today) throw new FieldError('committeeDecisionOn', 'dateInFuture');
      if ((input.committeeDecisionNo === null) !== (input.committeeDecisionOn === null)) {
        throw new FieldError(input.committeeDecisionNo ? 'committeeDecisionOn' : 'committeeDecisionNo', 'required');
      }
      return {
      data: {
        approvedById: actor.id,
        approvedAt: ctx.now ?? new Date(),
        ...(input.committeeDecisionNo ? { committeeDecisionNo: input.committeeDecisionNo, committeeDecisionOn: d(input.committeeDecisionOn!) } : {}),
      },
      event: { comment: input.comment, committeeDecisionNo: input.committeeDecisionNo, committeeDecisionOn: input.committeeDecisionOn },
      };
    },
  );
}

export const returnForRevision = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.commentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'return', ctx), input, ctx, () => ({ event: { comment: input.comment } }));
};

export async function issue(prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) {
  const input = S.stepInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'issue', ctx), input, ctx, async (rec, tx) => {
    const year = Number(ctx.today.slice(0, 4));
    const inst = await tx.institution.findUniqueOrThrow({ where: { id: rec.institutionId }, select: { code: true } });
    const number = formatRecommendationNumber(inst.code, rec.type, year, await nextSequence(tx, rec.institutionId, RECOMMENDATION_SEQUENCE, year));
    return { data: { number, issuedAt: ctx.now ?? new Date(), issuedOn: d(ctx.today) }, event: { number } };
  });
}

/** The reply due date for a service date (the shorter period never runs past the statutory one). */
async function replyDue(tx: Tx, rec: Recommendation, servedOn: string, extensionMonths = 0): Promise<string> {
  return recommendationReplyDueOrStatutory({
    type: rec.type,
    servedOn,
    urgent: rec.urgent,
    extensionMonths,
    customPeriod: customPeriod(rec),
    calendar: await calendar(tx),
  });
}

export async function serve(prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) {
  const input = S.serveInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'serve', ctx), input, ctx, async (rec, tx) => {
    if (input.servedOn > ctx.today) throw new FieldError('servedOn', 'dateInFuture');
    if (rec.issuedOn && input.servedOn < iso(rec.issuedOn)!) throw new FieldError('servedOn', 'servedBeforeIssued');
    const due = await replyDue(tx, rec, input.servedOn);
    return { data: { servedOn: d(input.servedOn), serviceMethod: input.method, dueDate: d(due) }, event: { servedOn: input.servedOn, method: input.method, dueDate: due } };
  });
}

export const acknowledge = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) =>
  runWorkflowStep(prisma, actor, spec(actor, 'acknowledge', ctx), S.stepInput.parse(raw), ctx, () => ({ data: { acknowledgedAt: ctx.now ?? new Date() } }));

export const raiseObjection = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.commentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'object', ctx), input, ctx, () => ({ event: { comment: input.comment } }));
};

export const rejectObjection = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.commentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'rejectObjection', ctx), input, ctx, () => ({ event: { comment: input.comment } }));
};

/** The objection is upheld: the recommendation is withdrawn; "modify" opens a new draft that supersedes it. */
export const upholdObjection = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.upholdInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'upholdObjection', ctx), input, ctx, (rec) => ({
    data: { withdrawnAt: ctx.now ?? new Date() },
    event: { comment: input.comment, outcome: input.outcome },
    after:
      input.outcome === 'modify'
        ? async (tx) => {
            const copy = await tx.recommendation.create({
              data: {
                institutionId: rec.institutionId,
                caseId: rec.caseId,
                type: rec.type,
                title: rec.title,
                addresseeCourtId: rec.addresseeCourtId,
                addresseeDepartmentId: rec.addresseeDepartmentId,
                courtCaseNumber: rec.courtCaseNumber,
                facts: rec.facts,
                violation: rec.violation,
                recommendationText: rec.recommendationText,
                legalBasis: rec.legalBasis,
                urgent: rec.urgent,
                customPeriodMonths: rec.customPeriodMonths,
                customPeriodDays: rec.customPeriodDays,
                drafterId: rec.drafterId,
                supersedesId: rec.id,
                status: 'draft',
                createdAt: ctx.now,
                updatedAt: ctx.now,
                issuerActivityAt: ctx.now,
              },
            });
            await recordCreation(tx, actor, copy, ctx, { supersedes: rec.id, number: rec.number });
            return { newId: copy.id };
          }
        : undefined,
  }));
};

function replyData(input: z.output<typeof S.replyInput>) {
  return { replyAdoption: input.adoption, replyMeasures: input.measures, replyReasons: input.reasons };
}

export const saveReply = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.replyInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'saveReply', ctx), input, ctx, () => ({ data: replyData(input) }));
};

export const submitReply = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.replyInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'submitReply', ctx), input, ctx, () => ({ data: { ...replyData(input), replySubmittedAt: ctx.now ?? new Date() } }));
};

export const returnReply = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.commentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'returnReply', ctx), input, ctx, () => ({ event: { comment: input.comment } }));
};

export async function signReply(prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) {
  const input = S.signReplyInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'signReply', ctx), input, ctx, (rec) => {
    if (input.replyOn > ctx.today) throw new FieldError('replyOn', 'dateInFuture');
    if (rec.servedOn && input.replyOn < iso(rec.servedOn)!) throw new FieldError('replyOn', 'replyBeforeServed');
    const late = rec.dueDate ? input.replyOn > iso(rec.dueDate)! : false;
    return {
      data: { replyOn: d(input.replyOn), replySignedById: actor.id },
      event: { replyOn: input.replyOn, adoption: rec.replyAdoption, late },
    };
  });
}

export const requestExtension = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.extensionRequestInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'requestExtension', ctx), input, ctx, () => ({
    data: { extensionRequestedAt: ctx.now ?? new Date(), extensionReason: input.reason },
    event: { reason: input.reason },
  }));
};

export const approveExtension = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) =>
  runWorkflowStep(prisma, actor, spec(actor, 'approveExtension', ctx), S.stepInput.parse(raw), ctx, async (rec, tx) => {
    const due = await replyDue(tx, rec, iso(rec.servedOn)!, 1);
    return { data: { extensionMonths: 1, dueDate: d(due) }, event: { months: 1, previousDueDate: iso(rec.dueDate), dueDate: due } };
  });

export const evaluate = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.evaluateInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'evaluate', ctx), input, ctx, () => ({
    data: { rectified: input.rectified, evaluation: input.evaluation, evaluatedAt: ctx.now ?? new Date() },
    event: { rectified: input.rectified },
  }));
};

export const followUp = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.commentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'followUp', ctx), input, ctx, () => ({ event: { comment: input.comment } }));
};

export const close = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) =>
  runWorkflowStep(prisma, actor, spec(actor, 'close', ctx), S.stepInput.parse(raw), ctx, () => ({ data: { closedAt: ctx.now ?? new Date() } }));

export const archive = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) =>
  runWorkflowStep(prisma, actor, spec(actor, 'archive', ctx), S.stepInput.parse(raw), ctx, () => ({ data: { archivedAt: ctx.now ?? new Date() } }));

export const urge = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.optionalCommentStep.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'urge', ctx), input, ctx, (rec) => ({
    data: { urgedAt: ctx.now ?? new Date() },
    event: { comment: input.comment, daysOverdue: overdueDays(factsOf(rec), ctx.today) },
  }));
};

export const escalate = (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => {
  const input = S.escalateInput.parse(raw);
  return runWorkflowStep(prisma, actor, spec(actor, 'escalate', ctx), input, ctx, (rec) => ({
    data: { escalatedAt: ctx.now ?? new Date(), escalatedTo: input.escalatedTo },
    event: { escalatedTo: input.escalatedTo, comment: input.comment, daysOverdue: overdueDays(factsOf(rec), ctx.today) },
  }));
};

/** Every command by action name, for the one server action that dispatches steps. */
export const STEPS = {
  edit: editDraft,
  submit: submitDraft,
  discard: discardDraft,
  approve,
  return: returnForRevision,
  issue,
  serve,
  acknowledge,
  object: raiseObjection,
  rejectObjection,
  upholdObjection,
  saveReply,
  submitReply,
  returnReply,
  signReply,
  requestExtension,
  approveExtension,
  evaluate,
  followUp,
  close,
  archive,
  urge,
  escalate,
} satisfies Record<RecommendationAction, (prisma: Db, actor: Actor, raw: unknown, ctx: StepContext) => Promise<unknown>>;

// ---------------------------------------------------------------------------------------------
// Reads

/**
 * The list's filters: the URL state of /recommendations (lib/lists/recommendations.ts), every field
 * optional here (absent = not filtered; `mine` absent = the whole institution's).
 */
export type ListFilters = Partial<RecommendationFilter>;

/** The visibility rule as a `where`: a record the actor may not see never leaves the database. */
export function visibleWhere(actor: Actor): Prisma.RecommendationWhereInput {
  return visibleWhereOf<Prisma.RecommendationWhereInput>(RECOMMENDATION_VISIBILITY, actor);
}

const AWAITING = AWAITING_REPLY as RecommendationStatus[];

const NOTHING_HIDDEN: ReadonlyMap<RecommendationStatus, RecommendationStatus> = new Map();
/** The states the actor's side sees records in (STATUS_SEEN_BY, from the step table). */
export function seenBy(actor: Actor): ReadonlyMap<RecommendationStatus, RecommendationStatus> {
  const side = viewerSide(actor);
  return side ? STATUS_SEEN_BY[side] : NOTHING_HIDDEN;
}

/**
 * The list filters as a `where`, on top of the visibility rule; `fields` are the client's field
 * references (`prisma.recommendation.fields`), to compare the reply day with the due date.
 */
export function filterWhere(
  actor: Actor,
  f: ListFilters,
  today: string,
  fields: Db['recommendation']['fields'],
): Prisma.RecommendationWhereInput {
  const and: Prisma.RecommendationWhereInput[] = [visibleWhere(actor)];
  if (f.mine && actor.role === 'PROCURATOR') and.push({ drafterId: actor.id });
  // A state of the other side's internal steps reads as the state before them, in the filter as on the page.
  if (f.status) and.push({ status: { in: statusesReadingAs(seenBy(actor), f.status) } });
  if (f.type) and.push({ type: f.type });
  if (f.overdue) and.push({ status: { in: AWAITING }, dueDate: { lt: d(today) } });
  if (f.pending === 'issue') and.push({ status: { in: ['approved', 'issued'] } });
  if (f.pending === 'extension') and.push({ status: { in: AWAITING }, extensionRequestedAt: { not: null }, extensionMonths: 0 });
  if (f.servedFrom) and.push({ servedOn: { gte: d(f.servedFrom) } });
  if (f.servedTo) and.push({ servedOn: { lte: d(f.servedTo) } });
  if (f.replied) and.push({ replyOn: { not: null } });
  if (f.replied === 'late' && fields) and.push({ replyOn: { gt: fields.dueDate } });
  if (f.replied === 'onTime' && fields) and.push({ OR: [{ dueDate: null }, { replyOn: { lte: fields.dueDate } }] });
  // The court's reply draft is not the procuratorate's to filter on until it is signed.
  if (f.adoption) and.push(fieldWhere(RECOMMENDATION_VISIBILITY, actor, 'replyAdoption', { replyAdoption: f.adoption }));
  if (f.rectified === 'yes') and.push({ rectified: true });
  if (f.rectified === 'no') and.push({ rectified: false });
  if (f.rectified === 'evaluated') and.push({ rectified: { not: null } });
  if (f.addresseeCourt) and.push({ addresseeCourtId: f.addresseeCourt });
  return { AND: and };
}

/** How many recommendations the list shows for this filter (all pages). */
export function countRecommendations(prisma: Db, actor: Actor, f: ListFilters, today: string): Promise<number> {
  return prisma.recommendation.count({ where: filterWhere(actor, f, today, prisma.recommendation.fields) });
}

const LIST_SELECT = {
  id: true,
  institutionId: true,
  addresseeCourtId: true,
  number: true,
  title: true,
  type: true,
  status: true,
  servedOn: true,
  dueDate: true,
  replyOn: true,
  replyAdoption: true,
  updatedAt: true,
  drafter: { select: { name: true } },
  addresseeCourt: { select: { name: true, nameEn: true } },
  institution: { select: { name: true, nameEn: true } },
} satisfies Prisma.RecommendationSelect;

export type RecommendationRow = Awaited<ReturnType<typeof listRecommendations>>['rows'][number];

/**
 * One page of the recommendations the actor may see, filtered. The court sees the ones not yet
 * acknowledged first, then by reply deadline; the procuratorate the latest changed first — by the
 * last change it can see (`issuerActivityAt`), so the court's internal work never reorders its list.
 */
export async function listRecommendations(prisma: Db, actor: Actor, f: ListFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'recommendations.list'), 'recommendations.list');
  const where = filterWhere(actor, f, today, prisma.recommendation.fields);
  const segment = (part: Prisma.RecommendationWhereInput, orderBy: Prisma.RecommendationOrderByWithRelationInput[]) => ({
    count: () => prisma.recommendation.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) => prisma.recommendation.findMany({ where: { AND: [where, part] }, orderBy, ...w, select: LIST_SELECT }),
  });
  const byDeadline: Prisma.RecommendationOrderByWithRelationInput[] = [{ dueDate: 'asc' }, { servedOn: 'asc' }, { id: 'asc' }];
  const segments =
    actor.institutionKind === 'COURT'
      ? [segment({ status: 'served' }, byDeadline), segment({ status: { not: 'served' } }, byDeadline)]
      : [segment({}, [{ issuerActivityAt: 'desc' }, { id: 'asc' }])];
  const p = await pageOf(segments, page);
  return mapPage(p, (rows) =>
    rows.map((r) => {
      const due = iso(r.dueDate);
      const overdue = overdueDays({ status: r.status, dueDate: due }, today);
      const replyOn = iso(r.replyOn);
      return {
        ...r,
        // The court's reply draft stays the court's until signed (RECOMMENDATION_VISIBILITY).
        replyAdoption: hiddenFrom(RECOMMENDATION_VISIBILITY, actor, r).fields.includes('replyAdoption') ? null : r.replyAdoption,
        status: statusSeen(seenBy(actor), r.status),
        servedOn: iso(r.servedOn),
        dueDate: due,
        replyOn,
        daysOverdue: overdue,
        daysLeft: due && AWAITING_REPLY.includes(r.status) && overdue === 0 ? daysLeft(due, today) : null,
        repliedLate: replyOn !== null && due !== null && replyOn > due,
      };
    }),
  );
}

export async function approvalQueue(prisma: Db, actor: Actor, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'recommendations.approvals'), 'recommendations.approvals');
  return listRecommendations(prisma, actor, { status: 'submitted' }, today, page);
}

/** One recommendation as the actor may see it, with its timeline, its own institution's audit trail and the steps open to them. */
export async function getRecommendation(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'recommendations.list'), 'recommendations.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  // Through the visibility `where`: another institution's record is not found, and the fields
  // the actor's side does not see (yet) stay in the database.
  type Loaded = WithHidden<
    Prisma.RecommendationGetPayload<{ include: { institution: { select: { name: true; nameEn: true; code: true } }; addresseeCourt: { select: { name: true; nameEn: true } }; addresseeDepartment: { select: { name: true; nameEn: true } }; drafter: { select: { id: true; name: true } }; case: { select: { id: true; number: true; title: true } }; supersedes: { select: { id: true; number: true } }; supersededBy: { select: { id: true; number: true; status: true } } } }>,
    'case' | 'supersededBy'
  >;
  const rec = await findVisible<Loaded>(prisma.recommendation, RECOMMENDATION_VISIBILITY, actor, id, {
    include: {
      institution: { select: { name: true, nameEn: true, code: true } },
      addresseeCourt: { select: { name: true, nameEn: true } },
      addresseeDepartment: { select: { name: true, nameEn: true } },
      drafter: { select: { id: true, name: true } },
      case: { select: { id: true, number: true, title: true } },
      supersedes: { select: { id: true, number: true } },
      supersededBy: { select: { id: true, number: true, status: true } },
    },
  });
  if (!rec) return null;
  const facts = factsOf(rec);
  // The court's reply draft stays inside the court until a court leader signs it.
  const replyVisible = !hiddenFrom(RECOMMENDATION_VISIBILITY, actor, rec).fields.includes('replyAdoption');

  const [timeline, auditTrail, people] = await Promise.all([
    timelineOf(prisma, actor, { recordType: RECORD_TYPE, recordId: id }),
    readAuditTrail(prisma, actor, [{ recordType: RECORD_TYPE, recordIds: [id] }]),
    prisma.user.findMany({
      where: { id: { in: [rec.approvedById, rec.replySignedById].filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    }),
  ]);

  const name = (uid: string | null) => (uid ? (people.find((p) => p.id === uid)?.name ?? null) : null);
  const due = facts.dueDate;
  const dueDateProvisional = due !== null && AWAITING_REPLY.includes(rec.status) && !(await calendarCovers(prisma, due));
  const overdue = overdueDays(facts, today);
  return {
    id: rec.id,
    version: rec.version,
    number: rec.number,
    type: rec.type,
    status: statusSeen(seenBy(actor), rec.status),
    title: rec.title,
    institution: rec.institution,
    addresseeCourt: rec.addresseeCourt,
    addresseeDepartment: rec.addresseeDepartment,
    addresseeCourtId: rec.addresseeCourtId,
    addresseeDepartmentId: rec.addresseeDepartmentId,
    drafter: rec.drafter,
    case: rec.case,
    caseId: rec.caseId,
    courtCaseNumber: rec.courtCaseNumber,
    facts: rec.facts,
    violation: rec.violation,
    recommendationText: rec.recommendationText,
    legalBasis: rec.legalBasis,
    urgent: rec.urgent,
    customPeriodMonths: rec.customPeriodMonths,
    customPeriodDays: rec.customPeriodDays,
    committeeDecisionNo: rec.committeeDecisionNo,
    committeeDecisionOn: iso(rec.committeeDecisionOn),
    approvedBy: name(rec.approvedById),
    issuedOn: iso(rec.issuedOn),
    servedOn: facts.servedOn,
    serviceMethod: rec.serviceMethod,
    dueDate: due,
    dueDateProvisional,
    daysOverdue: overdue,
    daysLeft: due && AWAITING_REPLY.includes(rec.status) && overdue === 0 ? daysLeft(due, today) : null,
    extensionMonths: rec.extensionMonths,
    extensionRequestedAt: rec.extensionRequestedAt,
    extensionReason: rec.extensionReason,
    acknowledgedAt: rec.acknowledgedAt,
    reply: replyVisible
      ? {
          adoption: rec.replyAdoption,
          measures: rec.replyMeasures,
          reasons: rec.replyReasons,
          replyOn: iso(rec.replyOn),
          signedBy: name(rec.replySignedById),
          late: rec.replyOn !== null && due !== null && iso(rec.replyOn)! > due,
        }
      : null,
    rectified: rec.rectified,
    evaluation: rec.evaluation,
    urgedAt: rec.urgedAt,
    escalatedAt: rec.escalatedAt,
    escalatedTo: rec.escalatedTo,
    supersedes: rec.supersedes,
    supersededBy: rec.supersededBy,
    actions: availableActions(actor, facts, today),
    timeline,
    auditTrail,
  };
}
export type RecommendationView = NonNullable<Awaited<ReturnType<typeof getRecommendation>>>;

/** Courts (and their departments) a recommendation can be addressed to, and the actor's open cases. */
export async function draftOptions(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'recommendations.draft'), 'recommendations.draft');
  const [courts, cases] = await Promise.all([
    prisma.institution.findMany({
      where: await counterpartWhere(prisma, actor),
      orderBy: { name: 'asc' },
      select: { id: true, name: true, nameEn: true, departments: { orderBy: { name: 'asc' }, select: { id: true, name: true, nameEn: true } } },
    }),
    prisma.supervisionCase.findMany({
      where: { institutionId: actor.institutionId },
      orderBy: { createdAt: 'desc' },
      take: 200,
      select: { id: true, number: true, title: true, courtCaseNumber: true },
    }),
  ]);
  return { courts, cases };
}

export type WorkItem = QueueItem;

/**
 * What waits on this actor, for the home page, per role: each item is a filter of the
 * recommendations list (or the approval queue), counted by the list's own count and linked to it.
 */
export async function workQueue(prisma: Db, actor: Actor, today: string): Promise<WorkItem[]> {
  if (!decideFeature(actor, 'recommendations.list').allowed) return [];
  const count = (f: ListFilters) => countRecommendations(prisma, actor, f, today);
  const item = (key: string, filter: ListFilters) => queueItem(key, recommendationList, filter, count);
  const leader = actor.role === 'PROCURATORATE_LEADER' || actor.role === 'COURT_LEADER';
  const items =
    actor.institutionKind === 'PROCURATORATE'
      ? [
          ...(leader
            ? [
                queueItem('toApprove', approvalList, {}, async () => (await approvalQueue(prisma, actor, today)).total),
                item('objections', { status: 'objected', mine: false }),
              ]
            : []),
          item('returned', { status: 'returned' }),
          item('toIssue', { pending: 'issue' }),
          item('toEvaluate', { status: 'replied' }),
          item('overdue', { overdue: true }),
        ]
      : [
          item('toAcknowledge', { status: 'served' }),
          item('toReply', { status: 'acknowledged' }),
          ...(leader
            ? [item('toSign', { status: 'reply_submitted' }), item('extensions', { pending: 'extension' })]
            : []),
          item('overdue', { overdue: true }),
        ];
  return resolveQueue(items);
}

/**
 * After the holiday calendar changes (an administrator imports a new year's notice), every
 * reply still running gets its due date recomputed from the new calendar, in the same
 * transaction as the import; each change is a shared timeline event and an audit row.
 */
export async function recomputeDueDates(
  tx: Tx,
  by: { actorId: string | null; institutionId: string | null; requestId?: string },
  years: number[],
): Promise<number> {
  const running = await tx.recommendation.findMany({
    where: { status: { in: AWAITING }, servedOn: { not: null }, dueDate: { not: null } },
  });
  let changed = 0;
  for (const rec of running) {
    const due = await replyDue(tx, rec, iso(rec.servedOn)!, rec.extensionMonths);
    const before = iso(rec.dueDate);
    if (due === before) continue;
    await tx.recommendation.update({ where: { id: rec.id }, data: { dueDate: d(due), version: { increment: 1 } } });
    await writeWorkflowEvent(tx, {
      recordType: RECORD_TYPE,
      recordId: rec.id,
      caseId: rec.caseId,
      actor: { id: by.actorId, institutionId: by.institutionId ?? rec.institutionId },
      shared: true,
      kind: 'dueDateRecomputed',
      fromStatus: rec.status,
      toStatus: rec.status,
      data: { previousDueDate: before, dueDate: due, years: years.join(', ') },
    });
    await writeAudit(tx, {
      actorId: by.actorId,
      institutionId: by.institutionId,
      action: 'recommendation.dueDateRecomputed',
      recordType: RECORD_TYPE,
      recordId: rec.id,
      summary: { before: { dueDate: before }, after: { dueDate: due }, calendarYears: years },
      requestId: by.requestId,
    });
    changed++;
  }
  return changed;
}

/** Is the official calendar on file for the year of this date? If not, the date is provisional. */
export async function calendarCovers(prisma: Db, date: string | null): Promise<boolean> {
  if (!date) return true;
  return (await prisma.calendarDay.count({ where: { year: Number(date.slice(0, 4)) } })) > 0;
}
