import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/web/urls';

const APP = 'https://liaison.example';

/**
 * Where a browser goes with `Location: <out>` on a page of the app: the WHATWG URL parser, after
 * the clean-up browsers do (tab, newline and CR removed anywhere; leading/trailing C0 and spaces).
 */
function browserTarget(out: string): URL {
  const cleaned = out.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return new URL(cleaned, `${APP}/signin`);
}

/** What every answer must be: a same-origin path in plain printable ASCII. */
function expectSafe(raw: string) {
  const out = safeCallbackUrl(raw);
  expect(out, JSON.stringify(raw)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(browserTarget(out).origin, JSON.stringify(raw)).toBe(APP);
  expect(out.length).toBeLessThanOrEqual(512);
  return out;
}

/** Characters browsers strip or fold, and others an attacker slips in. */
const CONTROLS = ['\t', '\n', '\r', '\0', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\u202e', '\ufeff'];
const OFFSITE = [
  '//evil.example',
  '//evil.example/path',
  '/\\evil.example',
  '\\/evil.example',
  '\\\\evil.example',
  'https://evil.example/',
  'http:evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/%2f%2fevil.example',
  '/%2F%2Fevil.example',
  '/%5cevil.example',
  '/%5Cevil.example',
  '/%252f%252fevil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%00',
  '/..//evil.example',
  '/./..//evil.example',
  '///evil.example',
  '/ /evil.example',
];

/** A string with `c` inserted at position `at` (clamped). */
const insertAt = (s: string, at: number, c: string) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1));

describe('callback URLs after sign-in', () => {
  it('keeps same-site paths and refuses everything else', () => {
    expect(safeCallbackUrl('/calendar?year=2025')).toBe('/calendar?year=2025');
    expect(safeCallbackUrl('/recommendations?status=draft&page=2#top')).toBe('/recommendations?status=draft&page=2#top');
    expect(safeCallbackUrl(undefined)).toBe('/');
    expect(safeCallbackUrl(null)).toBe('/');
    expect(safeCallbackUrl('')).toBe('/');
    expect(safeCallbackUrl('https://evil.example/')).toBe('/');
    expect(safeCallbackUrl('//evil.example/')).toBe('/');
    expect(safeCallbackUrl('/\\evil.example')).toBe('/');
    expect(safeCallbackUrl('/signin')).toBe('/');
    expect(safeCallbackUrl('/api/auth/signout')).toBe('/');
    expect(safeCallbackUrl('/' + 'a'.repeat(600))).toBe('/');
  });

  it('refuses control characters anywhere, which browsers strip into an off-site URL (/\\t/evil → //evil)', () => {
    expect(safeCallbackUrl('/\t/evil.example')).toBe('/');
    expect(safeCallbackUrl('/\n/evil.example')).toBe('/');
    expect(safeCallbackUrl('/\r\n/evil.example')).toBe('/');
    expect(safeCallbackUrl('/cases\nSet-Cookie: x=1')).toBe('/');
  });

  it('every off-site form, with a control character inserted anywhere, answers "/"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFSITE), fc.constantFrom(...CONTROLS), fc.nat(), fc.boolean(), (base, c, at, insert) => {
        const raw = insert ? insertAt(base, at, c) : base;
        expect(safeCallbackUrl(raw), JSON.stringify(raw)).toBe('/');
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('any generated value answers a same-origin path in printable ASCII (look-alikes, unicode, long values)', () => {
    const lookalike = fc.constantFrom('／', '∕', '⁄', '＼', '﹨', '。', '．', '@', ':', '%', '?', '#', '..', '.', ' ');
    const piece = fc.oneof(
      fc.constantFrom(...OFFSITE),
      fc.constantFrom(...CONTROLS),
      lookalike,
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.constantFrom('/', '\\', '//', 'evil.example', 'cases', '%2f', '%5c', '%0a', '%E2%80%AE'),
    );
    const value = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
      fc.array(piece, { maxLength: 8 }).map((p) => '/' + p.join('')),
      fc.string({ unit: 'binary', minLength: 500, maxLength: 700 }).map((s) => '/' + s),
    );
    fc.assert(
      fc.property(value, (raw) => {
        expectSafe(raw);
      }),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('plain paths of the app come back unchanged', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(fc.stringMatching(/^[a-z]{1,6}=[a-z0-9]{0,6}$/)), (segs, q) => {
        const raw = '/' + segs.join('/') + (q ? `?${q}` : '');
        fc.pre(!raw.startsWith('/signin') && !raw.startsWith('/api/auth'));
        expect(safeCallbackUrl(raw)).toBe(raw);
      }),
    );
  });
});
