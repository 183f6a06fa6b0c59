/**
 * Joint meetings and consensus items, checked against tables written out by hand from the brief
 * (issue 10 item 1, decision 0025) rather than derived from the step tables: who may take each
 * meeting step in each state for either host, who may follow up an item, urging only when
 * overdue, and the visibility (the other institution never sees a meeting before the first
 * submission, nor the host's draft), in both readings' domain half; then the schemas.
 */
import { describe, expect, it } from 'vitest';
import {
  availableSteps as itemSteps,
  decide as decideItem,
  canViewConsensusItem,
  overdueDays,
  ownershipFor,
  type ConsensusFacts,
  type ConsensusState,
} from '@/lib/domain/joint-meetings/consensus';
import {
  availableSteps,
  canViewJointMeeting,
  decide,
  newMeeting,
  roleFor,
  type JointMeetingFacts,
  type JointMeetingState,
  type JointMeetingStep,
} from '@/lib/domain/joint-meetings/machine';
import * as S from '@/lib/domain/joint-meetings/schemas';
import { CONSENSUS_ITEM_VISIBILITY, JOINT_MEETING_VISIBILITY } from '@/lib/domain/joint-meetings/visibility';
import type { Actor, InstitutionKind, Role } from '@/lib/domain/roles';
import { hiddenFrom, sidesSeeing } from '@/lib/domain/visibility';
import { COURT, COURT2, makeActor, PROC } from '@/tests/support/actors';

const RECORDER = '30000000-0000-4000-8000-000000000001';
const OWNER = '30000000-0000-4000-8000-000000000002';
const actor = (role: Role, id?: string, institutionId?: string): Actor => makeActor(role, { id, institutionId });

const meeting = (status: JointMeetingState, hostKind: InstitutionKind, sharedAt: string | null = status === 'drafting' ? null : '2026-11-01T00:00:00Z'): JointMeetingFacts => ({
  status,
  procuratorateId: PROC,
  courtId: COURT,
  hostKind,
  createdById: RECORDER,
  sharedAt,
});

