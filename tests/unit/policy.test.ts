import { describe, expect, it } from 'vitest';
import { navFor, NAV_ITEMS } from '@/lib/domain/nav';
import { can, decideFeature, decideUser, type Feature, assertAllowed, ForbiddenError, counterpartCriteria, decideAttendee, decideHandler, decideHandOver, isCounterpart } from '@/lib/domain/policy';
import { ROLES, roleFitsInstitution, type Actor, type InstitutionKind, type Role } from '@/lib/domain/roles';

const PROC = '00000000-0000-4000-8000-000000000001';
const COURT = '00000000-0000-4000-8000-000000000002';

function actor(role: Role, kind: InstitutionKind = role.startsWith('COURT') ? 'COURT' : 'PROCURATORATE', active = true): Actor {
  return {
    id: `10000000-0000-4000-8000-00000000000${ROLES.indexOf(role)}`,
    role,
    institutionKind: kind,
    institutionId: kind === 'COURT' ? COURT : PROC,
    departmentId: null,
    active,
  };
}

// Shared between the institutions (each record's own rules decide the rest).
const SHARED: Feature[] = ['leads.list', 'committee.list', 'retrial.list', 'nonLitigation.list', 'inquiries.list', 'search.use', 'jointMeetings.list', 'fileRequests.list'];
// The whole matrix, written out: role → features it may use.
const EXPECTED: Record<Role, Feature[]> = {
  PROCURATOR: [
    'home.view',
    'directory.procuratorate',
    'calendar.view',
    'recommendations.list',
    'recommendations.draft',
    'cases.list',
    ...SHARED,
  ],
  PROCURATORATE_LEADER: [
    'home.view',
    'directory.procuratorate',
    'calendar.view',
    'recommendations.list',
    'recommendations.draft',
    'recommendations.approvals',
    'recommendations.overview',
    'cases.list',
    'cases.manage',
    ...SHARED,
  ],
  COURT_STAFF: ['home.view', 'directory.court', 'calendar.view', 'recommendations.list', ...SHARED],
  COURT_LEADER: ['home.view', 'directory.court', 'calendar.view', 'recommendations.list', 'recommendations.overview', ...SHARED],
  ADMIN: ['home.view', 'calendar.view', 'calendar.import', 'users.manage', 'audit.verify', 'settings.manage'],
};
// Every feature, forced complete by the type (a new feature fails to compile here until it is listed).
const EVERY: Record<Feature, true> = {
  'home.view': true,
  'jointMeetings.list': true,
  'fileRequests.list': true,
  'directory.procuratorate': true,
  'directory.court': true,
  'calendar.view': true,
  'calendar.import': true,
  'users.manage': true,
  'audit.verify': true,
  'settings.manage': true,
  'recommendations.list': true,
  'recommendations.draft': true,
  'recommendations.approvals': true,
  'recommendations.overview': true,
  'cases.list': true,
  'cases.manage': true,
  'leads.list': true,
  'committee.list': true,
  'retrial.list': true,
  'nonLitigation.list': true,
  'inquiries.list': true,
  'search.use': true,
};
const ALL = Object.keys(EVERY) as Feature[];

describe('feature policy', () => {
  for (const role of ROLES) {
    for (const feature of ALL) {
      const allowed = EXPECTED[role].includes(feature);
      it(`${role} ${allowed ? 'may' : 'may not'} use ${feature}`, () => {
        expect(can(actor(role), feature)).toBe(allowed);
      });
    }
    it(`${role} deactivated may use nothing`, () => {
      for (const feature of ALL) expect(decideFeature(actor(role, undefined, false), feature)).toEqual({ allowed: false, reason: 'inactive' });
    });
  }

  it('an institution-bound page also checks the institution kind, not only the role', () => {
    expect(decideFeature(actor('PROCURATOR', 'COURT'), 'recommendations.draft')).toEqual({ allowed: false, reason: 'institution' });
    expect(decideFeature(actor('PROCURATORATE_LEADER', 'COURT'), 'recommendations.approvals')).toEqual({ allowed: false, reason: 'institution' });
    // A procurator whose account sits (wrongly) in a court may not open the procuratorate directory.
    expect(decideFeature(actor('PROCURATOR', 'COURT'), 'directory.procuratorate')).toEqual({ allowed: false, reason: 'institution' });
    expect(decideFeature(actor('COURT_STAFF', 'PROCURATORATE'), 'directory.court')).toEqual({ allowed: false, reason: 'institution' });
  });

  it('assertAllowed throws ForbiddenError with the reason', () => {
    expect(() => assertAllowed(decideFeature(actor('COURT_STAFF'), 'directory.procuratorate'), 'directory.procuratorate')).toThrow(ForbiddenError);
    expect(() => assertAllowed(decideFeature(actor('ADMIN'), 'users.manage'), 'users.manage')).not.toThrow();
  });
});

describe('user policy', () => {
  const other = { id: '20000000-0000-4000-8000-000000000009', institutionId: COURT };
  for (const role of ROLES) {
    const a = actor(role);
    it(`${role} may view their own account`, () => {
      expect(decideUser(a, 'user.view', { id: a.id, institutionId: a.institutionId }).allowed).toBe(true);
    });
    for (const action of ['user.view', 'user.create', 'user.update', 'user.deactivate'] as const) {
      it(`${role} ${role === 'ADMIN' ? 'may' : 'may not'} ${action} another account`, () => {
        expect(decideUser(a, action, action === 'user.create' ? null : other).allowed).toBe(role === 'ADMIN');
      });
    }
  }
  it('an administrator may not deactivate themself', () => {
    const a = actor('ADMIN');
    expect(decideUser(a, 'user.deactivate', { id: a.id, institutionId: a.institutionId })).toEqual({ allowed: false, reason: 'role' });
  });
  it('a deactivated administrator may do nothing', () => {
    expect(decideUser(actor('ADMIN', 'PROCURATORATE', false), 'user.create', null)).toEqual({ allowed: false, reason: 'inactive' });
  });
});

