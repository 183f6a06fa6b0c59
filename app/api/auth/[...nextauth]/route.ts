import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/web/auth';
import { log } from '@/lib/log';

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

/** A redirect within the app (a relative Location: no host header is trusted for it). */
const toSignIn = (query = '') => new Response(null, { status: 303, headers: { Location: `/signin${query}` } });

/**
 * next-auth's endpoints, guarded: an unexpected error is logged with the request id and answered
 * with a redirect to the sign-in page carrying only the code `unexpected`, never an internal text.
 */
async function guarded(req: NextRequest, ctx: Ctx): Promise<Response> {
  try {
    return await handler(req, ctx);
  } catch (err) {
    log.error({ requestId: req.headers.get('x-request-id') ?? undefined, err, path: req.nextUrl.pathname }, 'auth endpoint failed');
    return toSignIn('?error=unexpected');
  }
}

export async function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  // A credentials sign-in is a POST; a GET (a typed or replayed URL) goes to the sign-in page.
  const [action, provider] = (await ctx.params).nextauth ?? [];
  if (action === 'callback' && provider === 'credentials') {
    return toSignIn();
  }
  return guarded(req, ctx);
}

export function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  return guarded(req, ctx);
}
