/**
 * Joint meetings and consensus items against the real database: recording a meeting with
 * attendees of both institutions, the host's minutes (draft hidden from the other institution,
 * submitted, returned with a reason, confirmed and final), consensus items (proposed, agreed with
 * the minutes, started, completed, dropped, urged when overdue), version conflicts, audit and
 * timeline rows, bad input (nothing written), the lists and counts, and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import * as J from '@/lib/data/joint-meetings';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import { ATTENDEE_PREFIX, ATTENDEE_TITLE_PREFIX } from '@/lib/domain/joint-meetings/schemas';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { DEMO_JOINT_MEETINGS, seedJointMeetings, SYMPOSIUM_TITLE } from '@/prisma/seed/joint-meetings';
import { openSeededTestDb, refusedWithoutWrites, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
let courtId = '';
let farCourtId = '';

const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'wu.yating', 'sun.lixin', 'qian.hui', 'lin.xue', 'jiang.tao', 'chen.zhiqiang', 'he.min', 'admin'];

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  const c2 = await ensureInstitution(t.prisma, { code: '青0102', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District Court', regionCode: '630102' });
  farCourtId = c2.id;
  await ensureUser(t.prisma, { username: 'far.president', name: '外院院长', role: 'COURT_LEADER', institutionId: c2.id, password: 'x'.repeat(12) });
  for (const username of [...PEOPLE, 'far.president']) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    A[username] = (await loadActor(t.prisma, u.id))!;
  }
  courtId = A['lin.xue']!.institutionId;
});
afterAll(async () => {
  await t?.close();
});

let rid = 0;
function ctx(today = TODAY): WorkflowContext & { requestId: string; now: Date } {
  return { today, requestId: `req-jm-${++rid}`, now: new Date(`${today}T03:00:00.000Z`) };
}
let serial = 0;
const meetingForm = (over: Record<string, unknown> = {}) => ({
  counterpartId: courtId,
  kind: 'regular',
  title: `检法联席会议 ${++serial}`,
  heldOn: '2026-11-20',
  place: '检察院会议室',
  topics: '检察建议回复\n非诉执行',
  guestsProcuratorate: '',
  guestsCourt: '赵立，审判监督庭法官助理',
  [`${ATTENDEE_PREFIX}${A['li.wen']!.id}`]: 'on',
  [`${ATTENDEE_TITLE_PREFIX}${A['li.wen']!.id}`]: '检察官',
  [`${ATTENDEE_PREFIX}${A['lin.xue']!.id}`]: 'on',
  [`${ATTENDEE_TITLE_PREFIX}${A['lin.xue']!.id}`]: '审判员',
  ...over,
});
const meeting = (id: string) => t.prisma.jointMeeting.findUniqueOrThrow({ where: { id } });
const item = (id: string) => t.prisma.consensusItem.findUniqueOrThrow({ where: { id } });
const counts = async () => ({
  meetings: await t.prisma.jointMeeting.count(),
  attendees: await t.prisma.jointMeetingAttendee.count(),
  items: await t.prisma.consensusItem.count(),
  events: await t.prisma.workflowEvent.count(),
  audits: await t.prisma.auditEvent.count(),
});
const refused = (fn: () => Promise<unknown>, cls: new (...a: never[]) => Error, props: Record<string, unknown> = {}) =>
  refusedWithoutWrites(counts, fn, cls, props);
type Cmd = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, c: WorkflowContext) => Promise<unknown>;
const onMeeting = async (cmd: Cmd, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) =>
  cmd(t.prisma, A[who]!, { id, version: (await meeting(id)).version, ...extra }, c);
const onItem = async (cmd: Cmd, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) =>
  cmd(t.prisma, A[who]!, { id, version: (await item(id)).version, ...extra }, c);
const addItem = async (meetingId: string, owner: string, due: string, who = 'li.wen') =>
  (await J.addConsensusItem(t.prisma, A[who]!, { id: meetingId, version: (await meeting(meetingId)).version, area: 'non_litigation_enforcement', title: '按月通报非诉执行情况', detail: '', ownerId: A[owner]!.id, dueDate: due }, ctx())).newId;

describe('a meeting hosted by the procuratorate', () => {
  it('records attendees of both institutions; the court does not see it until the minutes are submitted', async () => {
    const c0 = ctx();
    const before = await counts();
    const { id } = await J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm(), c0);
    expect(await meeting(id)).toMatchObject({ status: 'drafting', hostKind: 'PROCURATORATE', courtId, sharedAt: null, topics: ['检察建议回复', '非诉执行'], version: 1 });
    expect(await counts()).toEqual({ ...before, meetings: before.meetings + 1, attendees: before.attendees + 3, events: before.events + 1, audits: before.audits + 1 });
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { requestId: c0.requestId } })).toMatchObject({ action: 'JointMeeting.record', recordId: id });
    const attendees = await t.prisma.jointMeetingAttendee.findMany({ where: { meetingId: id }, orderBy: { position: 'asc' } });
    expect(attendees.map((a) => [a.side, a.userId, a.name, a.title])).toEqual([
      ['PROCURATORATE', A['li.wen']!.id, '李文', '检察官'],
      ['COURT', A['lin.xue']!.id, '林雪', '审判员'],
      ['COURT', null, '赵立', '审判监督庭法官助理'],
    ]);
    expect(await J.getJointMeeting(t.prisma, A['he.min']!, id, TODAY)).toBeNull();
    expect((await J.listJointMeetings(t.prisma, A['he.min']!, {})).rows.some((m) => m.id === id)).toBe(false);

    // The draft and the items proposed with it stay the procuratorate's.
    await onMeeting(J.saveMinutes, 'li.wen', id, { minutes: '草稿：会议形成以下共识……' });
    const itemId = await addItem(id, 'jiang.tao', '2026-12-10');
    expect(await item(itemId)).toMatchObject({ status: 'proposed', ownerKind: 'COURT', sharedAt: null });
    expect(await J.getConsensusItem(t.prisma, A['jiang.tao']!, itemId, TODAY)).toBeNull();
    expect(await J.countConsensusItems(t.prisma, A['jiang.tao']!, { owner: 'own' }, TODAY)).toBe(
      await t.prisma.consensusItem.count({ where: { ownerKind: 'COURT', courtId, sharedAt: { not: null } } }),
    );
    // The court cannot take a step on a meeting it does not see.
    await refused(() => onMeeting(J.confirmMinutes, 'he.min', id), ForbiddenError, { reason: 'notVisible' });

    // Submitted: the court sees the meeting, the submitted text, the item — never the draft column.
    await onMeeting(J.submitMinutes, 'li.wen', id, { minutes: '会议形成以下共识：一、按月通报。' });
    const m1 = await meeting(id);
    expect(m1).toMatchObject({ status: 'submitted', minutes: '会议形成以下共识：一、按月通报。', submittedById: A['li.wen']!.id });
    expect(m1.sharedAt).not.toBeNull();
    const seen = (await J.getJointMeeting(t.prisma, A['he.min']!, id, TODAY))!;
    expect(seen).toMatchObject({ role: 'guest', minutes: '会议形成以下共识：一、按月通报。', minutesDraft: null, actions: ['confirm', 'return'] });
    expect(seen.items.map((i) => i.id)).toEqual([itemId]);
    expect((await J.getJointMeeting(t.prisma, A['li.wen']!, id, TODAY))!.minutesDraft).toBe('会议形成以下共识：一、按月通报。');
    // Only the court's leaders confirm; a clerk may not.
    await refused(() => onMeeting(J.confirmMinutes, 'lin.xue', id), ForbiddenError, { reason: 'role' });
    // A step on a proposed item is refused.
    await refused(() => onItem(J.startItem, 'jiang.tao', itemId), StepError, { code: 'wrongState' });

    // Returned with a reason; the revision and an item added since are the procuratorate's draft again.
    await refused(() => onMeeting(J.returnMinutes, 'he.min', id, { reason: '' }), ZodError);
    await onMeeting(J.returnMinutes, 'he.min', id, { reason: '通报周期应为每季度。' });
    expect(await meeting(id)).toMatchObject({ status: 'returned', returnReason: '通报周期应为每季度。', returnedById: A['he.min']!.id });
    await onMeeting(J.saveMinutes, 'li.wen', id, { minutes: '修改稿：按季度通报。' });
    const lateId = await addItem(id, 'chen.zhiqiang', '2026-12-31');
    const guest = (await J.getJointMeeting(t.prisma, A['he.min']!, id, TODAY))!;
    expect(guest.minutesDraft).toBeNull();
    expect(guest.minutes).toBe('会议形成以下共识：一、按月通报。');
    expect(guest.items.map((i) => i.id)).toEqual([itemId]);
    expect(await J.getConsensusItem(t.prisma, A['chen.zhiqiang']!, lateId, TODAY)).toBeNull();
    // The draft never reaches the guest's timeline either.
    expect(JSON.stringify(guest.timeline)).not.toContain('修改稿');
    expect(JSON.stringify(guest.timeline)).not.toContain('草稿');

    // Resubmitted and confirmed: final; both items open, each with its agree event and audit row.
    await onMeeting(J.submitMinutes, 'li.wen', id, { minutes: '会议形成以下共识：一、按季度通报。' });
    const cc = ctx();
    await onMeeting(J.confirmMinutes, 'he.min', id, {}, cc);
    expect(await meeting(id)).toMatchObject({ status: 'confirmed', minutes: '会议形成以下共识：一、按季度通报。', confirmedById: A['he.min']!.id });
    expect((await item(itemId)).status).toBe('open');
    expect((await item(lateId)).status).toBe('open');
    expect(await t.prisma.auditEvent.count({ where: { requestId: cc.requestId, action: 'ConsensusItem.agree' } })).toBe(2);
    expect(await t.prisma.workflowEvent.count({ where: { recordId: { in: [itemId, lateId] }, kind: 'agree', visibility: 'shared' } })).toBe(2);
    // Every submission is kept whole on the shared timeline.
    const submits = await t.prisma.workflowEvent.findMany({ where: { recordId: id, kind: 'submit' }, orderBy: { at: 'asc' } });
    expect(submits.map((e) => (e.data as { minutes: string }).minutes)).toEqual(['会议形成以下共识：一、按月通报。', '会议形成以下共识：一、按季度通报。']);
    // Confirmed minutes are never edited, by either side.
    await refused(() => onMeeting(J.saveMinutes, 'li.wen', id, { minutes: '改' }), StepError, { code: 'wrongState' });
    await refused(() => onMeeting(J.submitMinutes, 'li.wen', id, { minutes: '改' }), StepError, { code: 'wrongState' });
    await refused(() => addItem(id, 'jiang.tao', '2026-12-31'), StepError, { code: 'wrongState' });

    // Follow-up: the court's owner starts; the procuratorate urges only once it is overdue.
    await refused(() => onItem(J.urgeItem, 'li.wen', itemId, { comment: '' }), StepError, { code: 'notOverdue' });
    await refused(() => onItem(J.startItem, 'li.wen', itemId), ForbiddenError, { reason: 'institution' });
    await refused(() => onItem(J.startItem, 'lin.xue', itemId), ForbiddenError, { reason: 'notOwner' });
    await onItem(J.startItem, 'jiang.tao', itemId, { comment: '已开始梳理。' });
    expect((await item(itemId)).status).toBe('in_progress');
    const later = '2026-12-15';
    const row = (await J.listConsensusItems(t.prisma, A['jiang.tao']!, { owner: 'own', overdue: true }, later)).rows.find((r) => r.id === itemId)!;
    expect(row).toMatchObject({ dueDate: '2026-12-10', daysOverdue: 5, daysLeft: null, ownership: 'own' });
    expect((await J.listConsensusItems(t.prisma, A['jiang.tao']!, { owner: 'own', overdue: true }, TODAY)).rows.some((r) => r.id === itemId)).toBe(false);
    const uc = ctx(later);
    await onItem(J.urgeItem, 'li.wen', itemId, { comment: '请尽快通报。' }, uc);
    expect(await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: itemId, kind: 'urge' } })).toMatchObject({ visibility: 'shared', data: { comment: '请尽快通报。', dueDate: '2026-12-10', daysOverdue: 5 } });
    expect((await J.getConsensusItem(t.prisma, A['jiang.tao']!, itemId, later))!.urges).toHaveLength(1);

    // Done needs the outcome; dropping is for the owner's leaders.
    await refused(() => onItem(J.completeItem, 'jiang.tao', itemId, { outcome: '  ' }), ZodError);
    await refused(() => onItem(J.dropItem, 'jiang.tao', itemId, { reason: '不再需要' }), ForbiddenError, { reason: 'role' });
    await onItem(J.completeItem, 'jiang.tao', itemId, { outcome: '首次季度通报已送达。' }, ctx(later));
    expect(await item(itemId)).toMatchObject({ status: 'done', outcome: '首次季度通报已送达。' });
    await onItem(J.dropItem, 'chen.zhiqiang', lateId, { reason: '并入季度通报。' });
    expect(await item(lateId)).toMatchObject({ status: 'dropped', dropReason: '并入季度通报。' });
  });

  it('refuses a stale version and writes nothing', async () => {
    const { id } = await J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm(), ctx());
    const v = (await meeting(id)).version;
    await J.saveMinutes(t.prisma, A['li.wen']!, { id, version: v, minutes: '第一稿' }, ctx());
    await refused(() => J.saveMinutes(t.prisma, A['li.wen']!, { id, version: v, minutes: '第二稿' }, ctx()), ConflictError);
    expect((await meeting(id)).minutesDraft).toBe('第一稿');
  });

  it('bad input: a clear error naming the field, nothing stored', async () => {
    await refused(() => J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm({ heldOn: '2026-02-30' }), ctx()), ZodError);
    await refused(() => J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm({ heldOn: '2026-12-30' }), ctx()), FieldError, { field: 'heldOn', code: 'dateInFuture' });
    await refused(() => J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm({ guestsCourt: '没有职务的一行' }), ctx()), ZodError);
    await refused(
      () => J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm({ [`${ATTENDEE_PREFIX}${A['lin.xue']!.id}`]: '', guestsCourt: '' }), ctx()),
      FieldError,
      { field: 'attendeesCourt', code: 'noAttendee' },
    );
    // Someone of another court is no attendee of this pair; another district's court no counterpart.
    await refused(
      () => J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm({ [`${ATTENDEE_PREFIX}${A['far.president']!.id}`]: 'on', [`${ATTENDEE_TITLE_PREFIX}${A['far.president']!.id}`]: '院长' }), ctx()),
      FieldError,
      { field: `${ATTENDEE_PREFIX}${A['far.president']!.id}` },
    );
    await refused(() => J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm({ counterpartId: farCourtId }), ctx()), FieldError, { field: 'counterpartId' });
    await refused(() => J.recordJointMeeting(t.prisma, A['admin']!, meetingForm(), ctx()), ForbiddenError, { reason: 'notVisible' });
    const { id } = await J.recordJointMeeting(t.prisma, A['li.wen']!, meetingForm(), ctx());
    await refused(() => addItem(id, 'jiang.tao', '2026-11-01'), FieldError, { field: 'dueDate', code: 'dueBeforeMeeting' });
    await refused(() => addItem(id, 'far.president', '2026-12-01'), FieldError, { field: 'ownerId', code: 'invalidChoice' });
    await refused(() => addItem(id, 'jiang.tao', '2026-12-01', 'wu.yating'), ForbiddenError, { reason: 'notOwner' });
  });
});

describe('the demo seed', () => {
  it('holds the 2022 symposium with its consensus items, and two later meetings', async () => {
    const s = await t.prisma.jointMeeting.findFirstOrThrow({ where: { title: SYMPOSIUM_TITLE }, include: { attendees: true, consensusItems: true } });
    expect(s).toMatchObject({ kind: 'symposium', hostKind: 'PROCURATORATE', status: 'confirmed' });
    expect(s.heldOn.toISOString().slice(0, 10)).toBe('2022-09-21');
    expect(s.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(['刘晓明', '沈浩', '刘烈']));
    expect(new Set(s.consensusItems.map((i) => i.area))).toEqual(
      new Set(['committee_attendance', 'non_litigation_enforcement', 'recommendations', 'retrial_evidence', 'false_litigation', 'pension_fraud', 'other']),
    );
    expect(await t.prisma.jointMeeting.count({ where: { title: { in: DEMO_JOINT_MEETINGS.map((m) => m.title) } } })).toBe(3);
    // The court owns an overdue item of the autumn meeting, and its home count shows it.
    expect(await J.countConsensusItems(t.prisma, A['jiang.tao']!, { owner: 'own', overdue: true }, TODAY)).toBeGreaterThan(0);
    // The returned consultation: the court sees what was submitted, never the revision.
    const c = await t.prisma.jointMeeting.findFirstOrThrow({ where: { kind: 'consultation' } });
    expect(c.status).toBe('returned');
    const seen = (await J.getJointMeeting(t.prisma, A['he.min']!, c.id, TODAY))!;
    expect(seen.minutesDraft).toBeNull();
    expect(seen.minutes).toContain('十个工作日');
    expect((await J.getJointMeeting(t.prisma, A['wu.yating']!, c.id, TODAY))!.minutesDraft).toContain('十五个工作日');
    // Replaying the seed adds nothing.
    expect(await seedJointMeetings(t.prisma, { today: TODAY })).toEqual({ added: 0, existing: 3 });
  });
});
