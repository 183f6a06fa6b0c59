/**
 * The committee-attendance rules, checked against a matrix written out by hand from DOMAIN.md §2
 * (not derived from COMMITTEE_TABLE): every step × every role, in the states it starts from and in
 * states outside it; who sees the meeting and its confidential materials; the days until the
 * meeting and the attendee flag; quorum; the requests to attend; the input schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ZodError, ZodType } from 'zod';
import { chinaDate, chinaLocalDateTime } from '@/lib/domain/dates';
import {
  attendeeMissing,
  availableRequestSteps,
  availableSteps,
  canRequestAttendance,
  canSchedule,
  canSeeMaterials,
  canViewMeeting,
  canViewRequest,
  COMMITTEE_STATUSES,
  COMMITTEE_STEPS,
  COMMITTEE_TABLE,
  daysUntilMeeting,
  decide,
  decideRequest,
  parseChinaLocalDateTime,
  quorumMet,
  REQUEST_STATUSES,
  REQUEST_STEPS,
  waitingOn,
  type CommitteeStatus,
  type CommitteeStep,
  type MeetingFacts,
  type RequestFacts,
  type RequestStatus,
  type RequestStep,
} from '@/lib/domain/committee/machine';
import * as S from '@/lib/domain/committee/schemas';
import { ROLES, type Actor, type Role } from '@/lib/domain/roles';
import { PROC, COURT, PROC2, COURT2, makeActor, type ActorOptions } from '@/tests/support/actors';

// ---------------------------------------------------------------------------------------------
// Fixtures


/** The clerk who scheduled the meeting (court staff in the matrix act as this clerk). */
const CLERK = '10000000-0000-4000-8000-000000000001';
/** The named attendee (procurators in the matrix act as the attendee, to reach the "owner" rule). */
const ATTENDEE = '10000000-0000-4000-8000-000000000002';
const OTHER = '10000000-0000-4000-8000-000000000003';

const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts, { COURT_STAFF: CLERK, PROCURATOR: ATTENDEE });

/** The meeting: 3 December 2026, 09:30 in China. */
const AT = new Date('2026-12-03T01:30:00.000Z');
const BEFORE = new Date('2026-11-27T02:00:00.000Z');
const AFTER = new Date('2026-12-03T06:00:00.000Z');
/** When the court notified the procuratorate (every state after 'scheduled'). */
const NOTIFIED_AT = new Date('2026-11-26T07:00:00.000Z');

