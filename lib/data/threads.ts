/**
 * Threads on records (lib/domain/threads): messages between the two institutions and internal
 * notes, with attachments (the document store's door, lib/data/attachments.ts), mentions and
 * read receipts. Every kind that carries a thread is one entry of THREAD_KINDS; from it come
 * the record's load through its visibility `where` (a thread on a record the actor may not see
 * does not exist: null, the caller's 404), the `where` of the messages an actor may read, the
 * unread counts and the shell's total (one statement).
 *
 * Messages are append-only (database trigger); sending writes the message, its mentions, its
 * attachments' rows and an audit event in one transaction, after the files were staged in the
 * store (a refusal removes them). Opening a thread records the reader's receipts, once per user
 * and message.
 */
import { canSee, sidesSeeing, viewerSide, type RecordVisibility } from '@/lib/domain/visibility';
import { assertAllowed, decideFeature, ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import type { UploadFile } from '@/lib/domain/attachments';
import { isUploadFile } from '@/lib/domain/attachments';
import { columnOf, isThreadRecordType, THREAD_KINDS, THREAD_RECORD_TYPES, type ThreadKind, type ThreadRecordType } from '@/lib/domain/threads/kinds';
import { decidePost, isUnread, mayCorrect, mayMention, seesReceipts, THREAD_LIMITS, type ThreadAudience } from '@/lib/domain/threads/rules';
import { postInput } from '@/lib/domain/threads/schemas';
import { Prisma } from '@/lib/generated/prisma/client';
import { auditedDownload, listAttachments, readAttachment, recordAttachment, withUploads } from './attachments';
import { writeAudit } from './audit';
import type { Db, Tx } from './db';
import { FieldError, StepError } from './errors';
import { names } from './names';
import { ACTOR_SELECT, actorOfRow } from './sessions';
import { findVisible, isVisible, visibleWhere } from './visibility';
import { column, tableAs, visibleSql } from './visibility-sql';

/** Attachments of a message are filed under this record type. */
export const MESSAGE_RECORD_TYPE = 'ThreadMessage';

type Where = Prisma.ThreadMessageWhereInput;
const NOTHING: Where = { id: { in: [] } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Delegate {
  findFirst(args: object): Promise<unknown>;
  count(args: object): Promise<number>;
}
const delegateOf = (prisma: Db | Tx, k: ThreadKind) => (prisma as unknown as Record<string, Delegate>)[k.model]!;

/** The messages the actor may read by audience (rules.canReadMessage as a `where`). */
function audienceWhere(actor: Actor): Where {
  if (viewerSide(actor) === null) return NOTHING;
  return { OR: [{ audience: 'shared' }, { institutionId: actor.institutionId }] };
}

/** The messages the actor may read, on every kind of record: the record's visibility and the audience. */
export function readableWhere(actor: Actor): Where {
  if (viewerSide(actor) === null) return NOTHING;
  return {
    AND: [
      { OR: THREAD_RECORD_TYPES.map((t) => ({ [THREAD_KINDS[t].relation]: visibleWhere(THREAD_KINDS[t].visibility, actor) }) as Where) },
      audienceWhere(actor),
    ],
  };
}

/**
 * `readableWhere` as SQL over the ThreadMessage row `alias` (for search, which Prisma cannot
 * rank): the record of one of the kinds visible (./visibility-sql.ts) and the audience
 * readable. tests/integration/threads.test.ts checks both readings select the same messages.
 */
export function readableSql(actor: Actor, alias: string): Prisma.Sql {
  if (viewerSide(actor) === null) return Prisma.sql`FALSE`;
  const records = THREAD_RECORD_TYPES.map((t) => {
    const k = THREAD_KINDS[t];
    return Prisma.sql`${column(alias, columnOf(k))} IN (SELECT p.id FROM ${tableAs(k.visibility, 'p')} WHERE ${visibleSql(k.visibility, actor, 'p')})`;
  });
  return Prisma.sql`((${Prisma.join(records, ' OR ')}) AND (${column(alias, 'audience')}::text = 'shared' OR ${column(alias, 'institutionId')} = ${actor.institutionId}::uuid))`;
}

/** The record a message row belongs to, as SQL text over `alias`: the one kind column that is set. */
export function recordIdSql(alias: string): Prisma.Sql {
  return Prisma.sql`COALESCE(${Prisma.join(THREAD_RECORD_TYPES.map((t) => column(alias, columnOf(THREAD_KINDS[t]))))})::text`;
}

/** The messages unread by the actor (rules.isUnread as a `where`). */
export function unreadWhere(actor: Actor): Where {
  return { AND: [readableWhere(actor), { authorId: { not: actor.id } }, { receipts: { none: { userId: actor.id } } }] };
}

/** The shell's figure: every message unread by the actor, one statement. */
export function unreadTotal(prisma: Db, actor: Actor): Promise<number> {
  if (viewerSide(actor) === null) return Promise.resolve(0);
  return prisma.threadMessage.count({ where: unreadWhere(actor) });
}

/** Unread messages per record of one kind (list rows), one statement for the page's records. */
export async function unreadByRecord(prisma: Db, actor: Actor, recordType: ThreadRecordType, recordIds: string[]): Promise<Map<string, number>> {
  if (!recordIds.length || viewerSide(actor) === null) return new Map();
  const column = columnOf(THREAD_KINDS[recordType]) as Prisma.ThreadMessageScalarFieldEnum;
  const rows = (await prisma.threadMessage.groupBy({
    by: [column],
    where: { AND: [{ [column]: { in: recordIds } }, unreadWhere(actor)] },
    _count: { _all: true },
  })) as unknown as ({ _count: { _all: number } } & Record<string, string>)[];
  return new Map(rows.map((r) => [r[column]!, r._count._all]));
}

function kindOf(recordType: string): ThreadKind | null {
  return isThreadRecordType(recordType) ? THREAD_KINDS[recordType] : null;
}

/** The record as the actor may see it (through its visibility declaration), or null. */
async function visibleRecord(prisma: Db | Tx, actor: Actor, k: ThreadKind, recordId: string) {
  if (!UUID.test(recordId) || !decideFeature(actor, k.feature).allowed) return null;
  return findVisible<Record<string, unknown>>(delegateOf(prisma, k), k.visibility, actor, recordId);
}

/** Everyone who may be named on this record in a message of `audience` (rules.mayMention with the record's visibility). */
async function mentionCandidates(prisma: Db, actor: Actor, decl: RecordVisibility, row: Record<string, unknown>, audience: ThreadAudience) {
  const parties = [row[decl.parties.procuratorate], row[decl.parties.court]].filter((x): x is string => typeof x === 'string');
  const users = await prisma.user.findMany({
    where: { active: true, role: { not: 'ADMIN' }, institutionId: { in: audience === 'internal' ? [actor.institutionId] : parties } },
    select: { ...ACTOR_SELECT, name: true, title: true },
    orderBy: [{ institutionId: 'asc' }, { name: 'asc' }],
  });
  return users
    .filter((u) => {
      const a = actorOfRow(u);
      return a !== null && mayMention(actor, audience, u, canSee(decl, a, row));
    })
    .map((u) => ({ id: u.id, name: u.name, title: u.title, own: u.institutionId === actor.institutionId }));
}

/**
 * The thread of a record as the actor may read it, or null when the actor may not see the
 * record. Opening it records the actor's receipts for what was unread (once per message); the
 * messages still say what was unread before this opening.
 */
export async function getThread(prisma: Db, actor: Actor, recordType: string, recordId: string, ctx: { now?: Date } = {}) {
  const k = kindOf(recordType);
  if (!k) return null;
  const row = await visibleRecord(prisma, actor, k, recordId);
  if (!row) return null;
  const column = columnOf(k);
  const rows = await prisma.threadMessage.findMany({
    where: { AND: [{ [column]: recordId }, audienceWhere(actor)] },
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      audience: true,
      institutionId: true,
      authorId: true,
      body: true,
      correctsId: true,
      sentAt: true,
      mentions: { select: { userId: true } },
      receipts: { select: { userId: true, readAt: true }, orderBy: { readAt: 'asc' } },
    },
  });
  const sides = sidesSeeing(k.visibility, row);
  const [attachments, who, sharedCandidates, noteCandidates] = await Promise.all([
    listAttachments(prisma, MESSAGE_RECORD_TYPE, rows.map((m) => m.id)),
    names(
      prisma,
      rows.flatMap((m) => [m.authorId, ...m.mentions.map((x) => x.userId), ...m.receipts.map((r) => r.userId)]),
      [...new Set(rows.map((m) => m.institutionId))],
    ),
    sides.procuratorate && sides.court ? mentionCandidates(prisma, actor, k.visibility, row, 'shared') : Promise.resolve([]),
    mentionCandidates(prisma, actor, k.visibility, row, 'internal'),
  ]);
  const messages = rows.map((m) => {
    const unread = isUnread(actor, m, m.receipts.some((r) => r.userId === actor.id));
    return {
      id: m.id,
      audience: m.audience,
      own: m.institutionId === actor.institutionId,
      mine: m.authorId === actor.id,
      institution: who.inst(m.institutionId),
      author: who.user(m.authorId) ?? '—',
      body: m.body,
      sentAt: m.sentAt,
      correctsId: m.correctsId,
      unread,
      mentionsMe: m.mentions.some((x) => x.userId === actor.id),
      mentions: m.mentions.map((x) => who.user(x.userId) ?? '—'),
      attachments: attachments.filter((a) => a.recordId === m.id).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
      // Who read it and when: for the sender's side only, the author left out.
      receipts: seesReceipts(actor, m) ? m.receipts.filter((r) => r.userId !== m.authorId).map((r) => ({ name: who.user(r.userId) ?? '—', readAt: r.readAt })) : null,
    };
  });
  const unread = messages.filter((m) => m.unread);
  if (unread.length) {
    await prisma.threadReceipt.createMany({
      data: unread.map((m) => ({ messageId: m.id, userId: actor.id, ...(ctx.now ? { readAt: ctx.now } : {}) })),
      skipDuplicates: true,
    });
  }
  const post = (audience: ThreadAudience) => decidePost(actor, audience, sides);
  const shared = post('shared');
  return {
    recordType: recordType as ThreadRecordType,
    recordId,
    messages,
    unreadCount: unread.length,
    composers: {
      shared: { allowed: shared.ok, reason: shared.ok ? null : shared.code, candidates: sharedCandidates },
      internal: { allowed: post('internal').ok, candidates: noteCandidates },
    },
  };
}
export type ThreadView = NonNullable<Awaited<ReturnType<typeof getThread>>>;
export type ThreadMessageView = ThreadView['messages'][number];

function filesOf(raw: unknown): UploadFile[] {
  const files = typeof raw === 'object' && raw !== null ? (raw as { files?: unknown }).files : undefined;
  return Array.isArray(files) ? files.filter(isUploadFile) : [];
}

/**
 * Posts to a record's thread: a message to both institutions (`shared`) or an internal note
 * (`internal`). The record through its visibility (another district's or an invisible one:
 * not found); the rules decide; the files were staged first and are removed if anything fails.
 */
async function post(prisma: Db, actor: Actor, audience: ThreadAudience, raw: unknown, ctx: { requestId?: string; now?: Date }) {
  const input = postInput.parse(raw);
  const files = filesOf(raw);
  if (files.length > THREAD_LIMITS.files) throw new FieldError('files', 'tooManyFiles');
  const k = THREAD_KINDS[input.recordType];
  const action = audience === 'shared' ? 'thread.message' : 'thread.note';
  assertAllowed(decideFeature(actor, k.feature), action);
  const column = columnOf(k);
  const mentionIds = [...new Set(input.mentions)];

  return withUploads(prisma, files, 'files', (staged) =>
    prisma.$transaction(async (tx) => {
      const row = await visibleRecord(tx, actor, k, input.recordId);
      if (!row) throw new FieldError('recordId', 'notFound');
      const decision = decidePost(actor, audience, sidesSeeing(k.visibility, row));
      if (!decision.ok) {
        if (decision.code === 'forbidden') throw new ForbiddenError(action, 'notVisible');
        throw new StepError(decision.code);
      }
      if (input.correctsId) {
        const original = await tx.threadMessage.findFirst({
          where: { AND: [{ id: input.correctsId, [column]: input.recordId }, audienceWhere(actor)] },
          select: { audience: true, institutionId: true, authorId: true },
        });
        if (!original || !mayCorrect(actor, audience, original)) throw new FieldError('correctsId', 'invalidChoice');
      }
      if (mentionIds.length) {
        const people = await tx.user.findMany({ where: { id: { in: mentionIds } }, select: ACTOR_SELECT });
        for (const id of mentionIds) {
          const p = people.find((u) => u.id === id);
          const a = actorOfRow(p ?? null);
          const sees = a !== null && (await isVisible(delegateOf(tx, k), k.visibility, a, input.recordId));
          if (!p || !mayMention(actor, audience, p, sees)) throw new FieldError('mentions', 'mentionInvalid');
        }
      }
      const message = await tx.threadMessage.create({
        data: {
          recordType: input.recordType,
          [column]: input.recordId,
          audience,
          institutionId: actor.institutionId,
          authorId: actor.id,
          body: input.body,
          correctsId: input.correctsId,
          ...(ctx.now ? { sentAt: ctx.now } : {}),
          mentions: { create: mentionIds.map((userId) => ({ userId })) },
        } as Prisma.ThreadMessageUncheckedCreateInput,
        select: { id: true },
      });
      const attached = [];
      for (const s of staged) {
        attached.push(await recordAttachment(tx, actor, s, { recordType: MESSAGE_RECORD_TYPE, recordId: message.id, confidentiality: 'ordinary' }, ctx));
      }
      await writeAudit(tx, {
        actorId: actor.id,
        institutionId: actor.institutionId,
        action,
        recordType: input.recordType,
        recordId: input.recordId,
        summary: {
          messageId: message.id,
          audience,
          length: input.body.length,
          ...(input.correctsId ? { correctsId: input.correctsId } : {}),
          ...(mentionIds.length ? { mentions: mentionIds } : {}),
          ...(attached.length ? { attachments: attached.map((a) => ({ id: a.id, fileName: a.fileName, sha256: a.sha256 })) } : {}),
        },
        requestId: ctx.requestId,
        at: ctx.now,
      });
      return { id: message.id, recordType: input.recordType, recordId: input.recordId };
    }),
  );
}

/** A message to both institutions on the record's thread. */
export function sendMessage(prisma: Db, actor: Actor, raw: unknown, ctx: { requestId?: string; now?: Date } = {}) {
  return post(prisma, actor, 'shared', raw, ctx);
}

/** An internal note on the record's thread: the author's institution only. */
export function addNote(prisma: Db, actor: Actor, raw: unknown, ctx: { requestId?: string; now?: Date } = {}) {
  return post(prisma, actor, 'internal', raw, ctx);
}

/** A message's attachment, when the actor may read the message (its record's visibility and its audience); audited, served or refused. */
export async function readMessageAttachment(prisma: Db, actor: Actor, messageId: string, attachmentId: string, ctx: { requestId?: string } = {}) {
  return auditedDownload(prisma, actor, { recordType: MESSAGE_RECORD_TYPE, recordId: messageId, attachmentId }, ctx, async () => {
    if (!UUID.test(messageId) || !UUID.test(attachmentId)) return null;
    const m = await prisma.threadMessage.findFirst({ where: { AND: [readableWhere(actor), { id: messageId }] }, select: { id: true } });
    if (!m) return null;
    return readAttachment(prisma, attachmentId, { recordType: MESSAGE_RECORD_TYPE, recordId: m.id, mayReadConfidential: false });
  });
}
