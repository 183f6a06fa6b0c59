/**
 * Demo non-litigation enforcement applications (DOMAIN.md §4): nine applications by district
 * agencies in every kind of stage — awaiting a ruling, heard, refused on no legal basis and under
 * review, not accepted, accepted too late, enforcement stalled, enforced and closed, an agency
 * that never applied, an urgent one — with the procuratorate's findings on several, and one
 * flagged finding already turned into a supervision case.
 *
 * How it works: every application is replayed through the app's own commands
 * (lib/data/non-litigation.ts: register, the court's steps, findings, opening the case) with the
 * demo people as actors, each step on its own date counted backwards from `today` (moved to the
 * next working day, never past today). So every state, date check, due date (deadline engine +
 * the calendar in the database), timeline event and audit row is exactly what the app writes.
 *
 * Idempotent: an application is keyed by its agency and decision reference; one already present
 * is skipped. Deterministic: everything derives from `today`.
 *
 * Case numbers: the recommendation seed writes supervision cases with fixed numbers without
 * drawing them from NumberSequence; before opening a case, the sequence for non-litigation cases
 * is moved past any number already taken, so the app never hands out a number twice.
 */
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import { openCaseFromFinding, recordFinding, registerApplication, STEPS } from '@/lib/data/non-litigation';
import { raiseSequence } from '@/lib/data/sequences';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { addDays } from '@/lib/domain/dates';
import { caseSequenceScope, CASE_KIND_TAG } from '@/lib/domain/cases/numbers';
import { workingDayOnOrAfter } from '@/lib/domain/deadlines';
import type { Checkpoint } from '@/lib/domain/non-litigation/machine';
import { demoActors } from './builders';
import { COURT, PROCURATORATE } from './demo-data';

type StepName = keyof typeof STEPS;

/** What happened to one application, as days before today. */
type Act =
  | { at: number; by: string; step: StepName; input: Record<string, unknown> }
  | { at: number; by: string; finding: Checkpoint; flagged: boolean; note: string }
  | { at: number; by: string; openCase: Checkpoint };

interface ApplicationPlan {
  registeredBy: string;
  agency: string;
  respondent: string;
  decisionRef: string;
  subject: string;
  decisionFinalOn: number;
  demandServedOn?: number;
  appliedOn?: number;
  urgent?: boolean;
  acts: Act[];
}

const AGENCY = {
  land: '西宁市城中区自然资源局',
  market: '西宁市城中区市场监督管理局',
  labour: '西宁市城中区人力资源和社会保障局',
  urban: '西宁市城中区城市管理综合执法局',
  safety: '西宁市城中区应急管理局',
};

/**
 * The applications. `on(n)` turns "n days ago" into a date (used for dates inside inputs);
 * `year(n)` is that date's year (for numbers such as decision references and court case numbers).
 */
