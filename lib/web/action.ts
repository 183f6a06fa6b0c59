/**
 * The authenticated server-action wrapper. A server action is a public endpoint: it resolves
 * the actor from the session and the database, runs one data-layer function, and answers with
 * Conform's submission result, whose errors are message codes that the form localizes (nothing
 * is written on error: the data layer validates before its transaction and throws inside it to
 * roll back).
 */
import 'server-only';
import { redirect } from 'next/navigation';
import { ZodError } from 'zod';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import { log } from '@/lib/log';
import { isIntent, parseForm, zodFieldErrors, type ActionState } from './forms';
import { getActor, requestId } from './session';

export { formObject, zodFieldErrors, type ActionState, type StepActionResult } from './forms';

/** The refusal an error stands for: field codes, or one form code. */
function refusal(e: unknown): { fieldErrors?: Record<string, string[]>; formErrors?: string[] } | null {
  if (e instanceof ZodError) return { fieldErrors: zodFieldErrors(e) };
  if (e instanceof FieldError) return { fieldErrors: { [e.field]: [e.code] } };
  if (e instanceof ConflictError) return { formErrors: ['conflict'] };
  if (e instanceof StepError) return { formErrors: [`step.${e.code}`] };
  if (e instanceof ForbiddenError) return { formErrors: ['forbidden'] };
  return null;
}

/**
 * Runs `fn` for the signed-in actor on a submitted form. `hideFields` are never sent back
 * (passwords). Success answers status 'success' with the form reset and `data`.
 */
export async function runAction<T>(
  name: string,
  form: FormData,
  fn: (actor: Actor, ctx: { requestId?: string }) => Promise<T>,
  options: { hideFields?: string[] } = {},
): Promise<ActionState<T>> {
  const at = Date.now();
  const submission = parseForm(form);
  const refuse = (r: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }): ActionState<T> => ({
    ...submission.reply({ fieldErrors: r.fieldErrors ?? {}, formErrors: r.formErrors ?? [], hideFields: options.hideFields }),
    status: 'error',
    at,
  });
  // Every field is checked in the browser; a validation-only request never runs the action.
  if (isIntent(form)) return { ...submission.reply({ hideFields: options.hideFields }), at };
  const rid = await requestId();
  const actor = await getActor();
  if (!actor) return refuse({ formErrors: ['signedOut'] });
  try {
    const data = await fn(actor, { requestId: rid });
    log.info({ requestId: rid, actorId: actor.id, action: name }, 'action ok');
    return { ...submission.reply({ resetForm: true }), status: 'success', data, at };
  } catch (e) {
    const r = refusal(e);
    if (e instanceof ForbiddenError) log.warn({ requestId: rid, actorId: actor.id, action: name, reason: e.reason }, 'action forbidden');
    if (r) return refuse(r);
    log.error({ requestId: rid, actorId: actor.id, action: name, err: e }, 'action failed');
    return refuse({ formErrors: ['unexpected'] });
  }
}

/** After a success, go to the page `to` names (a new record's page); a refusal stays on the form. Works with and without JavaScript. */
export function redirectOnSuccess<T>(state: ActionState<T>, to: (data: T) => string | undefined): ActionState<T> {
  const path = state.status === 'success' && state.data !== undefined ? to(state.data) : undefined;
  if (path) redirect(path);
  return state;
}
