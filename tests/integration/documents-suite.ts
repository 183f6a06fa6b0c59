/**
 * The document store end to end on the real database, the same suite for each store kind
 * (documents-local.test.ts, documents-s3.test.ts): uploads stream in and are verified on the way
 * out; bad input — a renamed executable, an oversize file (under a limit the administrator set),
 * a path in the name, an empty file — is refused with its field code, nothing written to the
 * database and no object left in the store; a step refused after its files were staged removes
 * them; a stored file changed behind the app's back is refused on download (checksum mismatch),
 * audited, and logged as an alert with the request id. Also prints the throughput of a 20 MB
 * file up and down (figures for the record, not an assertion).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IntegrityError } from '@/lib/data/attachments';
import { FieldError } from '@/lib/data/errors';
import * as R from '@/lib/data/retrial';
import { setUploadLimit, uploadLimit } from '@/lib/data/settings';
import type { Actor } from '@/lib/domain/roles';
import { log } from '@/lib/log';
import { documentStore } from '@/lib/store/documents.mjs';
import { downloadResponse } from '@/lib/web/download';
import { FILES, servedBytes, upload } from '@/tests/support/files';
import { actorOf, openSeededTestDb, refusedWithoutWrites, type TestDb } from './support';

const MB = 1024 * 1024;
const TODAY = '2026-11-27';

export interface StoreUnderTest {
  /** The objects in the store now (keys). */
  keys(): Promise<string[]>;
  /** Changes the stored bytes of `key` behind the app's back. */
  tamper(key: string): Promise<void>;
}

