/**
 * The retrial-evidence machine (DOMAIN.md §3), checked against a table written out by hand (not
 * derived from MATTER_TABLE / ITEM_TABLE): every step × every role × every kind of matter, in the
 * states the step starts from and in the others; then the extra conditions, filing, the input
 * schemas and the deadlines (application window, court review, protest ruling, hearing notice).
 */
import { describe, expect, it } from 'vitest';
import type { ZodError, ZodType } from 'zod';
import { calendarFromEntries } from '@/lib/domain/calendar';
import {
  availableMatterSteps,
  canViewMatter,
  decideFile,
  decideItemStep,
  decideMatterStep,
  fileableKinds,
  ITEM_STEPS,
  ITEM_TABLE,
  MATTER_STEPS,
  MATTER_TABLE,
  RETRIAL_KINDS,
  RETRIAL_STATUSES,
  type ItemStep,
  type MatterFacts,
  type MatterStep,
  type RetrialKind,
  type RetrialStatus,
} from '@/lib/domain/retrial/machine';
import { applicationWindow, dueState, hearingNotice, reviewDue, workingDayOnOrBefore } from '@/lib/domain/retrial/deadlines';
import * as S from '@/lib/domain/retrial/schemas';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { PROC, COURT, PROC2, COURT2, makeActor, type ActorOptions } from '@/tests/support/actors';

// ---------------------------------------------------------------------------------------------
// Fixtures


/** The procurator who filed a procuratorate matter; the court clerk who recorded a party's application. */
const FILER_P = '10000000-0000-4000-8000-000000000001';
const FILER_C = '10000000-0000-4000-8000-000000000002';
const SOMEONE_ELSE = '10000000-0000-4000-8000-000000000009';

const PR: Role = 'PROCURATOR';
const PL: Role = 'PROCURATORATE_LEADER';
const CS: Role = 'COURT_STAFF';
const CL: Role = 'COURT_LEADER';

const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts, { [PR]: FILER_P, [CS]: FILER_C });

