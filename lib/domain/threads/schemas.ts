/**
 * Input of a thread message or internal note, validated on the server (and in the browser).
 * The audience is not part of it: it is the action's (two composers, two actions).
 */
import { z } from 'zod';
import { multilineText, optionalUuid, uuid } from '@/lib/domain/validation';
import { THREAD_RECORD_TYPES } from './kinds';
import { THREAD_LIMITS } from './rules';

/** A select-multiple sends its values one per part; one value or none arrive as a string or nothing. */
const ids = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
  z.array(z.uuid({ error: 'mentionInvalid' }), { error: 'mentionInvalid' }).max(THREAD_LIMITS.mentions, { error: 'tooManyMentions' }),
);

export const postInput = z.object({
  recordType: z.enum(THREAD_RECORD_TYPES, { error: 'invalidChoice' }),
  recordId: uuid,
  body: multilineText(THREAD_LIMITS.body),
  correctsId: optionalUuid,
  mentions: ids,
});
export type PostInput = z.infer<typeof postInput>;
