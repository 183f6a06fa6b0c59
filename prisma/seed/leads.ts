/**
 * Demo leads transferred between the procuratorate and the court (DOMAIN.md §5, §7): false
 * litigation found in a trial and in an enforcement distribution, and pension-fraud leads of
 * every category (elderly-care services, projects, products, home-equity schemes, pension
 * insurance, "assistance" schemes), in both directions and at every stage.
 *
 * Every step runs through the app's own commands (lib/data/leads.ts) with the demo people as
 * actors and the clock set back to the moment of the step, so each lead gets exactly the fields,
 * timeline events and audit rows the app would have written; a step the state machine would
 * refuse throws.
 *
 * Idempotent: a lead is keyed by its procuratorate and title (unique in this seed) and skipped
 * when it is there. Deterministic: dates derive from `today` only. Run after the demo supervision
 * cases (./recommendations.ts): two leads are linked to them.
 */
import type { Db } from '@/lib/data/db';
import { actOnLead, receiveLead, sendLead } from '@/lib/data/leads';
import type { WorkflowContext } from '@/lib/data/workflow';
import { addDays } from '@/lib/domain/dates';
import type { LeadKind, LeadOutcome, PensionFraudSubtype } from '@/lib/domain/leads/machine';
import { demoActors } from './builders';
import { COURT, DEMO_USERS, PROCURATORATE } from './demo-data';

export interface PlannedLead {
  title: string;
  kind: LeadKind;
  subtype?: PensionFraudSubtype;
  summary: string;
  courtCaseNumber?: string;
  /** The sender's supervision case (procuratorate senders only). */
  caseNo?: string;
  from: string;
  /** Days before today it was sent. */
  sentAgo: number;
  receive?: { by: string; afterDays: number; comment?: string };
  act?: { by: string; afterDays: number; outcome: LeadOutcome; actionTaken: string; caseNo?: string };
}

export const DEMO_LEADS: readonly PlannedLead[] = [
  {
    title: '王某某与马某某民间借贷纠纷案涉嫌虚假诉讼线索',
    kind: 'false_litigation',
    summary:
      '本院审理(2024)青0103民初3378号民间借贷纠纷案中发现：原、被告系姑表兄弟，所涉借款80万元均称现金交付，无银行流水；被告当庭自认全部债务并放弃抗辩，请求调解结案；被告名下唯一房产已被另外三家债权人申请查封。双方可能恶意串通、虚构债务以对抗其他债权人的执行。现将线索移送你院审查。',
    courtCaseNumber: '(2024)青0103民初3378号',
    from: 'lin.xue',
    sentAgo: 95,
    receive: { by: 'zheng.lan', afterDays: 1, comment: '已登记，转民事行政检察部办理。' },
    act: {
      by: 'wu.yating',
      afterDays: 6,
      outcome: 'case_linked',
      caseNo: '城中检民监〔2025〕27号',
      actionTaken: '并入我院正在办理的王某某与马某某民间借贷纠纷虚假诉讼监督案审查；已调取双方银行流水及房产查封材料，约谈其他债权人。',
    },
  },
  {
    title: '西宁康泰养老服务有限公司以预售养老床位名义吸收老年人资金线索',
    kind: 'pension_fraud',
    subtype: 'elderly_care_services',
    summary:
      '我院办理陈某某与西宁康泰养老服务有限公司服务合同纠纷再审监督案中发现：该公司以“预交十年床位费、每年返利12%”为名，向辖区60余名老年人收取费用约380万元，目前养老院已停止接收入住，返利停发。你院尚有同类服务合同纠纷多件在审，可能涉嫌非法吸收公众存款，请审查。',
    courtCaseNumber: '(2024)青0103民初2890号',
    caseNo: '城中检民再监〔2025〕3号',
    from: 'li.wen',
    sentAgo: 60,
    receive: { by: 'chen.zhiqiang', afterDays: 1 },
    act: {
      by: 'chen.zhiqiang',
      afterDays: 9,
      outcome: 'transferred_police',
      actionTaken: '经审查，在审的7件同类案件涉嫌经济犯罪，已将线索及相关材料移送西宁市公安局城中分局，并依法裁定中止审理。',
    },
  },
  {
    title: '以“以房养老”名义诱导老年人抵押房产借贷线索',
    kind: 'pension_fraud',
    subtype: 'home_equity',
    summary:
      '群众来信反映：某投资咨询公司以“以房养老、月领高息”为名，诱导多名老年人将自有住房抵押借款，借款随即转入该公司“理财项目”，现该公司失联，出借人以民间借贷纠纷起诉要求实现抵押权。请你院在审理中注意审查借贷真实性及出借人与该公司的关联关系。',
    courtCaseNumber: '(2025)青0103民初6120号',
    from: 'sun.lixin',
    sentAgo: 12,
    receive: { by: 'lin.xue', afterDays: 2, comment: '已转承办法官，审理中一并审查。' },
  },
  {
    title: '代办“补缴养老保险”收取高额费用线索',
    kind: 'pension_fraud',
    subtype: 'pension_insurance',
    summary:
      '本院执行(2025)青0103执2210号案件中发现：被执行人西宁安康社保咨询服务部以“代办补缴养老保险、一次补足十五年”为名，向30余名老年人每人收取2万至6万元“代办费”，部分款项去向不明，可能涉嫌诈骗。现移送你院依法处理。',
    courtCaseNumber: '(2025)青0103执2210号',
    from: 'jiang.tao',
    sentAgo: 3,
  },
  {
    title: '案外人持调解书虚构债务参与执行分配线索',
    kind: 'false_litigation',
    summary:
      '我院在(2024)青0103执1876号执行监督中发现：案外人赵某某持(2025)青0103民初3012号民事调解书申请参与分配，该调解书所涉借款无资金往来记录，且赵某某系被执行人法定代表人的亲属，调解书系立案当日即达成。可能以虚假诉讼方式参与分配、损害申请执行人利益，请你院审查。',
    courtCaseNumber: '(2024)青0103执1876号',
    caseNo: '城中检执监〔2025〕15号',
    from: 'zhou.hao',
    sentAgo: 40,
    receive: { by: 'jiang.tao', afterDays: 1 },
    act: {
      by: 'jiang.tao',
      afterDays: 8,
      outcome: 'enforcement_measures',
      actionTaken: '已暂缓向赵某某分配执行款，并将(2025)青0103民初3012号调解案件移送审判监督部门审查。',
    },
  },
  {
    title: '保健品“会销”向老年人高价销售线索',
    kind: 'pension_fraud',
    subtype: 'products',
    summary:
      '本院审理多起老年人诉某健康科技公司买卖合同纠纷案件中发现：该公司以免费体检、旅游为名组织老年人参加“健康讲座”，将普通食品宣传为可治疗慢性病的保健品，以数倍价格销售。现移送你院，供审查是否需要开展监督或移送相关部门。',
    from: 'lin.xue',
    sentAgo: 30,
    receive: { by: 'sun.lixin', afterDays: 2 },
    act: {
      by: 'sun.lixin',
      afterDays: 10,
      outcome: 'no_action',
      actionTaken: '经审查，法院已对相关案件依法审理，现有材料尚不足以认定存在虚假诉讼或需民事监督的情形，本院暂不立案；已将销售行为线索函告市场监督管理局，并持续跟踪。',
    },
  },
  {
    title: '以“康养小镇”项目投资为名向老年人集资线索',
    kind: 'pension_fraud',
    subtype: 'projects',
    summary:
      '本院审理的多起合同纠纷显示：某文旅开发公司以投资“康养小镇”项目、认购养老公寓份额可获固定收益为名，向老年人集资，合同约定的项目用地至今未取得。请你院依法审查。',
    from: 'chen.zhiqiang',
    sentAgo: 18,
    receive: { by: 'zheng.lan', afterDays: 1, comment: '已登记，转民事行政检察部审查。' },
  },
  {
    title: '冒充社区人员以“养老帮扶金”名义骗取老年人信息和钱款线索',
    kind: 'pension_fraud',
    subtype: 'assistance',
    summary:
      '我院在办理控告申诉案件中发现：有人冒充社区工作人员，以申领“养老帮扶金”需先缴纳“手续费”为名，骗取老年人身份证、银行卡信息和现金。涉及你院在审的两件相关民事纠纷，请注意审查并反馈。',
    from: 'li.wen',
    sentAgo: 7,
  },
];

