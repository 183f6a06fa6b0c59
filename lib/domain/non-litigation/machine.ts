/**
 * Administrative non-litigation enforcement (行政非诉执行) supervision, DOMAIN.md §4: the
 * application's steps, who may take them, from which states. Pure: the data layer loads the
 * record, asks `decide()`, and writes.
 *
 *   decision_final ─recordDemand→ demanded                       (procuratorate, what it learned)
 *   decision_final|demanded ─receiveApplication→ applied         (court)
 *   applied ─accept→ accepted          applied ─notAccept→ not_accepted ─recordAppeal→ (stays)
 *   not_accepted ─accept→ accepted     (the upper court ordered acceptance; appeal on record)
 *   accepted ─holdHearing→ (stays: both sides heard, ruling within 30 days instead of 7)
 *   accepted ─ruleEnforce→ ruled_enforce      accepted ─ruleRefuse→ ruled_refuse
 *   ruled_refuse ─serveRefusal→ (stays)  ─requestReview→ under_review ─reviewReversed→ ruled_enforce
 *   ruled_enforce ─startEnforcement→ enforcing ─markStalled→ stalled ─resumeEnforcement→ enforcing
 *   enforcing|stalled ─markEnforced→ enforced
 *   not_accepted|ruled_refuse|under_review|enforced|stalled ─close→ closed
 *     (closing from under_review = the upper court upheld the refusal)
 *   any state: the procuratorate records its five checkpoint findings (FINDING_RULES) and opens a
 *   supervision case from a flagged one (`openCase`).
 *
 * Visibility: the application and every court step are shared by the two institutions of the
 * pair. The procuratorate's findings and the opening of a case are its internal work: the court
 * sees neither (decided for this slice; see the report in docs).
 */
import type { Actor, Role } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type Side, type StepDecision, type StepRule, type WorkflowParties } from '@/lib/domain/workflow';
import { NON_LITIGATION_VISIBILITY } from './visibility';

export const NON_LITIGATION_STATUSES = [
  'decision_final',
  'demanded',
  'applied',
  'accepted',
  'not_accepted',
  'ruled_enforce',
  'ruled_refuse',
  'under_review',
  'enforcing',
  'enforced',
  'stalled',
  'closed',
] as const;
export type NonLitigationStatus = (typeof NON_LITIGATION_STATUSES)[number];

