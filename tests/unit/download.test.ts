/** The download response (lib/web/download.ts): type, attachment disposition, safe file names. */
import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadResponse } from '@/lib/web/download';

/** The file name a browser takes from filename* (RFC 8187). */
function extName(header: string): string {
  const m = /filename\*=UTF-8''([^;]+)$/.exec(header);
  if (!m) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(m[1]!);
}

describe('contentDisposition', () => {
  it.each([
    ['evidence.pdf', 'evidence.pdf'],
    ['审理报告（摘要）.txt', '________.txt'],
    ['银行流水 2024-03.txt', '____ 2024-03.txt'],
    ['a"b\\c.txt', 'a_b_c.txt'],
    ["it's (final) *draft*.docx", "it's (final) *draft*.docx"],
    ['line\r\nbreak.txt', 'line__break.txt'],
  ])('%j: the UTF-8 name round-trips, the fallback is plain ASCII (%j)', (name, fallback) => {
    const h = contentDisposition(name);
    expect(h.startsWith('attachment; ')).toBe(true);
    expect(extName(h)).toBe(name);
    expect(h).toContain(`filename="${fallback}"`);
    // Nothing that could end the header or a parameter early: printable ASCII only, no raw quote or
    // separator inside the encoded value.
    expect(h).toMatch(/^[\x20-\x7e]+$/);
    expect(/filename\*=UTF-8''([^;]+)$/.exec(h)![1]).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
  });
});

describe('downloadResponse', () => {
  it('serves the bytes as an attachment of their type, not cached, not sniffed', async () => {
    const bytes = new TextEncoder().encode('【密件】审理报告');
    const res = downloadResponse({ fileName: '审理报告.txt', mimeType: 'text/plain', size: bytes.byteLength, body: new Response(bytes).body! });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(extName(res.headers.get('content-disposition')!)).toBe('审理报告.txt');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });
});
