/**
 * Sign-in rules: input limits and the failure throttle. Pure; the data layer stores the
 * throttle state and the web layer maps error codes to localized messages.
 */
import { z } from 'zod';

export const USERNAME_MAX = 64;
export const PASSWORD_MAX = 256;

/** Control characters other than none: usernames are printable, passwords may be anything printable. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export const signInInput = z.object({
  username: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(USERNAME_MAX, { error: 'tooLong' })
    .refine((s) => !CONTROL.test(s), { error: 'invalidCharacters' }),
  password: z
    .string({ error: 'required' })
    .min(1, { error: 'required' })
    .max(PASSWORD_MAX, { error: 'tooLong' })
    .refine((s) => !CONTROL.test(s), { error: 'invalidCharacters' }),
});

/** The name key: usernames compare case-insensitively; unknown names are limited alike. */
export function nameKey(username: string): string {
  return username.trim().toLowerCase().slice(0, USERNAME_MAX);
}

// ---------------------------------------------------------------------------------------------
// Sign-in limits (docs/decisions/0018-sign-in-under-attack.md). Every attempt consumes a point of
// each limit that applies BEFORE the password is checked, so parallel guesses are counted as they
// arrive; a success gives its points back (and clears the name-and-address count).

export type LimitName = 'nameAddress' | 'address' | 'name';

export interface Limit {
  /** Attempts allowed within the window; the next one starts a lock. */
  points: number;
  /** How long failures are remembered. */
  windowSeconds: number;
}

export const SIGNIN_LIMITS: Record<LimitName, Limit> = {
  /** Consecutive failures of one name from one address: the user's own typos, and a guesser at one address. */
  nameAddress: { points: 5, windowSeconds: 60 * 60 },
  /** Failures from one address whatever the name: a slow cap on one address trying many names. */
  address: { points: 100, windowSeconds: 24 * 60 * 60 },
  /**
   * Failures of one name from addresses it has not signed in from lately: a guesser spread over many
   * addresses. It never applies at an address the user signed in from (see KNOWN_ADDRESS_DAYS), so
   * an attacker elsewhere cannot lock the real user out at their usual place.
   */
  name: { points: 50, windowSeconds: 24 * 60 * 60 },
};

/** An address the user signed in from within this many days is theirs: the name limit skips it. */
export const KNOWN_ADDRESS_DAYS = 30;

/**
 * Backoff: the n-th lock of the same key within LOCK_MEMORY_SECONDS lasts LOCK_BACKOFF_MINUTES[n-1]
 * (the last entry from then on). A lock is never renewed by attempts during it.
 */
export const LOCK_BACKOFF_MINUTES = [5, 15, 60, 4 * 60, 24 * 60] as const;
export const LOCK_MEMORY_SECONDS = 24 * 60 * 60;

/** How long the `nth` lock (1 = first) lasts, in seconds. */
export function lockSeconds(nth: number): number {
  const i = Math.min(Math.max(1, Math.floor(nth)), LOCK_BACKOFF_MINUTES.length) - 1;
  return LOCK_BACKOFF_MINUTES[i]! * 60;
}

/** After consuming, the count says: within the limit, the attempt that starts a lock, or locked already. */
export function limitState(limit: Limit, consumed: number): 'ok' | 'startsLock' | 'locked' {
  if (consumed <= limit.points) return 'ok';
  return consumed === limit.points + 1 ? 'startsLock' : 'locked';
}

/** Each lock has its own message, so the user learns why and for how long (no hint whether a user exists). */
export const LOCK_CODE = { nameAddress: 'locked', address: 'lockedAddress', name: 'lockedName' } as const satisfies Record<LimitName, string>;

/** Minutes left of a lock, rounded up, at least 1. */
export function minutesLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

// ---------------------------------------------------------------------------------------------
// The client address

/**
 * The address a request comes from, as a limit key. `forwardedFor` is the X-Forwarded-For header as
 * the app receives it; `trustedHops` the number of proxies in front of the app that append to it
 * (TRUSTED_PROXY_HOPS). Next's server sets the header to the socket address only when the request
 * has none (it does not append), so with no trusted proxy the last entry is the socket's address or
 * whatever a client sent; with N proxies, the N-th entry from the right is the address the outermost
 * trusted proxy saw. IPv6 addresses count per /64 (one subscriber's network).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const parts = (forwardedFor ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const hops = Math.max(1, Math.floor(trustedHops) || 0);
  const raw = parts.length ? parts[Math.max(0, parts.length - hops)]! : '';
  return normalizeAddress(raw);
}

export function normalizeAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  if (a.startsWith('[')) a = a.slice(1, a.indexOf(']') > 0 ? a.indexOf(']') : undefined);
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.startsWith('::ffff:') && a.includes('.')) a = a.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) return a;
  if (/^[0-9a-f:]+$/.test(a) && a.includes(':')) return ipv6Prefix64(a);
  return a ? 'other:' + a.replace(/[^a-z0-9.:_-]/g, '').slice(0, 64) : 'unknown';
}

function ipv6Prefix64(a: string): string {
  const [head, tail] = a.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return groups
    .slice(0, 4)
    .map((g) => (g || '0').replace(/^0+(?=.)/, ''))
    .join(':') + '::/64';
}

// ---------------------------------------------------------------------------------------------
// Password hashes

/** argon2id parameters for new hashes (measured in docs/decisions/0018). */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Does a stored hash need replacing at the next successful sign-in? Yes for bcrypt (the old
 * scheme) and for argon2id hashes made with weaker parameters than ARGON2_PARAMS.
 */
export function needsRehash(hash: string): boolean {
  const m = /^\$argon2id\$v=(\d+)\$([^$]+)\$/.exec(hash);
  if (!m) return true;
  const params = Object.fromEntries(m[2]!.split(',').map((kv) => kv.split('=') as [string, string]));
  return (
    Number(m[1]) < 19 ||
    Number(params.m) < ARGON2_PARAMS.memoryCost ||
    Number(params.t) < ARGON2_PARAMS.timeCost ||
    Number(params.p) < ARGON2_PARAMS.parallelism
  );
}

/** Is this a bcrypt hash (verified by the legacy path)? */
export function isBcryptHash(hash: string): boolean {
  return /^\$2[aby]\$\d\d\$/.test(hash);
}

/** Every refusal of a sign-in, as a message code (signin.errors.* in both catalogs). */
export const SIGNIN_FAILURES = ['invalidInput', 'invalidCredentials', 'locked', 'lockedAddress', 'lockedName', 'unexpected'] as const;
export type SignInFailure = (typeof SIGNIN_FAILURES)[number];

/** How long a session lasts (one working day); the cookie and the Session row expire together. */
export const SESSION_HOURS = 8;

/** Why a session ended (Session.endedReason, and the audit row). */
export type SessionEndReason = 'signOut' | 'deactivated' | 'endedByAdmin' | 'passwordChanged' | 'roleChanged';
