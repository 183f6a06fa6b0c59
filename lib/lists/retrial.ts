/** The retrial matters list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { RETRIAL_KINDS, RETRIAL_STATUSES } from '@/lib/domain/retrial/machine';
import { defineList, parseAsFlag, type FilterOf } from './define';

export const retrialList = defineList('/retrial', {
  kind: parseAsStringLiteral(RETRIAL_KINDS),
  status: parseAsStringLiteral(RETRIAL_STATUSES),
  overdue: parseAsFlag,
});

export type RetrialFilter = FilterOf<typeof retrialList>;
