import { NextResponse, type NextRequest } from 'next/server';

/**
 * Gives every request an id (kept when a trusted front proxy already set one), passed to the
 * app as the `x-request-id` request header and echoed on the response. Logs and audit events
 * carry it. Authorization is not decided here but in lib/domain/policy via lib/web/session.
 */
export function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', id);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('x-request-id', id);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
