'use server';

/**
 * The header's sign-out button: a plain form POST to this action (no client JavaScript, so no
 * next-auth client library on every page). It ends the server-side session the cookie names —
 * which is what makes a copy of the cookie worthless — and clears the cookie, then goes to the
 * sign-in page. The Origin check in proxy.ts and the server action's own check stop a cross-site
 * sign-out.
 */
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/data/db';
import { signOutSession } from '@/lib/data/sessions';
import { authOptions, sessionCookieName } from './auth';
import { requestId } from './session';

export async function signOutAction(): Promise<never> {
  const session = (await getServerSession(authOptions)) as { uid?: string; sid?: string } | null;
  if (session?.uid) await signOutSession(db(), { uid: session.uid, sid: session.sid }, await requestId());
  const { name, secure } = sessionCookieName();
  const jar = await cookies();
  // next-auth splits a large token into name.0, name.1, …: every part goes.
  for (const c of jar.getAll()) {
    if (c.name === name || c.name.startsWith(`${name}.`)) jar.set(c.name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 0 });
  }
  redirect('/signin');
}
