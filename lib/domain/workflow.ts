/**
 * The shared shape of every workflow between the two institutions (recommendations, committee
 * meetings, retrial evidence, non-litigation applications, enforcement inquiries, leads): a
 * table of steps — from which states, to which state, by which side and roles, whether the
 * event is shared with the other institution — and one decision function. Each workflow module
 * declares its table and adds only its own extra conditions.
 */
import type { Actor, Role } from './roles';

export type Side = 'procuratorate' | 'court';

export interface StepRule<S extends string> {
  from: readonly S[];
  /** Target state; undefined = stays (a recorded step). */
  to?: S;
  side: Side;
  roles: readonly Role[];
  /** Non-leaders may act only on records they own (drafter / handler / named attendee). */
  ownerOrLeader?: boolean;
  /** Whether the step's event is seen by the other institution. */
  shared: boolean;
}

/** Where a record sits between the two institutions, as read from the database. */
export interface WorkflowParties<S extends string> {
  status: S;
  procuratorateId: string;
  courtId: string;
  /** The person who owns the record on its side (drafter, handler…), if any. */
  ownerId?: string | null;
  /** Whether the other side may see the record yet (e.g. only once served / notified). */
  visibleTo: { procuratorate: boolean; court: boolean };
}

/** Refusals that mean "not your business" (→ 403); every other refusal is about the moment (→ a message). */
export const FORBIDDEN = ['inactive', 'notVisible', 'role', 'institution', 'notOwner'] as const;
export type ForbiddenCode = (typeof FORBIDDEN)[number];
export type BaseDenyCode = ForbiddenCode | 'wrongState';

/**
 * A refusal: a forbidden one always carries one of the shared FORBIDDEN codes, so whoever turns
 * it into a 403 needs no cast; a workflow's own codes `C` are about the record's state.
 */
export type StepDenial<C extends string = never> =
  | { ok: false; code: ForbiddenCode; forbidden: true }
  | { ok: false; code: Exclude<BaseDenyCode | C, ForbiddenCode>; forbidden: false };

export type StepDecision<S extends string, C extends string = never> = { ok: true; to: S; shared: boolean } | StepDenial<C>;

export function isForbiddenCode(code: string): code is ForbiddenCode {
  return (FORBIDDEN as readonly string[]).includes(code);
}

export function sideOf(actor: Actor, rec: Pick<WorkflowParties<string>, 'procuratorateId' | 'courtId'>): Side | null {
  if (actor.institutionKind === 'PROCURATORATE' && actor.institutionId === rec.procuratorateId) return 'procuratorate';
  if (actor.institutionKind === 'COURT' && actor.institutionId === rec.courtId) return 'court';
  return null;
}

export function canViewRecord(actor: Actor, rec: Omit<WorkflowParties<string>, 'status'>): boolean {
  if (!actor.active || actor.role === 'ADMIN') return false;
  const side = sideOf(actor, rec);
  return side !== null && rec.visibleTo[side];
}

const LEADERS: readonly Role[] = ['PROCURATORATE_LEADER', 'COURT_LEADER'];

export function deny<C extends string>(code: BaseDenyCode | C): StepDenial<C> {
  if (isForbiddenCode(code)) return { ok: false, code, forbidden: true };
  return { ok: false, code: code as Exclude<BaseDenyCode | C, ForbiddenCode>, forbidden: false };
}

/** The checks every step shares: active, visible, side, role, owner, state. */
export function decideStep<S extends string>(actor: Actor, rule: StepRule<S>, rec: WorkflowParties<S>): StepDecision<S> {
  if (!actor.active) return deny('inactive');
  if (!canViewRecord(actor, rec)) return deny('notVisible');
  if (sideOf(actor, rec) !== rule.side) return deny('institution');
  if (!rule.roles.includes(actor.role)) return deny('role');
  if (rule.ownerOrLeader && !LEADERS.includes(actor.role) && rec.ownerId !== actor.id) return deny('notOwner');
  if (!rule.from.includes(rec.status)) return deny('wrongState');
  return { ok: true, to: rule.to ?? rec.status, shared: rule.shared };
}

/** Role groups the tables use. */
export const ROLE_SETS = {
  procuratorate: ['PROCURATOR', 'PROCURATORATE_LEADER'] as readonly Role[],
  procuratorateLeader: ['PROCURATORATE_LEADER'] as readonly Role[],
  court: ['COURT_STAFF', 'COURT_LEADER'] as readonly Role[],
  courtLeader: ['COURT_LEADER'] as readonly Role[],
};

/**
 * The states a side never sees as such, from the step table: a state reached only by the other
 * side's internal steps (e.g. a court's reply submitted for its leader's sign-off) is shown to
 * this side as the state those steps start from (the recommendation still reads "acknowledged"),
 * in lists, filters, counts and the record's page alike. Only where that start is one state; a
 * state the other side's internal steps reach from several (archived, from closed or withdrawn)
 * cannot be told apart by the table and is shown as it is.
 */
export function statusesSeenAs<S extends string>(rules: Readonly<Record<string, StepRule<S>>>, side: Side): ReadonlyMap<S, S> {
  const into = new Map<S, StepRule<S>[]>();
  for (const r of Object.values(rules)) if (r.to) into.set(r.to, [...(into.get(r.to) ?? []), r]);
  const direct = new Map<S, S>();
  for (const [to, rs] of into) {
    if (!rs.every((r) => !r.shared && r.side !== side)) continue;
    const from = new Set(rs.flatMap((r) => r.from));
    if (from.size === 1) direct.set(to, [...from][0]!);
  }
  // Follow chains of such states to one this side sees (a cycle cannot arise: each hop is an internal step of the other side into a state only it reaches).
  const seen = new Map<S, S>();
  for (const s of direct.keys()) {
    let x = s;
    for (let i = 0; direct.has(x) && i < direct.size; i++) x = direct.get(x)!;
    seen.set(s, x);
  }
  return seen;
}

/** The state a side sees a record in (see `statusesSeenAs`). */
export function statusSeen<S extends string>(seenAs: ReadonlyMap<S, S>, status: S): S {
  return seenAs.get(status) ?? status;
}

/** The states that read as `status` to a side: itself unless it is hidden, and every hidden state shown as it. */
export function statusesReadingAs<S extends string>(seenAs: ReadonlyMap<S, S>, status: S): S[] {
  return [...(seenAs.has(status) ? [] : [status]), ...[...seenAs].filter(([, v]) => v === status).map(([k]) => k)];
}