describe('meeting steps (hosted by the procuratorate)', () => {
  // 'ok' or the refusal code, for [recorder procurator, other procurator, procuratorate leader, court staff, court leader]
  const WHO = [actor('PROCURATOR', RECORDER), actor('PROCURATOR'), actor('PROCURATORATE_LEADER'), actor('COURT_STAFF'), actor('COURT_LEADER')];
  const T: Record<Exclude<JointMeetingStep, 'record'>, Record<Exclude<JointMeetingState, 'new'>, string[]>> = {
    saveMinutes: {
      drafting: ['ok', 'notOwner', 'ok', 'notVisible', 'notVisible'],
      submitted: ['wrongState', 'notOwner', 'wrongState', 'institution', 'institution'],
      returned: ['ok', 'notOwner', 'ok', 'institution', 'institution'],
      confirmed: ['wrongState', 'notOwner', 'wrongState', 'institution', 'institution'],
    },
    addItem: {
      drafting: ['ok', 'notOwner', 'ok', 'notVisible', 'notVisible'],
      submitted: ['wrongState', 'notOwner', 'wrongState', 'institution', 'institution'],
      returned: ['ok', 'notOwner', 'ok', 'institution', 'institution'],
      confirmed: ['wrongState', 'notOwner', 'wrongState', 'institution', 'institution'],
    },
    submit: {
      drafting: ['ok', 'notOwner', 'ok', 'notVisible', 'notVisible'],
      submitted: ['wrongState', 'notOwner', 'wrongState', 'institution', 'institution'],
      returned: ['ok', 'notOwner', 'ok', 'institution', 'institution'],
      confirmed: ['wrongState', 'notOwner', 'wrongState', 'institution', 'institution'],
    },
    confirm: {
      drafting: ['institution', 'institution', 'institution', 'notVisible', 'notVisible'],
      submitted: ['institution', 'institution', 'institution', 'role', 'ok'],
      returned: ['institution', 'institution', 'institution', 'role', 'wrongState'],
      confirmed: ['institution', 'institution', 'institution', 'role', 'wrongState'],
    },
    return: {
      drafting: ['institution', 'institution', 'institution', 'notVisible', 'notVisible'],
      submitted: ['institution', 'institution', 'institution', 'role', 'ok'],
      returned: ['institution', 'institution', 'institution', 'role', 'wrongState'],
      confirmed: ['institution', 'institution', 'institution', 'role', 'wrongState'],
    },
  };
  for (const [step, byState] of Object.entries(T)) {
    for (const [state, cells] of Object.entries(byState)) {
      it(`${step} in ${state}`, () => {
        const got = WHO.map((a) => {
          const d = decide(a, step as JointMeetingStep, meeting(state as JointMeetingState, 'PROCURATORATE'));
          return d.ok ? 'ok' : d.code;
        });
        expect(got).toEqual(cells);
      });
    }
  }

  it('the same table mirrored when the court hosts', () => {
    const m = meeting('submitted', 'COURT');
    expect(decide(actor('PROCURATORATE_LEADER'), 'confirm', m).ok).toBe(true);
    expect(decide(actor('PROCURATOR'), 'confirm', m)).toMatchObject({ code: 'role' });
    expect(decide(actor('COURT_LEADER'), 'confirm', m)).toMatchObject({ code: 'institution' });
    expect(decide(actor('COURT_STAFF', RECORDER), 'saveMinutes', meeting('drafting', 'COURT')).ok).toBe(true);
    expect(decide(actor('PROCURATORATE_LEADER'), 'saveMinutes', meeting('drafting', 'COURT'))).toMatchObject({ code: 'notVisible' });
  });

  it('record: anyone of either institution, hosting; not the administrator, not an inactive user', () => {
    expect(decide(actor('PROCURATOR'), 'record', newMeeting(actor('PROCURATOR'), COURT))).toMatchObject({ ok: true, to: 'drafting', shared: false });
    expect(decide(actor('COURT_STAFF'), 'record', newMeeting(actor('COURT_STAFF'), PROC)).ok).toBe(true);
    expect(newMeeting(actor('COURT_STAFF'), PROC)).toMatchObject({ hostKind: 'COURT', procuratorateId: PROC, courtId: COURT });
    expect(decide(actor('ADMIN'), 'record', newMeeting(actor('ADMIN'), COURT))).toMatchObject({ ok: false, forbidden: true });
    expect(decide(makeActor('PROCURATOR', { active: false }), 'record', newMeeting(actor('PROCURATOR'), COURT))).toMatchObject({ code: 'inactive' });
  });

  it('drafting steps are internal; submission, confirmation and return are shared', () => {
    const shared = (a: Actor, s: JointMeetingStep, m: JointMeetingFacts) => {
      const d = decide(a, s, m);
      return d.ok ? d.shared : null;
    };
    expect(shared(actor('PROCURATOR', RECORDER), 'saveMinutes', meeting('drafting', 'PROCURATORATE'))).toBe(false);
    expect(shared(actor('PROCURATOR', RECORDER), 'addItem', meeting('drafting', 'PROCURATORATE'))).toBe(false);
    expect(shared(actor('PROCURATOR', RECORDER), 'submit', meeting('drafting', 'PROCURATORATE'))).toBe(true);
    expect(shared(actor('COURT_LEADER'), 'confirm', meeting('submitted', 'PROCURATORATE'))).toBe(true);
    expect(shared(actor('COURT_LEADER'), 'return', meeting('submitted', 'PROCURATORATE'))).toBe(true);
  });

  it('available steps and the viewer role', () => {
    expect(availableSteps(actor('PROCURATOR', RECORDER), meeting('returned', 'PROCURATORATE'))).toEqual(['saveMinutes', 'addItem', 'submit']);
    expect(availableSteps(actor('COURT_LEADER'), meeting('submitted', 'PROCURATORATE'))).toEqual(['confirm', 'return']);
    expect(availableSteps(actor('COURT_LEADER'), meeting('confirmed', 'PROCURATORATE'))).toEqual([]);
    expect(roleFor(actor('COURT_STAFF'), meeting('submitted', 'PROCURATORATE'))).toBe('guest');
    expect(roleFor(actor('PROCURATOR'), meeting('submitted', 'PROCURATORATE'))).toBe('host');
  });
});

