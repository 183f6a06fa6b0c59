/** The audit chain's rule (lib/domain/audit-chain.ts): canonical form, hashes, verification of a sequence. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendLink,
  canonicalAuditContent,
  canonicalJson,
  checkHead,
  contentHashOf,
  EMPTY_HEAD,
  GENESIS_HASH,
  verifyLinks,
  type AuditContent,
  type ChainedEvent,
  type ChainHead,
} from '@/lib/domain/audit-chain';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The event the migration's SQL was run on (see the expected values below). */
const SAMPLE: AuditContent = {
  chainSeq: 7n,
  at: new Date('2026-03-01T01:02:03.045Z'),
  actorId: 'a1b2c3d4-0000-4000-8000-000000000001',
  institutionId: null,
  action: 'recommendation.issue',
  recordType: 'Recommendation',
  recordId: 'r-1',
  requestId: null,
  summary: { b: [1, 2.5, { é: 'x"y\n\u0001', Z: null }], a: true, '😀': -0.125, ａ: 1000, '\uffff': '中文' },
};

describe('canonical form', () => {
  it('sorts keys by code point (astral characters after U+FFFF), at every depth, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, '😀': 0, '\uffff': 0, B: 0 })).toBe(
      '{"B":0,"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1,"\uffff":0,"😀":0}',
    );
  });

  it('is the same for equal values whatever their key order', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: 'r' } })).toBe(canonicalJson({ y: { q: 'r', p: true }, x: 1 }));
  });

  it('writes values as JSON.stringify does: undefined members left out, dates as ISO UTC, bigints as integers', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-02T03:04:05Z'), c: [undefined, 1], d: 12n, e: 'tab\tquote"' })).toBe(
      '{"b":"2026-01-02T03:04:05.000Z","c":[null,1],"d":12,"e":"tab\\tquote\\""}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  it('names every field of an event, the time in ISO UTC with milliseconds', () => {
    expect(canonicalAuditContent({ ...SAMPLE, summary: null })).toBe(
      '{"action":"recommendation.issue","actorId":"a1b2c3d4-0000-4000-8000-000000000001","at":"2026-03-01T01:02:03.045Z",' +
        '"institutionId":null,"recordId":"r-1","recordType":"Recommendation","requestId":null,"seq":7,"summary":null}',
    );
  });

  it('is the text, and the hash, that the chain migration computes in SQL for the same row', () => {
    // Output of the migration's audit_canonical_json(jsonb_build_object(…)) and sha256 on PostgreSQL 15
    // for this row, whose summary was stored as '{"b": [1, 2.50, …], …, "ａ": 1e3, …}'::jsonb.
    expect(canonicalAuditContent(SAMPLE)).toBe(
      '{"action":"recommendation.issue","actorId":"a1b2c3d4-0000-4000-8000-000000000001","at":"2026-03-01T01:02:03.045Z",' +
        '"institutionId":null,"recordId":"r-1","recordType":"Recommendation","requestId":null,"seq":7,' +
        '"summary":{"a":true,"b":[1,2.5,{"Z":null,"é":"x\\"y\\n\\u0001"}],"ａ":1000,"\uffff":"中文","😀":-0.125}}',
    );
    expect(contentHashOf(sha256, SAMPLE)).toBe('00f993cde6830566b34b6668f3eebbc30709753c384ee8f3d3c6d0b0bdd48c2b');
  });

  it('changes with any field', () => {
    const h = contentHashOf(sha256, SAMPLE);
    const changed: Partial<AuditContent>[] = [
      { chainSeq: 8n },
      { at: new Date('2026-03-01T01:02:03.046Z') },
      { actorId: null },
      { institutionId: 'a1b2c3d4-0000-4000-8000-000000000002' },
      { action: 'recommendation.issuE' },
      { recordType: 'Recommendations' },
      { recordId: 'r-2' },
      { requestId: 'req' },
      { summary: { ...(SAMPLE.summary as object), a: false } },
    ];
    for (const c of changed) expect(contentHashOf(sha256, { ...SAMPLE, ...c }), JSON.stringify(c, (_, v) => (typeof v === 'bigint' ? String(v) : v))).not.toBe(h);
  });
});