export function planNonLitigation(on: (n: number) => string, year: (n: number) => number): ApplicationPlan[] {
  const ccn = (n: number, serial: number) => `(${year(n)})青0103行审${serial}号`;
  return [
    // Enforcement handed to the district government, then stalled; the flag opened a case.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.land,
      respondent: '青海鸿基房地产开发有限公司',
      decisionRef: `城自然资罚〔${year(290)}〕41号`,
      subject: '非法占用集体土地建设厂房：责令退还非法占用的土地4.2亩，限期拆除在非法占用的土地上新建的建筑物和其他设施，并处罚款人民币12.6万元。',
      decisionFinalOn: 290,
      demandServedOn: 240,
      appliedOn: 214,
      acts: [
        { at: 212, by: 'yang.fan', step: 'accept', input: { acceptedOn: on(212), courtCaseNumber: ccn(212, 31) } },
        { at: 207, by: 'yang.fan', step: 'ruleEnforce', input: { ruledOn: on(207), urgent: 'false' } },
        { at: 200, by: 'wu.yating', finding: 'agency_applied', flagged: false, note: '区自然资源局催告期满十日后申请强制执行，未超过三个月的申请期限。' },
        { at: 200, by: 'wu.yating', finding: 'court_accepted', flagged: false, note: '法院收到申请后二日内立案受理。' },
        { at: 200, by: 'wu.yating', finding: 'ruling_lawful', flagged: false, note: '受理后经书面审查在七日内作出准予执行裁定，裁定内容与处罚决定一致。' },
        { at: 190, by: 'yang.fan', step: 'startEnforcement', input: { enforcementStartedOn: on(190), enforcedBy: 'government' } },
        { at: 185, by: 'wu.yating', finding: 'who_enforces', flagged: false, note: '裁定由区人民政府组织实施，符合“裁执分离”的要求。' },
        {
          at: 120,
          by: 'yang.fan',
          step: 'markStalled',
          input: { stalledOn: on(120), reasons: '区人民政府组织实施后，被执行人以厂房内存有设备、承租户未搬离为由阻挠拆除，实施工作停止，至今未恢复。' },
        },
        {
          at: 45,
          by: 'zhou.hao',
          finding: 'enforcement_stalled',
          flagged: true,
          note: '实施工作已停滞两个多月，区人民政府未采取进一步措施，法院亦未跟踪督促，生效准予执行裁定长期得不到执行，违法占地状态持续。',
        },
        { at: 44, by: 'zhou.hao', openCase: 'enforcement_stalled' },
      ],
    },
    // Refused on no legal basis; the agency asked the upper court to review.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.market,
      respondent: '西宁百味坊食品有限公司',
      decisionRef: `城市监罚〔${year(70)}〕88号`,
      subject: '生产经营超过保质期的食品：没收违法生产经营的食品，罚款人民币5万元。',
      decisionFinalOn: 70,
      demandServedOn: 60,
      appliedOn: 45,
      acts: [
        { at: 43, by: 'yang.fan', step: 'accept', input: { acceptedOn: on(43), courtCaseNumber: ccn(43, 44) } },
        {
          at: 38,
          by: 'yang.fan',
          step: 'ruleRefuse',
          input: {
            ruledOn: on(38),
            refusalGround: 'no_legal_basis',
            reasons: '行政处罚决定所依据的《西宁市食品小作坊管理办法》相关条款已于处罚决定作出前废止，处罚明显缺乏法律、法规依据。',
          },
        },
        { at: 36, by: 'yang.fan', step: 'serveRefusal', input: { refusalServedOn: on(36) } },
        { at: 30, by: 'wu.yating', finding: 'ruling_lawful', flagged: false, note: '经核实，处罚依据确已废止，法院裁定不予执行理由成立，且在五日内送达，程序合法。' },
        { at: 25, by: 'yang.fan', step: 'requestReview', input: { reviewRequestedOn: on(25) } },
      ],
    },
    // Received twelve days ago and still not accepted: overdue; flagged, no case yet.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.labour,
      respondent: '西宁顺达建筑劳务有限公司',
      decisionRef: `城人社监理〔${year(75)}〕19号`,
      subject: '拖欠14名农民工工资：责令限期支付拖欠的工资共计人民币38.7万元，并处罚款人民币5万元。',
      decisionFinalOn: 75,
      demandServedOn: 40,
      appliedOn: 12,
      acts: [
        { at: 8, by: 'wu.yating', finding: 'agency_applied', flagged: false, note: '催告期满后申请，未超过申请期限。' },
        {
          at: 3,
          by: 'wu.yating',
          finding: 'court_accepted',
          flagged: true,
          note: '法院收到申请已逾五日，既未立案受理，也未裁定不予受理；本案涉及农民工工资支付，应当依法及时受理审查。',
        },
      ],
    },
    // Accepted four days ago: the 7-day ruling period is running.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.urban,
      respondent: '李某某',
      decisionRef: `城综执拆〔${year(60)}〕7号`,
      subject: '在南山路某住宅楼顶违法搭建彩钢房约45平方米：责令限期自行拆除。',
      decisionFinalOn: 60,
      demandServedOn: 35,
      appliedOn: 6,
      acts: [{ at: 4, by: 'yang.fan', step: 'accept', input: { acceptedOn: on(4), courtCaseNumber: ccn(4, 52) } }],
    },
    // Both sides heard: the ruling is due 30 days after acceptance.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.urban,
      respondent: '西宁鑫源广告传媒有限公司',
      decisionRef: `城综执罚〔${year(80)}〕132号`,
      subject: '未经批准擅自设置大型户外广告牌：责令限期拆除，并处罚款人民币2万元。',
      decisionFinalOn: 80,
      demandServedOn: 60,
      appliedOn: 22,
      acts: [
        { at: 20, by: 'yang.fan', step: 'accept', input: { acceptedOn: on(20), courtCaseNumber: ccn(20, 49) } },
        { at: 18, by: 'wu.yating', finding: 'court_accepted', flagged: false, note: '收到申请后二日内受理。' },
        {
          at: 14,
          by: 'yang.fan',
          step: 'holdHearing',
          input: { hearingOn: on(14), reasons: '处罚决定认定的广告牌设置时间与现场检查笔录记载不一致，可能明显缺乏事实根据，依法听取被执行人和行政机关的意见。' },
        },
      ],
    },
    // Enforced by the court's enforcement bureau and closed; all checks fine.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.market,
      respondent: '西宁康乐保健品经营部',
      decisionRef: `城市监罚〔${year(160)}〕23号`,
      subject: '以举办“养生讲座”、赠送礼品等方式向老年人虚假宣传保健食品功效：罚款人民币20万元，没收违法所得人民币3.6万元。',
      decisionFinalOn: 160,
      demandServedOn: 150,
      appliedOn: 135,
      acts: [
        { at: 133, by: 'yang.fan', step: 'accept', input: { acceptedOn: on(133), courtCaseNumber: ccn(133, 21) } },
        { at: 128, by: 'yang.fan', step: 'ruleEnforce', input: { ruledOn: on(128), urgent: 'false' } },
        { at: 125, by: 'wu.yating', finding: 'agency_applied', flagged: false, note: '催告期满后在申请期限内申请。' },
        { at: 125, by: 'wu.yating', finding: 'court_accepted', flagged: false, note: '二日内受理。' },
        { at: 125, by: 'wu.yating', finding: 'ruling_lawful', flagged: false, note: '处罚事实清楚、程序合法，准予执行裁定并无不当。' },
        { at: 120, by: 'jiang.tao', step: 'startEnforcement', input: { enforcementStartedOn: on(120), enforcedBy: 'court' } },
        { at: 118, by: 'zhou.hao', finding: 'who_enforces', flagged: false, note: '由法院执行局执行，已冻结被执行人银行存款。' },
        { at: 100, by: 'jiang.tao', step: 'markEnforced', input: { enforcedOn: on(100) } },
        { at: 98, by: 'yang.fan', step: 'close', input: { closedOn: on(98), reasons: '罚没款已全部划拨至国库，执行完毕。' } },
      ],
    },
    // Registered by the procuratorate: the agency never applied within the 3 months.
    {
      registeredBy: 'wu.yating',
      agency: AGENCY.labour,
      respondent: '青海聚力人力资源服务有限公司',
      decisionRef: `城人社罚〔${year(130)}〕6号`,
      subject: '未依法为劳动者缴纳社会保险费：责令限期补缴，并处罚款人民币3万元。',
      decisionFinalOn: 130,
      demandServedOn: 118,
      acts: [
        {
          at: 29,
          by: 'wu.yating',
          finding: 'agency_applied',
          flagged: true,
          note: '处罚决定生效已逾三个月，区人力资源和社会保障局催告后既未向法院申请强制执行，也无自行强制执行权，行政决定处于无法执行的状态。',
        },
      ],
    },
    // Ruled not to accept; the agency may still go to the upper court.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.land,
      respondent: '张某某',
      decisionRef: `城自然资罚〔${year(100)}〕57号`,
      subject: '未经批准占用耕地建房：责令退还非法占用的土地，限期拆除新建房屋。',
      decisionFinalOn: 100,
      demandServedOn: 50,
      appliedOn: 15,
      acts: [
        {
          at: 11,
          by: 'yang.fan',
          step: 'notAccept',
          input: { notAcceptedOn: on(11), reasons: '申请执行的行政决定未载明被执行人的身份信息，申请材料不全，经通知补正后逾期未补正。' },
        },
      ],
    },
    // Urgent: immediate enforcement of a suspension order, started within the 5 days.
    {
      registeredBy: 'yang.fan',
      agency: AGENCY.safety,
      respondent: '西宁宏达加油站有限公司',
      decisionRef: `城应急罚〔${year(45)}〕12号`,
      subject: '储油罐区存在重大事故隐患拒不整改：责令停产停业整顿。',
      decisionFinalOn: 45,
      demandServedOn: 30,
      appliedOn: 9,
      urgent: true,
      acts: [
        { at: 8, by: 'yang.fan', step: 'accept', input: { acceptedOn: on(8), courtCaseNumber: ccn(8, 55) } },
        { at: 7, by: 'he.min', step: 'ruleEnforce', input: { ruledOn: on(7), urgent: 'true' } },
        { at: 4, by: 'jiang.tao', step: 'startEnforcement', input: { enforcementStartedOn: on(4), enforcedBy: 'court' } },
        { at: 3, by: 'zhou.hao', finding: 'who_enforces', flagged: false, note: '情况紧急，经法院院长批准由法院执行局立即执行，已于裁定后五日内开始执行。' },
      ],
    },
  ];
}

