import { z } from 'zod';
import { RECOMMENDATION_TYPES, type RecommendationType } from '@/lib/domain/deadlines/periods';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '@/lib/domain/recommendations/machine';
import { isoDate } from '@/lib/domain/recommendations/schemas';
import type { ListFilters } from '@/lib/data/recommendations';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** List filters from the URL; anything malformed is ignored rather than failing the page. */
export function parseListParams(sp: Record<string, string | string[] | undefined>, isProcurator: boolean): ListFilters {
  const status = one(sp.status);
  const type = one(sp.type);
  const date = (v: string | undefined) => (v && isoDate.safeParse(v).success ? v : undefined);
  const replied = z.enum(['late', 'onTime', 'any']).safeParse(one(sp.replied));
  const adoption = z.enum(['adopted', 'partly_adopted', 'not_adopted']).safeParse(one(sp.adoption));
  const rectified = z.enum(['yes', 'no', 'evaluated']).safeParse(one(sp.rectified));
  return {
    status: (RECOMMENDATION_STATUSES as readonly string[]).includes(status ?? '') ? (status as RecommendationStatus) : undefined,
    type: (RECOMMENDATION_TYPES as readonly string[]).includes(type ?? '') ? (type as RecommendationType) : undefined,
    overdue: one(sp.overdue) === '1',
    mine: isProcurator ? one(sp.mine) !== '0' : false,
    servedFrom: date(one(sp.servedFrom)),
    servedTo: date(one(sp.servedTo)),
    replied: replied.success ? replied.data : undefined,
    adoption: adoption.success ? adoption.data : undefined,
    rectified: rectified.success ? rectified.data : undefined,
  };
}