/** Administrative Compulsion Law art. 58: the four grounds to refuse enforcement. */
export const REFUSAL_GROUNDS = ['no_legal_subject', 'no_factual_basis', 'no_legal_basis', 'manifest_illegality'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** What the procuratorate checks on every application (DOMAIN.md §4). */
export const CHECKPOINTS = ['agency_applied', 'court_accepted', 'ruling_lawful', 'who_enforces', 'enforcement_stalled'] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

/**
 * Who carries out an enforcement ruling: the court's enforcement bureau, the applying agency
 * itself, or the district / township government organizing it ("裁执分离", the court rules and
 * another body enforces). Stored as a code in `enforcedBy`.
 */
export const ENFORCERS = ['court', 'agency', 'government'] as const;
export type Enforcer = (typeof ENFORCERS)[number];

export const NON_LITIGATION_STEPS = [
  'recordDemand',
  'receiveApplication',
  'accept',
  'notAccept',
  'recordAppeal',
  'holdHearing',
  'ruleEnforce',
  'ruleRefuse',
  'serveRefusal',
  'requestReview',
  'reviewReversed',
  'startEnforcement',
  'markStalled',
  'resumeEnforcement',
  'markEnforced',
  'close',
  'openCase',
] as const;
export type NonLitigationStep = (typeof NON_LITIGATION_STEPS)[number];

const P = ROLE_SETS.procuratorate;
const C = ROLE_SETS.court;
const ALL = NON_LITIGATION_STATUSES;

/** The table every decision reads. All court steps are shared; the procuratorate's own work is internal. */
export const STEPS: Readonly<Record<NonLitigationStep, StepRule<NonLitigationStatus>>> = {
  recordDemand: { from: ['decision_final'], to: 'demanded', side: 'procuratorate', roles: P, shared: true },
  receiveApplication: { from: ['decision_final', 'demanded'], to: 'applied', side: 'court', roles: C, shared: true },
  accept: { from: ['applied', 'not_accepted'], to: 'accepted', side: 'court', roles: C, shared: true },
  notAccept: { from: ['applied'], to: 'not_accepted', side: 'court', roles: C, shared: true },
  recordAppeal: { from: ['not_accepted'], side: 'court', roles: C, shared: true },
  holdHearing: { from: ['accepted'], side: 'court', roles: C, shared: true },
  ruleEnforce: { from: ['accepted'], to: 'ruled_enforce', side: 'court', roles: C, shared: true },
  ruleRefuse: { from: ['accepted'], to: 'ruled_refuse', side: 'court', roles: C, shared: true },
  serveRefusal: { from: ['ruled_refuse'], side: 'court', roles: C, shared: true },
  requestReview: { from: ['ruled_refuse'], to: 'under_review', side: 'court', roles: C, shared: true },
  reviewReversed: { from: ['under_review'], to: 'ruled_enforce', side: 'court', roles: C, shared: true },
  startEnforcement: { from: ['ruled_enforce'], to: 'enforcing', side: 'court', roles: C, shared: true },
  markStalled: { from: ['enforcing'], to: 'stalled', side: 'court', roles: C, shared: true },
  resumeEnforcement: { from: ['stalled'], to: 'enforcing', side: 'court', roles: C, shared: true },
  markEnforced: { from: ['enforcing', 'stalled'], to: 'enforced', side: 'court', roles: C, shared: true },
  close: { from: ['not_accepted', 'ruled_refuse', 'under_review', 'enforced', 'stalled'], to: 'closed', side: 'court', roles: C, shared: true },
  openCase: { from: ALL, side: 'procuratorate', roles: P, shared: false },
};

const AFTER_APPLIED: readonly NonLitigationStatus[] = ALL.filter((s) => s !== 'decision_final' && s !== 'demanded');
const AFTER_RULING: readonly NonLitigationStatus[] = ['ruled_enforce', 'ruled_refuse', 'under_review', 'enforcing', 'enforced', 'stalled', 'closed'];
const AFTER_ENFORCE_RULING: readonly NonLitigationStatus[] = ['ruled_enforce', 'enforcing', 'enforced', 'stalled', 'closed'];
const ENFORCEMENT_STARTED: readonly NonLitigationStatus[] = ['enforcing', 'enforced', 'stalled', 'closed'];

/**
 * The procuratorate's five checks, each a recorded step (no state change, internal) that makes
 * sense from the moment there is something to check: whether the agency applied (in time) at any
 * point; acceptance once applied; the ruling once made; who enforces once enforcement was
 * ordered; a stall once enforcement began.
 */
export const FINDING_RULES: Readonly<Record<Checkpoint, StepRule<NonLitigationStatus>>> = {
  agency_applied: { from: ALL, side: 'procuratorate', roles: P, shared: false },
  court_accepted: { from: AFTER_APPLIED, side: 'procuratorate', roles: P, shared: false },
  ruling_lawful: { from: AFTER_RULING, side: 'procuratorate', roles: P, shared: false },
  who_enforces: { from: AFTER_ENFORCE_RULING, side: 'procuratorate', roles: P, shared: false },
  enforcement_stalled: { from: ENFORCEMENT_STARTED, side: 'procuratorate', roles: P, shared: false },
};

/**
 * An application as the decisions and the deadlines need it, read from the database. Dates are
 * YYYY-MM-DD. The dates after `enforcementStartedOn` have no column of their own: they are the
 * dates the court recorded with the step (on its timeline event), see `datesFromEvents`.
 */
export interface NonLitigationFacts {
  procuratorateId: string;
  courtId: string;
  status: NonLitigationStatus;
  caseId: string | null;
  urgent: boolean;
  hearingHeld: boolean;
  refusalGround: RefusalGround | null;
  decisionFinalOn: string;
  demandServedOn: string | null;
  appliedOn: string | null;
  acceptedOn: string | null;
  ruledOn: string | null;
  refusalServedOn: string | null;
  reviewRequestedOn: string | null;
  enforcementStartedOn: string | null;
  /** The court's ruling not to accept. */
  notAcceptedOn: string | null;
  /** The agency went to the upper court over the non-acceptance. */
  appealedOn: string | null;
  /** The upper court decided that appeal. */
  appealDecidedOn: string | null;
  /** The upper court decided the review of a refusal; `reviewOutcome` says how. */
  reviewDecidedOn: string | null;
  reviewOutcome: 'reversed' | 'upheld' | null;
  stalledOn: string | null;
  resumedOn: string | null;
  enforcedOn: string | null;
  closedOn: string | null;
}

export type EventDates = Pick<
  NonLitigationFacts,
  'notAcceptedOn' | 'appealedOn' | 'appealDecidedOn' | 'reviewDecidedOn' | 'reviewOutcome' | 'stalledOn' | 'resumedOn' | 'enforcedOn' | 'closedOn'
>;

/** The step kinds whose events carry a date `datesFromEvents` reads. */
export const DATED_EVENT_KINDS: readonly NonLitigationStep[] = [
  'notAccept',
  'recordAppeal',
  'accept',
  'reviewReversed',
  'markStalled',
  'resumeEnforcement',
  'markEnforced',
  'close',
];

export interface DatedEvent {
  kind: string;
  fromStatus: string | null;
  data: Record<string, unknown> | null;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The dates recorded only on the timeline, from the record's events in order. */
export function datesFromEvents(events: readonly DatedEvent[]): EventDates {
  const out: EventDates = {
    notAcceptedOn: null,
    appealedOn: null,
    appealDecidedOn: null,
    reviewDecidedOn: null,
    reviewOutcome: null,
    stalledOn: null,
    resumedOn: null,
    enforcedOn: null,
    closedOn: null,
  };
  for (const e of events) {
    const d = e.data ?? {};
    switch (e.kind) {
      case 'notAccept':
        out.notAcceptedOn = str(d.notAcceptedOn);
        break;
      case 'recordAppeal':
        out.appealedOn = str(d.appealedOn);
        break;
      case 'accept':
        if (e.fromStatus === 'not_accepted') out.appealDecidedOn = str(d.upperCourtDecidedOn) ?? str(d.acceptedOn);
        break;
      case 'reviewReversed':
        out.reviewDecidedOn = str(d.reviewDecidedOn);
        out.reviewOutcome = 'reversed';
        break;
      case 'markStalled':
        out.stalledOn = str(d.stalledOn);
        break;
      case 'resumeEnforcement':
        out.resumedOn = str(d.resumedOn);
        break;
      case 'markEnforced':
        out.enforcedOn = str(d.enforcedOn);
        break;
      case 'close':
        out.closedOn = str(d.closedOn);
        if (e.fromStatus === 'under_review') {
          out.reviewDecidedOn = out.closedOn;
          out.reviewOutcome = 'upheld';
        }
        if (e.fromStatus === 'not_accepted' && out.appealedOn) out.appealDecidedOn = out.closedOn;
        break;
    }
  }
  return out;
}

/** Both institutions of the pair always see the application. */
export function partiesOf(app: Pick<NonLitigationFacts, 'status' | 'procuratorateId' | 'courtId'>): WorkflowParties<NonLitigationStatus> {
  return { status: app.status, procuratorateId: app.procuratorateId, courtId: app.courtId, visibleTo: sidesSeeing(NON_LITIGATION_VISIBILITY, app) };
}

export function canView(actor: Actor, app: Pick<NonLitigationFacts, 'procuratorateId' | 'courtId'>): boolean {
  return canSee(NON_LITIGATION_VISIBILITY, actor, app);
}

/** Refusals of this workflow beyond the shared ones: the step does not fit the record yet. */
export type NonLitigationDenyCode =
  | 'appealNotRecorded'
  | 'appealAlreadyRecorded'
  | 'hearingAlreadyHeld'
  | 'refusalAlreadyServed'
  | 'refusalNotServed'
  | 'caseAlreadyOpen'
  | 'findingNotFlagged';

export type NonLitigationDecision = StepDecision<NonLitigationStatus, NonLitigationDenyCode>;

/**
 * May the actor take this step on this application now? `decideStep` checks active, visible,
 * side, role and state; the rest are this workflow's own conditions. For `openCase`, pass whether
 * the finding it starts from is flagged.
 */
export function decide(
  actor: Actor,
  step: NonLitigationStep,
  app: NonLitigationFacts,
  extra: { findingFlagged?: boolean } = {},
): NonLitigationDecision {
  const base = decideStep(actor, STEPS[step], partiesOf(app));
  if (!base.ok) return base;
  switch (step) {
    case 'accept':
      // Accepting after a ruling not to accept needs the upper court's order, i.e. an appeal on record.
      if (app.status === 'not_accepted' && !app.appealedOn) return deny('appealNotRecorded');
      break;
    case 'recordAppeal':
      if (app.appealedOn) return deny('appealAlreadyRecorded');
      break;
    case 'holdHearing':
      if (app.hearingHeld) return deny('hearingAlreadyHeld');
      break;
    case 'serveRefusal':
      if (app.refusalServedOn) return deny('refusalAlreadyServed');
      break;
    case 'requestReview':
      // The 15 days for a review run from receipt of the refusal: it must have been served.
      if (!app.refusalServedOn) return deny('refusalNotServed');
      break;
    case 'openCase':
      if (app.caseId) return deny('caseAlreadyOpen');
      if (extra.findingFlagged !== true) return deny('findingNotFlagged');
      break;
  }
  return base;
}

/** May the actor record a finding on this checkpoint now? */
export function decideFinding(actor: Actor, checkpoint: Checkpoint, app: NonLitigationFacts): NonLitigationDecision {
  return decideStep(actor, FINDING_RULES[checkpoint], partiesOf(app));
}

/** The steps the actor may take now, for "what you may do next" (opening a case hangs on a finding). */
export function availableSteps(actor: Actor, app: NonLitigationFacts): NonLitigationStep[] {
  return NON_LITIGATION_STEPS.filter((s) => s !== 'openCase' && decide(actor, s, app).ok);
}

export function availableCheckpoints(actor: Actor, app: NonLitigationFacts): Checkpoint[] {
  return CHECKPOINTS.filter((c) => decideFinding(actor, c, app).ok);
}

/** Registering an application: the court that received it, or the procuratorate that learned of it. */
export function decideRegister(actor: Actor): { ok: true; side: Side } | { ok: false; code: 'inactive' | 'role' } {
  if (!actor.active) return { ok: false, code: 'inactive' };
  const roles: readonly Role[] = actor.institutionKind === 'COURT' ? C : P;
  if (!roles.includes(actor.role)) return { ok: false, code: 'role' };
  return { ok: true, side: actor.institutionKind === 'COURT' ? 'court' : 'procuratorate' };
}

/** Status right after registration: as far as the dates given go. */
export function initialStatus(input: { demandServedOn: string | null; appliedOn: string | null }): NonLitigationStatus {
  if (input.appliedOn) return 'applied';
  if (input.demandServedOn) return 'demanded';
  return 'decision_final';
}

/** Title proposed for a supervision case opened from an application (stored data, in Chinese like every case title). */
export function defaultCaseTitle(app: { agency: string; respondent: string }): string {
  return `${app.agency}申请强制执行${app.respondent}非诉执行监督案`;
}

/** Parties of such a case, in the form the case register uses. */
export function caseParties(app: { agency: string; respondent: string }): string {
  return `申请执行人：${app.agency}；被执行人：${app.respondent}`;
}
