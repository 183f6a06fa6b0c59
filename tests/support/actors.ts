/** Actors for the state-machine unit tests: one procuratorate–court pair and a second, foreign pair. */
import { ROLES, type Actor, type InstitutionKind, type Role } from '@/lib/domain/roles';

export const PROC = '00000000-0000-4000-8000-0000000000a1';
export const COURT = '00000000-0000-4000-8000-0000000000c1';
export const PROC2 = '00000000-0000-4000-8000-0000000000a2';
export const COURT2 = '00000000-0000-4000-8000-0000000000c2';

export interface ActorOptions {
  id?: string;
  institutionId?: string;
  kind?: InstitutionKind;
  active?: boolean;
}

/**
 * An actor of `role`, by default in PROC or COURT by the role's side. `owners` gives the id a
 * role acts under by default (e.g. the procurator who drafted the record); other roles get a
 * fixed id of their own.
 */
export function makeActor(role: Role, opts: ActorOptions = {}, owners: Partial<Record<Role, string>> = {}): Actor {
  const kind: InstitutionKind = opts.kind ?? (role === 'COURT_STAFF' || role === 'COURT_LEADER' ? 'COURT' : 'PROCURATORATE');
  return {
    id: opts.id ?? owners[role] ?? `20000000-0000-4000-8000-00000000000${ROLES.indexOf(role)}`,
    role,
    institutionKind: kind,
    institutionId: opts.institutionId ?? (kind === 'COURT' ? COURT : PROC),
    departmentId: null,
    active: opts.active ?? true,
  };
}
