/**
 * The non-litigation enforcement machine, checked against a matrix written out by hand from
 * DOMAIN.md §4 (not derived from STEPS): every step × every role × every state; the five
 * checkpoints; the extra conditions; every stage's due date (with the official holiday calendar);
 * stage states; dates in order; input schemas; and the catalogs' coverage of every code.
 */
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '@/lib/domain/deadlines';
import { weekendOnlyCalendar } from '@/lib/domain/calendar';
import {
  availableCheckpoints,
  availableSteps,
  canView,
  CHECKPOINTS,
  datesFromEvents,
  decide,
  decideFinding,
  decideRegister,
  ENFORCERS,
  initialStatus,
  NON_LITIGATION_STATUSES,
  NON_LITIGATION_STEPS,
  REFUSAL_GROUNDS,
  type Checkpoint,
  type NonLitigationFacts,
  type NonLitigationStatus,
  type NonLitigationStep,
} from '@/lib/domain/non-litigation/machine';
import { currentStage, isApplicationOverdue, STAGE_KEYS, stageDeadlines, stagesWithState, stageState, type Stage } from '@/lib/domain/non-litigation/deadlines';
import * as S from '@/lib/domain/non-litigation/schemas';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { CATALOGS } from '@/lib/web/i18n/catalogs';
import { PROC, COURT, COURT2, makeActor, type ActorOptions } from '@/tests/support/actors';

// ---------------------------------------------------------------------------------------------
// Fixtures


const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts);

