/**
 * Work-queue items and overview figures: each is declared as a list, a filter object of that list
 * and the list's own count function. The count is taken over the complete filter and the link is
 * that same filter serialized by the list's definition (lib/lists), so a figure and the list it
 * links to cannot differ.
 */
import type { inferParserType, ParserMap } from 'nuqs/server';
import type { ListDefinition } from '@/lib/lists/define';

export interface QueueItem {
  /** Message key (under recommendations.queue or home.supervisionQueue). */
  key: string;
  count: number;
  href: string;
}

/** Declares one item: `count(filter)` with the list's count function, linked to `list.href(filter)`. */
export function queueItem<P extends ParserMap>(
  key: string,
  list: ListDefinition<P>,
  filter: Partial<inferParserType<P>>,
  count: (filter: inferParserType<P>) => Promise<number>,
): () => Promise<QueueItem> {
  const full = list.complete(filter);
  return async () => ({ key, count: await count(full), href: list.href(full) });
}

/** Counts every declared item (in parallel). */
export function resolveQueue(items: readonly (() => Promise<QueueItem>)[]): Promise<QueueItem[]> {
  return Promise.all(items.map((item) => item()));
}
