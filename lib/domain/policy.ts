/**
 * The one door for authority. Every page, server action and route handler asks this module
 * whether the signed-in actor may do an action, passing the record as read from the database.
 * Decisions use the actor's role and institution as stored in the database and the record's
 * own institution — never ids the client sent.
 *
 * Each later feature adds its actions here, with unit tests for every role.
 */
import type { Actor, InstitutionKind, Role } from './roles';
import type { ForbiddenCode } from './workflow';

/** Actions that need no record: pages and features. */
export type Feature =
  | 'home.view'
  | 'directory.procuratorate'
  | 'directory.court'
  | 'calendar.view'
  | 'calendar.import'
  | 'users.manage'
  | 'audit.verify'
  | 'settings.manage'
  | 'recommendations.list'
  | 'recommendations.draft'
  | 'recommendations.approvals'
  | 'recommendations.overview'
  | 'cases.list'
  | 'cases.manage'
  | 'leads.list'
  | 'committee.list'
  | 'retrial.list'
  | 'nonLitigation.list'
  | 'inquiries.list'
  | 'search.use'
  | 'jointMeetings.list'
  | 'fileRequests.list';

const FEATURE_ROLES: Record<Feature, readonly Role[]> = {
  'home.view': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER', 'ADMIN'],
  // Each institution's internal directory (departments, accounts, roles) is its own business.
  'directory.procuratorate': ['PROCURATOR', 'PROCURATORATE_LEADER'],
  'directory.court': ['COURT_STAFF', 'COURT_LEADER'],
  // Everyone who works with deadlines may read the official calendar they are computed with.
  'calendar.view': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER', 'ADMIN'],
  'calendar.import': ['ADMIN'],
  'users.manage': ['ADMIN'],
  // The administrator runs the shared platform: the audit chains' verification is theirs.
  'audit.verify': ['ADMIN'],
  // Run-time settings of the shared platform (the upload limit) are the administrator's too.
  'settings.manage': ['ADMIN'],
  // Procuratorate: its own recommendations; court: those served on it.
  'recommendations.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  'recommendations.draft': ['PROCURATOR', 'PROCURATORATE_LEADER'],
  'recommendations.approvals': ['PROCURATORATE_LEADER'],
  // The leaders of both institutions watch the joint overview.
  'recommendations.overview': ['PROCURATORATE_LEADER', 'COURT_LEADER'],
  // Supervision cases are the procuratorate's case management; leaders assign them.
  'cases.list': ['PROCURATOR', 'PROCURATORATE_LEADER'],
  'cases.manage': ['PROCURATORATE_LEADER'],
  // Shared work between the institutions: each record's own rules decide the rest.
  'leads.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  'committee.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  'retrial.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  'nonLitigation.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  'inquiries.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  // Search finds only what each record's own visibility lets the user see; the administrator sees no records.
  'search.use': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  // Joint meetings and their consensus items: the host records, the other institution confirms.
  'jointMeetings.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
  'fileRequests.list': ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'],
};

/** Features whose role list is institution-bound also require the matching institution kind. */
const FEATURE_INSTITUTION: Partial<Record<Feature, InstitutionKind>> = {
  'directory.procuratorate': 'PROCURATORATE',
  'directory.court': 'COURT',
  'recommendations.draft': 'PROCURATORATE',
  'recommendations.approvals': 'PROCURATORATE',
  'cases.list': 'PROCURATORATE',
  'cases.manage': 'PROCURATORATE',
};

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };
/** Why the door stays shut: the shared forbidden codes every workflow's engine (and this policy) returns. */
export type DenyReason = ForbiddenCode;

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

export function decideFeature(actor: Actor, feature: Feature): Decision {
  if (!actor.active) return deny('inactive');
  if (!FEATURE_ROLES[feature].includes(actor.role)) return deny('role');
  const kind = FEATURE_INSTITUTION[feature];
  if (kind && actor.institutionKind !== kind) return deny('institution');
  return ALLOW;
}

export function can(actor: Actor, feature: Feature): boolean {
  return decideFeature(actor, feature).allowed;
}

/** A user record as the policy needs it: the target's institution, read from the database. */
export interface UserRecord {
  id: string;
  institutionId: string;
}

export type UserAction = 'user.view' | 'user.create' | 'user.update' | 'user.deactivate';

