/**
 * The sign-in limits under attack (issue 8, holes 1, 2, 7): parallel guesses are counted before any
 * password is checked, per address and per name, with backoff, and an attacker elsewhere cannot
 * lock the real user out at their usual address. Real PostgreSQL; only the clock is faked (Date).
 */
import bcrypt from 'bcryptjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrisma } from '@/lib/data/db';
import { urlAs } from '@/scripts/db/access.mjs';
import { verifySignIn, type SignInResult } from '@/lib/data/users';
import { LOCK_BACKOFF_MINUTES, SIGNIN_LIMITS } from '@/lib/domain/signin';
import { DEMO_PASSWORD } from '@/prisma/seed/demo-data';
import { openSeededTestDb, type TestDb } from './support';

let t: TestDb;
beforeAll(async () => {
  t = await openSeededTestDb();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const attempt = (username: string, password: string, address: string) => verifySignIn(t.prisma, { username, password }, { address });
const codes = (rs: SignInResult[]) => rs.map((r) => (r.ok ? 'ok' : r.code));
const count = (rs: SignInResult[], code: string) => codes(rs).filter((c) => c === code).length;

describe('parallel guesses', () => {
  it('50 parallel wrong passwords: only the first few are checked, the rest are refused as locked, one lock audited', async () => {
    const rs = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt('li.wen', `wrong-${i}`, '198.51.100.1')));
    expect(count(rs, 'invalidCredentials')).toBe(SIGNIN_LIMITS.nameAddress.points);
    expect(count(rs, 'locked')).toBe(50 - SIGNIN_LIMITS.nameAddress.points);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.locked', recordId: 'li.wen' } })).toBe(1);
    // Locked: even the right password is refused now, with the minutes of the first lock.
    expect(await attempt('li.wen', DEMO_PASSWORD, '198.51.100.1')).toEqual({ ok: false, code: 'locked', minutesLeft: LOCK_BACKOFF_MINUTES[0] });
    // Only that pair is locked: the refused guesses counted neither against the name elsewhere nor
    // against the address for other names.
    expect((await attempt('li.wen', DEMO_PASSWORD, '192.0.2.1')).ok).toBe(true);
    const addressCount = await t.prisma.signInLimit.findUniqueOrThrow({ where: { key: 'ad:198.51.100.1' } });
    expect(addressCount.points).toBe(SIGNIN_LIMITS.nameAddress.points);
    expect((await attempt('wu.yating', DEMO_PASSWORD, '198.51.100.1')).ok).toBe(true);
  });

  it('the right password sent as #40 of 50 parallel guesses is refused', async () => {
    const rs = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt('zhao.mingyuan', i === 39 ? DEMO_PASSWORD : `guess-${i}`, '198.51.100.2')),
    );
    expect(rs[39]).toMatchObject({ ok: false, code: 'locked' });
    expect(rs.some((r) => r.ok)).toBe(false);
    expect(await t.prisma.session.count({ where: { user: { username: 'zhao.mingyuan' } } })).toBe(0);
  });

  it('the limits hold across app servers: two clients (two pools) on one database share the counts', async () => {
    // Without TEST_DATABASE_URL the copy is an in-process PGlite; tests/e2e/two-servers.spec.ts covers it there.
    if (t.kind !== 'postgres') return;
    // A second app server: its own pool, as the app role, on the same database.
    const other = createPrisma(urlAs(t.ownerUrl!), 3);
    try {
      const viaA = await Promise.all(Array.from({ length: 3 }, (_, i) => attempt('sun.lixin', `a-${i}`, '198.51.100.3')));
      const viaB = await Promise.all(
        Array.from({ length: 3 }, (_, i) => verifySignIn(other, { username: 'sun.lixin', password: `b-${i}` }, { address: '198.51.100.3' })),
      );
      expect(count([...viaA, ...viaB], 'invalidCredentials')).toBe(SIGNIN_LIMITS.nameAddress.points);
      expect(await verifySignIn(other, { username: 'sun.lixin', password: DEMO_PASSWORD }, { address: '198.51.100.3' })).toMatchObject({ code: 'locked' });
    } finally {
      await other.$disconnect();
    }
  });
});