describe('visibility (decision 0025)', () => {
  it('the host sees its meeting from the start; the other institution from the first submission', () => {
    const draft = meeting('drafting', 'PROCURATORATE');
    expect(canViewJointMeeting(actor('PROCURATOR'), draft)).toBe(true);
    expect(canViewJointMeeting(actor('COURT_LEADER'), draft)).toBe(false);
    expect(sidesSeeing(JOINT_MEETING_VISIBILITY, draft)).toEqual({ procuratorate: true, court: false });
    const submitted = meeting('submitted', 'PROCURATORATE');
    expect(canViewJointMeeting(actor('COURT_LEADER'), submitted)).toBe(true);
    // Returned minutes stay shared: the court still sees what it returned.
    expect(canViewJointMeeting(actor('COURT_STAFF'), meeting('returned', 'PROCURATORATE'))).toBe(true);
    const courtDraft = meeting('drafting', 'COURT');
    expect(canViewJointMeeting(actor('COURT_STAFF'), courtDraft)).toBe(true);
    expect(canViewJointMeeting(actor('PROCURATORATE_LEADER'), courtDraft)).toBe(false);
    // Another pair, the administrator: never.
    expect(canViewJointMeeting(actor('COURT_LEADER', undefined, COURT2), submitted)).toBe(false);
    expect(canViewJointMeeting(actor('ADMIN'), submitted)).toBe(false);
  });

  it('the working draft of the minutes is never the other institution’s', () => {
    const row = { ...meeting('submitted', 'PROCURATORATE'), minutesDraft: '草稿', minutes: '提交稿' };
    expect(hiddenFrom(JOINT_MEETING_VISIBILITY, actor('COURT_LEADER'), row).fields).toEqual(['minutesDraft']);
    expect(hiddenFrom(JOINT_MEETING_VISIBILITY, actor('PROCURATOR'), row).fields).toEqual([]);
    const courtHosted = { ...row, hostKind: 'COURT' };
    expect(hiddenFrom(JOINT_MEETING_VISIBILITY, actor('PROCURATOR'), courtHosted).fields).toEqual(['minutesDraft']);
    expect(hiddenFrom(JOINT_MEETING_VISIBILITY, actor('COURT_STAFF'), courtHosted).fields).toEqual([]);
  });

  it('an item is seen as the submission that carried it', () => {
    const it0 = { procuratorateId: PROC, courtId: COURT, hostKind: 'PROCURATORATE' as const, sharedAt: null };
    expect(canViewConsensusItem(actor('PROCURATOR'), it0)).toBe(true);
    expect(canViewConsensusItem(actor('COURT_STAFF'), it0)).toBe(false);
    expect(canViewConsensusItem(actor('COURT_STAFF'), { ...it0, sharedAt: '2026-11-02T00:00:00Z' })).toBe(true);
    expect(sidesSeeing(CONSENSUS_ITEM_VISIBILITY, it0)).toEqual({ procuratorate: true, court: false });
  });
});

describe('consensus item steps (owned by the court, meeting hosted by the procuratorate)', () => {
  const item = (status: ConsensusState, dueDate = '2026-12-10'): ConsensusFacts => ({
    status,
    procuratorateId: PROC,
    courtId: COURT,
    hostKind: 'PROCURATORATE',
    sharedAt: '2026-11-01T00:00:00Z',
    ownerKind: 'COURT',
    ownerId: OWNER,
    dueDate,
  });
  const TODAY = '2026-12-01';
  const LATE = '2026-12-11';
  // [owner (court staff), other court staff, court leader, procurator, procuratorate leader]
  const WHO = [actor('COURT_STAFF', OWNER), actor('COURT_STAFF'), actor('COURT_LEADER'), actor('PROCURATOR'), actor('PROCURATORATE_LEADER')];
  const cells = (step: 'agree' | 'start' | 'complete' | 'drop' | 'urge', status: ConsensusState, today = TODAY) =>
    WHO.map((a) => {
      const d = decideItem(a, step, item(status), today);
      return d.ok ? `ok→${d.to}` : d.code;
    });

  it('agree: the meeting’s guest leaders, with the confirmation, from proposed only', () => {
    expect(cells('agree', 'proposed')).toEqual(['role', 'role', 'ok→open', 'institution', 'institution']);
    expect(cells('agree', 'open')).toEqual(['role', 'role', 'wrongState', 'institution', 'institution']);
  });
  it('start: the owner or a leader of the owner institution, from open', () => {
    expect(cells('start', 'open')).toEqual(['ok→in_progress', 'notOwner', 'ok→in_progress', 'institution', 'institution']);
    expect(cells('start', 'in_progress')).toEqual(['wrongState', 'notOwner', 'wrongState', 'institution', 'institution']);
    expect(cells('start', 'proposed')).toEqual(['wrongState', 'notOwner', 'wrongState', 'institution', 'institution']);
  });
  it('complete: the owner or a leader, while open or in progress', () => {
    expect(cells('complete', 'open')).toEqual(['ok→done', 'notOwner', 'ok→done', 'institution', 'institution']);
    expect(cells('complete', 'in_progress')).toEqual(['ok→done', 'notOwner', 'ok→done', 'institution', 'institution']);
    expect(cells('complete', 'done')).toEqual(['wrongState', 'notOwner', 'wrongState', 'institution', 'institution']);
  });
  it('drop: the owner institution’s leaders only', () => {
    expect(cells('drop', 'in_progress')).toEqual(['role', 'role', 'ok→dropped', 'institution', 'institution']);
    expect(cells('drop', 'dropped')).toEqual(['role', 'role', 'wrongState', 'institution', 'institution']);
  });
  it('urge: the other institution, only once overdue (the due day itself is not)', () => {
    expect(cells('urge', 'open', '2026-12-10')).toEqual(['institution', 'institution', 'institution', 'notOverdue', 'notOverdue']);
    expect(cells('urge', 'open', LATE)).toEqual(['institution', 'institution', 'institution', 'ok→open', 'ok→open']);
    expect(cells('urge', 'in_progress', LATE)).toEqual(['institution', 'institution', 'institution', 'ok→in_progress', 'ok→in_progress']);
    expect(cells('urge', 'done', LATE)).toEqual(['institution', 'institution', 'institution', 'wrongState', 'wrongState']);
  });
  it('an item goes overdue the day after its due date, and stops counting when closed', () => {
    expect(overdueDays(item('open'), '2026-12-10')).toBe(0);
    expect(overdueDays(item('open'), '2026-12-11')).toBe(1);
    expect(overdueDays(item('in_progress'), '2026-12-20')).toBe(10);
    expect(overdueDays(item('done'), '2026-12-20')).toBe(0);
    expect(overdueDays(item('proposed'), '2026-12-20')).toBe(0);
    expect(itemSteps(actor('PROCURATOR'), item('open'), LATE)).toEqual(['urge']);
    expect(itemSteps(actor('COURT_STAFF', OWNER), item('open'), LATE)).toEqual(['start', 'complete']);
    expect(ownershipFor(actor('COURT_STAFF'), item('open'))).toBe('own');
    expect(ownershipFor(actor('PROCURATOR'), item('open'))).toBe('other');
  });
  it('an item the other institution does not see yet cannot be urged by it', () => {
    const hidden = { ...item('open'), ownerKind: 'PROCURATORATE' as const, ownerId: OWNER, sharedAt: null };
    expect(decideItem(actor('COURT_STAFF'), 'urge', hidden, LATE)).toMatchObject({ code: 'notVisible' });
  });
});