function matter(kind: RetrialKind, status: RetrialStatus, over: Partial<MatterFacts> = {}): MatterFacts {
  return {
    kind,
    status,
    procuratorateId: PROC,
    courtId: COURT,
    createdById: kind === 'party_application' ? FILER_C : FILER_P,
    decision: status === 'decided' ? 'retrial_ordered' : null,
    itemCount: 3,
    undeterminedCount: status === 'filed' ? 3 : 0,
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// The expected table, by hand

type Side = 'procuratorate' | 'court';
interface Row {
  /** The side that may take the step, per kind of matter. */
  side: Record<RetrialKind, Side>;
  roles: Record<RetrialKind, Role[]>;
  from: RetrialStatus[];
  to: RetrialStatus | 'same';
  /** Non-leaders must be the person who filed the matter. */
  filerOnly: boolean;
}

const COURT_ALL: Record<RetrialKind, Side> = { party_application: 'court', procuratorate_recommendation: 'court', protest: 'court' };
const COURT_ROLES: Record<RetrialKind, Role[]> = { party_application: [CS, CL], procuratorate_recommendation: [CS, CL], protest: [CS, CL] };

const EXPECTED: Record<MatterStep | ItemStep, Row> = {
  startReview: { side: COURT_ALL, roles: COURT_ROLES, from: ['filed'], to: 'under_review', filerOnly: false },
  decide: { side: COURT_ALL, roles: COURT_ROLES, from: ['under_review'], to: 'decided', filerOnly: false },
  setHearing: { side: COURT_ALL, roles: COURT_ROLES, from: ['decided'], to: 'same', filerOnly: false },
  addItem: {
    side: { party_application: 'court', procuratorate_recommendation: 'procuratorate', protest: 'procuratorate' },
    roles: { party_application: [CS, CL], procuratorate_recommendation: [PR, PL], protest: [PR, PL] },
    from: ['filed', 'under_review'],
    to: 'same',
    filerOnly: true,
  },
  determine: { side: COURT_ALL, roles: COURT_ROLES, from: ['under_review'], to: 'same', filerOnly: false },
};

const ROLE_SIDE: Record<Role, Side | null> = { PROCURATOR: 'procuratorate', PROCURATORATE_LEADER: 'procuratorate', COURT_STAFF: 'court', COURT_LEADER: 'court', ADMIN: null };

type Expect = { ok: true; to: RetrialStatus; shared: boolean } | { ok: false; code: string; forbidden: boolean };

function expected(step: MatterStep | ItemStep, kind: RetrialKind, role: Role, status: RetrialStatus): Expect {
  const row = EXPECTED[step];
  const no = (code: string, forbidden: boolean): Expect => ({ ok: false, code, forbidden });
  const side = ROLE_SIDE[role];
  if (side === null) return no('notVisible', true);
  if (side !== row.side[kind]) return no('institution', true);
  if (!row.roles[kind].includes(role)) return no('role', true);
  if (!row.from.includes(status)) return no('wrongState', false);
  return { ok: true, to: row.to === 'same' ? status : row.to, shared: true };
}

function run(step: MatterStep | ItemStep, a: Actor, m: MatterFacts) {
  return (MATTER_STEPS as readonly string[]).includes(step)
    ? decideMatterStep(a, step as MatterStep, m)
    : decideItemStep(a, step as ItemStep, m, step === 'determine' ? { determined: false } : null);
}

describe('the table covers every step and state', () => {
  it('EXPECTED has a row for exactly the steps of the machine', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...MATTER_STEPS, ...ITEM_STEPS].sort());
    expect(Object.keys(MATTER_TABLE).sort()).toEqual([...MATTER_STEPS].sort());
    expect(Object.keys(ITEM_TABLE).sort()).toEqual([...ITEM_STEPS].sort());
  });
  it('the statuses and kinds are those of §3', () => {
    expect([...RETRIAL_STATUSES]).toEqual(['filed', 'under_review', 'decided']);
    expect([...RETRIAL_KINDS].sort()).toEqual(['party_application', 'procuratorate_recommendation', 'protest']);
  });
});

describe('every step × every role × every kind × every state', () => {
  for (const step of [...MATTER_STEPS, ...ITEM_STEPS]) {
    describe(step, () => {
      for (const kind of RETRIAL_KINDS) {
        for (const role of ROLES) {
          it(`${kind}, ${role}`, () => {
            for (const status of RETRIAL_STATUSES) {
              const got = run(step, actor(role), matter(kind, status));
              expect(got, `${step} ${kind} ${role} ${status}`).toEqual(expected(step, kind, role, status));
            }
          });
        }
      }
      it('an administrator sitting in the court is refused too; a deactivated actor is refused with inactive', () => {
        for (const kind of RETRIAL_KINDS) {
          for (const status of RETRIAL_STATUSES) {
            expect(run(step, actor('ADMIN', { kind: 'COURT' }), matter(kind, status))).toEqual({ ok: false, code: 'notVisible', forbidden: true });
            for (const role of ROLES) expect(run(step, actor(role, { active: false }), matter(kind, status))).toEqual({ ok: false, code: 'inactive', forbidden: true });
          }
        }
      });
      it('users of another procuratorate and another court never see the matter', () => {
        for (const kind of RETRIAL_KINDS) {
          for (const status of RETRIAL_STATUSES) {
            for (const a of [actor(PR, { institutionId: PROC2 }), actor(PL, { institutionId: PROC2 }), actor(CS, { institutionId: COURT2 }), actor(CL, { institutionId: COURT2 })]) {
              expect(run(step, a, matter(kind, status)), `${a.role} ${kind} ${status}`).toEqual({ ok: false, code: 'notVisible', forbidden: true });
            }
          }
        }
      });
      it(EXPECTED[step].filerOnly ? 'only the person who filed the matter or a leader' : 'any of the allowed roles of the side, not only the filer', () => {
        for (const kind of RETRIAL_KINDS) {
          const row = EXPECTED[step];
          for (const status of row.from) {
            const m = matter(kind, status);
            for (const role of row.roles[kind]) {
              const got = run(step, actor(role, { id: SOMEONE_ELSE }), m);
              const leader = role === PL || role === CL;
              if (row.filerOnly && !leader) expect(got, `${kind} ${role}`).toEqual({ ok: false, code: 'notOwner', forbidden: true });
              else expect(got.ok, `${kind} ${role}`).toBe(true);
            }
          }
        }
      });
    });
  }
});