function facts(status: NonLitigationStatus, over: Partial<NonLitigationFacts> = {}): NonLitigationFacts {
  return {
    procuratorateId: PROC,
    courtId: COURT,
    status,
    caseId: null,
    urgent: false,
    hearingHeld: false,
    refusalGround: null,
    decisionFinalOn: '2026-03-02',
    demandServedOn: null,
    appliedOn: null,
    acceptedOn: null,
    ruledOn: null,
    refusalServedOn: null,
    reviewRequestedOn: null,
    enforcementStartedOn: null,
    notAcceptedOn: null,
    appealedOn: null,
    appealDecidedOn: null,
    reviewDecidedOn: null,
    reviewOutcome: null,
    stalledOn: null,
    resumedOn: null,
    enforcedOn: null,
    closedOn: null,
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// The matrix, written out

const PROCURATORATE: Role[] = ['PROCURATOR', 'PROCURATORATE_LEADER'];
const COURT_SIDE: Role[] = ['COURT_STAFF', 'COURT_LEADER'];
const ALL_STATES = [...NON_LITIGATION_STATUSES];

/** For every step: who may take it, and from which states. */
const EXPECTED: Record<NonLitigationStep, { roles: Role[]; from: NonLitigationStatus[] }> = {
  recordDemand: { roles: PROCURATORATE, from: ['decision_final'] },
  receiveApplication: { roles: COURT_SIDE, from: ['decision_final', 'demanded'] },
  accept: { roles: COURT_SIDE, from: ['applied', 'not_accepted'] },
  notAccept: { roles: COURT_SIDE, from: ['applied'] },
  recordAppeal: { roles: COURT_SIDE, from: ['not_accepted'] },
  holdHearing: { roles: COURT_SIDE, from: ['accepted'] },
  ruleEnforce: { roles: COURT_SIDE, from: ['accepted'] },
  ruleRefuse: { roles: COURT_SIDE, from: ['accepted'] },
  serveRefusal: { roles: COURT_SIDE, from: ['ruled_refuse'] },
  requestReview: { roles: COURT_SIDE, from: ['ruled_refuse'] },
  reviewReversed: { roles: COURT_SIDE, from: ['under_review'] },
  startEnforcement: { roles: COURT_SIDE, from: ['ruled_enforce'] },
  markStalled: { roles: COURT_SIDE, from: ['enforcing'] },
  resumeEnforcement: { roles: COURT_SIDE, from: ['stalled'] },
  markEnforced: { roles: COURT_SIDE, from: ['enforcing', 'stalled'] },
  close: { roles: COURT_SIDE, from: ['not_accepted', 'ruled_refuse', 'under_review', 'enforced', 'stalled'] },
  openCase: { roles: PROCURATORATE, from: ALL_STATES },
};

/** Where each step leads (undefined: stays). */
const TARGET: Record<NonLitigationStep, NonLitigationStatus | undefined> = {
  recordDemand: 'demanded',
  receiveApplication: 'applied',
  accept: 'accepted',
  notAccept: 'not_accepted',
  recordAppeal: undefined,
  holdHearing: undefined,
  ruleEnforce: 'ruled_enforce',
  ruleRefuse: 'ruled_refuse',
  serveRefusal: undefined,
  requestReview: 'under_review',
  reviewReversed: 'ruled_enforce',
  startEnforcement: 'enforcing',
  markStalled: 'stalled',
  resumeEnforcement: 'enforcing',
  markEnforced: 'enforced',
  close: 'closed',
  openCase: undefined,
};

/** The step's own conditions satisfied, so that the matrix tests the table alone. */
const SATISFIED: Partial<Record<NonLitigationStep, Partial<NonLitigationFacts>>> = {
  accept: { appealedOn: '2026-03-20' },
  requestReview: { refusalServedOn: '2026-03-20' },
};

const EXPECTED_CHECKPOINTS: Record<Checkpoint, NonLitigationStatus[]> = {
  agency_applied: ALL_STATES,
  court_accepted: ['applied', 'accepted', 'not_accepted', 'ruled_enforce', 'ruled_refuse', 'under_review', 'enforcing', 'enforced', 'stalled', 'closed'],
  ruling_lawful: ['ruled_enforce', 'ruled_refuse', 'under_review', 'enforcing', 'enforced', 'stalled', 'closed'],
  who_enforces: ['ruled_enforce', 'enforcing', 'enforced', 'stalled', 'closed'],
  enforcement_stalled: ['enforcing', 'enforced', 'stalled', 'closed'],
};

const sideOfRole = (r: Role) => (PROCURATORATE.includes(r) ? 'procuratorate' : COURT_SIDE.includes(r) ? 'court' : 'admin');

describe('step table × roles × states', () => {
  for (const step of NON_LITIGATION_STEPS) {
    for (const role of ROLES) {
      it(`${step} by ${role}`, () => {
        const exp = EXPECTED[step];
        for (const status of ALL_STATES) {
          const d = decide(actor(role), step, facts(status, SATISFIED[step]), { findingFlagged: true });
          if (exp.roles.includes(role) && exp.from.includes(status)) {
            expect(d, `${status}`).toEqual({ ok: true, to: TARGET[step] ?? status, shared: step !== 'openCase' });
          } else if (role === 'ADMIN') {
            expect(d, `${status}`).toEqual({ ok: false, code: 'notVisible', forbidden: true });
          } else if (!exp.roles.includes(role)) {
            // The other institution's step: forbidden whatever the state.
            expect(d, `${status}`).toEqual({ ok: false, code: 'institution', forbidden: true });
          } else {
            expect(d, `${status}`).toEqual({ ok: false, code: 'wrongState', forbidden: false });
          }
        }
      });
    }
  }

  it('every step is in the expected table (a new step needs a row here)', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...NON_LITIGATION_STEPS].sort());
  });

  it('someone of another court, or inactive, gets nothing', () => {
    const other = actor('COURT_STAFF', { institutionId: COURT2 });
    expect(decide(other, 'accept', facts('applied'))).toEqual({ ok: false, code: 'notVisible', forbidden: true });
    expect(canView(other, facts('applied'))).toBe(false);
    expect(decide(actor('COURT_LEADER', { active: false }), 'accept', facts('applied'))).toEqual({ ok: false, code: 'inactive', forbidden: true });
    expect(canView(actor('ADMIN'), facts('applied'))).toBe(false);
    expect(canView(actor('COURT_STAFF'), facts('decision_final'))).toBe(true);
    expect(canView(actor('PROCURATOR'), facts('closed'))).toBe(true);
  });
});