describe('per address and per name', () => {
  it('one address trying many names is capped (lockedAddress); another address is not affected', async () => {
    const n = SIGNIN_LIMITS.address.points + 5;
    const rs = await Promise.all(Array.from({ length: n }, (_, i) => attempt(`sprayed.${i}`, 'Password1', '203.0.113.66')));
    expect(count(rs, 'invalidCredentials')).toBe(SIGNIN_LIMITS.address.points);
    expect(count(rs, 'lockedAddress')).toBe(5);
    expect(await attempt('wu.yating', DEMO_PASSWORD, '203.0.113.66')).toMatchObject({ ok: false, code: 'lockedAddress' });
    expect(await attempt('wu.yating', DEMO_PASSWORD, '203.0.113.67')).toMatchObject({ ok: true });
  });

  it('guesses spread over many addresses lock the name there, but not for the real user at their usual address', async () => {
    // The real user signs in from the office once: that address is now known for the name.
    expect((await attempt('chen.zhiqiang', DEMO_PASSWORD, '192.0.2.50')).ok).toBe(true);
    // An attacker sends a few guesses from each of many addresses (never enough to lock a pair).
    const guesses = Array.from({ length: SIGNIN_LIMITS.name.points + 10 }, (_, i) => attempt('chen.zhiqiang', `x${i}`, `10.9.${i >> 2}.${i}`));
    const rs = await Promise.all(guesses);
    expect(count(rs, 'invalidCredentials')).toBe(SIGNIN_LIMITS.name.points);
    expect(count(rs, 'lockedName')).toBe(10);
    // From a new address the name is locked, and the message says why and for how long.
    expect(await attempt('chen.zhiqiang', DEMO_PASSWORD, '10.200.0.1')).toEqual({ ok: false, code: 'lockedName', minutesLeft: LOCK_BACKOFF_MINUTES[0] });
    // From the usual address the real user still signs in.
    expect((await attempt('chen.zhiqiang', DEMO_PASSWORD, '192.0.2.50')).ok).toBe(true);
  });

  it('an attacker at one address locks only that address for the name', async () => {
    for (let i = 0; i <= SIGNIN_LIMITS.nameAddress.points; i++) await attempt('zhou.hao', `bad-${i}`, '198.51.100.9');
    expect(await attempt('zhou.hao', DEMO_PASSWORD, '198.51.100.9')).toMatchObject({ code: 'locked' });
    expect((await attempt('zhou.hao', DEMO_PASSWORD, '192.0.2.77')).ok).toBe(true);
  });

  it('a success clears the consecutive failures of the name at that address', async () => {
    const here = '198.51.100.20';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGNIN_LIMITS.nameAddress.points - 1; i++) {
        expect(await attempt('li.wen', 'typo', here)).toMatchObject({ code: 'invalidCredentials' });
      }
      expect((await attempt('li.wen', DEMO_PASSWORD, here)).ok).toBe(true);
    }
  });
});

describe('backoff', () => {
  it('each lock lasts longer than the last; guesses during a lock do not renew it', async () => {
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: t0 });
    const here = '198.51.100.30';
    const lockOnce = async () => {
      let last: SignInResult | undefined;
      for (let i = 0; i <= SIGNIN_LIMITS.nameAddress.points; i++) last = await attempt('ghost.backoff', `g${i}`, here);
      return last;
    };
    let clock = t0;
    for (const minutes of LOCK_BACKOFF_MINUTES.slice(0, 3)) {
      expect(await lockOnce()).toEqual({ ok: false, code: 'locked', minutesLeft: minutes });
      // A guess one minute in: still locked, one minute less left (not renewed).
      vi.setSystemTime((clock += 60_000));
      expect(await attempt('ghost.backoff', 'again', here)).toEqual({ ok: false, code: 'locked', minutesLeft: minutes - 1 });
      vi.setSystemTime((clock += minutes * 60_000));
    }
  });
});

describe('legacy hashes', () => {
  it('a bcrypt hash still verifies, and the sign-in rehashes it to argon2id (audited)', async () => {
    const legacy = await bcrypt.hash(DEMO_PASSWORD, 10);
    const u = await t.prisma.user.update({ where: { username: 'zheng.lan' }, data: { passwordHash: legacy }, select: { id: true } });
    expect((await attempt('zheng.lan', 'not it', '192.0.2.90')).ok).toBe(false);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBe(legacy);
    expect((await attempt('zheng.lan', DEMO_PASSWORD, '192.0.2.90')).ok).toBe(true);
    const after = (await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash;
    expect(after).toMatch(/^\$argon2id\$v=19\$m=19456,/);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.passwordRehashed', recordId: u.id } })).toBe(1);
    expect((await attempt('zheng.lan', DEMO_PASSWORD, '192.0.2.90')).ok).toBe(true);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.passwordRehashed', recordId: u.id } })).toBe(1);
  });
});