/**
 * Account management. The administrator runs the shared platform for both institutions.
 * Anyone may view their own account. An administrator may not deactivate themself (so the
 * platform always keeps an administrator who can sign in).
 */
export function decideUser(actor: Actor, action: UserAction, record: UserRecord | null): Decision {
  if (!actor.active) return deny('inactive');
  if (action === 'user.view' && record && record.id === actor.id) return ALLOW;
  if (actor.role !== 'ADMIN') return deny('role');
  if (action === 'user.deactivate' && record && record.id === actor.id) return deny('role');
  return ALLOW;
}

// ---------------------------------------------------------------------------------------------
// People chosen for a role in a record

/** A person as the policy needs them when someone names them (handler, attendee), read from the database. */
export interface PersonRecord {
  id: string;
  role: Role;
  institutionId: string;
  active: boolean;
}

/** Who may handle a supervision case, and who may attend the court's committee (with the rules below; the forms list them). */
export const HANDLER_ROLES: readonly Role[] = ['PROCURATOR', 'PROCURATORATE_LEADER'];
export const ATTENDEE_ROLES: readonly Role[] = ['PROCURATORATE_LEADER'];

/** Who may handle a supervision case of `procuratorateId`: an active procurator or leader of that procuratorate. */
export function decideHandler(candidate: PersonRecord, procuratorateId: string): Decision {
  if (!candidate.active) return deny('inactive');
  if (candidate.institutionId !== procuratorateId) return deny('institution');
  if (!HANDLER_ROLES.includes(candidate.role)) return deny('role');
  return ALLOW;
}

/**
 * Who may give a new case to someone other than themself: a procuratorate leader (a procurator
 * handles it personally). Without `handlerId`: may the actor give one to anyone else at all?
 */
export function decideHandOver(actor: Actor, handlerId?: string): Decision {
  if (!actor.active) return deny('inactive');
  if (handlerId === actor.id) return ALLOW;
  return actor.role === 'PROCURATORATE_LEADER' ? ALLOW : deny('role');
}

/**
 * Who may attend the court's adjudication committee for the procuratorate (DOMAIN.md §2): the
 * procurator-general or an entrusted deputy — an active procuratorate leader of the meeting's procuratorate.
 */
export function decideAttendee(candidate: PersonRecord, procuratorateId: string): Decision {
  if (!candidate.active) return deny('inactive');
  if (candidate.institutionId !== procuratorateId) return deny('institution');
  if (!ATTENDEE_ROLES.includes(candidate.role)) return deny('role');
  return ALLOW;
}

/** Thrown by the data layer when the policy says no; the web layer renders it as 403. */
export class ForbiddenError extends Error {
  constructor(
    public readonly action: string,
    public readonly reason: DenyReason,
  ) {
    super(`forbidden: ${action} (${reason})`);
    this.name = 'ForbiddenError';
  }
}

export function assertAllowed(decision: Decision, action: string): void {
  if (!decision.allowed) throw new ForbiddenError(action, decision.reason);
}

// ---------------------------------------------------------------------------------------------
// Counterparts: which court a procuratorate may address, which procuratorate a court

/** An institution as the counterpart rule needs it, read from the database. */
export interface InstitutionFacts {
  id: string;
  kind: InstitutionKind;
  regionCode: string;
}

/**
 * The institutions an institution works with in every workflow (recommendations, inquiries,
 * leads, committee requests and meetings, retrial, non-litigation, supervision cases): those of
 * the other kind at the same level — the same region code (DOMAIN.md §5: the procuratorate at the
 * same level as the court supervises it). As criteria, so the data layer can list them.
 */
export function counterpartCriteria(own: Pick<InstitutionFacts, 'kind' | 'regionCode'>): { kind: InstitutionKind; regionCode: string } {
  return { kind: own.kind === 'PROCURATORATE' ? 'COURT' : 'PROCURATORATE', regionCode: own.regionCode };
}

export function isCounterpart(own: Pick<InstitutionFacts, 'kind' | 'regionCode'>, other: Pick<InstitutionFacts, 'kind' | 'regionCode'> | null): boolean {
  if (!other) return false;
  const c = counterpartCriteria(own);
  return other.kind === c.kind && other.regionCode === c.regionCode;
}
