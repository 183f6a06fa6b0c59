/**
 * The procurator-general attending the adjudication committee, against the real database (PGlite by
 * default, PostgreSQL with TEST_DATABASE_URL): the whole flow, who sees the meeting and its
 * confidential materials, the attendee rule, quorum, version conflicts, bad input, requests to
 * attend, the timeline and audit rows, and the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import * as C from '@/lib/data/committee';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { notifiedMeeting, scheduledMeeting } from '@/prisma/seed/builders';
import { seedCommittee } from '@/prisma/seed/committee';
import { openSeededTestDb, type TestDb } from './support';
import { servedBytes, upload } from '@/tests/support/files';

let t: TestDb;
const A: Record<string, Actor> = {};
let procId = '';
let courtId = '';

const PEOPLE = ['li.wen', 'wu.yating', 'zhao.mingyuan', 'qian.hui', 'sun.lixin', 'lin.xue', 'xu.jing', 'wang.jianguo', 'he.min', 'admin'];
const TODAY = '2026-11-27';

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
  for (const username of PEOPLE) {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    const a = await loadActor(t.prisma, u.id);
    if (!a) throw new Error(`no actor for ${username}`);
    A[username] = a;
  }
  procId = A['li.wen']!.institutionId;
  courtId = A['xu.jing']!.institutionId;
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

let rid = 0;
/** 10:00 China time on `today` unless said otherwise. */
function ctx(now = new Date(`${TODAY}T02:00:00.000Z`), today = TODAY): WorkflowContext & { requestId: string } {
  return { today, now, requestId: `req-cm-${++rid}` };
}
/** The meeting days: 3 December 2026 at 09:30 in China, and a later clock after it. */
const MEETING_LOCAL = '2026-12-03T09:30';
const AFTER = () => ctx(new Date('2026-12-03T06:00:00.000Z'), '2026-12-03');

const file = (name = '审理报告.txt', text = '【密件】审理报告摘要', mimeType = 'text/plain') => upload({ fileName: name, mimeType, bytes: new TextEncoder().encode(text) });

const meetingInput = (over: Record<string, unknown> = {}) => ({
  procuratorateId: procId,
  scheduledAt: MEETING_LOCAL,
  location: '审判委员会会议室',
  'items.0.courtCaseNumber': '(2025)青0103民初4410号',
  'items.0.title': '周某某与韩某某房屋租赁合同纠纷',
  'items.0.trigger': 'protested',
  ...over,
});

const meeting = (id: string) => t.prisma.committeeMeeting.findUniqueOrThrow({ where: { id } });
const version = async (id: string) => (await meeting(id)).version;
const counts = async () => ({
  meetings: await t.prisma.committeeMeeting.count(),
  items: await t.prisma.committeeAgendaItem.count(),
  events: await t.prisma.workflowEvent.count(),
  audits: await t.prisma.auditEvent.count(),
  attachments: await t.prisma.attachment.count(),
  requests: await t.prisma.attendanceRequest.count(),
});

