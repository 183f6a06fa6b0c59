/**
 * The recommendation state machine, checked against a matrix written out by hand from DOMAIN.md §1
 * (not derived from TRANSITIONS): every action × every role, in every state the action starts
 * from and in states outside it; then the special rules and the input schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ZodError, ZodType } from 'zod';
import {
  AWAITING_REPLY,
  availableActions,
  canView,
  decide,
  overdueDays,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATUSES,
  TRANSITIONS,
  waitingOn,
  type RecommendationAction,
  type RecommendationFacts,
  type RecommendationStatus,
} from '@/lib/domain/recommendations/machine';
import { formatRecommendationNumber, TYPE_TAG } from '@/lib/domain/recommendations/numbering';
import * as S from '@/lib/domain/recommendations/schemas';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { FORBIDDEN } from '@/lib/domain/workflow';
import { PROC, COURT, PROC2, COURT2, makeActor, type ActorOptions } from '@/tests/support/actors';

// ---------------------------------------------------------------------------------------------
// Fixtures


const DRAFTER = '10000000-0000-4000-8000-000000000001';
const OTHER_PROCURATOR = '10000000-0000-4000-8000-000000000002';

/** Today for the matrix: the default due date below lies ahead, so nothing is overdue unless a test says so. */
const TODAY = '2026-04-01';

const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts, { PROCURATOR: DRAFTER });

/** Written out: the states before service (the court may not see them). */
const BEFORE_SERVICE: RecommendationStatus[] = ['draft', 'submitted', 'returned', 'approved', 'issued'];

