/**
 * The supervision-case machine, checked against a matrix written out by hand (not derived from
 * CASE_STEPS): every step × every role × every stage; then ownership, other institutions,
 * inactive users, reassignment targets, tags, court case numbers and the review deadline.
 */
import { describe, expect, it } from 'vitest';
import type { ZodError, ZodType } from 'zod';
import {
  assigneeProblem,
  availableCaseActions,
  CASE_ACTIONS,
  CASE_STAGES,
  CASE_STEPS,
  CASE_TAGS,
  canViewCase,
  caseDaysLeft,
  caseOverdueDays,
  decideCase,
  pensionFraudSubtype,
  reviewDueDate,
  stageDueDate,
  tagsFromChoices,
  tagsMatching,
  type CaseAction,
  type CaseFacts,
  type CaseStage,
} from '@/lib/domain/cases/machine';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import * as S from '@/lib/domain/cases/schemas';
import { weekendOnlyCalendar } from '@/lib/domain/calendar';
import { dueDateForRule, officialCalendar } from '@/lib/domain/deadlines';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { PROC, COURT, PROC2, makeActor, type ActorOptions } from '@/tests/support/actors';

// ---------------------------------------------------------------------------------------------
// Fixtures

const HANDLER = '10000000-0000-4000-8000-000000000001';
const OTHER_PROCURATOR = '10000000-0000-4000-8000-000000000002';

const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts, { PROCURATOR: HANDLER });

const facts = (stage: CaseStage, over: Partial<CaseFacts> = {}): CaseFacts => ({ institutionId: PROC, courtId: COURT, stage, handlerId: HANDLER, ...over });

// ---------------------------------------------------------------------------------------------
// The expected matrix, by hand: for the handler (procurator), a leader, the court's people and
// the administrator, in each stage — the stage reached, 'same' for a recorded step, or the refusal.

type Cell = CaseStage | 'same' | 'wrongState' | 'role' | 'notVisible';
type Row = Record<CaseStage, Cell>;

const NV: Row = { accepted: 'notVisible', reviewing: 'notVisible', supervising: 'notVisible', closed: 'notVisible' };
const RECORDED: Row = { accepted: 'same', reviewing: 'same', supervising: 'same', closed: 'wrongState' };

const EXPECTED: Record<CaseAction, Record<Role, Row>> = {
  advance: {
    PROCURATOR: { accepted: 'reviewing', reviewing: 'supervising', supervising: 'wrongState', closed: 'wrongState' },
    PROCURATORATE_LEADER: { accepted: 'reviewing', reviewing: 'supervising', supervising: 'wrongState', closed: 'wrongState' },
    COURT_STAFF: NV,
    COURT_LEADER: NV,
    ADMIN: NV,
  },
  close: {
    PROCURATOR: { accepted: 'closed', reviewing: 'closed', supervising: 'closed', closed: 'wrongState' },
    PROCURATORATE_LEADER: { accepted: 'closed', reviewing: 'closed', supervising: 'closed', closed: 'wrongState' },
    COURT_STAFF: NV,
    COURT_LEADER: NV,
    ADMIN: NV,
  },
  assign: {
    PROCURATOR: { accepted: 'role', reviewing: 'role', supervising: 'role', closed: 'role' },
    PROCURATORATE_LEADER: RECORDED,
    COURT_STAFF: NV,
    COURT_LEADER: NV,
    ADMIN: NV,
  },
  tag: {
    PROCURATOR: RECORDED,
    PROCURATORATE_LEADER: RECORDED,
    COURT_STAFF: NV,
    COURT_LEADER: NV,
    ADMIN: NV,
  },
  linkCourtCase: {
    PROCURATOR: RECORDED,
    PROCURATORATE_LEADER: RECORDED,
    COURT_STAFF: NV,
    COURT_LEADER: NV,
    ADMIN: NV,
  },
};

/** Steps a procurator may take only on the cases they handle. */
const OWNER_ONLY: Record<CaseAction, boolean> = { advance: true, close: true, assign: false, tag: true, linkCourtCase: true };

