/**
 * The visibility language (lib/domain/visibility.ts): the predicate reading of a declaration,
 * parts, hidden fields, and the record-only reading the step rules use. The `where` reading is
 * checked against this one on the demo data in tests/integration/visibility-agreement.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MEETING_VISIBILITY } from '@/lib/domain/committee/visibility';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import { EVIDENCE_VISIBILITY } from '@/lib/domain/retrial/visibility';
import { ROLES } from '@/lib/domain/roles';
import { actorRole, ALWAYS, canSee, canSeePart, hiddenFrom, mayBeHidden, recordVisibility, sidesSeeing } from '@/lib/domain/visibility';
import { COURT, COURT2, makeActor, PROC, PROC2 } from '@/tests/support/actors';

const rec = (servedOn: string | null, replyOn: string | null = null) => ({ institutionId: PROC, addresseeCourtId: COURT, servedOn, replyOn });

describe('canSee', () => {
  it('the parties by side and state; nobody else; never the inactive or the administrator', () => {
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('PROCURATOR'), rec(null))).toBe(true);
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('COURT_STAFF'), rec(null))).toBe(false);
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('COURT_STAFF'), rec('2026-11-02'))).toBe(true);
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('COURT_LEADER', { institutionId: COURT2 }), rec('2026-11-02'))).toBe(false);
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('PROCURATOR', { institutionId: PROC2 }), rec('2026-11-02'))).toBe(false);
    for (const role of ROLES) expect(canSee(RECOMMENDATION_VISIBILITY, makeActor(role, { active: false }), rec('2026-11-02')), role).toBe(false);
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('ADMIN'), rec('2026-11-02'))).toBe(false);
    // A court id in the procuratorate column does not make the court a party.
    expect(canSee(RECOMMENDATION_VISIBILITY, makeActor('COURT_STAFF'), { ...rec('2026-11-02'), institutionId: COURT, addresseeCourtId: PROC })).toBe(false);
  });

  it('a child is seen exactly as its parent', () => {
    const matter = { procuratorateId: PROC, courtId: COURT };
    expect(canSee(EVIDENCE_VISIBILITY, makeActor('COURT_STAFF'), { matter })).toBe(true);
    expect(canSee(EVIDENCE_VISIBILITY, makeActor('COURT_STAFF', { institutionId: COURT2 }), { matter })).toBe(false);
    expect(canSee(EVIDENCE_VISIBILITY, makeActor('COURT_STAFF'), {})).toBe(false);
  });
});

describe('parts and hidden fields', () => {
  const ATTENDEE = '10000000-0000-4000-8000-000000000002';
  const meeting = { procuratorateId: PROC, courtId: COURT, notifiedAt: new Date(), attendeeId: ATTENDEE };

  it('committee materials: the court, the named attendee and the procuratorate leaders', () => {
    expect(canSeePart(MEETING_VISIBILITY, 'materials', makeActor('COURT_STAFF'), meeting)).toBe(true);
    expect(canSeePart(MEETING_VISIBILITY, 'materials', makeActor('PROCURATORATE_LEADER'), meeting)).toBe(true);
    expect(canSeePart(MEETING_VISIBILITY, 'materials', makeActor('PROCURATOR', { id: ATTENDEE }), meeting)).toBe(true);
    expect(canSeePart(MEETING_VISIBILITY, 'materials', makeActor('PROCURATOR'), meeting)).toBe(false);
    // Not before the meeting itself is visible.
    expect(canSeePart(MEETING_VISIBILITY, 'materials', makeActor('PROCURATORATE_LEADER'), { ...meeting, notifiedAt: null })).toBe(false);
    expect(() => canSeePart(MEETING_VISIBILITY, 'minutes', makeActor('COURT_STAFF'), meeting)).toThrow();
  });

  it('fields hidden from a side: always, or until a condition holds', () => {
    expect(hiddenFrom(RECOMMENDATION_VISIBILITY, makeActor('COURT_STAFF'), rec('2026-11-02')).fields).toContain('caseId');
    expect(hiddenFrom(RECOMMENDATION_VISIBILITY, makeActor('COURT_STAFF'), rec('2026-11-02')).relations).toEqual(['case', 'supersededBy']);
    expect(hiddenFrom(RECOMMENDATION_VISIBILITY, makeActor('COURT_STAFF'), rec('2026-11-02')).fields).not.toContain('replyMeasures');
    expect(hiddenFrom(RECOMMENDATION_VISIBILITY, makeActor('PROCURATOR'), rec('2026-11-02')).fields).toContain('replyMeasures');
    expect(hiddenFrom(RECOMMENDATION_VISIBILITY, makeActor('PROCURATOR'), rec('2026-11-02', '2026-11-20')).fields).toEqual([]);
    expect(mayBeHidden(RECOMMENDATION_VISIBILITY, 'procuratorate').fields).toContain('replyAdoption');
    // Someone who is no party: every field that is hidden from anyone.
    const stranger = hiddenFrom(RECOMMENDATION_VISIBILITY, makeActor('PROCURATOR', { institutionId: PROC2 }), rec('2026-11-02'));
    expect(stranger.fields).toEqual(expect.arrayContaining(['caseId', 'replyMeasures']));
  });
});

describe('sidesSeeing (the step rules’ record-only reading)', () => {
  it('follows the record', () => {
    expect(sidesSeeing(RECOMMENDATION_VISIBILITY, rec(null))).toEqual({ procuratorate: true, court: false });
    expect(sidesSeeing(RECOMMENDATION_VISIBILITY, rec('2026-11-02'))).toEqual({ procuratorate: true, court: true });
    expect(sidesSeeing(MEETING_VISIBILITY, { notifiedAt: null })).toEqual({ procuratorate: false, court: true });
  });

  it('refuses a side condition that depends on who asks (that is a part)', () => {
    const bad = recordVisibility({ recordType: 'X', parties: { procuratorate: 'p', court: 'c' }, sees: { procuratorate: actorRole('PROCURATORATE_LEADER'), court: ALWAYS } });
    expect(() => sidesSeeing(bad, {})).toThrow();
  });
});