describe('roles and institutions', () => {
  it('fit', () => {
    expect(roleFitsInstitution('PROCURATOR', 'PROCURATORATE')).toBe(true);
    expect(roleFitsInstitution('PROCURATOR', 'COURT')).toBe(false);
    expect(roleFitsInstitution('COURT_LEADER', 'PROCURATORATE')).toBe(false);
    expect(roleFitsInstitution('ADMIN', 'COURT')).toBe(true);
  });
});

describe('navigation', () => {
  it('shows each role exactly the pages the policy lets it open', () => {
    const keys = (role: Role) => navFor(actor(role)).map((i) => i.key);
    const work = ['committee', 'retrial', 'nonLitigation', 'inquiries', 'leads'];
    expect(keys('PROCURATOR')).toEqual(['home', 'recommendations', 'newRecommendation', 'cases', ...work, 'procuratorateDirectory', 'calendar']);
    expect(keys('PROCURATORATE_LEADER')).toEqual([
      'home',
      'recommendations',
      'newRecommendation',
      'approvals',
      'overview',
      'cases',
      ...work,
      'procuratorateDirectory',
      'calendar',
    ]);
    expect(keys('COURT_STAFF')).toEqual(['home', 'recommendations', ...work, 'courtDirectory', 'calendar']);
    expect(keys('COURT_LEADER')).toEqual(['home', 'recommendations', 'overview', ...work, 'courtDirectory', 'calendar']);
    expect(keys('ADMIN')).toEqual(['home', 'calendar', 'users']);
  });
  it('every nav link is unique', () => {
    expect(new Set(NAV_ITEMS.map((i) => i.href)).size).toBe(NAV_ITEMS.length);
  });
});

describe('counterparts and people chosen for a role', () => {
  const P = '00000000-0000-4000-8000-0000000000a1';
  const C = '00000000-0000-4000-8000-0000000000c1';
  const person = (role: Role, institutionId = P, active = true) => ({ id: `${role}-${institutionId}`, role, institutionId, active });

  it('the counterpart of an institution: the other kind, same region', () => {
    const own = { kind: 'PROCURATORATE' as const, regionCode: '630103' };
    expect(counterpartCriteria(own)).toEqual({ kind: 'COURT', regionCode: '630103' });
    expect(counterpartCriteria({ kind: 'COURT', regionCode: '630102' })).toEqual({ kind: 'PROCURATORATE', regionCode: '630102' });
    expect(isCounterpart(own, { kind: 'COURT', regionCode: '630103' })).toBe(true);
    expect(isCounterpart(own, { kind: 'COURT', regionCode: '630102' })).toBe(false);
    expect(isCounterpart(own, { kind: 'PROCURATORATE', regionCode: '630103' })).toBe(false);
    expect(isCounterpart(own, null)).toBe(false);
  });

  it('handler: an active procurator or leader of the procuratorate', () => {
    expect(decideHandler(person('PROCURATOR'), P)).toEqual({ allowed: true });
    expect(decideHandler(person('PROCURATORATE_LEADER'), P)).toEqual({ allowed: true });
    expect(decideHandler(person('PROCURATOR', P, false), P)).toEqual({ allowed: false, reason: 'inactive' });
    expect(decideHandler(person('COURT_STAFF', C), P)).toEqual({ allowed: false, reason: 'institution' });
    expect(decideHandler(person('PROCURATOR', '00000000-0000-4000-8000-0000000000a2'), P)).toEqual({ allowed: false, reason: 'institution' });
    expect(decideHandler(person('ADMIN'), P)).toEqual({ allowed: false, reason: 'role' });
  });

  it('hand-over: a leader gives a case to someone else; anyone keeps it', () => {
    const leader = { id: 'l', role: 'PROCURATORATE_LEADER' as const, institutionId: P, institutionKind: 'PROCURATORATE' as const, departmentId: null, active: true };
    const procurator = { ...leader, id: 'p', role: 'PROCURATOR' as const };
    expect(decideHandOver(leader, 'p').allowed).toBe(true);
    expect(decideHandOver(leader).allowed).toBe(true);
    expect(decideHandOver(procurator, 'p').allowed).toBe(true);
    expect(decideHandOver(procurator, 'l')).toEqual({ allowed: false, reason: 'role' });
    expect(decideHandOver(procurator)).toEqual({ allowed: false, reason: 'role' });
    expect(decideHandOver({ ...leader, active: false }, 'p')).toEqual({ allowed: false, reason: 'inactive' });
  });

  it('committee attendee: an active leader of the meeting’s procuratorate', () => {
    expect(decideAttendee(person('PROCURATORATE_LEADER'), P)).toEqual({ allowed: true });
    expect(decideAttendee(person('PROCURATOR'), P)).toEqual({ allowed: false, reason: 'role' });
    expect(decideAttendee(person('PROCURATORATE_LEADER', P, false), P)).toEqual({ allowed: false, reason: 'inactive' });
    expect(decideAttendee(person('COURT_LEADER', C), P)).toEqual({ allowed: false, reason: 'institution' });
  });
});