describe('checkpoints × roles × states', () => {
  for (const cp of CHECKPOINTS) {
    for (const role of ROLES) {
      it(`${cp} by ${role}`, () => {
        for (const status of ALL_STATES) {
          const d = decideFinding(actor(role), cp, facts(status));
          if (PROCURATORATE.includes(role) && EXPECTED_CHECKPOINTS[cp].includes(status)) {
            expect(d, status).toEqual({ ok: true, to: status, shared: false });
          } else if (role === 'ADMIN') {
            expect(d.ok, status).toBe(false);
            expect(d, status).toMatchObject({ code: 'notVisible', forbidden: true });
          } else if (sideOfRole(role) === 'court') {
            // The court cannot record the procuratorate's checks.
            expect(d, status).toEqual({ ok: false, code: 'institution', forbidden: true });
          } else {
            expect(d, status).toEqual({ ok: false, code: 'wrongState', forbidden: false });
          }
        }
      });
    }
  }

  it('availableCheckpoints lists them for the procuratorate only', () => {
    expect(availableCheckpoints(actor('PROCURATOR'), facts('enforcing'))).toEqual([...CHECKPOINTS]);
    expect(availableCheckpoints(actor('PROCURATOR'), facts('demanded'))).toEqual(['agency_applied']);
    expect(availableCheckpoints(actor('COURT_LEADER'), facts('enforcing'))).toEqual([]);
  });
});

describe('extra conditions', () => {
  const P = actor('PROCURATOR');
  const C = actor('COURT_STAFF');

  it('accepting after a ruling not to accept needs the appeal on record', () => {
    expect(decide(C, 'accept', facts('not_accepted'))).toEqual({ ok: false, code: 'appealNotRecorded', forbidden: false });
    expect(decide(C, 'accept', facts('not_accepted', { appealedOn: '2026-03-20' })).ok).toBe(true);
    expect(decide(C, 'accept', facts('applied')).ok).toBe(true);
  });
  it('one appeal, one hearing, one service', () => {
    expect(decide(C, 'recordAppeal', facts('not_accepted', { appealedOn: '2026-03-20' }))).toMatchObject({ code: 'appealAlreadyRecorded', forbidden: false });
    expect(decide(C, 'holdHearing', facts('accepted', { hearingHeld: true }))).toMatchObject({ code: 'hearingAlreadyHeld', forbidden: false });
    expect(decide(C, 'serveRefusal', facts('ruled_refuse', { refusalServedOn: '2026-03-20' }))).toMatchObject({ code: 'refusalAlreadyServed', forbidden: false });
  });
  it('review can be requested only once the refusal was served', () => {
    expect(decide(C, 'requestReview', facts('ruled_refuse'))).toEqual({ ok: false, code: 'refusalNotServed', forbidden: false });
  });
  it('a case opens only from a flagged finding, and only once', () => {
    expect(decide(P, 'openCase', facts('ruled_refuse'), { findingFlagged: false })).toEqual({ ok: false, code: 'findingNotFlagged', forbidden: false });
    expect(decide(P, 'openCase', facts('ruled_refuse'))).toEqual({ ok: false, code: 'findingNotFlagged', forbidden: false });
    expect(decide(P, 'openCase', facts('ruled_refuse', { caseId: 'x' }), { findingFlagged: true })).toEqual({ ok: false, code: 'caseAlreadyOpen', forbidden: false });
    expect(decide(P, 'openCase', facts('ruled_refuse'), { findingFlagged: true })).toEqual({ ok: true, to: 'ruled_refuse', shared: false });
    // The court: forbidden before any of that.
    expect(decide(C, 'openCase', facts('ruled_refuse'), { findingFlagged: true })).toMatchObject({ code: 'institution', forbidden: true });
  });
  it('availableSteps never offers openCase (it hangs on a finding)', () => {
    expect(availableSteps(P, facts('decision_final'))).toEqual(['recordDemand']);
    expect(availableSteps(C, facts('accepted'))).toEqual(['holdHearing', 'ruleEnforce', 'ruleRefuse']);
    expect(availableSteps(C, facts('ruled_refuse'))).toEqual(['serveRefusal', 'close']);
    expect(availableSteps(C, facts('ruled_refuse', { refusalServedOn: '2026-03-20' }))).toEqual(['requestReview', 'close']);
    expect(availableSteps(C, facts('stalled'))).toEqual(['resumeEnforcement', 'markEnforced', 'close']);
  });
  it('registration: court or procuratorate, never the administrator', () => {
    expect(decideRegister(actor('COURT_STAFF'))).toEqual({ ok: true, side: 'court' });
    expect(decideRegister(actor('PROCURATORATE_LEADER'))).toEqual({ ok: true, side: 'procuratorate' });
    expect(decideRegister(actor('ADMIN'))).toEqual({ ok: false, code: 'role' });
    expect(decideRegister(actor('PROCURATOR', { active: false }))).toEqual({ ok: false, code: 'inactive' });
    expect(initialStatus({ demandServedOn: null, appliedOn: null })).toBe('decision_final');
    expect(initialStatus({ demandServedOn: '2026-01-02', appliedOn: null })).toBe('demanded');
    expect(initialStatus({ demandServedOn: null, appliedOn: '2026-01-20' })).toBe('applied');
  });
});

