/**
 * The statutory timeline of a non-litigation application (Administrative Compulsion Law arts.
 * 53–59, DOMAIN.md §4), stage by stage: which period runs, from which date, its computed due date
 * (deadline engine + the holiday calendar handed in), and when it was done. Whether a stage is
 * overdue is derived from today (`stageState`), never stored.
 */
import type { Calendar } from '@/lib/domain/calendar';
import { dueDateForRule, PERIOD_RULES, type LocalizedText, type Period, type PeriodId } from '@/lib/domain/deadlines';
import type { NonLitigationFacts } from './machine';

export const STAGE_KEYS = [
  'demandWait',
  'application',
  'acceptance',
  'nonAcceptanceAppeal',
  'nonAcceptanceAppealDecision',
  'ruling',
  'refusalService',
  'reviewRequest',
  'reviewDecision',
  'enforcement',
] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/**
 * - `deadline`: someone (agency, court, upper court) must act by the due date;
 * - `right`: the agency may act by the due date; if it does not, the right lapses (nobody is late);
 * - `waiting`: the agency may act only AFTER the due date (the 10 days after the demand);
 * - `none`: no statutory period (ordinary enforcement).
 */
export type StageKind = 'deadline' | 'right' | 'waiting' | 'none';

export interface Stage {
  key: StageKey;
  kind: StageKind;
  /** The period rule (lib/domain/deadlines/periods.ts) and what it says. */
  ruleId: PeriodId | null;
  period: Period | null;
  source: LocalizedText | null;
  /** The event the period runs from, as the rule words it. */
  startsAt: LocalizedText | null;
  /** The date the period runs from (null: the stage has not started). */
  from: string | null;
  /** Computed due date (for `waiting`: the day the wait ends). */
  due: string | null;
  /** When the act the stage waits for happened. */
  doneOn: string | null;
}

function stage(key: StageKey, kind: StageKind, ruleId: PeriodId | null, from: string | null, doneOn: string | null, calendar: Calendar, urgent = false): Stage {
  const rule = ruleId ? PERIOD_RULES[ruleId] : null;
  const period = rule ? (urgent && rule.urgentPeriod ? rule.urgentPeriod : rule.period) : null;
  return {
    key,
    kind,
    ruleId,
    period,
    source: rule ? rule.source : null,
    startsAt: rule ? rule.from : null,
    from,
    due: ruleId && from ? dueDateForRule(ruleId, from, { calendar, urgent }) : null,
    doneOn,
  };
}

/** The date the enforcement ruling was made (null: none, or enforcement was refused for good). */
export function enforcementRulingOn(app: NonLitigationFacts): string | null {
  if (app.refusalGround) return app.reviewOutcome === 'reversed' ? app.reviewDecidedOn : null;
  return app.ruledOn;
}

/**
 * Every stage that applies to this application, in order, with its due date. The branches for a
 * refusal to accept and for a refusal to enforce appear once the court has taken that road.
 */
