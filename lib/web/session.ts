/**
 * The request's actor. Pages, server actions and route handlers start here: the cookie names a
 * user and a server-side session; both are read from the database on every request.
 */
import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { cache } from 'react';
import { db } from '@/lib/data/db';
import { loadSessionUser } from '@/lib/data/sessions';
import { can, type Feature } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { authOptions } from './auth';

/** The request's session user (actor and own profile), one query, once per request. */
const getSessionUser = cache(async () => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sid?: string } | null;
  if (!session?.uid) return null;
  // One query: the session row (open, unexpired, this user's) and the user (active), with the profile.
  return loadSessionUser(db(), session);
});

export const getActor = cache(async (): Promise<Actor | null> => (await getSessionUser())?.actor ?? null);

/** The signed-in user's own profile (header and home page), from the same query as the actor. */
export async function getOwnProfile() {
  const user = await getSessionUser();
  if (!user) redirect('/signin');
  return user.profile;
}

/** The signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  return actor;
}

/** The signed-in actor allowed to use `feature`, or the 403 page. */
export async function requireFeature(feature: Feature): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, feature)) forbidden();
  return actor;
}

export async function requestId(): Promise<string | undefined> {
  return (await headers()).get('x-request-id') ?? undefined;
}
