/**
 * Joint meetings and their consensus items (lib/domain/joint-meetings): recording a meeting, the
 * host's minutes (saved, submitted, confirmed or returned by the other institution), the
 * consensus items it proposes, and their follow-up. Every step on an existing record goes through
 * the shared step runner (`runWorkflowStep`): one transaction with the decision on the record as
 * read from the database, the version check, the update, a timeline event and an audit row.
 * Reads filter by what the actor may see, in the query itself (decision 0025: the other
 * institution sees a meeting from the first submission of its minutes, never the host's draft).
 */
import { daysLeft } from '@/lib/domain/deadlines';
import {
  availableSteps as itemSteps,
  CONSENSUS_RUNNING,
  CONSENSUS_STATUSES,
  decide as decideItem,
  FOLLOW_UP_STEPS,
  overdueDays,
  ownershipFor,
  type ConsensusFacts,
  type ConsensusStep,
} from '@/lib/domain/joint-meetings/consensus';
import {
  availableSteps as meetingSteps,
  decide as decideMeeting,
  JOINT_MEETING_STEPS,
  newMeeting,
  roleFor,
  type JointMeetingFacts,
  type JointMeetingStep,
} from '@/lib/domain/joint-meetings/machine';
import * as S from '@/lib/domain/joint-meetings/schemas';
import { CONSENSUS_ITEM_VISIBILITY, JOINT_MEETING_VISIBILITY } from '@/lib/domain/joint-meetings/visibility';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { ConsensusItem, JointMeeting, JointMeetingAttendee, Prisma } from '@/lib/generated/prisma/client';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import { consensusList, type ConsensusFilter, type JointMeetingFilter } from '@/lib/lists/joint-meetings';
import { writeAudit } from './audit';
import { counterpartWhere, requireCounterpart } from './counterparts';
import type { Db, Tx } from './db';
import { FieldError, refuseStep } from './errors';
import { names } from './names';
import { mapPage, pageOf } from './page';
import { queueItem, resolveQueue, type QueueItem } from './queue';
import { findVisible, visibleWhere as visibleWhereOf } from './visibility';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';

export const MEETING_RECORD_TYPE = 'JointMeeting';
export const ITEM_RECORD_TYPE = 'ConsensusItem';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

export function meetingFactsOf(rec: Pick<JointMeeting, 'status' | 'procuratorateId' | 'courtId' | 'hostKind' | 'createdById' | 'sharedAt'>): JointMeetingFacts {
  return { status: rec.status, procuratorateId: rec.procuratorateId, courtId: rec.courtId, hostKind: rec.hostKind, createdById: rec.createdById, sharedAt: rec.sharedAt };
}

export function itemFactsOf(rec: ConsensusItem): ConsensusFacts {
  return {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    hostKind: rec.hostKind,
    sharedAt: rec.sharedAt,
    ownerKind: rec.ownerKind,
    ownerId: rec.ownerId,
    dueDate: iso(rec.dueDate),
  };
}

function meetingSpec(actor: Actor, step: JointMeetingStep): WorkflowSpec<JointMeeting> {
  return {
    recordType: MEETING_RECORD_TYPE,
    action: step,
    load: (tx, id) => tx.jointMeeting.findUnique({ where: { id } }),
    decide: (rec) => decideMeeting(actor, step, meetingFactsOf(rec)),
    update: async (tx, id, version, data) =>
      (await tx.jointMeeting.updateMany({ where: { id, version }, data: data as Prisma.JointMeetingUncheckedUpdateManyInput })).count,
  };
}

function itemSpec(actor: Actor, step: ConsensusStep, today: string): WorkflowSpec<ConsensusItem> {
  return {
    recordType: ITEM_RECORD_TYPE,
    action: step,
    load: (tx, id) => tx.consensusItem.findUnique({ where: { id } }),
    decide: (rec) => decideItem(actor, step, itemFactsOf(rec), today),
    update: async (tx, id, version, data) =>
      (await tx.consensusItem.updateMany({ where: { id, version }, data: data as Prisma.ConsensusItemUncheckedUpdateManyInput })).count,
  };
}

// ---------------------------------------------------------------------------------------------
// Commands on meetings

/**
 * The actor's institution records a joint meeting it hosted with its counterpart: kind, title,
 * date, place, topics and the attendees of both institutions (users of the pair with the
 * position as the minutes give it, and people without an account by name and position).
 */
