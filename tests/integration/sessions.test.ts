/**
 * Sessions that end (issue 8, hole 3): every request checks the server-side session row, so
 * sign-out, deactivation and the administrator end a session at once, and reactivation does not
 * bring an old token back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '@/lib/data/errors';
import { endUserSessions, loadSessionActor, loadSessionUser, signOutSession } from '@/lib/data/sessions';
import { setUserActive, verifySignIn } from '@/lib/data/users';
import { ForbiddenError } from '@/lib/domain/policy';
import { SESSION_HOURS } from '@/lib/domain/signin';
import { DEMO_PASSWORD } from '@/prisma/seed/demo-data';
import { actorOf, openSeededTestDb, type TestDb } from './support';

let t: TestDb;
beforeAll(async () => {
  t = await openSeededTestDb();
});
afterAll(async () => {
  await t?.close();
});

/** Signs in and answers the token's ids, as the session cookie carries them. */
async function signIn(username: string, address = '192.0.2.1') {
  const r = await verifySignIn(t.prisma, { username, password: DEMO_PASSWORD }, { address });
  if (!r.ok) throw new Error(`sign-in of ${username} refused: ${r.code}`);
  return { uid: r.user.id, sid: r.sessionId };
}

describe('sessions', () => {
  it('a sign-in opens a session; the token works until sign-out, then never again (a copy of it included)', async () => {
    const token = await signIn('li.wen');
    const copy = { ...token };
    expect(await loadSessionActor(t.prisma, token)).toMatchObject({ id: token.uid, role: 'PROCURATOR' });
    const other = await signIn('li.wen', '192.0.2.2');
    expect(await signOutSession(t.prisma, token, 'req-signout')).toBe(true);
    expect(await loadSessionActor(t.prisma, copy)).toBeNull();
    // Signing out twice changes nothing more.
    expect(await signOutSession(t.prisma, copy)).toBe(false);
    const audits = await t.prisma.auditEvent.findMany({ where: { action: 'auth.signOut', recordId: token.sid } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: token.uid, requestId: 'req-signout' });
    // The same user's other session (another computer) goes on.
    expect(await loadSessionActor(t.prisma, other)).not.toBeNull();
  });

  it('the actor and the own profile come from one query, and an ended session yields neither', async () => {
    const token = await signIn('li.wen');
    const statements: string[] = [];
    const traced = t.prisma.$extends({ query: { $allOperations: async ({ model, operation, args, query }) => (statements.push(`${model}.${operation}`), query(args)) } });
    const user = await loadSessionUser(traced as unknown as typeof t.prisma, token);
    expect(statements).toEqual(['User.findFirst']);
    expect(user?.actor).toMatchObject({ id: token.uid, role: 'PROCURATOR', institutionKind: 'PROCURATORATE' });
    expect(user?.profile).toMatchObject({ id: token.uid, username: 'li.wen', role: 'PROCURATOR', institution: { kind: 'PROCURATORATE' } });
    expect(user?.profile.institution.name).toBeTruthy();
    await signOutSession(t.prisma, token);
    expect(await loadSessionUser(t.prisma, token)).toBeNull();
  });

  it('a token naming another user, an unknown session or no session is refused', async () => {
    const a = await signIn('wu.yating');
    const b = await signIn('zhou.hao');
    expect(await loadSessionActor(t.prisma, { uid: a.uid, sid: b.sid })).toBeNull();
    expect(await loadSessionActor(t.prisma, { uid: a.uid, sid: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    expect(await loadSessionActor(t.prisma, { uid: a.uid })).toBeNull();
    expect(await loadSessionActor(t.prisma, { uid: a.uid, sid: 'not-a-uuid' })).toBeNull();
    // A sign-out with a mismatched token ends nothing.
    expect(await signOutSession(t.prisma, { uid: a.uid, sid: b.sid })).toBe(false);
    expect(await loadSessionActor(t.prisma, b)).not.toBeNull();
  });

  it('a session expires with its cookie', async () => {
    const s = await signIn('qian.hui');
    const later = new Date(Date.now() + SESSION_HOURS * 3_600_000 + 60_000);
    expect(await loadSessionActor(t.prisma, s, later)).toBeNull();
    expect(await loadSessionActor(t.prisma, s)).not.toBeNull();
  });

  it('deactivation ends every session, and reactivation does not revive an old token', async () => {
    const admin = await actorOf(t.prisma, 'admin');
    const s1 = await signIn('zheng.lan');
    const s2 = await signIn('zheng.lan', '192.0.2.9');
    let u = await t.prisma.user.findUniqueOrThrow({ where: { username: 'zheng.lan' } });
    await setUserActive(t.prisma, admin, { userId: u.id, active: false, version: u.version }, 'req-deact');
    expect(await loadSessionActor(t.prisma, s1)).toBeNull();
    u = await t.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    await setUserActive(t.prisma, admin, { userId: u.id, active: true, version: u.version });
    expect(await loadSessionActor(t.prisma, s1)).toBeNull();
    expect(await loadSessionActor(t.prisma, s2)).toBeNull();
    const ended = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.sessionsEnded', recordId: u.id } });
    expect(ended).toMatchObject({ actorId: admin.id, requestId: 'req-deact', summary: { reason: 'deactivated', count: 2 } });
    // Signing in again after reactivation works: a new session.
    expect(await loadSessionActor(t.prisma, await signIn('zheng.lan'))).not.toBeNull();
  });

  it('the administrator ends a user’s sessions: audited, counted, refused on a stale version or for others', async () => {
    const admin = await actorOf(t.prisma, 'admin');
    const s1 = await signIn('he.min');
    const s2 = await signIn('he.min', '192.0.2.3');
    const u = await t.prisma.user.findUniqueOrThrow({ where: { username: 'he.min' } });
    await expect(endUserSessions(t.prisma, admin, { userId: u.id, version: u.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await loadSessionActor(t.prisma, s1)).not.toBeNull();
    for (const who of ['li.wen', 'wang.jianguo']) {
      await expect(endUserSessions(t.prisma, await actorOf(t.prisma, who), { userId: u.id, version: u.version })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(endUserSessions(t.prisma, admin, { userId: admin.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await endUserSessions(t.prisma, admin, { userId: u.id, version: u.version }, 'req-end')).toEqual({ ended: 2 });
    expect(await loadSessionActor(t.prisma, s1)).toBeNull();
    expect(await loadSessionActor(t.prisma, s2)).toBeNull();
    expect(await endUserSessions(t.prisma, admin, { userId: u.id, version: u.version })).toEqual({ ended: 0 });
    const rows = await t.prisma.auditEvent.findMany({ where: { action: 'auth.sessionsEnded', recordId: u.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.summary)).toEqual([
      { reason: 'endedByAdmin', count: 2 },
      { reason: 'endedByAdmin', count: 0 },
    ]);
    expect(rows[0]).toMatchObject({ actorId: admin.id, requestId: 'req-end' });
  });
});
