/** The committee page's two lists (meetings, attendance requests) in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { COMMITTEE_STATUSES, REQUEST_STATUSES } from '@/lib/domain/committee/machine';
import { defineList, parseAsFlag, type FilterOf } from './define';

export const meetingList = defineList('/committee', {
  status: parseAsStringLiteral(COMMITTEE_STATUSES),
  /** Scheduled for today or later. */
  upcoming: parseAsFlag,
});

/** Shares the committee page with the meetings: its own paging parameters. */
export const requestList = defineList(
  '/committee',
  { requestStatus: parseAsStringLiteral(REQUEST_STATUSES) },
  { pageKey: 'requestsPage', sizeKey: 'requestsSize' },
);

export type MeetingFilter = FilterOf<typeof meetingList>;
export type RequestFilter = FilterOf<typeof requestList>;