export async function recordJointMeeting(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const rawTo = typeof raw === 'object' && raw !== null ? String((raw as Record<string, unknown>).counterpartId ?? '') : '';
  const first = decideMeeting(actor, 'record', newMeeting(actor, rawTo));
  if (!first.ok && first.forbidden) refuseStep(`${MEETING_RECORD_TYPE}.record`, first);
  const input = S.recordInput.parse(raw);
  await requireCounterpart(prisma, actor, input.counterpartId, 'counterpartId');
  if (input.heldOn > ctx.today) throw new FieldError('heldOn', 'dateInFuture');
  const parties = newMeeting(actor, input.counterpartId);
  const decision = decideMeeting(actor, 'record', parties);
  if (!decision.ok) refuseStep(`${MEETING_RECORD_TYPE}.record`, decision);

  // The users named must be active people of the two institutions.
  const ids = input.attendees.map((a) => a.userId);
  const users = ids.length
    ? await prisma.user.findMany({
        where: { id: { in: ids }, active: true, institutionId: { in: [parties.procuratorateId, parties.courtId] }, role: { not: 'ADMIN' } },
        select: { id: true, name: true, institution: { select: { kind: true } } },
      })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const a of input.attendees) {
    if (!byId.has(a.userId)) throw new FieldError(`${S.ATTENDEE_PREFIX}${a.userId}`, 'invalidChoice');
  }
  const attendees = [
    ...input.attendees.map((a) => ({ side: byId.get(a.userId)!.institution.kind, userId: a.userId, name: byId.get(a.userId)!.name, title: a.title })),
    ...input.guests.map((g) => ({ side: g.side, userId: null, name: g.name, title: g.title })),
  ];
  for (const side of ['PROCURATORATE', 'COURT'] as const) {
    if (!attendees.some((a) => a.side === side)) throw new FieldError(side === 'PROCURATORATE' ? 'attendeesProcuratorate' : 'attendeesCourt', 'noAttendee');
  }

  return prisma.$transaction(async (tx) => {
    const at = ctx.now ?? new Date();
    const rec = await tx.jointMeeting.create({
      data: {
        procuratorateId: parties.procuratorateId,
        courtId: parties.courtId,
        hostKind: parties.hostKind,
        kind: input.kind,
        title: input.title,
        heldOn: d(input.heldOn),
        place: input.place,
        topics: input.topics,
        status: 'drafting',
        createdById: actor.id,
        createdAt: at,
        attendees: { create: attendees.map((a, position) => ({ ...a, position })) },
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: MEETING_RECORD_TYPE,
      recordId: rec.id,
      actor,
      shared: decision.shared,
      kind: 'record',
      toStatus: 'drafting',
      data: { heldOn: input.heldOn, place: input.place },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: `${MEETING_RECORD_TYPE}.record`,
      recordType: MEETING_RECORD_TYPE,
      recordId: rec.id,
      summary: json({
        after: {
          kind: input.kind,
          title: input.title,
          heldOn: input.heldOn,
          place: input.place,
          topics: input.topics,
          hostKind: parties.hostKind,
          procuratorateId: parties.procuratorateId,
          courtId: parties.courtId,
          attendees: attendees.map((a) => ({ side: a.side, userId: a.userId, name: a.name, title: a.title })),
          status: 'drafting',
        },
      }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: rec.id, status: 'drafting' as const };
  });
}

/** The host saves its working text of the minutes (never seen by the other institution). */
export async function saveMinutes(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.minutesInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'saveMinutes'), input, ctx, () => ({ data: { minutesDraft: input.minutes } }));
}

/**
 * The host submits the minutes for the other institution's confirmation: the text becomes what
 * the other institution sees (kept whole on the shared timeline, one event per submission), the
 * meeting and every consensus item it carries are shared from now on.
 */
export async function submitMinutes(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.minutesInput.parse(raw);
  const at = ctx.now ?? new Date();
  const spec = { ...meetingSpec(actor, 'submit'), wholeEventTexts: true };
  return runWorkflowStep(prisma, actor, spec, input, ctx, async (rec) => ({
    data: { minutesDraft: input.minutes, minutes: input.minutes, submittedAt: at, submittedById: actor.id, sharedAt: rec.sharedAt ?? at },
    event: { minutes: input.minutes },
    after: async (tx) => {
      const shared = await tx.consensusItem.updateMany({ where: { meetingId: rec.id, sharedAt: null }, data: { sharedAt: at, version: { increment: 1 } } });
      return { itemsShared: shared.count };
    },
  }));
}

