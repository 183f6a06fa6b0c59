/**
 * The shell's search: one query over every kind declared in lib/domain/search.ts, each kind's rows
 * filtered in SQL by the kind's visibility declaration (./visibility-sql.ts, the same reading as
 * every list's `where`), matched by substring on its generated, pg_trgm-indexed `searchText`,
 * ranked (an exact reference first, then trigram word similarity), counted per kind and paged in
 * SQL. Nothing the user may not see is read, counted or ranked.
 */
import type { Actor } from '@/lib/domain/roles';
import { likePattern, searchSourcesFor, tableOf, type SearchKind, type SearchSource } from '@/lib/domain/search';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PageRequest } from '@/lib/lists/define';
import type { Db } from './db';
import { pageOf, type Page } from './page';
import { readableSql, recordIdSql } from './threads';
import { column, visibleSql } from './visibility-sql';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The declared fields' texts, in declaration order (array fields joined by a space); null where empty. */
  texts: (string | null)[];
  /** Thread messages: the record's type and id, and the audience (shared or internal); null for records. */
  owner: [string, string, string] | null;
  score: number;
}

export interface SearchResult {
  page: Page<SearchHit>;
  /** The kinds the actor may find at all, in order, with their matches (whichever is shown). */
  counts: Partial<Record<SearchKind, number>>;
}

const T = 't';

function fieldText(source: SearchSource, field: string): Prisma.Sql {
  const c = column(T, field);
  return source.arrayFields?.includes(field) ? Prisma.sql`NULLIF(array_to_string(${c}, ' '), '')` : Prisma.sql`${c}::text`;
}

/** The rows of the source the actor may see (the record's declaration, or a thread's readers). */
function scopeSql(source: SearchSource, actor: Actor): Prisma.Sql {
  return source.scope.kind === 'record' ? visibleSql(source.scope.visibility, actor, T) : readableSql(actor, T);
}

function matching(source: SearchSource, actor: Actor, pattern: string): Prisma.Sql {
  return Prisma.sql`${scopeSql(source, actor)} AND ${column(T, 'searchText')} LIKE liaison_search_norm(${pattern})`;
}

function fromTable(source: SearchSource): Prisma.Sql {
  const table = tableOf(source);
  if (!/^[A-Za-z]+$/.test(table)) throw new Error(`not a table: ${table}`);
  return Prisma.raw(`"${table}" ${T}`);
}

function hitsOf(source: SearchSource, actor: Actor, q: string, pattern: string): Prisma.Sql {
  const texts = Prisma.join(source.fields.map((f) => fieldText(source, f)));
  return Prisma.sql`
    SELECT ${source.key}::text AS kind, ${column(T, 'id')}::text AS id, ARRAY[${texts}]::text[] AS texts,
      ${source.scope.kind === 'threadMessage' ? Prisma.sql`ARRAY[${column(T, 'recordType')}, ${recordIdSql(T)}, ${column(T, 'audience')}::text]` : Prisma.sql`NULL::text[]`} AS owner,
      ${source.reference ? Prisma.sql`(CASE WHEN liaison_search_norm(${column(T, source.reference)}) = liaison_search_norm(${q}) THEN 1 ELSE 0 END)::int` : Prisma.sql`0`} AS exact,
      word_similarity(liaison_search_norm(${q}), ${column(T, 'searchText')})::float8 AS score
    FROM ${fromTable(source)}
    WHERE ${matching(source, actor, pattern)}`;
}

/**
 * One page of what the actor may see matching `q` (already read by `readSearchQuery`), of one kind
 * or of all; and the matches per kind.
 */
export async function search(prisma: Db, actor: Actor, q: string, opts: { kind?: SearchKind | null; page: PageRequest }): Promise<SearchResult> {
  const pattern = likePattern(q);
  const sources = searchSourcesFor(actor);
  const counts: Partial<Record<SearchKind, number>> = Object.fromEntries(sources.map((s) => [s.key, 0]));
  const shown = sources.filter((s) => !opts.kind || s.key === opts.kind);
  if (!shown.length) return { counts, page: await pageOf<SearchHit>([], opts.page) };
  const countRows = await prisma.$queryRaw<{ kind: SearchKind; n: number }[]>(
    Prisma.sql`${Prisma.join(
      sources.map((s) => Prisma.sql`SELECT ${s.key}::text AS kind, count(*)::int AS n FROM ${fromTable(s)} WHERE ${matching(s, actor, pattern)}`),
      ' UNION ALL ',
    )}`,
  );
  for (const r of countRows) counts[r.kind] = Number(r.n);
  const page = await pageOf<SearchHit>(
    [
      {
        count: async () => shown.reduce((n, s) => n + (counts[s.key] ?? 0), 0),
        find: async ({ skip, take }) =>
          prisma.$queryRaw<SearchHit[]>(Prisma.sql`
            SELECT kind, id, texts, owner, score FROM (${Prisma.join(
              shown.map((s) => hitsOf(s, actor, q, pattern)),
              ' UNION ALL ',
            )}) hits
            ORDER BY exact DESC, score DESC, kind, id
            OFFSET ${skip} LIMIT ${take}`),
      },
    ],
    opts.page,
  );
  return { page, counts };
}
