import bcrypt from 'bcryptjs';

/** bcrypt cost: ~100 ms a hash on this hardware; see docs/decisions/0004-sign-in.md. */
export const BCRYPT_COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, BCRYPT_COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the username is unknown, so both paths cost the same time. */
export const DUMMY_HASH = '$2b$11$A41C4q/5AkTau5RgtO9zvePJ2Rr//gh1vEjuctYwOWn8Dl9WFrmK2';
