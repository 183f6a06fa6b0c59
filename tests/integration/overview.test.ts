/**
 * The leader overview: exact figures over recommendations inserted directly with known statuses
 * and dates, in institutions of this file's own (so the demo seed's recommendations never count).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '@/lib/data/users';
import { FieldError } from '@/lib/data/errors';
import { defaultPeriod, listHref, parsePeriod, recommendationOverview, type RecommendationOverview } from '@/lib/data/overview';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor, Role } from '@/lib/domain/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openSeededTestDb, type TestDb } from './support';

let t: TestDb;
const TODAY = '2026-06-15';
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

interface World {
  p2: string;
  c2: string;
  p3: string;
  c3: string;
  actors: Record<string, Actor>;
  ids: Record<string, string>;
}
let w: World;

async function institution(code: string, kind: 'PROCURATORATE' | 'COURT') {
  return t.prisma.institution.create({ data: { code, kind, name: `测试${code}`, nameEn: `Test ${code}`, regionCode: '990001' } });
}

async function user(username: string, role: Role, institutionId: string): Promise<Actor> {
  const u = await t.prisma.user.create({ data: { username, name: username, passwordHash: 'x', role, institutionId } });
  const a = await loadActor(t.prisma, u.id);
  if (!a) throw new Error(username);
  return a;
}

let serial = 0;
async function rec(
  key: string,
  from: { institutionId: string; drafterId: string },
  to: string,
  r: Partial<Prisma.RecommendationUncheckedCreateInput> & Pick<Prisma.RecommendationUncheckedCreateInput, 'status' | 'type'>,
) {
  serial += 1;
  const created = await t.prisma.recommendation.create({
    data: {
      institutionId: from.institutionId,
      drafterId: from.drafterId,
      addresseeCourtId: to,
      title: `Recommendation ${key}`,
      facts: 'f',
      violation: 'v',
      recommendationText: 'r',
      legalBasis: 'l',
      number: r.status === 'draft' ? null : `OVT检建〔2026〕${serial}号`,
      ...r,
    },
  });
  w.ids[key] = created.id;
  return created;
}

beforeAll(async () => {
  t = await openSeededTestDb();
  const [p2, c2, p3, c3] = await Promise.all([
    institution('OVT-P2', 'PROCURATORATE'),
    institution('OVT-C2', 'COURT'),
    institution('OVT-P3', 'PROCURATORATE'),
    institution('OVT-C3', 'COURT'),
  ]);
  w = { p2: p2.id, c2: c2.id, p3: p3.id, c3: c3.id, actors: {}, ids: {} };
  w.actors.p2Leader = await user('ovt.p2.leader', 'PROCURATORATE_LEADER', p2.id);
  w.actors.p2Procurator = await user('ovt.p2.procurator', 'PROCURATOR', p2.id);
  w.actors.p2Admin = await user('ovt.p2.admin', 'ADMIN', p2.id);
  w.actors.c2Leader = await user('ovt.c2.leader', 'COURT_LEADER', c2.id);
  w.actors.c2Staff = await user('ovt.c2.staff', 'COURT_STAFF', c2.id);
  w.actors.p3Leader = await user('ovt.p3.leader', 'PROCURATORATE_LEADER', p3.id);
  w.actors.p3Procurator = await user('ovt.p3.procurator', 'PROCURATOR', p3.id);
  w.actors.c3Leader = await user('ovt.c3.leader', 'COURT_LEADER', c3.id);

  const P2 = { institutionId: p2.id, drafterId: w.actors.p2Procurator!.id };
  const P3 = { institutionId: p3.id, drafterId: w.actors.p3Procurator!.id };
  const served = (servedOn: string, dueDate: string) => ({ servedOn: d(servedOn), dueDate: d(dueDate), issuedOn: d(servedOn) });

  // P2 → C2, served in the default period 2026-01-01 .. 2026-06-15
  await rec('r1', P2, c2.id, { type: 'correction', status: 'closed', ...served('2026-01-10', '2026-03-10'), replyOn: d('2026-03-01'), replyAdoption: 'adopted', rectified: true });
  await rec('r2', P2, c2.id, { type: 'retrial', status: 'evaluated', ...served('2026-01-20', '2026-03-20'), replyOn: d('2026-03-20'), replyAdoption: 'partly_adopted', rectified: false });
  await rec('r3', P2, c2.id, { type: 'correction', status: 'replied', ...served('2026-02-01', '2026-04-01'), replyOn: d('2026-04-05'), replyAdoption: 'not_adopted' });
  await rec('r4', P2, c2.id, { type: 'enforcement', status: 'replied', ...served('2026-02-10', '2026-04-10'), replyOn: d('2026-04-20'), replyAdoption: 'adopted' });
  await rec('r5', P2, c2.id, { type: 'correction', status: 'acknowledged', ...served('2026-03-01', '2026-05-01'), urgedAt: new Date('2026-05-10T02:00:00Z') });
  await rec('r6', P2, c2.id, { type: 'public_interest', status: 'served', ...served('2026-03-15', '2026-06-01'), urgedAt: new Date('2026-06-05T02:00:00Z'), escalatedAt: new Date('2026-06-10T02:00:00Z'), escalatedTo: 'superior' });
  await rec('r7', P2, c2.id, { type: 'social_governance', status: 'objected', ...served('2026-04-01', '2026-06-14') });
  // due today: not overdue (the due day itself is not overdue)
  await rec('r8', P2, c2.id, { type: 'other', status: 'reply_submitted', ...served('2026-05-01', '2026-06-15'), replyAdoption: 'adopted' });
  await rec('r9', P2, c2.id, { type: 'retrial', status: 'served', ...served('2026-05-20', '2026-08-20') });
  await rec('r13', P2, c2.id, { type: 'other', status: 'withdrawn', ...served('2026-03-05', '2026-05-05'), withdrawnAt: new Date('2026-03-20T02:00:00Z') });
  // P2 → C2, served last year
  await rec('r10', P2, c2.id, { type: 'correction', status: 'acknowledged', ...served('2025-12-20', '2026-02-20') });
  await rec('r11', P2, c2.id, { type: 'enforcement', status: 'closed', ...served('2025-11-01', '2026-02-01'), replyOn: d('2025-12-01'), replyAdoption: 'adopted', rectified: true });
  // P2 draft addressed to C2: never served, in no period, never seen by the court
  await rec('r12', P2, c2.id, { type: 'correction', status: 'draft' });
  // P3 → C2 (the court sees it; P2 does not)
  await rec('x1', P3, c2.id, { type: 'correction', status: 'served', ...served('2026-02-15', '2026-04-15') });
  // P3 → C3 (the other pair)
  await rec('o1', P3, c3.id, { type: 'retrial', status: 'acknowledged', ...served('2026-02-01', '2026-04-01') });
  await rec('o2', P3, c3.id, { type: 'correction', status: 'replied', ...served('2026-02-01', '2026-04-01'), replyOn: d('2026-03-01'), replyAdoption: 'adopted' });
});
afterAll(async () => {
  await t?.close();
});

const period = defaultPeriod(TODAY);
const statusMap = (o: RecommendationOverview) => Object.fromEntries(o.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]));
const typeMap = (o: RecommendationOverview) => Object.fromEntries(o.byType.filter((s) => s.count > 0).map((s) => [s.type, s.count]));
const overdueOf = (o: RecommendationOverview) => o.overdue.rows.map((r) => [r.title.replace('Recommendation ', ''), r.daysOverdue]);

describe('recommendationOverview: figures for the procuratorate leader', () => {
  it('counts the recommendations served in the period, by status and by type', async () => {
    const o = await recommendationOverview(t.prisma, w.actors.p2Leader!, period, TODAY);
    expect(o.period).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    expect(o.total).toBe(10);
    // The reply awaiting the court's sign-off is the court's internal step: it counts as acknowledged here.
    expect(statusMap(o)).toEqual({ served: 2, acknowledged: 2, objected: 1, replied: 2, evaluated: 1, closed: 1, withdrawn: 1 });
    expect(typeMap(o)).toEqual({ correction: 3, retrial: 2, enforcement: 1, public_interest: 1, social_governance: 1, other: 2 });
    // every status a served recommendation can have is listed (zeros too), no internal one
    expect(o.byStatus.map((s) => s.status)).toEqual(['served', 'acknowledged', 'objected', 'replied', 'evaluated', 'closed', 'archived', 'withdrawn']);
    expect(o.byType).toHaveLength(6);
    expect(o.byStatus.reduce((n, s) => n + s.count, 0)).toBe(o.total);
  });

  it('computes the reply, adoption and rectification rates with their counts', async () => {
    const o = await recommendationOverview(t.prisma, w.actors.p2Leader!, period, TODAY);
    expect(o.replies).toEqual({
      replied: 4,
      onTime: 2, // r1 before the due date, r2 on the due date
      late: 2,
      adopted: 2,
      partlyAdopted: 1,
      notAdopted: 1,
      adoptionNotRecorded: 0,
      evaluated: 2,
      rectified: 1,
    });
    expect(o.rates.onTime).toEqual({ count: 2, of: 4, rate: 0.5 });
    expect(o.rates.adoption).toEqual({ count: 3, of: 4, rate: 0.75 });
    expect(o.rates.fullAdoption).toEqual({ count: 2, of: 4, rate: 0.5 });
    expect(o.rates.rectification).toEqual({ count: 1, of: 2, rate: 0.5 });
  });

  it('lists overdue replies (any period) most overdue first, with days overdue and flags', async () => {
    const o = await recommendationOverview(t.prisma, w.actors.p2Leader!, period, TODAY);
    expect(overdueOf(o)).toEqual([
      ['r10', 115],
      ['r5', 45],
      ['r6', 14],
      ['r7', 1],
    ]);
    expect(o.overdue.total).toBe(4);
    expect(o.overdue.limit).toBe(25);
    const r6 = o.overdue.rows.find((r) => r.id === w.ids.r6)!;
    expect(r6).toMatchObject({ urged: true, escalated: true, dueDate: '2026-06-01', status: 'served', addresseeCourt: { nameEn: 'Test OVT-C2' } });
    const r5 = o.overdue.rows.find((r) => r.id === w.ids.r5)!;
    expect(r5).toMatchObject({ urged: true, escalated: false });
    expect(o.overdue.rows.find((r) => r.id === w.ids.r7)).toMatchObject({ urged: false, escalated: false });
  });

  it('limits the figures to the period asked for', async () => {
    const last = await recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2025-01-01', to: '2025-12-31' }, TODAY);
    expect(last.total).toBe(2);
    expect(statusMap(last)).toEqual({ acknowledged: 1, closed: 1 });
    expect(last.rates.onTime).toEqual({ count: 1, of: 1, rate: 1 });
    expect(last.rates.adoption).toEqual({ count: 1, of: 1, rate: 1 });
    expect(last.rates.rectification).toEqual({ count: 1, of: 1, rate: 1 });
    // both ends are included
    const oneDay = await recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2026-01-10', to: '2026-01-10' }, TODAY);
    expect(oneDay.total).toBe(1);
    expect(statusMap(oneDay)).toEqual({ closed: 1 });
    const edges = await recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2026-01-20', to: '2026-02-10' }, TODAY);
    expect(edges.total).toBe(3); // r2, r3, r4
    // the overdue list does not depend on the period
    expect(overdueOf(last)).toEqual(overdueOf(oneDay));
  });

  it('gives no rate (null, never NaN) when nothing was replied or evaluated', async () => {
    const o = await recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2026-05-01', to: '2026-06-15' }, TODAY);
    expect(o.total).toBe(2); // r8 (reply drafted, not yet signed) and r9
    expect(o.replies.replied).toBe(0);
    expect(o.replies.adopted).toBe(0); // r8's drafted adoption is not a reply yet
    for (const r of Object.values(o.rates)) expect(r).toEqual({ count: 0, of: 0, rate: null });
    // replied but none evaluated yet: rectification only is empty
    const p = await recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2026-02-01', to: '2026-02-10' }, TODAY);
    expect(p.rates.onTime).toEqual({ count: 0, of: 2, rate: 0 });
    expect(p.rates.adoption).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(p.rates.rectification).toEqual({ count: 0, of: 0, rate: null });
  });
});

describe('recommendationOverview: visibility', () => {
  it('the court leader sees what was served on the court, from every procuratorate', async () => {
    const o = await recommendationOverview(t.prisma, w.actors.c2Leader!, period, TODAY);
    expect(o.total).toBe(11); // r1–r9, r13 and x1 from P3
    expect(statusMap(o)).toEqual({ served: 3, acknowledged: 1, objected: 1, reply_submitted: 1, replied: 2, evaluated: 1, closed: 1, withdrawn: 1 });
    expect(o.rates.onTime).toEqual({ count: 2, of: 4, rate: 0.5 });
    expect(overdueOf(o)).toEqual([
      ['r10', 115],
      ['x1', 61],
      ['r5', 45],
      ['r6', 14],
      ['r7', 1],
    ]);
    expect(o.overdue.rows.find((r) => r.id === w.ids.x1)?.institution.nameEn).toBe('Test OVT-P3');
  });

  it('the procuratorate leader does not see another procuratorate\'s recommendation to the same court', async () => {
    const o = await recommendationOverview(t.prisma, w.actors.p2Leader!, period, TODAY);
    expect(o.overdue.rows.map((r) => r.id)).not.toContain(w.ids.x1);
  });

  it('leaders of another procuratorate and court see none of the P2/C2 recommendations', async () => {
    const mine = new Set(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13'].map((k) => w.ids[k]));
    const p3 = await recommendationOverview(t.prisma, w.actors.p3Leader!, period, TODAY);
    expect(p3.total).toBe(3); // x1, o1, o2: its own only
    expect(p3.replies.replied).toBe(1);
    expect(overdueOf(p3)).toEqual([
      ['o1', 75],
      ['x1', 61],
    ]);
    const c3 = await recommendationOverview(t.prisma, w.actors.c3Leader!, period, TODAY);
    expect(c3.total).toBe(2); // o1, o2
    expect(overdueOf(c3)).toEqual([['o1', 75]]);
    for (const o of [p3, c3]) for (const r of o.overdue.rows) expect(mine.has(r.id)).toBe(false);
  });

  it('refuses procurators, court staff, administrators and deactivated leaders', async () => {
    for (const a of [w.actors.p2Procurator!, w.actors.c2Staff!, w.actors.p2Admin!, { ...w.actors.p2Leader!, active: false }]) {
      await expect(recommendationOverview(t.prisma, a, period, TODAY), a.role).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('refuses a malformed period', async () => {
    await expect(recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2026-02-30', to: TODAY }, TODAY)).rejects.toBeInstanceOf(FieldError);
    await expect(recommendationOverview(t.prisma, w.actors.p2Leader!, { from: '2026-06-16', to: '2026-06-15' }, TODAY)).rejects.toBeInstanceOf(FieldError);
  });
});

describe('the period from the URL', () => {
  it('defaults to 1 January of this year .. today', () => {
    expect(parsePeriod({}, TODAY)).toEqual({ period: { from: '2026-01-01', to: TODAY }, errors: [], isDefault: true });
    expect(parsePeriod({ from: '', to: ' ' }, TODAY)).toEqual({ period: { from: '2026-01-01', to: TODAY }, errors: [], isDefault: true });
  });
  it('takes valid dates, each side defaulting on its own', () => {
    expect(parsePeriod({ from: '2025-03-01', to: '2025-12-31' }, TODAY)).toEqual({ period: { from: '2025-03-01', to: '2025-12-31' }, errors: [], isDefault: false });
    expect(parsePeriod({ from: '2025-03-01' }, TODAY).period).toEqual({ from: '2025-03-01', to: TODAY });
    expect(parsePeriod({ to: '2026-03-31' }, TODAY).period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
  it('reports bad, impossible and inverted dates naming the field, and falls back to the default', () => {
    const fallback = { from: '2026-01-01', to: TODAY };
    const cases: [Parameters<typeof parsePeriod>[0], { field: string; code: string; value: string }[]][] = [
      [{ from: '2026-02-30' }, [{ field: 'from', code: 'dateInvalid', value: '2026-02-30' }]],
      [{ to: '15/06/2026' }, [{ field: 'to', code: 'dateFormat', value: '15/06/2026' }]],
      [{ from: '1899-01-01' }, [{ field: 'from', code: 'dateOutOfRange', value: '1899-01-01' }]],
      [{ from: '2026-05-01', to: '2026-04-01' }, [{ field: 'from', code: 'fromAfterTo', value: '2026-05-01' }]],
      [{ from: '2026-07-01' }, [{ field: 'from', code: 'fromAfterTo', value: '2026-07-01' }]],
      [{ to: '2025-12-31' }, [{ field: 'to', code: 'fromAfterTo', value: '2025-12-31' }]],
      [{ from: ['2026-01-01', '2026-02-01'] }, [{ field: 'from', code: 'dateFormat', value: '2026-01-01,2026-02-01' }]],
      [
        { from: 'x', to: '2026-13-01' },
        [
          { field: 'from', code: 'dateFormat', value: 'x' },
          { field: 'to', code: 'dateInvalid', value: '2026-13-01' },
        ],
      ],
    ];
    for (const [raw, errors] of cases) {
      expect(parsePeriod(raw, TODAY), JSON.stringify(raw)).toEqual({ period: fallback, errors, isDefault: true });
    }
  });
});

describe('links to the list behind each figure', () => {
  it('uses the list page\'s query parameters', () => {
    expect(listHref({ status: 'replied', period })).toBe('/recommendations?status=replied&servedFrom=2026-01-01&servedTo=2026-06-15&mine=0');
    expect(listHref({ type: 'retrial', period })).toBe('/recommendations?type=retrial&servedFrom=2026-01-01&servedTo=2026-06-15&mine=0');
    expect(listHref({ overdue: true })).toBe('/recommendations?overdue=1&mine=0');
    expect(listHref({ period, replied: 'any', adoption: 'partly_adopted' })).toBe(
      '/recommendations?servedFrom=2026-01-01&servedTo=2026-06-15&replied=any&adoption=partly_adopted&mine=0',
    );
  });
});