describe('supervision case machine: every step × role × stage', () => {
  it('the table covers every action, role and stage', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_ACTIONS].sort());
    for (const a of CASE_ACTIONS) {
      expect(Object.keys(EXPECTED[a]).sort()).toEqual([...ROLES].sort());
      for (const r of ROLES) expect(Object.keys(EXPECTED[a][r]).sort()).toEqual([...CASE_STAGES].sort());
    }
  });

  for (const a of CASE_ACTIONS) {
    for (const role of ROLES) {
      for (const stage of CASE_STAGES) {
        const want = EXPECTED[a][role][stage];
        it(`${a} by ${role} in ${stage} → ${want}`, () => {
          // The administrator sits in the procuratorate in the demo; the court's people in the court.
          const who = role === 'ADMIN' ? actor('ADMIN', { kind: 'PROCURATORATE', institutionId: PROC }) : actor(role);
          const got = decideCase(who, a, facts(stage));
          if (want === 'wrongState' || want === 'role' || want === 'notVisible') {
            expect(got).toEqual({ ok: false, code: want, forbidden: want !== 'wrongState' });
          } else {
            expect(got).toEqual({ ok: true, to: want === 'same' ? stage : want, shared: false });
          }
        });
      }
    }
  }

  it('nothing about a supervision case is shared with the court', () => {
    for (const a of CASE_ACTIONS) expect(CASE_STEPS[a].shared).toBe(false);
  });

  it('procurators act on their own cases only; leaders on any case of their procuratorate', () => {
    const other = actor('PROCURATOR', { id: OTHER_PROCURATOR });
    const leader = actor('PROCURATORATE_LEADER');
    for (const a of CASE_ACTIONS) {
      const got = decideCase(other, a, facts('reviewing'));
      if (OWNER_ONLY[a]) expect(got, a).toEqual({ ok: false, code: 'notOwner', forbidden: true });
      else expect(got, a).toEqual({ ok: false, code: 'role', forbidden: true });
      expect(decideCase(leader, a, facts('reviewing')).ok, a).toBe(true);
    }
  });

  it('another procuratorate, an inactive user and the court never act, whether or not the court is recorded', () => {
    for (const a of CASE_ACTIONS) {
      expect(decideCase(actor('PROCURATORATE_LEADER', { institutionId: PROC2 }), a, facts('reviewing'))).toEqual({ ok: false, code: 'notVisible', forbidden: true });
      expect(decideCase(actor('PROCURATOR', { active: false }), a, facts('reviewing'))).toEqual({ ok: false, code: 'inactive', forbidden: true });
      expect(decideCase(actor('COURT_LEADER'), a, facts('reviewing', { courtId: null }))).toEqual({ ok: false, code: 'notVisible', forbidden: true });
    }
    expect(canViewCase(actor('PROCURATOR', { id: OTHER_PROCURATOR }), facts('closed'))).toBe(true);
    expect(canViewCase(actor('COURT_STAFF'), facts('reviewing'))).toBe(false);
    expect(canViewCase(actor('ADMIN', { kind: 'PROCURATORATE', institutionId: PROC }), facts('reviewing'))).toBe(false);
    expect(canViewCase(actor('PROCURATOR', { institutionId: PROC2 }), facts('reviewing'))).toBe(false);
  });

  it('"what you may do next" lists exactly the allowed steps', () => {
    expect(availableCaseActions(actor('PROCURATOR'), facts('accepted'))).toEqual(['advance', 'close', 'tag', 'linkCourtCase']);
    expect(availableCaseActions(actor('PROCURATOR'), facts('supervising'))).toEqual(['close', 'tag', 'linkCourtCase']);
    expect(availableCaseActions(actor('PROCURATORATE_LEADER'), facts('reviewing'))).toEqual(['advance', 'close', 'assign', 'tag', 'linkCourtCase']);
    expect(availableCaseActions(actor('PROCURATORATE_LEADER'), facts('closed'))).toEqual([]);
    expect(availableCaseActions(actor('PROCURATOR', { id: OTHER_PROCURATOR }), facts('reviewing'))).toEqual([]);
    expect(availableCaseActions(actor('COURT_LEADER'), facts('reviewing'))).toEqual([]);
  });
});

