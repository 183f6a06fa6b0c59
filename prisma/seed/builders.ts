/**
 * Builders for seed data; integration tests use them as factories too.
 * - Institutions, departments and people are upserted by their natural key (institution code,
 *   department key, username), so running the seed twice changes nothing.
 * - Everything else is built through the app's own commands (lib/data), with demo people as
 *   actors and a controlled clock: a record gets exactly the fields, timeline events and audit
 *   rows the app writes, and a step the rules would refuse throws.
 */
import { answerRequest, MEETING_STEPS, requestAttendance, scheduleMeeting } from '@/lib/data/committee';
import type { Db } from '@/lib/data/db';
import { hashPassword } from '@/lib/data/passwords';
import { createDraft, STEPS, type StepContext } from '@/lib/data/recommendations';
import { loadActor } from '@/lib/data/users';
import type { WorkflowContext } from '@/lib/data/workflow';
import type { CommitteeStep } from '@/lib/domain/committee/machine';
import { todayInChina } from '@/lib/domain/dates';
import type { RecommendationAction } from '@/lib/domain/recommendations/machine';
import type { Actor, InstitutionKind, Role } from '@/lib/domain/roles';

export interface InstitutionSpec {
  code: string;
  kind: InstitutionKind;
  name: string;
  nameEn: string;
  regionCode: string;
}

export async function ensureInstitution(prisma: Db, spec: InstitutionSpec) {
  return prisma.institution.upsert({
    where: { code: spec.code },
    create: spec,
    update: { name: spec.name, nameEn: spec.nameEn, regionCode: spec.regionCode, kind: spec.kind },
  });
}

export async function ensureDepartment(prisma: Db, institutionId: string, key: string, name: string, nameEn: string) {
  return prisma.department.upsert({
    where: { institutionId_key: { institutionId, key } },
    create: { institutionId, key, name, nameEn },
    update: { name, nameEn },
  });
}

export interface UserSpec {
  username: string;
  name: string;
  role: Role;
  title?: string | null;
  institutionId: string;
  departmentId?: string | null;
  password: string;
  active?: boolean;
}

/** Creates the user, or brings an existing one back to the spec (password kept if it still matches). */
export async function ensureUser(prisma: Db, spec: UserSpec, passwordHash?: string) {
  const existing = await prisma.user.findUnique({ where: { username: spec.username } });
  const data = {
    name: spec.name,
    role: spec.role,
    title: spec.title ?? null,
    institutionId: spec.institutionId,
    departmentId: spec.departmentId ?? null,
    active: spec.active ?? true,
  };
  if (existing) {
    const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => existing[k] === data[k]);
    if (same) return existing;
    return prisma.user.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
  }
  return prisma.user.create({
    data: { ...data, username: spec.username, passwordHash: passwordHash ?? (await hashPassword(spec.password)) },
  });
}

// ---------------------------------------------------------------------------------------------
// Replaying history through the app's commands (the seed and the integration tests)

/** The demo people as actors, loaded as the app loads them on each request (cached). */
export function demoActors(prisma: Db): (username: string) => Promise<Actor> {
  const cache = new Map<string, Actor>();
  return async (username) => {
    const hit = cache.get(username);
    if (hit) return hit;
    const u = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    const a = u ? await loadActor(prisma, u.id) : null;
    if (!a) throw new Error(`seed: demo user ${username} missing or inactive`);
    cache.set(username, a);
    return a;
  };
}

/** A China wall-clock time as an instant. */
export const chinaTime = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * Step contexts with a controlled clock: each step runs at `now` (its day in China is `today`)
 * with its own request id `<prefix>-<n>`.
 */
export function stepClock(prefix: string): (now: Date) => WorkflowContext & { requestId: string; now: Date } {
  let n = 0;
  return (now) => ({ today: todayInChina(now), now, requestId: `${prefix}-${++n}` });
}

/** A record being taken through its steps: its id and the version the next step must name. */
export interface Handle {
  id: string;
  version: number;
}

type Command<R> = (prisma: Db, actor: Actor, raw: unknown, ctx: WorkflowContext) => Promise<R>;

/** One step through the app's command, with the record's current version; a refused step throws. */
export async function takeStep<R>(prisma: Db, h: Handle, cmd: Command<R>, actor: Actor, input: Record<string, unknown>, ctx: WorkflowContext): Promise<R> {
  const out = await cmd(prisma, actor, { ...input, id: h.id, version: h.version }, ctx);
  h.version++;
  return out;
}

// ---- recommendations

/** Drafts a recommendation through `createDraft`. */
export async function draftRecommendation(prisma: Db, drafter: Actor, input: Record<string, unknown>, ctx: StepContext): Promise<Handle> {
  return { id: (await createDraft(prisma, drafter, input, ctx)).id, version: 1 };
}

/**
 * One recommendation step by name (the `STEPS` the app's step action dispatches). Upholding an
 * objection with "modify" returns the superseding draft as `successor`.
 */
export async function recommendationStep(
  prisma: Db,
  h: Handle,
  action: RecommendationAction,
  actor: Actor,
  input: Record<string, unknown>,
  ctx: StepContext,
): Promise<{ successor?: Handle }> {
  const out = (await takeStep(prisma, h, STEPS[action] as Command<unknown>, actor, input, ctx)) as { newId?: string };
  return out.newId ? { successor: { id: out.newId, version: 1 } } : {};
}

