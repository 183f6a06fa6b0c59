/** The recommendations list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';
import { RECOMMENDATION_STATUSES } from '@/lib/domain/recommendations/machine';
import { defineList, parseAsDay, parseAsFlag, parseAsId, parseAsMine, type FilterOf } from './define';

/** What a recommendation waits for, beyond its status: to be issued or served; an extension decision. */
export const RECOMMENDATION_PENDING = ['issue', 'extension'] as const;
export const REPLIED_FILTERS = ['late', 'onTime', 'any'] as const;
export const ADOPTION_FILTERS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export const RECTIFIED_FILTERS = ['yes', 'no', 'evaluated'] as const;

export const recommendationList = defineList('/recommendations', {
  status: parseAsStringLiteral(RECOMMENDATION_STATUSES),
  type: parseAsStringLiteral(RECOMMENDATION_TYPES),
  overdue: parseAsFlag,
  pending: parseAsStringLiteral(RECOMMENDATION_PENDING),
  /** Served within [servedFrom, servedTo] (the overview's period). */
  servedFrom: parseAsDay,
  servedTo: parseAsDay,
  replied: parseAsStringLiteral(REPLIED_FILTERS),
  adoption: parseAsStringLiteral(ADOPTION_FILTERS),
  rectified: parseAsStringLiteral(RECTIFIED_FILTERS),
  addresseeCourt: parseAsId,
  /** Procurators: only the ones they drafted (the default), or all of the procuratorate's. */
  mine: parseAsMine,
});

/** The recommendations awaiting a leader's approval (/recommendations/approvals). */
export const approvalList = defineList('/recommendations/approvals', {});

export type RecommendationFilter = FilterOf<typeof recommendationList>;
