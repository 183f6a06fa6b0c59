/**
 * Concurrency on the real database (issue 8, proof 3): 50 identical workflow steps sent at once
 * on one record — exactly one wins, the other 49 are told someone else was first (conflict) or
 * that the step no longer fits (step refused), and the record has one event and one audit row
 * for it; 50 numbered creations at once (supervision cases opened, recommendations issued) — no
 * number twice, and no gap where the numbering promises none (the recommendation sequence and a
 * case sequence no taken number interrupts).
 *
 * On PostgreSQL (TEST_DATABASE_URL, as in CI) the 50 transactions overlap for real, as many at a
 * time as the test client's pool holds; on PGlite (one connection) they queue, which proves less.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Cases from '@/lib/data/cases';
import { ConflictError, StepError } from '@/lib/data/errors';
import * as R from '@/lib/data/recommendations';
import type { Actor } from '@/lib/domain/roles';
import { actorOf, openSeededTestDb, type TestDb } from './support';

const N = 50;
const TODAY = '2026-11-27';
let t: TestDb;
let procurator: Actor;
let leader: Actor;
let courtId = '';

beforeAll(async () => {
  t = await openSeededTestDb();
  procurator = await actorOf(t.prisma, 'li.wen');
  leader = await actorOf(t.prisma, 'zhao.mingyuan');
  courtId = (await actorOf(t.prisma, 'lin.xue')).institutionId;
});
afterAll(async () => {
  await t?.close();
});

let rid = 0;
const ctx = () => ({ today: TODAY, requestId: `req-conc-${++rid}` });

const draft = (i: number) => ({
  type: 'correction',
  title: `并发测试检察建议 ${i}`,
  addresseeCourtId: courtId,
  courtCaseNumber: '(2025)青0103民初456号',
  facts: '经审查，该院在审理一案中未依法送达起诉状副本。',
  violation: '送达程序违反《民事诉讼法》规定。',
  recommendationText: '建议依法纠正。',
  legalBasis: '《中华人民共和国人民检察院组织法》第二十一条',
});

/** A recommendation taken to "approved" through the commands, ready to be issued. */
async function approvedRecommendation(i: number): Promise<string> {
  const { id } = await R.createDraft(t.prisma, procurator, draft(i), ctx());
  const v = async () => (await t.prisma.recommendation.findUniqueOrThrow({ where: { id } })).version;
  await R.submitDraft(t.prisma, procurator, { id, version: await v() }, ctx());
  await R.approve(t.prisma, leader, { id, version: await v() }, ctx());
  return id;
}

/** Runs every call at once and sorts the outcomes. */
async function all<T>(calls: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(calls.map((c) => c()));
  const won = settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === 'fulfilled').map((s) => s.value);
  const errors = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as unknown);
  return { won, errors };
}

/** The sequence numbers in numbers like 城中检民建〔2026〕7号. */
const serials = (numbers: string[]) => numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
const consecutive = (xs: number[]) => xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);

