/**
 * Joint meetings of a procuratorate and its counterpart court (DOMAIN.md §7): a regular joint
 * meeting, a symposium or a working-level consultation, hosted by one institution of the pair,
 * which records it (date, place, attendees, topics), drafts the minutes and the consensus items
 * reached, and submits them for the other institution's confirmation. The other institution
 * confirms them — final, never edited — or returns them with a reason; the host revises and
 * submits again. Confirming the minutes opens the consensus items they carry (./consensus.ts).
 *
 *   (new) ─record→ drafting ─submit→ submitted ─confirm→ confirmed
 *                  drafting, returned: saveMinutes, addItem (recorded, no change of state)
 *                  submitted ─return→ returned ─submit→ submitted
 *
 * The table speaks of the HOST and the GUEST: which institution that is depends on the meeting's
 * `hostKind`, so `decide()` turns the party into a side before it asks the shared `decideStep`.
 * The host's drafting steps are internal (the guest does not see the meeting, or the draft, yet);
 * submission, confirmation and return are shared. Pure: the data layer loads, asks, writes.
 */
import type { Actor, InstitutionKind, Role } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, ROLE_SETS, type Side, type StepDecision, type StepRule } from '@/lib/domain/workflow';
import { JOINT_MEETING_VISIBILITY } from './visibility';

export const JOINT_MEETING_KINDS = ['regular', 'symposium', 'consultation'] as const;
export type JointMeetingKind = (typeof JOINT_MEETING_KINDS)[number];

export const JOINT_MEETING_STATUSES = ['drafting', 'submitted', 'returned', 'confirmed'] as const;
export type JointMeetingStatus = (typeof JOINT_MEETING_STATUSES)[number];
export type JointMeetingState = 'new' | JointMeetingStatus;

export const JOINT_MEETING_STEPS = ['record', 'saveMinutes', 'addItem', 'submit', 'confirm', 'return'] as const;
export type JointMeetingStep = (typeof JOINT_MEETING_STEPS)[number];

export type MeetingParty = 'host' | 'guest';

export interface JointMeetingStepRule extends Omit<StepRule<JointMeetingState>, 'side' | 'roles'> {
  party: MeetingParty;
  /** Who of the party's institution: everyone, or its leaders. */
  who: 'anyone' | 'leaders';
}

const UNCONFIRMED: readonly JointMeetingState[] = ['drafting', 'returned'];

/**
 * The steps. The host's people record a meeting; its drafting steps are the recorder's or a
 * leader's. The guest's leaders confirm or return the minutes on behalf of their institution.
 */
export const STEP_RULES: Readonly<Record<JointMeetingStep, JointMeetingStepRule>> = {
  record: { party: 'host', who: 'anyone', from: ['new'], to: 'drafting', shared: false },
  saveMinutes: { party: 'host', who: 'anyone', from: UNCONFIRMED, ownerOrLeader: true, shared: false },
  addItem: { party: 'host', who: 'anyone', from: UNCONFIRMED, ownerOrLeader: true, shared: false },
  submit: { party: 'host', who: 'anyone', from: UNCONFIRMED, to: 'submitted', ownerOrLeader: true, shared: true },
  confirm: { party: 'guest', who: 'leaders', from: ['submitted'], to: 'confirmed', shared: true },
  return: { party: 'guest', who: 'leaders', from: ['submitted'], to: 'returned', shared: true },
};

const ROLES: Record<Side, Record<'anyone' | 'leaders', readonly Role[]>> = {
  procuratorate: { anyone: ROLE_SETS.procuratorate, leaders: ROLE_SETS.procuratorateLeader },
  court: { anyone: ROLE_SETS.court, leaders: ROLE_SETS.courtLeader },
};

/** What the machine needs to know of a meeting, as read from the database. */
export interface JointMeetingFacts {
  status: JointMeetingState;
  procuratorateId: string;
  courtId: string;
  hostKind: InstitutionKind;
  /** Who recorded it (null before it exists). */
  createdById: string | null;
  /** When the minutes were first submitted: the guest sees the meeting from then on. */
  sharedAt: Date | string | null;
}

export type JointMeetingDecision = StepDecision<JointMeetingState>;

export function hostSide(hostKind: InstitutionKind): Side {
  return hostKind === 'PROCURATORATE' ? 'procuratorate' : 'court';
}
export function guestSide(hostKind: InstitutionKind): Side {
  return hostKind === 'PROCURATORATE' ? 'court' : 'procuratorate';
}

/** The parties of a meeting `actor` records with the counterpart `counterpartId`: the actor's institution hosts. */
export function newMeeting(actor: Actor, counterpartId: string): JointMeetingFacts {
  const proc = actor.institutionKind === 'PROCURATORATE';
  return {
    status: 'new',
    procuratorateId: proc ? actor.institutionId : counterpartId,
    courtId: proc ? counterpartId : actor.institutionId,
    hostKind: actor.institutionKind,
    createdById: null,
    sharedAt: null,
  };
}

/** May the actor see this meeting? (JOINT_MEETING_VISIBILITY) */
export function canViewJointMeeting(actor: Actor, rec: Pick<JointMeetingFacts, 'procuratorateId' | 'courtId' | 'hostKind' | 'sharedAt'>): boolean {
  return canSee(JOINT_MEETING_VISIBILITY, actor, rec);
}

export function decide(actor: Actor, step: JointMeetingStep, rec: JointMeetingFacts): JointMeetingDecision {
  const { party, who, ...rule } = STEP_RULES[step];
  const side = party === 'host' ? hostSide(rec.hostKind) : guestSide(rec.hostKind);
  return decideStep(actor, { ...rule, side, roles: ROLES[side][who] }, {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    ownerId: rec.createdById,
    // A meeting not yet shared is the host's only; `record` is asked before there is one.
    visibleTo: rec.status === 'new' ? { procuratorate: true, court: true } : sidesSeeing(JOINT_MEETING_VISIBILITY, rec),
  });
}

/** The steps on an existing meeting the actor may take now. */
export function availableSteps(actor: Actor, rec: JointMeetingFacts): JointMeetingStep[] {
  return JOINT_MEETING_STEPS.filter((s) => s !== 'record' && decide(actor, s, rec).ok);
}

/** From the actor's point of view: a meeting their institution hosts, or one it attends as the guest. */
export function roleFor(actor: Pick<Actor, 'institutionKind'>, rec: Pick<JointMeetingFacts, 'hostKind'>): MeetingParty {
  return rec.hostKind === actor.institutionKind ? 'host' : 'guest';
}
