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

/** The throttle key: usernames compare case-insensitively; unknown names are throttled alike. */
export function throttleKey(username: string): string {
  return username.trim().toLowerCase().slice(0, USERNAME_MAX);
}

export const THROTTLE = {
  /** Failures allowed before the account name is locked. */
  maxFailures: 5,
  /** How long a lock lasts. */
  lockMinutes: 15,
  /** Failures older than this are forgotten. */
  windowMinutes: 15,
} as const;

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  lastFailure: Date | null;
}

/** Is the name locked now? Returns the minutes left (rounded up) or 0. */
export function lockMinutesLeft(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const windowStart = now.getTime() - THROTTLE.windowMinutes * 60_000;
  const recent =
    state && state.lastFailure && state.lastFailure.getTime() >= windowStart && lockMinutesLeft(state, now) === 0
      ? state.failures
      : 0;
  const failures = recent + 1;
  const lockedUntil =
    failures >= THROTTLE.maxFailures ? new Date(now.getTime() + THROTTLE.lockMinutes * 60_000) : null;
  return { failures: lockedUntil ? 0 : failures, lockedUntil, lastFailure: now };
}

export type SignInFailure = 'invalidInput' | 'invalidCredentials' | 'locked';
