/** The leads list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { LEAD_KINDS, LEAD_STATUSES } from '@/lib/domain/leads/machine';
import { defineList, parseAsFlag, type FilterOf } from './define';

export const LEAD_BOXES = ['incoming', 'outgoing'] as const;
export type LeadBox = (typeof LEAD_BOXES)[number];

export const leadList = defineList('/leads', {
  box: parseAsStringLiteral(LEAD_BOXES).withDefault('incoming'),
  kind: parseAsStringLiteral(LEAD_KINDS),
  status: parseAsStringLiteral(LEAD_STATUSES),
  /** Not yet acted on (sent or received). */
  open: parseAsFlag,
});

export type LeadFilter = FilterOf<typeof leadList>;
