/**
 * The counterpart rule of lib/domain/policy.ts (`counterpartCriteria` / `isCounterpart`) against
 * the database: the institutions a form may offer, and the check of the one a command was given.
 * Every workflow that picks the other institution uses these two.
 */
import { counterpartCriteria, isCounterpart } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from './db';
import { FieldError } from './errors';

async function own(prisma: Db | Tx, institutionId: string) {
  return prisma.institution.findUniqueOrThrow({ where: { id: institutionId }, select: { kind: true, regionCode: true } });
}

/** The `where` of the institutions the actor's institution (or `institutionId`) may address. */
export async function counterpartWhere(prisma: Db | Tx, actor: Pick<Actor, 'institutionId'>): Promise<Prisma.InstitutionWhereInput> {
  return counterpartCriteria(await own(prisma, actor.institutionId));
}

/**
 * The institution `id` if the actor's institution may address it, with its code and departments;
 * otherwise a field error on `field` (the form offered only counterparts).
 */
export async function requireCounterpart(prisma: Db | Tx, actor: Pick<Actor, 'institutionId'>, id: string, field: string) {
  const [mine, other] = await Promise.all([
    own(prisma, actor.institutionId),
    prisma.institution.findUnique({ where: { id }, select: { id: true, kind: true, code: true, regionCode: true, departments: { select: { id: true } } } }),
  ]);
  if (!other || !isCounterpart(mine, other)) throw new FieldError(field, 'invalidChoice');
  return other;
}
