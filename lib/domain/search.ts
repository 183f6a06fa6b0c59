/**
 * Search, declared once: which records the shell's search box finds, by which of their fields,
 * under which visibility declaration; how a query is read (trimmed, at most SEARCH_MAX_CHARS,
 * brackets of every width read as one so `（2022）青0103民初123号`, `(2022)青0103民初123号` and
 * `〔2022〕` all match); and how a match is marked in what is shown.
 *
 * The database keeps, per searched table, a generated column `searchText` over exactly the
 * declared fields, normalized by the SQL function `liaison_search_norm` — the same mapping as
 * `normalizeForSearch` below — and indexed with pg_trgm for substring search (migration
 * 20261202073000_search; tests/integration/search.test.ts checks the column covers exactly the
 * declared fields). A searched field is never one a side may not see (`assertSearchable`): search
 * cannot reveal what the record's page would not show.
 */
import { CASE_VISIBILITY } from './cases/visibility';
import { RECOMMENDATION_VISIBILITY } from './recommendations/visibility';
import type { Actor } from './roles';
import { mayBeHidden, viewerSide, type RecordVisibility } from './visibility';

/** The kinds of record the search finds (one source each, below). */
export const SEARCH_KINDS = ['cases', 'recommendations', 'messages'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_MAX_CHARS = 100;
export const SEARCH_PAGE_SIZE = 20;

/** Opening and closing brackets a user may type, each read as `(` or `)` (full-width, lenticular, tortoise-shell, square). */
const OPENING = '（〔【［﹝';
const CLOSING = '）〕】］﹞';

/** One character as search reads it: brackets unified, letters in lower case (never changing the length). */
function normalizeChar(c: string): string {
  if (OPENING.includes(c)) return '(';
  if (CLOSING.includes(c)) return ')';
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

/** A text as search reads it, character for character (positions in the result are positions in the text). */
export function normalizeForSearch(text: string): string {
  let out = '';
  for (const c of text) out += normalizeChar(c);
  return out;
}

export type SearchQuery = { ok: true; q: string; normalized: string } | { ok: false; code: 'searchEmpty' | 'searchTooLong' };

/** The query as typed → what is searched for, or why nothing is searched. */
export function readSearchQuery(raw: string | undefined | null): SearchQuery {
  const q = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!q) return { ok: false, code: 'searchEmpty' };
  if ([...q].length > SEARCH_MAX_CHARS) return { ok: false, code: 'searchTooLong' };
  return { ok: true, q, normalized: normalizeForSearch(q) };
}

/** A LIKE pattern matching the normalized query anywhere (its own %, _ and \ taken literally). */
export function likePattern(normalized: string): string {
  return `%${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A text cut into plain and matched pieces, for marking the match. */
export interface Segment {
  text: string;
  match: boolean;
}

/**
 * `text` split around every occurrence of the query (read as search reads both). With `window`, a
 * long text is cut to about that many characters around the first match, with … where cut.
 */
export function highlight(text: string, normalizedQuery: string, window?: number): Segment[] {
  const chars = [...text];
  const hay = chars.map(normalizeChar);
  const needle = [...normalizedQuery];
  const hits: number[] = [];
  if (needle.length) {
    for (let i = 0; i + needle.length <= hay.length; ) {
      if (needle.every((c, k) => hay[i + k] === c)) {
        hits.push(i);
        i += needle.length;
      } else i++;
    }
  }
  let from = 0;
  let to = chars.length;
  if (window && chars.length > window) {
    const first = hits[0] ?? 0;
    from = Math.max(0, Math.min(first - Math.floor((window - needle.length) / 2), chars.length - window));
    to = Math.min(chars.length, from + window);
  }
  const out: Segment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += s;
    else out.push({ text: s, match });
  };
  if (from > 0) push('…', false);
  let i = from;
  for (const h of hits) {
    if (h < from) continue;
    if (h + needle.length > to) break;
    push(chars.slice(i, h).join(''), false);
    push(chars.slice(h, h + needle.length).join(''), true);
    i = h + needle.length;
  }
  push(chars.slice(i, to).join(''), false);
  if (to < chars.length) push('…', false);
  return out;
}

/**
 * Who may see a searched row: a record's visibility declaration (whose record type is the
 * table), or the messages of threads (ThreadMessage: the record's visibility and the message's
 * audience, lib/domain/threads/rules.ts, read in lib/data/threads.ts).
 */
export type SearchScope = { readonly kind: 'record'; readonly visibility: RecordVisibility } | { readonly kind: 'threadMessage' };

/**
 * One kind of row the search finds: who may see it, the fields it is found by (in the generated
 * column's order), the field shown as its reference (a number), if any, and as its title.
 */
export interface SearchSource<F extends string = string> {
  /** The kind's key (catalog `search.kinds.<key>`). */
  readonly key: SearchKind;
  readonly scope: SearchScope;
  readonly fields: readonly F[];
  /** Array columns among `fields` (joined into the generated column as their elements). */
  readonly arrayFields?: readonly F[];
  readonly reference?: F;
  readonly title: F;
}

/** The source's table (the Prisma model's name). */
export function tableOf(source: SearchSource): string {
  return source.scope.kind === 'record' ? source.scope.visibility.recordType : 'ThreadMessage';
}

/** Refuses a declaration that would search a field one side may not see (a test runs it over every source). */
export function assertSearchable(source: SearchSource): void {
  if (source.scope.kind !== 'record') return;
  for (const side of ['procuratorate', 'court'] as const) {
    const hidden = new Set(mayBeHidden(source.scope.visibility, side).fields);
    const leak = source.fields.find((f) => hidden.has(f));
    if (leak) throw new Error(`search ${source.key}: ${leak} is hidden from the ${side}`);
  }
}

// ---------------------------------------------------------------------------------------------
// What is searched (one declaration per kind; its generated column lists the same fields)

type CaseField = 'number' | 'title' | 'parties' | 'courtCaseNumber' | 'courtCaseNumbers';
type RecommendationField = 'number' | 'title' | 'courtCaseNumber' | 'facts';

/** One source per kind, in SEARCH_KINDS' order (a unit test checks it). */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    key: 'cases',
    scope: { kind: 'record', visibility: CASE_VISIBILITY },
    fields: ['number', 'title', 'parties', 'courtCaseNumber', 'courtCaseNumbers'],
    arrayFields: ['courtCaseNumbers'],
    reference: 'number',
    title: 'title',
  } satisfies SearchSource<CaseField>,
  {
    key: 'recommendations',
    scope: { kind: 'record', visibility: RECOMMENDATION_VISIBILITY },
    fields: ['number', 'title', 'courtCaseNumber', 'facts'],
    reference: 'number',
    title: 'title',
  } satisfies SearchSource<RecommendationField>,
  // Messages and internal notes of threads: the text only (attachments' names come with documents).
  { key: 'messages', scope: { kind: 'threadMessage' }, fields: ['body'], title: 'body' } satisfies SearchSource<'body'>,
];

/** The sources whose records the actor's side may ever see (the court never sees supervision cases, so it is not offered them). */
export function searchSourcesFor(actor: Actor): readonly SearchSource[] {
  const side = viewerSide(actor);
  if (!side) return [];
  return SEARCH_SOURCES.filter((s) => s.scope.kind !== 'record' || s.scope.visibility.sees[side].op !== 'never');
}
