import { describe, expect, it } from 'vitest';
import {
  ARGON2_PARAMS,
  clientAddress,
  isBcryptHash,
  LOCK_BACKOFF_MINUTES,
  LOCK_CODE,
  limitState,
  lockSeconds,
  minutesLeft,
  nameKey,
  needsRehash,
  normalizeAddress,
  SIGNIN_FAILURES,
  SIGNIN_LIMITS,
  signInInput,
} from '@/lib/domain/signin';
import { CATALOGS } from '@/lib/web/i18n/catalogs';

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
  it('name keys ignore case and surrounding space', () => {
    expect(nameKey('  Li.Wen ')).toBe('li.wen');
  });
});

describe('sign-in limits', () => {
  it('a limit counts up to its points, the next attempt starts a lock, later ones find it locked', () => {
    const l = SIGNIN_LIMITS.nameAddress;
    for (let n = 1; n <= l.points; n++) expect(limitState(l, n)).toBe('ok');
    expect(limitState(l, l.points + 1)).toBe('startsLock');
    expect(limitState(l, l.points + 2)).toBe('locked');
    expect(limitState(l, l.points + 50)).toBe('locked');
  });
  it('the per-address cap is slower than a name at one address, and the per-name threshold is high', () => {
    expect(SIGNIN_LIMITS.address.points).toBeGreaterThan(SIGNIN_LIMITS.nameAddress.points * 10);
    expect(SIGNIN_LIMITS.name.points).toBeGreaterThan(SIGNIN_LIMITS.nameAddress.points * 5);
    expect(SIGNIN_LIMITS.address.windowSeconds).toBeGreaterThanOrEqual(SIGNIN_LIMITS.nameAddress.windowSeconds);
  });
  it('locks back off: each lock lasts longer than the one before, up to a ceiling', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 50].map((n) => lockSeconds(n) / 60);
    expect(minutes).toEqual([5, 15, 60, 240, 1440, 1440, 1440]);
    for (let i = 1; i < LOCK_BACKOFF_MINUTES.length; i++) expect(LOCK_BACKOFF_MINUTES[i]).toBeGreaterThan(LOCK_BACKOFF_MINUTES[i - 1]!);
    expect(lockSeconds(0)).toBe(lockSeconds(1));
  });
  it('each lock has its own message code, worded in both catalogs; minutes round up and are at least one', () => {
    expect(new Set(Object.values(LOCK_CODE)).size).toBe(3);
    const errors = (locale: 'en' | 'zh-CN') => (CATALOGS[locale] as { signin: { errors: Record<string, string> } }).signin.errors;
    for (const code of [...SIGNIN_FAILURES, ...Object.values(LOCK_CODE)]) {
      for (const locale of ['en', 'zh-CN'] as const) expect(errors(locale)[code], code).toBeTruthy();
    }
    for (const code of Object.values(LOCK_CODE)) expect(errors('en')[code]).toContain('{minutes');
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(60_000)).toBe(1);
    expect(minutesLeft(60_001)).toBe(2);
    expect(minutesLeft(-5)).toBe(1);
  });
});

describe('client address', () => {
  it('without a trusted proxy: the last X-Forwarded-For entry (Next sets it from the socket when absent)', () => {
    expect(clientAddress('127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:10.1.2.3', 0)).toBe('10.1.2.3');
    expect(clientAddress('6.6.6.6, 10.0.0.5', 0)).toBe('10.0.0.5');
    expect(clientAddress(null, 0)).toBe('unknown');
    expect(clientAddress('', 0)).toBe('unknown');
  });
  it('with N trusted proxies: the N-th entry from the right, whatever a client prepended', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('spoofed, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', 3)).toBe('203.0.113.7');
  });
  it('IPv6 addresses count per /64; ports and brackets are dropped; junk is bounded', () => {
    expect(normalizeAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('192.0.2.1:5555')).toBe('192.0.2.1');
    expect(normalizeAddress('x'.repeat(500)).length).toBeLessThanOrEqual(70);
  });
});

describe('password rehash decision', () => {
  const current = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},p=${ARGON2_PARAMS.parallelism},t=${ARGON2_PARAMS.timeCost}$c2FsdHNhbHQ$aGFzaA`;
  it('bcrypt hashes are rehashed, current argon2id ones are not', () => {
    expect(needsRehash('$2b$11$A41C4q/5AkTau5RgtO9zvePJ2Rr//gh1vEjuctYwOWn8Dl9WFrmK2')).toBe(true);
    expect(isBcryptHash('$2b$11$A41C4q/5AkTau5RgtO9zvePJ2Rr//gh1vEjuctYwOWn8Dl9WFrmK2')).toBe(true);
    expect(needsRehash(current)).toBe(false);
    expect(isBcryptHash(current)).toBe(false);
  });
  it('argon2 hashes with weaker parameters, other variants and garbage are rehashed', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA')).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=1,p=1$c2FsdA$aGFzaA`)).toBe(true);
    expect(needsRehash(`$argon2i$v=19$m=${ARGON2_PARAMS.memoryCost},t=2,p=1$c2FsdA$aGFzaA`)).toBe(true);
    expect(needsRehash('plain')).toBe(true);
  });
});