/**
 * Moves the non-litigation case sequence of the procuratorate past every number already taken in
 * each year (numbers written by the demo seed without the sequence). Idempotent.
 */
async function keepCaseNumbersAhead(prisma: Db, procuratorateId: string, code: string) {
  const prefix = `${code}${CASE_KIND_TAG.non_litigation}〔`;
  const taken = await prisma.supervisionCase.findMany({ where: { institutionId: procuratorateId, number: { startsWith: prefix } }, select: { number: true } });
  const highest = new Map<number, number>();
  for (const { number } of taken) {
    const m = /〔(\d{4})〕(\d+)号$/.exec(number);
    if (!m) continue;
    const y = Number(m[1]);
    highest.set(y, Math.max(highest.get(y) ?? 0, Number(m[2])));
  }
  const scope = caseSequenceScope('non_litigation');
  for (const [y, last] of highest) {
    await raiseSequence(prisma, procuratorateId, scope, y, last);
  }
}

export interface SeedNonLitigationResult {
  added: number;
  skipped: number;
}

export async function seedNonLitigation(
  prisma: Db,
  { today }: { today: string },
  say: (line: string) => void = () => {},
): Promise<SeedNonLitigationResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const calendar = calendarFromEntries(await loadCalendarEntries(prisma));
  const on = (n: number) => {
    const d = workingDayOnOrAfter(addDays(today, -n), calendar);
    return d > today ? today : d;
  };
  const year = (n: number) => Number(on(n).slice(0, 4));

  const actorOf = demoActors(prisma);

  await keepCaseNumbersAhead(prisma, proc.id, proc.code);

  let added = 0;
  let skipped = 0;
  for (const [k, plan] of planNonLitigation(on, year).entries()) {
    const present = await prisma.nonLitigationApplication.findFirst({
      // Keyed by agency and respondent: the decision number carries a year derived from `today`,
      // so it would not recognise a seed made on another day.
      where: { procuratorateId: proc.id, courtId: court.id, agency: plan.agency, respondent: plan.respondent },
      select: { id: true },
    });
    if (present) {
      skipped++;
      continue;
    }
    // Each step on its own date at its own minute, so the timeline keeps the order of the acts.
    let minute = 0;
    const ctx = (n: number) => {
      const date = on(n);
      const at = new Date(`${date}T${String(9 + (k % 6)).padStart(2, '0')}:${String(minute++ % 60).padStart(2, '0')}:00+08:00`);
      return { today: date, requestId: `seed-non-litigation-${k + 1}`, now: at };
    };
    const registrant = await actorOf(plan.registeredBy);
    const registeredAt = plan.appliedOn ?? plan.demandServedOn ?? plan.decisionFinalOn;
    const { id } = await registerApplication(
      prisma,
      registrant,
      {
        [registrant.institutionKind === 'COURT' ? 'procuratorateId' : 'courtId']: registrant.institutionKind === 'COURT' ? proc.id : court.id,
        agency: plan.agency,
        respondent: plan.respondent,
        decisionRef: plan.decisionRef,
        subject: plan.subject,
        decisionFinalOn: on(plan.decisionFinalOn),
        demandServedOn: plan.demandServedOn !== undefined ? on(plan.demandServedOn) : '',
        appliedOn: plan.appliedOn !== undefined ? on(plan.appliedOn) : '',
        urgent: plan.urgent ? 'true' : 'false',
      },
      ctx(registeredAt),
    );
    const version = async () => (await prisma.nonLitigationApplication.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    for (const act of plan.acts) {
      const who = await actorOf(act.by);
      if ('step' in act) {
        await STEPS[act.step](prisma, who, { id, version: await version(), ...act.input }, ctx(act.at));
      } else if ('finding' in act) {
        await recordFinding(prisma, who, { id, checkpoint: act.finding, result: act.flagged ? 'flagged' : 'ok', note: act.note }, ctx(act.at));
      } else {
        const finding = await prisma.nonLitigationFinding.findFirstOrThrow({
          where: { applicationId: id, checkpoint: act.openCase, flagged: true },
          orderBy: { recordedAt: 'desc' },
        });
        await openCaseFromFinding(prisma, who, { id, version: await version(), findingId: finding.id }, ctx(act.at));
      }
    }
    added++;
  }
  say(`[seed] non-litigation applications: ${added} added, ${skipped} already present`);
  return { added, skipped };
}
