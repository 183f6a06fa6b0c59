/**
 * The tamper-evident audit chain (docs/decisions/0023): each audit event carries its place in its
 * chain (`chainSeq`, 1, 2, … per institution; events without an institution form the platform's
 * chain), the SHA-256 of its canonical content (`contentHash`) and the link hash of the event
 * before it (`prevHash`; 64 zeros for the first). An event's link hash is
 * SHA-256(prevHash + contentHash), so changing, removing or inserting an event breaks the link at
 * the next one, and the chain's head (the last link, kept per chain) catches a removed tail.
 *
 * The canonical content is JSON with keys sorted by Unicode code point, no whitespace, strings and
 * numbers as JSON.stringify writes them, the time as ISO 8601 UTC with milliseconds, the sequence
 * number as a decimal integer. The migration that chained the events written before the chain
 * existed (prisma/migrations/…_audit_chain) builds the same text in SQL.
 *
 * Pure: the SHA-256 function is handed in (node:crypto in lib/data), so this stays free of Node.
 */

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export type Sha256 = (text: string) => string;

/** The link before the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain an event belongs to: its institution's, or the platform's when it has none. */
export const PLATFORM_CHAIN = 'platform';
export const chainOf = (institutionId: string | null): string => institutionId ?? PLATFORM_CHAIN;

/** What the content hash covers: every column of the event but its id and the chain columns' hashes. */
export interface AuditContent {
  chainSeq: bigint;
  at: Date;
  actorId: string | null;
  institutionId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  requestId: string | null;
  /** The summary as stored (JSON), or null. */
  summary: unknown;
}

export interface ChainedEvent extends Omit<AuditContent, 'chainSeq'> {
  id: bigint;
  chainSeq: bigint | null;
  contentHash: string | null;
  prevHash: string | null;
}

const byCodePoint = (a: string, b: string): number => {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
};

/**
 * JSON with object keys sorted by code point and no whitespace. Values as JSON.stringify treats
 * them (toJSON, undefined members left out, undefined in arrays as null), bigints as integers.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined && typeof o[k] !== 'function')
      .sort(byCodePoint);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  throw new TypeError(`not JSON: ${typeof value}`);
}

/** The text an event's content hash is taken of. */
export function canonicalAuditContent(e: AuditContent): string {
  return canonicalJson({
    action: e.action,
    actorId: e.actorId,
    at: e.at.toISOString(),
    institutionId: e.institutionId,
    recordId: e.recordId,
    recordType: e.recordType,
    requestId: e.requestId,
    seq: e.chainSeq,
    summary: e.summary ?? null,
  });
}

export const contentHashOf = (sha256: Sha256, e: AuditContent): string => sha256(canonicalAuditContent(e));
export const linkHash = (sha256: Sha256, prevHash: string, contentHash: string): string => sha256(prevHash + contentHash);

/** Where a chain stands after its events so far: the last sequence number and link hash. */
export interface ChainHead {
  seq: bigint;
  hash: string;
}
export const EMPTY_HEAD: ChainHead = { seq: 0n, hash: GENESIS_HASH };

/**
 * Why a link is broken:
 * - `content`: the event's content no longer has its hash (changed after it was written);
 * - `sequence`: the event is not the next in its chain (one before it removed, or one inserted);
 * - `link`: its previous-event hash is not the link hash of the event before it;
 * - `unchained`: an event without a place in any chain (written around the audit writer);
 * - `head`: the chain ends elsewhere than its recorded head (events removed from its end, or a
 *   head that does not match).
 */
export type BrokenReason = 'content' | 'sequence' | 'link' | 'unchained' | 'head';

export interface BrokenLink {
  chain: string;
  reason: BrokenReason;
  /** The first event whose link fails (absent for `head` when the chain has no such event). */
  eventId?: string;
  /** Its place in the chain: the event's own for most reasons, the recorded head's for `head`. */
  seq?: string;
  /** What the chain expected there (next sequence number, or the head's). */
  expectedSeq?: string;
}

/** The next link of a chain for a new event: its sequence number, previous hash, content hash and new head. */
export function appendLink(sha256: Sha256, head: ChainHead, content: Omit<AuditContent, 'chainSeq'>) {
  const chainSeq = head.seq + 1n;
  const contentHash = contentHashOf(sha256, { ...content, chainSeq });
  return { chainSeq, prevHash: head.hash, contentHash, head: { seq: chainSeq, hash: linkHash(sha256, head.hash, contentHash) } };
}

/**
 * Checks the next events of one chain, in chain order, from where the chain stands. Returns the new
 * head, or the first broken link (and the head up to it).
 */
export function verifyLinks(
  sha256: Sha256,
  chain: string,
  from: ChainHead,
  events: Iterable<ChainedEvent>,
): { head: ChainHead; verified: number; broken?: BrokenLink } {
  let head = from;
  let verified = 0;
  for (const e of events) {
    const at = { chain, eventId: String(e.id), seq: e.chainSeq === null ? undefined : String(e.chainSeq) };
    if (e.chainSeq === null || e.contentHash === null || e.prevHash === null) return { head, verified, broken: { ...at, reason: 'unchained' } };
    if (e.chainSeq !== head.seq + 1n) return { head, verified, broken: { ...at, reason: 'sequence', expectedSeq: String(head.seq + 1n) } };
    if (e.prevHash !== head.hash) return { head, verified, broken: { ...at, reason: 'link' } };
    if (contentHashOf(sha256, { ...e, chainSeq: e.chainSeq }) !== e.contentHash) return { head, verified, broken: { ...at, reason: 'content' } };
    head = { seq: e.chainSeq, hash: linkHash(sha256, e.prevHash, e.contentHash) };
    verified++;
  }
  return { head, verified };
}

/** A walked chain's end against its recorded head (absent: the chain has no head row). */
export function checkHead(chain: string, walked: ChainHead, recorded: ChainHead | undefined): BrokenLink | undefined {
  const expected = recorded ?? EMPTY_HEAD;
  if (walked.seq === expected.seq && walked.hash === expected.hash) return undefined;
  return { chain, reason: 'head', seq: String(walked.seq), expectedSeq: String(expected.seq) };
}
