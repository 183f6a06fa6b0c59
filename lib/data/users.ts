/**
 * Users: sign-in verification with the failure throttle, the actor loader every request uses,
 * and account management for administrators. Every read and write passes lib/domain/policy.
 */
import { z } from 'zod';
import { needsRehash, nameKey, signInInput, type SignInFailure } from '@/lib/domain/signin';
import { assertAllowed, decideFeature, decideUser } from '@/lib/domain/policy';
import { roleFitsInstitution, type Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import { newUserInput } from '@/lib/domain/users/schemas';
import type { Db } from './db';
import { pageOf } from './page';
import { writeAudit } from './audit';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { ConflictError, FieldError } from './errors';
import { ACTOR_SELECT, actorOfRow, endSessions, openSession } from './sessions';
import { attemptSucceeded, consumeAttempt } from './signin-limits';

export type SignInResult =
  | { ok: true; user: { id: string; name: string; role: Actor['role']; institutionId: string }; sessionId: string }
  | { ok: false; code: SignInFailure; minutesLeft?: number };

export interface SignInContext {
  /** The client address as a limit key (lib/domain/signin.ts clientAddress); 'unknown' when none. */
  address?: string;
  requestId?: string;
  now?: Date;
}

/**
 * Checks a username and password. Unknown users, wrong passwords and deactivated users all
 * answer `invalidCredentials` after the same work (one argon2id verification). The attempt is
 * counted against the sign-in limits BEFORE the password is checked (lib/data/signin-limits.ts):
 * a locked name, address or pair is refused with its own message and the minutes left, and no
 * password is checked. A success opens a session and rehashes a legacy hash.
 */
export async function verifySignIn(prisma: Db, raw: unknown, ctx: SignInContext = {}): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalidInput' };
  const { username, password } = parsed.data;
  const name = nameKey(username);
  const address = ctx.address || 'unknown';
  const now = ctx.now ?? new Date();

  const counted = await consumeAttempt(prisma, name, address);
  if (!counted.ok) {
    const { refusal } = counted;
    if (refusal.started) {
      await prisma.$transaction((tx) =>
        writeAudit(tx, {
          actorId: null,
          institutionId: null,
          action: 'auth.locked',
          recordType: 'SignIn',
          recordId: refusal.limit === 'address' ? address : name,
          summary: { limit: refusal.limit, name, address, minutes: refusal.minutesLeft },
          requestId: ctx.requestId,
        }),
      );
    }
    return { ok: false, code: refusal.code, minutesLeft: refusal.minutesLeft };
  }

  const user = await prisma.user.findUnique({
    where: { username: name },
    select: { id: true, name: true, role: true, institutionId: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !passwordOk) return { ok: false, code: 'invalidCredentials' };

  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const sessionId = await prisma.$transaction(async (tx) => {
    if (rehash) {
      // Only if the hash is still the one just verified (a concurrent change wins).
      const { count } = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: rehash } });
      if (count) {
        await writeAudit(tx, {
          actorId: user.id,
          institutionId: user.institutionId,
          action: 'auth.passwordRehashed',
          recordType: 'User',
          recordId: user.id,
          summary: { scheme: 'argon2id' },
          requestId: ctx.requestId,
        });
      }
    }
    const id = await openSession(tx, user.id, now);
    await writeAudit(tx, {
      actorId: user.id,
      institutionId: user.institutionId,
      action: 'auth.signIn',
      recordType: 'User',
      recordId: user.id,
      summary: { sessionId: id },
      requestId: ctx.requestId,
    });
    return id;
  });
  await attemptSucceeded(prisma, counted.attempt);
  return { ok: true, user: { id: user.id, name: user.name, role: user.role, institutionId: user.institutionId }, sessionId };
}

/**
 * The actor of a user id, without a session (seed, scripts and tests). Requests go through
 * lib/data/sessions.ts loadSessionActor, which also checks the session.
 */
export async function loadActor(prisma: Db, userId: string): Promise<Actor | null> {
  if (!z.uuid().safeParse(userId).success) return null;
  return actorOfRow(await prisma.user.findUnique({ where: { id: userId }, select: ACTOR_SELECT }));
}