/** The other institution returns the minutes with its reason; the host revises and submits again. */
export async function returnMinutes(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.returnInput.parse(raw);
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'return'), input, ctx, () => ({
    data: { returnedAt: ctx.now ?? new Date(), returnedById: actor.id, returnReason: input.reason },
    event: { reason: input.reason },
  }));
}

/**
 * The other institution confirms the minutes: final from now on (no step edits them), and the
 * consensus items they carry are agreed — each opened by its own `agree` step, event and audit
 * row in the same transaction.
 */
export async function confirmMinutes(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.confirmInput.parse(raw);
  const at = ctx.now ?? new Date();
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'confirm'), input, ctx, (rec) => ({
    data: { confirmedAt: at, confirmedById: actor.id },
    after: async (tx) => {
      const items = await tx.consensusItem.findMany({ where: { meetingId: rec.id, status: 'proposed' }, orderBy: { createdAt: 'asc' } });
      for (const item of items) {
        const decision = decideItem(actor, 'agree', itemFactsOf(item), ctx.today);
        if (!decision.ok) refuseStep(`${ITEM_RECORD_TYPE}.agree`, decision);
        const n = await tx.consensusItem.updateMany({ where: { id: item.id, version: item.version }, data: { status: decision.to, version: { increment: 1 } } });
        if (n.count === 0) refuseStep(`${ITEM_RECORD_TYPE}.agree`, { ok: false, code: 'wrongState', forbidden: false }, true);
        await writeWorkflowEvent(tx, { recordType: ITEM_RECORD_TYPE, recordId: item.id, actor, shared: decision.shared, kind: 'agree', fromStatus: item.status, toStatus: decision.to, at: ctx.now });
        await writeAudit(tx, {
          actorId: actor.id,
          institutionId: actor.institutionId,
          action: `${ITEM_RECORD_TYPE}.agree`,
          recordType: ITEM_RECORD_TYPE,
          recordId: item.id,
          summary: json({ before: { status: item.status }, after: { status: decision.to }, meetingId: rec.id }),
          requestId: ctx.requestId,
          at: ctx.now,
        });
      }
      return { itemsOpened: items.length };
    },
  }));
}

/**
 * The host adds a consensus item to minutes not yet confirmed: topic area, title, the owner
 * person (whose institution owns it) and the due date. Proposed until the minutes are confirmed.
 */
export async function addConsensusItem(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.addItemInput.parse(raw);
  let itemId = '';
  return runWorkflowStep(prisma, actor, meetingSpec(actor, 'addItem'), input, ctx, async (rec, tx) => {
    const owner = await tx.user.findFirst({
      where: { id: input.ownerId, active: true, role: { not: 'ADMIN' }, institutionId: { in: [rec.procuratorateId, rec.courtId] } },
      select: { id: true, institution: { select: { kind: true } } },
    });
    if (!owner) throw new FieldError('ownerId', 'invalidChoice');
    if (input.dueDate < iso(rec.heldOn)) throw new FieldError('dueDate', 'dueBeforeMeeting');
    return {
      event: { itemTitle: input.title },
      after: async (t: Tx) => {
        const at = ctx.now ?? new Date();
        const item = await t.consensusItem.create({
          data: {
            meetingId: rec.id,
            procuratorateId: rec.procuratorateId,
            courtId: rec.courtId,
            hostKind: rec.hostKind,
            // Items added while the guest already sees the meeting (returned minutes) wait for the next submission.
            sharedAt: null,
            area: input.area,
            title: input.title,
            detail: input.detail,
            ownerKind: owner.institution.kind,
            ownerId: owner.id,
            dueDate: d(input.dueDate),
            status: 'proposed',
            createdById: actor.id,
            createdAt: at,
          },
        });
        itemId = item.id;
        await writeWorkflowEvent(t, { recordType: ITEM_RECORD_TYPE, recordId: item.id, actor, shared: false, kind: 'add', toStatus: 'proposed', data: { dueDate: input.dueDate }, at: ctx.now });
        await writeAudit(t, {
          actorId: actor.id,
          institutionId: actor.institutionId,
          action: `${ITEM_RECORD_TYPE}.add`,
          recordType: ITEM_RECORD_TYPE,
          recordId: item.id,
          summary: json({ after: { meetingId: rec.id, area: input.area, title: input.title, detail: input.detail, ownerId: owner.id, ownerKind: owner.institution.kind, dueDate: input.dueDate, status: 'proposed' } }),
          requestId: ctx.requestId,
          at: ctx.now,
        });
        return { itemId: item.id };
      },
    };
  }).then((r) => ({ ...r, newId: itemId }));
}

