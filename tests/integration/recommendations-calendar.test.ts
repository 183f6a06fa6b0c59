import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHolidayCsv } from '@/lib/data/calendar-import';
import { acknowledge, approve, createDraft, getRecommendation, issue, serve, submitDraft } from '@/lib/data/recommendations';
import { dueDate } from '@/lib/domain/deadlines';
import type { Actor } from '@/lib/domain/roles';
import { actorOf as sharedActorOf, openSeededTestDb, type TestDb } from './support';

let t: TestDb;
const TODAY = '2026-11-27';
const actorOf = (username: string): Promise<Actor> => sharedActorOf(t.prisma, username);

beforeAll(async () => {
  t = await openSeededTestDb(TODAY);
});
afterAll(async () => t?.close());

describe('reply deadlines follow the official calendar', () => {
  it('a due date in a year without a calendar is provisional, and is recomputed when that year is imported', async () => {
    const proc = await actorOf('li.wen');
    const leader = await actorOf('zhao.mingyuan');
    const court = await t.prisma.institution.findFirstOrThrow({ where: { kind: 'COURT' } });
    const ctx = { today: TODAY };
    const { id } = await createDraft(
      t.prisma,
      proc,
      {
        type: 'correction',
        title: '关于规范财产保全解除程序的检察建议（日历测试）',
        addresseeCourtId: court.id,
        facts: '事实',
        violation: '问题',
        recommendationText: '建议',
        legalBasis: '依据',
      },
      ctx,
    );
    const v = async () => (await t.prisma.recommendation.findUniqueOrThrow({ where: { id } })).version;
    await submitDraft(t.prisma, proc, { id, version: await v() }, ctx);
    await approve(t.prisma, leader, { id, version: await v() }, ctx);
    await issue(t.prisma, proc, { id, version: await v() }, ctx);
    // Served 2026-11-27: two months end on 2027-01-27, a Wednesday; with weekends only it stays.
    await serve(t.prisma, proc, { id, version: await v(), servedOn: '2026-11-27', method: 'written' }, ctx);
    await acknowledge(t.prisma, await actorOf('lin.xue'), { id, version: await v() }, ctx);
    let view = (await getRecommendation(t.prisma, proc, id, TODAY))!;
    expect(view.dueDate).toBe('2027-01-27');
    expect(view.dueDateProvisional).toBe(true);

    // The 2027 notice (invented for the test): 25–29 January off, 30 January worked.
    const csv = 'date,kind,name\n2027-01-25,holiday,X\n2027-01-26,holiday,X\n2027-01-27,holiday,X\n2027-01-28,holiday,X\n2027-01-29,holiday,X\n2027-01-30,workday,X\n';
    const admin = await actorOf('admin');
    const r = await importHolidayCsv(t.prisma, admin, csv, 'req-2027');
    expect(r).toMatchObject({ ok: true, years: [2027], added: 6 });
    if (r.ok) expect(r.dueDatesChanged).toBeGreaterThanOrEqual(1);

    view = (await getRecommendation(t.prisma, proc, id, TODAY))!;
    // Last day 27 Jan is a holiday → first working day after it: Saturday 30 Jan is a make-up working day.
    expect(view.dueDate).toBe('2027-01-30');
    expect(view.dueDate).toBe(
      dueDate('2026-11-27', { months: 2 }, { isRestDay: (x: string) => ['2027-01-25', '2027-01-26', '2027-01-27', '2027-01-28', '2027-01-29'].includes(x) || (x !== '2027-01-30' && [0, 6].includes(new Date(`${x}T00:00:00Z`).getUTCDay())) }),
    );
    expect(view.dueDateProvisional).toBe(false);
    const ev = view.timeline.find((e) => e.kind === 'dueDateRecomputed');
    expect(ev?.data).toMatchObject({ previousDueDate: '2027-01-27', dueDate: '2027-01-30' });
    // The court sees the change too, and it is audited with the import's request id.
    const courtView = (await getRecommendation(t.prisma, await actorOf('lin.xue'), id, TODAY))!;
    expect(courtView.timeline.some((e) => e.kind === 'dueDateRecomputed')).toBe(true);
    expect(await t.prisma.auditEvent.count({ where: { action: 'recommendation.dueDateRecomputed', recordId: id, requestId: 'req-2027' } })).toBe(1);
  });
});
