/**
 * Who sees a supervision case: the active staff of the procuratorate that holds it. It is the
 * procuratorate's own case management; the court it concerns never sees it (the court sees the
 * recommendations, inquiries… the case leads to, under their own rules).
 */
import { ALWAYS, NEVER, recordVisibility } from '@/lib/domain/visibility';

export const CASE_VISIBILITY = recordVisibility({
  recordType: 'SupervisionCase',
  parties: { procuratorate: 'institutionId', court: 'courtId' },
  sees: { procuratorate: ALWAYS, court: NEVER },
});