describe('reassignment targets', () => {
  const c = { institutionId: PROC, handlerId: HANDLER };
  const user = (over: Partial<{ id: string; role: Role; institutionId: string; active: boolean }> = {}) => ({
    id: OTHER_PROCURATOR,
    role: 'PROCURATOR' as Role,
    institutionId: PROC,
    active: true,
    ...over,
  });
  it('an active procurator or leader of the same procuratorate, other than the current handler', () => {
    expect(assigneeProblem(c, user())).toBeNull();
    expect(assigneeProblem(c, user({ role: 'PROCURATORATE_LEADER' }))).toBeNull();
    expect(assigneeProblem(c, user({ id: HANDLER }))).toBe('sameHandler');
    expect(assigneeProblem(c, user({ institutionId: PROC2 }))).toBe('invalidChoice');
    expect(assigneeProblem(c, user({ active: false }))).toBe('invalidChoice');
    expect(assigneeProblem(c, user({ role: 'COURT_STAFF', institutionId: COURT }))).toBe('invalidChoice');
    expect(assigneeProblem(c, user({ role: 'ADMIN' }))).toBe('invalidChoice');
    expect(assigneeProblem(c, null)).toBe('invalidChoice');
  });
});

describe('tags', () => {
  it('false litigation, six pension-fraud subtypes, social conflict', () => {
    expect(CASE_TAGS).toEqual([
      'false_litigation',
      'pension_fraud:elderly_care_services',
      'pension_fraud:projects',
      'pension_fraud:products',
      'pension_fraud:home_equity',
      'pension_fraud:pension_insurance',
      'pension_fraud:assistance',
      'social_conflict',
    ]);
    expect(tagsFromChoices({ falseLitigation: true, socialConflict: true, pensionFraud: 'home_equity' })).toEqual([
      'false_litigation',
      'pension_fraud:home_equity',
      'social_conflict',
    ]);
    expect(tagsFromChoices({ falseLitigation: false, socialConflict: false, pensionFraud: null })).toEqual([]);
    expect(pensionFraudSubtype(['social_conflict', 'pension_fraud:products'])).toBe('products');
    expect(pensionFraudSubtype(['pension_fraud:nonsense'])).toBeNull();
    expect(tagsMatching('pension_fraud')).toHaveLength(6);
    expect(tagsMatching('false_litigation')).toEqual(['false_litigation']);
  });
});

// ---------------------------------------------------------------------------------------------
// Court case numbers

