/** The file requests list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { FILE_REQUEST_STATUSES } from '@/lib/domain/file-requests/machine';
import { defineList, parseAsFlag, type FilterOf } from './define';

export const fileRequestList = defineList('/file-requests', {
  status: parseAsStringLiteral(FILE_REQUEST_STATUSES),
  /** Sent, unanswered, past the due date. */
  overdue: parseAsFlag,
  /** Answered (in full, in part or refused), not yet acknowledged by the procuratorate. */
  toRead: parseAsFlag,
  /** Answered at some time: the requests the median response time is taken over. */
  answered: parseAsFlag,
});

export type FileRequestFilter = FilterOf<typeof fileRequestList>;