/** A chain of n events built by the writer's rule. */
function chainOf(n: number): { events: ChainedEvent[]; head: ChainHead } {
  let head = EMPTY_HEAD;
  const events: ChainedEvent[] = [];
  for (let i = 1; i <= n; i++) {
    const content = { ...SAMPLE, recordId: `r-${i}`, summary: { i } };
    const link = appendLink(sha256, head, content);
    events.push({ ...content, id: BigInt(100 + i), chainSeq: link.chainSeq, contentHash: link.contentHash, prevHash: link.prevHash });
    head = link.head;
  }
  return { events, head };
}

describe('verifying a chain', () => {
  it('links each event to the one before: sequence 1, 2, …, the first from the genesis hash', () => {
    const { events, head } = chainOf(3);
    expect(events.map((e) => e.chainSeq)).toEqual([1n, 2n, 3n]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(sha256(GENESIS_HASH + events[0]!.contentHash));
    expect(head).toEqual({ seq: 3n, hash: sha256(events[2]!.prevHash! + events[2]!.contentHash) });
  });

  it('verifies an intact chain, also in batches, and its head', () => {
    const { events, head } = chainOf(5);
    expect(verifyLinks(sha256, 'c', EMPTY_HEAD, events)).toEqual({ head, verified: 5 });
    const first = verifyLinks(sha256, 'c', EMPTY_HEAD, events.slice(0, 2));
    expect(verifyLinks(sha256, 'c', first.head, events.slice(2))).toEqual({ head, verified: 3 });
    expect(checkHead('c', head, head)).toBeUndefined();
    expect(checkHead('c', EMPTY_HEAD, undefined)).toBeUndefined();
  });

  it('names the changed event', () => {
    const { events } = chainOf(5);
    events[2] = { ...events[2]!, summary: { i: 99 } };
    expect(verifyLinks(sha256, 'c', EMPTY_HEAD, events)).toMatchObject({ verified: 2, broken: { chain: 'c', reason: 'content', eventId: '103', seq: '3' } });
  });

  it('names the event after a removed one', () => {
    const { events } = chainOf(5);
    events.splice(1, 1);
    expect(verifyLinks(sha256, 'c', EMPTY_HEAD, events)).toMatchObject({ verified: 1, broken: { reason: 'sequence', eventId: '103', seq: '3', expectedSeq: '2' } });
  });

  it('names an inserted event, or the one after it when the inserted one was linked in and the rest renumbered', () => {
    const { events } = chainOf(4);
    const forged = { ...events[1]!, id: 999n, recordId: 'forged' };
    expect(verifyLinks(sha256, 'c', EMPTY_HEAD, [events[0]!, events[1]!, forged, events[2]!])).toMatchObject({
      verified: 2,
      broken: { reason: 'sequence', eventId: '999' },
    });
    // A forger who knows the rule: the inserted event links correctly, but the next one does not.
    const link = appendLink(sha256, { seq: 2n, hash: events[2]!.prevHash! }, { ...SAMPLE, recordId: 'forged', summary: null });
    const inserted = { ...SAMPLE, recordId: 'forged', summary: null, id: 999n, ...link, head: undefined };
    const renumbered = events.slice(2).map((e) => ({ ...e, chainSeq: e.chainSeq! + 1n }));
    expect(verifyLinks(sha256, 'c', EMPTY_HEAD, [events[0]!, events[1]!, inserted, ...renumbered])).toMatchObject({
      verified: 3,
      broken: { reason: 'link', eventId: '103', seq: '4' },
    });
  });

  it('names an unchained event, and a chain that ends before its head', () => {
    const { events, head } = chainOf(3);
    expect(verifyLinks(sha256, 'c', EMPTY_HEAD, [events[0]!, { ...events[1]!, chainSeq: null }])).toMatchObject({ broken: { reason: 'unchained', eventId: '102' } });
    const short = verifyLinks(sha256, 'c', EMPTY_HEAD, events.slice(0, 2));
    expect(checkHead('c', short.head, head)).toEqual({ chain: 'c', reason: 'head', seq: '2', expectedSeq: '3' });
    expect(checkHead('c', head, undefined)).toMatchObject({ reason: 'head', expectedSeq: '0' });
  });
});
