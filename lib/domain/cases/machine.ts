/**
 * Supervision cases (监督案件): the procuratorate's own case management (DOMAIN.md §5–§6). The
 * court never sees a supervision case — it sees the recommendations, inquiries, committee items…
 * that the case leads to, under their own rules.
 *
 *   accepted ─advance→ reviewing ─advance→ supervising
 *   accepted | reviewing | supervising ─close→ closed   (with a conclusion; closed stays closed)
 *   while open: assign (leader: another handler, with reason), tag, linkCourtCase (recorded steps)
 *
 * Owner = the handling procurator (handlerId): procurators act on their own cases, procuratorate
 * leaders on any case of their procuratorate. Every step is internal to the procuratorate.
 *
 * Deadlines: the review of a case ends within 3 months of its acceptance. The due date of the
 * current stage is stored (stageDueDate, computed here with the holiday calendar); whether it is
 * overdue is derived from today, never stored.
 */
import { daysLeft, daysOverdue, dueDate, dueDateForRule, type Calendar, type LocalizedText, type Period } from '@/lib/domain/deadlines';
import { decideHandler } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type StepDecision, type StepRule, type WorkflowParties } from '@/lib/domain/workflow';
import type { CaseKind } from './numbers';
import { CASE_VISIBILITY } from './visibility';

// ---------------------------------------------------------------------------------------------
// Stages and steps