describe('dates from the timeline', () => {
  it('reads the dates the court recorded with its steps', () => {
    const d = datesFromEvents([
      { kind: 'notAccept', fromStatus: 'applied', data: { notAcceptedOn: '2026-03-05' } },
      { kind: 'recordAppeal', fromStatus: 'not_accepted', data: { appealedOn: '2026-03-12' } },
      { kind: 'accept', fromStatus: 'not_accepted', data: { acceptedOn: '2026-03-30', upperCourtDecidedOn: '2026-03-25' } },
      { kind: 'markStalled', fromStatus: 'enforcing', data: { stalledOn: '2026-05-01' } },
      { kind: 'close', fromStatus: 'under_review', data: { closedOn: '2026-06-01' } },
    ]);
    expect(d).toMatchObject({
      notAcceptedOn: '2026-03-05',
      appealedOn: '2026-03-12',
      appealDecidedOn: '2026-03-25',
      stalledOn: '2026-05-01',
      reviewDecidedOn: '2026-06-01',
      reviewOutcome: 'upheld',
      closedOn: '2026-06-01',
    });
    expect(datesFromEvents([{ kind: 'reviewReversed', fromStatus: 'under_review', data: { reviewDecidedOn: '2026-04-02' } }])).toMatchObject({
      reviewDecidedOn: '2026-04-02',
      reviewOutcome: 'reversed',
    });
    // An ordinary acceptance is no appeal decision.
    expect(datesFromEvents([{ kind: 'accept', fromStatus: 'applied', data: { acceptedOn: '2026-03-03' } }]).appealDecidedOn).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Deadlines

const byKey = (stages: Stage[]) => Object.fromEntries(stages.map((s) => [s.key, s]));

describe('stage deadlines (official calendar)', () => {
  it('the 10-day wait after the demand: ending on a holiday, it runs to the first working day after', () => {
    // Served Sunday 2025-09-21; day 10 is 2025-10-01, National Day (holidays to 10-08) → 2025-10-09.
    const s = byKey(stageDeadlines(facts('demanded', { demandServedOn: '2025-09-21', decisionFinalOn: '2025-09-01' }), officialCalendar));
    expect(s.demandWait).toMatchObject({ kind: 'waiting', ruleId: 'nonLitigation.demandWait', period: { days: 10 }, from: '2025-09-21', due: '2025-10-09' });
    expect(s.demandWait!.source?.zh).toContain('第五十四条');
    // With weekends only, 2025-10-01 (a Wednesday) would be the last day.
    expect(byKey(stageDeadlines(facts('demanded', { demandServedOn: '2025-09-21', decisionFinalOn: '2025-09-01' }), weekendOnlyCalendar)).demandWait!.due).toBe('2025-10-01');
  });

  it('the agency applies within 3 months of the decision becoming final (a make-up Saturday is a working day)', () => {
    // 2025-11-30 + 3 months = 2026-02-28, a Saturday worked in exchange for the Spring Festival.
    const s = byKey(stageDeadlines(facts('demanded', { decisionFinalOn: '2025-11-30' }), officialCalendar));
    expect(s.application).toMatchObject({ kind: 'deadline', ruleId: 'nonLitigation.application', period: { months: 3 }, due: '2026-02-28' });
    expect(byKey(stageDeadlines(facts('demanded', { decisionFinalOn: '2025-11-30' }), weekendOnlyCalendar)).application!.due).toBe('2026-03-02');
  });

  it('the court accepts within 5 days of receipt (Labour Day holiday pushes it)', () => {
    // 2026-04-28 + 5 = 2026-05-03, inside the Labour Day holiday (05-01 to 05-05) → 2026-05-06.
    const s = byKey(stageDeadlines(facts('applied', { appliedOn: '2026-04-28', decisionFinalOn: '2026-03-01' }), officialCalendar));
    expect(s.acceptance).toMatchObject({ ruleId: 'nonLitigation.acceptance', period: { days: 5 }, from: '2026-04-28', due: '2026-05-06', doneOn: null });
  });

  it('the ruling: 7 days after acceptance; 30 days where both sides were heard', () => {
    const base = { decisionFinalOn: '2026-01-05', appliedOn: '2026-02-25', acceptedOn: '2026-03-02' };
    const written = byKey(stageDeadlines(facts('accepted', base), officialCalendar));
    expect(written.ruling).toMatchObject({ ruleId: 'nonLitigation.ruling', period: { days: 7 }, due: '2026-03-09' });
    const heard = byKey(stageDeadlines(facts('accepted', { ...base, hearingHeld: true }), officialCalendar));
    expect(heard.ruling).toMatchObject({ ruleId: 'nonLitigation.rulingAfterHearing', period: { days: 30 }, due: '2026-04-01' });
    expect(heard.ruling!.source?.en).toContain('art. 58');
  });

  it('refusal to accept: 15 days to go to the upper court, which decides within 15', () => {
    const s = byKey(
      stageDeadlines(facts('not_accepted', { decisionFinalOn: '2026-01-05', appliedOn: '2026-03-02', notAcceptedOn: '2026-03-05', appealedOn: '2026-03-16' }), officialCalendar),
    );
    expect(s.acceptance).toMatchObject({ doneOn: '2026-03-05', due: '2026-03-09' });
    expect(s.nonAcceptanceAppeal).toMatchObject({ kind: 'right', ruleId: 'nonLitigation.nonAcceptanceAppeal', due: '2026-03-20', doneOn: '2026-03-16' });
    expect(s.nonAcceptanceAppealDecision).toMatchObject({ ruleId: 'nonLitigation.nonAcceptanceAppealDecision', due: '2026-03-31', doneOn: null });
    // Not accepted: there is no ruling to wait for.
    expect(s.ruling).toBeUndefined();
  });

  it('refusal to enforce: served within 5 days, review requested within 15, decided within 30', () => {
    const s = byKey(
      stageDeadlines(
        facts('under_review', {
          decisionFinalOn: '2026-01-05',
          appliedOn: '2026-02-25',
          acceptedOn: '2026-03-02',
          ruledOn: '2026-03-06',
          refusalGround: 'no_legal_basis',
          refusalServedOn: '2026-03-10',
          reviewRequestedOn: '2026-03-20',
        }),
        officialCalendar,
      ),
    );
    expect(s.ruling).toMatchObject({ due: '2026-03-09', doneOn: '2026-03-06' });
    // 03-06 + 5 = 03-11 (Wed).
    expect(s.refusalService).toMatchObject({ ruleId: 'nonLitigation.refusalService', due: '2026-03-11', doneOn: '2026-03-10' });
    // 03-10 + 15 = 03-25 (Wed).
    expect(s.reviewRequest).toMatchObject({ kind: 'right', ruleId: 'nonLitigation.reviewRequest', due: '2026-03-25', doneOn: '2026-03-20' });
    // 03-20 + 30 = 04-19 (Sunday) → 04-20.
    expect(s.reviewDecision).toMatchObject({ ruleId: 'nonLitigation.reviewDecision', due: '2026-04-20' });
    // Refused: no enforcement stage unless the upper court reverses.
    expect(s.enforcement).toBeUndefined();
    const reversed = byKey(
      stageDeadlines(
        facts('ruled_enforce', { acceptedOn: '2026-03-02', ruledOn: '2026-03-06', refusalGround: 'no_legal_basis', reviewDecidedOn: '2026-04-10', reviewOutcome: 'reversed', urgent: true }),
        officialCalendar,
      ),
    );
    expect(reversed.enforcement).toMatchObject({ from: '2026-04-10', due: '2026-04-15' });
  });

  it('enforcement: within 5 days of the ruling when urgent; otherwise no statutory period', () => {
    // 2026-06-15 + 5 = 06-20, Dragon Boat holiday (06-19 to 06-21) → 06-22.
    const urgent = byKey(stageDeadlines(facts('ruled_enforce', { acceptedOn: '2026-06-12', ruledOn: '2026-06-15', urgent: true }), officialCalendar));
    expect(urgent.enforcement).toMatchObject({ kind: 'deadline', ruleId: 'nonLitigation.urgentEnforcement', period: { days: 5 }, due: '2026-06-22' });
    const ordinary = byKey(stageDeadlines(facts('ruled_enforce', { acceptedOn: '2026-06-12', ruledOn: '2026-06-15' }), officialCalendar));
    expect(ordinary.enforcement).toMatchObject({ kind: 'none', ruleId: null, due: null, from: '2026-06-15' });
  });

  it('stage keys are in order and unique', () => {
    expect(new Set(STAGE_KEYS).size).toBe(STAGE_KEYS.length);
  });
});

describe('stage states (derived from today)', () => {
  const stage = (over: Partial<Stage>): Stage => ({
    key: 'acceptance',
    kind: 'deadline',
    ruleId: 'nonLitigation.acceptance',
    period: { days: 5 },
    source: null,
    startsAt: null,
    from: '2026-03-02',
    due: '2026-03-09',
    doneOn: null,
    ...over,
  });
  it('deadline stages', () => {
    expect(stageState(stage({ from: null, due: null }), 'demanded', '2026-03-10')).toBe('notStarted');
    expect(stageState(stage({}), 'applied', '2026-03-09')).toBe('running');
    expect(stageState(stage({}), 'applied', '2026-03-10')).toBe('overdue');
    expect(stageState(stage({ doneOn: '2026-03-09' }), 'accepted', '2026-04-01')).toBe('done');
    expect(stageState(stage({ doneOn: '2026-03-10' }), 'accepted', '2026-04-01')).toBe('doneLate');
    expect(stageState(stage({}), 'closed', '2026-04-01')).toBe('lapsed');
  });
  it('rights lapse instead of being overdue', () => {
    expect(stageState(stage({ kind: 'right' }), 'ruled_refuse', '2026-03-10')).toBe('lapsed');
    expect(stageState(stage({ kind: 'right' }), 'ruled_refuse', '2026-03-09')).toBe('running');
  });
  it('the wait after the demand', () => {
    const w = stage({ key: 'demandWait', kind: 'waiting' });
    expect(stageState(w, 'demanded', '2026-03-09')).toBe('waiting');
    expect(stageState(w, 'demanded', '2026-03-10')).toBe('elapsed');
    expect(stageState({ ...w, doneOn: '2026-03-09' }, 'applied', '2026-03-20')).toBe('premature');
    expect(stageState({ ...w, doneOn: '2026-03-10' }, 'applied', '2026-03-20')).toBe('elapsed');
    expect(stageState({ ...w, from: null, due: null, doneOn: '2026-03-10' }, 'applied', '2026-03-20')).toBe('missing');
  });
  it('overdue application and the stage it waits on', () => {
    const app = facts('applied', { decisionFinalOn: '2026-01-05', demandServedOn: '2026-01-10', appliedOn: '2026-03-02' });
    const onTime = stagesWithState(app, officialCalendar, '2026-03-05');
    expect(isApplicationOverdue(onTime)).toBe(false);
    expect(currentStage(onTime)).toMatchObject({ key: 'acceptance', state: 'running', due: '2026-03-09' });
    const late = stagesWithState(app, officialCalendar, '2026-03-10');
    expect(isApplicationOverdue(late)).toBe(true);
    expect(currentStage(late)).toMatchObject({ key: 'acceptance', state: 'overdue' });
    // The agency missed its 3 months: the application stage is overdue while nothing was applied.
    const missed = stagesWithState(facts('demanded', { decisionFinalOn: '2026-01-05', demandServedOn: '2026-01-10' }), officialCalendar, '2026-04-08');
    expect(missed.find((s) => s.key === 'application')).toMatchObject({ state: 'overdue', due: '2026-04-07' });
  });
});

// ---------------------------------------------------------------------------------------------
// Dates in order and input

describe('dates in order', () => {
  const app = facts('ruled_refuse', { decisionFinalOn: '2026-01-05', appliedOn: '2026-02-25', acceptedOn: '2026-03-02', ruledOn: '2026-03-06', refusalGround: 'no_factual_basis' });
  it('a step date before the step it follows names the field', () => {
    expect(S.checkStepDates('serveRefusal', app, { refusalServedOn: '2026-03-05' }, '2026-04-01')).toEqual({ field: 'refusalServedOn', code: 'dateOutOfOrder' });
    expect(S.checkStepDates('serveRefusal', app, { refusalServedOn: '2026-03-06' }, '2026-04-01')).toBeNull();
    expect(S.checkStepDates('ruleEnforce', facts('accepted', { acceptedOn: '2026-03-02' }), { ruledOn: '2026-03-01' }, '2026-04-01')).toEqual({ field: 'ruledOn', code: 'dateOutOfOrder' });
    expect(S.checkStepDates('accept', facts('applied', { appliedOn: '2026-03-02' }), { acceptedOn: '2026-02-27' }, '2026-04-01')).toEqual({ field: 'acceptedOn', code: 'dateOutOfOrder' });
    expect(S.checkStepDates('receiveApplication', facts('decision_final'), { appliedOn: '2026-04-01', demandServedOn: '2026-02-01' }, '2026-04-01')).toEqual({
      field: 'demandServedOn',
      code: 'dateOutOfOrder',
    });
    expect(S.checkStepDates('close', { ...app, refusalServedOn: '2026-03-10' }, { closedOn: '2026-03-09' }, '2026-04-01')).toEqual({ field: 'closedOn', code: 'dateOutOfOrder' });
  });
  it('no date in the future', () => {
    expect(S.checkStepDates('serveRefusal', app, { refusalServedOn: '2026-04-02' }, '2026-04-01')).toEqual({ field: 'refusalServedOn', code: 'dateInFuture' });
  });
  it('registration dates', () => {
    expect(S.checkRegisterDates({ decisionFinalOn: '2026-03-01', demandServedOn: '2026-02-28', appliedOn: null }, '2026-04-01')).toEqual({ field: 'demandServedOn', code: 'dateOutOfOrder' });
    expect(S.checkRegisterDates({ decisionFinalOn: '2026-03-01', demandServedOn: '2026-03-05', appliedOn: '2026-03-04' }, '2026-04-01')).toEqual({ field: 'appliedOn', code: 'dateOutOfOrder' });
    expect(S.checkRegisterDates({ decisionFinalOn: '2026-04-02', demandServedOn: null, appliedOn: null }, '2026-04-01')).toEqual({ field: 'decisionFinalOn', code: 'dateInFuture' });
    expect(S.checkRegisterDates({ decisionFinalOn: '2026-03-01', demandServedOn: '2026-03-05', appliedOn: '2026-03-16' }, '2026-04-01')).toBeNull();
  });
});

describe('input schemas (codes, not sentences)', () => {
  const id = '30000000-0000-4000-8000-000000000001';
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((r.error?.issues ?? []).toReversed().map((i) => [i.path.join('.'), i.message]));
  it('dates: format and impossible dates', () => {
    expect(issues(S.ruleEnforceInput.safeParse({ id, version: 1, ruledOn: '2026/03/02' }))).toEqual({ ruledOn: 'dateFormat' });
    expect(issues(S.ruleEnforceInput.safeParse({ id, version: 1, ruledOn: '2023-02-30' }))).toEqual({ ruledOn: 'dateInvalid' });
    expect(issues(S.ruleEnforceInput.safeParse({ id, version: 1 }))).toEqual({ ruledOn: 'required' });
  });
  it('refusal needs a statutory ground and reasons', () => {
    expect(issues(S.ruleRefuseInput.safeParse({ id, version: 1, ruledOn: '2026-03-02', refusalGround: 'dislike', reasons: '' }))).toEqual({
      refusalGround: 'invalidChoice',
      reasons: 'required',
    });
    for (const g of REFUSAL_GROUNDS) expect(S.ruleRefuseInput.safeParse({ id, version: 1, ruledOn: '2026-03-02', refusalGround: g, reasons: '理由' }).success).toBe(true);
  });
  it('court case number in the court format; text limits', () => {
    expect(issues(S.acceptInput.safeParse({ id, version: 1, acceptedOn: '2026-03-02', courtCaseNumber: '行审12号' }))).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(S.acceptInput.safeParse({ id, version: 1, acceptedOn: '2026-03-02', courtCaseNumber: '(2026)青0103行审12号' }).success).toBe(true);
    expect(issues(S.notAcceptInput.safeParse({ id, version: 1, notAcceptedOn: '2026-03-02', reasons: 'x'.repeat(S.LIMITS.reasons + 1) }))).toEqual({ reasons: 'tooLong' });
  });
  it('a flagged finding needs a note; an ok one does not', () => {
    expect(issues(S.findingInput.safeParse({ id, checkpoint: 'ruling_lawful', result: 'flagged', note: ' ' }))).toEqual({ note: 'required' });
    expect(S.findingInput.parse({ id, checkpoint: 'ruling_lawful', result: 'ok' })).toEqual({ id, checkpoint: 'ruling_lawful', flagged: false, note: '' });
    expect(issues(S.findingInput.safeParse({ id, checkpoint: 'nothing', result: 'ok' }))).toEqual({ checkpoint: 'invalidChoice' });
  });
  it('registration', () => {
    const ok = { courtId: COURT, agency: '西宁市城中区自然资源局', respondent: '韩某某', decisionRef: '城自然资罚〔2026〕3号', subject: '罚款', decisionFinalOn: '2026-03-01', urgent: 'true' };
    expect(S.registerInput.parse(ok)).toMatchObject({ courtId: COURT, procuratorateId: null, demandServedOn: null, appliedOn: null, urgent: true });
    expect(issues(S.registerInput.safeParse({ ...ok, agency: '', decisionFinalOn: '2026-13-01' }))).toEqual({ agency: 'required', decisionFinalOn: 'dateInvalid' });
  });
});

describe('catalogs cover every code of this workflow, in both languages', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(locale, () => {
      const nl = CATALOGS[locale].nonLitigation as Record<string, Record<string, unknown>>;
      const has = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], nl) !== undefined;
      const missing: string[] = [];
      const need = (p: string) => {
        if (!has(p)) missing.push(p);
      };
      NON_LITIGATION_STATUSES.forEach((s) => need(`status.${s}`));
      REFUSAL_GROUNDS.forEach((g) => need(`refusalGround.${g}`));
      ENFORCERS.forEach((e) => need(`enforcer.${e}`));
      CHECKPOINTS.forEach((c) => (need(`checkpoint.${c}`), need(`checkpointQuestion.${c}`)));
      STAGE_KEYS.forEach((k) => need(`stage.${k}`));
      ['deadline', 'right', 'waiting', 'none'].forEach((k) => need(`stageKind.${k}`));
      ['notStarted', 'running', 'overdue', 'done', 'doneLate', 'lapsed', 'waiting', 'elapsed', 'premature', 'missing'].forEach((k) => need(`stageState.${k}`));
      for (const step of NON_LITIGATION_STEPS) {
        need(`event.${step}`);
        if (step === 'openCase') continue;
        need(`steps.${step}.title`);
        need(`steps.${step}.button`);
        if (step === 'close') ['not_accepted', 'ruled_refuse', 'under_review', 'enforced', 'stalled'].forEach((s) => need(`steps.close.help.${s}`));
        else need(`steps.${step}.help`);
      }
      ['register', 'recordFinding'].forEach((k) => need(`event.${k}`));
      for (const f of Object.values(S.STEP_DATE_FIELDS).flat()) need(`fields.${f}`);
      expect(missing).toEqual([]);
    });
  }
});
