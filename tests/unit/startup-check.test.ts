import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkProductionEnv } from '@/lib/web/startup-check';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

function run(env: Record<string, string | undefined>) {
  process.env = { ...saved, ...env } as NodeJS.ProcessEnv;
  // process.exit and the console are the edge of the world here.
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  checkProductionEnv();
  return { exited: exit.mock.calls.length > 0 ? exit.mock.calls[0]![0] : null, message: error.mock.calls.map((c) => String(c[0])).join('\n') };
}

describe('production start-up check', () => {
  it('refuses a production start without a session secret, saying what is missing', () => {
    const r = run({ NODE_ENV: 'production', NEXT_PHASE: undefined, NEXTAUTH_SECRET: undefined, DATABASE_URL: 'postgresql://x/y' });
    expect(r.exited).toBe(1);
    expect(r.message).toMatch(/NEXTAUTH_SECRET/);
    expect(r.message).not.toMatch(/DATABASE_URL/);
  });
  it('refuses a short secret and a missing database', () => {
    const r = run({ NODE_ENV: 'production', NEXT_PHASE: undefined, NEXTAUTH_SECRET: 'short', DATABASE_URL: undefined });
    expect(r.exited).toBe(1);
    expect(r.message).toMatch(/NEXTAUTH_SECRET.*DATABASE_URL/s);
  });
  it('starts with both set, and never interferes with the build or development', () => {
    expect(run({ NODE_ENV: 'production', NEXT_PHASE: undefined, NEXTAUTH_SECRET: 'x'.repeat(48), DATABASE_URL: 'postgresql://x/y' }).exited).toBeNull();
    expect(run({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build', NEXTAUTH_SECRET: undefined }).exited).toBeNull();
    expect(run({ NODE_ENV: 'development', NEXTAUTH_SECRET: undefined }).exited).toBeNull();
  });
});
