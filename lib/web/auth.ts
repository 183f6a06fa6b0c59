/**
 * next-auth (v4) configuration: Credentials provider, JWT cookies naming the user and the
 * server-side session (`uid`, `sid`). Every request loads the session row and the user in one
 * query (lib/web/session.ts → lib/data/sessions.ts), so sign-out, deactivation and the
 * administrator's "end sessions" take effect at once, on every app server.
 *
 * CommonJS note: scripts run by tsx must not import this module (next-auth is CommonJS).
 */
import type { NextAuthOptions } from 'next-auth';
import { encode, type JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { db } from '@/lib/data/db';
import { signOutSession } from '@/lib/data/sessions';
import { verifySignIn, type SignInResult } from '@/lib/data/users';
import { clientAddress, SESSION_HOURS } from '@/lib/domain/signin';
import { log } from '@/lib/log';
import { trustedProxyHops } from './security';

export const SESSION_MAX_AGE_SECONDS = SESSION_HOURS * 60 * 60; // one working day

/**
 * The client address of a request, as a limit key: X-Forwarded-For read through the number of
 * trusted proxies in front of the app (TRUSTED_PROXY_HOPS, default 0: no proxy; see
 * lib/domain/signin.ts clientAddress and docs/deployment.md).
 */
export function addressOf(h: { get(name: string): string | null }): string {
  return clientAddress(h.get('x-forwarded-for'), trustedProxyHops());
}

/**
 * The one check of a username and password (input limits, the sign-in limits, the same answer
 * for every failure), for the sign-in form's action and next-auth's credentials endpoint alike.
 * An unexpected error is logged with the request id and answered with the code `unexpected`.
 */
export async function checkCredentials(
  credentials: { username?: unknown; password?: unknown } | undefined,
  ctx: { requestId?: string; address: string },
): Promise<SignInResult> {
  const { requestId, address } = ctx;
  try {
    const result = await verifySignIn(db(), { username: credentials?.username, password: credentials?.password }, { requestId, address });
    if (result.ok) log.info({ requestId, userId: result.user.id }, 'sign-in');
    else log.info({ requestId, code: result.code, address }, 'sign-in refused');
    return result;
  } catch (err) {
    log.error({ requestId, err }, 'sign-in failed');
    return { ok: false, code: 'unexpected' };
  }
}

type SignedIn = Extract<SignInResult, { ok: true }>;

/** What next-auth's jwt callback receives as `user` after a sign-in. */
function sessionUser(r: SignedIn) {
  return { id: r.user.id, name: r.user.name, role: r.user.role, institutionId: r.user.institutionId, sid: r.sessionId };
}

/**
 * The session cookie next-auth would set after a credentials sign-in: the same token (its jwt
 * callback), encoded by next-auth's own JWT encoder, under next-auth's cookie name and options.
 */
/** The session cookie's name and attributes: `__Secure-` and Secure when the app is served over https. */
export function sessionCookieName() {
  const secure = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  return { name: `${secure ? '__Secure-' : ''}next-auth.session-token`, secure };
}

export async function sessionCookie(user: SignedIn) {
  const { name, secure } = sessionCookieName();
  const base: JWT = { name: user.user.name, sub: user.user.id };
  const token = await authOptions.callbacks!.jwt!({ token: base, user: sessionUser(user), account: null, trigger: 'signIn' });
  if (!authOptions.secret) throw new Error('NEXTAUTH_SECRET is not set');
  const value = await encode({ token, secret: authOptions.secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name,
    value,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  logger: {
    error: (code, metadata) => log.error({ code, metadata }, 'next-auth error'),
    warn: (code) => log.warn({ code }, 'next-auth warning'),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Credentials',
      credentials: {
        username: { label: 'username', type: 'text' },
        password: { label: 'password', type: 'password' },
      },
      async authorize(credentials, req) {
        const raw = (req?.headers ?? {}) as Record<string, string | undefined>;
        const h = { get: (name: string) => raw[name] ?? null };
        const result = await checkCredentials(credentials, { requestId: raw['x-request-id'], address: addressOf(h) });
        if (result.ok) return sessionUser(result);
        // Only a code travels to the sign-in page (in its URL); never an internal message.
        throw new Error(result.minutesLeft ? `${result.code}:${result.minutesLeft}` : result.code);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: string; institutionId?: string; sid?: string };
        token.uid = u.id;
        token.sid = u.sid;
        token.role = u.role;
        token.institutionId = u.institutionId;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sid: token.sid as string | undefined };
    },
  },
  events: {
    // next-auth's sign-out endpoint (every sign-out button posts to it), after its CSRF check.
    async signOut({ token }) {
      const requestId = (await headers()).get('x-request-id') ?? undefined;
      if (token) await signOutSession(db(), { uid: token.uid, sid: token.sid }, requestId);
    },
  },
};