type Command = (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<{ id: string; newId?: string }>;

/** Every command on an existing meeting, for the one server action that dispatches steps. */
export const MEETING_STEPS = {
  saveMinutes,
  submit: submitMinutes,
  confirm: confirmMinutes,
  return: returnMinutes,
  addItem: addConsensusItem,
} satisfies Record<Exclude<JointMeetingStep, 'record'>, Command>;

export function isMeetingStepName(s: string): s is keyof typeof MEETING_STEPS {
  return s !== 'record' && (JOINT_MEETING_STEPS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// Commands on consensus items

/** The owner institution starts work on an open item. */
export async function startItem(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.startInput.parse(raw);
  return runWorkflowStep(prisma, actor, itemSpec(actor, 'start', ctx.today), input, ctx, () => ({ event: { comment: input.comment } }));
}

/** The owner institution closes an item as done, with the outcome. */
export async function completeItem(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.completeInput.parse(raw);
  return runWorkflowStep(prisma, actor, itemSpec(actor, 'complete', ctx.today), input, ctx, () => ({
    data: { outcome: input.outcome, closedAt: ctx.now ?? new Date() },
    event: { outcome: input.outcome },
  }));
}

/** The owner institution's leaders drop an item, with the reason. */
export async function dropItem(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.dropInput.parse(raw);
  return runWorkflowStep(prisma, actor, itemSpec(actor, 'drop', ctx.today), input, ctx, () => ({
    data: { dropReason: input.reason, closedAt: ctx.now ?? new Date() },
    event: { reason: input.reason },
  }));
}

/** The other institution urges an overdue item: recorded on the shared timeline, no change of state. */
export async function urgeItem(prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) {
  const input = S.urgeInput.parse(raw);
  return runWorkflowStep(prisma, actor, itemSpec(actor, 'urge', ctx.today), input, ctx, (rec) => ({
    event: { comment: input.comment, dueDate: iso(rec.dueDate), daysOverdue: overdueDays(itemFactsOf(rec), ctx.today) },
  }));
}

export const ITEM_STEPS = {
  start: startItem,
  complete: completeItem,
  drop: dropItem,
  urge: urgeItem,
} satisfies Record<(typeof FOLLOW_UP_STEPS)[number], Command>;

export function isItemStepName(s: string): s is keyof typeof ITEM_STEPS {
  return (FOLLOW_UP_STEPS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// Reads: meetings

export type JointMeetingFilters = Partial<JointMeetingFilter>;

/** The visibility rule as a `where`: a meeting the actor may not see never leaves the database. */
export function meetingVisibleWhere(actor: Actor): Prisma.JointMeetingWhereInput {
  return visibleWhereOf<Prisma.JointMeetingWhereInput>(JOINT_MEETING_VISIBILITY, actor);
}

export function meetingFilterWhere(actor: Actor, f: JointMeetingFilters): Prisma.JointMeetingWhereInput {
  const and: Prisma.JointMeetingWhereInput[] = [meetingVisibleWhere(actor)];
  if (f.kind) and.push({ kind: f.kind });
  if (f.status) and.push({ status: f.status });
  return { AND: and };
}

export function countJointMeetings(prisma: Db, actor: Actor, f: JointMeetingFilters): Promise<number> {
  return prisma.jointMeeting.count({ where: meetingFilterWhere(actor, f) });
}

export type JointMeetingRow = Awaited<ReturnType<typeof listJointMeetings>>['rows'][number];

/** The meetings of the actor's institution, newest first, with how many consensus items each carries (as the actor sees them). */
export async function listJointMeetings(prisma: Db, actor: Actor, f: JointMeetingFilters, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'jointMeetings.list'), 'jointMeetings.list');
  const where = meetingFilterWhere(actor, f);
  const p = await pageOf(
    [
      {
        count: () => prisma.jointMeeting.count({ where }),
        find: (w: { skip: number; take: number }) => prisma.jointMeeting.findMany({ where, orderBy: [{ heldOn: 'desc' }, { id: 'asc' }], omit: { minutesDraft: true, minutes: true }, ...w }),
      },
    ],
    page,
  );
  return mapPage(p, async (rows) => {
    const ids = rows.map((r) => r.id);
    const counts = ids.length
      ? await prisma.consensusItem.groupBy({ by: ['meetingId'], where: { AND: [itemVisibleWhere(actor), { meetingId: { in: ids } }] }, _count: { _all: true } })
      : [];
    const itemCount = new Map(counts.map((c) => [c.meetingId, c._count._all]));
    const n = await names(prisma, [], rows.flatMap((r) => [r.procuratorateId, r.courtId]));
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      heldOn: iso(r.heldOn),
      place: r.place,
      role: roleFor(actor, r),
      host: n.inst(r.hostKind === 'PROCURATORATE' ? r.procuratorateId : r.courtId),
      items: itemCount.get(r.id) ?? 0,
    }));
  });
}

