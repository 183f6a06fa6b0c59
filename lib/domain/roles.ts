/**
 * Roles and institutions: the vocabulary the authorization policy decides with.
 * Plain TypeScript; imports nothing of Next.js, React or Prisma.
 */

export const INSTITUTION_KINDS = ['PROCURATORATE', 'COURT'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const ROLES = [
  'PROCURATOR',
  'PROCURATORATE_LEADER',
  'COURT_STAFF',
  'COURT_LEADER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Which institution kind a role belongs to; the administrator may sit in either. */
export const ROLE_INSTITUTION: Record<Role, InstitutionKind | null> = {
  PROCURATOR: 'PROCURATORATE',
  PROCURATORATE_LEADER: 'PROCURATORATE',
  COURT_STAFF: 'COURT',
  COURT_LEADER: 'COURT',
  ADMIN: null,
};

/** True when a user with this role may belong to an institution of this kind. */
export function roleFitsInstitution(role: Role, kind: InstitutionKind): boolean {
  const required = ROLE_INSTITUTION[role];
  return required === null || required === kind;
}

/**
 * The signed-in person as the policy sees them. Always built from the database row of the
 * user (never from what the client sends), so a role change or deactivation takes effect at
 * the next request.
 */
export interface Actor {
  id: string;
  role: Role;
  institutionId: string;
  institutionKind: InstitutionKind;
  departmentId: string | null;
  active: boolean;
}

/**
 * The platform itself, for the seed and system jobs only — never a signed-in person. It acts as
 * an administrator of no institution (so the policy decides for it like for anyone, and it sees no
 * casework); what it writes is recorded without a person (actorId null). Only prisma/seed and the
 * data functions that recognize it (isSystemActor) may use it; a unit test keeps it so.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: '00000000-0000-0000-0000-000000000000',
  role: 'ADMIN',
  institutionId: '00000000-0000-0000-0000-000000000000',
  institutionKind: 'PROCURATORATE',
  departmentId: null,
  active: true,
});

export function isSystemActor(actor: Actor): boolean {
  return actor === SYSTEM_ACTOR;
}