function facts(status: RecommendationStatus, over: Partial<RecommendationFacts> = {}): RecommendationFacts {
  const served = !BEFORE_SERVICE.includes(status);
  return {
    institutionId: PROC,
    addresseeCourtId: COURT,
    status,
    type: 'correction',
    drafterId: DRAFTER,
    servedOn: served ? '2026-03-02' : null,
    dueDate: served ? '2026-05-06' : null,
    extensionMonths: 0,
    extensionRequested: false,
    escalated: false,
    committeeDecisionRecorded: false,
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// The expected matrix, by hand

const PR: Role = 'PROCURATOR';
const PL: Role = 'PROCURATORATE_LEADER';
const CS: Role = 'COURT_STAFF';
const CL: Role = 'COURT_LEADER';

const AWAITING: RecommendationStatus[] = ['served', 'acknowledged', 'objected', 'reply_submitted'];

interface Row {
  side: 'procuratorate' | 'court';
  /** Roles that may take the step (on their own side). */
  roles: Role[];
  from: RecommendationStatus[];
  /** States outside `from` to try (→ wrongState for an allowed role). */
  outside: RecommendationStatus[];
  /** Target; 'same' = a recorded step that keeps the state. */
  to: RecommendationStatus | 'same';
  shared: boolean;
  /** A procurator may act only on the recommendations they drafted. */
  drafterOnly: boolean;
  /** What else the record must look like for the step to be allowed. */
  ready?: Partial<RecommendationFacts>;
}

const OVERDUE: Partial<RecommendationFacts> = { dueDate: '2026-03-20' }; // TODAY − 12 days

const EXPECTED: Record<RecommendationAction, Row> = {
  edit: { side: 'procuratorate', roles: [PR, PL], from: ['draft', 'returned'], outside: ['submitted', 'approved', 'issued', 'served'], to: 'same', shared: false, drafterOnly: true },
  submit: { side: 'procuratorate', roles: [PR, PL], from: ['draft', 'returned'], outside: ['submitted', 'approved'], to: 'submitted', shared: false, drafterOnly: true },
  approve: { side: 'procuratorate', roles: [PL], from: ['submitted'], outside: ['draft', 'returned', 'approved'], to: 'approved', shared: false, drafterOnly: false },
  return: { side: 'procuratorate', roles: [PL], from: ['submitted'], outside: ['draft', 'approved'], to: 'returned', shared: false, drafterOnly: false },
  discard: { side: 'procuratorate', roles: [PR, PL], from: ['draft', 'returned'], outside: ['submitted', 'issued', 'served'], to: 'withdrawn', shared: false, drafterOnly: true },
  issue: { side: 'procuratorate', roles: [PR, PL], from: ['approved'], outside: ['submitted', 'issued', 'served'], to: 'issued', shared: false, drafterOnly: true },
  serve: { side: 'procuratorate', roles: [PR, PL], from: ['issued'], outside: ['approved', 'served'], to: 'served', shared: true, drafterOnly: true },
  acknowledge: { side: 'court', roles: [CS, CL], from: ['served'], outside: ['acknowledged', 'replied', 'issued'], to: 'acknowledged', shared: true, drafterOnly: false },
  object: { side: 'court', roles: [CS, CL], from: ['served', 'acknowledged'], outside: ['objected', 'reply_submitted', 'replied'], to: 'objected', shared: true, drafterOnly: false },
  upholdObjection: { side: 'procuratorate', roles: [PL], from: ['objected'], outside: ['served', 'acknowledged'], to: 'withdrawn', shared: true, drafterOnly: false },
  rejectObjection: { side: 'procuratorate', roles: [PL], from: ['objected'], outside: ['served', 'withdrawn'], to: 'acknowledged', shared: true, drafterOnly: false },
  saveReply: { side: 'court', roles: [CS, CL], from: ['acknowledged'], outside: ['served', 'objected', 'reply_submitted', 'replied'], to: 'same', shared: false, drafterOnly: false },
  submitReply: { side: 'court', roles: [CS, CL], from: ['acknowledged'], outside: ['served', 'reply_submitted', 'replied'], to: 'reply_submitted', shared: false, drafterOnly: false },
  returnReply: { side: 'court', roles: [CL], from: ['reply_submitted'], outside: ['acknowledged', 'replied'], to: 'acknowledged', shared: false, drafterOnly: false },
  signReply: { side: 'court', roles: [CL], from: ['reply_submitted'], outside: ['acknowledged', 'replied'], to: 'replied', shared: true, drafterOnly: false },
  requestExtension: { side: 'court', roles: [CS, CL], from: AWAITING, outside: ['replied', 'closed'], to: 'same', shared: true, drafterOnly: false, ready: { type: 'enforcement' } },
  approveExtension: { side: 'court', roles: [CL], from: AWAITING, outside: ['replied', 'evaluated'], to: 'same', shared: true, drafterOnly: false, ready: { type: 'enforcement', extensionRequested: true } },
  evaluate: { side: 'procuratorate', roles: [PR, PL], from: ['replied'], outside: ['reply_submitted', 'evaluated'], to: 'evaluated', shared: true, drafterOnly: true },
  followUp: { side: 'procuratorate', roles: [PR, PL], from: ['evaluated'], outside: ['replied', 'closed'], to: 'same', shared: true, drafterOnly: true },
  close: { side: 'procuratorate', roles: [PR, PL], from: ['evaluated'], outside: ['replied', 'closed'], to: 'closed', shared: true, drafterOnly: true },
  archive: { side: 'procuratorate', roles: [PR, PL], from: ['closed', 'withdrawn'], outside: ['evaluated', 'archived', 'draft'], to: 'archived', shared: false, drafterOnly: true },
  urge: { side: 'procuratorate', roles: [PR, PL], from: AWAITING, outside: ['replied', 'issued'], to: 'same', shared: true, drafterOnly: true, ready: OVERDUE },
  escalate: { side: 'procuratorate', roles: [PL], from: AWAITING, outside: ['replied', 'closed'], to: 'same', shared: true, drafterOnly: false, ready: OVERDUE },
};

type Expect = { ok: true; to: RecommendationStatus; shared: boolean } | { ok: false; code: string; forbidden: boolean };

const ROLE_SIDE: Record<Role, 'procuratorate' | 'court' | null> = {
  PROCURATOR: 'procuratorate',
  PROCURATORATE_LEADER: 'procuratorate',
  COURT_STAFF: 'court',
  COURT_LEADER: 'court',
  ADMIN: null,
};

/** The outcome for a role acting on its own institution's side of the record (procurators: as the drafter). */
function expected(action: RecommendationAction, role: Role, status: RecommendationStatus): Expect {
  const row = EXPECTED[action];
  const side = ROLE_SIDE[role];
  const no = (code: string, forbidden: boolean): Expect => ({ ok: false, code, forbidden });
  if (side === null) return no('notVisible', true); // the administrator runs the platform, not the cases
  if (side === 'court' && BEFORE_SERVICE.includes(status)) return no('notVisible', true);
  if (side !== row.side) return no('institution', true);
  if (!row.roles.includes(role)) return no('role', true);
  if (!row.from.includes(status)) return no('wrongState', false);
  return { ok: true, to: row.to === 'same' ? status : row.to, shared: row.shared };
}

describe('the matrix covers every action and every state', () => {
  it('EXPECTED has a row for exactly the actions of the machine', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...RECOMMENDATION_ACTIONS].sort());
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...RECOMMENDATION_ACTIONS].sort());
  });
  it('statuses are the fourteen of the lifecycle, the awaiting-reply ones as listed', () => {
    expect([...RECOMMENDATION_STATUSES].sort()).toEqual(
      ['draft', 'submitted', 'returned', 'approved', 'issued', 'served', 'acknowledged', 'objected', 'reply_submitted', 'replied', 'evaluated', 'closed', 'archived', 'withdrawn'].sort(),
    );
    expect([...AWAITING_REPLY].sort()).toEqual([...AWAITING].sort());
  });
  it('every state outside `from` tried in the matrix is really outside it', () => {
    for (const [action, row] of Object.entries(EXPECTED)) {
      expect(row.outside.length, action).toBeGreaterThan(0);
      for (const s of row.outside) expect(row.from, `${action} ${s}`).not.toContain(s);
    }
  });
});