export function stageDeadlines(app: NonLitigationFacts, calendar: Calendar): Stage[] {
  const out: Stage[] = [
    // Art. 54: demand first, then wait 10 days; the application is the act that follows.
    stage('demandWait', 'waiting', 'nonLitigation.demandWait', app.demandServedOn, app.appliedOn, calendar),
    // Art. 53: apply within 3 months of the decision becoming final (time limits for review / suit expired).
    stage('application', 'deadline', 'nonLitigation.application', app.decisionFinalOn, app.appliedOn, calendar),
    // Art. 56: accept (or rule not to) within 5 days of receipt.
    stage('acceptance', 'deadline', 'nonLitigation.acceptance', app.appliedOn, app.notAcceptedOn ?? app.acceptedOn, calendar),
  ];
  if (app.notAcceptedOn) {
    out.push(stage('nonAcceptanceAppeal', 'right', 'nonLitigation.nonAcceptanceAppeal', app.notAcceptedOn, app.appealedOn, calendar));
    if (app.appealedOn) {
      out.push(stage('nonAcceptanceAppealDecision', 'deadline', 'nonLitigation.nonAcceptanceAppealDecision', app.appealedOn, app.appealDecidedOn, calendar));
    }
  }
  if (!app.notAcceptedOn || app.acceptedOn) {
    // Arts. 57–58: written review, ruling within 7 days; after hearing both sides, within 30.
    const ruleId = app.hearingHeld ? 'nonLitigation.rulingAfterHearing' : 'nonLitigation.ruling';
    out.push(stage('ruling', 'deadline', ruleId, app.acceptedOn, app.ruledOn, calendar));
  }
  if (app.refusalGround) {
    // Art. 58: serve the refusal within 5 days; the agency may seek review within 15; the upper court decides within 30.
    out.push(stage('refusalService', 'deadline', 'nonLitigation.refusalService', app.ruledOn, app.refusalServedOn, calendar));
    out.push(stage('reviewRequest', 'right', 'nonLitigation.reviewRequest', app.refusalServedOn, app.reviewRequestedOn, calendar));
    if (app.reviewRequestedOn) {
      out.push(stage('reviewDecision', 'deadline', 'nonLitigation.reviewDecision', app.reviewRequestedOn, app.reviewDecidedOn, calendar));
    }
  }
  if (!app.refusalGround || app.reviewOutcome === 'reversed') {
    // Art. 59: urgent enforcement within 5 days of the ruling; otherwise no statutory period.
    const from = enforcementRulingOn(app);
    out.push(
      app.urgent
        ? stage('enforcement', 'deadline', 'nonLitigation.urgentEnforcement', from, app.enforcementStartedOn, calendar, true)
        : stage('enforcement', 'none', null, from, app.enforcementStartedOn, calendar),
    );
  }
  return out;
}

/**
 * - `notStarted`: the period has not begun;
 * - `running` / `overdue`: under way, before / after the due date;
 * - `done` / `doneLate`: done on or before / after the due date;
 * - `lapsed`: a right not used in time (or a stage left behind when the application was closed);
 * - `waiting` / `elapsed`: the 10-day wait is running / over (the agency may apply);
 * - `premature`: the agency applied before the wait was over;
 * - `missing`: the agency applied with no demand on record.
 */
export type StageState = 'notStarted' | 'running' | 'overdue' | 'done' | 'doneLate' | 'lapsed' | 'waiting' | 'elapsed' | 'premature' | 'missing';

export function stageState(s: Stage, status: NonLitigationFacts['status'], today: string): StageState {
  if (s.kind === 'waiting') {
    if (!s.from) return s.doneOn ? 'missing' : 'notStarted';
    if (s.doneOn) return s.doneOn <= s.due! ? 'premature' : 'elapsed';
    return today <= s.due! ? 'waiting' : 'elapsed';
  }
  if (!s.from) return 'notStarted';
  if (s.doneOn) return s.due === null || s.doneOn <= s.due ? 'done' : 'doneLate';
  if (status === 'closed') return 'lapsed';
  if (s.due === null) return 'running';
  if (today <= s.due) return 'running';
  return s.kind === 'right' ? 'lapsed' : 'overdue';
}

export interface StageWithState extends Stage {
  state: StageState;
}

export function stagesWithState(app: NonLitigationFacts, calendar: Calendar, today: string): StageWithState[] {
  return stageDeadlines(app, calendar).map((s) => ({ ...s, state: stageState(s, app.status, today) }));
}

/** Any stage overdue right now? */
export function isApplicationOverdue(stages: readonly StageWithState[]): boolean {
  return stages.some((s) => s.state === 'overdue');
}

/** The stage the application waits on now (an overdue one first), for lists. */
export function currentStage(stages: readonly StageWithState[]): StageWithState | null {
  return (
    stages.find((s) => s.state === 'overdue') ??
    stages.find((s) => s.state === 'running' && s.due !== null) ??
    stages.find((s) => s.state === 'waiting') ??
    stages.find((s) => s.state === 'running') ??
    null
  );
}