describe('extra conditions', () => {
  it('the retrial decision needs evidence, and a determination on every item', () => {
    const judge = actor(CS);
    expect(decideMatterStep(judge, 'decide', matter('protest', 'under_review', { itemCount: 0, undeterminedCount: 0 }))).toEqual({ ok: false, code: 'noEvidence', forbidden: false });
    expect(decideMatterStep(judge, 'decide', matter('protest', 'under_review', { itemCount: 3, undeterminedCount: 1 }))).toEqual({ ok: false, code: 'undeterminedItems', forbidden: false });
    expect(decideMatterStep(judge, 'decide', matter('protest', 'under_review', { itemCount: 3, undeterminedCount: 0 }))).toEqual({ ok: true, to: 'decided', shared: true });
    // Wrong side or role still comes first (403, not "items missing").
    expect(decideMatterStep(actor(PR), 'decide', matter('protest', 'under_review', { undeterminedCount: 2 }))).toEqual({ ok: false, code: 'institution', forbidden: true });
  });
  it('a hearing is set only once retrial was ordered', () => {
    expect(decideMatterStep(actor(CL), 'setHearing', matter('protest', 'decided', { decision: 'refused' }))).toEqual({ ok: false, code: 'retrialNotOrdered', forbidden: false });
    expect(decideMatterStep(actor(CL), 'setHearing', matter('protest', 'decided', { decision: 'retrial_ordered' }))).toEqual({ ok: true, to: 'decided', shared: true });
  });
  it('an item is determined once', () => {
    const m = matter('party_application', 'under_review');
    expect(decideItemStep(actor(CS), 'determine', m, { determined: true })).toEqual({ ok: false, code: 'alreadyDetermined', forbidden: false });
    expect(decideItemStep(actor(CS, { id: SOMEONE_ELSE }), 'determine', m, { determined: false })).toEqual({ ok: true, to: 'under_review', shared: true });
  });
  it('what you may do next', () => {
    expect(availableMatterSteps(actor(CS), matter('party_application', 'filed'))).toEqual(['startReview']);
    expect(availableMatterSteps(actor(CS), matter('party_application', 'under_review', { undeterminedCount: 1 }))).toEqual([]);
    expect(availableMatterSteps(actor(CL), matter('party_application', 'under_review'))).toEqual(['decide']);
    expect(availableMatterSteps(actor(CL), matter('protest', 'decided'))).toEqual(['setHearing']);
    expect(availableMatterSteps(actor(PL), matter('protest', 'filed'))).toEqual([]);
  });
  it('both institutions of the pair see every kind of matter; nobody else does', () => {
    for (const kind of RETRIAL_KINDS) {
      const m = matter(kind, 'filed');
      for (const role of [PR, PL, CS, CL]) expect(canViewMatter(actor(role, { id: SOMEONE_ELSE }), m), `${kind} ${role}`).toBe(true);
      expect(canViewMatter(actor('ADMIN'), m)).toBe(false);
      expect(canViewMatter(actor(CS, { institutionId: COURT2 }), m)).toBe(false);
      expect(canViewMatter(actor(PR, { institutionId: PROC2 }), m)).toBe(false);
    }
  });
});