describe('court case numbers field', () => {
  it('splits on new lines, commas, 、 and semicolons; trims; drops blanks and repeats (bracket width ignored)', () => {
    const raw = ' (2025)青0103民初123号 \n（2024）青01民终45号，(2025)青0103执9号、\r\n\n(2025)青0103民初123号;（2025）青0103民初123号；(2026)青0103行审7号';
    expect(S.parseCourtCaseNumberList(raw)).toEqual({
      numbers: ['(2025)青0103民初123号', '（2024）青01民终45号', '(2025)青0103执9号', '(2026)青0103行审7号'],
      invalid: [],
    });
    expect(S.checkCourtCaseNumbers('')).toEqual({ ok: true, numbers: [] });
    expect(S.checkCourtCaseNumbers(undefined)).toEqual({ ok: true, numbers: [] });
  });

  it('names the bad entries', () => {
    const bad = ['2025青0103民初1号', '(2025)青0103民初号', '(1989)青0103民初1号', '(2025)0103民初1号', '(2025)青0103民初1', 'abc', '(2025)青0103民初1234567号'];
    for (const b of bad) {
      expect(S.parseCourtCaseNumberList(`(2025)青0103民初1号\n${b}`).invalid, b).toEqual([b]);
      expect(S.checkCourtCaseNumbers(`(2025)青0103民初1号, ${b}`), b).toEqual({ ok: false, code: 'courtCaseNumberFormat' });
    }
    expect(S.checkCourtCaseNumbers(42)).toEqual({ ok: false, code: 'invalid' });
  });

  it('at most 20 numbers on one case', () => {
    const many = Array.from({ length: 21 }, (_, i) => `(2025)青0103民初${i + 1}号`).join('\n');
    expect(S.checkCourtCaseNumbers(many)).toEqual({ ok: false, code: 'tooLong' });
    const twenty = Array.from({ length: 20 }, (_, i) => `(2025)青0103民初${i + 1}号`).join('\n');
    expect(S.checkCourtCaseNumbers(twenty).ok).toBe(true);
  });

  it('linking one number checks its format', () => {
    const id = '30000000-0000-4000-8000-000000000001';
    expect(S.linkCourtCaseInput.parse({ id, version: '2', courtCaseNumber: ' (2025)青0103民初5号 ' }).courtCaseNumber).toBe('(2025)青0103民初5号');
    expect(codes(S.linkCourtCaseInput, { id, version: '2', courtCaseNumber: '青0103民初5号' })).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(codes(S.linkCourtCaseInput, { id, version: '2', courtCaseNumber: '' })).toEqual({ courtCaseNumber: 'required' });
  });
});

// ---------------------------------------------------------------------------------------------
// Input schemas

function codes(schema: ZodType, raw: unknown): Record<string, string> {
  const r = schema.safeParse(raw);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of (r.error as ZodError).issues) out[i.path.join('.')] ??= i.message;
  return out;
}

describe('open and step inputs', () => {
  const good = {
    kind: 'civil',
    title: '张某与李某民间借贷纠纷监督案',
    parties: '申请人：张某；被申请人：李某',
    courtId: COURT,
    courtDepartmentId: '',
    handlerId: HANDLER,
    acceptedOn: '2026-03-02',
    courtCaseNumbers: '(2025)青0103民初123号',
    falseLitigation: 'on',
    pensionFraud: 'assistance',
  };
  it('accepts a good case and turns the choices into tags', () => {
    const v = S.openCaseInput.parse(good);
    expect(v).toMatchObject({ kind: 'civil', courtDepartmentId: null, acceptedOn: '2026-03-02', tags: ['false_litigation', 'pension_fraud:assistance'] });
    expect('courtCaseNumbers' in v).toBe(false);
  });
  it('names every bad field with a code', () => {
    expect(codes(S.openCaseInput, { ...good, kind: 'criminal' })).toEqual({ kind: 'invalidChoice' });
    expect(codes(S.openCaseInput, { ...good, title: ' ' })).toEqual({ title: 'required' });
    expect(codes(S.openCaseInput, { ...good, title: 'x'.repeat(201) })).toEqual({ title: 'tooLong' });
    expect(codes(S.openCaseInput, { ...good, parties: 'x'.repeat(2001) })).toEqual({ parties: 'tooLong' });
    expect(codes(S.openCaseInput, { ...good, courtId: 'nope' })).toEqual({ courtId: 'invalidChoice' });
    expect(codes(S.openCaseInput, { ...good, handlerId: '' })).toEqual({ handlerId: 'invalidChoice' });
    expect(codes(S.openCaseInput, { ...good, acceptedOn: '2023-02-30' })).toEqual({ acceptedOn: 'dateInvalid' });
    expect(codes(S.openCaseInput, { ...good, acceptedOn: '2023/02/01' })).toEqual({ acceptedOn: 'dateFormat' });
    expect(codes(S.openCaseInput, { ...good, acceptedOn: '' })).toEqual({ acceptedOn: 'required' });
    expect(codes(S.openCaseInput, { ...good, pensionFraud: 'lottery' })).toEqual({ pensionFraud: 'invalidChoice' });
  });
  it('close needs an outcome and a conclusion; assign a handler and a reason', () => {
    const id = '30000000-0000-4000-8000-000000000001';
    expect(codes(S.closeInput, { id, version: '3', outcome: 'won', conclusion: '' })).toEqual({ outcome: 'invalidChoice', conclusion: 'required' });
    expect(codes(S.assignInput, { id, version: '3', handlerId: 'x', reason: '' })).toEqual({ handlerId: 'invalidChoice', reason: 'required' });
    expect(codes(S.closeInput, { id, version: '0', outcome: 'terminated', conclusion: '申请人撤回监督申请。' })).toEqual({ version: expect.any(String) });
    expect(S.tagInput.parse({ id, version: '1', socialConflict: 'yes', falseLitigation: 'no', pensionFraud: '' }).tags).toEqual(['social_conflict']);
  });
});

