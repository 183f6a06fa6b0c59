/**
 * The procurator-general attending the court's adjudication committee (DOMAIN.md §2): meetings,
 * their agenda and confidential materials, the outcome record, and the procuratorate's requests to
 * attend. Every step goes through `runWorkflowStep` (lib/data/workflow.ts) with the rules of
 * lib/domain/committee/machine.ts; creations write their event and audit row in the same
 * transaction. Reads filter by what the actor may see, in the query itself.
 */
import { z } from 'zod';
import { chinaDate, chinaLocalDateTime } from '@/lib/domain/dates';
import {
  attendeeMissing,
  availableRequestSteps,
  availableSteps,
  canRequestAttendance,
  canSchedule,
  canSeeMaterials,
  COMMITTEE_STEPS,
  daysUntilMeeting,
  decide,
  decideRequest,
  OPEN_STATUSES,
  quorumMet,
  waitingOn,
  type CommitteeStatus,
  type CommitteeStep,
  type MeetingFacts,
  type RequestFacts,
  type RequestStep,
} from '@/lib/domain/committee/machine';
import * as S from '@/lib/domain/committee/schemas';
import { MEETING_VISIBILITY, REQUEST_VISIBILITY } from '@/lib/domain/committee/visibility';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { assertAllowed, ATTENDEE_ROLES, decideAttendee, decideFeature, ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { MeetingFilter, RequestFilter } from '@/lib/lists/committee';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import type { AttendanceRequest, CommitteeAgendaItem, CommitteeMeeting, Prisma } from '@/lib/generated/prisma/client';
import { auditedDownload, listAttachments, readAttachment, recordAttachment, withUploads, type StagedUpload } from './attachments';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { mapPage, pageOf } from './page';
import { FieldError } from './errors';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { findVisible, visibleWhere, type WithHidden } from './visibility';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';

export const MEETING = 'CommitteeMeeting';
export const REQUEST = 'AttendanceRequest';

type MeetingWithItems = CommitteeMeeting & { items: CommitteeAgendaItem[] };

export function meetingFacts(m: WithHidden<CommitteeMeeting, 'createdById'>): MeetingFacts {
  return {
    status: m.status as CommitteeStatus,
    courtId: m.courtId,
    procuratorateId: m.procuratorateId,
    createdById: m.createdById,
    attendeeId: m.attendeeId,
    notifiedAt: m.notifiedAt,
    scheduledAt: m.scheduledAt,
  };
}

function requestFacts(r: AttendanceRequest): RequestFacts {
  return { status: r.status, procuratorateId: r.procuratorateId, courtId: r.courtId, requestedById: r.requestedById };
}

/** The supervision case the meeting's events belong to: the first agenda item linked to one. */
function caseIdOfMeeting(m: { items: Pick<CommitteeAgendaItem, 'caseId' | 'position'>[] }): string | null {
  return [...m.items].sort((a, b) => a.position - b.position).find((i) => i.caseId)?.caseId ?? null;
}

const nowOf = (ctx: WorkflowContext) => ctx.now ?? new Date();

function meetingSpec(actor: Actor, action: CommitteeStep, ctx: WorkflowContext): WorkflowSpec<MeetingWithItems> {
  return {
    recordType: MEETING,
    action,
    load: (tx, id) => tx.committeeMeeting.findUnique({ where: { id }, include: { items: { orderBy: { position: 'asc' } } } }),
    decide: (m) => decide(actor, action, meetingFacts(m), nowOf(ctx)),
    // A step replayed at its historical time (the seed, tests) stamps the meeting with that time.
    update: async (tx, id, version, data) =>
      (await tx.committeeMeeting.updateMany({ where: { id, version }, data: { ...(data as Prisma.CommitteeMeetingUncheckedUpdateManyInput), ...(ctx.now ? { updatedAt: ctx.now } : {}) } }))
        .count,
    caseIdOf: caseIdOfMeeting,
  };
}

function requestSpec(actor: Actor, action: RequestStep): WorkflowSpec<AttendanceRequest> {
  return {
    recordType: REQUEST,
    action,
    load: (tx, id) => tx.attendanceRequest.findUnique({ where: { id } }),
    decide: (r) => decideRequest(actor, action, requestFacts(r)),
    update: async (tx, id, version, data) =>
      (await tx.attendanceRequest.updateMany({ where: { id, version }, data: data as Prisma.AttendanceRequestUncheckedUpdateManyInput })).count,
    caseIdOf: (r) => r.caseId,
  };
}

/** The procuratorate's supervision case that follows a court case number, if any (for the case's timeline). */
async function caseForCourtNumber(tx: Tx, procuratorateId: string, number: string): Promise<string | null> {
  const c = await tx.supervisionCase.findFirst({
    where: { institutionId: procuratorateId, OR: [{ courtCaseNumber: number }, { courtCaseNumbers: { has: number } }] },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return c?.id ?? null;
}

/** The rows of a meeting's staged materials: committee materials are confidential (canSeeMaterials decides who reads them). */
async function recordMaterials(tx: Tx, actor: Actor, meetingId: string, staged: StagedUpload[], ctx: WorkflowContext) {
  const out = [];
  for (const f of staged) out.push(await recordAttachment(tx, actor, f, { recordType: MEETING, recordId: meetingId, confidentiality: 'confidential' }, ctx));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Meetings: commands

/** The court schedules a meeting with its agenda (and, optionally, the materials). Internal until notified. */
export async function scheduleMeeting(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  if (!canSchedule(actor)) throw new ForbiddenError('CommitteeMeeting.schedule', actor.institutionKind === 'COURT' ? 'role' : 'institution');
  const input = S.scheduleInput.parse(raw);
  if (input.scheduledAt.getTime() <= nowOf(ctx).getTime()) throw new FieldError('scheduledAt', 'scheduledInPast');
  const numbers = input.items.map((i) => i.courtCaseNumber);
  const dup = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
  if (dup >= 0) throw new FieldError(`items.${dup}.courtCaseNumber`, 'duplicateCaseNumber');
  await requireCounterpart(prisma, actor, input.procuratorateId, 'procuratorateId');

  return withUploads(prisma, input.files, 'files', (staged) => prisma.$transaction(async (tx) => {
    const items = [];
    for (const [i, item] of input.items.entries()) {
      items.push({ position: i + 1, ...item, caseId: await caseForCourtNumber(tx, input.procuratorateId, item.courtCaseNumber) });
    }
    const m = await tx.committeeMeeting.create({
      data: {
        courtId: actor.institutionId,
        procuratorateId: input.procuratorateId,
        scheduledAt: input.scheduledAt,
        location: input.location,
        status: 'scheduled',
        createdById: actor.id,
        ...(ctx.now ? { createdAt: ctx.now, updatedAt: ctx.now } : {}),
        items: { create: items },
      },
    });
    const stored = await recordMaterials(tx, actor, m.id, staged, ctx);
    await writeWorkflowEvent(tx, {
      recordType: MEETING,
      recordId: m.id,
      caseId: caseIdOfMeeting({ items }),
      actor,
      shared: false,
      kind: 'schedule',
      toStatus: 'scheduled',
      data: { scheduledAt: chinaLocalDateTime(input.scheduledAt).replace('T', ' '), location: input.location, itemCount: items.length, ...(stored.length ? { fileCount: stored.length } : {}) },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${MEETING}.schedule`,
      recordType: MEETING,
      recordId: m.id,
      summary: json({
        after: { status: 'scheduled', procuratorateId: input.procuratorateId, scheduledAt: input.scheduledAt, location: input.location, items },
        attachments: stored.map((a) => a.id),
      }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: m.id };
  }));
}

/** The court notifies the procuratorate (agenda, time, materials): from now on it sees the meeting. */
export async function notify(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.stepInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'notify', ctx), input, ctx, (m) => ({
    data: { notifiedAt: nowOf(ctx) },
    event: { scheduledAt: chinaLocalDateTime(m.scheduledAt).replace('T', ' '), location: m.location, itemCount: m.items.length },
  }));
}

/** A procuratorate leader names the attendee: the procurator-general or an entrusted deputy (a procuratorate leader). */
export async function nameAttendee(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.nameAttendeeInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'nameAttendee', ctx), input, ctx, async (m, tx) => {
    const u = await tx.user.findUnique({
      where: { id: input.attendeeId },
      select: { id: true, name: true, title: true, role: true, active: true, institutionId: true },
    });
    if (!u) throw new FieldError('attendeeId', 'invalidChoice');
    // Who may attend is the policy's: an active leader of the meeting's procuratorate.
    assertAllowed(decideAttendee(u, m.procuratorateId), 'CommitteeMeeting.attendee');
    return { data: { attendeeId: u.id }, event: { attendeeName: u.name, attendeeTitle: u.title ?? '' } };
  });
}

/** The court adds materials. The event says how many, never what: the file names are confidential. */
export async function uploadMaterial(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.uploadInput.parse(raw);
  return withUploads(prisma, input.files, 'files', (staged) =>
    runWorkflowStep(prisma, actor, meetingSpec(actor, 'uploadMaterial', ctx), input, ctx, (m) => ({
      event: { fileCount: staged.length },
      after: async (tx) => ({ attachments: (await recordMaterials(tx, actor, m.id, staged, ctx)).map((a) => a.id) }),
    })),
  );
}

/** The court marks the meeting as held (once its time has come). */
export async function hold(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.stepInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'hold', ctx), input, ctx, () => ({ data: { heldAt: nowOf(ctx) } }));
}

/**
 * The court records the outcome: quorum (present more than half of all members), the chair, the
 * attendee's opinion and the committee's decision per agenda item, and the minutes. It may be
 * corrected until the procuratorate confirms it.
 */
export async function recordOutcome(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.outcomeInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'recordOutcome', ctx), input, ctx, (m) => {
    if (input.membersPresent > input.membersTotal) throw new FieldError('membersPresent', 'presentExceedsTotal');
    if (!quorumMet(input.membersTotal, input.membersPresent)) throw new FieldError('membersPresent', 'quorumNotMet');
    const { items, issues } = S.outcomeItems(input as Record<string, unknown>, m.items.map((i) => i.position));
    if (issues.length) throw new FieldError(issues[0]!.field, issues[0]!.code);
    return {
      data: { membersTotal: input.membersTotal, membersPresent: input.membersPresent, chairName: input.chairName, minutes: input.minutes },
      event: { membersTotal: input.membersTotal, membersPresent: input.membersPresent, chairName: input.chairName, ...(m.status === 'recorded' ? { corrected: true } : {}) },
      after: async (tx) => {
        for (const it of items) {
          await tx.committeeAgendaItem.update({
            where: { meetingId_position: { meetingId: m.id, position: it.position } },
            data: { attendeeOpinion: it.attendeeOpinion, decision: it.decision },
          });
        }
        return { items: items.map((it) => ({ position: it.position, before: m.items.find((x) => x.position === it.position)?.decision ?? null, decision: it.decision })) };
      },
    };
  });
}

/** The procuratorate (the attendee or a leader) confirms the record: from now on it is frozen. */
export async function confirm(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.confirmInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'confirm', ctx), input, ctx, () => ({
    data: { confirmedById: actor.id, confirmedAt: nowOf(ctx) },
    event: { comment: input.comment },
  }));
}

/** The court cancels a meeting that has not taken place, with the reason. */
export async function cancel(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.cancelInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'cancel', ctx), input, ctx, () => ({ event: { reason: input.reason } }));
}

/** Every meeting step by name, for the one server action that dispatches them. */
export const MEETING_STEPS = {
  notify,
  nameAttendee,
  uploadMaterial,
  hold,
  recordOutcome,
  confirm,
  cancel,
} satisfies Record<CommitteeStep, (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<unknown>>;

export function isMeetingStep(s: unknown): s is CommitteeStep {
  return typeof s === 'string' && (COMMITTEE_STEPS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// Requests to attend: commands

/** A procurator or leader asks the court to let the procuratorate attend the committee on a case. */
export async function requestAttendance(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  if (!canRequestAttendance(actor)) throw new ForbiddenError('AttendanceRequest.request', actor.institutionKind === 'PROCURATORATE' ? 'role' : 'institution');
  const input = S.requestInput.parse(raw);
  await requireCounterpart(prisma, actor, input.courtId, 'courtId');
  if (input.caseId) {
    const c = await prisma.supervisionCase.findUnique({ where: { id: input.caseId }, select: { institutionId: true } });
    if (!c) throw new FieldError('caseId', 'invalidChoice');
    if (c.institutionId !== actor.institutionId) throw new ForbiddenError('AttendanceRequest.request', 'institution');
  }
  return prisma.$transaction(async (tx) => {
    const r = await tx.attendanceRequest.create({
      data: {
        procuratorateId: actor.institutionId,
        courtId: input.courtId,
        courtCaseNumber: input.courtCaseNumber,
        caseId: input.caseId,
        reason: input.reason,
        status: 'pending',
        requestedById: actor.id,
        ...(ctx.now ? { requestedAt: ctx.now } : {}),
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: REQUEST,
      recordId: r.id,
      caseId: r.caseId,
      actor,
      shared: true,
      kind: 'request',
      toStatus: 'pending',
      data: { courtCaseNumber: input.courtCaseNumber, reason: input.reason },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${REQUEST}.request`,
      recordType: REQUEST,
      recordId: r.id,
      summary: json({ after: { status: 'pending', ...input } }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: r.id };
  });
}

/** A court leader accepts (optionally linking a meeting of this court) or declines with reasons. */
export async function answerRequest(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.answerInput.parse(raw);
  return runWorkflowStep(prisma, actor, requestSpec(actor, input.step), input, ctx, async (r, tx) => {
    if (input.meetingId) {
      const m = await tx.committeeMeeting.findUnique({ where: { id: input.meetingId }, select: { courtId: true, procuratorateId: true, status: true } });
      if (!m) throw new FieldError('meetingId', 'invalidChoice');
      if (m.courtId !== actor.institutionId) throw new ForbiddenError('AttendanceRequest.accept', 'institution');
      if (m.procuratorateId !== r.procuratorateId || !OPEN_STATUSES.includes(m.status as CommitteeStatus)) throw new FieldError('meetingId', 'invalidChoice');
    }
    return {
      data: { answer: input.answer, answeredById: actor.id, answeredAt: nowOf(ctx), meetingId: input.meetingId },
      event: { answer: input.answer, meetingLinked: input.meetingId !== null },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The visibility rule as a `where`: a meeting the actor may not see never leaves the database. */
export function meetingsVisibleWhere(actor: Actor): Prisma.CommitteeMeetingWhereInput {
  return visibleWhere<Prisma.CommitteeMeetingWhereInput>(MEETING_VISIBILITY, actor);
}

export function requestsVisibleWhere(actor: Actor): Prisma.AttendanceRequestWhereInput {
  return visibleWhere<Prisma.AttendanceRequestWhereInput>(REQUEST_VISIBILITY, actor);
}

async function names(prisma: Db, ids: (string | null | undefined)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  const users = list.length ? await prisma.user.findMany({ where: { id: { in: list } }, select: { id: true, name: true, title: true } }) : [];
  return new Map(users.map((u) => [u.id, u]));
}

async function institutions(prisma: Db, ids: string[]) {
  const rows = await prisma.institution.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, nameEn: true } });
  return new Map(rows.map((i) => [i.id, i]));
}

/** The meetings list's filters: the URL state of /committee (lib/lists/committee.ts), every field optional here. */
export type MeetingFilters = Partial<MeetingFilter>;
export type RequestFilters = Partial<RequestFilter>;

/** The meetings list filters as a `where`, on top of the visibility rule. */
export function meetingWhere(actor: Actor, f: MeetingFilters, today: string): Prisma.CommitteeMeetingWhereInput {
  const and: Prisma.CommitteeMeetingWhereInput[] = [meetingsVisibleWhere(actor)];
  if (f.status) and.push({ status: f.status });
  if (f.upcoming) and.push({ scheduledAt: { gte: new Date(`${today}T00:00:00.000Z`) } });
  return { AND: and };
}

/** How many meetings the list shows for this filter (all pages). */
export function countMeetings(prisma: Db, actor: Actor, f: MeetingFilters, today: string): Promise<number> {
  return prisma.committeeMeeting.count({ where: meetingWhere(actor, f, today) });
}

export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>['rows'][number];

/** One page of the meetings the actor may see: the open ones soonest first, then the others latest first. */
export async function listMeetings(prisma: Db, actor: Actor, ctx: { today: string }, f: MeetingFilters = {}, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  const where = meetingWhere(actor, f, ctx.today);
  const segment = (part: Prisma.CommitteeMeetingWhereInput, orderBy: Prisma.CommitteeMeetingOrderByWithRelationInput[]) => ({
    count: () => prisma.committeeMeeting.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) =>
      prisma.committeeMeeting.findMany({
        where: { AND: [where, part] },
        orderBy,
        ...w,
        include: { items: { orderBy: { position: 'asc' as const }, select: { courtCaseNumber: true, title: true, trigger: true } } },
      }),
  });
  const open = [...OPEN_STATUSES];
  const p = await pageOf(
    [segment({ status: { in: open } }, [{ scheduledAt: 'asc' }, { id: 'asc' }]), segment({ status: { notIn: open } }, [{ scheduledAt: 'desc' }, { id: 'asc' }])],
    page,
  );
  return mapPage(p, (rows) => meetingRows(prisma, rows, ctx.today));
}

async function meetingRows(
  prisma: Db,
  rows: (CommitteeMeeting & { items: { courtCaseNumber: string; title: string; trigger: string }[] })[],
  today: string,
) {
  const people = await names(prisma, rows.map((r) => r.attendeeId));
  const insts = await institutions(prisma, rows.flatMap((r) => [r.courtId, r.procuratorateId]));
  return rows.map((m) => {
    const facts = meetingFacts(m);
    return {
      id: m.id,
      status: facts.status,
      scheduledAt: m.scheduledAt,
      date: chinaDate(m.scheduledAt),
      location: m.location,
      items: m.items,
      court: insts.get(m.courtId)!,
      procuratorate: insts.get(m.procuratorateId)!,
      attendee: m.attendeeId ? (people.get(m.attendeeId) ?? null) : null,
      daysUntil: daysUntilMeeting(m.scheduledAt, today),
      attendeeMissing: attendeeMissing(facts, today),
      waitingOn: waitingOn(facts),
      open: OPEN_STATUSES.includes(facts.status),
    };
  });
}

/** One meeting as the actor may see it: agenda, outcome, materials only when allowed, timeline, next steps. */
export async function getMeeting(prisma: Db, actor: Actor, id: string, ctx: { today: string; now?: Date }) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  if (!z.uuid().safeParse(id).success) return null;
  const m = await findVisible<WithHidden<MeetingWithItems, 'createdById'>>(prisma.committeeMeeting, MEETING_VISIBILITY, actor, id, {
    include: { items: { orderBy: { position: 'asc' } } },
  });
  if (!m) return null;
  const facts = meetingFacts(m);
  const now = ctx.now ?? new Date();
  const materialsAllowed = canSeeMaterials(actor, facts);
  const steps = availableSteps(actor, facts, now);

  const [people, insts, timeline, materials, materialCount, cases, requests, attendeeOptions] = await Promise.all([
    names(prisma, [m.attendeeId, m.createdById, m.confirmedById]),
    institutions(prisma, [m.courtId, m.procuratorateId]),
    timelineOf(prisma, actor, { recordType: MEETING, recordId: m.id }),
    materialsAllowed ? listAttachments(prisma, MEETING, [m.id]) : Promise.resolve(null),
    prisma.attachment.count({ where: { recordType: MEETING, recordId: m.id } }),
    // The supervision cases behind the agenda: the procuratorate's own files.
    prisma.supervisionCase.findMany({
      where: { AND: [visibleWhere<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor), { id: { in: m.items.map((i) => i.caseId).filter((x): x is string => !!x) } }] },
      select: { id: true, number: true, title: true },
    }),
    prisma.attendanceRequest.findMany({
      where: { AND: [requestsVisibleWhere(actor), { meetingId: m.id }] },
      select: { id: true, courtCaseNumber: true, status: true },
    }),
    steps.includes('nameAttendee') ? attendeeChoices(prisma, m.procuratorateId) : Promise.resolve([]),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const person = (uid: string | null) => (uid ? (people.get(uid) ?? null) : null);
  return {
    id: m.id,
    version: m.version,
    status: facts.status,
    scheduledAt: m.scheduledAt,
    scheduledLocal: chinaLocalDateTime(m.scheduledAt),
    date: chinaDate(m.scheduledAt),
    location: m.location,
    court: insts.get(m.courtId)!,
    procuratorate: insts.get(m.procuratorateId)!,
    createdBy: person(m.createdById),
    notifiedAt: m.notifiedAt,
    heldAt: m.heldAt,
    attendee: person(m.attendeeId),
    isAttendee: m.attendeeId === actor.id,
    confirmedBy: person(m.confirmedById),
    confirmedAt: m.confirmedAt,
    membersTotal: m.membersTotal,
    membersPresent: m.membersPresent,
    chairName: m.chairName,
    minutes: m.minutes,
    items: m.items.map((i) => ({
      id: i.id,
      position: i.position,
      courtCaseNumber: i.courtCaseNumber,
      title: i.title,
      trigger: i.trigger,
      attendeeOpinion: i.attendeeOpinion,
      decision: i.decision,
      case: i.caseId ? (caseById.get(i.caseId) ?? null) : null,
    })),
    /** null when the actor may not see the materials (then not even their names are listed). */
    materials,
    materialCount: materialsAllowed ? materialCount : null,
    daysUntil: daysUntilMeeting(m.scheduledAt, ctx.today),
    attendeeMissing: attendeeMissing(facts, ctx.today),
    waitingOn: waitingOn(facts),
    steps,
    attendeeOptions,
    requests,
    timeline,
  };
}
export type MeetingView = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** Who may be named: the active procuratorate leaders (the procurator-general and deputies) of the procuratorate. */
function attendeeChoices(prisma: Db, procuratorateId: string) {
  return prisma.user.findMany({
    where: { institutionId: procuratorateId, role: { in: [...ATTENDEE_ROLES] }, active: true },
    orderBy: [{ username: 'asc' }],
    select: { id: true, name: true, title: true },
  });
}

/**
 * One material for download, after the confidentiality check: null when the meeting or the file
 * does not exist (or the file belongs to another record); ForbiddenError when the actor may not
 * see it. Each download is audited.
 */
export async function downloadMaterial(prisma: Db, actor: Actor, meetingId: string, attachmentId: string, ctx: { requestId?: string } = {}) {
  return auditedDownload(prisma, actor, { recordType: MEETING, recordId: meetingId, attachmentId }, ctx, async () => {
    assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
    if (!z.uuid().safeParse(meetingId).success || !z.uuid().safeParse(attachmentId).success) return null;
    const m = await findVisible<WithHidden<CommitteeMeeting, 'createdById'>>(prisma.committeeMeeting, MEETING_VISIBILITY, actor, meetingId);
    if (!m) return null;
    // The meeting is visible; its confidential materials only to the attendee and the leaders (the door applies it).
    return readAttachment(prisma, attachmentId, { recordType: MEETING, recordId: m.id, mayReadConfidential: canSeeMaterials(actor, meetingFacts(m)) });
  });
}

/** The courts and procuratorates a form may offer, and (for the procuratorate) its supervision cases. */
export async function committeeOptions(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  // The counterparts of the actor's institution (the court schedules with a procuratorate, the procuratorate asks a court).
  const counterparts = await counterpartWhere(prisma, actor);
  const [procuratorates, courts, cases] = await Promise.all([
    prisma.institution.findMany({ where: { AND: [counterparts, { kind: 'PROCURATORATE' }] }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    prisma.institution.findMany({ where: { AND: [counterparts, { kind: 'COURT' }] }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    actor.institutionKind === 'PROCURATORATE'
      ? prisma.supervisionCase.findMany({
          where: { institutionId: actor.institutionId, closedAt: null },
          orderBy: { number: 'asc' },
          select: { id: true, number: true, title: true, courtCaseNumber: true },
        })
      : Promise.resolve([]),
  ]);
  return { procuratorates, courts, cases };
}

export type RequestRow = Awaited<ReturnType<typeof listRequests>>['rows'][number];

/** The requests list filters as a `where`, on top of the visibility rule. */
export function requestWhere(actor: Actor, f: RequestFilters): Prisma.AttendanceRequestWhereInput {
  const and: Prisma.AttendanceRequestWhereInput[] = [requestsVisibleWhere(actor)];
  if (f.requestStatus) and.push({ status: f.requestStatus });
  return { AND: and };
}

/** One page of the attendance requests: the pending ones first, each part latest first. */
export async function listRequests(prisma: Db, actor: Actor, f: RequestFilters = {}, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  const where = requestWhere(actor, f);
  const orderBy: Prisma.AttendanceRequestOrderByWithRelationInput[] = [{ requestedAt: 'desc' }, { id: 'asc' }];
  const segment = (part: Prisma.AttendanceRequestWhereInput) => ({
    count: () => prisma.attendanceRequest.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) => prisma.attendanceRequest.findMany({ where: { AND: [where, part] }, orderBy, ...w }),
  });
  const p = await pageOf([segment({ status: 'pending' }), segment({ status: { not: 'pending' } })], page);
  return mapPage(p, (rows) => requestRows(prisma, rows));
}

async function requestRows(prisma: Db, rows: AttendanceRequest[]) {
  const people = await names(prisma, rows.map((r) => r.requestedById));
  const insts = await institutions(prisma, rows.flatMap((r) => [r.courtId, r.procuratorateId]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    courtCaseNumber: r.courtCaseNumber,
    reason: r.reason,
    requestedAt: r.requestedAt,
    requestedBy: people.get(r.requestedById) ?? null,
    court: insts.get(r.courtId)!,
    procuratorate: insts.get(r.procuratorateId)!,
    meetingId: r.meetingId,
  }));
}

export async function getRequest(prisma: Db, actor: Actor, id: string) {
  assertAllowed(decideFeature(actor, 'committee.list'), 'committee.list');
  if (!z.uuid().safeParse(id).success) return null;
  const r = await findVisible<AttendanceRequest>(prisma.attendanceRequest, REQUEST_VISIBILITY, actor, id);
  if (!r) return null;
  const facts = requestFacts(r);
  const steps = availableRequestSteps(actor, facts);
  const [people, insts, timeline, meeting, supervisionCase, openMeetings] = await Promise.all([
    names(prisma, [r.requestedById, r.answeredById]),
    institutions(prisma, [r.courtId, r.procuratorateId]),
    timelineOf(prisma, actor, { recordType: REQUEST, recordId: r.id }),
    // The linked meeting only for someone who may see it (the procuratorate: once notified).
    r.meetingId
      ? prisma.committeeMeeting.findFirst({ where: { AND: [meetingsVisibleWhere(actor), { id: r.meetingId }] }, select: { id: true, scheduledAt: true, location: true, status: true } })
      : Promise.resolve(null),
    r.caseId
      ? prisma.supervisionCase.findFirst({ where: { AND: [visibleWhere<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor), { id: r.caseId }] }, select: { id: true, number: true, title: true } })
      : Promise.resolve(null),
    steps.includes('accept')
      ? prisma.committeeMeeting.findMany({
          where: { courtId: r.courtId, procuratorateId: r.procuratorateId, status: { in: [...OPEN_STATUSES] } },
          orderBy: { scheduledAt: 'asc' },
          select: { id: true, scheduledAt: true, items: { orderBy: { position: 'asc' }, select: { courtCaseNumber: true } } },
        })
      : Promise.resolve([]),
  ]);
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    courtCaseNumber: r.courtCaseNumber,
    reason: r.reason,
    requestedAt: r.requestedAt,
    requestedBy: people.get(r.requestedById) ?? null,
    answer: r.answer,
    answeredBy: r.answeredById ? (people.get(r.answeredById) ?? null) : null,
    answeredAt: r.answeredAt,
    court: insts.get(r.courtId)!,
    procuratorate: insts.get(r.procuratorateId)!,
    case: supervisionCase,
    meeting,
    steps,
    openMeetings: openMeetings.map((x) => ({ id: x.id, local: chinaLocalDateTime(x.scheduledAt).replace('T', ' '), cases: x.items.map((i) => i.courtCaseNumber) })),
    timeline,
  };
}
export type RequestView = NonNullable<Awaited<ReturnType<typeof getRequest>>>;