describe('every action × every role × its states', () => {
  for (const action of RECOMMENDATION_ACTIONS) {
    const row = EXPECTED[action];
    describe(action, () => {
      for (const role of ROLES) {
        const states = [...row.from, ...row.outside];
        it(`${role}: ${row.roles.includes(role) ? 'allowed from ' + row.from.join('|') : 'forbidden'}`, () => {
          for (const status of states) {
            const got = decide(actor(role), action, facts(status, row.ready), TODAY);
            expect(got, `${action} by ${role} in ${status}`).toEqual(expected(action, role, status));
          }
        });
      }
      it('an administrator of the court is refused too', () => {
        for (const status of [...row.from, ...row.outside]) {
          expect(decide(actor('ADMIN', { kind: 'COURT' }), action, facts(status, row.ready), TODAY)).toEqual({ ok: false, code: 'notVisible', forbidden: true });
        }
      });
      it('a deactivated actor of any role is refused with inactive', () => {
        for (const role of ROLES) {
          for (const status of row.from) {
            expect(decide(actor(role, { active: false }), action, facts(status, row.ready), TODAY)).toEqual({ ok: false, code: 'inactive', forbidden: true });
          }
        }
      });
      it('users of another procuratorate and another court never see the record', () => {
        for (const status of row.from) {
          for (const a of [
            actor(PR, { institutionId: PROC2, id: '30000000-0000-4000-8000-000000000001' }),
            actor(PL, { institutionId: PROC2 }),
            actor(CS, { institutionId: COURT2 }),
            actor(CL, { institutionId: COURT2 }),
          ]) {
            expect(decide(a, action, facts(status, row.ready), TODAY), `${a.role} ${status}`).toEqual({ ok: false, code: 'notVisible', forbidden: true });
          }
        }
      });
      if (row.side === 'procuratorate' && row.roles.includes(PR)) {
        it(row.drafterOnly ? 'a procurator who did not draft it is refused (notOwner); a leader is not' : 'any procurator of the institution may', () => {
          const other = actor(PR, { id: OTHER_PROCURATOR });
          for (const status of row.from) {
            const got = decide(other, action, facts(status, row.ready), TODAY);
            if (row.drafterOnly) expect(got).toEqual({ ok: false, code: 'notOwner', forbidden: true });
            else expect(got.ok).toBe(true);
            expect(decide(actor(PL), action, facts(status, row.ready), TODAY).ok).toBe(true);
          }
        });
      }
    });
  }

  it('a discarded draft (withdrawn, never served) stays invisible to the court; its drafter archives it', () => {
    const rec = facts('withdrawn', { servedOn: null, dueDate: null });
    expect(canView(actor(CS), rec)).toBe(false);
    expect(decide(actor(CL), 'acknowledge', rec, TODAY)).toEqual({ ok: false, code: 'notVisible', forbidden: true });
    expect(decide(actor(PR), 'archive', rec, TODAY)).toEqual({ ok: true, to: 'archived', shared: false });
  });

  it('the forbidden flag is set exactly for the codes that mean "no business here"', () => {
    expect([...FORBIDDEN].sort()).toEqual(['inactive', 'institution', 'notOwner', 'notVisible', 'role']);
  });
});

