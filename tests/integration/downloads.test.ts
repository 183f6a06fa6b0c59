/**
 * The two download routes' data functions against the real database, through to the response the
 * route sends: committee materials (`downloadMaterial`) and retrial evidence files
 * (`readEvidenceAttachment`). Who gets the bytes (with their type and a safe file name), who is
 * refused (ForbiddenError → the localized 403), and which ids are unknown (null → 404). The HTTP
 * side (status codes, the sign-in redirect) is in tests/e2e/downloads.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as C from '@/lib/data/committee';
import * as R from '@/lib/data/retrial';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { downloadResponse, type DownloadFile } from '@/lib/web/download';
import { upload } from '@/tests/support/files';
import { ensureInstitution, ensureUser } from '@/prisma/seed/builders';
import { seed } from '@/prisma/seed/seed';
import { actorOf, openTestDb, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
const TODAY = '2026-11-27';
const PEOPLE = ['li.wen', 'zhao.mingyuan', 'sun.lixin', 'lin.xue', 'xu.jing', 'wang.jianguo', 'admin'];
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let rid = 0;
const ctx = () => ({ today: TODAY, now: new Date(`${TODAY}T02:00:00.000Z`), requestId: `req-dl-${++rid}` });

const MATERIAL = { fileName: '审理报告（摘要）"终稿".txt', text: '【密件】合议庭对非法占有目的存在分歧。', mimeType: 'text/plain' };
const EVIDENCE = { fileName: '银行流水 2024-03.pdf', text: '%PDF-1.4 银行流水（示例）', mimeType: 'application/pdf' };

/** A meeting with one material, notified, with the procurator-general named attendee. */
async function meetingWithMaterial(file = MATERIAL) {
  const { id } = await C.scheduleMeeting(
    t.prisma,
    A['xu.jing']!,
    {
      procuratorateId: A['li.wen']!.institutionId,
      scheduledAt: '2026-12-03T09:30',
      location: '审判委员会会议室',
      'items.0.courtCaseNumber': '(2025)青0103民初4410号',
      'items.0.title': '周某某与韩某某房屋租赁合同纠纷',
      'items.0.trigger': 'protested',
      files: [upload({ fileName: file.fileName, mimeType: file.mimeType, bytes: new TextEncoder().encode(file.text) })],
    },
    ctx(),
  );
  const v = async () => (await t.prisma.committeeMeeting.findUniqueOrThrow({ where: { id } })).version;
  await C.notify(t.prisma, A['xu.jing']!, { id, version: await v() }, ctx());
  await C.nameAttendee(t.prisma, A['zhao.mingyuan']!, { id, version: await v(), attendeeId: A['zhao.mingyuan']!.id }, ctx());
  const att = await t.prisma.attachment.findFirstOrThrow({ where: { recordType: 'CommitteeMeeting', recordId: id } });
  return { id, attachmentId: att.id };
}

/** A protest with one evidence item carrying a file. */
async function matterWithEvidence(file = EVIDENCE) {
  const { id } = await R.fileMatter(
    t.prisma,
    A['li.wen']!,
    {
      kind: 'protest',
      courtId: A['lin.xue']!.institutionId,
      courtCaseNumber: '(2025)青0103民初7001号',
      title: '测试抗诉案',
      parties: '申诉人：甲；被申诉人：乙',
      judgmentEffectiveOn: '2026-03-02',
      filedOn: '2026-11-02',
    },
    ctx(),
  );
  const r = (await R.addEvidenceItem(
    t.prisma,
    A['li.wen']!,
    {
      id,
      version: 1,
      description: '新证据第1项：银行流水',
      formedOn: '2025-05-01',
      foundOn: '2026-09-10',
      ground: 'found_late_objective',
      groundExplanation: '原审期间客观上无法取得。',
      file: upload({ fileName: file.fileName, mimeType: file.mimeType, bytes: new TextEncoder().encode(file.text) }),
    },
    ctx(),
  )) as unknown as { attachmentId: string };
  return { id, attachmentId: r.attachmentId };
}

/** What the route would send for a file the data function returned. */
async function served(file: DownloadFile | null) {
  expect(file, 'the data function returned no file').not.toBeNull();
  const res = downloadResponse(file!);
  const disposition = res.headers.get('content-disposition')!;
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)$/.exec(disposition)![1]!);
  return { status: res.status, type: res.headers.get('content-type'), disposition, name, text: await res.text() };
}