export interface SeedLeadsResult {
  added: number;
  existing: number;
}

export async function seedLeads(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedLeadsResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const present = new Set(
    (await prisma.caseLead.findMany({ where: { procuratorateId: proc.id, title: { in: DEMO_LEADS.map((l) => l.title) } }, select: { title: true } })).map(
      (l) => l.title,
    ),
  );
  const todo = DEMO_LEADS.filter((l) => !present.has(l.title));

  const who = demoActors(prisma);
  const caseNos = DEMO_LEADS.flatMap((l) => [l.caseNo, l.act?.caseNo]).filter((x): x is string => !!x);
  const caseId = new Map(
    (await prisma.supervisionCase.findMany({ where: { institutionId: proc.id, number: { in: caseNos } }, select: { id: true, number: true } })).map((c) => [
      c.number,
      c.id,
    ]),
  );
  let n = 0;
  /** On the day `days` before today, at a working hour. */
  const ctx = (days: number, time: string): WorkflowContext => {
    const on = addDays(today, -days);
    return { today: on, requestId: `seed-lead-${++n}`, now: new Date(`${on}T${time}:00+08:00`) };
  };
  const current = async (id: string) => (await prisma.caseLead.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const sideOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.side;

  for (const l of todo) {
    const { id } = await sendLead(
      prisma,
      await who(l.from),
      {
        counterpartId: sideOf(l.from) === 'procuratorate' ? court.id : proc.id,
        kind: l.kind,
        subtype: l.subtype ?? '',
        title: l.title,
        summary: l.summary,
        courtCaseNumber: l.courtCaseNumber ?? '',
        caseId: (l.caseNo && caseId.get(l.caseNo)) || '',
      },
      ctx(l.sentAgo, '10:15'),
    );
    if (l.receive) {
      await receiveLead(prisma, await who(l.receive.by), { id, version: await current(id), comment: l.receive.comment ?? '' }, ctx(l.sentAgo - l.receive.afterDays, '09:05'));
    }
    if (l.act) {
      const linked = l.act.caseNo ? caseId.get(l.act.caseNo) : undefined;
      if (l.act.caseNo && !linked) throw new Error(`seed: supervision case ${l.act.caseNo} missing (seed the demo cases first)`);
      await actOnLead(
        prisma,
        await who(l.act.by),
        { id, version: await current(id), outcome: l.act.outcome, actionTaken: l.act.actionTaken, caseId: linked ?? '' },
        ctx(l.sentAgo - l.act.afterDays, '15:40'),
      );
    }
  }
  const result = { added: todo.length, existing: DEMO_LEADS.length - todo.length };
  say(`[seed] leads: ${result.added} added, ${result.existing} already there`);
  return result;
}
