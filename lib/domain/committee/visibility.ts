/**
 * Committee meetings: the court always; the procuratorate once the court has notified it (before
 * that it does not see the meeting at all). The materials are confidential: the court's people who
 * see the meeting; on the procuratorate's side only the named attendee and the procuratorate's
 * leaders. The court clerk who scheduled the meeting is the court's internal business.
 *
 * Requests to attend: the requesting procuratorate and the court it is addressed to; the
 * procuratorate's supervision case behind a request stays its own.
 */
import { actorRole, ALWAYS, anyOf, isActor, recordVisibility, set } from '@/lib/domain/visibility';

export const MEETING_VISIBILITY = recordVisibility({
  recordType: 'CommitteeMeeting',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: set('notifiedAt'), court: ALWAYS },
  parts: {
    materials: { court: ALWAYS, procuratorate: anyOf(actorRole('PROCURATORATE_LEADER'), isActor('attendeeId')) },
  },
  hidden: { procuratorate: [{ fields: ['createdById'] }] },
});

export const REQUEST_VISIBILITY = recordVisibility({
  recordType: 'AttendanceRequest',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: ALWAYS },
  hidden: { court: [{ fields: ['caseId'] }] },
});