function attendeeView(a: JointMeetingAttendee) {
  return { id: a.id, side: a.side, userId: a.userId, name: a.name, title: a.title };
}

/** One meeting as the actor may see it: attendees, topics, minutes (the draft for the host only), its consensus items, timeline, next steps. */
export async function getJointMeeting(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'jointMeetings.list'), 'jointMeetings.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  const rec = await findVisible<JointMeeting & { attendees: JointMeetingAttendee[] }>(prisma.jointMeeting, JOINT_MEETING_VISIBILITY, actor, id, {
    include: { attendees: { orderBy: { position: 'asc' } } },
  });
  if (!rec) return null;
  const facts = meetingFactsOf(rec);
  const actions = meetingSteps(actor, facts);
  const [n, timeline, items, owners] = await Promise.all([
    names(prisma, [rec.createdById, rec.submittedById, rec.returnedById, rec.confirmedById], [rec.procuratorateId, rec.courtId]),
    timelineOf(prisma, actor, { recordType: MEETING_RECORD_TYPE, recordId: rec.id }),
    listConsensusItems(prisma, actor, { meeting: rec.id }, today, { page: 1, size: 100 }),
    // For "add an item": the active people of both institutions.
    actions.includes('addItem')
      ? prisma.user.findMany({
          where: { institutionId: { in: [rec.procuratorateId, rec.courtId] }, active: true, role: { not: 'ADMIN' } },
          orderBy: [{ institution: { kind: 'asc' } }, { name: 'asc' }],
          select: { id: true, name: true, title: true, institution: { select: { kind: true } } },
        })
      : Promise.resolve([]),
  ]);
  return {
    id: rec.id,
    version: rec.version,
    title: rec.title,
    kind: rec.kind,
    status: rec.status,
    heldOn: iso(rec.heldOn),
    place: rec.place,
    topics: rec.topics,
    hostKind: rec.hostKind,
    role: roleFor(actor, rec),
    procuratorate: n.inst(rec.procuratorateId),
    court: n.inst(rec.courtId),
    recordedBy: n.user(rec.createdById),
    attendees: rec.attendees.map(attendeeView),
    /** The host's working text: null for the other institution (never loaded for it). */
    minutesDraft: rec.minutesDraft,
    minutes: rec.minutes,
    sharedAt: rec.sharedAt,
    submittedAt: rec.submittedAt,
    submittedBy: n.user(rec.submittedById),
    returnedAt: rec.returnedAt,
    returnedBy: n.user(rec.returnedById),
    returnReason: rec.returnReason,
    confirmedAt: rec.confirmedAt,
    confirmedBy: n.user(rec.confirmedById),
    items: items.rows,
    ownerOptions: owners.map((u) => ({ id: u.id, name: u.name, title: u.title, kind: u.institution.kind })),
    actions,
    timeline,
  };
}
export type JointMeetingView = NonNullable<Awaited<ReturnType<typeof getJointMeeting>>>;