type Cmd = (prisma: TestDb['prisma'], actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<unknown>;
async function step(cmd: Cmd, who: string, id: string, extra: Record<string, unknown> = {}, c = ctx()) {
  return cmd(t.prisma, A[who]!, { id, version: await version(id), ...extra }, c);
}

async function schedule(over: Record<string, unknown> = {}, who = 'xu.jing') {
  return (await scheduledMeeting(t.prisma, A[who]!, meetingInput(over), ctx())).id;
}
async function notified(over: Record<string, unknown> = {}) {
  return (await notifiedMeeting(t.prisma, { clerk: A['xu.jing']!, input: meetingInput(over), ctx })).id;
}
async function named(attendee = 'zhao.mingyuan') {
  const h = await notifiedMeeting(t.prisma, { clerk: A['xu.jing']!, input: meetingInput({ files: [file()] }), ctx, leader: A['zhao.mingyuan']!, attendee: A[attendee]! });
  return h.id;
}

const outcome = (over: Record<string, unknown> = {}) => ({
  membersTotal: '13',
  membersPresent: '9',
  chairName: '王建国',
  minutes: '应到13人，实到9人。列席检察长在承办法官汇报后发表意见，不参加表决。',
  'opinion.1': '建议依法再审。',
  'decision.1': '决定再审。',
  ...over,
});

async function expectNothingWritten(fn: () => Promise<unknown>, err: unknown) {
  const before = await counts();
  await expect(fn()).rejects.toBeInstanceOf(err as never);
  expect(await counts()).toEqual(before);
}

// ---------------------------------------------------------------------------------------------

describe('the whole flow', () => {
  it('schedule → notify → name attendee → held → recorded → confirmed, with timeline and audit', async () => {
    const id = await schedule({ files: [file('审理报告.txt'), file('合议庭意见.txt', '合议庭意见')] });
    let m = await meeting(id);
    expect(m).toMatchObject({ status: 'scheduled', courtId, procuratorateId: procId, createdById: A['xu.jing']!.id, version: 1, notifiedAt: null });
    expect(m.scheduledAt.toISOString()).toBe('2026-12-03T01:30:00.000Z');
    const items = await t.prisma.committeeAgendaItem.findMany({ where: { meetingId: id } });
    expect(items).toHaveLength(1);
    // Linked to the procuratorate's supervision case on this court case number (城中检民再监〔2026〕1号).
    const sc = await t.prisma.supervisionCase.findFirstOrThrow({ where: { courtCaseNumber: '(2025)青0103民初4410号' } });
    expect(items[0]).toMatchObject({ position: 1, trigger: 'protested', caseId: sc.id });
    expect(await t.prisma.attachment.count({ where: { recordType: 'CommitteeMeeting', recordId: id } })).toBe(2);

    await step(C.notify, 'xu.jing', id);
    await step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['qian.hui']!.id });
    m = await meeting(id);
    expect(m).toMatchObject({ status: 'attendee_named', attendeeId: A['qian.hui']!.id, version: 3 });
    expect(m.notifiedAt).not.toBeNull();

    // Not before the meeting's time.
    await expect(step(C.hold, 'xu.jing', id)).rejects.toEqual(new StepError('meetingNotYetDue'));
    await step(C.hold, 'xu.jing', id, {}, AFTER());
    await step(C.recordOutcome, 'xu.jing', id, outcome(), AFTER());
    m = await meeting(id);
    expect(m).toMatchObject({ status: 'recorded', membersTotal: 13, membersPresent: 9, chairName: '王建国' });
    expect(await t.prisma.committeeAgendaItem.findFirst({ where: { meetingId: id } })).toMatchObject({ attendeeOpinion: '建议依法再审。', decision: '决定再审。' });

    // Corrections before confirmation are recorded steps too.
    await step(C.recordOutcome, 'wang.jianguo', id, outcome({ 'decision.1': '决定依照审判监督程序再审。' }), AFTER());
    // A procurator who is not the attendee may not confirm; the attendee may.
    await expect(step(C.confirm, 'li.wen', id, {}, AFTER())).rejects.toBeInstanceOf(ForbiddenError);
    await step(C.confirm, 'qian.hui', id, { comment: '记录与列席情况一致。' }, AFTER());
    m = await meeting(id);
    expect(m).toMatchObject({ status: 'confirmed', confirmedById: A['qian.hui']!.id });
    // Frozen: the court cannot record again.
    await expect(step(C.recordOutcome, 'xu.jing', id, outcome(), AFTER())).rejects.toEqual(new StepError('wrongState'));

    const events = await t.prisma.workflowEvent.findMany({ where: { recordType: 'CommitteeMeeting', recordId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.visibility, e.toStatus])).toEqual([
      ['schedule', 'internal', 'scheduled'],
      ['notify', 'shared', 'notified'],
      ['nameAttendee', 'shared', 'attendee_named'],
      ['hold', 'shared', 'held'],
      ['recordOutcome', 'shared', 'recorded'],
      ['recordOutcome', 'shared', 'recorded'],
      ['confirm', 'shared', 'confirmed'],
    ]);
    expect(events.every((e) => e.caseId === sc.id)).toBe(true);
    // The events never carry file names (the materials are confidential).
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('审理报告');
    const audits = await t.prisma.auditEvent.findMany({ where: { recordType: 'CommitteeMeeting', recordId: id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual([
      'attachment.add',
      'attachment.add',
      'CommitteeMeeting.schedule',
      'CommitteeMeeting.notify',
      'CommitteeMeeting.nameAttendee',
      'CommitteeMeeting.hold',
      'CommitteeMeeting.recordOutcome',
      'CommitteeMeeting.recordOutcome',
      'CommitteeMeeting.confirm',
    ]);
    expect(audits.find((a) => a.action === 'CommitteeMeeting.notify')?.requestId).toMatch(/^req-cm-/);

    // The procuratorate's timeline: shared events only (the court's internal scheduling is not shown).
    const view = await C.getMeeting(t.prisma, A['li.wen']!, id, AFTER());
    expect(view!.timeline.map((e) => e.kind)).toEqual(['notify', 'nameAttendee', 'hold', 'recordOutcome', 'recordOutcome', 'confirm']);
    const courtView = await C.getMeeting(t.prisma, A['xu.jing']!, id, AFTER());
    expect(courtView!.timeline[0]!.kind).toBe('schedule');
    expect(courtView!.items[0]!.case).toBeNull(); // the court never sees the procuratorate's case
    expect(view!.items[0]!.case?.id).toBe(sc.id);
  });

  it('cancel before the meeting, with a reason; not after it was held', async () => {
    const id = await notified();
    await expect(step(C.cancel, 'xu.jing', id, { reason: '' })).rejects.toBeInstanceOf(ZodError);
    await expect(step(C.cancel, 'zhao.mingyuan', id, { reason: '法院取消' })).rejects.toBeInstanceOf(ForbiddenError);
    await step(C.cancel, 'xu.jing', id, { reason: '当事人和解撤诉，本次会议取消。' });
    expect((await meeting(id)).status).toBe('cancelled');
    // The procuratorate still sees it (it was notified) with the reason.
    const v = await C.getMeeting(t.prisma, A['li.wen']!, id, ctx());
    expect(v!.timeline.at(-1)).toMatchObject({ kind: 'cancel', data: { reason: '当事人和解撤诉，本次会议取消。' } });

    const held = await named();
    await step(C.hold, 'xu.jing', held, {}, AFTER());
    await expect(step(C.cancel, 'xu.jing', held, { reason: '太晚了' }, AFTER())).rejects.toEqual(new StepError('wrongState'));
  });

  it('court steps are for the clerk who scheduled the meeting or a court leader', async () => {
    const id = await schedule();
    await expect(step(C.notify, 'lin.xue', id)).rejects.toBeInstanceOf(ForbiddenError);
    await step(C.notify, 'he.min', id);
    expect((await meeting(id)).status).toBe('notified');
  });

  it('materials can be added while the meeting is open; the event says how many, not which', async () => {
    const id = await notified();
    await step(C.uploadMaterial, 'xu.jing', id, { files: [file('补充材料.txt', '补充')] });
    const e = await t.prisma.workflowEvent.findFirstOrThrow({ where: { recordId: id, kind: 'uploadMaterial' } });
    expect(e).toMatchObject({ visibility: 'shared', data: { fileCount: 1 } });
    await expectNothingWritten(() => step(C.uploadMaterial, 'xu.jing', id, { files: [file('x.exe', 'MZ', 'application/x-msdownload')] }), FieldError);
    await expect(step(C.uploadMaterial, 'xu.jing', id, { files: [] })).rejects.toBeInstanceOf(ZodError);
  });
});

describe('who sees what', () => {
  it('the procuratorate does not see a meeting before it is notified', async () => {
    const id = await schedule({ files: [file()] });
    for (const who of ['li.wen', 'zhao.mingyuan']) {
      await expect(C.getMeeting(t.prisma, A[who]!, id, ctx())).resolves.toBeNull();
      expect((await C.listMeetings(t.prisma, A[who]!, { today: TODAY })).rows.some((r) => r.id === id)).toBe(false);
    }
    const att = await t.prisma.attachment.findFirstOrThrow({ where: { recordId: id } });
    await expect(C.downloadMaterial(t.prisma, A['zhao.mingyuan']!, id, att.id)).resolves.toBeNull();
    // It cannot name an attendee either.
    await expect(step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['zhao.mingyuan']!.id })).rejects.toBeInstanceOf(ForbiddenError);
    // The court does.
    expect((await C.listMeetings(t.prisma, A['lin.xue']!, { today: TODAY })).rows.some((r) => r.id === id)).toBe(true);
    // After notification it does.
    await step(C.notify, 'xu.jing', id);
    expect((await C.listMeetings(t.prisma, A['li.wen']!, { today: TODAY })).rows.some((r) => r.id === id)).toBe(true);
  });

  it('materials: the named attendee and leaders yes; a procurator who is not named no (not even listed)', async () => {
    const id = await named('zhao.mingyuan');
    const att = await t.prisma.attachment.findFirstOrThrow({ where: { recordId: id } });

    const procurator = await C.getMeeting(t.prisma, A['li.wen']!, id, ctx());
    expect(procurator!.materials).toBeNull();
    expect(procurator!.materialCount).toBeNull();
    await expect(C.downloadMaterial(t.prisma, A['li.wen']!, id, att.id)).rejects.toBeInstanceOf(ForbiddenError);

    const attendee = await C.getMeeting(t.prisma, A['zhao.mingyuan']!, id, ctx());
    expect(attendee!.materials!.map((a) => a.fileName)).toEqual(['审理报告.txt']);
    const got = await C.downloadMaterial(t.prisma, A['zhao.mingyuan']!, id, att.id, { requestId: 'dl-1' });
    expect(new TextDecoder().decode(await servedBytes(got))).toBe('【密件】审理报告摘要');
    expect(await t.prisma.auditEvent.count({ where: { action: 'attachment.download', recordId: id, requestId: 'dl-1' } })).toBe(1);

    expect((await C.getMeeting(t.prisma, A['sun.lixin']!, id, ctx()))!.materials).toHaveLength(1);
    expect((await C.getMeeting(t.prisma, A['lin.xue']!, id, ctx()))!.materials).toHaveLength(1);
    await expect(C.getMeeting(t.prisma, A['admin']!, id, ctx())).rejects.toBeInstanceOf(ForbiddenError);

    // A file of another record is not served through this meeting.
    const other = await named();
    const foreign = await t.prisma.attachment.findFirstOrThrow({ where: { recordId: other } });
    expect(await C.downloadMaterial(t.prisma, A['zhao.mingyuan']!, id, foreign.id)).toBeNull();
    expect(await C.downloadMaterial(t.prisma, A['zhao.mingyuan']!, id, 'not-a-uuid')).toBeNull();
  });
});

