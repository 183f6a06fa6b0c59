/**
 * Consensus items of a joint meeting (DOMAIN.md §7): a topic area, an owner institution of the
 * pair and an owner person of it, a due date, followed up like any other record. An item is
 * proposed with the minutes that carry it (the meeting's `addItem` step, ./machine.ts); the guest's confirmation of the minutes opens it
 * (`agree`, taken by the meeting's confirmation); the owner institution then works on it and
 * closes it as done (with the outcome) or dropped (with the reason); the other institution urges
 * an overdue item. Overdue is derived from the due date and today, never stored.
 *
 *   (addItem) proposed ─agree→ open ─start→ in_progress
 *   open, in_progress ─complete→ done · ─drop→ dropped · overdue: urge (recorded, no change)
 *
 * The table speaks of the OWNER and the OTHER institution, and (for `agree`) of the meeting's
 * GUEST. Every follow-up step is shared.
 */
import { daysOverdue } from '@/lib/domain/deadlines';
import type { Actor, InstitutionKind, Role } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type Side, type StepDecision, type StepRule } from '@/lib/domain/workflow';
import { guestSide } from './machine';
import { CONSENSUS_ITEM_VISIBILITY } from './visibility';

export const CONSENSUS_AREAS = [
  'committee_attendance',
  'non_litigation_enforcement',
  'recommendations',
  'retrial_evidence',
  'false_litigation',
  'pension_fraud',
  'other',
] as const;
export type ConsensusArea = (typeof CONSENSUS_AREAS)[number];

export const CONSENSUS_STATUSES = ['proposed', 'open', 'in_progress', 'done', 'dropped'] as const;
export type ConsensusStatus = (typeof CONSENSUS_STATUSES)[number];
export type ConsensusState = ConsensusStatus;

/** The states in which an item is being followed up (it can be due and go overdue). */
export const CONSENSUS_RUNNING = ['open', 'in_progress'] as const satisfies readonly ConsensusStatus[];

export const CONSENSUS_STEPS = ['agree', 'start', 'complete', 'drop', 'urge'] as const;
export type ConsensusStep = (typeof CONSENSUS_STEPS)[number];
/** The steps taken on an item's own page. */
export const FOLLOW_UP_STEPS = ['start', 'complete', 'drop', 'urge'] as const satisfies readonly ConsensusStep[];

export type ItemParty = 'owner' | 'other' | 'guest';

export interface ConsensusStepRule extends Omit<StepRule<ConsensusState>, 'side' | 'roles'> {
  party: ItemParty;
  who: 'anyone' | 'leaders';
}

const RUNNING: readonly ConsensusState[] = CONSENSUS_RUNNING;

/**
 * The steps. The owner person or a leader of the owner institution starts and completes an item;
 * only its leaders drop one. Anyone of the other institution urges an overdue item.
 */
export const STEP_RULES: Readonly<Record<ConsensusStep, ConsensusStepRule>> = {
  agree: { party: 'guest', who: 'leaders', from: ['proposed'], to: 'open', shared: true },
  start: { party: 'owner', who: 'anyone', from: ['open'], to: 'in_progress', ownerOrLeader: true, shared: true },
  complete: { party: 'owner', who: 'anyone', from: RUNNING, to: 'done', ownerOrLeader: true, shared: true },
  drop: { party: 'owner', who: 'leaders', from: RUNNING, to: 'dropped', shared: true },
  urge: { party: 'other', who: 'anyone', from: RUNNING, shared: true },
};

const ROLES: Record<Side, Record<'anyone' | 'leaders', readonly Role[]>> = {
  procuratorate: { anyone: ROLE_SETS.procuratorate, leaders: ROLE_SETS.procuratorateLeader },
  court: { anyone: ROLE_SETS.court, leaders: ROLE_SETS.courtLeader },
};

/** What the machine needs to know of an item, as read from the database. */
export interface ConsensusFacts {
  status: ConsensusState;
  procuratorateId: string;
  courtId: string;
  /** The meeting's host. */
  hostKind: InstitutionKind;
  /** When the other institution first saw it (with a submission of the minutes). */
  sharedAt: Date | string | null;
  ownerKind: InstitutionKind;
  ownerId: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

export type ConsensusDenyCode = 'notOverdue';
export type ConsensusDecision = StepDecision<ConsensusState, ConsensusDenyCode>;

export const sideOfKind = (k: InstitutionKind): Side => (k === 'PROCURATORATE' ? 'procuratorate' : 'court');
const otherSide = (s: Side): Side => (s === 'procuratorate' ? 'court' : 'procuratorate');

function partySide(party: ItemParty, rec: ConsensusFacts): Side {
  switch (party) {
    case 'owner':
      return sideOfKind(rec.ownerKind);
    case 'other':
      return otherSide(sideOfKind(rec.ownerKind));
    case 'guest':
      return guestSide(rec.hostKind);
  }
}

/** Days the item is overdue on `today` (0 unless it is still being followed up). */
export function overdueDays(rec: Pick<ConsensusFacts, 'status' | 'dueDate'>, today: string): number {
  if (!(RUNNING as readonly string[]).includes(rec.status)) return 0;
  return daysOverdue(rec.dueDate, today);
}

/** May the actor see this item? (CONSENSUS_ITEM_VISIBILITY) */
export function canViewConsensusItem(actor: Actor, rec: Pick<ConsensusFacts, 'procuratorateId' | 'courtId' | 'hostKind' | 'sharedAt'>): boolean {
  return canSee(CONSENSUS_ITEM_VISIBILITY, actor, rec);
}

export function decide(actor: Actor, step: ConsensusStep, rec: ConsensusFacts, today: string): ConsensusDecision {
  const { party, who, ...rule } = STEP_RULES[step];
  const side = partySide(party, rec);
  const base = decideStep(actor, { ...rule, side, roles: ROLES[side][who] }, {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    ownerId: rec.ownerId,
    visibleTo: sidesSeeing(CONSENSUS_ITEM_VISIBILITY, rec),
  });
  if (!base.ok) return base;
  if (step === 'urge' && overdueDays(rec, today) === 0) return deny<ConsensusDenyCode>('notOverdue');
  return base;
}

/** The follow-up steps the actor may take on the item now. */
export function availableSteps(actor: Actor, rec: ConsensusFacts, today: string): ConsensusStep[] {
  return FOLLOW_UP_STEPS.filter((s) => decide(actor, s, rec, today).ok);
}

/** From the actor's point of view: an item their institution owns, or one the other institution owns. */
export function ownershipFor(actor: Pick<Actor, 'institutionKind'>, rec: Pick<ConsensusFacts, 'ownerKind'>): 'own' | 'other' {
  return rec.ownerKind === actor.institutionKind ? 'own' : 'other';
}
