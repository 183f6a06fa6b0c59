/**
 * Paging a list in the database: a `count` over the list's `where` and one `findMany` with
 * `skip` / `take` over the same `where`, in a stable order (every list's order ends with a unique
 * column). A page past the end shows the last page; a page below 1 shows the first.
 *
 * Lists whose order puts some rows first by their state (the court's unacknowledged
 * recommendations, open meetings, pending requests…) are paged as ordered segments: each segment
 * is the list's `where` AND the segment's condition, with its own order; the segments are disjoint
 * and together cover the list, so the total is the sum of their counts and a page is read from the
 * segments it spans.
 */
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';

/** The largest page the data layer returns, whatever is asked for. */
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  rows: T[];
  /** Rows in the whole list (every page). */
  total: number;
  /** The page shown (1-based; clamped to 1..pageCount). */
  page: number;
  size: number;
  /** At least 1 (an empty list has one empty page). */
  pageCount: number;
  /** 1-based positions of the first and last rows shown (0 and 0 when empty). */
  first: number;
  last: number;
}

/** One ordered part of a list: how many rows it has and how to read a window of them. */
export interface Segment<T> {
  count: () => Promise<number>;
  find: (window: { skip: number; take: number }) => Promise<T[]>;
}

function window(total: number, req: PageRequest) {
  const size = Math.min(Math.max(1, Math.trunc(req.size) || FIRST_PAGE.size), MAX_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(req.page) || 1), pageCount);
  return { size, pageCount, page, skip: (page - 1) * size };
}

/** Reads one page of a list made of ordered segments (one segment for a plain list). */
export async function pageOf<T>(segments: readonly Segment<T>[], req: PageRequest = FIRST_PAGE): Promise<Page<T>> {
  const counts = await Promise.all(segments.map((s) => s.count()));
  const total = counts.reduce((a, b) => a + b, 0);
  const { size, pageCount, page, skip } = window(total, req);
  const reads: Promise<T[]>[] = [];
  let offset = 0;
  for (let i = 0; i < segments.length; i++) {
    const n = counts[i]!;
    const from = Math.max(skip - offset, 0);
    const to = Math.min(skip + size - offset, n);
    if (to > from) reads.push(segments[i]!.find({ skip: from, take: to - from }));
    offset += n;
  }
  const rows = (await Promise.all(reads)).flat();
  return { rows, total, page, size, pageCount, first: rows.length ? skip + 1 : 0, last: skip + rows.length };
}

/** The same page with its rows mapped (the list's row shape from the database rows). */
export async function mapPage<A, B>(p: Page<A>, f: (rows: A[]) => B[] | Promise<B[]>): Promise<Page<B>> {
  return { ...p, rows: await f(p.rows) };
}
