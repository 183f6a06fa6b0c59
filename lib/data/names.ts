/**
 * Display names for the people and institutions a list or detail page mentions, looked up in
 * one round trip each (duplicates and empty ids dropped).
 */
import type { Db } from './db';

export type InstitutionName = { name: string; nameEn: string };

export type Names = {
  /** The user's name, or null for no id or an unknown user. */
  user: (id: string | null) => string | null;
  /** The institution's names, or empty strings for an unknown institution. */
  inst: (id: string) => InstitutionName;
};

export async function names(prisma: Db, userIds: (string | null)[], institutionIds: string[]): Promise<Names> {
  const uids = [...new Set(userIds.filter((x): x is string => !!x))];
  const iids = [...new Set(institutionIds)];
  const [users, insts] = await Promise.all([
    uids.length ? prisma.user.findMany({ where: { id: { in: uids } }, select: { id: true, name: true } }) : [],
    iids.length ? prisma.institution.findMany({ where: { id: { in: iids } }, select: { id: true, name: true, nameEn: true } }) : [],
  ]);
  const user = new Map(users.map((u) => [u.id, u.name]));
  const inst = new Map(insts.map((i) => [i.id, { name: i.name, nameEn: i.nameEn }]));
  return {
    user: (id) => (id ? (user.get(id) ?? null) : null),
    inst: (id) => inst.get(id) ?? { name: '', nameEn: '' },
  };
}