// ---------------------------------------------------------------------------------------------
// Review deadline: 3 months from acceptance, the last day moved off rest days

describe('stage due dates', () => {
  it('3 months from acceptance for every kind', () => {
    for (const kind of CASE_KINDS) expect(reviewDueDate(kind, '2026-03-02', officialCalendar), kind).toBe('2026-06-02');
  });
  it('a last day in the National Day holiday moves to the first working day after it', () => {
    // 2026-10-01 … 10-07 are holidays.
    expect(reviewDueDate('civil', '2026-07-01', officialCalendar)).toBe('2026-10-08');
    // Without the official calendar 2026-10-01 is a plain Thursday.
    expect(reviewDueDate('civil', '2026-07-01', weekendOnlyCalendar)).toBe('2026-10-01');
  });
  it('civil retrial uses the periods table rule retrial.procuratorateReview (Spring Festival 2026)', () => {
    expect(reviewDueDate('civil_retrial', '2025-11-15', officialCalendar)).toBe('2026-02-24');
    expect(reviewDueDate('civil_retrial', '2025-11-15', officialCalendar)).toBe(dueDateForRule('retrial.procuratorateReview', '2025-11-15', { calendar: officialCalendar }));
  });
  it('month ends clamp; Sundays move to Monday; make-up working Saturdays count as working days', () => {
    expect(reviewDueDate('administrative', '2025-11-30', officialCalendar)).toBe('2026-02-28'); // make-up working Saturday
    expect(reviewDueDate('enforcement', '2026-03-07', officialCalendar)).toBe('2026-06-08'); // 06-07 is a Sunday
    expect(reviewDueDate('non_litigation', '2025-07-11', officialCalendar)).toBe('2025-10-11'); // make-up working Saturday
  });
  it('only the review stages have a due date; overdue and days left are derived from today', () => {
    expect(stageDueDate('civil', 'accepted', '2026-07-01', officialCalendar)).toBe('2026-10-08');
    expect(stageDueDate('civil', 'reviewing', '2026-07-01', officialCalendar)).toBe('2026-10-08');
    expect(stageDueDate('civil', 'supervising', '2026-07-01', officialCalendar)).toBeNull();
    expect(stageDueDate('civil', 'closed', '2026-07-01', officialCalendar)).toBeNull();
    expect(stageDueDate('civil', 'accepted', null, officialCalendar)).toBeNull();

    const c = { stage: 'reviewing' as const, stageDueDate: '2026-10-08' };
    expect(caseOverdueDays(c, '2026-10-08')).toBe(0);
    expect(caseDaysLeft(c, '2026-10-08')).toBe(0);
    expect(caseOverdueDays(c, '2026-10-09')).toBe(1);
    expect(caseDaysLeft(c, '2026-10-09')).toBeNull();
    expect(caseDaysLeft(c, '2026-10-01')).toBe(7);
    expect(caseOverdueDays({ ...c, stage: 'supervising' }, '2026-12-01')).toBe(0);
    expect(caseDaysLeft({ ...c, stage: 'closed' }, '2026-10-01')).toBeNull();
    expect(caseOverdueDays({ stage: 'accepted', stageDueDate: null }, '2026-12-01')).toBe(0);
  });
});
