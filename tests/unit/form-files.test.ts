import { describe, expect, it } from 'vitest';
import { formFiles } from '@/lib/web/forms';

describe('formFiles: the files a form field delivered', () => {
  it('leaves out an empty file input (no file chosen), however the multipart reader names it', () => {
    const f = new FormData();
    f.append('file', new File([], ''));
    f.append('file', new File([], 'undefined'));
    f.append('file', '');
    expect(formFiles(f, 'file')).toEqual([]);
  });
  it('keeps a chosen file, even one of zero bytes (the store refuses that with attachmentEmpty)', () => {
    const f = new FormData();
    f.append('file', new File(['%PDF-1.7'], '证据.pdf'));
    f.append('file', new File([], 'empty.pdf'));
    expect(formFiles(f, 'file').map((x) => [x.name, x.size])).toEqual([
      ['证据.pdf', 8],
      ['empty.pdf', 0],
    ]);
  });
});
