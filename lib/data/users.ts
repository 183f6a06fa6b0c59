/**
 * Users: sign-in verification with the failure throttle, the actor loader every request uses,
 * and account management for administrators. Every read and write passes lib/domain/policy.
 */
import { z } from 'zod';
import {
  afterFailure,
  lockMinutesLeft,
  signInInput,
  throttleKey,
  type SignInFailure,
} from '@/lib/domain/signin';
import { assertAllowed, decideFeature, decideUser } from '@/lib/domain/policy';
import { roleFitsInstitution, type Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import { newUserInput } from '@/lib/domain/users/schemas';
import type { Db } from './db';
import { pageOf } from './page';
import { writeAudit } from './audit';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { ConflictError, FieldError } from './errors';

export type SignInResult =
  | { ok: true; user: { id: string; name: string; role: Actor['role']; institutionId: string } }
  | { ok: false; code: SignInFailure; minutesLeft?: number };

/**
 * Checks a username and password. Unknown users, wrong passwords and deactivated users all
 * answer `invalidCredentials` after the same amount of work; five failures in a row lock the
 * name for a while, whether or not such a user exists.
 */
export async function verifySignIn(
  prisma: Db,
  raw: unknown,
  now: Date = new Date(),
  requestId?: string,
): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalidInput' };
  const { username, password } = parsed.data;
  const key = throttleKey(username);

  const throttle = await prisma.signInThrottle.findUnique({ where: { key } });
  const left = lockMinutesLeft(throttle, now);
  if (left > 0) return { ok: false, code: 'locked', minutesLeft: left };

  const user = await prisma.user.findUnique({
    where: { username: key },
    select: { id: true, name: true, role: true, institutionId: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);

  if (user && user.active && passwordOk) {
    await prisma.$transaction(async (tx) => {
      if (throttle) await tx.signInThrottle.delete({ where: { key } });
      await writeAudit(tx, {
        actorId: user.id,
        institutionId: user.institutionId,
        action: 'auth.signIn',
        recordType: 'User',
        recordId: user.id,
        requestId,
      });
    });
    return { ok: true, user: { id: user.id, name: user.name, role: user.role, institutionId: user.institutionId } };
  }

  const next = afterFailure(throttle, now);
  await prisma.$transaction(async (tx) => {
    await tx.signInThrottle.upsert({
      where: { key },
      create: { key, ...next },
      update: next,
    });
    if (next.lockedUntil) {
      await writeAudit(tx, {
        actorId: null,
        institutionId: user?.institutionId ?? null,
        action: 'auth.locked',
        recordType: 'SignIn',
        recordId: key,
        summary: { until: next.lockedUntil.toISOString() },
        requestId,
      });
    }
  });
  if (next.lockedUntil) return { ok: false, code: 'locked', minutesLeft: lockMinutesLeft(next, now) };
  return { ok: false, code: 'invalidCredentials' };
}

/** Loads the actor for a user id from the session: role and institution as stored now. */
export async function loadActor(prisma: Db, userId: string): Promise<Actor | null> {
  if (!z.uuid().safeParse(userId).success) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      active: true,
      institutionId: true,
      departmentId: true,
      institution: { select: { kind: true } },
    },
  });
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

/** The signed-in user's own profile, for the home page and the header. */
export async function getProfile(prisma: Db, actor: Actor) {
  assertAllowed(decideUser(actor, 'user.view', { id: actor.id, institutionId: actor.institutionId }), 'user.view');
  return prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      title: true,
      createdAt: true,
      institution: { select: { id: true, kind: true, name: true, nameEn: true, regionCode: true } },
      department: { select: { id: true, name: true, nameEn: true } },
    },
  });
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
  });
}
