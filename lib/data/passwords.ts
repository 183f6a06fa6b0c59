/**
 * Password hashes: argon2id (the native `argon2` package: hashing runs in libuv's thread pool,
 * off the event loop) for every new hash; bcrypt hashes from before still verify, and the
 * sign-in rehashes them (lib/data/users.ts, rule `needsRehash` in lib/domain/signin.ts).
 * Parameters and timings: docs/decisions/0018-sign-in-under-attack.md.
 */
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import { ARGON2_PARAMS, isBcryptHash } from '@/lib/domain/signin';

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id, ...ARGON2_PARAMS });
}

/** True when `plain` matches `hash` (argon2id, or a legacy bcrypt hash); false for a malformed hash. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  // bcryptjs is pure JS on the event loop: it only ever runs for accounts not yet rehashed.
  if (isBcryptHash(hash)) return bcrypt.compare(plain, hash);
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/**
 * Compared against when the username is unknown (or the account inactive), so every path costs
 * one argon2id verification with the current parameters. Any argon2id hash of these parameters
 * would do; nobody knows its password.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$YYHs5wcacLbWrOqDAbGzvg$6s3dp4a/nwF2BD4uBX6BcDE5nULspCBERuvRM6mXucM';
