/** The type an upload is stored as comes from its bytes (lib/domain/attachments.ts with file-type), never from its name or the browser's claim. */
import fc from 'fast-check';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { checkFileSizes, contentFacts, decideType, isPlainText, MAX_ATTACHMENT_BYTES, MAX_UPLOAD_BYTES } from '@/lib/domain/attachments';
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

  it('sizes checked in the browser: 5 MB a file, 25 MB together', () => {
    expect(checkFileSizes([MAX_ATTACHMENT_BYTES])).toBeNull();
    expect(checkFileSizes([MAX_ATTACHMENT_BYTES + 1])).toBe('attachmentTooLarge');
    expect(checkFileSizes([MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES])).toBeNull();
    expect(checkFileSizes([...Array(5).fill(MAX_ATTACHMENT_BYTES), 1])).toBe('attachmentsTooLarge');
    expect(MAX_UPLOAD_BYTES).toBe(5 * MAX_ATTACHMENT_BYTES);
  });
});
