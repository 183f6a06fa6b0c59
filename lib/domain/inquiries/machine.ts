/**
 * Enforcement supervision inquiries (执行监督, DOMAIN.md §5): the procuratorate at the same level
 * as the executing court asks in writing whether the court is failing to act in an enforcement
 * case; the court answers within 15 days (rule `enforcementSupervision.inquiryReply`, counted
 * from the day the inquiry is sent, with the holiday calendar). Overdue is derived from the due
 * date and today, never stored.
 *
 *   (new) ─send→ sent ─answer→ answered ─close→ closed
 *   sent and overdue: urge (recorded, no state change)
 *
 * Both institutions see the inquiry from the moment it is sent; every step is shared.
 * Pure: the data layer loads the record, asks `decide()`, and writes.
 */
import { daysOverdue, dueDateForRule, type Calendar, type PeriodId } from '@/lib/domain/deadlines';
import type { Actor } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type StepDecision, type StepRule } from '@/lib/domain/workflow';
import { INQUIRY_VISIBILITY } from './visibility';

export const INQUIRY_STATUSES = ['sent', 'answered', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** `new` stands for a record not written yet: the state `send` starts from. */
export type InquiryState = 'new' | InquiryStatus;

export const INQUIRY_STEPS = ['send', 'urge', 'answer', 'close'] as const;
export type InquiryStep = (typeof INQUIRY_STEPS)[number];

/** The statutory period for the court's answer. */
export const INQUIRY_PERIOD: PeriodId = 'enforcementSupervision.inquiryReply';

/**
 * The table of steps. Procurators may urge and close only the inquiries they sent; the
 * procuratorate's leaders any of their institution's.
 */
export const STEP_RULES: Readonly<Record<InquiryStep, StepRule<InquiryState>>> = {
  send: { from: ['new'], to: 'sent', side: 'procuratorate', roles: ROLE_SETS.procuratorate, shared: true },
  urge: { from: ['sent'], side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: true },
  answer: { from: ['sent'], to: 'answered', side: 'court', roles: ROLE_SETS.court, shared: true },
  close: { from: ['answered'], to: 'closed', side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: true },
};

/** What the machine needs to know of an inquiry, as read from the database. */
export interface InquiryFacts {
  status: InquiryState;
  procuratorateId: string;
  courtId: string;
  /** The procurator who sent it (null before it exists). */
  sentById: string | null;
  /** YYYY-MM-DD, null before it exists. */
  dueDate: string | null;
}

export type InquiryDenyCode = 'notOverdue';
export type InquiryDecision = StepDecision<InquiryState, InquiryDenyCode>;

/** The parties of a new inquiry, for asking whether `actor` may send it to `courtId`. */
export function newInquiry(actor: Actor, courtId: string): InquiryFacts {
  return { status: 'new', procuratorateId: actor.institutionId, courtId, sentById: null, dueDate: null };
}

/** Days the answer is overdue on `today` (0 unless the inquiry is still waiting for it). */
export function overdueDays(rec: Pick<InquiryFacts, 'status' | 'dueDate'>, today: string): number {
  if (rec.status !== 'sent' || !rec.dueDate) return 0;
  return daysOverdue(rec.dueDate, today);
}

/** May the actor see this inquiry? (INQUIRY_VISIBILITY) */
export function canViewInquiry(actor: Actor, rec: Pick<InquiryFacts, 'procuratorateId' | 'courtId'>): boolean {
  return canSee(INQUIRY_VISIBILITY, actor, rec);
}

export function decide(actor: Actor, step: InquiryStep, rec: InquiryFacts, today: string): InquiryDecision {
  const base = decideStep(actor, STEP_RULES[step], {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    ownerId: rec.sentById,
    // Sent means shared: both institutions see the inquiry from the start.
    visibleTo: sidesSeeing(INQUIRY_VISIBILITY, rec),
  });
  if (!base.ok) return base;
  if (step === 'urge' && overdueDays(rec, today) === 0) return deny<InquiryDenyCode>('notOverdue');
  return base;
}

/** The steps on an existing inquiry the actor may take now, for "what you may do next". */
export function availableSteps(actor: Actor, rec: InquiryFacts, today: string): InquiryStep[] {
  return INQUIRY_STEPS.filter((s) => s !== 'send' && decide(actor, s, rec, today).ok);
}

/** The answer's due date: 15 days from the day the inquiry was sent, rolled past rest days. */
export function answerDueDate(sentOn: string, calendar?: Calendar): string {
  return dueDateForRule(INQUIRY_PERIOD, sentOn, { calendar });
}

/** Is this court case number an enforcement case (case-type code with 执: 执, 执恢, 执异, 执保…)? */
export function isEnforcementTypeCode(typeCode: string): boolean {
  return typeCode.includes('执');
}

/**
 * Checks the answer date: not before the inquiry was sent, not after today. Returns the error
 * code for the `answeredOn` field, or null.
 */
export function answerDateProblem(answeredOn: string, sentOn: string, today: string): 'dateInFuture' | 'replyBeforeServed' | null {
  if (answeredOn > today) return 'dateInFuture';
  if (answeredOn < sentOn) return 'replyBeforeServed';
  return null;
}

/** Answered after the due date? */
export function answeredLate(answeredOn: string | null, dueDate: string | null): boolean {
  return answeredOn !== null && dueDate !== null && answeredOn > dueDate;
}

/** Who moves next. */
export function waitingOn(status: InquiryStatus): 'court' | 'procuratorate' | null {
  return status === 'sent' ? 'court' : status === 'answered' ? 'procuratorate' : null;
}
