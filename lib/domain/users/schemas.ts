/** Input of the administrator's forms (new user), validated on the server and checked in the form. Messages are codes. */
import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';

export const newUserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, { error: 'tooShort' })
    .max(32, { error: 'tooLong' })
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'usernameFormat' }),
  name: z.string().trim().min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  title: z.string().trim().max(64, { error: 'tooLong' }).optional().transform((s) => s || null),
  role: z.enum(ROLES, { error: 'invalidChoice' }),
  institutionId: z.uuid({ error: 'invalidChoice' }),
  departmentId: z
    .union([z.uuid({ error: 'invalidChoice' }), z.literal('')])
    .optional()
    .transform((s) => s || null),
  password: z.string().min(10, { error: 'passwordTooShort' }).max(256, { error: 'tooLong' }),
});
export type NewUserInput = z.input<typeof newUserInput>;
