/**
 * Non-litigation applications: both institutions of the pair. The procuratorate's checks (its
 * findings) and the supervision case a flagged finding opened are its own; the court never sees them.
 */
import { ALWAYS, recordVisibility } from '@/lib/domain/visibility';

export const NON_LITIGATION_VISIBILITY = recordVisibility({
  recordType: 'NonLitigationApplication',
  parties: { procuratorate: 'procuratorateId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: ALWAYS },
  hidden: { court: [{ fields: ['caseId'], relations: ['findings'] }] },
});