/** What the new-meeting form offers: the counterparts, and the active people of the actor's institution and of its counterparts. */
export async function meetingFormOptions(prisma: Db, actor: Actor) {
  const decision = decideMeeting(actor, 'record', newMeeting(actor, ''));
  if (!decision.ok) refuseStep(`${MEETING_RECORD_TYPE}.record`, decision);
  const counterparts = await prisma.institution.findMany({ where: await counterpartWhere(prisma, actor), orderBy: { name: 'asc' }, select: { id: true, name: true, nameEn: true } });
  const people = await prisma.user.findMany({
    where: { institutionId: { in: [actor.institutionId, ...counterparts.map((c) => c.id)] }, active: true, role: { not: 'ADMIN' } },
    orderBy: [{ institution: { kind: 'asc' } }, { name: 'asc' }],
    select: { id: true, name: true, title: true, institutionId: true, institution: { select: { kind: true } } },
  });
  return { counterparts, people: people.map((p) => ({ id: p.id, name: p.name, title: p.title, institutionId: p.institutionId, kind: p.institution.kind })) };
}

// ---------------------------------------------------------------------------------------------
// Reads: consensus items

export type ConsensusFilters = Partial<ConsensusFilter>;

export function itemVisibleWhere(actor: Actor): Prisma.ConsensusItemWhereInput {
  return visibleWhereOf<Prisma.ConsensusItemWhereInput>(CONSENSUS_ITEM_VISIBILITY, actor);
}

const RUNNING = [...CONSENSUS_RUNNING];

export function itemFilterWhere(actor: Actor, f: ConsensusFilters, today: string): Prisma.ConsensusItemWhereInput {
  const and: Prisma.ConsensusItemWhereInput[] = [itemVisibleWhere(actor)];
  if (f.owner === 'own') and.push({ ownerKind: actor.institutionKind });
  if (f.owner === 'other') and.push({ ownerKind: { not: actor.institutionKind } });
  if (f.area) and.push({ area: f.area });
  if (f.status) and.push({ status: f.status });
  if (f.open) and.push({ status: { in: RUNNING } });
  if (f.overdue) and.push({ status: { in: RUNNING }, dueDate: { lt: d(today) } });
  if (f.meeting) and.push({ meetingId: f.meeting });
  return { AND: and };
}

export function countConsensusItems(prisma: Db, actor: Actor, f: ConsensusFilters, today: string): Promise<number> {
  return prisma.consensusItem.count({ where: itemFilterWhere(actor, f, today) });
}

export type ConsensusRow = Awaited<ReturnType<typeof listConsensusItems>>['rows'][number];

/** Consensus items the actor sees: those being followed up first (by due date), then proposed ones, then closed ones (latest first). */
export async function listConsensusItems(prisma: Db, actor: Actor, f: ConsensusFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'jointMeetings.list'), 'jointMeetings.list');
  const where = itemFilterWhere(actor, f, today);
  const segment = (part: Prisma.ConsensusItemWhereInput, orderBy: Prisma.ConsensusItemOrderByWithRelationInput[]) => ({
    count: () => prisma.consensusItem.count({ where: { AND: [where, part] } }),
    find: (w: { skip: number; take: number }) => prisma.consensusItem.findMany({ where: { AND: [where, part] }, orderBy, ...w }),
  });
  const p = await pageOf(
    [
      segment({ status: { in: RUNNING } }, [{ dueDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }]),
      segment({ status: 'proposed' }, [{ dueDate: 'asc' }, { id: 'asc' }]),
      segment({ status: { in: ['done', 'dropped'] } }, [{ closedAt: 'desc' }, { id: 'asc' }]),
    ],
    page,
  );
  return mapPage(p, (rows) => itemRows(prisma, actor, rows, today));
}

