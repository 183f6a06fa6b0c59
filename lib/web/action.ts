/**
 * The authenticated server-action wrapper. A server action is a public endpoint: it resolves
 * the actor from the session and the database, runs one data-layer function, and turns errors
 * into a typed result of message codes that the form localizes (nothing is written on error:
 * the data layer validates before its transaction and throws inside it to roll back).
 */
import 'server-only';
import { ZodError } from 'zod';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import { log } from '@/lib/log';
import { getActor, requestId } from './session';

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; at: number }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string; at: number };

/** What a step's server action answers: the record's id, and a new record's id if it made one. */
export type StepActionResult = ActionResult<{ id: string; newId?: string }>;

export function zodFieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (out[field]) continue;
    // Custom messages are codes (see the schemas); zod's own messages map to generic codes.
    const code = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : issue.code === 'too_big' ? 'tooLong' : 'invalid';
    out[field] = code;
  }
  return out;
}

export async function runAction<T>(
  name: string,
  fn: (actor: Actor, ctx: { requestId?: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  const at = Date.now();
  const rid = await requestId();
  const actor = await getActor();
  if (!actor) return { ok: false, fieldErrors: {}, formError: 'signedOut', at };
  try {
    const data = await fn(actor, { requestId: rid });
    log.info({ requestId: rid, actorId: actor.id, action: name }, 'action ok');
    return { ok: true, data, at };
  } catch (e) {
    if (e instanceof ZodError) return { ok: false, fieldErrors: zodFieldErrors(e), at };
    if (e instanceof FieldError) return { ok: false, fieldErrors: { [e.field]: e.code }, at };
    if (e instanceof ConflictError) return { ok: false, fieldErrors: {}, formError: 'conflict', at };
    if (e instanceof StepError) return { ok: false, fieldErrors: {}, formError: `step.${e.code}`, at };
    if (e instanceof ForbiddenError) {
      log.warn({ requestId: rid, actorId: actor.id, action: name, reason: e.reason }, 'action forbidden');
      return { ok: false, fieldErrors: {}, formError: 'forbidden', at };
    }
    log.error({ requestId: rid, actorId: actor.id, action: name, err: e }, 'action failed');
    return { ok: false, fieldErrors: {}, formError: 'unexpected', at };
  }
}

/** FormData → plain object (last value wins; checkboxes arrive as "on"). */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}