export function documentSuite(kind: string, setup: () => Promise<StoreUnderTest>, teardown: () => Promise<void> = async () => {}) {
  let t: TestDb;
  let s: StoreUnderTest;
  const A: Record<string, Actor> = {};
  let rid = 0;
  const ctx = () => ({ today: TODAY, now: new Date(`${TODAY}T02:00:00.000Z`), requestId: `req-doc-${kind}-${++rid}` });
  let matter = { id: '', version: 1 };

  const counts = async () => ({
    attachments: await t.prisma.attachment.count(),
    items: await t.prisma.evidenceItem.count(),
    events: await t.prisma.workflowEvent.count(),
    audit: await t.prisma.auditEvent.count(),
    objects: (await s.keys()).length,
  });
  const input = (file: File, version = matter.version) => ({
    id: matter.id,
    version,
    description: '新证据：银行流水',
    formedOn: '2025-05-01',
    foundOn: '2026-09-10',
    ground: 'found_late_objective',
    groundExplanation: '原审期间客观上无法取得。',
    file,
  });
  const add = async (file: File) => {
    const r = (await R.addEvidenceItem(t.prisma, A['li.wen']!, input(file), ctx())) as unknown as { attachmentId: string };
    matter.version = (await t.prisma.retrialMatter.findUniqueOrThrow({ where: { id: matter.id } })).version;
    return t.prisma.attachment.findUniqueOrThrow({ where: { id: r.attachmentId } });
  };
  const refused = (file: File, code: string) =>
    refusedWithoutWrites(counts, () => R.addEvidenceItem(t.prisma, A['li.wen']!, input(file), ctx()), FieldError, { field: 'file', code });

  beforeAll(async () => {
    s = await setup();
    t = await openSeededTestDb(TODAY);
    for (const u of ['li.wen', 'lin.xue', 'admin']) A[u] = await actorOf(t.prisma, u);
    const { id } = await R.fileMatter(
      t.prisma,
      A['li.wen']!,
      {
        kind: 'protest',
        courtId: A['lin.xue']!.institutionId,
        courtCaseNumber: '(2025)青0103民初7301号',
        title: '文档存储测试抗诉案',
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
    await teardown();
  });

  describe(`documents in the ${kind} store`, () => {
    it('an upload is stored under its key with the size and SHA-256 of its bytes, and downloads byte for byte with a safe Chinese file name', async () => {
      expect((await documentStore()).kind).toBe(kind);
      const bytes = FILES.pdf();
      const a = await add(upload({ fileName: '银行流水 2024-03.pdf', mimeType: 'application/pdf', bytes }));
      expect(a).toMatchObject({ fileName: '银行流水 2024-03.pdf', mimeType: 'application/pdf', size: bytes.byteLength, confidentiality: 'ordinary', storageKey: `attachments/${a.id}` });
      expect(await s.keys()).toContain(a.storageKey);
      const file = await R.readEvidenceAttachment(t.prisma, A['lin.xue']!, matter.id, a.id, { requestId: 'dl-ok' });
      const res = downloadResponse(file!);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="____ 2024-03.pdf"; filename*=UTF-8''${encodeURIComponent('银行流水 2024-03.pdf')}`,
      );
      expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    });

    it('bad input is refused with its field code; nothing in the database, no object in the store', async () => {
      await refused(upload({ fileName: '银行流水.pdf', mimeType: 'application/pdf', bytes: FILES.exe() }), 'attachmentMismatch');
      await refused(upload({ fileName: '../../etc/passwd.pdf', mimeType: 'application/pdf', bytes: FILES.pdf() }), 'fileNamePath');
      await refused(upload({ fileName: '..\\..\\boot.ini.txt', bytes: FILES.text() }), 'fileNamePath');
      await refused(upload({ fileName: '空文件.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(0) }), 'attachmentEmpty');
      await refused(upload({ fileName: `${'长'.repeat(201)}.txt`, bytes: FILES.text() }), 'tooLong');
      // A forged size: the request says 10 bytes, the stream holds more than the limit.
      const limit = (await uploadLimit(t.prisma)).maxFileBytes;
      const forged = { name: 'forged.txt', size: 10, stream: () => new Blob([new Uint8Array(limit + 1).fill(0x61)]).stream() } as unknown as File;
      await refused(forged, 'attachmentTooLarge');
    });

    it('the administrator sets the per-file limit (audited); over it is refused, at it accepted', async () => {
      const before = await uploadLimit(t.prisma);
      expect(before.maxFileBytes).toBe(20 * MB);
      await expect(setUploadLimit(t.prisma, A['li.wen']!, { maxFileMegabytes: 1, version: before.version })).rejects.toMatchObject({ name: 'ForbiddenError' });
      await expect(setUploadLimit(t.prisma, A['admin']!, { maxFileMegabytes: 26, version: before.version })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: 'uploadLimitRange' })] });
      await setUploadLimit(t.prisma, A['admin']!, { maxFileMegabytes: 1, version: before.version }, 'req-limit');
      expect(await t.prisma.auditEvent.findFirst({ where: { action: 'setting.update', requestId: 'req-limit' } })).toMatchObject({
        summary: { before: { maxFileBytes: 20 * MB }, after: { maxFileBytes: MB } },
      });
      await expect(setUploadLimit(t.prisma, A['admin']!, { maxFileMegabytes: 2, version: before.version })).rejects.toMatchObject({ name: 'ConflictError' });
      try {
        await refused(upload({ fileName: 'big.txt', bytes: new Uint8Array(MB + 1).fill(0x61) }), 'attachmentTooLarge');
        await add(upload({ fileName: 'exactly-1mb.txt', bytes: new Uint8Array(MB).fill(0x61) }));
      } finally {
        await setUploadLimit(t.prisma, A['admin']!, { maxFileMegabytes: 20, version: (await uploadLimit(t.prisma)).version });
      }
    });

    it('a step refused after its files were staged (a stale version) leaves no object behind', async () => {
      const before = await counts();
      await expect(R.addEvidenceItem(t.prisma, A['li.wen']!, input(upload({ fileName: 'a.pdf', bytes: FILES.pdf() }), matter.version - 1), ctx())).rejects.toMatchObject({
        name: 'ConflictError',
      });
      expect(await counts()).toEqual(before);
    });

    it('committee materials are stored as confidential (the door then asks the meeting rule: downloads.test.ts)', async () => {
      const material = await t.prisma.attachment.findFirstOrThrow({ where: { recordType: 'CommitteeMeeting' } });
      expect(material.confidentiality).toBe('confidential');
    });

    it('a stored file changed behind the app is refused on download: audited, an alert logged with the request id, nothing sent', async () => {
      const a = await add(upload({ fileName: '证据.txt', bytes: FILES.text('原始内容：转账记录') }));
      await s.tamper(a.storageKey);
      const alerts = vi.spyOn(log, 'error');
      try {
        await expect(R.readEvidenceAttachment(t.prisma, A['lin.xue']!, matter.id, a.id, { requestId: 'req-tampered' })).rejects.toBeInstanceOf(IntegrityError);
        expect(alerts).toHaveBeenCalledWith(expect.objectContaining({ alert: 'document.checksumMismatch', requestId: 'req-tampered', attachmentId: a.id }), expect.any(String));
      } finally {
        alerts.mockRestore();
      }
      expect(await t.prisma.auditEvent.findFirst({ where: { action: 'attachment.downloadRefused', requestId: 'req-tampered' } })).toMatchObject({
        summary: { attachmentId: a.id, outcome: 'checksumMismatch' },
      });
    });

    it('throughput of a 20 MB file (printed, not asserted)', async () => {
      const bytes = new Uint8Array(20 * MB).map((_, i) => (i * 7) % 256);
      // Text-like bytes would pass as text only if they were; a PDF header makes it an accepted PDF.
      bytes.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
      const t0 = performance.now();
      const a = await add(upload({ fileName: '卷宗.pdf', mimeType: 'application/pdf', bytes }));
      const up = performance.now() - t0;
      const t1 = performance.now();
      const back = await servedBytes(await R.readEvidenceAttachment(t.prisma, A['lin.xue']!, matter.id, a.id));
      const down = performance.now() - t1;
      expect(back.byteLength).toBe(bytes.byteLength);
      const rate = (ms: number) => `${(20 / (ms / 1000)).toFixed(1)} MB/s (${ms.toFixed(0)} ms)`;
      console.log(`[throughput] ${kind} store, 20 MB: upload ${rate(up)}, download with SHA-256 verification ${rate(down)}`);
    });
  });
}
