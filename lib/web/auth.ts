/**
 * next-auth (v4) configuration: Credentials provider, JWT sessions carrying user id, role and
 * institution. The JWT is only a hint: every request reloads the user from the database
 * (lib/web/session.ts), so deactivation or a role change takes effect at once.
 *
 * CommonJS note: scripts run by tsx must not import this module (next-auth is CommonJS).
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/data/db';
import { verifySignIn } from '@/lib/data/users';
import { log } from '@/lib/log';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

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
        const result = await verifySignIn(
          db(),
          { username: credentials?.username, password: credentials?.password },
          new Date(),
          requestId,
        );
        if (result.ok) {
          log.info({ requestId, userId: result.user.id }, 'sign-in');
          return { id: result.user.id, name: result.user.name, role: result.user.role, institutionId: result.user.institutionId };
        }
        log.info({ requestId, code: result.code }, 'sign-in refused');
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