describe(`${N} identical steps on one record at once`, () => {
  it('issue: one wins with one number, one event and one audit row; the others are told of the conflict', async () => {
    const id = await approvedRecommendation(0);
    const { version } = await t.prisma.recommendation.findUniqueOrThrow({ where: { id } });
    const started = Date.now();
    const { won, errors } = await all(Array.from({ length: N }, () => () => R.issue(t.prisma, procurator, { id, version }, ctx())));
    console.log(`[concurrency] ${N} parallel "issue" steps on one recommendation (${t.kind}): ${won.length} won, ${errors.length} refused, ${Date.now() - started} ms`);
    expect(won).toHaveLength(1);
    expect(errors).toHaveLength(N - 1);
    for (const e of errors) expect(e instanceof ConflictError || e instanceof StepError, String(e)).toBe(true);
    const after = await t.prisma.recommendation.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: 'issued', version: version + 1 });
    expect(await t.prisma.workflowEvent.count({ where: { recordType: 'Recommendation', recordId: id, kind: 'issue' } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { recordId: id, action: 'recommendation.issue' } })).toBe(1);
    // The 49 losers' sequence increments were rolled back: the next issue takes the next number.
    const next = await approvedRecommendation(1);
    await R.issue(t.prisma, procurator, { id: next, version: (await t.prisma.recommendation.findUniqueOrThrow({ where: { id: next } })).version }, ctx());
    const nextNumber = (await t.prisma.recommendation.findUniqueOrThrow({ where: { id: next } })).number!;
    expect(serials([nextNumber])[0]).toBe(serials([after.number!])[0]! + 1);
  });

  it('a case step (advance): one wins, the others conflict; one event, one audit row', async () => {
    const c = await t.prisma.supervisionCase.findFirstOrThrow({ where: { stage: 'accepted', institutionId: procurator.institutionId } });
    const { won, errors } = await all(
      Array.from({ length: N }, () => () => Cases.advanceCase(t.prisma, leader, { id: c.id, version: c.version, comment: '' }, ctx())),
    );
    console.log(`[concurrency] ${N} parallel "advance" steps on one supervision case: ${won.length} won, ${errors.length} refused`);
    expect(won).toHaveLength(1);
    for (const e of errors) expect(e instanceof ConflictError || e instanceof StepError, String(e)).toBe(true);
    expect(await t.prisma.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ stage: 'reviewing', version: c.version + 1 });
    expect(await t.prisma.workflowEvent.count({ where: { recordId: c.id, kind: 'advance' } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { recordId: c.id, action: { endsWith: '.advance' } } })).toBe(1);
  });
});

describe(`${N} numbered creations at once`, () => {
  it('issuing 50 recommendations: 50 different numbers, consecutive (the sequence promises no gap)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push(await approvedRecommendation(100 + i));
    const versions = await t.prisma.recommendation.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } });
    const { won, errors } = await all(versions.map((r) => () => R.issue(t.prisma, procurator, { id: r.id, version: r.version }, ctx())));
    expect(errors.map(String)).toEqual([]);
    expect(won).toHaveLength(N);
    const numbers = (await t.prisma.recommendation.findMany({ where: { id: { in: ids } }, select: { number: true } })).map((r) => r.number!);
    const s = serials(numbers);
    console.log(`[concurrency] ${N} parallel issues: ${new Set(numbers).size} distinct numbers, serials ${s[0]}–${s[s.length - 1]}`);
    expect(new Set(numbers).size).toBe(N);
    expect(consecutive(s)).toBe(true);
    expect(await t.prisma.auditEvent.count({ where: { recordId: { in: ids }, action: 'recommendation.issue' } })).toBe(N);
  });

  it('opening 50 supervision cases: 50 different numbers, consecutive after the last one', async () => {
    const kind = 'public_interest';
    const before = await t.prisma.supervisionCase.count();
    const input = (i: number) => ({
      kind,
      title: `并发立案 ${i}`,
      parties: '申请人：张某；被申请人：王某',
      courtId,
      handlerId: procurator.id,
      acceptedOn: TODAY,
      courtCaseNumbers: '',
    });
    const { won, errors } = await all(Array.from({ length: N }, (_, i) => () => Cases.openNewCase(t.prisma, procurator, input(i), ctx())));
    expect(errors.map(String)).toEqual([]);
    const numbers = won.map((w) => w.number);
    const s = serials(numbers);
    console.log(`[concurrency] ${N} parallel case openings: ${new Set(numbers).size} distinct numbers, serials ${s[0]}–${s[s.length - 1]}`);
    expect(new Set(numbers).size).toBe(N);
    expect(consecutive(s)).toBe(true);
    expect(await t.prisma.supervisionCase.count()).toBe(before + N);
    expect(await t.prisma.auditEvent.count({ where: { recordId: { in: won.map((w) => w.id) } } })).toBe(N);
  });
});
