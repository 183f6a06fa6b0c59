/**
 * Refuses a production start without a session secret or a database (the demo generates its
 * own secret under .data/). Imported by instrumentation.ts on the Node.js runtime only.
 */
export function checkProductionEnv(): void {
  if (process.env.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const missing: string[] = [];
  if (!process.env.NEXTAUTH_SECRET || process.env.NEXTAUTH_SECRET.length < 32) missing.push('NEXTAUTH_SECRET (32+ random characters)');
  if (!process.env.DATABASE_URL) missing.push('DATABASE_URL');
  if (missing.length === 0) return;
  console.error(
    `Liaison refuses to start: missing ${missing.join(' and ')}.\n` +
      'Set them in the environment (e.g. NEXTAUTH_SECRET=$(openssl rand -base64 48)), or run `npm run demo`, ' +
      'which prepares an embedded database and a generated secret under .data/.',
  );
  process.exit(1);
}