describe('naming the attendee', () => {
  it('only a procuratorate leader may be named (the procurator-general or an entrusted deputy)', async () => {
    const id = await notified();
    // Who may attend is the policy's (decideAttendee): a procurator is refused as ForbiddenError, not a field error.
    await expectNothingWritten(() => step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['li.wen']!.id }), ForbiddenError);
    await expect(step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['li.wen']!.id })).rejects.toMatchObject({ name: 'ForbiddenError', action: 'CommitteeMeeting.attendee', reason: 'role' });
    // Someone of the court is not the procuratorate's to name.
    await expect(step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['wang.jianguo']!.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: '00000000-0000-4000-8000-000000000000' })).rejects.toEqual(new FieldError('attendeeId', 'invalidChoice'));
    // A procurator may not name anyone.
    await expect(step(C.nameAttendee, 'li.wen', id, { attendeeId: A['zhao.mingyuan']!.id })).rejects.toBeInstanceOf(ForbiddenError);
    await step(C.nameAttendee, 'qian.hui', id, { attendeeId: A['qian.hui']!.id });
    // Re-named before the meeting (the procurator-general decides to go himself).
    await step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['zhao.mingyuan']!.id });
    expect((await meeting(id)).attendeeId).toBe(A['zhao.mingyuan']!.id);
    const options = (await C.getMeeting(t.prisma, A['zhao.mingyuan']!, id, ctx()))!.attendeeOptions.map((u) => u.id).sort();
    expect(options).toEqual([A['zhao.mingyuan']!.id, A['qian.hui']!.id, A['sun.lixin']!.id].sort());
  });
});

