import { describe, expect, it } from 'vitest';
import { afterFailure, lockMinutesLeft, signInInput, THROTTLE, throttleKey } from '@/lib/domain/signin';

describe('sign-in input', () => {
  const ok = (username: unknown, password: unknown) => signInInput.safeParse({ username, password }).success;
  it('accepts ordinary credentials and trims the username', () => {
    expect(signInInput.parse({ username: '  li.wen ', password: 'x y z' })).toEqual({ username: 'li.wen', password: 'x y z' });
  });
  it('refuses empty, missing, overlong and control-character values', () => {
    expect(ok('', 'p')).toBe(false);
    expect(ok('   ', 'p')).toBe(false);
    expect(ok('u', '')).toBe(false);
    expect(ok(undefined, 'p')).toBe(false);
    expect(ok('u', undefined)).toBe(false);
    expect(ok('a'.repeat(10_240), 'p')).toBe(false);
    expect(ok('u', 'p'.repeat(10_240))).toBe(false);
    expect(ok('u\u0000', 'p')).toBe(false);
    expect(ok('u', 'p\u001b[31m')).toBe(false);
    expect(ok(['u'], 'p')).toBe(false);
    expect(ok({ $ne: '' }, 'p')).toBe(false);
  });
  it('lets injection-shaped and non-ASCII values through as plain data (the database sees parameters)', () => {
    expect(ok("' OR 1=1 --", 'x')).toBe(true);
    expect(ok('检察官', '密码\uFFFD')).toBe(true);
  });
  it('throttle keys ignore case and surrounding space', () => {
    expect(throttleKey('  Li.Wen ')).toBe('li.wen');
  });
});

describe('failure throttle', () => {
  const t0 = new Date('2026-11-27T02:00:00Z');
  const later = (min: number) => new Date(t0.getTime() + min * 60_000);

  it(`locks after ${THROTTLE.maxFailures} failures for ${THROTTLE.lockMinutes} minutes`, () => {
    let s = null as ReturnType<typeof afterFailure> | null;
    for (let i = 1; i < THROTTLE.maxFailures; i++) {
      s = afterFailure(s, later(i));
      expect(s.lockedUntil).toBeNull();
      expect(s.failures).toBe(i);
    }
    s = afterFailure(s, later(THROTTLE.maxFailures));
    expect(s.lockedUntil).toEqual(later(THROTTLE.maxFailures + THROTTLE.lockMinutes));
    expect(lockMinutesLeft(s, later(THROTTLE.maxFailures))).toBe(THROTTLE.lockMinutes);
    expect(lockMinutesLeft(s, later(THROTTLE.maxFailures + THROTTLE.lockMinutes))).toBe(0);
  });
  it('forgets failures older than the window', () => {
    let s = afterFailure(null, t0);
    s = afterFailure(s, later(1));
    s = afterFailure(s, later(1 + THROTTLE.windowMinutes + 1));
    expect(s.failures).toBe(1);
  });
  it('starts counting afresh after a lock has expired', () => {
    let s = null as ReturnType<typeof afterFailure> | null;
    for (let i = 0; i < THROTTLE.maxFailures; i++) s = afterFailure(s, t0);
    expect(s!.lockedUntil).not.toBeNull();
    s = afterFailure(s, later(THROTTLE.lockMinutes + 1));
    expect(s.lockedUntil).toBeNull();
    expect(s.failures).toBe(1);
  });
  it('no state means no lock', () => {
    expect(lockMinutesLeft(null, t0)).toBe(0);
  });
});
