/**
 * `npm run audit:verify`: walks every audit chain (docs/decisions/0023), records the run, and
 * prints "N events verified" (exit 0) or the first broken link of each broken chain (exit 1).
 *
 * The database: DATABASE_URL (else DATABASE_OWNER_URL); without either, the demo's embedded
 * database under .data/pglite, which must not be open in `npm run demo` at the same time (PGlite
 * is one process's: stop the demo, or use the button on the administrator page).
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { runAuditVerification } from '@/lib/data/audit-chain';
import { createPrisma, type Db } from '@/lib/data/db';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { BrokenLink } from '@/lib/domain/audit-chain';
import { DEFAULT_APP_ROLE } from '@/scripts/db/access.mjs';
import { pgliteExtensions } from '@/scripts/db/pglite';

const REASONS: Record<BrokenLink['reason'], string> = {
  content: 'its content was changed after it was written',
  sequence: 'it is not the next event of its chain (an event before it was removed, or it was inserted)',
  link: 'its link to the event before it does not match (an event before it was replaced or inserted)',
  unchained: 'it is in no chain (written around the audit writer)',
  head: 'the chain ends elsewhere than its recorded head (events removed from its end)',
};

function describeBroken(b: BrokenLink): string {
  const where = b.eventId ? `event #${b.eventId}${b.seq ? ` (seq ${b.seq})` : ''}` : `after seq ${b.seq}`;
  const expected = b.expectedSeq ? `; expected seq ${b.expectedSeq}` : '';
  return `chain ${b.chain}: ${where}: ${REASONS[b.reason]}${expected}`;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

async function open(): Promise<{ prisma: Db; label: string; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL?.trim() || process.env.DATABASE_OWNER_URL?.trim();
  if (url) {
    const prisma = createPrisma(url, 1);
    return { prisma, label: new URL(url).host + new URL(url).pathname, close: () => prisma.$disconnect() };
  }
  const dir = path.join(process.cwd(), '.data', 'pglite');
  if (!existsSync(dir)) throw new Error('No database: set DATABASE_URL, or run `npm run demo` once to create the embedded one in .data/pglite.');
  if (await portOpen(Number(process.env.LIAISON_PGLITE_PORT ?? 54329))) {
    throw new Error('The demo seems to be running (its database port answers): stop it first, or verify from the administrator page.');
  }
  const db = await PGlite.create({ dataDir: dir, username: DEFAULT_APP_ROLE, extensions: await pgliteExtensions() });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    label: path.relative(process.cwd(), dir),
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

async function main(): Promise<number> {
  const db = await open();
  try {
    const r = await runAuditVerification(db.prisma, { trigger: 'cli' });
    if (r.ok) {
      console.log(`${r.events} events verified (${r.chains} chains, ${db.label}).`);
      return 0;
    }
    console.log(`Audit chain broken (${db.label}); ${r.events} events verified before the break.`);
    console.log(`First broken link: ${describeBroken(r.broken[0]!)}`);
    for (const b of r.broken.slice(1)) console.log(`Also broken: ${describeBroken(b)}`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
