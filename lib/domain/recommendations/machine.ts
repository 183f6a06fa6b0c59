/**
 * The procuratorial-recommendation state machine (DOMAIN.md §1): every transition, who may make
 * it, and from which states. Pure: the data layer loads the record, asks `decide()`, and writes.
 *
 *   draft ─submit→ submitted ─approve→ approved ─issue→ issued ─serve→ served
 *     ↑      (procuratorate)   └return→ returned ─submit→ submitted
 *   served ─acknowledge→ acknowledged ─submitReply→ reply_submitted ─signReply→ replied
 *   served|acknowledged ─object→ objected ─rejectObjection→ acknowledged
 *                                          └upholdObjection→ withdrawn (modify = a new draft that supersedes it)
 *   reply_submitted ─returnReply→ acknowledged        (court-internal)
 *   replied ─evaluate→ evaluated ─close→ closed ─archive→ archived;  withdrawn ─archive→ archived
 *   awaiting reply and overdue: urge, escalate (no state change; recorded)
 *   enforcement type awaiting reply: requestExtension (court staff) → approveExtension (court leader, +1 month)
 */
import { daysOverdue } from '@/lib/domain/deadlines';
import type { Actor } from '@/lib/domain/roles';
import { decideStep, deny, ROLE_SETS, statusesSeenAs, type Side, type StepDecision, type StepRule, type WorkflowParties } from '@/lib/domain/workflow';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { RECOMMENDATION_VISIBILITY } from './visibility';

export const RECOMMENDATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'issued',
  'served',
  'acknowledged',
  'objected',
  'reply_submitted',
  'replied',
  'evaluated',
  'closed',
  'archived',
  'withdrawn',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Before service the recommendation is the procuratorate's internal document. */
export const INTERNAL_STATUSES: readonly RecommendationStatus[] = ['draft', 'submitted', 'returned', 'approved', 'issued'];
/** The reply clock runs in these states. */
export const AWAITING_REPLY: readonly RecommendationStatus[] = ['served', 'acknowledged', 'objected', 'reply_submitted'];
/** The issued text is frozen from issue on. */
export const EDITABLE: readonly RecommendationStatus[] = ['draft', 'returned'];

export const RECOMMENDATION_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'return',
  'discard',
  'issue',
  'serve',
  'acknowledge',
  'object',
  'upholdObjection',
  'rejectObjection',
  'saveReply',
  'submitReply',
  'returnReply',
  'signReply',
  'requestExtension',
  'approveExtension',
  'evaluate',
  'followUp',
  'close',
  'archive',
  'urge',
  'escalate',
] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];


const P = ROLE_SETS.procuratorate;
const PL = ROLE_SETS.procuratorateLeader;
const C = ROLE_SETS.court;
const CL = ROLE_SETS.courtLeader;

/**
 * The steps as a table, decided by the shared `decideStep` (lib/domain/workflow.ts). An
 * `ownerOrLeader` step is open to the procurator who drafted the recommendation and to leaders.
 */
export const TRANSITIONS: Readonly<Record<RecommendationAction, StepRule<RecommendationStatus>>> = {
  edit: { from: EDITABLE, side: 'procuratorate', roles: P, ownerOrLeader: true, shared: false },
  submit: { from: EDITABLE, to: 'submitted', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: false },
  approve: { from: ['submitted'], to: 'approved', side: 'procuratorate', roles: PL, shared: false },
  return: { from: ['submitted'], to: 'returned', side: 'procuratorate', roles: PL, shared: false },
  discard: { from: EDITABLE, to: 'withdrawn', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: false },
  issue: { from: ['approved'], to: 'issued', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: false },
  serve: { from: ['issued'], to: 'served', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: true },
  acknowledge: { from: ['served'], to: 'acknowledged', side: 'court', roles: C, shared: true },
  object: { from: ['served', 'acknowledged'], to: 'objected', side: 'court', roles: C, shared: true },
  upholdObjection: { from: ['objected'], to: 'withdrawn', side: 'procuratorate', roles: PL, shared: true },
  rejectObjection: { from: ['objected'], to: 'acknowledged', side: 'procuratorate', roles: PL, shared: true },
  saveReply: { from: ['acknowledged'], side: 'court', roles: C, shared: false },
  submitReply: { from: ['acknowledged'], to: 'reply_submitted', side: 'court', roles: C, shared: false },
  returnReply: { from: ['reply_submitted'], to: 'acknowledged', side: 'court', roles: CL, shared: false },
  signReply: { from: ['reply_submitted'], to: 'replied', side: 'court', roles: CL, shared: true },
  requestExtension: { from: AWAITING_REPLY, side: 'court', roles: C, shared: true },
  approveExtension: { from: AWAITING_REPLY, side: 'court', roles: CL, shared: true },
  evaluate: { from: ['replied'], to: 'evaluated', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: true },
  followUp: { from: ['evaluated'], side: 'procuratorate', roles: P, ownerOrLeader: true, shared: true },
  close: { from: ['evaluated'], to: 'closed', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: true },
  archive: { from: ['closed', 'withdrawn'], to: 'archived', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: false },
  urge: { from: AWAITING_REPLY, side: 'procuratorate', roles: P, ownerOrLeader: true, shared: true },
  escalate: { from: AWAITING_REPLY, side: 'procuratorate', roles: PL, shared: true },
};