const downloads = (recordId: string) => t.prisma.auditEvent.count({ where: { action: 'attachment.download', recordId } });
/** The refused downloads audited on a record, as actor → outcome. */
const refusals = async (recordId: string) =>
  (await t.prisma.auditEvent.findMany({ where: { action: 'attachment.downloadRefused', recordId }, orderBy: { id: 'asc' } })).map((r) => ({
    actorId: r.actorId,
    ...(r.summary as { attachmentId: string; outcome: string }),
  }));

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.prisma, () => {}, { today: TODAY });
  for (const username of PEOPLE) A[username] = await actorOf(t.prisma, username);
  // A neighbouring district's court and procuratorate, one person each.
  const otherCourt = await ensureInstitution(t.prisma, { code: '青0104', kind: 'COURT', name: '城东区人民法院', nameEn: 'Chengdong District People’s Court', regionCode: '630102' });
  const otherProc = await ensureInstitution(t.prisma, { code: '城东检', kind: 'PROCURATORATE', name: '城东区人民检察院', nameEn: 'Chengdong District People’s Procuratorate', regionCode: '630102' });
  await ensureUser(t.prisma, { username: 'gao.feng', name: '高峰', role: 'COURT_STAFF', institutionId: otherCourt.id, password: 'Liaison-demo-2026' });
  await ensureUser(t.prisma, { username: 'luo.qing', name: '罗青', role: 'PROCURATORATE_LEADER', institutionId: otherProc.id, password: 'Liaison-demo-2026' });
  A['gao.feng'] = await actorOf(t.prisma, 'gao.feng');
  A['luo.qing'] = await actorOf(t.prisma, 'luo.qing');
});
afterAll(async () => {
  await t?.close();
});

