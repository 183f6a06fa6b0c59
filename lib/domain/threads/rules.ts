/**
 * The rules of a thread on a record (DOMAIN.md §7): who may read each message, who may write
 * which, what a mention and a correction may name, what counts as unread, and who sees the
 * read receipts. Plain TypeScript; lib/data/threads.ts asks these and builds the matching
 * `where` (tests/integration/threads.test.ts checks the two readings agree).
 *
 * - A **message** (audience `shared`) is read by everyone who may see the record; it can only be
 *   sent while both institutions see the record (else it would surface later, unannounced).
 * - An **internal note** (audience `internal`) is read only by the author's institution, whoever
 *   else sees the record. It is written with its own composer and its own action: the audience
 *   is the action's, never a field of the form.
 * - Nothing is changed or removed once sent; a correction is a new message of the same audience
 *   naming an earlier one by the same author.
 */
import { viewerSide } from '@/lib/domain/visibility';
import type { Actor } from '@/lib/domain/roles';

export const THREAD_AUDIENCES = ['shared', 'internal'] as const;
export type ThreadAudience = (typeof THREAD_AUDIENCES)[number];

export const THREAD_LIMITS = {
  /** Characters of a message's text. */
  body: 5_000,
  /** Colleagues named in one message. */
  mentions: 10,
  /** Files attached to one message. */
  files: 5,
} as const;

/** A message as the rules need it. */
export interface MessageFacts {
  audience: ThreadAudience;
  institutionId: string;
  authorId: string;
}

/** May the actor read this message of a record the actor sees? */
export function canReadMessage(actor: Actor, m: Pick<MessageFacts, 'audience' | 'institutionId'>): boolean {
  if (viewerSide(actor) === null) return false;
  return m.audience === 'shared' || m.institutionId === actor.institutionId;
}

export type PostDenial = 'forbidden' | 'otherSideCannotSee';

/**
 * May the actor write to the thread of a record the actor sees? `sides` says which institutions
 * see the record now. A message needs both; a note only the actor.
 */
export function decidePost(actor: Actor, audience: ThreadAudience, sides: { procuratorate: boolean; court: boolean }): { ok: true } | { ok: false; code: PostDenial } {
  const side = viewerSide(actor);
  if (side === null || !sides[side]) return { ok: false, code: 'forbidden' };
  if (audience === 'shared' && !(sides.procuratorate && sides.court)) return { ok: false, code: 'otherSideCannotSee' };
  return { ok: true };
}

/** May a new message of `audience` by the actor correct `original`? Same audience, same author. */
export function mayCorrect(actor: Actor, audience: ThreadAudience, original: MessageFacts): boolean {
  return original.audience === audience && original.authorId === actor.id && original.institutionId === actor.institutionId;
}

/**
 * Whom a message may name: a colleague other than the author who may see the record; a note
 * only one of the author's institution (nobody else could read it). `seesRecord` is the
 * record's visibility for that person.
 */
export function mayMention(actor: Actor, audience: ThreadAudience, person: { id: string; institutionId: string; active: boolean }, seesRecord: boolean): boolean {
  if (person.id === actor.id || !person.active || !seesRecord) return false;
  return audience === 'shared' || person.institutionId === actor.institutionId;
}

/** Unread for the actor: a message the actor may read, by someone else, without the actor's receipt. */
export function isUnread(actor: Actor, m: MessageFacts, readByActor: boolean): boolean {
  return canReadMessage(actor, m) && m.authorId !== actor.id && !readByActor;
}

/** The read receipts of a message are shown to the sender's side (its author's institution). */
export function seesReceipts(actor: Actor, m: Pick<MessageFacts, 'institutionId'>): boolean {
  return m.institutionId === actor.institutionId;
}
