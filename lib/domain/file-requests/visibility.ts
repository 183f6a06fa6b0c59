/**
 * File requests: the asking procuratorate always (its drafts too); the court asked only once the
 * request is sent (`sentOn` set) — a draft, or a draft discarded before sending, never reaches it.
 */
import { ALWAYS, recordVisibility, set } from '@/lib/domain/visibility';

export const FILE_REQUEST_VISIBILITY = recordVisibility({
  recordType: 'FileRequest',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: set('sentOn') },
  // Who drafted it is the procuratorate's internal business; the court sees who sent it.
  hidden: { court: [{ fields: ['createdById'] }] },
});
