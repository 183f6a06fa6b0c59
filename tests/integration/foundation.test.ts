import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { loadCalendarEntries } from '@/lib/data/calendar';
import { importHolidayCsv } from '@/lib/data/calendar-import';
import { ConflictError, FieldError } from '@/lib/data/errors';
import { createPrisma } from '@/lib/data/db';
import { checkDatabase } from '@/lib/data/health';
import { createUser, getDirectory, listUsers, loadActor, setUserActive, verifySignIn } from '@/lib/data/users';
import { ForbiddenError } from '@/lib/domain/policy';
import { ROLES, type Actor } from '@/lib/domain/roles';
import { LOCK_BACKOFF_MINUTES, SIGNIN_LIMITS } from '@/lib/domain/signin';
import { seed, HOLIDAYS_CSV } from '@/prisma/seed/seed';
import { DEMO_PASSWORD, DEMO_USERS } from '@/prisma/seed/demo-data';
import { actorOf as sharedActorOf, openTestDb, type TestDb } from './support';

let t: TestDb;
const lines: string[] = [];

beforeAll(async () => {
  t = await openTestDb();
  await seed(t.prisma, (l) => lines.push(l));
});
afterAll(async () => {
  await t?.close();
});

const actorOf = (username: string): Promise<Actor> => sharedActorOf(t.prisma, username);

