/**
 * The enforcement-inquiry state machine, checked against a table written out by hand from
 * DOMAIN.md §5 and the brief (not derived from STEP_RULES): every step × every role × every
 * state; then ownership, other institutions, the overdue rule, the 15-day deadline and the schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ZodError, ZodType } from 'zod';
import { weekendOnlyCalendar } from '@/lib/domain/calendar';
import { officialCalendar, periodRule } from '@/lib/domain/deadlines';
import {
  answerDateProblem,
  answerDueDate,
  answeredLate,
  availableSteps,
  decide,
  INQUIRY_PERIOD,
  INQUIRY_STEPS,
  isEnforcementTypeCode,
  newInquiry,
  overdueDays,
  waitingOn,
  type InquiryFacts,
  type InquiryState,
  type InquiryStep,
} from '@/lib/domain/inquiries/machine';
import * as S from '@/lib/domain/inquiries/schemas';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { PROC, COURT, PROC2, COURT2, makeActor, type ActorOptions } from '@/tests/support/actors';

const SENDER = '10000000-0000-4000-8000-000000000001';
const OTHER_PROCURATOR = '10000000-0000-4000-8000-000000000002';

const TODAY = '2026-04-01';
/** Due 12 days before TODAY: overdue, so `urge` can be allowed in the table. */
const OVERDUE_DUE = '2026-03-20';

const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts, { PROCURATOR: SENDER });

function facts(status: InquiryState, over: Partial<InquiryFacts> = {}): InquiryFacts {
  return { status, procuratorateId: PROC, courtId: COURT, sentById: SENDER, dueDate: OVERDUE_DUE, ...over };
}

// ---------------------------------------------------------------------------------------------
// The table, by hand. 'ok→X' = allowed, leading to X (same state for urge); otherwise the code.

const STATES: InquiryState[] = ['new', 'sent', 'answered', 'closed'];
type Cell = 'ok→sent' | 'ok→answered' | 'ok→closed' | 'wrongState' | 'institution' | 'notVisible' | 'role';

const TABLE: Record<InquiryStep, Record<Role, Record<InquiryState, Cell>>> = {
  send: {
    PROCURATOR: { new: 'ok→sent', sent: 'wrongState', answered: 'wrongState', closed: 'wrongState' },
    PROCURATORATE_LEADER: { new: 'ok→sent', sent: 'wrongState', answered: 'wrongState', closed: 'wrongState' },
    COURT_STAFF: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    COURT_LEADER: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    ADMIN: { new: 'notVisible', sent: 'notVisible', answered: 'notVisible', closed: 'notVisible' },
  },
  urge: {
    PROCURATOR: { new: 'wrongState', sent: 'ok→sent', answered: 'wrongState', closed: 'wrongState' },
    PROCURATORATE_LEADER: { new: 'wrongState', sent: 'ok→sent', answered: 'wrongState', closed: 'wrongState' },
    COURT_STAFF: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    COURT_LEADER: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    ADMIN: { new: 'notVisible', sent: 'notVisible', answered: 'notVisible', closed: 'notVisible' },
  },
  answer: {
    PROCURATOR: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    PROCURATORATE_LEADER: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    COURT_STAFF: { new: 'wrongState', sent: 'ok→answered', answered: 'wrongState', closed: 'wrongState' },
    COURT_LEADER: { new: 'wrongState', sent: 'ok→answered', answered: 'wrongState', closed: 'wrongState' },
    ADMIN: { new: 'notVisible', sent: 'notVisible', answered: 'notVisible', closed: 'notVisible' },
  },
  close: {
    PROCURATOR: { new: 'wrongState', sent: 'wrongState', answered: 'ok→closed', closed: 'wrongState' },
    PROCURATORATE_LEADER: { new: 'wrongState', sent: 'wrongState', answered: 'ok→closed', closed: 'wrongState' },
    COURT_STAFF: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    COURT_LEADER: { new: 'institution', sent: 'institution', answered: 'institution', closed: 'institution' },
    ADMIN: { new: 'notVisible', sent: 'notVisible', answered: 'notVisible', closed: 'notVisible' },
  },
};

