import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { workerCount } from '../../scripts/start.mjs';

describe('production start script: how many app processes', () => {
  it('defaults to the machine’s cores', () => {
    expect(workerCount({}, 6)).toBe(6);
    expect(workerCount({ LIAISON_WORKERS: '  ' }, 2)).toBe(2);
  });
  it('takes LIAISON_WORKERS when it is a whole number from 1 to 256', () => {
    expect(workerCount({ LIAISON_WORKERS: '1' }, 8)).toBe(1);
    expect(workerCount({ LIAISON_WORKERS: '4' }, 2)).toBe(4);
    expect(workerCount({ LIAISON_WORKERS: '256' }, 2)).toBe(256);
  });
  it.each(['0', '-1', '2.5', 'two', '257', '1e3x'])('refuses LIAISON_WORKERS=%s with a message naming the setting', (v) => {
    expect(() => workerCount({ LIAISON_WORKERS: v }, 2)).toThrow(/LIAISON_WORKERS/);
  });
});