describe('committee materials (downloadMaterial)', () => {
  it('the named attendee, a procuratorate leader and the court get the bytes, typed, under their own name; each download is audited', async () => {
    const { id, attachmentId } = await meetingWithMaterial();
    for (const who of ['zhao.mingyuan', 'sun.lixin', 'xu.jing', 'lin.xue', 'wang.jianguo']) {
      const before = await downloads(id);
      const got = await served(await C.downloadMaterial(t.prisma, A[who]!, id, attachmentId, { requestId: `dl-${who}` }));
      expect(got, who).toMatchObject({ status: 200, type: 'text/plain', name: MATERIAL.fileName, text: MATERIAL.text });
      // The quotes of the name stay out of the plain filename parameter.
      expect(got.disposition, who).toMatch(/^attachment; filename="[^"]*"; filename\*=/);
      expect(await downloads(id), who).toBe(before + 1);
      const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.download', recordId: id, requestId: `dl-${who}` } });
      expect(audit).toMatchObject({ actorId: A[who]!.id, summary: { attachmentId, fileName: MATERIAL.fileName } });
    }
  });

  it('a procurator who sees the meeting but is not the named attendee is refused; the refusal is audited', async () => {
    const { id, attachmentId } = await meetingWithMaterial();
    const before = await downloads(id);
    await expect(C.downloadMaterial(t.prisma, A['li.wen']!, id, attachmentId, { requestId: 'dl-refused' })).rejects.toMatchObject(
      new ForbiddenError('CommitteeMeeting.attachment', 'notVisible'),
    );
    expect(await downloads(id)).toBe(before);
    expect(await refusals(id)).toEqual([{ actorId: A['li.wen']!.id, attachmentId, outcome: 'forbidden' }]);
    const row = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.downloadRefused', recordId: id } });
    expect(row).toMatchObject({ recordType: 'CommitteeMeeting', institutionId: A['li.wen']!.institutionId, requestId: 'dl-refused' });
  });

  it('the other district does not find it; the administrator is refused; each refusal is audited', async () => {
    const { id, attachmentId } = await meetingWithMaterial();
    // A meeting the user may not see is not found (it never leaves the database).
    for (const who of ['gao.feng', 'luo.qing']) expect(await C.downloadMaterial(t.prisma, A[who]!, id, attachmentId), who).toBeNull();
    await expect(C.downloadMaterial(t.prisma, A['admin']!, id, attachmentId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await downloads(id)).toBe(0);
    expect(await refusals(id)).toEqual([
      { actorId: A['gao.feng']!.id, attachmentId, outcome: 'notFound' },
      { actorId: A['luo.qing']!.id, attachmentId, outcome: 'notFound' },
      { actorId: A['admin']!.id, attachmentId, outcome: 'forbidden' },
    ]);
  });

  it('unknown ids are not found: no meeting, no attachment, malformed, or a file of another record', async () => {
    const { id, attachmentId } = await meetingWithMaterial();
    const other = await meetingWithMaterial({ ...MATERIAL, fileName: '另案材料.txt' });
    const evidence = await matterWithEvidence();
    const zhao = A['zhao.mingyuan']!;
    expect(await C.downloadMaterial(t.prisma, zhao, UNKNOWN, attachmentId)).toBeNull();
    expect(await C.downloadMaterial(t.prisma, zhao, id, UNKNOWN)).toBeNull();
    expect(await C.downloadMaterial(t.prisma, zhao, 'not-a-uuid', attachmentId)).toBeNull();
    expect(await C.downloadMaterial(t.prisma, zhao, id, 'not-a-uuid')).toBeNull();
    expect(await C.downloadMaterial(t.prisma, zhao, id, other.attachmentId)).toBeNull();
    expect(await C.downloadMaterial(t.prisma, zhao, id, evidence.attachmentId)).toBeNull();
    expect(await downloads(id)).toBe(0);
    // Well-formed ids are audited as not found; malformed ones name nothing and leave no row.
    expect((await refusals(id)).map((r) => r.attachmentId)).toEqual([UNKNOWN, other.attachmentId, evidence.attachmentId]);
  });
});

describe('retrial evidence files (readEvidenceAttachment)', () => {
  it('both sides of the matter get the bytes, typed, under their own name; each download is audited', async () => {
    const { id, attachmentId } = await matterWithEvidence();
    for (const who of ['li.wen', 'zhao.mingyuan', 'lin.xue', 'wang.jianguo']) {
      const got = await served(await R.readEvidenceAttachment(t.prisma, A[who]!, id, attachmentId, { requestId: `ev-${who}` }));
      expect(got, who).toMatchObject({ status: 200, type: 'application/pdf', name: EVIDENCE.fileName, text: EVIDENCE.text });
      const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.download', recordId: id, requestId: `ev-${who}` } });
      expect(audit).toMatchObject({ actorId: A[who]!.id, recordType: 'RetrialMatter', summary: { attachmentId, outcome: 'ok', fileName: EVIDENCE.fileName } });
    }
  });

  it('the other district does not find it; the administrator is refused; each refusal is audited', async () => {
    const { id, attachmentId } = await matterWithEvidence();
    for (const who of ['gao.feng', 'luo.qing']) expect(await R.readEvidenceAttachment(t.prisma, A[who]!, id, attachmentId), who).toBeNull();
    await expect(R.readEvidenceAttachment(t.prisma, A['admin']!, id, attachmentId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await refusals(id)).toEqual([
      { actorId: A['gao.feng']!.id, attachmentId, outcome: 'notFound' },
      { actorId: A['luo.qing']!.id, attachmentId, outcome: 'notFound' },
      { actorId: A['admin']!.id, attachmentId, outcome: 'forbidden' },
    ]);
  });

  it('unknown ids are not found: no matter, no attachment, malformed, or a file of another record', async () => {
    const { id, attachmentId } = await matterWithEvidence();
    const other = await matterWithEvidence({ ...EVIDENCE, fileName: '另案证据.pdf' });
    const material = await meetingWithMaterial();
    const judge = A['lin.xue']!;
    expect(await R.readEvidenceAttachment(t.prisma, judge, UNKNOWN, attachmentId)).toBeNull();
    expect(await R.readEvidenceAttachment(t.prisma, judge, id, UNKNOWN)).toBeNull();
    expect(await R.readEvidenceAttachment(t.prisma, judge, 'not-a-uuid', attachmentId)).toBeNull();
    expect(await R.readEvidenceAttachment(t.prisma, judge, id, 'not-a-uuid')).toBeNull();
    expect(await R.readEvidenceAttachment(t.prisma, judge, id, other.attachmentId)).toBeNull();
    expect(await R.readEvidenceAttachment(t.prisma, judge, other.id, attachmentId)).toBeNull();
    expect(await R.readEvidenceAttachment(t.prisma, judge, id, material.attachmentId)).toBeNull();
  });
});
