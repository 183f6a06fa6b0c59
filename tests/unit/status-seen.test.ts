/** The states each side sees a record in, derived from a step table (lib/domain/workflow.ts statusesSeenAs). */
import { describe, expect, it } from 'vitest';
import { STATUS_SEEN_BY, TRANSITIONS } from '@/lib/domain/recommendations/machine';
import { statusesReadingAs, statusesSeenAs, statusSeen, type StepRule } from '@/lib/domain/workflow';

describe('statusesSeenAs', () => {
  it('the procuratorate sees a reply awaiting the court’s sign-off as acknowledged, and nothing else of the court’s own', () => {
    expect([...STATUS_SEEN_BY.procuratorate]).toEqual([['reply_submitted', 'acknowledged']]);
    expect(statusSeen(STATUS_SEEN_BY.procuratorate, 'reply_submitted')).toBe('acknowledged');
    expect(statusSeen(STATUS_SEEN_BY.procuratorate, 'replied')).toBe('replied');
    expect(statusesReadingAs(STATUS_SEEN_BY.procuratorate, 'acknowledged').sort()).toEqual(['acknowledged', 'reply_submitted']);
    expect(statusesReadingAs(STATUS_SEEN_BY.procuratorate, 'reply_submitted')).toEqual([]);
  });

  it('the court sees its own states as they are; of the procuratorate’s internal ones, only those with one state before them are mapped', () => {
    expect(statusSeen(STATUS_SEEN_BY.court, 'reply_submitted')).toBe('reply_submitted');
    // archive starts from closed or withdrawn: the table cannot tell which, so archived shows as it is.
    expect(STATUS_SEEN_BY.court.has('archived')).toBe(false);
    expect(statusesSeenAs(TRANSITIONS, 'court').get('issued')).toBe('submitted');
  });

  it('a state any shared step (or the side itself) reaches is never hidden', () => {
    type S = 'a' | 'b' | 'c';
    const rules: Record<string, StepRule<S>> = {
      hidden: { from: ['a'], to: 'b', side: 'court', roles: [], shared: false },
      shown: { from: ['a'], to: 'c', side: 'court', roles: [], shared: false },
      alsoShared: { from: ['b'], to: 'c', side: 'court', roles: [], shared: true },
    };
    expect([...statusesSeenAs(rules, 'procuratorate')]).toEqual([['b', 'a']]);
    expect([...statusesSeenAs(rules, 'court')]).toEqual([]);
  });
});