/** The states each side sees a recommendation in, from the table: the procuratorate sees a reply awaiting the court's sign-off as "acknowledged". */
export const STATUS_SEEN_BY: Readonly<Record<Side, ReadonlyMap<RecommendationStatus, RecommendationStatus>>> = {
  procuratorate: statusesSeenAs(TRANSITIONS, 'procuratorate'),
  court: statusesSeenAs(TRANSITIONS, 'court'),
};

/** What the policy and the machine need to know of a recommendation, as read from the database. */
export interface RecommendationFacts {
  institutionId: string;
  addresseeCourtId: string;
  status: RecommendationStatus;
  type: string;
  drafterId: string;
  /** YYYY-MM-DD or null. */
  servedOn: string | null;
  dueDate: string | null;
  extensionMonths: number;
  extensionRequested: boolean;
  escalated: boolean;
  committeeDecisionRecorded: boolean;
}

/** Refusals of this workflow beyond the shared ones: the step does not fit the record yet. */
export type RecommendationDenyCode =
  | 'notOverdue'
  | 'alreadyEscalated'
  | 'extensionNotAllowed'
  | 'extensionAlreadyApproved'
  | 'extensionNotRequested'
  | 'extensionAlreadyRequested'
  | 'committeeDecisionRequired';

export type RecommendationDecision = StepDecision<RecommendationStatus, RecommendationDenyCode>;

/** Before service the recommendation is the procuratorate's internal document. */
/** The record as the shared engine sees it: the procuratorate always, the court once served; the drafter owns it. */
function partiesOf(rec: RecommendationFacts): WorkflowParties<RecommendationStatus> {
  return {
    status: rec.status,
    procuratorateId: rec.institutionId,
    courtId: rec.addresseeCourtId,
    ownerId: rec.drafterId,
    visibleTo: sidesSeeing(RECOMMENDATION_VISIBILITY, rec),
  };
}

/**
 * May the actor see this recommendation at all? The issuing procuratorate always; the addressee
 * court once it has been served on it (before that it is the procuratorate's internal document).
 */
export function canView(actor: Actor, rec: Pick<RecommendationFacts, 'institutionId' | 'addresseeCourtId' | 'servedOn'>): boolean {
  return canSee(RECOMMENDATION_VISIBILITY, actor, rec);
}

/** Is the reply overdue on `today` (YYYY-MM-DD)? Derived, never stored. */
export function overdueDays(rec: Pick<RecommendationFacts, 'status' | 'dueDate'>, today: string): number {
  if (!rec.dueDate || !AWAITING_REPLY.includes(rec.status)) return 0;
  return daysOverdue(rec.dueDate, today);
}

export function decide(actor: Actor, action: RecommendationAction, rec: RecommendationFacts, today: string): RecommendationDecision {
  const base = decideStep(actor, TRANSITIONS[action], partiesOf(rec));
  if (!base.ok) return base;

  switch (action) {
    case 'approve':
      if (rec.type === 'retrial' && !rec.committeeDecisionRecorded) return deny('committeeDecisionRequired');
      break;
    case 'urge':
      if (overdueDays(rec, today) === 0) return deny('notOverdue');
      break;
    case 'escalate':
      if (overdueDays(rec, today) === 0) return deny('notOverdue');
      if (rec.escalated) return deny('alreadyEscalated');
      break;
    case 'requestExtension':
      if (rec.type !== 'enforcement') return deny('extensionNotAllowed');
      if (rec.extensionMonths > 0) return deny('extensionAlreadyApproved');
      if (rec.extensionRequested) return deny('extensionAlreadyRequested');
      break;
    case 'approveExtension':
      if (rec.type !== 'enforcement') return deny('extensionNotAllowed');
      if (rec.extensionMonths > 0) return deny('extensionAlreadyApproved');
      if (!rec.extensionRequested) return deny('extensionNotRequested');
      break;
  }
  return base;
}

/** The steps the actor may take now, for "what you may do next". */
export function availableActions(actor: Actor, rec: RecommendationFacts, today: string): RecommendationAction[] {
  return RECOMMENDATION_ACTIONS.filter((a) => decide(actor, a, rec, today).ok);
}

/** Who moves next, for lists and dashboards. */
export function waitingOn(status: RecommendationStatus): 'drafter' | 'leader' | 'court' | 'courtLeader' | 'procuratorate' | null {
  switch (status) {
    case 'draft':
    case 'returned':
    case 'approved':
    case 'issued':
      return 'drafter';
    case 'submitted':
    case 'objected':
      return 'leader';
    case 'served':
    case 'acknowledged':
      return 'court';
    case 'reply_submitted':
      return 'courtLeader';
    case 'replied':
    case 'evaluated':
    case 'closed':
      return 'procuratorate';
    default:
      return null;
  }
}
