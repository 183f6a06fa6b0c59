/**
 * What proxy.ts decides for every request, as plain functions of the request's method, path and
 * headers and of the environment (docs/decisions/0020):
 *
 * - **Origins.** A state-changing request (any method but GET, HEAD, OPTIONS: server actions,
 *   with or without JavaScript) is accepted only with an `Origin` that is one of the app's own:
 *   `NEXTAUTH_URL`'s origin plus `ALLOWED_ORIGINS` (comma-separated origins, for deployments
 *   reached under several names behind a proxy). Host and X-Forwarded-Host are never trusted
 *   for this. next-auth's own endpoints (/api/auth/…) are left to next-auth's CSRF token.
 * - **Request id.** Generated here; a front proxy's `X-Request-Id` is kept only when
 *   the app is behind trusted proxies (`TRUSTED_PROXY_HOPS` ≥ 1) and it has a strict format.
 * - **Headers.** A nonce-based Content-Security-Policy (Next applies the nonce of the request's
 *   CSP header to its own scripts), HSTS when the app is served over HTTPS (NEXTAUTH_URL https,
 *   or X-Forwarded-Proto https from a trusted proxy). Permissions-Policy is static (next.config.js).
 * - **Paths.** A path that is not valid percent-encoded UTF-8 (`/recommendations/%E0%A4%A`) names
 *   no record: it is answered as not found, before Next's own parameter decoding throws (HTTP 500).
 */

type Env = Record<string, string | undefined>;

/**
 * The one proxy setting: how many proxies in front of the app append to X-Forwarded-For
 * (`TRUSTED_PROXY_HOPS`, default 0). With one or more, the nearest proxy's X-Forwarded-Proto and
 * X-Request-Id are trusted too; the sign-in limits read the client address through that many hops.
 * Anything but a whole number from 0 to 10 counts as 0 (no proxy trusted).
 */
export function trustedProxyHops(env: Env = process.env): number {
  const n = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The app's own origins: NEXTAUTH_URL's, then ALLOWED_ORIGINS' (invalid entries are ignored). */
export function appOrigins(env: Env = process.env): string[] {
  const list = [env.NEXTAUTH_URL ?? '', ...(env.ALLOWED_ORIGINS ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
  return [...new Set(list.map(originOf).filter((o): o is string => o !== null))];
}

/** Whether a request changes state and so must come from one of the app's own pages. */
export function needsOriginCheck(method: string, pathname: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  // next-auth's endpoints check their own CSRF token (double-submit cookie).
  return !(pathname === '/api/auth' || pathname.startsWith('/api/auth/'));
}

/**
 * Whether a state-changing request's Origin is the app's: a missing, `null` or foreign Origin is
 * not. Without any configured origin (development without NEXTAUTH_URL) the request's own URL
 * stands in; in production nothing is accepted then.
 */
export function originAllowed(origin: string | null, requestUrl: string, env: Env = process.env): boolean {
  if (!origin || origin === 'null') return false;
  const allowed = appOrigins(env);
  if (allowed.length === 0) return env.NODE_ENV !== 'production' && originOf(origin) === new URL(requestUrl).origin;
  return allowed.includes(originOf(origin) ?? '');
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The request's id: a trusted front proxy's when it has the strict format, else a new one. */
export function requestIdFor(incoming: string | null, env: Env = process.env): string {
  if (trustedProxyHops(env) > 0 && incoming && REQUEST_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}

/**
 * Whether the browser reached the app over HTTPS (HSTS is sent then). `next start` serves plain
 * HTTP, so HTTPS is a front proxy's: NEXTAUTH_URL says so, or the proxy does when trusted. (The
 * request's URL is no witness: Next builds it from X-Forwarded-Proto, whoever sent it.)
 */
export function servedOverHttps(forwardedProto: string | null, env: Env = process.env): boolean {
  if ((env.NEXTAUTH_URL ?? '').startsWith('https://')) return true;
  return trustedProxyHops(env) > 0 && forwardedProto?.split(',')[0]?.trim() === 'https';
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy of one response. */
export function contentSecurityPolicy(nonce: string, { https, dev }: { https: boolean; dev: boolean }): string {
  return [
    `default-src 'self'`,
    // 'strict-dynamic': scripts the nonced ones load are trusted; 'self' is ignored by browsers that know it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Whether every percent-encoding in the path decodes to UTF-8 (what Next's route params need). */
export function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Where a path that names nothing is sent: no route matches it, so the app's not-found page answers 404. */
export const NOT_FOUND_PATH = '/_not-found-path';

export const HSTS = 'max-age=63072000; includeSubDomains';
