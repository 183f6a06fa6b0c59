/**
 * Uploads through the attachment store, on the real database: the type comes from the bytes
 * (file-type), never from the browser's claim or the name; what is not accepted, or is not what
 * its name says, is refused with a field error and nothing is stored (no attachment, no evidence
 * item, no event, no audit row); what is accepted is stored and served as the recognized type.
 * The browser's own size check and the body limit are in tests/e2e/uploads.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as C from '@/lib/data/committee';
import { FieldError } from '@/lib/data/errors';
import * as R from '@/lib/data/retrial';
import type { Actor } from '@/lib/domain/roles';
import { seed } from '@/prisma/seed/seed';
import { FILES, upload } from '@/tests/support/files';
import { actorOf, openTestDb, refusedWithoutWrites, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
const TODAY = '2026-11-27';
const MB = 1024 * 1024;
let rid = 0;
const ctx = () => ({ today: TODAY, now: new Date(`${TODAY}T02:00:00.000Z`), requestId: `req-up-${++rid}` });

let matter = { id: '', version: 1 };

/** Everything an upload writes. */
const counts = async () => ({
  attachments: await t.prisma.attachment.count(),
  items: await t.prisma.evidenceItem.count(),
  events: await t.prisma.workflowEvent.count(),
  audit: await t.prisma.auditEvent.count(),
  meetings: await t.prisma.committeeMeeting.count(),
});

const evidence = (file: { fileName: string; mimeType: string; bytes: Uint8Array }) => ({
  id: matter.id,
  version: matter.version,
  description: '新证据：银行流水',
  formedOn: '2025-05-01',
  foundOn: '2026-09-10',
  ground: 'found_late_objective',
  groundExplanation: '原审期间客观上无法取得。',
  file: upload(file),
});

async function addEvidence(file: { fileName: string; mimeType: string; bytes: Uint8Array }) {
  const r = (await R.addEvidenceItem(t.prisma, A['li.wen']!, evidence(file), ctx())) as unknown as { attachmentId: string };
  matter.version = (await t.prisma.retrialMatter.findUniqueOrThrow({ where: { id: matter.id } })).version;
  return t.prisma.attachment.findUniqueOrThrow({ where: { id: r.attachmentId } });
}

const refused = (file: { fileName: string; mimeType: string; bytes: Uint8Array }, code: string) =>
  refusedWithoutWrites(counts, () => R.addEvidenceItem(t.prisma, A['li.wen']!, evidence(file), ctx()), FieldError, { field: 'file', code });

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.prisma, () => {}, { today: TODAY });
  for (const u of ['li.wen', 'xu.jing', 'lin.xue']) A[u] = await actorOf(t.prisma, u);
  const { id } = await R.fileMatter(
    t.prisma,
    A['li.wen']!,
    {
      kind: 'protest',
      courtId: A['lin.xue']!.institutionId,
      courtCaseNumber: '(2025)青0103民初7101号',
      title: '上传测试抗诉案',
      parties: '申诉人：甲；被申诉人：乙',
      judgmentEffectiveOn: '2026-03-02',
      filedOn: '2026-11-02',
    },
    ctx(),
  );
  matter = { id, version: 1 };
});
afterAll(async () => {
  await t?.close();
});