describe('demo seed', () => {
  it('prints a progress line per step and covers every role with 12+ users', async () => {
    const progress = lines.map((l) => /^\[seed (\d+)\/(\d+)\]/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.map((m) => Number(m[1]))).toEqual(progress.map((_, i) => i + 1));
    expect(new Set(progress.map((m) => m[2]))).toEqual(new Set([String(progress.length)]));
    const users = await t.prisma.user.findMany();
    expect(users.length).toBeGreaterThanOrEqual(12);
    for (const role of ROLES) expect(users.some((u) => u.role === role && u.active), role).toBe(true);
    const kinds = await t.prisma.institution.findMany({ select: { kind: true, regionCode: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(['COURT', 'PROCURATORATE']);
    expect(new Set(kinds.map((k) => k.regionCode)).size).toBe(1);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = {
      users: await t.prisma.user.findMany({ orderBy: { username: 'asc' } }),
      depts: await t.prisma.department.count(),
      days: await t.prisma.calendarDay.count(),
      audits: await t.prisma.auditEvent.count(),
    };
    const again: string[] = [];
    await seed(t.prisma, (l) => again.push(l));
    expect(await t.prisma.user.findMany({ orderBy: { username: 'asc' } })).toEqual(before.users);
    expect(await t.prisma.department.count()).toBe(before.depts);
    expect(await t.prisma.calendarDay.count()).toBe(before.days);
    expect(await t.prisma.auditEvent.count()).toBe(before.audits);
    expect(again.join('\n')).toMatch(/0 added, 0 changed, 0 removed, 180 unchanged/);
  });

  it('loads the official calendar from the shipped CSV', async () => {
    const entries = await loadCalendarEntries(t.prisma);
    expect(entries).toHaveLength(180);
    expect(entries.find((e) => e.date === '2024-02-04')).toEqual({ date: '2024-02-04', kind: 'workday', name: 'Spring Festival' });
    expect(entries.find((e) => e.date === '2026-10-01')?.kind).toBe('holiday');
  });
});

describe('sign-in', () => {
  const now = new Date('2026-11-27T02:00:00Z');
  const at = { now, address: '192.0.2.10' };

  it('accepts every active demo user with the demo password and writes an audit event', async () => {
    for (const u of DEMO_USERS.filter((x) => x.active !== false)) {
      const r = await verifySignIn(t.prisma, { username: u.username, password: DEMO_PASSWORD }, { ...at, requestId: 'req-test-1' });
      expect(r.ok, u.username).toBe(true);
    }
    const events = await t.prisma.auditEvent.findMany({ where: { action: 'auth.signIn', requestId: 'req-test-1' } });
    expect(events).toHaveLength(DEMO_USERS.filter((x) => x.active !== false).length);
  });

  it('answers the same for a wrong password, an unknown user and a deactivated user', async () => {
    const wrong = await verifySignIn(t.prisma, { username: 'li.wen', password: 'nope' }, at);
    const unknown = await verifySignIn(t.prisma, { username: 'nobody.here', password: 'nope' }, at);
    const inactive = await verifySignIn(t.prisma, { username: 'ma.retired', password: DEMO_PASSWORD }, at);
    expect(wrong).toEqual({ ok: false, code: 'invalidCredentials' });
    expect(unknown).toEqual(wrong);
    expect(inactive).toEqual(wrong);
  });

  it('locks a name at an address after repeated failures, known or not, and a correct password then waits too', async () => {
    // More in tests/integration/signin-limits.test.ts (parallel guesses, backoff, other addresses).
    const here = { now, address: '192.0.2.11' };
    for (const name of ['wu.yating', 'ghost.user']) {
      for (let i = 0; i < SIGNIN_LIMITS.nameAddress.points; i++) {
        expect(await verifySignIn(t.prisma, { username: name, password: 'bad' }, here)).toEqual({ ok: false, code: 'invalidCredentials' });
      }
      const locked = await verifySignIn(t.prisma, { username: name, password: 'bad' }, here);
      expect(locked).toEqual({ ok: false, code: 'locked', minutesLeft: LOCK_BACKOFF_MINUTES[0] });
    }
    const during = await verifySignIn(t.prisma, { username: 'WU.YATING', password: DEMO_PASSWORD }, here);
    expect(during).toMatchObject({ ok: false, code: 'locked' });
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.locked', recordId: { in: ['wu.yating', 'ghost.user'] } } })).toBe(2);
  });

  it('refuses bad input with invalidInput and writes nothing', async () => {
    const before = await t.prisma.signInLimit.count();
    const audits = await t.prisma.auditEvent.count();
    const bad = [
      {},
      { username: '', password: '' },
      { username: 'x'.repeat(10 * 1024), password: 'y' },
      { username: 'li.wen', password: 'p'.repeat(10 * 1024) },
      { username: 'li\u0000wen', password: 'x' },
      { username: ['li.wen'], password: 'x' },
    ];
    for (const input of bad) expect(await verifySignIn(t.prisma, input, at)).toEqual({ ok: false, code: 'invalidInput' });
    expect(await t.prisma.signInLimit.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(audits);
  });

  it('treats injection-shaped and odd Unicode values as plain data', async () => {
    for (const username of ["' OR '1'='1", "admin'--", '检察官\uFFFD', 'x; DROP TABLE "User";']) {
      expect(await verifySignIn(t.prisma, { username, password: "' OR '1'='1" }, at)).toEqual({ ok: false, code: 'invalidCredentials' });
    }
    expect(await t.prisma.user.count()).toBe(DEMO_USERS.length);
  });

  it('a deactivated user has no actor, so no session can act for them', async () => {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username: 'ma.retired' } });
    expect(await loadActor(t.prisma, u.id)).toBeNull();
    expect(await loadActor(t.prisma, 'not-a-uuid')).toBeNull();
  });
});

describe('accounts', () => {
  it('an administrator creates an account, audited in the same transaction', async () => {
    const admin = await actorOf('admin');
    const proc = await t.prisma.institution.findFirstOrThrow({ where: { kind: 'PROCURATORATE' } });
    const user = await createUser(
      t.prisma,
      admin,
      { username: 'New.Person', name: '新同事', role: 'PROCURATOR', institutionId: proc.id, password: 'long-enough-pw' },
      'req-create',
    );
    expect(user.username).toBe('new.person');
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.create', recordId: user.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.requestId).toBe('req-create');
    const signIn = await verifySignIn(t.prisma, { username: 'new.person', password: 'long-enough-pw' });
    expect(signIn.ok).toBe(true);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const admin = await actorOf('admin');
    const court = await t.prisma.institution.findFirstOrThrow({ where: { kind: 'COURT' } });
    const count = await t.prisma.user.count();
    const base = { username: 'someone', name: 'Someone', role: 'COURT_STAFF', institutionId: court.id, password: 'long-enough-pw' };
    await expect(createUser(t.prisma, admin, { ...base, username: 'li.wen' })).rejects.toEqual(new FieldError('username', 'usernameTaken'));
    await expect(createUser(t.prisma, admin, { ...base, role: 'PROCURATOR' })).rejects.toEqual(new FieldError('role', 'roleInstitutionMismatch'));
    await expect(createUser(t.prisma, admin, { ...base, institutionId: '00000000-0000-4000-8000-000000000000' })).rejects.toEqual(
      new FieldError('institutionId', 'invalidChoice'),
    );
    await expect(createUser(t.prisma, admin, { ...base, password: 'short' })).rejects.toThrow(/passwordTooShort/);
    await expect(createUser(t.prisma, admin, { ...base, name: 'n'.repeat(10_000) })).rejects.toThrow(/tooLong/);
    const otherDept = await t.prisma.department.findFirstOrThrow({ where: { institution: { kind: 'PROCURATORATE' } } });
    await expect(createUser(t.prisma, admin, { ...base, departmentId: otherDept.id })).rejects.toEqual(
      new FieldError('departmentId', 'invalidChoice'),
    );
    expect(await t.prisma.user.count()).toBe(count);
  });

  it('only an administrator may manage accounts', async () => {
    const court = await t.prisma.institution.findFirstOrThrow({ where: { kind: 'COURT' } });
    for (const username of ['li.wen', 'zhao.mingyuan', 'lin.xue', 'wang.jianguo']) {
      const a = await actorOf(username);
      await expect(
        createUser(t.prisma, a, { username: 'x.y', name: 'X', role: 'COURT_STAFF', institutionId: court.id, password: 'long-enough-pw' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listUsers(t.prisma, a)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('two administrators deactivating the same account at once: one wins, the other is told', async () => {
    const admin = await actorOf('admin');
    const target = await t.prisma.user.findUniqueOrThrow({ where: { username: 'zheng.lan' } });
    const results = await Promise.allSettled([
      setUserActive(t.prisma, admin, { userId: target.id, active: false, version: target.version }),
      setUserActive(t.prisma, admin, { userId: target.id, active: false, version: target.version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ active: false, version: target.version + 1 });
    expect(await t.prisma.auditEvent.count({ where: { action: 'user.deactivate', recordId: target.id } })).toBe(1);
    expect(await loadActor(t.prisma, target.id)).toBeNull();
    // Reactivate for the tests after this one.
    await setUserActive(t.prisma, admin, { userId: target.id, active: true, version: after.version });
  });

  it('an administrator may not deactivate themself', async () => {
    const admin = await actorOf('admin');
    const self = await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(setUserActive(t.prisma, admin, { userId: admin.id, active: false, version: self.version })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('each institution sees only its own directory', async () => {
    const p = await getDirectory(t.prisma, await actorOf('li.wen'));
    const c = await getDirectory(t.prisma, await actorOf('lin.xue'));
    expect(p.name).toContain('检察院');
    expect(c.name).toContain('法院');
    const names = (d: typeof p) => d.departments.flatMap((x) => x.users.map((u) => u.name));
    expect(names(p)).toContain('李文');
    expect(names(p)).not.toContain('林雪');
    expect(names(p)).not.toContain('马建设'); // deactivated
    await expect(getDirectory(t.prisma, await actorOf('admin'))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('holiday calendar import', () => {
  it('replaces a year from a file, audited; a file with an error changes nothing', async () => {
    const admin = await actorOf('admin');
    const csv = await readFile(HOLIDAYS_CSV, 'utf8');
    const only2026 = csv
      .split('\n')
      .filter((l, i) => i === 0 || l.startsWith('2026-'))
      .filter((l) => !l.startsWith('2026-10-07'))
      .join('\n');
    const r = await importHolidayCsv(t.prisma, admin, only2026, 'req-cal');
    expect(r).toMatchObject({ ok: true, years: [2026], added: 0, changed: 0, removed: 1 });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'calendar.import', requestId: 'req-cal' } });
    expect(audit.summary).toMatchObject({ removed: 1, removedDays: [{ date: '2026-10-07' }] });

    const count = await t.prisma.calendarDay.count();
    const bad = await importHolidayCsv(t.prisma, admin, 'date,kind,name\n2027-01-01,holiday,New Year\n2027-02-30,holiday,X\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ line: 3, field: 'date', code: 'invalidDate' });
    expect(await t.prisma.calendarDay.count()).toBe(count);

    const back = await importHolidayCsv(t.prisma, admin, csv);
    expect(back).toMatchObject({ ok: true, added: 1, removed: 0 });
  });

  it('only an administrator may import', async () => {
    await expect(importHolidayCsv(t.prisma, await actorOf('zhao.mingyuan'), 'date,kind,name\n')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('health', () => {
  it('reports the database up', async () => {
    expect((await checkDatabase(t.prisma)).ok).toBe(true);
  });
  it('reports it down when nothing answers, within the timeout', async () => {
    // A port nothing listens on (the discard port): the health route answers 503 on this.
    const down = createPrisma('postgresql://postgres@127.0.0.1:9/nowhere', 1);
    const r = await checkDatabase(down, 2000);
    expect(r.ok).toBe(false);
    expect(r.latencyMs).toBeLessThan(5000);
    await down.$disconnect().catch(() => {});
  });
});
