/**
 * Idempotent builders for seed data; tests use them as factories too.
 * Everything is keyed by a natural key (institution code, department key, username), so running
 * the seed twice changes nothing.
 */
import type { Db } from '@/lib/data/db';
import { hashPassword } from '@/lib/data/passwords';
import type { InstitutionKind, Role } from '@/lib/domain/roles';

export interface InstitutionSpec {
  code: string;
  kind: InstitutionKind;
  name: string;
  nameEn: string;
  regionCode: string;
}

export async function ensureInstitution(prisma: Db, spec: InstitutionSpec) {
  return prisma.institution.upsert({
    where: { code: spec.code },
    create: spec,
    update: { name: spec.name, nameEn: spec.nameEn, regionCode: spec.regionCode, kind: spec.kind },
  });
}

export async function ensureDepartment(prisma: Db, institutionId: string, key: string, name: string, nameEn: string) {
  return prisma.department.upsert({
    where: { institutionId_key: { institutionId, key } },
    create: { institutionId, key, name, nameEn },
    update: { name, nameEn },
  });
}

export interface UserSpec {
  username: string;
  name: string;
  role: Role;
  title?: string | null;
  institutionId: string;
  departmentId?: string | null;
  password: string;
  active?: boolean;
}

/** Creates the user, or brings an existing one back to the spec (password kept if it still matches). */
export async function ensureUser(prisma: Db, spec: UserSpec, passwordHash?: string) {
  const existing = await prisma.user.findUnique({ where: { username: spec.username } });
  const data = {
    name: spec.name,
    role: spec.role,
    title: spec.title ?? null,
    institutionId: spec.institutionId,
    departmentId: spec.departmentId ?? null,
    active: spec.active ?? true,
  };
  if (existing) {
    const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => existing[k] === data[k]);
    if (same) return existing;
    return prisma.user.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
  }
  return prisma.user.create({
    data: { ...data, username: spec.username, passwordHash: passwordHash ?? (await hashPassword(spec.password)) },
  });
}
