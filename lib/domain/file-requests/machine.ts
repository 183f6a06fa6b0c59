/**
 * File requests (调卷, DOMAIN.md §7): the procuratorate asks the court for a case file or part of
 * it — the court case number, what is needed, why, by when. The court answers with documents, a
 * partial answer (documents and the reasons for what is missing) or a refusal with reasons.
 *
 *   (new) ─create→ draft ─send→ sent ─answer→ answered ─┐
 *                    │            ├─answerPartially→ partial ─┼─close→ closed
 *                    │            ├─refuse→ refused ─┘
 *                    │            └─withdraw→ withdrawn
 *                    └─discard→ withdrawn (never sent: the court never sees it)
 *   draft: edit (internal); sent and due or overdue: urge (recorded, no state change)
 *
 * The due date is the one the procurator asks for, or by default `FILE_REQUEST_PERIOD` (15 days,
 * the institutions' working agreement, not a statute) counted from the day it is sent with the
 * holiday calendar. Overdue is derived from the due date and today, never stored. The response
 * time is the calendar days from sending to the court's answer.
 *
 * Pure: the data layer loads the record, asks `decide()`, and writes.
 */
import { toEpochDay } from '@/lib/domain/dates';
import { daysOverdue, dueDateForRule, type Calendar, type PeriodId } from '@/lib/domain/deadlines';
import type { Actor } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type StepDecision, type StepRule } from '@/lib/domain/workflow';
import { FILE_REQUEST_VISIBILITY } from './visibility';

export const FILE_REQUEST_STATUSES = ['draft', 'sent', 'answered', 'partial', 'refused', 'withdrawn', 'closed'] as const;
export type FileRequestStatus = (typeof FILE_REQUEST_STATUSES)[number];

/** The states the court may see a request in (a draft never). */
export const COURT_STATUSES: readonly FileRequestStatus[] = FILE_REQUEST_STATUSES.filter((s) => s !== 'draft');

/** The court has answered, the procuratorate has not acknowledged it yet: "answers to read". */
export const ANSWER_STATUSES = ['answered', 'partial', 'refused'] as const satisfies readonly FileRequestStatus[];

/** `new` stands for a record not written yet: the state `create` starts from. */
export type FileRequestState = 'new' | FileRequestStatus;

export const FILE_REQUEST_STEPS = ['create', 'edit', 'send', 'discard', 'withdraw', 'urge', 'answer', 'answerPartially', 'refuse', 'close'] as const;
export type FileRequestStep = (typeof FILE_REQUEST_STEPS)[number];

/** The court's three ways of answering (one form, three buttons). */
export const ANSWER_STEPS = ['answer', 'answerPartially', 'refuse'] as const satisfies readonly FileRequestStep[];
export type AnswerStep = (typeof ANSWER_STEPS)[number];

/** The default period for the court's answer. */
export const FILE_REQUEST_PERIOD: PeriodId = 'fileRequest.answer';

/**
 * The table of steps. Drafting is the procuratorate's internal work (create, edit, discard: the
 * court never sees those events); everything from sending on is shared. Procurators act only on
 * the requests they drafted, the procuratorate's leaders on any of their institution's.
 */
export const STEP_RULES: Readonly<Record<FileRequestStep, StepRule<FileRequestState>>> = {
  create: { from: ['new'], to: 'draft', side: 'procuratorate', roles: ROLE_SETS.procuratorate, shared: false },
  edit: { from: ['draft'], side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: false },
  send: { from: ['draft'], to: 'sent', side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: true },
  discard: { from: ['draft'], to: 'withdrawn', side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: false },
  withdraw: { from: ['sent'], to: 'withdrawn', side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: true },
  urge: { from: ['sent'], side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: true },
  answer: { from: ['sent'], to: 'answered', side: 'court', roles: ROLE_SETS.court, shared: true },
  answerPartially: { from: ['sent'], to: 'partial', side: 'court', roles: ROLE_SETS.court, shared: true },
  refuse: { from: ['sent'], to: 'refused', side: 'court', roles: ROLE_SETS.court, shared: true },
  close: { from: [...ANSWER_STATUSES], to: 'closed', side: 'procuratorate', roles: ROLE_SETS.procuratorate, ownerOrLeader: true, shared: true },
};

/** What the machine needs to know of a request, as read from the database (column names). */
export interface FileRequestFacts {
  status: FileRequestState;
  procuratorateId: string;
  courtId: string;
  /** The procurator who drafted it (null before it exists, and for the court: hidden). */
  createdById: string | null;
  /** YYYY-MM-DD once sent. */
  sentOn: string | null;
  /** YYYY-MM-DD once sent. */
  dueDate: string | null;
}

export type FileRequestDenyCode = 'notDue';
export type FileRequestDecision = StepDecision<FileRequestState, FileRequestDenyCode>;

