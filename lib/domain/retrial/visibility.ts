/**
 * Retrial matters: both institutions of the pair from filing on; the procuratorate's supervision
 * case behind a matter stays its own. Evidence items are seen exactly as their matter.
 */
import { ALWAYS, childVisibility, recordVisibility } from '@/lib/domain/visibility';

export const RETRIAL_VISIBILITY = recordVisibility({
  recordType: 'RetrialMatter',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: ALWAYS },
  hidden: { court: [{ fields: ['caseId'] }] },
});

export const EVIDENCE_VISIBILITY = childVisibility('EvidenceItem', 'matter', RETRIAL_VISIBILITY);
