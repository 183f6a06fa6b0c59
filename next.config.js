// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/web/i18n/request.ts');

/**
 * The hosts server actions accept requests from, besides the request's own: NEXTAUTH_URL's and
 * ALLOWED_ORIGINS' (the same list proxy.ts checks every state-changing request's Origin against,
 * lib/web/security.ts; that check comes first and answers 403).
 */
function allowedActionHosts() {
  const list = [process.env.NEXTAUTH_URL ?? '', ...(process.env.ALLOWED_ORIGINS ?? '').split(',')];
  const hosts = [];
  for (const value of list) {
    try {
      if (value.trim()) hosts.push(new URL(value.trim()).host);
    } catch {
      // An invalid entry is ignored here and in proxy.ts alike.
    }
  }
  return [...new Set(hosts)];
}

/** Browser features the app never uses, switched off. */
const PERMISSIONS_POLICY = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'magnetometer', 'gyroscope', 'accelerometer', 'display-capture']
  .map((f) => `${f}=()`)
  .join(', ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403.
    authInterrupts: true,
    serverActions: {
      // Uploads: the administrator's per-file limit (20 MB by default, at most 25 MB) and 25 MB a
      // submission (lib/domain/attachments.ts), checked in the browser and by the document store
      // with a field message; the limit here is above both
      // so that an oversized upload reaches those checks instead of Next's generic error.
      bodySizeLimit: '30mb',
      allowedOrigins: allowedActionHosts(),
    },
    // proxy.ts sees every request first, and Next buffers at most this much of its body for it
    // (default 10 MB; a larger body arrives cut off and fails to parse): the same limit.
    proxyClientMaxBodySize: '30mb',
  },
  allowedDevOrigins: ['127.0.0.1'],
  serverExternalPackages: ['pino', '@electric-sql/pglite', '@prisma/adapter-pg', 'pg', 'argon2', 'rate-limiter-flexible'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          // Content-Security-Policy and HSTS are set per request in proxy.ts (nonce, HTTPS).
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