describe('uploads: the type comes from the bytes', () => {
  it('an executable renamed .pdf is refused with a field error, whatever type the browser claims; nothing is stored', async () => {
    for (const bytes of [FILES.exe(), FILES.elf()]) {
      await refused({ fileName: '银行流水.pdf', mimeType: 'application/pdf', bytes }, 'attachmentMismatch');
      await refused({ fileName: 'setup.exe', mimeType: 'application/pdf', bytes }, 'attachmentType');
    }
  });

  it('a file of an accepted type under another accepted name is refused (PNG named .pdf, PDF named .docx, a plain zip named .docx); other names are not accepted', async () => {
    await refused({ fileName: 'scan.pdf', mimeType: 'application/pdf', bytes: FILES.png() }, 'attachmentMismatch');
    await refused({ fileName: 'report.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: FILES.pdf() }, 'attachmentMismatch');
    await refused({ fileName: 'report.docx', mimeType: 'application/zip', bytes: FILES.plainZip() }, 'attachmentMismatch');
    await refused({ fileName: '说明.xls', mimeType: 'application/msword', bytes: FILES.docx() }, 'attachmentMismatch');
    await refused({ fileName: 'package.msi', mimeType: 'application/msword', bytes: FILES.cfb() }, 'attachmentType');
  });

  it('text with a NUL or other control character is refused; so is text that is not UTF-8', async () => {
    await refused({ fileName: 'notes.txt', mimeType: 'text/plain', bytes: FILES.text('转账\u0000记录') }, 'attachmentMismatch');
    await refused({ fileName: 'notes.txt', mimeType: 'text/plain', bytes: FILES.text('a\u001bb') }, 'attachmentMismatch');
    await refused({ fileName: 'notes.txt', mimeType: 'text/plain', bytes: new Uint8Array([0xd7, 0xaa, 0xd5, 0xcb, 0xff]) }, 'attachmentMismatch');
  });

  it('a file name with a NUL or a right-to-left override is refused on the file field', async () => {
    await refused({ fileName: 'scan\u0000.pdf', mimeType: 'application/pdf', bytes: FILES.pdf() }, 'controlCharacters');
    await refused({ fileName: 'invoice\u202efdp.exe', mimeType: 'application/pdf', bytes: FILES.pdf() }, 'controlCharacters');
  });

  it('over the limit (20 MB unless the administrator sets another) is refused with the field message', async () => {
    const big = new Uint8Array(20 * MB + 1).fill(0x61);
    await refused({ fileName: 'big.txt', mimeType: 'text/plain', bytes: big }, 'attachmentTooLarge');
  });

  it('accepted files are stored and served as the type their bytes are, not the one claimed', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['银行流水.pdf', FILES.pdf(), 'application/pdf'],
      ['照片.PNG', FILES.png(), 'image/png'],
      ['照片.jpeg', FILES.jpeg(), 'image/jpeg'],
      ['说明.docx', FILES.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['清单.xlsx', FILES.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['旧版说明.doc', FILES.cfb(), 'application/msword'],
      ['旧版清单.xls', FILES.cfb(), 'application/vnd.ms-excel'],
      ['判决书.ofd', FILES.ofd(), 'application/ofd'],
      ['记录.txt', FILES.text(), 'text/plain'],
      ['恰好 20 MB.txt', new Uint8Array(20 * MB).fill(0x61), 'text/plain'],
    ];
    for (const [fileName, bytes, mime] of cases) {
      const a = await addEvidence({ fileName, mimeType: 'application/x-msdownload', bytes });
      expect(a, fileName).toMatchObject({ fileName, mimeType: mime, size: bytes.byteLength });
      const served = await R.readEvidenceAttachment(t.prisma, A['lin.xue']!, matter.id, a.id);
      expect(served?.mimeType, fileName).toBe(mime);
      const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.add', summary: { path: ['attachmentId'], equals: a.id } } });
      expect(audit.summary, fileName).toMatchObject({ mimeType: mime });
    }
  });
});

describe('uploads: several files in one submission', () => {
  const meeting = (files: { fileName: string; mimeType: string; bytes: Uint8Array }[]) => ({
    procuratorateId: A['li.wen']!.institutionId,
    scheduledAt: '2026-12-03T09:30',
    location: '审判委员会会议室',
    'items.0.courtCaseNumber': '(2025)青0103民初4410号',
    'items.0.title': '周某某与韩某某房屋租赁合同纠纷',
    'items.0.trigger': 'protested',
    files: files.map(upload),
  });

  it('more than 25 MB together is refused on the files field; nothing is stored', async () => {
    const file = (i: number) => ({ fileName: `材料${i}.txt`, mimeType: 'text/plain', bytes: new Uint8Array(5 * MB).fill(0x61) });
    await refusedWithoutWrites(counts, () => C.scheduleMeeting(t.prisma, A['xu.jing']!, meeting([0, 1, 2, 3, 4, 5].map(file)), ctx()), FieldError, {
      field: 'files',
      code: 'attachmentsTooLarge',
    });
    // Five files of 5 MB are within the limit.
    const { id } = await C.scheduleMeeting(t.prisma, A['xu.jing']!, meeting([0, 1, 2, 3, 4].map(file)), ctx());
    expect(await t.prisma.attachment.count({ where: { recordType: 'CommitteeMeeting', recordId: id } })).toBe(5);
  });

  it('one bad file among good ones refuses the whole submission', async () => {
    await refusedWithoutWrites(
      counts,
      () =>
        C.scheduleMeeting(
          t.prisma,
          A['xu.jing']!,
          meeting([
            { fileName: '报告.pdf', mimeType: 'application/pdf', bytes: FILES.pdf() },
            { fileName: '附件.pdf', mimeType: 'application/pdf', bytes: FILES.exe() },
          ]),
          ctx(),
        ),
      FieldError,
      { field: 'files', code: 'attachmentMismatch' },
    );
  });
});
