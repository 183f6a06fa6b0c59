import { z } from 'zod';
import type { CaseListFilters } from '@/lib/data/cases';
import { CASE_STAGES, TAG_FILTERS, type CaseStage, type TagFilter } from '@/lib/domain/cases/machine';
import { CASE_KINDS, type CaseKind } from '@/lib/domain/cases/numbers';
import { among, one, type SearchParams } from '@/lib/web/params';


/**
 * List filters from the URL (GET form); anything malformed is ignored rather than failing the
 * page. Procurators see their own cases unless they switch the scope (`mine=0`); naming a
 * procurator (`procurator=<id>`) shows that procurator's cases.
 */
export function parseCaseListParams(sp: SearchParams, isProcurator: boolean): CaseListFilters {
  const procurator = one(sp.procurator);
  return {
    kind: among<CaseKind>(CASE_KINDS, one(sp.kind)),
    stage: among<CaseStage>(CASE_STAGES, one(sp.stage)),
    tag: among<TagFilter>(TAG_FILTERS, one(sp.tag)),
    handlerId: procurator && z.uuid().safeParse(procurator).success ? procurator : undefined,
    overdue: one(sp.overdue) === '1',
    mine: isProcurator ? one(sp.mine) !== '0' : false,
  };
}
