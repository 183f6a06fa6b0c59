/**
 * The sign-in limits (rules in lib/domain/signin.ts: SIGNIN_LIMITS, the backoff), counted by
 * rate-limiter-flexible in PostgreSQL (table `sign_in_limit`, created by a migration), so every
 * app server shares them and each count is one atomic `INSERT … ON CONFLICT … RETURNING`.
 *
 * An attempt consumes its points before the password is checked (`consumeAttempt`); a refused
 * attempt never reaches the password check. A success gives the points back (`attemptSucceeded`).
 * Never call these inside a transaction: they use the pool's own connections.
 */
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import {
  KNOWN_ADDRESS_DAYS,
  LOCK_CODE,
  LOCK_MEMORY_SECONDS,
  SIGNIN_LIMITS,
  limitState,
  lockSeconds,
  minutesLeft,
  type LimitName,
} from '@/lib/domain/signin';
import { poolOf, type Db } from './db';

const TABLE = 'sign_in_limit';

interface Limiters {
  limits: Record<LimitName, RateLimiterPostgres>;
  /** How many times each key was locked lately: the backoff's memory. */
  locks: RateLimiterPostgres;
  /** Name-and-address pairs that signed in lately (the name limit does not apply to them). */
  known: RateLimiterPostgres;
}

const cache = new WeakMap<Db, Limiters>();

/**
 * A pg-shaped client for the store when the Prisma client has no pg pool (PGlite in tests): the
 * same SQL through Prisma, with the `expire` bigint as a number as pg returns it.
 */
function prismaStoreClient(prisma: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...(q.values ?? []));
      const fixed = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
      return { rows: fixed, rowCount: fixed.length };
    },
  };
}

function limitersOf(prisma: Db): Limiters {
  const hit = cache.get(prisma);
  if (hit) return hit;
  const pool = poolOf(prisma);
  const store = pool
    ? { storeClient: pool, storeType: 'pool' }
    : { storeClient: prismaStoreClient(prisma), storeType: 'client' };
  const make = (keyPrefix: string, points: number, duration: number, clearExpired = false) =>
    new RateLimiterPostgres({
      ...store,
      tableName: TABLE,
      tableCreated: true,
      // One of the limiters sweeps the shared table's expired rows (every 5 minutes); the rest need not.
      clearExpiredByTimeout: clearExpired,
      keyPrefix,
      points,
      duration,
    });
  const l: Limiters = {
    limits: {
      nameAddress: make('na', SIGNIN_LIMITS.nameAddress.points, SIGNIN_LIMITS.nameAddress.windowSeconds, true),
      address: make('ad', SIGNIN_LIMITS.address.points, SIGNIN_LIMITS.address.windowSeconds),
      name: make('nm', SIGNIN_LIMITS.name.points, SIGNIN_LIMITS.name.windowSeconds),
    },
    locks: make('lk', 1_000_000, LOCK_MEMORY_SECONDS),
    known: make('kn', 1_000_000, KNOWN_ADDRESS_DAYS * 24 * 60 * 60),
  };
  cache.set(prisma, l);
  return l;
}

/** Consumes one point, answering the count whether or not the limit is exceeded. */
async function consume(limiter: RateLimiterPostgres, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  }
}

export interface Attempt {
  /** The keys this attempt consumed, to give back on success. */
  keys: Partial<Record<LimitName, string>>;
}

export type AttemptRefusal = { code: (typeof LOCK_CODE)[LimitName]; minutesLeft: number; limit: LimitName; started: boolean };

/**
 * Counts an attempt of `name` from `address` against every limit that applies, and answers either
 * the attempt (go on and check the password) or the refusal with the longest lock. The attempt
 * that first exceeds a limit locks it for the backoff's next duration.
 */
export async function consumeAttempt(prisma: Db, name: string, address: string): Promise<{ ok: true; attempt: Attempt } | { ok: false; refusal: AttemptRefusal }> {
  const l = limitersOf(prisma);
  const pair = `${name}|${address}`;
  // All queued at once, in arrival order: the name-and-address count decides parallel guesses.
  const [na, ad, known] = await Promise.all([
    consume(l.limits.nameAddress, pair),
    consume(l.limits.address, address),
    l.known.get(pair),
  ]);
  const keys: Attempt['keys'] = { nameAddress: pair, address };
  const counted: [LimitName, string, RateLimiterRes][] = [
    ['nameAddress', pair, na],
    ['address', address, ad],
  ];
  // The name's count (guesses from many addresses) takes only attempts that pass the address's
  // limits: a guesser hammering from one address cannot push the name over for everyone.
  const passed = counted.every(([limit, , res]) => limitState(SIGNIN_LIMITS[limit], res.consumedPoints) === 'ok');
  // Likewise a guess the name-and-address lock refuses costs the address nothing (no password is
  // checked): the address's point goes back, so one hammered name does not cap a shared address.
  if (limitState(SIGNIN_LIMITS.nameAddress, na.consumedPoints) !== 'ok' && limitState(SIGNIN_LIMITS.address, ad.consumedPoints) === 'ok') {
    await l.limits.address.reward(address, 1);
  }
  if (!known && passed) {
    keys.name = name;
    counted.push(['name', name, await consume(l.limits.name, name)]);
  }
  let refusal: AttemptRefusal | null = null;
  for (const [limit, key, res] of counted) {
    const state = limitState(SIGNIN_LIMITS[limit], res.consumedPoints);
    if (state === 'ok') continue;
    let ms = res.msBeforeNext;
    if (state === 'startsLock') {
      const nth = (await consume(l.locks, `${limit}:${key}`)).consumedPoints;
      const seconds = lockSeconds(nth);
      await l.limits[limit].block(key, seconds);
      ms = seconds * 1000;
    }
    if (!refusal || ms > refusal.minutesLeft * 60_000) {
      refusal = { code: LOCK_CODE[limit], minutesLeft: minutesLeft(ms), limit, started: state === 'startsLock' };
    }
  }
  return refusal ? { ok: false, refusal } : { ok: true, attempt: { keys } };
}

/**
 * A correct password: the name-and-address count and its backoff start over, the address's and
 * the name's point is given back, and the address becomes known for the name.
 */
export async function attemptSucceeded(prisma: Db, attempt: Attempt): Promise<void> {
  const l = limitersOf(prisma);
  const { nameAddress, address, name } = attempt.keys;
  await Promise.all([
    nameAddress ? l.limits.nameAddress.delete(nameAddress) : null,
    nameAddress ? l.locks.delete(`nameAddress:${nameAddress}`) : null,
    nameAddress ? l.known.set(nameAddress, 1, KNOWN_ADDRESS_DAYS * 24 * 60 * 60) : null,
    address ? l.limits.address.reward(address, 1) : null,
    name ? l.limits.name.reward(name, 1) : null,
  ]);
}