describe('recording the outcome', () => {
  it('quorum not met, present above total, missing item texts → the field is named, nothing written', async () => {
    const id = await named();
    await step(C.hold, 'xu.jing', id, {}, AFTER());
    const v = await version(id);
    const run = (over: Record<string, unknown>) => C.recordOutcome(t.prisma, A['xu.jing']!, { id, version: v, ...outcome(over) }, AFTER());
    await expectNothingWritten(() => run({ membersPresent: '6', membersTotal: '13' }), FieldError);
    await expect(run({ membersPresent: '6', membersTotal: '12' })).rejects.toEqual(new FieldError('membersPresent', 'quorumNotMet'));
    await expect(run({ membersPresent: '14' })).rejects.toEqual(new FieldError('membersPresent', 'presentExceedsTotal'));
    await expect(run({ 'opinion.1': '' })).rejects.toEqual(new FieldError('opinion.1', 'required'));
    await expect(run({ 'decision.1': undefined })).rejects.toEqual(new FieldError('decision.1', 'required'));
    await expect(run({ chairName: '' })).rejects.toBeInstanceOf(ZodError);
    expect(await meeting(id)).toMatchObject({ status: 'held', membersTotal: null, version: v });
    await run({ membersPresent: '7' });
    expect(await meeting(id)).toMatchObject({ status: 'recorded', membersPresent: 7 });
  });
});

