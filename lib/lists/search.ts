/** The search page's query, kind and paging in the URL (see ./define). */
import { parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { SEARCH_KINDS } from '@/lib/domain/search';
import { defineList, type FilterOf } from './define';

export const searchList = defineList('/search', {
  q: parseAsString.withDefault(''),
  kind: parseAsStringLiteral(SEARCH_KINDS),
});

export type SearchFilter = FilterOf<typeof searchList>;
