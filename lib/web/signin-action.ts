'use server';

/**
 * The sign-in form's action: a plain POST, so signing in works without JavaScript too. The
 * credentials go through the one check (`checkCredentials`: limits, lockout, one message for
 * every failure) and the session is next-auth's own JWT cookie; next-auth then reads it as if
 * its credentials endpoint had set it.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { addressOf, checkCredentials, sessionCookie } from './auth';
import { isIntent, parseForm, type ActionState } from './forms';
import { requestId } from './session';
import { safeCallbackUrl } from './urls';

/** What a refused sign-in carries besides its code: the minutes left of a lock. */
export type SignInState = ActionState<{ minutes?: number }>;

export async function signInAction(_prev: SignInState | null, form: FormData): Promise<SignInState> {
  const at = Date.now();
  const submission = parseForm(form);
  const refuse = (fieldErrors: Record<string, string[]>, formErrors: string[] = [], minutes?: number): SignInState => ({
    ...submission.reply({ fieldErrors, formErrors, hideFields: ['password'] }),
    status: 'error',
    data: minutes === undefined ? undefined : { minutes },
    at,
  });
  if (isIntent(form)) return { ...submission.reply({ hideFields: ['password'] }), at };
  const username = form.get('username');
  const password = form.get('password');
  if (typeof username !== 'string' || !username.trim()) return refuse({ username: ['usernameRequired'] });
  if (typeof password !== 'string' || !password) return refuse({ password: ['passwordRequired'] });
  // checkCredentials logs an unexpected error with the request id and answers `unexpected`.
  const result = await checkCredentials({ username, password }, { requestId: await requestId(), address: addressOf(await headers()) });
  if (!result.ok) return refuse({}, [result.code], result.minutesLeft);
  const cookie = await sessionCookie(result);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  const to = form.get('callbackUrl');
  redirect(safeCallbackUrl(typeof to === 'string' ? to : undefined));
}
