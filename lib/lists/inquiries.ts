/** The enforcement inquiries list's filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { INQUIRY_STATUSES } from '@/lib/domain/inquiries/machine';
import { defineList, parseAsFlag, type FilterOf } from './define';

export const inquiryList = defineList('/inquiries', {
  status: parseAsStringLiteral(INQUIRY_STATUSES),
  overdue: parseAsFlag,
});

export type InquiryFilter = FilterOf<typeof inquiryList>;
