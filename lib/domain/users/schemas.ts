/** Input of the administrator's forms (new user), validated on the server and checked in the form. Messages are codes. */
import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';
import { isCleanText, optionalText, text } from '@/lib/domain/validation';

export const newUserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, { error: 'tooShort' })
    .max(32, { error: 'tooLong' })
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'usernameFormat' }),
  name: text(64),
  title: optionalText(64),
  role: z.enum(ROLES, { error: 'invalidChoice' }),
  institutionId: z.uuid({ error: 'invalidChoice' }),
  departmentId: z
    .union([z.uuid({ error: 'invalidChoice' }), z.literal('')])
    .optional()
    .transform((s) => s || null),
  // Printable characters only: the sign-in form refuses control characters (lib/domain/signin.ts).
  password: z
    .string()
    .min(10, { error: 'passwordTooShort' })
    .max(256, { error: 'tooLong' })
    .refine((s) => isCleanText(s, 'single'), { error: 'controlCharacters' }),
});
export type NewUserInput = z.input<typeof newUserInput>;
