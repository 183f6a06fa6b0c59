/** The non-litigation applications list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { NON_LITIGATION_STATUSES } from '@/lib/domain/non-litigation/machine';
import { defineList, parseAsFlag, type FilterOf } from './define';

export const applicationList = defineList('/non-litigation', {
  status: parseAsStringLiteral(NON_LITIGATION_STATUSES),
  overdue: parseAsFlag,
  stalled: parseAsFlag,
  /** Procuratorate only: a checkpoint whose latest finding is a flag. */
  flagged: parseAsFlag,
});

export type ApplicationFilter = FilterOf<typeof applicationList>;
