/**
 * Joint meetings and their consensus items (decision 0025): the host institution sees a meeting
 * from the moment it records it; the other institution of the pair from the first submission of
 * the minutes for its confirmation (`sharedAt`). The host's working text of the minutes is never
 * seen by the other institution; what it sees is the text as submitted. A consensus item is seen
 * as its meeting is: by the host from the start, by the other institution from the submission
 * that first carried it (`sharedAt` on the item), so an item added while revising returned
 * minutes stays the host's draft until the next submission.
 */
import { anyOf, eq, recordVisibility, set } from '@/lib/domain/visibility';

export const JOINT_MEETING_VISIBILITY = recordVisibility({
  recordType: 'JointMeeting',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: {
    procuratorate: anyOf(eq('hostKind', 'PROCURATORATE'), set('sharedAt')),
    court: anyOf(eq('hostKind', 'COURT'), set('sharedAt')),
  },
  hidden: {
    procuratorate: [{ fields: ['minutesDraft'], until: eq('hostKind', 'PROCURATORATE') }],
    court: [{ fields: ['minutesDraft'], until: eq('hostKind', 'COURT') }],
  },
});

export const CONSENSUS_ITEM_VISIBILITY = recordVisibility({
  recordType: 'ConsensusItem',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: {
    procuratorate: anyOf(eq('hostKind', 'PROCURATORATE'), set('sharedAt')),
    court: anyOf(eq('hostKind', 'COURT'), set('sharedAt')),
  },
});
