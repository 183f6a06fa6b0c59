import { NextResponse, type NextRequest } from 'next/server';
import { log } from '@/lib/log';
import { contentSecurityPolicy, decodablePath, HSTS, needsOriginCheck, newNonce, NOT_FOUND_PATH, originAllowed, requestIdFor, servedOverHttps } from '@/lib/web/security';

/**
 * Every request: a state-changing one from anywhere but the app's own pages is refused with 403
 * before it reaches a server action; every other one gets a server-side request id (passed to
 * the app as `x-request-id` and echoed on the response; logs and audit events carry it), a
 * nonce-based Content-Security-Policy (Next puts the nonce on its own scripts) and, over HTTPS,
 * HSTS. The rules are lib/web/security.ts; docs/decisions/0020. Authorization is not decided here
 * but in lib/domain/policy via lib/web/session.
 */
export function proxy(request: NextRequest) {
  const id = requestIdFor(request.headers.get('x-request-id'));
  const https = servedOverHttps(request.headers.get('x-forwarded-proto'));

  if (needsOriginCheck(request.method, request.nextUrl.pathname) && !originAllowed(request.headers.get('origin'), request.url)) {
    const refused = new NextResponse('Forbidden: this request did not come from a page of this application.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'x-request-id': id },
    });
    if (https) refused.headers.set('Strict-Transport-Security', HSTS);
    log.warn({ requestId: id, method: request.method, path: request.nextUrl.pathname, origin: request.headers.get('origin') }, 'cross-origin request refused');
    return refused;
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', id);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // A malformed percent-encoding names no record: the not-found page, not Next's decoding error.
  const response = decodablePath(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } });
  response.headers.set('x-request-id', id);
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
