/**
 * The Prisma client. One code path for every database: PostgreSQL through
 * `@prisma/adapter-pg`, whether the server is a real PostgreSQL or the embedded PGlite served
 * on a local port by pglite-server. Tests may hand in their own client (see `createPrisma`).
 */
import { appendFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export type Db = PrismaClient;
/** A transaction client, as handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The pg pool under each client made by createPrisma: the sign-in limits share it (lib/data/signin-limits.ts). */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * Pool sizing (docs/decisions/0018): at most DATABASE_POOL_MAX connections (default 10) per app
 * server; requests beyond that wait in the pool's queue, for up to DATABASE_POOL_WAIT_MS (default
 * 20 s) — a burst of sign-ins queues instead of failing, and a database that is really gone still
 * answers an error in bounded time.
 */
export function createPrisma(databaseUrl: string, poolMax?: number): PrismaClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolMax ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: Number(process.env.DATABASE_POOL_WAIT_MS ?? 20_000),
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server drops (restart, failover) must not crash the process.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // A burst of requests queues for a connection as long as the pool itself lets one wait
  // (connectionTimeoutMillis), instead of Prisma's default 2 s after which a step would fail as
  // an unexpected error (50 parallel steps on a busy machine did; tests/integration/concurrency).
  const transactionOptions = { maxWait: pool.options.connectionTimeoutMillis ?? 20_000, timeout: 15_000 };
  const trace = process.env.LIAISON_SQL_TRACE;
  if (!trace) return registered(new PrismaClient({ adapter, transactionOptions }), pool);
  // The benchmark's SQL floor: every statement with its parameters, one JSON line each, so that
  // `npm run bench` can replay a page's queries through plain `pg` (bench/province/floor.ts).
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (e) => appendFileSync(trace, `${JSON.stringify({ query: e.query, params: e.params })}\n`));
  return registered(client, pool);
}

function registered<C extends PrismaClient>(client: C, pool: pg.Pool): C {
  pools.set(client, pool);
  return client;
}

/** The pg pool of a client made by createPrisma (undefined for others, e.g. PGlite in tests). */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}

const globalForPrisma = globalThis as unknown as { __liaisonPrisma?: PrismaClient };

/** The process-wide client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  if (!globalForPrisma.__liaisonPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        'DATABASE_URL is not set. Run `npm run demo` for the embedded database, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
    globalForPrisma.__liaisonPrisma = createPrisma(url);
  }
  return globalForPrisma.__liaisonPrisma;
}