export const CASE_STAGES = ['accepted', 'reviewing', 'supervising', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Stages in which the case is still being handled. */
export const OPEN_STAGES: readonly CaseStage[] = ['accepted', 'reviewing', 'supervising'];
/** Stages in which the review clock runs (3 months from acceptance). */
export const REVIEW_STAGES: readonly CaseStage[] = ['accepted', 'reviewing'];

/** Where `advance` leads from each stage it starts from. */
export const NEXT_STAGE: Readonly<Partial<Record<CaseStage, CaseStage>>> = {
  accepted: 'reviewing',
  reviewing: 'supervising',
};

export const CASE_ACTIONS = ['advance', 'close', 'assign', 'tag', 'linkCourtCase'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * The steps, as data. `advance` has no fixed target: it moves one stage on (NEXT_STAGE).
 * Nothing is shared: the court does not see supervision cases.
 */
export const CASE_STEPS: Readonly<Record<CaseAction, StepRule<CaseStage>>> = {
  advance: { from: ['accepted', 'reviewing'], side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: false },
  close: { from: OPEN_STAGES, to: 'closed', side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: false },
  assign: { from: OPEN_STAGES, side: 'procuratorate', roles: ROLE_SETS.procuratorateLeader, shared: false },
  tag: { from: OPEN_STAGES, side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: false },
  linkCourtCase: { from: OPEN_STAGES, side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: false },
};

/** What the machine needs to know of a case, as read from the database. */
export interface CaseFacts {
  /** The procuratorate that holds the case. */
  institutionId: string;
  /** The court the supervision concerns, if recorded (the court still may not see the case). */
  courtId: string | null;
  stage: CaseStage;
  handlerId: string;
}

export function caseParties(c: CaseFacts): WorkflowParties<CaseStage> {
  return {
    status: c.stage,
    procuratorateId: c.institutionId,
    courtId: c.courtId ?? '',
    ownerId: c.handlerId,
    visibleTo: sidesSeeing(CASE_VISIBILITY, c),
  };
}

/** May the actor see this case? Active staff of the holding procuratorate only. */
export function canViewCase(actor: Actor, c: Pick<CaseFacts, 'institutionId' | 'courtId'>): boolean {
  return canSee(CASE_VISIBILITY, actor, c);
}

export type CaseDecision = StepDecision<CaseStage>;

export function decideCase(actor: Actor, action: CaseAction, c: CaseFacts): CaseDecision {
  const rule = CASE_STEPS[action];
  const base = decideStep(actor, rule, caseParties(c));
  if (!base.ok) return base;
  if (action === 'advance') {
    const to = NEXT_STAGE[c.stage];
    if (!to) return deny('wrongState');
    return { ok: true, to, shared: rule.shared };
  }
  return base;
}

/** The steps the actor may take now, for "what you may do next". */
export function availableCaseActions(actor: Actor, c: CaseFacts): CaseAction[] {
  return CASE_ACTIONS.filter((a) => decideCase(actor, a, c).ok);
}

// ---------------------------------------------------------------------------------------------
// Handlers

/** Who may handle a supervision case: an active procurator or leader of the same procuratorate. */
export interface HandlerCandidate {
  id: string;
  role: Actor['role'];
  institutionId: string;
  active: boolean;
}

export function isEligibleHandler(candidate: HandlerCandidate | null, procuratorateId: string): boolean {
  return candidate !== null && decideHandler(candidate, procuratorateId).allowed;
}

/** Why a reassignment target is refused (a field error on `handlerId`), or null when it is fine. */
export function assigneeProblem(c: Pick<CaseFacts, 'institutionId' | 'handlerId'>, candidate: HandlerCandidate | null): 'invalidChoice' | 'sameHandler' | null {
  if (!isEligibleHandler(candidate, c.institutionId)) return 'invalidChoice';
  if (candidate!.id === c.handlerId) return 'sameHandler';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tags leaders track (DOMAIN.md §5)

export const PENSION_FRAUD_SUBTYPES = ['elderly_care_services', 'projects', 'products', 'home_equity', 'pension_insurance', 'assistance'] as const;
export type PensionFraudSubtype = (typeof PENSION_FRAUD_SUBTYPES)[number];

export const CASE_TAGS = ['false_litigation', ...PENSION_FRAUD_SUBTYPES.map((s) => `pension_fraud:${s}` as const), 'social_conflict'] as const;
export type CaseTag = (typeof CASE_TAGS)[number];

/** The pension-fraud subtype of a tag list (a case carries at most one), or null. */
export function pensionFraudSubtype(tags: readonly string[]): PensionFraudSubtype | null {
  const t = tags.find((x) => x.startsWith('pension_fraud:'));
  const sub = t?.slice('pension_fraud:'.length);
  return sub && (PENSION_FRAUD_SUBTYPES as readonly string[]).includes(sub) ? (sub as PensionFraudSubtype) : null;
}

/** Tags from the form's three choices, in table order. */
export function tagsFromChoices(choice: { falseLitigation: boolean; socialConflict: boolean; pensionFraud: PensionFraudSubtype | null }): CaseTag[] {
  const set = new Set<string>();
  if (choice.falseLitigation) set.add('false_litigation');
  if (choice.pensionFraud) set.add(`pension_fraud:${choice.pensionFraud}`);
  if (choice.socialConflict) set.add('social_conflict');
  return CASE_TAGS.filter((t) => set.has(t));
}

/** Tag filters of the case list: one tag, or every pension-fraud subtype at once. */
export const TAG_FILTERS = ['false_litigation', 'pension_fraud', ...CASE_TAGS.filter((t) => t.startsWith('pension_fraud:')), 'social_conflict'] as const;
export type TagFilter = (typeof TAG_FILTERS)[number];

export function tagsMatching(filter: TagFilter): CaseTag[] {
  return filter === 'pension_fraud' ? CASE_TAGS.filter((t) => t.startsWith('pension_fraud:')) : [filter];
}

// ---------------------------------------------------------------------------------------------
// Closing

/** How a case ends (recorded with the conclusion on the close event). */
export const CASE_OUTCOMES = ['recommendation', 'protest', 'not_supported', 'terminated'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

// ---------------------------------------------------------------------------------------------
// Review deadline (3 months from acceptance)

/**
 * How long the review may take, by kind. Civil retrial cases (a party's application after the
 * court refused a retrial) use the periods table's 'retrial.procuratorateReview' (Civil Procedure
 * Law art. 220). The other kinds have no rule id in lib/domain/deadlines/periods.ts; their period
 * and source are recorded here (verify: article numbers not checked against the official texts).
 */
export const REVIEW_PERIOD: Period = { months: 3 };

const CIVIL_RULES_2021: LocalizedText = {
  zh: '《人民检察院民事诉讼监督规则》（2021年）：受理后三个月内审查终结并作出决定',
  en: 'SPP Rules on Civil Procedural Supervision (2021): review concluded and decided within 3 months of acceptance',
};
const ADMIN_RULES_2021: LocalizedText = {
  zh: '《人民检察院行政诉讼监督规则》（2021年）：受理后三个月内审查终结并作出决定；另参照《人民检察院民事诉讼监督规则》（2021年）',
  en: 'SPP Rules on Administrative Procedural Supervision (2021): review concluded within 3 months of acceptance; cf. the SPP Rules on Civil Procedural Supervision (2021)',
};

export interface ReviewRule {
  /** A rule of the periods table, when there is one. */
  ruleId?: 'retrial.procuratorateReview';
  period: Period;
  source: LocalizedText;
  verify: boolean;
}

export const REVIEW_RULES: Readonly<Record<CaseKind, ReviewRule>> = {
  civil: { period: REVIEW_PERIOD, source: CIVIL_RULES_2021, verify: true },
  // Supervision of civil enforcement is a chapter of the same rules.
  enforcement: { period: REVIEW_PERIOD, source: CIVIL_RULES_2021, verify: true },
  administrative: { period: REVIEW_PERIOD, source: ADMIN_RULES_2021, verify: true },
  non_litigation: { period: REVIEW_PERIOD, source: ADMIN_RULES_2021, verify: true },
  civil_retrial: {
    ruleId: 'retrial.procuratorateReview',
    period: REVIEW_PERIOD,
    source: { zh: '《中华人民共和国民事诉讼法》（2023年修正）第二百二十条', en: 'Civil Procedure Law (2023) art. 220' },
    verify: true,
  },
  // The 2021 public-interest rules set their own investigation periods; the case list uses the
  // same 3-month review mark until those are modelled (verify).
  public_interest: { period: REVIEW_PERIOD, source: CIVIL_RULES_2021, verify: true },
};

/** The last day of the review (rest days moved by the calendar). */
export function reviewDueDate(kind: CaseKind, acceptedOn: string, calendar?: Calendar): string {
  const rule = REVIEW_RULES[kind];
  if (rule.ruleId) return dueDateForRule(rule.ruleId, acceptedOn, { calendar });
  return dueDate(acceptedOn, rule.period, calendar);
}

/** The due date of a stage: the review deadline while the review runs, none after it. */
export function stageDueDate(kind: CaseKind, stage: CaseStage, acceptedOn: string | null, calendar?: Calendar): string | null {
  if (!acceptedOn || !REVIEW_STAGES.includes(stage)) return null;
  return reviewDueDate(kind, acceptedOn, calendar);
}

/** Days the current stage is overdue on `today` (0 when not, or when it has no deadline). */
export function caseOverdueDays(c: { stage: CaseStage; stageDueDate: string | null }, today: string): number {
  if (!c.stageDueDate || !REVIEW_STAGES.includes(c.stage)) return 0;
  return daysOverdue(c.stageDueDate, today);
}

/** Days left in the current stage, or null when it has no running deadline or is overdue. */
export function caseDaysLeft(c: { stage: CaseStage; stageDueDate: string | null }, today: string): number | null {
  if (!c.stageDueDate || !REVIEW_STAGES.includes(c.stage) || caseOverdueDays(c, today) > 0) return null;
  return daysLeft(c.stageDueDate, today);
}
