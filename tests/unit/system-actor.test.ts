/**
 * SYSTEM_ACTOR (lib/domain/roles.ts) is for the seed and system paths only: no page, action,
 * route or data function may act as the platform. This scans the sources for the name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideFeature } from '@/lib/domain/policy';
import { isSystemActor, SYSTEM_ACTOR } from '@/lib/domain/roles';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['app', 'components', 'modules', 'lib', 'prisma', 'scripts', 'proxy.ts', 'instrumentation.ts'];
/** Where the name may appear: its definition, the seed, and the one data function that records it as "no person". */
const ALLOWED = [/^lib\/domain\/roles\.ts$/, /^prisma\/seed\//, /^lib\/data\/calendar-import\.ts$/];

function sources(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  let st;
  try {
    st = statSync(abs);
  } catch {
    return [];
  }
  if (st.isFile()) return /\.(ts|tsx|mts|js|mjs)$/.test(rel) ? [rel] : [];
  if (rel.endsWith('generated') || rel.includes('node_modules')) return [];
  return readdirSync(abs).flatMap((n) => sources(path.join(rel, n)));
}

describe('SYSTEM_ACTOR', () => {
  it('is used only by the seed and the system paths', () => {
    const files = SCANNED.flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const users = files.filter((f) => /\bSYSTEM_ACTOR\b|\bisSystemActor\b/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(users.filter((f) => !ALLOWED.some((re) => re.test(f.split(path.sep).join('/'))))).toEqual([]);
    expect(users).toContain(path.join('prisma', 'seed', 'seed.ts'));
  });

  it('is an administrator of no institution: the policy decides for it like for anyone', () => {
    expect(isSystemActor(SYSTEM_ACTOR)).toBe(true);
    expect(isSystemActor({ ...SYSTEM_ACTOR })).toBe(false);
    expect(Object.isFrozen(SYSTEM_ACTOR)).toBe(true);
    expect(decideFeature(SYSTEM_ACTOR, 'calendar.import').allowed).toBe(true);
    expect(decideFeature(SYSTEM_ACTOR, 'recommendations.list').allowed).toBe(false);
    expect(decideFeature(SYSTEM_ACTOR, 'cases.list').allowed).toBe(false);
  });
});
