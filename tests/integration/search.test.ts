/**
 * Search against the real database (PGlite by default, PostgreSQL with TEST_DATABASE_URL): the
 * generated columns cover exactly the declared fields, Chinese substrings and court case numbers
 * are found however the brackets are typed, only what the user may see is found and counted, the
 * ranking puts an exact number first, LIKE's own characters are taken literally, and pages add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '@/lib/data/search';
import { readableSql, readableWhere } from '@/lib/data/threads';
import { Prisma } from '@/lib/generated/prisma/client';
import { SEARCH_KINDS, SEARCH_SOURCES, tableOf } from '@/lib/domain/search';
import type { Actor } from '@/lib/domain/roles';
import { actorOf, openSeededTestDb, type TestDb } from './support';

let t: TestDb;
const A: Record<string, Actor> = {};
const FIRST = { page: 1, size: 25 };

beforeAll(async () => {
  t = await openSeededTestDb();
  for (const u of ['li.wen', 'wu.yating', 'zhao.mingyuan', 'lin.xue', 'chen.zhiqiang', 'wang.jianguo', 'jiang.tao', 'admin']) A[u] = await actorOf(t.prisma, u);
});
afterAll(async () => {
  await t?.close();
});

const find = (who: string, q: string, kind?: (typeof SEARCH_KINDS)[number]) => search(t.prisma, A[who]!, q, { kind, page: FIRST });

describe('the generated search columns', () => {
  it('cover exactly the declared fields of each kind', async () => {
    for (const source of SEARCH_SOURCES) {
      const [row] = await t.prisma.$queryRawUnsafe<{ expr: string }[]>(
        `SELECT pg_get_expr(d.adbin, d.adrelid) AS expr FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
         WHERE d.adrelid = $1::regclass AND a.attname = 'searchText'`,
        `"${tableOf(source)}"`,
      );
      expect(row, source.key).toBeDefined();
      const columns = await t.prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        `"${tableOf(source)}"`,
      );
      const used = columns.map((c) => c.name).filter((c) => new RegExp(`(^|[^A-Za-z"])"?${c}"?([^A-Za-z"]|$)`).test(row!.expr));
      expect(used.sort(), source.key).toEqual([...source.fields].sort());
    }
  });
});

describe('search', () => {
  it("finds a case by a party's Chinese name for the procurator, and nothing of it for the court", async () => {
    const c = await t.prisma.supervisionCase.findFirstOrThrow({ where: { parties: { contains: '西宁安康投资咨询有限公司' } } });
    const mine = await find('li.wen', '安康投资');
    expect(mine.page.rows.some((h) => h.kind === 'cases' && h.id === c.id)).toBe(true);
    expect(mine.counts.cases).toBeGreaterThan(0);
    for (const who of ['lin.xue', 'wang.jianguo']) {
      const theirs = await find(who, '安康投资');
      // The court is not even offered supervision cases: it never sees one.
      expect(theirs.counts.cases, who).toBeUndefined();
      expect(theirs.page.rows.some((h) => h.id === c.id), who).toBe(false);
    }
  });

  it('finds a court case number however the brackets are typed', async () => {
    const c = await t.prisma.supervisionCase.findFirstOrThrow({ where: { courtCaseNumbers: { has: '(2025)青0103民初6120号' } } });
    for (const typed of ['(2025)青0103民初6120号', '（2025）青0103民初6120号', '〔2025〕青0103民初6120', '【2025】青0103民初6120号', '0103民初6120']) {
      const r = await find('li.wen', typed, 'cases');
      expect(r.page.rows.map((h) => h.id), typed).toContain(c.id);
    }
  });

  it('finds recommendations by their number in any bracket width, the court only those served on it', async () => {
    const served = await t.prisma.recommendation.findFirstOrThrow({ where: { servedOn: { not: null }, number: { not: null } } });
    const typed = served.number!.replace('〔', '(').replace('〕', ')');
    for (const who of ['li.wen', 'lin.xue']) {
      const r = await find(who, typed, 'recommendations');
      expect(r.page.rows[0]?.id, who).toBe(served.id);
    }
    const draft = await t.prisma.recommendation.findFirstOrThrow({ where: { servedOn: null } });
    const title = draft.title.slice(0, 8);
    const procuratorate = await find('zhao.mingyuan', title, 'recommendations');
    expect(procuratorate.page.rows.map((h) => h.id)).toContain(draft.id);
    const court = await find('wang.jianguo', title, 'recommendations');
    expect(court.page.rows.map((h) => h.id)).not.toContain(draft.id);
  });

  it('counts per kind what it pages, and pages add up to the total', async () => {
    const all = await search(t.prisma, A['zhao.mingyuan']!, '青', { page: { page: 1, size: 10 } });
    const total = SEARCH_KINDS.reduce((n, k) => n + (all.counts[k] ?? 0), 0);
    expect(all.page.total).toBe(total);
    expect(total).toBeGreaterThan(10);
    const ids = new Set<string>();
    for (let p = 1; p <= all.page.pageCount; p++) {
      const page = await search(t.prisma, A['zhao.mingyuan']!, '青', { page: { page: p, size: 10 } });
      for (const h of page.page.rows) ids.add(`${h.kind}:${h.id}`);
    }
    expect(ids.size).toBe(total);
    for (const kind of SEARCH_KINDS) {
      const one = await search(t.prisma, A['zhao.mingyuan']!, '青', { kind, page: { page: 1, size: 100 } });
      expect(one.page.total, kind).toBe(all.counts[kind]);
      expect(one.page.rows.every((h) => h.kind === kind)).toBe(true);
    }
  });

  it('takes %, _ and \\ literally', async () => {
    const everything = (await find('zhao.mingyuan', '青')).page.total;
    for (const q of ['%', '_', '\\', '%%青%', '青_']) {
      const r = await search(t.prisma, A['zhao.mingyuan']!, q, { page: { page: 1, size: 100 } });
      // Only records that hold the characters themselves (some facts do hold a %).
      expect(r.page.total, q).toBeLessThan(everything);
      for (const h of r.page.rows) expect(h.texts.join(' '), q).toContain(q);
    }
  });

  it('finds nothing for the administrator, and nothing of this district for another one', async () => {
    expect((await find('admin', '青')).page.total).toBe(0);
  });

  it('puts the record whose number is the query first', async () => {
    const c = await t.prisma.supervisionCase.findFirstOrThrow({ orderBy: { number: 'asc' } });
    const r = await find('zhao.mingyuan', c.number);
    expect(r.page.rows[0]).toMatchObject({ kind: 'cases', id: c.id });
  });
});

describe('messages', () => {
  it("the SQL reading of who may read a message agrees with the threads' where, for every user here", async () => {
    for (const [who, actor] of Object.entries(A)) {
      const byPrisma = (await t.prisma.threadMessage.findMany({ where: readableWhere(actor) as Prisma.ThreadMessageWhereInput, select: { id: true } })).map((m) => m.id).sort();
      const bySql = (await t.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT m.id::text AS id FROM "ThreadMessage" m WHERE ${readableSql(actor, 'm')}`)).map((m) => m.id).sort();
      expect(bySql, who).toEqual(byPrisma);
    }
  });

  it('finds a message between the institutions for both sides, with the record it belongs to', async () => {
    for (const who of ['li.wen', 'lin.xue', 'chen.zhiqiang']) {
      const r = await find(who, '审查进度说明', 'messages');
      expect(r.page.total, who).toBe(1);
      expect(r.page.rows[0]!.owner?.[0], who).toBe('Recommendation');
      expect(r.page.rows[0]!.owner?.[2], who).toBe('shared');
    }
  });

  it("finds an internal note only for its own institution", async () => {
    const court = await find('chen.zhiqiang', '部分采纳', 'messages');
    expect(court.page.total).toBe(1);
    expect(court.page.rows[0]!.owner?.[2]).toBe('internal');
    for (const who of ['li.wen', 'zhao.mingyuan']) expect((await find(who, '部分采纳')).counts.messages, who).toBe(0);
    const procuratorate = await find('wu.yating', '到期前一周', 'messages');
    expect(procuratorate.page.total).toBe(1);
    for (const who of ['lin.xue', 'wang.jianguo']) expect((await find(who, '到期前一周')).counts.messages, who).toBe(0);
  });
});
