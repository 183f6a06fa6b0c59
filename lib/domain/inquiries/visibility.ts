/** Enforcement inquiries: the asking procuratorate and the court asked; the supervision case behind one stays the procuratorate's. */
import { ALWAYS, recordVisibility } from '@/lib/domain/visibility';

export const INQUIRY_VISIBILITY = recordVisibility({
  recordType: 'EnforcementInquiry',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: ALWAYS },
  hidden: { court: [{ fields: ['caseId'] }] },
});