describe('concurrency and bad input', () => {
  it('two people with the same version: one wins, the other gets ConflictError', async () => {
    const id = await schedule();
    const v = await version(id);
    await C.notify(t.prisma, A['xu.jing']!, { id, version: v }, ctx());
    await expect(C.notify(t.prisma, A['wang.jianguo']!, { id, version: v }, ctx())).rejects.toBeInstanceOf(ConflictError);
    // A stale version on a valid step is a conflict, too.
    await expect(C.cancel(t.prisma, A['xu.jing']!, { id, version: v, reason: '取消' }, ctx())).rejects.toBeInstanceOf(ConflictError);
    expect(await meeting(id)).toMatchObject({ status: 'notified', version: v + 1 });
  });

  it('scheduling: bad input names the field and writes nothing', async () => {
    const bad: [Record<string, unknown>, unknown][] = [
      [{ scheduledAt: '2026-02-30T09:30' }, ZodError],
      [{ scheduledAt: '03/12/2026' }, ZodError],
      [{ scheduledAt: '2026-11-20T09:30' }, FieldError], // in the past
      [{ 'items.0.courtCaseNumber': '青0103民初4410' }, ZodError],
      [{ 'items.0.trigger': 'whatever' }, ZodError],
      [{ location: 'x'.repeat(201) }, ZodError],
      [{ 'items.0.courtCaseNumber': undefined, 'items.0.title': undefined, 'items.0.trigger': undefined }, ZodError],
      [{ procuratorateId: courtId }, FieldError],
      [{ files: [file('virus.exe', 'MZ', 'application/x-msdownload')] }, FieldError],
      [{ 'items.1.courtCaseNumber': '(2025)青0103民初4410号', 'items.1.title': '重复', 'items.1.trigger': 'invited' }, FieldError],
    ];
    for (const [over, err] of bad) {
      await expectNothingWritten(() => C.scheduleMeeting(t.prisma, A['xu.jing']!, meetingInput(over), ctx()), err);
    }
    await expect(C.scheduleMeeting(t.prisma, A['xu.jing']!, meetingInput({ scheduledAt: '2026-11-20T09:30' }), ctx())).rejects.toEqual(new FieldError('scheduledAt', 'scheduledInPast'));
    await expect(C.scheduleMeeting(t.prisma, A['xu.jing']!, meetingInput({ files: [file('a.exe', 'x', 'application/x-msdownload')] }), ctx())).rejects.toEqual(new FieldError('files', 'attachmentType'));
    try {
      await C.scheduleMeeting(t.prisma, A['xu.jing']!, meetingInput({ 'items.0.courtCaseNumber': 'abc' }), ctx());
      expect.unreachable();
    } catch (e) {
      expect((e as ZodError).issues[0]!.path).toEqual(['items', 0, 'courtCaseNumber']);
    }
  });

  it('the procuratorate and the administrator cannot schedule', async () => {
    for (const who of ['li.wen', 'zhao.mingyuan', 'admin']) {
      await expectNothingWritten(() => C.scheduleMeeting(t.prisma, A[who]!, meetingInput(), ctx()), ForbiddenError);
    }
  });
});