const FORBIDDEN_CELLS: Cell[] = ['institution', 'notVisible', 'role'];

describe('inquiry machine: step × role × state', () => {
  it('the table covers every step and role', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...INQUIRY_STEPS].sort());
    for (const step of INQUIRY_STEPS) expect(Object.keys(TABLE[step]).sort()).toEqual([...ROLES].sort());
  });

  for (const step of INQUIRY_STEPS) {
    for (const role of ROLES) {
      for (const state of STATES) {
        const cell = TABLE[step][role][state];
        it(`${step} by ${role} in ${state} → ${cell}`, () => {
          const got = decide(actor(role), step, facts(state), TODAY);
          if (cell.startsWith('ok→')) {
            const to = step === 'urge' ? state : cell.slice(3);
            expect(got).toEqual({ ok: true, to, shared: true });
          } else {
            expect(got).toEqual({ ok: false, code: cell, forbidden: FORBIDDEN_CELLS.includes(cell) });
          }
        });
      }
    }
  }
});

describe('inquiry machine: the rules around the table', () => {
  it('every step is shared with the other institution', () => {
    for (const step of INQUIRY_STEPS) {
      const role: Role = step === 'answer' ? 'COURT_STAFF' : 'PROCURATOR';
      const state: InquiryState = { send: 'new', urge: 'sent', answer: 'sent', close: 'answered' }[step] as InquiryState;
      const got = decide(actor(role), step, facts(state), TODAY);
      expect(got.ok && got.shared, step).toBe(true);
    }
  });

  it('a procurator urges and closes only the inquiries they sent; leaders any of their institution', () => {
    const other = actor('PROCURATOR', { id: OTHER_PROCURATOR });
    expect(decide(other, 'urge', facts('sent'), TODAY)).toEqual({ ok: false, code: 'notOwner', forbidden: true });
    expect(decide(other, 'close', facts('answered'), TODAY)).toEqual({ ok: false, code: 'notOwner', forbidden: true });
    // Another procurator may still send an inquiry of their own.
    expect(decide(other, 'send', newInquiry(other, COURT), TODAY).ok).toBe(true);
    expect(decide(actor('PROCURATORATE_LEADER'), 'close', facts('answered', { sentById: OTHER_PROCURATOR }), TODAY).ok).toBe(true);
    expect(decide(actor('PROCURATORATE_LEADER'), 'urge', facts('sent', { sentById: OTHER_PROCURATOR }), TODAY).ok).toBe(true);
  });

  it('any court user of the addressed court may answer (no owner on the court side)', () => {
    expect(decide(actor('COURT_STAFF', { id: '30000000-0000-4000-8000-000000000009' }), 'answer', facts('sent'), TODAY).ok).toBe(true);
  });

  it("another institution's people may do nothing with the inquiry (not visible → forbidden)", () => {
    const strangers = [
      actor('PROCURATOR', { institutionId: PROC2 }),
      actor('PROCURATORATE_LEADER', { institutionId: PROC2 }),
      actor('COURT_STAFF', { institutionId: COURT2 }),
      actor('COURT_LEADER', { institutionId: COURT2 }),
    ];
    for (const a of strangers) {
      for (const step of ['urge', 'answer', 'close'] as const) {
        for (const state of ['sent', 'answered', 'closed'] as const) {
          expect(decide(a, step, facts(state), TODAY), `${a.role} ${step} ${state}`).toEqual({ ok: false, code: 'notVisible', forbidden: true });
        }
      }
    }
  });

  it('an inactive account may do nothing', () => {
    for (const role of ROLES) {
      for (const step of INQUIRY_STEPS) {
        expect(decide(actor(role, { active: false }), step, facts('sent'), TODAY)).toEqual({ ok: false, code: 'inactive', forbidden: true });
      }
    }
  });

  it('sending: the parties of a new inquiry are the actor’s procuratorate and the chosen court', () => {
    const p = actor('PROCURATOR');
    expect(newInquiry(p, COURT)).toEqual({ status: 'new', procuratorateId: PROC, courtId: COURT, sentById: null, dueDate: null });
    expect(decide(p, 'send', newInquiry(p, COURT), TODAY)).toEqual({ ok: true, to: 'sent', shared: true });
    // Court people cannot send, whichever court they name.
    const c = actor('COURT_LEADER');
    expect(decide(c, 'send', newInquiry(c, COURT), TODAY)).toMatchObject({ ok: false, forbidden: true });
    expect(decide(c, 'send', newInquiry(c, COURT2), TODAY)).toMatchObject({ ok: false, forbidden: true });
  });

  it('urging needs the answer to be overdue: not before, not on the due day, from the day after', () => {
    const p = actor('PROCURATOR');
    expect(decide(p, 'urge', facts('sent', { dueDate: '2026-04-10' }), TODAY)).toEqual({ ok: false, code: 'notOverdue', forbidden: false });
    expect(decide(p, 'urge', facts('sent', { dueDate: TODAY }), TODAY)).toEqual({ ok: false, code: 'notOverdue', forbidden: false });
    expect(decide(p, 'urge', facts('sent', { dueDate: '2026-03-31' }), TODAY)).toEqual({ ok: true, to: 'sent', shared: true });
  });

  it('overdue days count only while the answer is awaited', () => {
    expect(overdueDays(facts('sent'), TODAY)).toBe(12);
    expect(overdueDays(facts('sent', { dueDate: '2026-04-01' }), TODAY)).toBe(0);
    expect(overdueDays(facts('answered'), TODAY)).toBe(0);
    expect(overdueDays(facts('closed'), TODAY)).toBe(0);
  });

  it('what each role may do next, in each state (overdue record)', () => {
    const next = (role: Role, state: InquiryState) => availableSteps(actor(role), facts(state), TODAY);
    expect(next('PROCURATOR', 'sent')).toEqual(['urge']);
    expect(next('PROCURATOR', 'answered')).toEqual(['close']);
    expect(next('PROCURATOR', 'closed')).toEqual([]);
    expect(next('COURT_STAFF', 'sent')).toEqual(['answer']);
    expect(next('COURT_LEADER', 'answered')).toEqual([]);
    expect(next('ADMIN', 'sent')).toEqual([]);
    // Not overdue: nothing for the procurator while the court has time left.
    expect(availableSteps(actor('PROCURATOR'), facts('sent', { dueDate: '2026-04-15' }), TODAY)).toEqual([]);
  });

  it('who moves next', () => {
    expect(waitingOn('sent')).toBe('court');
    expect(waitingOn('answered')).toBe('procuratorate');
    expect(waitingOn('closed')).toBeNull();
  });
});