async function itemRows(prisma: Db, actor: Actor, rows: ConsensusItem[], today: string) {
  const ids = rows.map((r) => r.id);
  const [urges, meetings, n] = await Promise.all([
    ids.length
      ? prisma.workflowEvent.groupBy({ by: ['recordId'], where: { recordType: ITEM_RECORD_TYPE, recordId: { in: ids }, kind: 'urge' }, _count: { _all: true } })
      : Promise.resolve([]),
    ids.length
      ? prisma.jointMeeting.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.meetingId))] } }, select: { id: true, title: true, heldOn: true } })
      : Promise.resolve([]),
    names(prisma, rows.map((r) => r.ownerId), rows.flatMap((r) => [r.procuratorateId, r.courtId])),
  ]);
  const urgeCount = new Map(urges.map((u) => [u.recordId, u._count._all]));
  const meeting = new Map(meetings.map((m) => [m.id, { id: m.id, title: m.title, heldOn: iso(m.heldOn) }]));
  return rows.map((r) => {
    const facts = itemFactsOf(r);
    const overdue = overdueDays(facts, today);
    const running = (RUNNING as string[]).includes(r.status);
    return {
      id: r.id,
      version: r.version,
      area: r.area,
      title: r.title,
      status: r.status,
      ownership: ownershipFor(actor, r),
      ownerInstitution: n.inst(r.ownerKind === 'PROCURATORATE' ? r.procuratorateId : r.courtId),
      owner: n.user(r.ownerId),
      dueDate: facts.dueDate,
      daysOverdue: overdue,
      daysLeft: running && overdue === 0 ? daysLeft(facts.dueDate, today) : null,
      urges: urgeCount.get(r.id) ?? 0,
      meeting: meeting.get(r.meetingId)!,
    };
  });
}

/** The list header's figures, each a filter of the list, counted and linked. */
export async function consensusSummary(prisma: Db, actor: Actor, today: string): Promise<QueueItem[]> {
  assertAllowed(decideFeature(actor, 'jointMeetings.list'), 'jointMeetings.list');
  const count = (f: ConsensusFilter) => countConsensusItems(prisma, actor, f, today);
  return resolveQueue([
    queueItem('ownOpen', consensusList, { owner: 'own', open: true }, count),
    queueItem('ownOverdue', consensusList, { owner: 'own', overdue: true }, count),
    queueItem('otherOpen', consensusList, { owner: 'other', open: true }, count),
    queueItem('otherOverdue', consensusList, { owner: 'other', overdue: true }, count),
    queueItem('done', consensusList, { status: 'done' }, count),
  ]);
}

/** One consensus item as the actor may see it, with its meeting, timeline and the steps open to them. */
export async function getConsensusItem(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'jointMeetings.list'), 'jointMeetings.list');
  if (!S.stepInput.shape.id.safeParse(id).success) return null;
  const rec = await findVisible<ConsensusItem>(prisma.consensusItem, CONSENSUS_ITEM_VISIBILITY, actor, id);
  if (!rec) return null;
  const facts = itemFactsOf(rec);
  const [n, timeline, meeting] = await Promise.all([
    names(prisma, [rec.ownerId, rec.createdById], [rec.procuratorateId, rec.courtId]),
    timelineOf(prisma, actor, { recordType: ITEM_RECORD_TYPE, recordId: rec.id }),
    // An item visible to the actor belongs to a meeting visible to them (shared with it or before it).
    prisma.jointMeeting.findFirst({ where: { AND: [meetingVisibleWhere(actor), { id: rec.meetingId }] }, select: { id: true, title: true, heldOn: true, status: true } }),
  ]);
  const overdue = overdueDays(facts, today);
  const running = (RUNNING as string[]).includes(rec.status);
  const urges = timeline.filter((e) => e.kind === 'urge');
  return {
    id: rec.id,
    version: rec.version,
    area: rec.area,
    title: rec.title,
    detail: rec.detail,
    status: rec.status,
    ownership: ownershipFor(actor, rec),
    ownerKind: rec.ownerKind,
    ownerInstitution: n.inst(rec.ownerKind === 'PROCURATORATE' ? rec.procuratorateId : rec.courtId),
    owner: n.user(rec.ownerId),
    dueDate: facts.dueDate,
    daysOverdue: overdue,
    daysLeft: running && overdue === 0 ? daysLeft(facts.dueDate, today) : null,
    outcome: rec.outcome,
    dropReason: rec.dropReason,
    closedAt: rec.closedAt,
    meeting: meeting ? { id: meeting.id, title: meeting.title, heldOn: iso(meeting.heldOn), status: meeting.status } : null,
    urges: urges.map((u) => ({ at: u.at, by: u.actorName, comment: (u.data?.comment as string | null | undefined) ?? null })),
    actions: itemSteps(actor, facts, today),
    timeline,
  };
}
export type ConsensusItemView = NonNullable<Awaited<ReturnType<typeof getConsensusItem>>>;

export { CONSENSUS_STATUSES };