/** The internal directory of the actor's own institution (departments and their people). */
export async function getDirectory(prisma: Db, actor: Actor) {
  const feature = actor.institutionKind === 'PROCURATORATE' ? 'directory.procuratorate' : 'directory.court';
  assertAllowed(decideFeature(actor, feature), feature);
  return prisma.institution.findUniqueOrThrow({
    where: { id: actor.institutionId },
    select: {
      name: true,
      nameEn: true,
      regionCode: true,
      departments: {
        orderBy: { name: 'asc' },
        select: {
          id: true,
          name: true,
          nameEn: true,
          users: {
            where: { active: true },
            orderBy: [{ role: 'asc' }, { name: 'asc' }],
            select: { id: true, name: true, role: true, title: true },
          },
        },
      },
      users: {
        where: { active: true, departmentId: null },
        orderBy: [{ role: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, role: true, title: true },
      },
    },
  });
}

/** One page of the accounts of both institutions, for the administrator. */
export async function listUsers(prisma: Db, actor: Actor, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'users.manage'), 'users.manage');
  return pageOf([{ count: () => prisma.user.count(), find: (w) => findUsers(prisma, w) }], page);
}

function findUsers(prisma: Db, w: { skip: number; take: number }) {
  return prisma.user.findMany({
    orderBy: [{ institution: { kind: 'desc' } }, { active: 'desc' }, { username: 'asc' }, { id: 'asc' }],
    ...w,
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      title: true,
      active: true,
      version: true,
      institution: { select: { id: true, name: true, nameEn: true, kind: true } },
      department: { select: { id: true, name: true, nameEn: true } },
    },
  });
}

/** Institutions and their departments, for the administrator's account form. */
export async function listInstitutions(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'users.manage'), 'users.manage');
  return prisma.institution.findMany({
    orderBy: { kind: 'desc' },
    select: {
      id: true,
      kind: true,
      name: true,
      nameEn: true,
      departments: { orderBy: { name: 'asc' }, select: { id: true, name: true, nameEn: true } },
    },
  });
}

export { newUserInput, type NewUserInput } from '@/lib/domain/users/schemas';

export async function createUser(prisma: Db, actor: Actor, raw: unknown, requestId?: string) {
  assertAllowed(decideUser(actor, 'user.create', null), 'user.create');
  const input = newUserInput.parse(raw);
  const institution = await prisma.institution.findUnique({
    where: { id: input.institutionId },
    select: { id: true, kind: true, departments: { select: { id: true } } },
  });
  if (!institution) throw new FieldError('institutionId', 'invalidChoice');
  if (!roleFitsInstitution(input.role, institution.kind)) throw new FieldError('role', 'roleInstitutionMismatch');
  if (input.departmentId && !institution.departments.some((d) => d.id === input.departmentId)) {
    throw new FieldError('departmentId', 'invalidChoice');
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw new FieldError('username', 'usernameTaken');
    const user = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        title: input.title,
        role: input.role,
        institutionId: institution.id,
        departmentId: input.departmentId,
        passwordHash,
      },
      select: { id: true, username: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: 'user.create',
      recordType: 'User',
      recordId: user.id,
      summary: { after: { username: input.username, name: input.name, role: input.role, institutionId: institution.id } },
      requestId,
    });
    return user;
  });
}

export const setActiveInput = z.object({
  userId: z.uuid({ error: 'invalidChoice' }),
  active: z.boolean(),
  version: z.coerce.number().int().positive(),
});

/** Deactivate or reactivate an account; accounts are never deleted (they sign audit events). */
export async function setUserActive(prisma: Db, actor: Actor, raw: unknown, requestId?: string) {
  const input = setActiveInput.parse(raw);
  return prisma.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, institutionId: true, active: true, version: true },
    });
    if (!target) throw new FieldError('userId', 'notFound');
    assertAllowed(
      decideUser(actor, input.active ? 'user.update' : 'user.deactivate', target),
      input.active ? 'user.update' : 'user.deactivate',
    );
    const { count } = await tx.user.updateMany({
      where: { id: target.id, version: input.version },
      data: { active: input.active, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: input.active ? 'user.activate' : 'user.deactivate',
      recordType: 'User',
      recordId: target.id,
      summary: { before: { active: target.active }, after: { active: input.active } },
      requestId,
    });
    // A deactivated account's sessions end now: reactivation does not bring them back.
    if (!input.active) await endSessions(tx, target.id, 'deactivated', { actorId: actor.id, institutionId: actor.institutionId, requestId });
  });
}