describe('inquiry deadline: 15 days from sending, rolled past rest days', () => {
  it('uses the enforcement-supervision rule of 15 days', () => {
    expect(INQUIRY_PERIOD).toBe('enforcementSupervision.inquiryReply');
    expect(periodRule(INQUIRY_PERIOD).period).toEqual({ days: 15 });
  });
  it('an ordinary working day', () => {
    expect(answerDueDate('2026-03-02', officialCalendar)).toBe('2026-03-17');
    expect(answerDueDate('2026-11-12', officialCalendar)).toBe('2026-11-27');
  });
  it('ending on a weekend → the Monday', () => {
    expect(answerDueDate('2026-11-14', officialCalendar)).toBe('2026-11-30');
  });
  it('ending in the National Day holiday → the first working day after it', () => {
    expect(answerDueDate('2026-09-16', officialCalendar)).toBe('2026-10-08');
    // Without the holiday calendar the same date would not move: the calendar matters.
    expect(answerDueDate('2026-09-16', weekendOnlyCalendar)).toBe('2026-10-01');
  });
  it('ending in the Spring Festival → after it', () => {
    expect(answerDueDate('2026-02-01', officialCalendar)).toBe('2026-02-24');
  });
  it('answer date: not before sending, not in the future', () => {
    expect(answerDateProblem('2026-03-10', '2026-03-02', TODAY)).toBeNull();
    expect(answerDateProblem('2026-03-02', '2026-03-02', TODAY)).toBeNull();
    expect(answerDateProblem('2026-03-01', '2026-03-02', TODAY)).toBe('replyBeforeServed');
    expect(answerDateProblem('2026-04-02', '2026-03-02', TODAY)).toBe('dateInFuture');
  });
  it('late = answered after the due date (the due day itself is on time)', () => {
    expect(answeredLate('2026-03-17', '2026-03-17')).toBe(false);
    expect(answeredLate('2026-03-18', '2026-03-17')).toBe(true);
    expect(answeredLate(null, '2026-03-17')).toBe(false);
  });
});

