/**
 * Server-side sessions: one `Session` row per sign-in. The session cookie (next-auth's JWT) names
 * the row (`sid`) and its user (`uid`); every request loads the actor through the row in one query
 * (`loadSessionActor`), so an ended session stops working at once on every app server.
 */
import { z } from 'zod';
import { SESSION_HOURS, type SessionEndReason } from '@/lib/domain/signin';
import { assertAllowed, decideUser } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from './db';
import { writeAudit } from './audit';
import { ConflictError, FieldError } from './errors';

/** What an actor is made of, as every request reads it. */
export const ACTOR_SELECT = {
  id: true,
  role: true,
  active: true,
  institutionId: true,
  departmentId: true,
  institution: { select: { kind: true } },
} as const;

/**
 * The signed-in user's own profile (header, home page), read in the same query as the actor:
 * one statement per request for both.
 */
export const PROFILE_SELECT = {
  id: true,
  username: true,
  name: true,
  role: true,
  title: true,
  createdAt: true,
  institution: { select: { id: true, kind: true, name: true, nameEn: true, regionCode: true } },
  department: { select: { id: true, name: true, nameEn: true } },
} as const;
export type Profile = Prisma.UserGetPayload<{ select: typeof PROFILE_SELECT }>;

type ActorRow = { id: string; role: Actor['role']; active: boolean; institutionId: string; departmentId: string | null; institution: { kind: Actor['institutionKind'] } };

export function actorOfRow(user: ActorRow | null): Actor | null {
  if (!user || !user.active) return null;
  return {
    id: user.id,
    role: user.role,
    active: user.active,
    institutionId: user.institutionId,
    institutionKind: user.institution.kind,
    departmentId: user.departmentId,
  };
}

/** Opens a session for a user who just signed in (inside the sign-in's transaction). */
export async function openSession(tx: Tx, userId: string, now: Date): Promise<string> {
  const s = await tx.session.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) },
    select: { id: true },
  });
  return s.id;
}

/** The actor and profile of an open session: the session must be open and unexpired, its user active. */
export async function loadSessionUser(prisma: Db, token: { uid?: unknown; sid?: unknown }, now: Date = new Date()): Promise<{ actor: Actor; profile: Profile } | null> {
  const ids = z.object({ uid: z.uuid(), sid: z.uuid() }).safeParse(token);
  if (!ids.success) return null;
  // The actor load itself, narrowed to a user who holds this open session: no extra round trip.
  const user = await prisma.user.findFirst({
    where: { id: ids.data.uid, active: true, sessions: { some: { id: ids.data.sid, endedAt: null, expiresAt: { gt: now } } } },
    select: { ...ACTOR_SELECT, ...PROFILE_SELECT },
  });
  const actor = actorOfRow(user);
  if (!actor || !user) return null;
  const { id, username, name, role, title, createdAt, institution, department } = user;
  return { actor, profile: { id, username, name, role, title, createdAt, institution, department } };
}

/** The actor of an open session (see loadSessionUser). */
export async function loadSessionActor(prisma: Db, token: { uid?: unknown; sid?: unknown }, now: Date = new Date()): Promise<Actor | null> {
  return (await loadSessionUser(prisma, token, now))?.actor ?? null;
}

/**
 * Ends every open session of a user: the one function deactivation, the administrator, and (when
 * they exist) password and role changes call, in their own transaction. Audited with the count.
 */
export async function endSessions(
  tx: Tx,
  userId: string,
  reason: SessionEndReason,
  by: { actorId: string | null; institutionId: string | null; requestId?: string },
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: new Date(), endedReason: reason },
  });
  await writeAudit(tx, {
    actorId: by.actorId,
    institutionId: by.institutionId,
    action: 'auth.sessionsEnded',
    recordType: 'User',
    recordId: userId,
    summary: { reason, count },
    requestId: by.requestId,
  });
  return count;
}

/** Sign-out: ends the one session the cookie names (a copy of the cookie dies with it). */
export async function signOutSession(prisma: Db, token: { uid?: unknown; sid?: unknown }, requestId?: string): Promise<boolean> {
  const ids = z.object({ uid: z.uuid(), sid: z.uuid() }).safeParse(token);
  if (!ids.success) return false;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: ids.data.sid, userId: ids.data.uid, endedAt: null },
      data: { endedAt: new Date(), endedReason: 'signOut' satisfies SessionEndReason },
    });
    if (count === 0) return false;
    const user = await tx.user.findUnique({ where: { id: ids.data.uid }, select: { institutionId: true } });
    await writeAudit(tx, {
      actorId: ids.data.uid,
      institutionId: user?.institutionId ?? null,
      action: 'auth.signOut',
      recordType: 'Session',
      recordId: ids.data.sid,
      requestId,
    });
    return true;
  });
}

export const endUserSessionsInput = z.object({
  userId: z.uuid({ error: 'invalidChoice' }),
  version: z.coerce.number().int().positive(),
});

/**
 * The administrator ends a user's sessions (the user must sign in again everywhere). The version
 * is the one the administrator saw: a changed account answers a conflict instead.
 */
export async function endUserSessions(prisma: Db, actor: Actor, raw: unknown, requestId?: string): Promise<{ ended: number }> {
  const input = endUserSessionsInput.parse(raw);
  return prisma.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, institutionId: true, version: true } });
    if (!target) throw new FieldError('userId', 'notFound');
    assertAllowed(decideUser(actor, 'user.deactivate', target), 'user.deactivate');
    if (target.version !== input.version) throw new ConflictError();
    const ended = await endSessions(tx, target.id, 'endedByAdmin', { actorId: actor.id, institutionId: actor.institutionId, requestId });
    return { ended };
  });
}
