/**
 * Who sees a procuratorial recommendation: the issuing procuratorate always; the addressee court
 * from service on (before that it is the procuratorate's internal document). The court never sees
 * the procuratorate's internal file: the linked supervision case, the committee decision, the
 * approver, the superseding draft. The procuratorate does not see the court's reply draft until a
 * court leader signs it (the reply date is set on signing).
 */
import { ALWAYS, recordVisibility, set } from '@/lib/domain/visibility';

export const RECOMMENDATION_VISIBILITY = recordVisibility({
  recordType: 'Recommendation',
  parties: { procuratorate: 'institutionId', court: 'addresseeCourtId' },
  sees: { procuratorate: ALWAYS, court: set('servedOn') },
  hidden: {
    court: [{ fields: ['caseId', 'committeeDecisionNo', 'committeeDecisionOn', 'approvedById', 'approvedAt'], relations: ['case', 'supersededBy'] }],
    procuratorate: [{ fields: ['replyAdoption', 'replyMeasures', 'replyReasons', 'replySignedById', 'replySubmittedAt'], until: set('replyOn') }],
  },
});
