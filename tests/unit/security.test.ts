/** The edge rules proxy.ts applies (lib/web/security.ts); the same rules over HTTP are in tests/e2e/edge.spec.ts. */
import { describe, expect, it } from 'vitest';
import { appOrigins, contentSecurityPolicy, decodablePath, needsOriginCheck, newNonce, originAllowed, requestIdFor, servedOverHttps } from '@/lib/web/security';

const PROD = { NODE_ENV: 'production', NEXTAUTH_URL: 'https://liaison.example.org/', ALLOWED_ORIGINS: 'https://liaison.court.example, not a url ,http://10.0.0.5:3000' };
const URL_ = 'http://10.0.0.5:3000/recommendations';

describe('origins of state-changing requests', () => {
  it('the app origins: NEXTAUTH_URL and ALLOWED_ORIGINS, invalid entries ignored', () => {
    expect(appOrigins(PROD)).toEqual(['https://liaison.example.org', 'https://liaison.court.example', 'http://10.0.0.5:3000']);
    expect(appOrigins({})).toEqual([]);
  });

  it('every method but GET, HEAD and OPTIONS is checked, except next-auth’s own endpoints', () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) expect(needsOriginCheck(m, '/recommendations/new'), m).toBe(true);
    for (const m of ['GET', 'HEAD', 'OPTIONS']) expect(needsOriginCheck(m, '/'), m).toBe(false);
    expect(needsOriginCheck('POST', '/api/auth/callback/credentials')).toBe(false);
    expect(needsOriginCheck('POST', '/api/authx')).toBe(true);
  });

  it('only the configured origins pass; missing, null, foreign, or look-alike origins do not', () => {
    expect(originAllowed('https://liaison.example.org', URL_, PROD)).toBe(true);
    expect(originAllowed('https://liaison.court.example', URL_, PROD)).toBe(true);
    for (const o of [null, '', 'null', 'https://evil.example', 'http://liaison.example.org', 'https://liaison.example.org.evil.example', 'https://liaison.example.org:444']) {
      expect(originAllowed(o, URL_, PROD), String(o)).toBe(false);
    }
    // The request's own host is not trusted when origins are configured, nor in production without any.
    expect(originAllowed('http://evil.example', 'http://evil.example/x', PROD)).toBe(false);
    expect(originAllowed('http://10.0.0.5:3000', URL_, { NODE_ENV: 'production' })).toBe(false);
    // Development without NEXTAUTH_URL: the request's own origin.
    expect(originAllowed('http://localhost:3000', 'http://localhost:3000/', { NODE_ENV: 'development' })).toBe(true);
    expect(originAllowed('http://evil.example', 'http://localhost:3000/', { NODE_ENV: 'development' })).toBe(false);
  });
});

describe('request ids', () => {
  it('are generated, unless a trusted proxy sent one of the strict format', () => {
    expect(requestIdFor('crafted-by-client-1', {})).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor('proxy-id-12345678', { TRUSTED_PROXY_HOPS: '1' })).toBe('proxy-id-12345678');
    for (const bad of ['short', 'has space in it', 'x'.repeat(65), 'a\nb-12345678', '<script>1234']) {
      expect(requestIdFor(bad, { TRUSTED_PROXY_HOPS: '1' }), bad).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFor(null, {})).not.toBe(requestIdFor(null, {}));
  });
});

describe('headers', () => {
  it('HSTS only over HTTPS: NEXTAUTH_URL https, or a trusted proxy’s X-Forwarded-Proto', () => {
    expect(servedOverHttps(null, { NEXTAUTH_URL: 'https://liaison.example.org' })).toBe(true);
    expect(servedOverHttps('https', { NEXTAUTH_URL: 'http://10.0.0.5' })).toBe(false);
    expect(servedOverHttps('https', { NEXTAUTH_URL: 'http://10.0.0.5', TRUSTED_PROXY_HOPS: '1' })).toBe(true);
    expect(servedOverHttps('http', { TRUSTED_PROXY_HOPS: '1' })).toBe(false);
    expect(servedOverHttps('https', {})).toBe(false);
  });

  it('the CSP: nonce and strict-dynamic for scripts, no objects, no framing, forms and base to the app only', () => {
    const n = newNonce();
    expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(n);
    const csp = contentSecurityPolicy(n, { https: true, dev: false });
    expect(csp).toContain(`script-src 'self' 'nonce-${n}' 'strict-dynamic'`);
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'", 'upgrade-insecure-requests']) expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy(n, { https: false, dev: true })).toContain("'unsafe-eval'");
  });
});

describe('paths', () => {
  it('a path decodes as UTF-8 or names nothing (malformed and truncated percent-encodings, overlong forms)', () => {
    for (const p of ['/', '/recommendations/4f0c8a1e-0000-4000-8000-000000000000', '/cases/%E5%9F%8E', '/x%20y', '/a%2Fb']) expect(decodablePath(p), p).toBe(true);
    for (const p of ['/recommendations/%E0%A4%A', '/committee/x/materials/%C0%AF', '/retrial/%E0%A4%A/evidence/x', '/%', '/%zz', '/%ED%A0%80']) expect(decodablePath(p), p).toBe(false);
  });
});