/** The main line of a recommendation's life, in order. */
export const RECOMMENDATION_STAGES = ['draft', 'submitted', 'approved', 'issued', 'served', 'acknowledged', 'reply_submitted', 'replied', 'evaluated', 'closed'] as const;
export type RecommendationStage = (typeof RECOMMENDATION_STAGES)[number];

export interface RecommendationAtOptions {
  /** Procurator who drafts, issues, serves, evaluates and closes; the leader approves. */
  drafter: Actor;
  leader: Actor;
  /** Court staff acknowledge and draft the reply; the court leader signs it. */
  courtStaff: Actor;
  courtLeader: Actor;
  /** `createDraft` input. */
  draft: Record<string, unknown>;
  /** Drafted, submitted, approved and issued on this day; served on `servedOn` (default: the same day). */
  issuedOn: string;
  servedOn?: string;
  /** The day of the steps after service. */
  repliedOn: string;
  /** The step context of a day. */
  ctx: (today: string) => StepContext;
  /** Retrial recommendations: the procuratorial committee's decision, required to approve. */
  committee?: { committeeDecisionNo: string; committeeDecisionOn: string };
  reply?: { adoption: string; measures: string; reasons?: string };
  evaluation?: { rectified: 'yes' | 'no'; evaluation: string };
}

/** A recommendation taken through the app's commands up to `stage` (e.g. "a served correction by li.wen"). */
export async function recommendationAt(prisma: Db, stage: RecommendationStage, o: RecommendationAtOptions): Promise<Handle> {
  const servedOn = o.servedOn ?? o.issuedOn;
  const h = await draftRecommendation(prisma, o.drafter, o.draft, o.ctx(o.issuedOn));
  const upto = RECOMMENDATION_STAGES.indexOf(stage);
  const plan: [RecommendationStage, RecommendationAction, Actor, Record<string, unknown>, string][] = [
    ['submitted', 'submit', o.drafter, {}, o.issuedOn],
    ['approved', 'approve', o.leader, o.committee ?? {}, o.issuedOn],
    ['issued', 'issue', o.drafter, {}, o.issuedOn],
    ['served', 'serve', o.drafter, { servedOn, method: 'written' }, servedOn],
    ['acknowledged', 'acknowledge', o.courtStaff, {}, o.repliedOn],
    ['reply_submitted', 'submitReply', o.courtStaff, o.reply ?? { adoption: 'adopted', measures: '已依法整改。' }, o.repliedOn],
    ['replied', 'signReply', o.courtLeader, { replyOn: o.repliedOn }, o.repliedOn],
    ['evaluated', 'evaluate', o.drafter, o.evaluation ?? { rectified: 'yes', evaluation: '已整改到位。' }, o.repliedOn],
    ['closed', 'close', o.drafter, {}, o.repliedOn],
  ];
  for (const [s, action, actor, input, day] of plan) {
    if (RECOMMENDATION_STAGES.indexOf(s) > upto) break;
    await recommendationStep(prisma, h, action, actor, input, o.ctx(day));
  }
  return h;
}

// ---- committee meetings and requests to attend

/** Schedules a meeting through `scheduleMeeting` (agenda `items`, optional `files`). */
export async function scheduledMeeting(prisma: Db, clerk: Actor, input: Record<string, unknown>, ctx: WorkflowContext): Promise<Handle> {
  return { id: (await scheduleMeeting(prisma, clerk, input, ctx)).id, version: 1 };
}

/** One meeting step by name (the `MEETING_STEPS` the app's step action dispatches). */
export function meetingStep(prisma: Db, h: Handle, step: CommitteeStep, actor: Actor, input: Record<string, unknown>, ctx: WorkflowContext) {
  return takeStep(prisma, h, MEETING_STEPS[step] as Command<unknown>, actor, input, ctx);
}

/** A meeting scheduled by `clerk`, notified, and (with `attendee`) the attendee named by `leader`. */
export async function notifiedMeeting(
  prisma: Db,
  o: { clerk: Actor; input: Record<string, unknown>; ctx: () => WorkflowContext; leader?: Actor; attendee?: Actor },
): Promise<Handle> {
  const h = await scheduledMeeting(prisma, o.clerk, o.input, o.ctx());
  await meetingStep(prisma, h, 'notify', o.clerk, {}, o.ctx());
  if (o.attendee) await meetingStep(prisma, h, 'nameAttendee', o.leader ?? o.attendee, { attendeeId: o.attendee.id }, o.ctx());
  return h;
}

/** A request to attend through `requestAttendance`. */
export async function attendanceRequest(prisma: Db, requester: Actor, input: Record<string, unknown>, ctx: WorkflowContext): Promise<Handle> {
  return { id: (await requestAttendance(prisma, requester, input, ctx)).id, version: 1 };
}

/** The court's answer to a request (accept, optionally with a meeting, or decline with reasons). */
export function answerAttendance(prisma: Db, h: Handle, leader: Actor, input: Record<string, unknown>, ctx: WorkflowContext) {
  return takeStep(prisma, h, answerRequest, leader, input, ctx);
}