describe('filing', () => {
  const FILE: Record<RetrialKind, Role[]> = { party_application: [CS, CL], procuratorate_recommendation: [PR, PL], protest: [PR, PL] };
  it('party applications by the court, recommendations and protests by the procuratorate', () => {
    for (const kind of RETRIAL_KINDS) {
      for (const role of ROLES) {
        const got = decideFile(actor(role), kind);
        if (FILE[kind].includes(role)) expect(got, `${kind} ${role}`).toEqual({ ok: true });
        else expect(got, `${kind} ${role}`).toEqual({ ok: false, code: 'role', forbidden: true });
      }
    }
    expect(decideFile(actor(PR, { active: false }), 'protest')).toEqual({ ok: false, code: 'inactive', forbidden: true });
    // A role in the wrong kind of institution (an inconsistent account) is refused too.
    expect(decideFile(actor(CS, { kind: 'PROCURATORATE' }), 'party_application')).toEqual({ ok: false, code: 'institution', forbidden: true });
  });
  it('fileableKinds', () => {
    expect(fileableKinds(actor(PR))).toEqual(['procuratorate_recommendation', 'protest']);
    expect(fileableKinds(actor(CL))).toEqual(['party_application']);
    expect(fileableKinds(actor('ADMIN'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Input

function issues(schema: ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  if (r.success) return {};
  // The first issue per field, as the web layer shows it (lib/web/action.ts zodFieldErrors).
  const out: Record<string, string> = {};
  for (const i of (r.error as ZodError).issues) out[i.path.join('.')] ??= i.message;
  return out;
}

describe('input schemas', () => {
  const ID = '30000000-0000-4000-8000-000000000001';
  it('filing: dates must be real, the case number in court format, texts bounded', () => {
    const ok = {
      kind: 'party_application',
      courtCaseNumber: '(2025)青0103民初3012号',
      title: '马某某与青海华信小额贷款有限公司借款合同纠纷再审申请',
      parties: '申请人：马某某；被申请人：青海华信小额贷款有限公司',
      judgmentEffectiveOn: '2026-05-10',
      filedOn: '2026-08-01',
    };
    expect(S.fileInput.safeParse(ok).success).toBe(true);
    expect(issues(S.fileInput, { ...ok, judgmentEffectiveOn: '2026-02-30' })).toEqual({ judgmentEffectiveOn: 'dateInvalid' });
    expect(issues(S.fileInput, { ...ok, filedOn: '2026/08/01' })).toEqual({ filedOn: 'dateFormat' });
    expect(issues(S.fileInput, { ...ok, courtCaseNumber: '2025民初3012' })).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(issues(S.fileInput, { ...ok, title: 'x'.repeat(S.LIMITS.title + 1) })).toEqual({ title: 'tooLong' });
    expect(issues(S.fileInput, { ...ok, kind: 'appeal' })).toEqual({ kind: 'invalidChoice' });
    expect(issues(S.fileInput, { ...ok, parties: '  ' })).toEqual({ parties: 'required' });
  });
  it('evidence item: formed before found; found-late needs the finding date; arose-after needs the forming date', () => {
    const ok = { id: ID, version: '1', description: '银行流水', ground: 'known_not_obtainable', groundExplanation: '原审期间申请调查令未获准许。' };
    expect(S.itemInput.safeParse(ok).success).toBe(true);
    expect(issues(S.itemInput, { ...ok, ground: 'found_late_objective' })).toEqual({ foundOn: 'required' });
    expect(issues(S.itemInput, { ...ok, ground: 'arose_after_hearing' })).toEqual({ formedOn: 'required' });
    expect(issues(S.itemInput, { ...ok, ground: 'other' })).toEqual({ ground: 'invalidChoice' });
    expect(issues(S.itemInput, { ...ok, description: 'x'.repeat(S.LIMITS.description + 1) })).toEqual({ description: 'tooLong' });
  });
  it('date order of a filing and of an item (checked by the data layer on its day)', () => {
    const f = { judgmentEffectiveOn: '2026-05-10', filedOn: '2026-08-01', learnedOn: null };
    expect(S.fileDateProblem(f, '2026-08-01')).toBeNull();
    expect(S.fileDateProblem(f, '2026-07-31')).toEqual({ field: 'filedOn', code: 'dateInFuture' });
    expect(S.fileDateProblem({ ...f, judgmentEffectiveOn: '2026-09-01' }, '2026-08-01')).toEqual({ field: 'judgmentEffectiveOn', code: 'dateInFuture' });
    expect(S.fileDateProblem({ ...f, judgmentEffectiveOn: '2026-08-02' }, '2026-08-05')).toEqual({ field: 'filedOn', code: 'beforeJudgment' });
    expect(S.fileDateProblem({ ...f, learnedOn: '2026-08-02' }, '2026-08-05')).toEqual({ field: 'learnedOn', code: 'learnedAfterFiling' });
    expect(S.fileDateProblem({ ...f, learnedOn: '2026-08-01' }, '2026-08-05')).toBeNull();
    expect(S.itemDateProblem({ formedOn: '2026-03-02', foundOn: '2026-03-01' }, '2026-04-01')).toEqual({ field: 'foundOn', code: 'foundBeforeFormed' });
    expect(S.itemDateProblem({ formedOn: '2026-03-02', foundOn: '2026-03-02' }, '2026-04-01')).toBeNull();
    expect(S.itemDateProblem({ formedOn: '2026-04-02', foundOn: null }, '2026-04-01')).toEqual({ field: 'formedOn', code: 'dateInFuture' });
    expect(S.itemDateProblem({ formedOn: null, foundOn: '2026-04-02' }, '2026-04-01')).toEqual({ field: 'foundOn', code: 'dateInFuture' });
  });
  it('determination: accepted needs a ground; evidence not accepted cannot overturn', () => {
    const ok = { id: ID, version: '2', accepted: 'yes', determinationGround: 'arose_after_hearing', determinationReasons: '该证据形成于原审庭审结束之后。', mayOverturn: 'yes' };
    expect(S.determineInput.parse(ok)).toMatchObject({ accepted: true, mayOverturn: true, version: 2 });
    expect(issues(S.determineInput, { ...ok, determinationGround: '' })).toEqual({ determinationGround: 'required' });
    expect(issues(S.determineInput, { ...ok, accepted: 'no', determinationGround: '' })).toEqual({ mayOverturn: 'mayOverturnNeedsAcceptance' });
    expect(S.determineInput.parse({ ...ok, accepted: 'no', determinationGround: '', mayOverturn: 'no' })).toMatchObject({ accepted: false, determinationGround: null, mayOverturn: false });
    expect(issues(S.determineInput, { ...ok, accepted: undefined })).toEqual({ accepted: 'required' });
    expect(issues(S.determineInput, { ...ok, determinationReasons: '' })).toEqual({ determinationReasons: 'required' });
  });
  it('decision: one of the two outcomes, a real date, reasons', () => {
    const ok = { id: ID, version: '1', decision: 'refused', decidedOn: '2026-03-02', decisionReasons: '不足以推翻原判决。' };
    expect(S.decideInput.safeParse(ok).success).toBe(true);
    expect(issues(S.decideInput, { ...ok, decision: 'maybe' })).toEqual({ decision: 'invalidChoice' });
    expect(issues(S.decideInput, { ...ok, decidedOn: '2026-13-01' })).toEqual({ decidedOn: 'dateInvalid' });
    expect(issues(S.decideInput, { ...ok, decisionReasons: '' })).toEqual({ decisionReasons: 'required' });
  });
});

// ---------------------------------------------------------------------------------------------
// Deadlines (the official calendar shipped with the app, 2022–2026)

describe('deadlines', () => {
  it('application window: 6 months, clamped to the end of a shorter month, rolled off rest days', () => {
    // Aug 31 + 6 months → Feb 28, 2026 — a Saturday, but a make-up working day (Spring Festival).
    expect(applicationWindow('2025-08-31', null).end).toBe('2026-02-28');
    // Leap year: Aug 31, 2023 → Feb 29, 2024 (Thursday).
    expect(applicationWindow('2023-08-31', null).end).toBe('2024-02-29');
    // Nov 30 + 6 months → May 30, 2026 (Saturday) → Monday June 1.
    expect(applicationWindow('2025-11-30', null).end).toBe('2026-06-01');
    // Apr 30 + 6 months → Oct 30, 2024 (Wednesday).
    expect(applicationWindow('2024-04-30', null).end).toBe('2024-10-30');
  });
  it('application window: a later date of learning of the evidence moves its start; an earlier one does not', () => {
    expect(applicationWindow('2025-08-31', '2026-01-15')).toEqual({ from: '2026-01-15', fromLearning: true, end: '2026-07-15' });
    expect(applicationWindow('2025-08-31', '2025-06-01')).toEqual({ from: '2025-08-31', fromLearning: false, end: '2026-02-28' });
  });
  it('court review of a party application and of a retrial recommendation: 3 months', () => {
    // Nov 17 + 3 months → Feb 17, 2026, in the Spring Festival holiday (Feb 15–23) → Tuesday Feb 24.
    expect(reviewDue('party_application', '2025-11-17')).toBe('2026-02-24');
    expect(reviewDue('procuratorate_recommendation', '2025-11-17')).toBe('2026-02-24');
    // Nov 30 + 3 months → Feb 28 (make-up working Saturday).
    expect(reviewDue('party_application', '2025-11-30')).toBe('2026-02-28');
    // Dec 31 + 3 months → Mar 31, 2026 (Tuesday).
    expect(reviewDue('party_application', '2025-12-31')).toBe('2026-03-31');
  });
  it('ruling on a protest: 30 days', () => {
    expect(reviewDue('protest', '2026-03-02')).toBe('2026-04-01');
    // Sep 3 + 30 days → Oct 3, National Day holiday (Oct 1–7) → Thursday Oct 8.
    expect(reviewDue('protest', '2026-09-03')).toBe('2026-10-08');
  });
  it('the calendar passed in is the one used (an administrator-maintained one)', () => {
    const cal = calendarFromEntries([{ date: '2026-04-01', kind: 'holiday', name: 'test' }]);
    expect(reviewDue('protest', '2026-03-02', cal)).toBe('2026-04-02');
  });
  it('hearing notice: 3 clear days before a Monday hearing → the Thursday before', () => {
    expect(hearingNotice('2026-03-16')).toEqual({ noticeBy: '2026-03-12', onRestDay: false, lastWorkingDay: '2026-03-12' });
  });
  it('hearing notice after a holiday: the date is not moved forward; the last working day before it is given', () => {
    // Hearing on Thursday Oct 8, 2026, right after National Day → notice by Sunday Oct 4 (holiday),
    // so in practice by Wednesday Sep 30.
    expect(hearingNotice('2026-10-08')).toEqual({ noticeBy: '2026-10-04', onRestDay: true, lastWorkingDay: '2026-09-30' });
    expect(workingDayOnOrBefore('2026-10-07')).toBe('2026-09-30');
    expect(workingDayOnOrBefore('2026-02-28')).toBe('2026-02-28');
  });
  it('due state: days left while open, days overdue after the due day, nothing once decided', () => {
    expect(dueState('2026-04-01', '2026-03-30', true)).toEqual({ dueDate: '2026-04-01', daysLeft: 2, daysOverdue: 0 });
    expect(dueState('2026-04-01', '2026-04-01', true)).toEqual({ dueDate: '2026-04-01', daysLeft: 0, daysOverdue: 0 });
    expect(dueState('2026-04-01', '2026-04-11', true)).toEqual({ dueDate: '2026-04-01', daysLeft: 0, daysOverdue: 10 });
    expect(dueState('2026-04-01', '2026-04-11', false)).toEqual({ dueDate: '2026-04-01', daysLeft: null, daysOverdue: 0 });
    expect(dueState(null, '2026-04-11', true)).toEqual({ dueDate: null, daysLeft: null, daysOverdue: 0 });
  });
});
