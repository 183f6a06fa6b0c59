/** The supervision cases list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { CASE_STAGES, TAG_FILTERS } from '@/lib/domain/cases/machine';
import { CASE_KINDS } from '@/lib/domain/cases/numbers';
import { defineList, parseAsFlag, parseAsId, parseAsMine, type FilterOf } from './define';

export const caseList = defineList('/cases', {
  kind: parseAsStringLiteral(CASE_KINDS),
  stage: parseAsStringLiteral(CASE_STAGES),
  tag: parseAsStringLiteral(TAG_FILTERS),
  /** One handling procurator (overrides `mine`). */
  procurator: parseAsId,
  /** Review running past its due date. */
  overdue: parseAsFlag,
  /** Procurators: only the cases they handle (the default), or all of the procuratorate's. */
  mine: parseAsMine,
});

export type CaseFilter = FilterOf<typeof caseList>;
