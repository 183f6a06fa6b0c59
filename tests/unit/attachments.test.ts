/** The type an upload is stored as comes from its bytes (lib/domain/attachments.ts with file-type), never from its name or the browser's claim. */
import fc from 'fast-check';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import {
  checkFileSizes,
  confidentialityAllows,
  ContentInspector,
  contentFacts,
  decideFileName,
  decideType,
  DEFAULT_MAX_FILE_BYTES,
  isPlainText,
  MAX_ATTACHMENT_BYTES,
  MAX_UPLOAD_BYTES,
} from '@/lib/domain/attachments';
import { FILES } from '@/tests/support/files';

const decide = async (bytes: Uint8Array, name: string) => decideType(await fileTypeFromBuffer(bytes), name, contentFacts(bytes));

describe('upload types', () => {
  it('each accepted type under its own name is stored as the type its bytes are', async () => {
    expect(await decide(FILES.pdf(), 'a.pdf')).toEqual({ ok: true, mime: 'application/pdf' });
    expect(await decide(FILES.png(), 'a.PNG')).toEqual({ ok: true, mime: 'image/png' });
    expect(await decide(FILES.jpeg(), 'a.jpg')).toEqual({ ok: true, mime: 'image/jpeg' });
    expect(await decide(FILES.docx(), 'a.docx')).toEqual({ ok: true, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(await decide(FILES.xlsx(), 'a.xlsx')).toEqual({ ok: true, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(await decide(FILES.cfb(), 'a.doc')).toEqual({ ok: true, mime: 'application/msword' });
    expect(await decide(FILES.cfb(), 'a.xls')).toEqual({ ok: true, mime: 'application/vnd.ms-excel' });
    expect(await decide(FILES.ofd(), '判决书.ofd')).toEqual({ ok: true, mime: 'application/ofd' });
    expect(await decide(FILES.text(), '记录.txt')).toEqual({ ok: true, mime: 'text/plain' });
  });

  it('programs are refused under any name', async () => {
    for (const bytes of [FILES.exe(), FILES.elf()]) {
      for (const name of ['a.pdf', 'a.docx', 'a.txt', 'a.png']) expect(await decide(bytes, name), name).toEqual({ ok: false, code: 'attachmentMismatch' });
      for (const name of ['a.exe', 'a', 'a.bin']) expect(await decide(bytes, name), name).toEqual({ ok: false, code: 'attachmentType' });
    }
  });

  it('an accepted type under another accepted name is a mismatch', async () => {
    const kinds = { pdf: FILES.pdf(), png: FILES.png(), docx: FILES.docx(), ofd: FILES.ofd(), txt: FILES.text() } as const;
    for (const [kind, bytes] of Object.entries(kinds)) {
      for (const ext of Object.keys(kinds).filter((e) => e !== kind)) expect(await decide(bytes, `a.${ext}`), `${kind} as .${ext}`).toEqual({ ok: false, code: 'attachmentMismatch' });
    }
    expect(await decide(FILES.plainZip(), 'a.docx')).toEqual({ ok: false, code: 'attachmentMismatch' });
    expect(await decide(FILES.cfb(), 'a.msi')).toEqual({ ok: false, code: 'attachmentType' });
    expect(await decide(FILES.text('x'), 'a.exe')).toEqual({ ok: false, code: 'attachmentType' });
  });

  it('plain text: UTF-8 without control characters other than tab, CR and LF', () => {
    expect(isPlainText(FILES.text('行1\n行2\r\n\t缩进'))).toBe(true);
    expect(isPlainText(new Uint8Array([0xd7, 0xaa, 0xd5, 0xcb]))).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 0x1f }).filter((c) => ![9, 10, 13].includes(c)), (s, c) => {
        expect(isPlainText(FILES.text(s + String.fromCharCode(c) + s))).toBe(false);
      }),
    );
  });

  it('sizes: the browser checks the largest per-file limit the administrator may set (25 MB), the store the one set; 25 MB together', () => {
    expect(checkFileSizes([MAX_ATTACHMENT_BYTES])).toBeNull();
    expect(checkFileSizes([MAX_ATTACHMENT_BYTES + 1])).toBe('attachmentTooLarge');
    expect(checkFileSizes([DEFAULT_MAX_FILE_BYTES + 1], DEFAULT_MAX_FILE_BYTES)).toBe('attachmentTooLarge');
    expect(checkFileSizes([DEFAULT_MAX_FILE_BYTES], DEFAULT_MAX_FILE_BYTES)).toBeNull();
    expect(checkFileSizes([MAX_UPLOAD_BYTES / 2, MAX_UPLOAD_BYTES / 2])).toBeNull();
    expect(checkFileSizes([MAX_UPLOAD_BYTES / 2, MAX_UPLOAD_BYTES / 2, 1])).toBe('attachmentsTooLarge');
  });
});

describe('file names', () => {
  it('kept trimmed; refused when empty, with control characters, with a path, or too long', () => {
    expect(decideFileName('  银行流水 2024-03.pdf ')).toEqual({ ok: true, name: '银行流水 2024-03.pdf' });
    expect(decideFileName('   ')).toEqual({ ok: false, code: 'required' });
    expect(decideFileName('a\u0000.pdf')).toEqual({ ok: false, code: 'controlCharacters' });
    expect(decideFileName('invoice\u202efdp.exe')).toEqual({ ok: false, code: 'controlCharacters' });
    for (const n of ['../../etc/passwd', 'a/b.pdf', '..\\boot.ini', '..', '..pdf']) expect(decideFileName(n), n).toEqual({ ok: false, code: 'fileNamePath' });
    expect(decideFileName(`${'长'.repeat(196)}.txt`)).toMatchObject({ ok: true });
    expect(decideFileName(`${'长'.repeat(197)}.txt`)).toEqual({ ok: false, code: 'tooLong' });
  });
});

describe('confidentiality', () => {
  it('ordinary files go to whoever sees the record; confidential ones only where the record rule grants them', () => {
    expect(confidentialityAllows('ordinary', false)).toBe(true);
    expect(confidentialityAllows('confidential', true)).toBe(true);
    expect(confidentialityAllows('confidential', false)).toBe(false);
  });
});

describe('content inspected while streaming', () => {
  it('the facts gathered chunk by chunk are those of the whole bytes, however they are cut', () => {
    const samples = [FILES.text('行1\n行2'), FILES.text('转账\u0000记录'), FILES.ofd(), FILES.docx(), FILES.pdf(), new Uint8Array([0xe8, 0xbd, 0xac]), new Uint8Array([0xe8, 0xbd])];
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), (bytes, cuts) => {
        const seen = new ContentInspector();
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const n = cuts[i % cuts.length]!;
          seen.push(bytes.subarray(at, at + n));
          at += n;
        }
        expect(seen.size).toBe(bytes.length);
        expect(seen.headBytes()).toEqual(bytes);
        expect(seen.facts()).toEqual(contentFacts(bytes));
      }),
    );
  });

  it('a large file keeps only its head and its tail, and an OFD root listed at the end is still found', () => {
    const ofd = FILES.ofd();
    const big = new Uint8Array(3 * 1024 * 1024 + ofd.length);
    big.set(ofd, big.length - ofd.length);
    const seen = new ContentInspector();
    for (let i = 0; i < big.length; i += 65536) seen.push(big.subarray(i, i + 65536));
    expect(seen.headBytes().length).toBe(1024 * 1024);
    expect(seen.facts().ofdRoot).toBe(true);
  });
});
