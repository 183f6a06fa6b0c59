import { z } from 'zod';
import { RECOMMENDATION_TYPES, type RecommendationType } from '@/lib/domain/deadlines/periods';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '@/lib/domain/recommendations/machine';
import { isoDate } from '@/lib/domain/recommendations/schemas';
import type { ListFilters } from '@/lib/data/recommendations';
import { among, one, type SearchParams } from '@/lib/web/params';


/** List filters from the URL; anything malformed is ignored rather than failing the page. */
export function parseListParams(sp: SearchParams, isProcurator: boolean): ListFilters {
  const date = (v: string | undefined) => (v && isoDate.safeParse(v).success ? v : undefined);
  const replied = z.enum(['late', 'onTime', 'any']).safeParse(one(sp.replied));
  const adoption = z.enum(['adopted', 'partly_adopted', 'not_adopted']).safeParse(one(sp.adoption));
  const rectified = z.enum(['yes', 'no', 'evaluated']).safeParse(one(sp.rectified));
  return {
    status: among<RecommendationStatus>(RECOMMENDATION_STATUSES, one(sp.status)),
    type: among<RecommendationType>(RECOMMENDATION_TYPES, one(sp.type)),
    overdue: one(sp.overdue) === '1',
    mine: isProcurator ? one(sp.mine) !== '0' : false,
    servedFrom: date(one(sp.servedFrom)),
    servedTo: date(one(sp.servedTo)),
    replied: replied.success ? replied.data : undefined,
    adoption: adoption.success ? adoption.data : undefined,
    rectified: rectified.success ? rectified.data : undefined,
  };
}