describe('requests to attend', () => {
  it('a procurator asks; a court leader accepts, linking a meeting; the other side sees it all', async () => {
    const sc = await t.prisma.supervisionCase.findFirstOrThrow({ where: { courtCaseNumber: '(2025)青0103民初4410号' } });
    const { id } = await C.requestAttendance(t.prisma, A['li.wen']!, { courtId, courtCaseNumber: '(2025)青0103民初4410号', reason: '该案系本院提出再审检察建议的案件，申请列席。', caseId: sc.id }, ctx());
    expect((await C.listRequests(t.prisma, A['xu.jing']!)).rows.some((r) => r.id === id)).toBe(true);
    const req = () => t.prisma.attendanceRequest.findUniqueOrThrow({ where: { id } });
    const v = (await req()).version;
    // Court staff may not answer; nor the procuratorate.
    await expect(C.answerRequest(t.prisma, A['xu.jing']!, { id, version: v, step: 'accept' }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(C.answerRequest(t.prisma, A['zhao.mingyuan']!, { id, version: v, step: 'accept' }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    // A meeting of another procuratorate's business or already over cannot be linked.
    const done = await named();
    await step(C.cancel, 'xu.jing', done, { reason: '取消' });
    await expectNothingWritten(() => C.answerRequest(t.prisma, A['wang.jianguo']!, { id, version: v, step: 'accept', meetingId: done }, ctx()), FieldError);
    const m = await schedule({ 'items.0.trigger': 'requested' });
    await C.answerRequest(t.prisma, A['wang.jianguo']!, { id, version: v, step: 'accept', answer: '同意列席。', meetingId: m }, ctx());
    expect(await req()).toMatchObject({ status: 'accepted', meetingId: m, answeredById: A['wang.jianguo']!.id, answer: '同意列席。' });
    // Answered once.
    await expect(C.answerRequest(t.prisma, A['he.min']!, { id, version: v + 1, step: 'decline', answer: '不同意' }, ctx())).rejects.toEqual(new StepError('wrongState'));
    // The procuratorate does not see the link to a meeting it has not been notified of yet.
    expect((await C.getRequest(t.prisma, A['li.wen']!, id))!.meeting).toBeNull();
    expect((await C.getRequest(t.prisma, A['wang.jianguo']!, id))!.meeting?.id).toBe(m);
    await step(C.notify, 'xu.jing', m);
    expect((await C.getRequest(t.prisma, A['li.wen']!, id))!.meeting?.id).toBe(m);
    const events = await t.prisma.workflowEvent.findMany({ where: { recordType: 'AttendanceRequest', recordId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.visibility, e.caseId])).toEqual([
      ['request', 'shared', sc.id],
      ['accept', 'shared', sc.id],
    ]);
  });

  it('a decline needs reasons; the court cannot ask; bad input names the field and writes nothing', async () => {
    const { id } = await C.requestAttendance(t.prisma, A['zhao.mingyuan']!, { courtId, courtCaseNumber: '(2026)青0103刑初215号', reason: '可能宣告无罪的公诉案件，申请列席。' }, ctx());
    await expectNothingWritten(() => C.answerRequest(t.prisma, A['he.min']!, { id, version: 1, step: 'decline', answer: ' ' }, ctx()), ZodError);
    await C.answerRequest(t.prisma, A['he.min']!, { id, version: 1, step: 'decline', answer: '该案不提交审判委员会讨论。' }, ctx());
    expect((await t.prisma.attendanceRequest.findUniqueOrThrow({ where: { id } })).status).toBe('declined');

    await expectNothingWritten(() => C.requestAttendance(t.prisma, A['xu.jing']!, { courtId, courtCaseNumber: '(2026)青0103刑初215号', reason: 'x' }, ctx()), ForbiddenError);
    await expectNothingWritten(() => C.requestAttendance(t.prisma, A['li.wen']!, { courtId, courtCaseNumber: '2026刑初215', reason: '' }, ctx()), ZodError);
    await expectNothingWritten(() => C.requestAttendance(t.prisma, A['li.wen']!, { courtId: procId, courtCaseNumber: '(2026)青0103刑初215号', reason: 'x' }, ctx()), FieldError);
    // A supervision case of another institution → forbidden.
    const otherProc = await t.prisma.institution.create({ data: { kind: 'PROCURATORATE', name: '城北区人民检察院', nameEn: 'Chengbei', regionCode: '630105', code: '城北检' } });
    const foreign = await t.prisma.supervisionCase.create({
      data: { institutionId: otherProc.id, number: '城北检民监〔2026〕1号', kind: 'civil', title: '外院案件', parties: '甲、乙', handlerId: A['li.wen']!.id },
    });
    await expectNothingWritten(() => C.requestAttendance(t.prisma, A['li.wen']!, { courtId, courtCaseNumber: '(2026)青0103刑初215号', reason: 'x', caseId: foreign.id }, ctx()), ForbiddenError);
  });
});

describe('lists and flags', () => {
  it('days until the meeting; a meeting without attendee is flagged from 1 day before', async () => {
    const id = await notified({ scheduledAt: '2026-11-28T15:00' });
    const row = (await C.listMeetings(t.prisma, A['zhao.mingyuan']!, { today: TODAY })).rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ daysUntil: 1, attendeeMissing: true, waitingOn: 'procuratorate', open: true });
    await step(C.nameAttendee, 'zhao.mingyuan', id, { attendeeId: A['zhao.mingyuan']!.id });
    const again = (await C.listMeetings(t.prisma, A['zhao.mingyuan']!, { today: TODAY })).rows.find((r) => r.id === id)!;
    expect(again).toMatchObject({ attendeeMissing: false, attendee: { name: '赵明远' } });
    const later = (await C.listMeetings(t.prisma, A['zhao.mingyuan']!, { today: '2026-11-20' })).rows.find((r) => r.id === id)!;
    expect(later.daysUntil).toBe(8);
  });
});

describe('demo seed', () => {
  it('writes seven meetings and three requests, replayed through the rules; a second run writes nothing', async () => {
    // seed() already ran seedCommittee in the seeded template: the demo meetings are there, and another
    // run — the same day or a later one — writes nothing.
    const after = await counts();
    expect(after.meetings).toBeGreaterThanOrEqual(7);
    expect(after.requests).toBeGreaterThanOrEqual(3);
    expect(await seedCommittee(t.prisma, { today: TODAY })).toEqual({ meetingsAdded: 0, requestsAdded: 0 });
    expect(await seedCommittee(t.prisma, { today: '2027-03-15' })).toEqual({ meetingsAdded: 0, requestsAdded: 0 });
    expect(await counts()).toEqual(after);

    const rows = (await C.listMeetings(t.prisma, A['xu.jing']!, { today: TODAY })).rows;
    const seeded = rows.filter((r) => r.items.some((i) => ['(2026)青0103刑初88号', '(2026)青0103刑初215号', '(2026)青0103民初877号', '(2025)青0103民初2117号', '(2025)青0103行初112号', '(2025)青0103民初5521号'].includes(i.courtCaseNumber) || i.title.includes('检察机关申请列席')));
    expect(seeded.map((r) => r.status).sort()).toEqual(['attendee_named', 'cancelled', 'confirmed', 'confirmed', 'notified', 'recorded', 'scheduled']);
    expect(seeded.find((r) => r.status === 'notified')).toMatchObject({ daysUntil: 1, attendeeMissing: true });
    const upcoming = seeded.find((r) => r.status === 'attendee_named')!;
    expect(upcoming.attendee?.name).toBe('赵明远');
    expect(upcoming.daysUntil).toBeGreaterThan(0);
    const v = await C.getMeeting(t.prisma, A['zhao.mingyuan']!, upcoming.id, ctx());
    expect(v!.materials).toHaveLength(2);
    expect((await C.getMeeting(t.prisma, A['li.wen']!, upcoming.id, ctx()))!.materials).toBeNull();
    // The not-yet-notified one is the court's alone.
    const scheduled = seeded.find((r) => r.status === 'scheduled')!;
    await expect(C.getMeeting(t.prisma, A['li.wen']!, scheduled.id, ctx())).resolves.toBeNull();
    // Confirmed ones carry opinions and decisions for every item; quorum holds.
    for (const r of seeded.filter((x) => x.status === 'confirmed')) {
      const m = await C.getMeeting(t.prisma, A['zhao.mingyuan']!, r.id, ctx());
      expect(m!.membersPresent! * 2).toBeGreaterThan(m!.membersTotal!);
      for (const it of m!.items) expect(it.attendeeOpinion && it.decision).toBeTruthy();
      expect(m!.timeline.map((e) => e.kind)).toEqual(['notify', 'nameAttendee', 'hold', 'recordOutcome', 'confirm']);
    }
    const reqs = (await C.listRequests(t.prisma, A['wang.jianguo']!)).rows;
    const statuses = reqs.filter((r) => ['(2025)青0103行初45号', '(2026)青0103执562号'].includes(r.courtCaseNumber) || r.reason.includes('再审检察建议，申请人提交了'));
    expect(statuses.map((r) => r.status).sort()).toEqual(['accepted', 'declined', 'pending']);
  });
});