function facts(status: CommitteeStatus, over: Partial<MeetingFacts> = {}): MeetingFacts {
  return {
    status,
    courtId: COURT,
    procuratorateId: PROC,
    createdById: CLERK,
    attendeeId: ['scheduled', 'notified'].includes(status) ? null : ATTENDEE,
    notifiedAt: status !== 'scheduled' ? NOTIFIED_AT : null,
    scheduledAt: AT,
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// The expected matrix, by hand

const PR: Role = 'PROCURATOR';
const PL: Role = 'PROCURATORATE_LEADER';
const CS: Role = 'COURT_STAFF';
const CL: Role = 'COURT_LEADER';

interface Row {
  side: 'procuratorate' | 'court';
  roles: Role[];
  from: CommitteeStatus[];
  outside: CommitteeStatus[];
  to: CommitteeStatus | 'same';
  shared: boolean;
  /** Non-leaders only on their own meetings: the clerk who scheduled it (court) / the attendee (procuratorate). */
  ownerOnly: boolean;
  /** The clock at which the step is tried. */
  now: Date;
}

const OPEN: CommitteeStatus[] = ['scheduled', 'notified', 'attendee_named'];

const EXPECTED: Record<CommitteeStep, Row> = {
  notify: { side: 'court', roles: [CS, CL], from: ['scheduled'], outside: ['notified', 'attendee_named', 'cancelled', 'held'], to: 'notified', shared: true, ownerOnly: true, now: BEFORE },
  nameAttendee: { side: 'procuratorate', roles: [PL], from: ['notified', 'attendee_named'], outside: ['held', 'recorded', 'confirmed', 'cancelled'], to: 'attendee_named', shared: true, ownerOnly: false, now: BEFORE },
  uploadMaterial: { side: 'court', roles: [CS, CL], from: OPEN, outside: ['held', 'recorded', 'confirmed', 'cancelled'], to: 'same', shared: true, ownerOnly: true, now: BEFORE },
  hold: { side: 'court', roles: [CS, CL], from: ['attendee_named'], outside: ['notified', 'held', 'recorded', 'cancelled'], to: 'held', shared: true, ownerOnly: true, now: AFTER },
  recordOutcome: { side: 'court', roles: [CS, CL], from: ['held', 'recorded'], outside: ['attendee_named', 'confirmed', 'cancelled'], to: 'recorded', shared: true, ownerOnly: true, now: AFTER },
  confirm: { side: 'procuratorate', roles: [PR, PL], from: ['recorded'], outside: ['held', 'confirmed', 'attendee_named'], to: 'confirmed', shared: true, ownerOnly: true, now: AFTER },
  cancel: { side: 'court', roles: [CS, CL], from: OPEN, outside: ['held', 'recorded', 'confirmed', 'cancelled'], to: 'cancelled', shared: true, ownerOnly: true, now: BEFORE },
};

type Expect = { ok: true; to: CommitteeStatus; shared: boolean } | { ok: false; code: string; forbidden: boolean };

const ROLE_SIDE: Record<Role, 'procuratorate' | 'court' | null> = {
  PROCURATOR: 'procuratorate',
  PROCURATORATE_LEADER: 'procuratorate',
  COURT_STAFF: 'court',
  COURT_LEADER: 'court',
  ADMIN: null,
};

function expected(step: CommitteeStep, role: Role, status: CommitteeStatus): Expect {
  const row = EXPECTED[step];
  const side = ROLE_SIDE[role];
  const no = (code: string, forbidden: boolean): Expect => ({ ok: false, code, forbidden });
  if (side === null) return no('notVisible', true);
  if (side === 'procuratorate' && status === 'scheduled') return no('notVisible', true); // not notified yet
  if (side !== row.side) return no('institution', true);
  if (!row.roles.includes(role)) return no('role', true);
  if (!row.from.includes(status)) return no('wrongState', false);
  return { ok: true, to: row.to === 'same' ? status : row.to, shared: row.shared };
}

describe('the matrix covers every step and state', () => {
  it('EXPECTED has a row for exactly the steps of the table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...COMMITTEE_STEPS].sort());
    expect(Object.keys(COMMITTEE_TABLE).sort()).toEqual([...COMMITTEE_STEPS].sort());
  });
  it('the statuses are the seven of the flow', () => {
    expect([...COMMITTEE_STATUSES].sort()).toEqual(['attendee_named', 'cancelled', 'confirmed', 'held', 'notified', 'recorded', 'scheduled']);
  });
  it('states tried outside `from` are really outside it', () => {
    for (const [step, row] of Object.entries(EXPECTED)) for (const s of row.outside) expect(row.from, `${step} ${s}`).not.toContain(s);
  });
});

describe('every step × every role × its states', () => {
  for (const step of COMMITTEE_STEPS) {
    const row = EXPECTED[step];
    describe(step, () => {
      for (const role of ROLES) {
        it(`${role}: ${row.roles.includes(role) ? `allowed from ${row.from.join('|')}` : 'forbidden'}`, () => {
          for (const status of [...row.from, ...row.outside]) {
            expect(decide(actor(role), step, facts(status), row.now), `${step} by ${role} in ${status}`).toEqual(expected(step, role, status));
          }
        });
      }
      it('an administrator of either institution kind is refused', () => {
        for (const kind of ['COURT', 'PROCURATORATE'] as const) {
          for (const status of row.from) {
            expect(decide(actor('ADMIN', { kind }), step, facts(status), row.now)).toEqual({ ok: false, code: 'notVisible', forbidden: true });
          }
        }
      });
      it('a deactivated actor is refused with inactive', () => {
        for (const role of ROLES) {
          for (const status of row.from) expect(decide(actor(role, { active: false }), step, facts(status), row.now)).toEqual({ ok: false, code: 'inactive', forbidden: true });
        }
      });
      it('another procuratorate and another court never see the meeting', () => {
        for (const status of row.from) {
          for (const a of [actor(PR, { institutionId: PROC2 }), actor(PL, { institutionId: PROC2 }), actor(CS, { institutionId: COURT2 }), actor(CL, { institutionId: COURT2 })]) {
            expect(decide(a, step, facts(status), row.now), `${a.role} ${status}`).toEqual({ ok: false, code: 'notVisible', forbidden: true });
          }
        }
      });
      const nonLeader = row.side === 'court' ? CS : PR;
      if (row.roles.includes(nonLeader)) {
        it(row.ownerOnly ? `a ${nonLeader} who is not the owner is refused (notOwner); a leader is not` : `any ${nonLeader} may`, () => {
          for (const status of row.from) {
            const got = decide(actor(nonLeader, { id: OTHER }), step, facts(status), row.now);
            if (row.ownerOnly) expect(got).toEqual({ ok: false, code: 'notOwner', forbidden: true });
            else expect(got.ok).toBe(true);
            expect(decide(actor(row.side === 'court' ? CL : PL, { id: OTHER }), step, facts(status), row.now).ok).toBe(true);
          }
        });
      }
    });
  }
});

describe('the clock', () => {
  it('notify and nameAttendee are refused once the meeting has begun (meetingPassed, not forbidden)', () => {
    expect(decide(actor(CS), 'notify', facts('scheduled'), AT)).toEqual({ ok: false, code: 'meetingPassed', forbidden: false });
    expect(decide(actor(CS), 'notify', facts('scheduled'), new Date(AT.getTime() - 60_000)).ok).toBe(true);
    expect(decide(actor(PL), 'nameAttendee', facts('notified'), AFTER)).toEqual({ ok: false, code: 'meetingPassed', forbidden: false });
  });
  it('hold is refused before the meeting time (meetingNotYetDue), allowed from that minute on', () => {
    expect(decide(actor(CL), 'hold', facts('attendee_named'), BEFORE)).toEqual({ ok: false, code: 'meetingNotYetDue', forbidden: false });
    expect(decide(actor(CL), 'hold', facts('attendee_named'), AT)).toEqual({ ok: true, to: 'held', shared: true });
  });
  it('a forbidden actor learns nothing about the clock', () => {
    expect(decide(actor(PR), 'hold', facts('attendee_named'), BEFORE)).toEqual({ ok: false, code: 'institution', forbidden: true });
  });
  it('availableSteps lists what the actor may do now', () => {
    expect(availableSteps(actor(CS), facts('scheduled'), BEFORE)).toEqual(['notify', 'uploadMaterial', 'cancel']);
    expect(availableSteps(actor(CS, { id: OTHER }), facts('scheduled'), BEFORE)).toEqual([]);
    expect(availableSteps(actor(PL), facts('notified'), BEFORE)).toEqual(['nameAttendee']);
    expect(availableSteps(actor(PR, { id: OTHER }), facts('notified'), BEFORE)).toEqual([]);
    expect(availableSteps(actor(CL), facts('attendee_named'), AFTER)).toEqual(['uploadMaterial', 'hold', 'cancel']);
    expect(availableSteps(actor(PL), facts('recorded'), AFTER)).toEqual(['confirm']);
    expect(availableSteps(actor(PL), facts('confirmed'), AFTER)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Visibility and confidential materials

describe('who sees the meeting', () => {
  it('the court always; the procuratorate from notification on; nobody else', () => {
    for (const status of COMMITTEE_STATUSES) {
      for (const notified of [false, true]) {
        const m = facts(status, { notifiedAt: notified ? NOTIFIED_AT : null });
        expect(canViewMeeting(actor(CS), m)).toBe(true);
        expect(canViewMeeting(actor(CL, { id: OTHER }), m)).toBe(true);
        expect(canViewMeeting(actor(PR), m)).toBe(notified);
        expect(canViewMeeting(actor(PL), m)).toBe(notified);
        expect(canViewMeeting(actor('ADMIN'), m)).toBe(false);
        expect(canViewMeeting(actor(CS, { institutionId: COURT2 }), m)).toBe(false);
        expect(canViewMeeting(actor(PL, { institutionId: PROC2 }), m)).toBe(false);
      }
    }
  });
  it('a meeting cancelled before notification stays invisible to the procuratorate', () => {
    expect(canViewMeeting(actor(PL), facts('cancelled', { notifiedAt: null }))).toBe(false);
  });
});

describe('canSeeMaterials', () => {
  const m = facts('attendee_named');
  const table: [string, Actor, boolean][] = [
    ['the clerk', actor(CS), true],
    ['another court staff member', actor(CS, { id: OTHER }), true],
    ['a court leader', actor(CL), true],
    ['the named attendee', actor(PL, { id: ATTENDEE }), true],
    ['a procuratorate leader not named', actor(PL, { id: OTHER }), true],
    ['a procurator not named', actor(PR, { id: OTHER }), false],
    ['the administrator', actor('ADMIN'), false],
    ['another court', actor(CL, { institutionId: COURT2 }), false],
    ['another procuratorate’s leader', actor(PL, { institutionId: PROC2 }), false],
    ['a deactivated leader', actor(PL, { active: false }), false],
  ];
  for (const [who, a, ok] of table) it(`${who}: ${ok ? 'yes' : 'no'}`, () => expect(canSeeMaterials(a, m)).toBe(ok));
  it('a procurator who is the attendee of record may see them', () => {
    expect(canSeeMaterials(actor(PR, { id: ATTENDEE }), m)).toBe(true);
  });
  it('before notification nobody at the procuratorate, not even its leaders', () => {
    expect(canSeeMaterials(actor(PL), facts('scheduled'))).toBe(false);
    expect(canSeeMaterials(actor(CS), facts('scheduled'))).toBe(true);
  });
  it('before an attendee is named only the leaders', () => {
    const n = facts('notified');
    expect(canSeeMaterials(actor(PL), n)).toBe(true);
    expect(canSeeMaterials(actor(PR, { id: ATTENDEE }), n)).toBe(false);
  });
});

describe('who may create', () => {
  it('court staff and leaders schedule; procurators and leaders ask to attend', () => {
    const expectSchedule: Record<Role, boolean> = { PROCURATOR: false, PROCURATORATE_LEADER: false, COURT_STAFF: true, COURT_LEADER: true, ADMIN: false };
    const expectRequest: Record<Role, boolean> = { PROCURATOR: true, PROCURATORATE_LEADER: true, COURT_STAFF: false, COURT_LEADER: false, ADMIN: false };
    for (const role of ROLES) {
      expect(canSchedule(actor(role)), role).toBe(expectSchedule[role]);
      expect(canRequestAttendance(actor(role)), role).toBe(expectRequest[role]);
      expect(canSchedule(actor(role, { active: false }))).toBe(false);
      expect(canRequestAttendance(actor(role, { active: false }))).toBe(false);
    }
    expect(canSchedule(actor('ADMIN', { kind: 'COURT' }))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Time, flags, quorum

describe('days until the meeting and the attendee flag', () => {
  it('counts calendar days to the meeting’s date in China', () => {
    expect(chinaDate(AT)).toBe('2026-12-03');
    expect(daysUntilMeeting(AT, '2026-11-27')).toBe(6);
    expect(daysUntilMeeting(AT, '2026-12-03')).toBe(0);
    expect(daysUntilMeeting(AT, '2026-12-05')).toBe(-2);
    // 23:30 UTC on 2 December is already 3 December in China.
    expect(daysUntilMeeting(new Date('2026-12-02T23:30:00Z'), '2026-12-02')).toBe(1);
  });
  it('flags a meeting without attendee from 1 day before it (not held, not cancelled)', () => {
    const cases: [CommitteeStatus, string | null, string, boolean][] = [
      ['notified', null, '2026-12-01', false], // 2 days before
      ['notified', null, '2026-12-02', true], // 1 day before
      ['notified', null, '2026-12-03', true], // the day itself
      ['notified', null, '2026-12-04', true], // past and still without attendee
      ['scheduled', null, '2026-12-02', true], // not even notified
      ['attendee_named', ATTENDEE, '2026-12-02', false],
      ['cancelled', null, '2026-12-02', false],
      ['held', null, '2026-12-04', false],
    ];
    for (const [status, attendeeId, today, flag] of cases) {
      expect(attendeeMissing({ status, attendeeId, scheduledAt: AT }, today), `${status} ${today}`).toBe(flag);
    }
  });
  it('waitingOn tells who moves next', () => {
    const w: Record<CommitteeStatus, string | null> = {
      scheduled: 'court',
      notified: 'procuratorate',
      attendee_named: 'court',
      held: 'court',
      recorded: 'procuratorate',
      confirmed: null,
      cancelled: null,
    };
    for (const s of COMMITTEE_STATUSES) expect(waitingOn({ status: s }), s).toBe(w[s]);
  });
});

describe('quorum: more than half of the members present', () => {
  it.each([
    [13, 7, true],
    [13, 6, false],
    [12, 6, false],
    [12, 7, true],
    [1, 1, true],
    [5, 6, false],
    [0, 0, false],
  ])('%i members, %i present → %s', (total, present, ok) => expect(quorumMet(total, present)).toBe(ok));
});

describe('China local date-time', () => {
  it('reads YYYY-MM-DDTHH:mm as UTC+8 and writes it back', () => {
    const d = parseChinaLocalDateTime('2026-12-03T09:30');
    expect(d).toEqual(AT);
    expect(chinaLocalDateTime(AT)).toBe('2026-12-03T09:30');
    expect(parseChinaLocalDateTime('2026-12-03 09:30:00')).toEqual(AT);
  });
  it('rejects malformed and impossible values with a code', () => {
    expect(parseChinaLocalDateTime('2026/12/03 09:30')).toBe('dateFormat');
    expect(parseChinaLocalDateTime('2026-12-03')).toBe('dateFormat');
    expect(parseChinaLocalDateTime('2026-02-30T09:30')).toBe('dateInvalid');
    expect(parseChinaLocalDateTime('2026-12-03T24:00')).toBe('dateInvalid');
    expect(parseChinaLocalDateTime('2026-13-01T09:00')).toBe('dateInvalid');
  });
});

// ---------------------------------------------------------------------------------------------
// Requests to attend

const REQ_EXPECTED: Record<RequestStep, { roles: Role[]; to: RequestStatus }> = {
  accept: { roles: [CL], to: 'accepted' },
  decline: { roles: [CL], to: 'declined' },
};

function request(status: RequestStatus): RequestFacts {
  return { status, procuratorateId: PROC, courtId: COURT, requestedById: ATTENDEE };
}

describe('requests to attend', () => {
  it('REQ_EXPECTED covers the steps', () => expect(Object.keys(REQ_EXPECTED).sort()).toEqual([...REQUEST_STEPS].sort()));
  for (const step of REQUEST_STEPS) {
    for (const role of ROLES) {
      it(`${step} by ${role}`, () => {
        for (const status of REQUEST_STATUSES) {
          const got = decideRequest(actor(role), step, request(status));
          const side = ROLE_SIDE[role];
          let want: Expect;
          if (side === null) want = { ok: false, code: 'notVisible', forbidden: true };
          else if (side !== 'court') want = { ok: false, code: 'institution', forbidden: true };
          else if (!REQ_EXPECTED[step].roles.includes(role)) want = { ok: false, code: 'role', forbidden: true };
          else if (status !== 'pending') want = { ok: false, code: 'wrongState', forbidden: false };
          else want = { ok: true, to: REQ_EXPECTED[step].to as never, shared: true };
          expect(got, `${step} ${role} ${status}`).toEqual(want);
        }
      });
    }
  }
  it('both institutions see the request; others do not', () => {
    for (const role of ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'] as const) expect(canViewRequest(actor(role, { id: OTHER }), request('pending'))).toBe(true);
    expect(canViewRequest(actor('ADMIN'), request('pending'))).toBe(false);
    expect(canViewRequest(actor(CL, { institutionId: COURT2 }), request('pending'))).toBe(false);
    expect(canViewRequest(actor(PR, { institutionId: PROC2 }), request('pending'))).toBe(false);
  });
  it('availableRequestSteps', () => {
    expect(availableRequestSteps(actor(CL), request('pending'))).toEqual(['accept', 'decline']);
    expect(availableRequestSteps(actor(CS), request('pending'))).toEqual([]);
    expect(availableRequestSteps(actor(CL), request('accepted'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Input schemas

function codes(schema: ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries((r.error as ZodError).issues.map((i) => [i.path.join('.'), i.message]));
}

describe('scheduleInput', () => {
  const ok = {
    procuratorateId: PROC,
    scheduledAt: '2026-12-03T09:30',
    location: '审判委员会会议室',
    'items.0.courtCaseNumber': '(2025)青0103民初4410号',
    'items.0.title': '周某某与韩某某房屋租赁合同纠纷再审案',
    'items.0.trigger': 'protested',
    'items.3.courtCaseNumber': '(2024)青0103民初2890号',
    'items.3.title': '陈某某与西宁康泰养老服务有限公司服务合同纠纷',
    'items.3.trigger': 'other_procuratorial',
  };
  it('collects flat form rows in order of their number', () => {
    const r = S.scheduleInput.parse(ok);
    expect(r.scheduledAt).toEqual(AT);
    expect(r.items.map((i) => i.courtCaseNumber)).toEqual(['(2025)青0103民初4410号', '(2024)青0103民初2890号']);
    expect(r.files).toEqual([]);
  });
  it('accepts nested items too', () => {
    expect(S.scheduleInput.parse({ procuratorateId: PROC, scheduledAt: '2026-12-03T09:30', location: 'x', items: [{ courtCaseNumber: '(2025)青0103民初1号', title: 't', trigger: 'invited' }] }).items).toHaveLength(1);
  });
  it('names the field of each problem', () => {
    expect(codes(S.scheduleInput, { ...ok, scheduledAt: '2026-02-30T09:30' })).toEqual({ scheduledAt: 'dateInvalid' });
    expect(codes(S.scheduleInput, { ...ok, scheduledAt: 'tomorrow' })).toEqual({ scheduledAt: 'dateFormat' });
    expect(codes(S.scheduleInput, { ...ok, location: ' ' })).toEqual({ location: 'required' });
    expect(codes(S.scheduleInput, { ...ok, location: 'x'.repeat(201) })).toEqual({ location: 'tooLong' });
    expect(codes(S.scheduleInput, { ...ok, procuratorateId: 'abc' })).toEqual({ procuratorateId: 'invalidChoice' });
    expect(codes(S.scheduleInput, { ...ok, 'items.0.courtCaseNumber': '2025民初4410' })).toEqual({ 'items.0.courtCaseNumber': 'courtCaseNumberFormat' });
    expect(codes(S.scheduleInput, { ...ok, 'items.3.trigger': 'bribed' })).toEqual({ 'items.1.trigger': 'invalidChoice' });
    expect(codes(S.scheduleInput, { ...ok, 'items.5.courtCaseNumber': '', 'items.5.title': '', 'items.5.trigger': 'protested' })).toEqual({
      'items.2.courtCaseNumber': 'required',
      'items.2.title': 'required',
    });
    const none = Object.fromEntries(Object.entries(ok).filter(([k]) => !k.startsWith('items.')));
    expect(codes(S.scheduleInput, none)).toEqual({ items: 'agendaRequired' });
  });
});

describe('step schemas', () => {
  const id = '30000000-0000-4000-8000-000000000001';
  it('outcome: members are whole numbers, total at least 1; chair and minutes required', () => {
    expect(codes(S.outcomeInput, { id, version: 1, membersTotal: '13', membersPresent: '9', chairName: '王建国', minutes: '…' })).toEqual({});
    expect(codes(S.outcomeInput, { id, version: 1, membersTotal: '', membersPresent: '9', chairName: '王建国', minutes: '…' })).toEqual({ membersTotal: 'required' });
    expect(codes(S.outcomeInput, { id, version: 1, membersTotal: '0', membersPresent: '0', chairName: '', minutes: '' })).toEqual({
      membersTotal: 'invalid',
      chairName: 'required',
      minutes: 'required',
    });
    expect(codes(S.outcomeInput, { id, version: 1, membersTotal: '12.5', membersPresent: '9', chairName: 'x', minutes: 'y' })).toEqual({ membersTotal: 'invalid' });
  });
  it('outcome items: an opinion and a decision for every agenda position', () => {
    const r = S.outcomeItems({ 'opinion.1': '建议再审', 'decision.1': '裁定再审', 'opinion.2': '', 'decision.2': 'x'.repeat(5001) }, [1, 2]);
    expect(r.issues).toEqual([
      { field: 'opinion.2', code: 'required' },
      { field: 'decision.2', code: 'tooLong' },
    ]);
    expect(r.items[0]).toEqual({ position: 1, attendeeOpinion: '建议再审', decision: '裁定再审' });
  });
  it('answer: a decline needs reasons and links no meeting', () => {
    expect(codes(S.answerInput, { id, version: 1, step: 'decline', answer: '' })).toEqual({ answer: 'required' });
    expect(codes(S.answerInput, { id, version: 1, step: 'decline', answer: '理由', meetingId: id })).toEqual({ meetingId: 'invalidChoice' });
    expect(codes(S.answerInput, { id, version: 1, step: 'accept', answer: '', meetingId: '' })).toEqual({});
    expect(codes(S.answerInput, { id, version: 1, step: 'ignore' })).toEqual({ step: 'invalidChoice' });
  });
  it('request: court case number format, reason required, optional case', () => {
    expect(codes(S.requestInput, { courtId: COURT, courtCaseNumber: '(2025)青0103民初4410号', reason: '抗诉案件', caseId: '' })).toEqual({});
    expect(codes(S.requestInput, { courtId: COURT, courtCaseNumber: 'abc', reason: '' })).toEqual({ courtCaseNumber: 'courtCaseNumberFormat', reason: 'required' });
  });
  it('cancel needs a reason; nameAttendee an id', () => {
    expect(codes(S.cancelInput, { id, version: 2, reason: '' })).toEqual({ reason: 'required' });
    expect(codes(S.nameAttendeeInput, { id, version: 2, attendeeId: '' })).toEqual({ attendeeId: 'invalidChoice' });
    expect(codes(S.stepInput, { id, version: 'x' })).toEqual({ version: 'invalid' });
  });
});
