/**
 * One definition per list: its filters and paging as URL parameters (nuqs parsers), from which
 * come the page's parser, the serializer every link to the list is built with, the complete
 * filter object a count is taken over, and the hidden fields of its GET filter form.
 *
 * A list's filter object IS its URL state: `parse(searchParams).filter` is what the list page
 * hands to the data function, `complete({ status: 'x' })` is what a work-queue item or an overview
 * figure counts, and `href(filter)` is the link to the list showing exactly those rows. Because
 * both sides are the same object passed through the same parsers, a count and its list cannot
 * differ (tests/integration/counts-match-lists.test.ts checks it for every demo user).
 *
 * Plain TypeScript over `nuqs/server` (no Next.js, no client hooks, no client JavaScript): usable
 * by lib/data (counts), modules and app (pages, forms, pagers) and tests alike.
 */
import {
  createLoader,
  createParser,
  createSerializer,
  parseAsInteger,
  parseAsNumberLiteral,
  type inferParserType,
  type ParserMap,
  type UrlKeys,
} from 'nuqs/server';
import { isoDate, uuid } from '@/lib/domain/validation';

/** Page sizes a user may choose; anything else reads as the default. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

/** Which page of a list to show (1-based); the data layer clamps it to the pages there are. */
export interface PageRequest {
  page: number;
  size: number;
}

export const FIRST_PAGE: PageRequest = { page: 1, size: DEFAULT_PAGE_SIZE };

/** A checkbox filter: `name=1` when on; absent (or anything else) is off. */
export const parseAsFlag = createParser<boolean>({
  parse: (v: string) => (v === '1' ? true : null),
  serialize: () => '1',
}).withDefault(false);

/**
 * A procurator's scope: their own records (`true`, the default, absent from the URL) or all of the
 * institution's (`mine=0`). Ignored for everyone else.
 */
export const parseAsMine = createParser({
  parse: (v: string) => (v === '0' ? false : v === '1' ? true : null),
  serialize: (v: boolean) => (v ? '1' : '0'),
}).withDefault(true);

/** A calendar day YYYY-MM-DD (a real date); anything else reads as absent. */
export const parseAsDay = createParser({
  parse: (v: string) => (isoDate.safeParse(v).success ? v : null),
  serialize: (v: string) => v,
});

/** A record id (uuid); anything else reads as absent. */
export const parseAsId = createParser({
  parse: (v: string) => (uuid.safeParse(v).success ? v : null),
  serialize: (v: string) => v,
});

/** A page's `searchParams` prop, resolved. */
export type SearchParams = Record<string, string | string[] | undefined>;

type SearchInput = SearchParams | URLSearchParams | string;

export interface ListDefinition<P extends ParserMap> {
  /** The list page's path, e.g. `/recommendations`. */
  readonly path: string;
  /** The filters' parsers (not the paging ones), in URL order. */
  readonly parsers: P;
  /** The URL names of the paging parameters. */
  readonly pageKey: string;
  readonly sizeKey: string;
  /** Filter and page from a page's search params (or a link's query); malformed values read as absent. */
  parse(input: SearchInput): { filter: inferParserType<P>; page: PageRequest };
  /** The complete filter object for the fields given (the others take their defaults). */
  complete(partial?: Partial<inferParserType<P>>): inferParserType<P>;
  /** The link to the list showing this filter (defaults left out), optionally at a page. */
  href(filter: Partial<inferParserType<P>>, page?: Partial<PageRequest>): string;
  /**
   * Hidden inputs for a GET filter form: the filter's fields that have no control of their own in
   * the form (`shown`), and the page size, so that applying the form keeps them (the page goes
   * back to 1).
   */
  hidden(filter: inferParserType<P>, page: PageRequest, shown: readonly (keyof P & string)[]): { name: string; value: string }[];
}

export type FilterOf<D> = D extends ListDefinition<infer P> ? inferParserType<P> : never;

/**
 * Defines a list. `pageKey` / `sizeKey` rename the paging parameters where two lists share a page
 * (the committee page shows meetings and attendance requests).
 */
export function defineList<P extends ParserMap>(
  path: string,
  parsers: P,
  opts: { pageKey?: string; sizeKey?: string } = {},
): ListDefinition<P> {
  const pageKey = opts.pageKey ?? 'page';
  const sizeKey = opts.sizeKey ?? 'size';
  const all = {
    ...parsers,
    page: parseAsInteger.withDefault(1),
    size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  };
  const urlKeys = { page: pageKey, size: sizeKey } as UrlKeys<typeof all>;
  const load = createLoader(all, { urlKeys });
  const serializer = createSerializer(all, { urlKeys });
  /** Loosely typed: the filter fields are checked at the public signatures below. */
  const serialize = (base: string, values: Record<string, unknown>) =>
    serializer(base, values as Parameters<typeof serializer>[1]);
  const split = (values: inferParserType<typeof all>) => {
    const { page, size, ...filter } = values;
    return { filter: filter as unknown as inferParserType<P>, page: { page, size } };
  };
  const defaults = split(load({})).filter;
  return {
    path,
    parsers,
    pageKey,
    sizeKey,
    parse(input) {
      return split(load(input));
    },
    complete(partial = {}) {
      return { ...defaults, ...partial };
    },
    href(filter, page = {}) {
      return serialize(path, { ...filter, ...page });
    },
    hidden(filter, page, shown) {
      const rest = Object.fromEntries(Object.entries(filter).filter(([k]) => !shown.includes(k as keyof P & string)));
      const query = serialize('', { ...rest, size: page.size });
      return [...new URLSearchParams(query.replace(/^\?/, '')).entries()].map(([name, value]) => ({ name, value }));
    },
  };
}