// ---------------------------------------------------------------------------------------------
// Visibility

describe('canView', () => {
  it('the issuing procuratorate always; the addressee court only once served; nobody else', () => {
    for (const status of RECOMMENDATION_STATUSES) {
      const rec = facts(status);
      expect(canView(actor(PR), rec), status).toBe(true);
      expect(canView(actor(PL), rec), status).toBe(true);
      expect(canView(actor(PR, { id: OTHER_PROCURATOR }), rec), status).toBe(true);
      expect(canView(actor(CS), rec), status).toBe(rec.servedOn !== null);
      expect(canView(actor(CL), rec), status).toBe(rec.servedOn !== null);
      expect(canView(actor('ADMIN'), rec), status).toBe(false);
      expect(canView(actor(PR, { institutionId: PROC2 }), rec), status).toBe(false);
      expect(canView(actor(CL, { institutionId: COURT2 }), rec), status).toBe(false);
    }
  });
  it('the court cannot see a recommendation while servedOn is null, whatever its status says', () => {
    expect(canView(actor(CS), { institutionId: PROC, addresseeCourtId: COURT, servedOn: null })).toBe(false);
    expect(canView(actor(CS), { institutionId: PROC, addresseeCourtId: COURT, servedOn: '2026-03-02' })).toBe(true);
  });
  it('a deactivated actor sees nothing', () => {
    for (const role of ROLES) expect(canView(actor(role, { active: false }), facts('served'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Special rules

describe('retrial recommendations need the procuratorial committee decision', () => {
  it('approve without it → committeeDecisionRequired (not a 403); with it → approved', () => {
    expect(decide(actor(PL), 'approve', facts('submitted', { type: 'retrial' }), TODAY)).toEqual({ ok: false, code: 'committeeDecisionRequired', forbidden: false });
    expect(decide(actor(PL), 'approve', facts('submitted', { type: 'retrial', committeeDecisionRecorded: true }), TODAY)).toEqual({ ok: true, to: 'approved', shared: false });
  });
  it('other types need none; returning a retrial draft needs none', () => {
    for (const type of ['correction', 'public_interest', 'social_governance', 'enforcement', 'other']) {
      expect(decide(actor(PL), 'approve', facts('submitted', { type }), TODAY).ok, type).toBe(true);
    }
    expect(decide(actor(PL), 'return', facts('submitted', { type: 'retrial' }), TODAY).ok).toBe(true);
  });
  it('the state is checked before the committee rule', () => {
    expect(decide(actor(PL), 'approve', facts('draft', { type: 'retrial' }), TODAY)).toMatchObject({ ok: false, code: 'wrongState' });
  });
});

describe('urge and escalate: only when overdue; escalate only once', () => {
  const due = '2026-05-06';
  it('on the due day → notOverdue; the day after → allowed', () => {
    for (const action of ['urge', 'escalate'] as const) {
      const a = action === 'urge' ? actor(PR) : actor(PL);
      expect(decide(a, action, facts('acknowledged', { dueDate: due }), '2026-05-06')).toEqual({ ok: false, code: 'notOverdue', forbidden: false });
      expect(decide(a, action, facts('acknowledged', { dueDate: due }), '2026-05-05')).toMatchObject({ code: 'notOverdue' });
      expect(decide(a, action, facts('acknowledged', { dueDate: due }), '2026-05-07')).toEqual({ ok: true, to: 'acknowledged', shared: true });
    }
  });
  it('every awaiting-reply state may be urged when overdue', () => {
    for (const s of AWAITING) expect(decide(actor(PR), 'urge', facts(s, { dueDate: due }), '2026-06-01')).toEqual({ ok: true, to: s, shared: true });
  });
  it('escalate twice → alreadyEscalated; urging again stays allowed', () => {
    const rec = facts('served', { dueDate: due, escalated: true });
    expect(decide(actor(PL), 'escalate', rec, '2026-06-01')).toEqual({ ok: false, code: 'alreadyEscalated', forbidden: false });
    expect(decide(actor(PR), 'urge', rec, '2026-06-01').ok).toBe(true);
  });
  it('a procurator may urge but not escalate', () => {
    expect(decide(actor(PR), 'escalate', facts('served', { dueDate: due }), '2026-06-01')).toEqual({ ok: false, code: 'role', forbidden: true });
  });
  it('a replied recommendation is not overdue any more, whatever its due date', () => {
    expect(decide(actor(PR), 'urge', facts('replied', { dueDate: due }), '2026-06-01')).toMatchObject({ code: 'wrongState' });
  });
});

describe('extension: enforcement type only, request then approve, never twice', () => {
  const enf = (s: RecommendationStatus, over: Partial<RecommendationFacts> = {}) => facts(s, { type: 'enforcement', ...over });
  it('other types → extensionNotAllowed, for the request and for the approval', () => {
    for (const type of ['retrial', 'correction', 'public_interest', 'social_governance', 'other']) {
      expect(decide(actor(CS), 'requestExtension', facts('acknowledged', { type }), TODAY)).toEqual({ ok: false, code: 'extensionNotAllowed', forbidden: false });
      expect(decide(actor(CL), 'approveExtension', facts('acknowledged', { type, extensionRequested: true }), TODAY)).toEqual({ ok: false, code: 'extensionNotAllowed', forbidden: false });
    }
  });
  it('request (staff or leader) → approve (leader only)', () => {
    expect(decide(actor(CS), 'requestExtension', enf('acknowledged'), TODAY)).toEqual({ ok: true, to: 'acknowledged', shared: true });
    expect(decide(actor(CL), 'approveExtension', enf('acknowledged'), TODAY)).toEqual({ ok: false, code: 'extensionNotRequested', forbidden: false });
    expect(decide(actor(CS), 'approveExtension', enf('acknowledged', { extensionRequested: true }), TODAY)).toEqual({ ok: false, code: 'role', forbidden: true });
    expect(decide(actor(CL), 'approveExtension', enf('acknowledged', { extensionRequested: true }), TODAY)).toEqual({ ok: true, to: 'acknowledged', shared: true });
  });
  it('never twice: a second request, or anything after the approval, is refused', () => {
    expect(decide(actor(CS), 'requestExtension', enf('served', { extensionRequested: true }), TODAY)).toEqual({ ok: false, code: 'extensionAlreadyRequested', forbidden: false });
    const approved = enf('served', { extensionRequested: true, extensionMonths: 1 });
    expect(decide(actor(CS), 'requestExtension', approved, TODAY)).toEqual({ ok: false, code: 'extensionAlreadyApproved', forbidden: false });
    expect(decide(actor(CL), 'approveExtension', approved, TODAY)).toEqual({ ok: false, code: 'extensionAlreadyApproved', forbidden: false });
  });
  it('the procuratorate neither requests nor approves an extension', () => {
    expect(decide(actor(PL), 'requestExtension', enf('served'), TODAY)).toMatchObject({ code: 'institution' });
    expect(decide(actor(PL), 'approveExtension', enf('served', { extensionRequested: true }), TODAY)).toMatchObject({ code: 'institution' });
  });
});

describe('overdueDays', () => {
  it('0 on the due day, 1 the day after, counts calendar days', () => {
    for (const s of AWAITING) {
      expect(overdueDays({ status: s, dueDate: '2026-05-06' }, '2026-05-06'), s).toBe(0);
      expect(overdueDays({ status: s, dueDate: '2026-05-06' }, '2026-05-07'), s).toBe(1);
      expect(overdueDays({ status: s, dueDate: '2026-05-06' }, '2026-05-05'), s).toBe(0);
      expect(overdueDays({ status: s, dueDate: '2026-05-06' }, '2026-06-06'), s).toBe(31);
      expect(overdueDays({ status: s, dueDate: '2025-12-31' }, '2026-01-01'), s).toBe(1);
    }
  });
  it('0 for every status outside awaiting-reply, and without a due date', () => {
    for (const s of RECOMMENDATION_STATUSES.filter((x) => !AWAITING.includes(x))) {
      expect(overdueDays({ status: s, dueDate: '2026-05-06' }, '2026-11-27'), s).toBe(0);
    }
    expect(overdueDays({ status: 'served', dueDate: null }, '2026-11-27')).toBe(0);
  });
});

describe('availableActions', () => {
  const list = (a: Actor, rec: RecommendationFacts, today = TODAY) => [...availableActions(a, rec, today)].sort();
  it('lists what each person may do next', () => {
    expect(list(actor(PR), facts('draft'))).toEqual(['discard', 'edit', 'submit']);
    expect(list(actor(PR, { id: OTHER_PROCURATOR }), facts('draft'))).toEqual([]);
    expect(list(actor(PL), facts('draft'))).toEqual(['discard', 'edit', 'submit']);
    expect(list(actor(PR), facts('submitted'))).toEqual([]);
    expect(list(actor(PL), facts('submitted'))).toEqual(['approve', 'return']);
    expect(list(actor(PR), facts('approved'))).toEqual(['issue']);
    expect(list(actor(PR), facts('issued'))).toEqual(['serve']);
    expect(list(actor(CS), facts('issued'))).toEqual([]);
    expect(list(actor(CS), facts('served'))).toEqual(['acknowledge', 'object']);
    expect(list(actor(CS), facts('served', { type: 'enforcement' }))).toEqual(['acknowledge', 'object', 'requestExtension']);
    expect(list(actor(CS), facts('acknowledged'))).toEqual(['object', 'saveReply', 'submitReply']);
    expect(list(actor(CL), facts('reply_submitted'))).toEqual(['returnReply', 'signReply']);
    expect(list(actor(CS), facts('reply_submitted'))).toEqual([]);
    expect(list(actor(PL), facts('objected'))).toEqual(['rejectObjection', 'upholdObjection']);
    expect(list(actor(PL), facts('acknowledged'), '2026-05-07')).toEqual(['escalate', 'urge']);
    expect(list(actor(PR), facts('replied'))).toEqual(['evaluate']);
    expect(list(actor(PR), facts('evaluated'))).toEqual(['close', 'followUp']);
    expect(list(actor(PR), facts('closed'))).toEqual(['archive']);
    expect(list(actor(PR), facts('archived'))).toEqual([]);
    expect(list(actor('ADMIN'), facts('served'))).toEqual([]);
  });
});

describe('waitingOn', () => {
  const WAITING: Record<RecommendationStatus, ReturnType<typeof waitingOn>> = {
    draft: 'drafter',
    submitted: 'leader',
    returned: 'drafter',
    approved: 'drafter',
    issued: 'drafter',
    served: 'court',
    acknowledged: 'court',
    objected: 'leader',
    reply_submitted: 'courtLeader',
    replied: 'procuratorate',
    evaluated: 'procuratorate',
    closed: 'procuratorate',
    archived: null,
    withdrawn: null,
  };
  for (const s of RECOMMENDATION_STATUSES) it(s, () => expect(waitingOn(s)).toBe(WAITING[s]));
});

describe('numbering', () => {
  it('formats 城中检民建〔2026〕7号 and refuses a bad sequence', () => {
    expect(formatRecommendationNumber('城中检', 'correction', 2026, 7)).toBe('城中检民建〔2026〕7号');
    expect(formatRecommendationNumber('城中检', 'enforcement', 2026, 1)).toBe('城中检执建〔2026〕1号');
    expect(formatRecommendationNumber('城中检', 'other', 2026, 12)).toBe('城中检建〔2026〕12号');
    for (const n of [0, -1, 1.5, NaN]) expect(() => formatRecommendationNumber('城中检', 'correction', 2026, n)).toThrow();
  });
  it('every type has a distinct tag', () => {
    const tags = Object.values(TYPE_TAG);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Schemas

/** First issue per field, as the server-action wrapper reports them (lib/web/action.ts). */
function fieldErrors(schema: ZodType, raw: unknown): Record<string, string> {
  const r = schema.safeParse(raw);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of (r.error as ZodError).issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (!out[field]) out[field] = issue.message;
  }
  return out;
}

const UUID = '3f2b6a1e-5c4d-4e8f-9a0b-1c2d3e4f5a6b';
const DRAFT = {
  type: 'correction',
  title: '关于纠正送达程序违法的检察建议',
  addresseeCourtId: UUID,
  facts: '经查……',
  violation: '送达程序违法',
  recommendationText: '建议依法纠正',
  legalBasis: '《民事诉讼法》',
};

describe('schemas', () => {
  it('a complete draft parses; optional fields come out null', () => {
    const r = S.draftInput.parse(DRAFT);
    expect(r).toMatchObject({ ...DRAFT, addresseeDepartmentId: null, caseId: null, courtCaseNumber: null, urgent: false, customPeriodMonths: null, customPeriodDays: null });
  });

  it('missing fields → required (choices → invalidChoice)', () => {
    expect(fieldErrors(S.draftInput, {})).toEqual({
      type: 'invalidChoice',
      title: 'required',
      addresseeCourtId: 'invalidChoice',
      facts: 'required',
      violation: 'required',
      recommendationText: 'required',
      legalBasis: 'required',
    });
    expect(fieldErrors(S.draftInput, { ...DRAFT, title: '   ' })).toEqual({ title: 'required' });
    expect(fieldErrors(S.draftInput, { ...DRAFT, type: 'bogus' })).toEqual({ type: 'invalidChoice' });
    expect(fieldErrors(S.commentStep, { id: UUID, version: 1 })).toEqual({ comment: 'required' });
    expect(fieldErrors(S.serveInput, { id: UUID, version: 1 })).toEqual({ servedOn: 'required', method: 'invalidChoice' });
    expect(fieldErrors(S.stepInput, { id: 'not-a-uuid', version: 1 })).toEqual({ id: 'invalidChoice' });
    expect(Object.keys(fieldErrors(S.stepInput, { id: UUID, version: 0 }))).toEqual(['version']);
  });

  it('text at the limit passes; one character more → tooLong', () => {
    expect(S.LIMITS).toMatchObject({ title: 200, longText: 20_000, legalBasis: 5_000, comment: 5_000, courtCaseNumber: 64, escalatedTo: 200 });
    expect(fieldErrors(S.draftInput, { ...DRAFT, title: 't'.repeat(200) })).toEqual({});
    expect(fieldErrors(S.draftInput, { ...DRAFT, title: 't'.repeat(201) })).toEqual({ title: 'tooLong' });
    expect(fieldErrors(S.draftInput, { ...DRAFT, facts: 'f'.repeat(20_000) })).toEqual({});
    expect(fieldErrors(S.draftInput, { ...DRAFT, facts: 'f'.repeat(20_001) })).toEqual({ facts: 'tooLong' });
    expect(fieldErrors(S.draftInput, { ...DRAFT, violation: 'v'.repeat(20_001) })).toEqual({ violation: 'tooLong' });
    expect(fieldErrors(S.draftInput, { ...DRAFT, recommendationText: 'r'.repeat(20_001) })).toEqual({ recommendationText: 'tooLong' });
    expect(fieldErrors(S.draftInput, { ...DRAFT, legalBasis: 'l'.repeat(5_001) })).toEqual({ legalBasis: 'tooLong' });
    expect(fieldErrors(S.draftInput, { ...DRAFT, courtCaseNumber: '（2024）青0103民初' + '1'.repeat(60) + '号' })).toMatchObject({ courtCaseNumber: 'tooLong' });
    expect(fieldErrors(S.commentStep, { id: UUID, version: 1, comment: 'c'.repeat(5_001) })).toEqual({ comment: 'tooLong' });
    expect(fieldErrors(S.escalateInput, { id: UUID, version: 1, escalatedTo: 'e'.repeat(201) })).toEqual({ escalatedTo: 'tooLong' });
    expect(fieldErrors(S.replyInput, { id: UUID, version: 1, adoption: 'adopted', measures: 'm'.repeat(20_001) })).toEqual({ measures: 'tooLong' });
  });

  it("dates: '2023-02-30' → dateInvalid, '2023-2-3' → dateFormat, empty → required", () => {
    const serve = (servedOn: unknown) => fieldErrors(S.serveInput, { id: UUID, version: 1, method: 'written', servedOn });
    expect(serve('2024-02-29')).toEqual({});
    expect(serve('2023-02-30')).toEqual({ servedOn: 'dateInvalid' });
    expect(serve('2023-02-29')).toEqual({ servedOn: 'dateInvalid' });
    expect(serve('2023-13-01')).toEqual({ servedOn: 'dateInvalid' });
    expect(serve('2023-2-3')).toEqual({ servedOn: 'dateFormat' });
    expect(serve('03/02/2026')).toEqual({ servedOn: 'dateFormat' });
    expect(serve('')).toEqual({ servedOn: 'required' });
    expect(fieldErrors(S.signReplyInput, { id: UUID, version: 1, replyOn: '2023-02-30' })).toEqual({ replyOn: 'dateInvalid' });
    expect(fieldErrors(S.approveInput, { id: UUID, version: 1, committeeDecisionOn: '2023-2-3' })).toEqual({ committeeDecisionOn: 'dateFormat' });
    expect(S.approveInput.parse({ id: UUID, version: 1, committeeDecisionOn: '' }).committeeDecisionOn).toBeNull();
  });

  it('court case number format', () => {
    const ccn = (courtCaseNumber: string) => fieldErrors(S.draftInput, { ...DRAFT, courtCaseNumber });
    expect(ccn('(2024)青0103民初123号')).toEqual({});
    expect(ccn('（2022）青0103民初123号')).toEqual({});
    expect(ccn('(2024)青0103执456号')).toEqual({});
    expect(ccn('2024青0103民初123号')).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(ccn('(2024)青0103民初123')).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(ccn('(24)青0103民初123号')).toEqual({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(ccn('')).toEqual({});
    expect(S.draftInput.parse({ ...DRAFT, courtCaseNumber: '' }).courtCaseNumber).toBeNull();
  });

  it('a reply that does not adopt everything must give reasons (path reasons)', () => {
    const reply = (adoption: string, reasons?: string) => fieldErrors(S.replyInput, { id: UUID, version: 1, adoption, measures: '已整改', reasons });
    expect(reply('adopted')).toEqual({});
    expect(reply('partly_adopted')).toEqual({ reasons: 'reasonsRequired' });
    expect(reply('partly_adopted', '   ')).toEqual({ reasons: 'reasonsRequired' });
    expect(reply('not_adopted')).toEqual({ reasons: 'reasonsRequired' });
    expect(reply('partly_adopted', '部分事实不清')).toEqual({});
    expect(reply('maybe')).toMatchObject({ adoption: 'invalidChoice' });
    const r = S.replyInput.safeParse({ id: UUID, version: 1, adoption: 'partly_adopted', measures: '已整改' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues).toEqual([expect.objectContaining({ path: ['reasons'], message: 'reasonsRequired' })]);
  });

  it('period parts: empty or 0 → null, bounded', () => {
    expect(S.draftInput.parse({ ...DRAFT, customPeriodMonths: '1', customPeriodDays: '' })).toMatchObject({ customPeriodMonths: 1, customPeriodDays: null });
    expect(S.draftInput.parse({ ...DRAFT, customPeriodMonths: 0 })).toMatchObject({ customPeriodMonths: null });
    expect(Object.keys(fieldErrors(S.draftInput, { ...DRAFT, customPeriodMonths: 4 }))).toEqual(['customPeriodMonths']);
    expect(Object.keys(fieldErrors(S.draftInput, { ...DRAFT, customPeriodDays: -1 }))).toEqual(['customPeriodDays']);
    expect(Object.keys(fieldErrors(S.draftInput, { ...DRAFT, customPeriodDays: 1.5 }))).toEqual(['customPeriodDays']);
  });

  it('urgent arrives as a checkbox', () => {
    expect(S.draftInput.parse({ ...DRAFT, urgent: 'on' }).urgent).toBe(true);
    expect(S.draftInput.parse({ ...DRAFT, urgent: 'false' }).urgent).toBe(false);
    expect(S.draftInput.parse({ ...DRAFT }).urgent).toBe(false);
  });

  it('the choices of the other steps', () => {
    expect(fieldErrors(S.serveInput, { id: UUID, version: 1, servedOn: '2026-03-02', method: 'email' })).toEqual({ method: 'invalidChoice' });
    expect(fieldErrors(S.upholdInput, { id: UUID, version: 1, comment: 'x', outcome: 'ignore' })).toEqual({ outcome: 'invalidChoice' });
    expect(fieldErrors(S.evaluateInput, { id: UUID, version: 1, rectified: 'maybe', evaluation: 'x' })).toEqual({ rectified: 'invalidChoice' });
    expect(S.evaluateInput.parse({ id: UUID, version: '3', rectified: 'yes', evaluation: 'x' })).toMatchObject({ rectified: true, version: 3 });
  });
});
