import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/web/urls';

describe('callback URLs after sign-in', () => {
  it('keeps same-site paths and refuses everything else', () => {
    expect(safeCallbackUrl('/calendar?year=2025')).toBe('/calendar?year=2025');
    expect(safeCallbackUrl(undefined)).toBe('/');
    expect(safeCallbackUrl('https://evil.example/')).toBe('/');
    expect(safeCallbackUrl('//evil.example/')).toBe('/');
    expect(safeCallbackUrl('/\\evil.example')).toBe('/');
    expect(safeCallbackUrl('/signin')).toBe('/');
    expect(safeCallbackUrl('/' + 'a'.repeat(600))).toBe('/');
  });
});
