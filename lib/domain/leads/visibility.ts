/** Leads: the sending and the receiving institution of the pair; the supervision case a lead joined stays the procuratorate's. */
import { ALWAYS, recordVisibility } from '@/lib/domain/visibility';

export const LEAD_VISIBILITY = recordVisibility({
  recordType: 'CaseLead',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: ALWAYS },
  hidden: { court: [{ fields: ['caseId'] }] },
});