/** The parties of a new request, for asking whether `actor` may draft one to `courtId`. */
export function newFileRequest(actor: Actor, courtId: string): FileRequestFacts {
  return { status: 'new', procuratorateId: actor.institutionId, courtId, createdById: null, sentOn: null, dueDate: null };
}

/** Days the answer is overdue on `today` (0 unless the request still waits for it). */
export function overdueDays(rec: Pick<FileRequestFacts, 'status' | 'dueDate'>, today: string): number {
  if (rec.status !== 'sent' || !rec.dueDate) return 0;
  return daysOverdue(rec.dueDate, today);
}

/** Is the answer due today or overdue (when the procuratorate may urge)? */
export function dueOrOverdue(rec: Pick<FileRequestFacts, 'status' | 'dueDate'>, today: string): boolean {
  return rec.status === 'sent' && rec.dueDate !== null && rec.dueDate <= today;
}

/** May the actor see this request? (FILE_REQUEST_VISIBILITY) */
export function canViewFileRequest(actor: Actor, rec: Pick<FileRequestFacts, 'procuratorateId' | 'courtId' | 'sentOn'>): boolean {
  return canSee(FILE_REQUEST_VISIBILITY, actor, rec);
}

export function decide(actor: Actor, step: FileRequestStep, rec: FileRequestFacts, today: string): FileRequestDecision {
  const base = decideStep(actor, STEP_RULES[step], {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    ownerId: rec.createdById,
    // A request not yet written is the drafting side's own.
    visibleTo: rec.status === 'new' ? { procuratorate: true, court: false } : sidesSeeing(FILE_REQUEST_VISIBILITY, rec),
  });
  if (!base.ok) return base;
  if (step === 'urge' && !dueOrOverdue(rec, today)) return deny<FileRequestDenyCode>('notDue');
  return base;
}

/** The steps on an existing request the actor may take now, for "what you may do next". */
export function availableSteps(actor: Actor, rec: FileRequestFacts, today: string): FileRequestStep[] {
  return FILE_REQUEST_STEPS.filter((s) => s !== 'create' && decide(actor, s, rec, today).ok);
}

/** The default due date: 15 days from the day the request is sent, rolled past rest days. */
export function defaultDueDate(sentOn: string, calendar?: Calendar): string {
  return dueDateForRule(FILE_REQUEST_PERIOD, sentOn, { calendar });
}

/**
 * The due date a request is sent with: the one asked for, which must lie after the day it is
 * sent (`dueDatePast` otherwise), or the default period's.
 */
export function dueDateAtSending(requested: string | null, sentOn: string, calendar?: Calendar): { ok: true; dueDate: string } | { ok: false; code: 'dueDatePast' } {
  if (requested === null) return { ok: true, dueDate: defaultDueDate(sentOn, calendar) };
  if (requested <= sentOn) return { ok: false, code: 'dueDatePast' };
  return { ok: true, dueDate: requested };
}

/** A due date asked for while drafting: blank, or after today. */
export function requestedDueDateProblem(requested: string | null, today: string): 'dueDatePast' | null {
  return requested !== null && requested <= today ? 'dueDatePast' : null;
}

/** The response time: calendar days from sending to the court's answer (null while unanswered). */
export function responseDays(sentOn: string | null, answeredOn: string | null): number | null {
  if (!sentOn || !answeredOn) return null;
  return toEpochDay(answeredOn) - toEpochDay(sentOn);
}

/** Answered after the due date? */
export function answeredLate(answeredOn: string | null, dueDate: string | null): boolean {
  return answeredOn !== null && dueDate !== null && answeredOn > dueDate;
}

/** Which answer steps need documents and which need reasons. */
export const ANSWER_NEEDS: Readonly<Record<AnswerStep, { files: 'required' | 'none'; note: 'required' | 'optional' }>> = {
  answer: { files: 'required', note: 'optional' },
  answerPartially: { files: 'required', note: 'required' },
  refuse: { files: 'none', note: 'required' },
};

/** What an answer is missing or has too much of, as a field error code (null: fine). */
export function answerProblem(step: AnswerStep, fileCount: number, note: string | null): { field: 'files' | 'answerNote'; code: string } | null {
  const need = ANSWER_NEEDS[step];
  if (need.files === 'required' && fileCount === 0) return { field: 'files', code: 'answerNeedsFiles' };
  if (need.files === 'none' && fileCount > 0) return { field: 'files', code: 'refusalHasFiles' };
  if (need.note === 'required' && !note) return { field: 'answerNote', code: 'answerReasonsRequired' };
  return null;
}

/** Who moves next. */
export function waitingOn(status: FileRequestStatus): 'court' | 'procuratorate' | null {
  if (status === 'sent') return 'court';
  if (status === 'draft' || (ANSWER_STATUSES as readonly string[]).includes(status)) return 'procuratorate';
  return null;
}
