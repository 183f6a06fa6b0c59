/** Input pieces every workflow's schemas share: dates, ids, versions. Messages are codes. */
import { z } from 'zod';
import { isValidIsoDate } from '@/lib/domain/dates';

export const isoDate = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: 'dateFormat' })
  .refine((s) => isValidIsoDate(s), { error: 'dateInvalid' });

export const version = z.coerce.number({ error: 'invalid' }).int().positive();

export const uuid = z.uuid({ error: 'invalidChoice' });
