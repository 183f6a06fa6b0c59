/**
 * The procurator-general attending the court's adjudication committee (检察长列席审判委员会,
 * DOMAIN.md §2): the meeting's steps as a table, who may see the meeting and its confidential
 * materials, the days until the meeting, and the procuratorate's requests to attend.
 *
 *   scheduled ─notify→ notified ─nameAttendee→ attendee_named ─hold→ held ─recordOutcome→ recorded ─confirm→ confirmed
 *   (court)            (court)   (procuratorate leader; may      (court, once the       (court; may be corrected  (the attendee or a
 *                                 re-name before the meeting)    meeting time came)      until confirmed)          procuratorate leader)
 *   scheduled|notified|attendee_named ─uploadMaterial→ (stays)      court
 *   scheduled|notified|attendee_named ─cancel→ cancelled            court
 *
 * Before notification the meeting is the court's internal business: the procuratorate does not see
 * it at all. Court steps are open to the clerk who scheduled the meeting and to court leaders;
 * procuratorate steps of an "owner" kind to the named attendee and to procuratorate leaders.
 *
 * Requests to attend: pending ─accept→ accepted | ─decline→ declined (court leaders).
 *
 * Pure: the data layer loads the record, asks `decide()`, and writes.
 */
import { CHINA_OFFSET_MS, chinaDate } from '@/lib/domain/dates';
import { daysBetween } from '@/lib/domain/deadlines';
import type { Actor } from '@/lib/domain/roles';
import { canSee, canSeePart, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type BaseDenyCode, type StepDecision, type StepRule, type WorkflowParties } from '@/lib/domain/workflow';
import { MEETING_VISIBILITY, REQUEST_VISIBILITY } from './visibility';

// ---------------------------------------------------------------------------------------------
// Meetings

export const COMMITTEE_STATUSES = ['scheduled', 'notified', 'attendee_named', 'held', 'recorded', 'confirmed', 'cancelled'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

/** States in which the meeting has not taken place yet (it may still be cancelled). */
export const OPEN_STATUSES: readonly CommitteeStatus[] = ['scheduled', 'notified', 'attendee_named'];

/** Why the case is on the agenda (DOMAIN.md §2). */
export const COMMITTEE_TRIGGERS = [
  'acquittal_possible',
  'death_sentence_possible',
  'protested',
  'other_procuratorial',
  'requested',
  'invited',
] as const;
export type CommitteeTrigger = (typeof COMMITTEE_TRIGGERS)[number];

export const COMMITTEE_STEPS = ['notify', 'nameAttendee', 'uploadMaterial', 'hold', 'recordOutcome', 'confirm', 'cancel'] as const;
export type CommitteeStep = (typeof COMMITTEE_STEPS)[number];

const C = ROLE_SETS.court;
const P = ROLE_SETS.procuratorate;
const PL = ROLE_SETS.procuratorateLeader;

export const COMMITTEE_TABLE: Readonly<Record<CommitteeStep, StepRule<CommitteeStatus>>> = {
  notify: { from: ['scheduled'], to: 'notified', side: 'court', roles: C, ownerOrLeader: true, shared: true },
  nameAttendee: { from: ['notified', 'attendee_named'], to: 'attendee_named', side: 'procuratorate', roles: PL, shared: true },
  uploadMaterial: { from: OPEN_STATUSES, side: 'court', roles: C, ownerOrLeader: true, shared: true },
  hold: { from: ['attendee_named'], to: 'held', side: 'court', roles: C, ownerOrLeader: true, shared: true },
  recordOutcome: { from: ['held', 'recorded'], to: 'recorded', side: 'court', roles: C, ownerOrLeader: true, shared: true },
  confirm: { from: ['recorded'], to: 'confirmed', side: 'procuratorate', roles: P, ownerOrLeader: true, shared: true },
  cancel: { from: OPEN_STATUSES, to: 'cancelled', side: 'court', roles: C, ownerOrLeader: true, shared: true },
};

/** What the rules need to know of a meeting, as read from the database. */
export interface MeetingFacts {
  status: CommitteeStatus;
  courtId: string;
  procuratorateId: string;
  /** The court user who scheduled it (owner of the court's steps); null when the actor's side does not see it. */
  createdById: string | null;
  /** The named attendee (owner of the procuratorate's steps). */
  attendeeId: string | null;
  /** When the court notified the procuratorate (it sees the meeting from then on), or null. */
  notifiedAt: Date | null;
  scheduledAt: Date;
}

export type CommitteeDenyCode = BaseDenyCode | 'meetingNotYetDue' | 'meetingPassed';

export type CommitteeDecision = StepDecision<CommitteeStatus, CommitteeDenyCode>;

function parties(m: MeetingFacts, side: 'court' | 'procuratorate'): WorkflowParties<CommitteeStatus> {
  return {
    status: m.status,
    procuratorateId: m.procuratorateId,
    courtId: m.courtId,
    ownerId: side === 'court' ? m.createdById : m.attendeeId,
    visibleTo: sidesSeeing(MEETING_VISIBILITY, m),
  };
}

/** The court always; the procuratorate once notified (before that it does not see the meeting at all). */
export function canViewMeeting(actor: Actor, m: Pick<MeetingFacts, 'courtId' | 'procuratorateId' | 'notifiedAt'>): boolean {
  return canSee(MEETING_VISIBILITY, actor, m);
}

/**
 * The materials are confidential: the court's people who see the meeting; on the procuratorate's
 * side only the named attendee and the procuratorate's leaders.
 */
export function canSeeMaterials(
  actor: Actor,
  m: Pick<MeetingFacts, 'courtId' | 'procuratorateId' | 'notifiedAt' | 'attendeeId'>,
): boolean {
  return canSeePart(MEETING_VISIBILITY, 'materials', actor, m);
}

/** May the actor take this step on this meeting now (`now`: the request's clock)? */
export function decide(actor: Actor, step: CommitteeStep, m: MeetingFacts, now: Date): CommitteeDecision {
  const rule = COMMITTEE_TABLE[step];
  const base = decideStep(actor, rule, parties(m, rule.side));
  if (!base.ok) return base;
  const started = now.getTime() >= m.scheduledAt.getTime();
  switch (step) {
    case 'notify':
    case 'nameAttendee':
      // Nobody can be notified of, or sent to, a meeting that has already begun.
      if (started) return deny('meetingPassed');
      break;
    case 'hold':
      if (!started) return deny('meetingNotYetDue');
      break;
  }
  return base;
}

/** The steps the actor may take now, for "what you may do next". */
export function availableSteps(actor: Actor, m: MeetingFacts, now: Date): CommitteeStep[] {
  return COMMITTEE_STEPS.filter((s) => decide(actor, s, m, now).ok);
}

/** May the actor schedule a meeting of their court's committee? */
export function canSchedule(actor: Actor): boolean {
  return actor.active && actor.institutionKind === 'COURT' && C.includes(actor.role);
}

// ---------------------------------------------------------------------------------------------
// Time: the meeting's date in China, the days until it, the attendee flag

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

export type LocalDateTimeProblem = 'dateFormat' | 'dateInvalid';

/** `YYYY-MM-DDTHH:mm[:ss]` read as China local time; a problem code when malformed or impossible. */
export function parseChinaLocalDateTime(s: string): Date | LocalDateTimeProblem {
  const m = LOCAL_DATE_TIME.exec(s.trim());
  if (!m) return 'dateFormat';
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || sec > 59 || mo < 1 || mo > 12 || d < 1 || y < 1990 || y > 2100) return 'dateInvalid';
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return 'dateInvalid';
  return new Date(utc - CHINA_OFFSET_MS);
}