describe('schemas', () => {
  const U1 = '40000000-0000-4000-8000-000000000001';
  const base = {
    counterpartId: COURT,
    kind: 'symposium',
    title: '座谈会',
    heldOn: '2022-09-21',
    place: '会议室',
    topics: '民事行政检察监督\n\n  执行监督  ',
    guestsProcuratorate: '刘晓明，党组成员、副检察长',
    guestsCourt: '沈浩, 副院长\n刘烈\t执行局局长',
    [`${S.ATTENDEE_PREFIX}${U1}`]: 'on',
    [`${S.ATTENDEE_TITLE_PREFIX}${U1}`]: '检察官',
  };
  it('reads attendees, outsiders and topics from the form', () => {
    const v = S.recordInput.parse(base);
    expect(v.topics).toEqual(['民事行政检察监督', '执行监督']);
    expect(v.attendees).toEqual([{ userId: U1, title: '检察官' }]);
    expect(v.guests).toEqual([
      { side: 'PROCURATORATE', name: '刘晓明', title: '党组成员、副检察长' },
      { side: 'COURT', name: '沈浩', title: '副院长' },
      { side: 'COURT', name: '刘烈', title: '执行局局长' },
    ]);
  });
  const codes = (over: Record<string, unknown>) => {
    const r = S.recordInput.safeParse({ ...base, ...over });
    return r.success ? null : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };
  it('names the field of each problem', () => {
    expect(codes({ heldOn: '2022-02-30' })).toEqual([['heldOn', 'dateInvalid']]);
    expect(codes({ kind: 'party' })).toEqual([['kind', 'invalidChoice']]);
    expect(codes({ place: '' })).toEqual([['place', 'required']]);
    expect(codes({ guestsCourt: '只有名字' })).toEqual([['guestsCourt', 'guestLine']]);
    expect(codes({ [`${S.ATTENDEE_TITLE_PREFIX}${U1}`]: '' })).toEqual([[`${S.ATTENDEE_TITLE_PREFIX}${U1}`, 'required']]);
    expect(codes({ topics: 'x'.repeat(301) })).toEqual([['topics', 'tooLong']]);
    expect(codes({ topics: '' })).toEqual([['topics', 'required']]);
  });
  it('item and step inputs', () => {
    const step = { id: U1, version: '3' };
    expect(S.addItemInput.safeParse({ ...step, area: 'false_litigation', title: '移送线索', ownerId: U1, dueDate: '2026-12-31' }).success).toBe(true);
    expect(S.addItemInput.safeParse({ ...step, area: 'elsewhere', title: '移送线索', ownerId: U1, dueDate: '2026-12-31' }).error?.issues[0]?.path).toEqual(['area']);
    expect(S.completeInput.safeParse({ ...step, outcome: '' }).error?.issues[0]).toMatchObject({ path: ['outcome'], message: 'required' });
    expect(S.returnInput.safeParse({ ...step, reason: '' }).error?.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
    expect(S.minutesInput.safeParse({ ...step, minutes: 'x'.repeat(50_001) }).error?.issues[0]).toMatchObject({ path: ['minutes'], message: 'tooLong' });
  });
});