describe('inquiry schemas', () => {
  const issue = (schema: ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (r.success) return null;
    return Object.fromEntries((r.error as ZodError).issues.map((i) => [i.path.join('.') || '_', i.message]).reverse());
  };
  const good = { courtId: COURT, courtCaseNumber: '(2024)青0103执1876号', caseId: '', question: '请说明该案执行进展。', sentOn: '2026-03-02' };

  it('enforcement case types are those with 执', () => {
    for (const c of ['执', '执恢', '执异', '执保', '执复', '执监']) expect(isEnforcementTypeCode(c), c).toBe(true);
    for (const c of ['民初', '民终', '行初', '行审', '刑初']) expect(isEnforcementTypeCode(c), c).toBe(false);
  });
  it('a good inquiry passes and an empty case link becomes null', () => {
    expect(S.sendInput.parse(good)).toEqual({ ...good, caseId: null });
  });
  it('court case number: required, in the court format (enforcement type: checked by the data layer)', () => {
    expect(issue(S.sendInput, { ...good, courtCaseNumber: '' })).toMatchObject({ courtCaseNumber: 'required' });
    expect(issue(S.sendInput, { ...good, courtCaseNumber: '青0103执1876' })).toMatchObject({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(issue(S.sendInput, { ...good, courtCaseNumber: 'x'.repeat(65) })).toMatchObject({ courtCaseNumber: 'tooLong' });
    expect(issue(S.sendInput, { ...good, courtCaseNumber: '(2025)青0103执恢88号' })).toBeNull();
  });
  it('question required and limited; dates checked', () => {
    expect(issue(S.sendInput, { ...good, question: '   ' })).toMatchObject({ question: 'required' });
    expect(issue(S.sendInput, { ...good, question: 'x'.repeat(S.INQUIRY_LIMITS.question + 1) })).toMatchObject({ question: 'tooLong' });
    expect(issue(S.sendInput, { ...good, sentOn: '2023-02-30' })).toMatchObject({ sentOn: 'dateInvalid' });
    expect(issue(S.sendInput, { ...good, sentOn: '2026/03/02' })).toMatchObject({ sentOn: 'dateFormat' });
    expect(issue(S.sendInput, { ...good, courtId: 'not-a-uuid' })).toMatchObject({ courtId: 'invalidChoice' });
    expect(issue(S.sendInput, { ...good, caseId: 'nope' })).toMatchObject({ caseId: 'invalidChoice' });
  });
  it('answer, urge and close inputs', () => {
    const step = { id: COURT, version: '3' };
    expect(issue(S.answerInput, { ...step, answer: '', answeredOn: '2026-03-05' })).toMatchObject({ answer: 'required' });
    expect(issue(S.answerInput, { ...step, answer: '已恢复执行', answeredOn: '2026-13-01' })).toMatchObject({ answeredOn: 'dateInvalid' });
    expect(issue(S.answerInput, { ...step, version: 'x', answer: '已恢复执行', answeredOn: '2026-03-05' })).toMatchObject({ version: expect.any(String) });
    expect(issue(S.urgeInput, { ...step, comment: 'x'.repeat(S.INQUIRY_LIMITS.comment + 1) })).toMatchObject({ comment: 'tooLong' });
    expect(S.urgeInput.parse({ ...step, comment: '' })).toEqual({ id: COURT, version: 3, comment: null });
    expect(issue(S.closeInput, { ...step, outcome: 'maybe', assessment: '答复属实' })).toMatchObject({ outcome: 'invalidChoice' });
    expect(issue(S.closeInput, { ...step, outcome: 'accepted', assessment: '' })).toMatchObject({ assessment: 'required' });
    expect(issue(S.closeInput, { ...step, outcome: 'accepted', assessment: 'x'.repeat(501) })).toMatchObject({ assessment: 'tooLong' });
  });
});