/** Calendar days from `today` to the meeting's date (negative once it is past; 0 on the day). */
export function daysUntilMeeting(scheduledAt: Date, today: string): number {
  return daysBetween(today, chinaDate(scheduledAt));
}

/** A meeting is flagged when no attendee is named within 1 day before it (and it has not been held or cancelled). */
export const ATTENDEE_FLAG_DAYS = 1;

export function attendeeMissing(m: Pick<MeetingFacts, 'status' | 'attendeeId' | 'scheduledAt'>, today: string): boolean {
  if (m.attendeeId !== null) return false;
  if (m.status !== 'scheduled' && m.status !== 'notified') return false;
  return daysUntilMeeting(m.scheduledAt, today) <= ATTENDEE_FLAG_DAYS;
}

/** Quorum: more than half of the committee's members present. */
export function quorumMet(membersTotal: number, membersPresent: number): boolean {
  return membersTotal > 0 && membersPresent <= membersTotal && membersPresent * 2 > membersTotal;
}

/** Who moves next, for lists. */
export function waitingOn(m: Pick<MeetingFacts, 'status'>): 'court' | 'procuratorate' | null {
  switch (m.status) {
    case 'scheduled':
    case 'attendee_named':
    case 'held':
      return 'court';
    case 'notified':
    case 'recorded':
      return 'procuratorate';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests to attend

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STEPS = ['accept', 'decline'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

export const REQUEST_TABLE: Readonly<Record<RequestStep, StepRule<RequestStatus>>> = {
  accept: { from: ['pending'], to: 'accepted', side: 'court', roles: ROLE_SETS.courtLeader, shared: true },
  decline: { from: ['pending'], to: 'declined', side: 'court', roles: ROLE_SETS.courtLeader, shared: true },
};

export interface RequestFacts {
  status: RequestStatus;
  procuratorateId: string;
  courtId: string;
  requestedById: string;
}

function requestParties(r: RequestFacts): WorkflowParties<RequestStatus> {
  return { status: r.status, procuratorateId: r.procuratorateId, courtId: r.courtId, ownerId: r.requestedById, visibleTo: sidesSeeing(REQUEST_VISIBILITY, r) };
}

/** The requesting procuratorate and the court it is addressed to. */
export function canViewRequest(actor: Actor, r: Pick<RequestFacts, 'procuratorateId' | 'courtId'>): boolean {
  return canSee(REQUEST_VISIBILITY, actor, r);
}

export type RequestDecision = StepDecision<RequestStatus>;

export function decideRequest(actor: Actor, step: RequestStep, r: RequestFacts): RequestDecision {
  return decideStep(actor, REQUEST_TABLE[step], requestParties(r));
}

export function availableRequestSteps(actor: Actor, r: RequestFacts): RequestStep[] {
  return REQUEST_STEPS.filter((s) => decideRequest(actor, s, r).ok);
}

/** A procurator or procuratorate leader may ask to attend. */
export function canRequestAttendance(actor: Actor): boolean {
  return actor.active && actor.institutionKind === 'PROCURATORATE' && P.includes(actor.role);
}
