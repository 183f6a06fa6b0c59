/**
 * next-auth (v4) configuration: Credentials provider, JWT sessions carrying user id, role and
 * institution. The JWT is only a hint: every request reloads the user from the database
 * (lib/web/session.ts), so deactivation or a role change takes effect at once.
 *
 * CommonJS note: scripts run by tsx must not import this module (next-auth is CommonJS).
 */
import type { NextAuthOptions } from 'next-auth';
import { encode, type JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/data/db';
import { verifySignIn, type SignInResult } from '@/lib/data/users';
import { log } from '@/lib/log';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/**
 * The one check of a username and password (input limits, the lockout, the same answer for
 * every failure), for the sign-in form's action and next-auth's credentials endpoint alike.
 */
export async function checkCredentials(credentials: { username?: unknown; password?: unknown } | undefined, requestId?: string): Promise<SignInResult> {
  const result = await verifySignIn(db(), { username: credentials?.username, password: credentials?.password }, new Date(), requestId);
  if (result.ok) log.info({ requestId, userId: result.user.id }, 'sign-in');
  else log.info({ requestId, code: result.code }, 'sign-in refused');
  return result;
}

type SessionUser = Extract<SignInResult, { ok: true }>['user'];

/**
 * The session cookie next-auth would set after a credentials sign-in: the same token (its jwt
 * callback), encoded by next-auth's own JWT encoder, under next-auth's cookie name and options.
 */
export async function sessionCookie(user: SessionUser) {
  const secure = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  const base: JWT = { name: user.name, sub: user.id };
  const token = await authOptions.callbacks!.jwt!({ token: base, user, account: null, trigger: 'signIn' });
  if (!authOptions.secret) throw new Error('NEXTAUTH_SECRET is not set');
  const value = await encode({ token, secret: authOptions.secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name: `${secure ? '__Secure-' : ''}next-auth.session-token`,
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
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const requestId = headers['x-request-id'];
        const result = await checkCredentials(credentials, requestId);
        if (result.ok) return { id: result.user.id, name: result.user.name, role: result.user.role, institutionId: result.user.institutionId };
        // The message travels to the sign-in form as a code; the form localizes it.
        throw new Error(result.code === 'locked' ? `locked:${result.minutesLeft ?? 15}` : result.code);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: string; institutionId?: string };
        token.uid = u.id;
        token.role = u.role;
        token.institutionId = u.institutionId;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined };
    },
  },
};
