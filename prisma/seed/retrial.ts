/**
 * Demo retrial matters with new evidence (DOMAIN.md §3): two parties' applications recorded by
 * the court, three of the procuratorate's retrial recommendations (linked to the seeded
 * recommendations and supervision cases where they exist) and one protest — 15 evidence items,
 * some determined, two matters decided (one retrial ordered, with its hearing set; one refused),
 * one party application overdue in review.
 *
 * How it works: each matter's history is replayed through the data layer itself (lib/data/retrial:
 * fileMatter, addEvidenceItem, startReview, determineItem, decideRetrial, setHearing) by the demo
 * people, each step on its own day (`ctx.today`) and time (`ctx.now`), so the records, deadlines
 * (deadline engine + the calendar in the database), timeline events and audit rows are exactly
 * those the app writes; a step the app would refuse throws. Dates are counted back from `today`;
 * matters linked to a seeded recommendation follow its service and reply dates.
 *
 * Idempotent: a matter is keyed by (court, kind, court case number) and skipped when it exists.
 * Deterministic: no randomness; everything derives from `today` and the seeded recommendations.
 */
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import { addEvidenceItem, decideRetrial, determineItem, fileMatter, setHearing, startReview } from '@/lib/data/retrial';
import { calendarFromEntries, type Calendar } from '@/lib/domain/calendar';
import { addDays } from '@/lib/domain/dates';
import { workingDayOnOrAfter } from '@/lib/domain/deadlines';
import { workingDayOnOrBefore } from '@/lib/domain/retrial/deadlines';
import type { EvidenceGround, RetrialDecision, RetrialKind } from '@/lib/domain/retrial/machine';
import type { Actor } from '@/lib/domain/roles';
import { demoActors } from './builders';
import { COURT, PROCURATORATE } from './demo-data';

// =============================================================================================
// Data

interface ItemSpec {
  description: string;
  /** Days relative to the matter's anchor date (negative = before). */
  formed?: number;
  found?: number;
  ground: EvidenceGround;
  explanation: string;
  /** The court's determination, if it has made one. */
  determination?: { accepted: boolean; ground?: EvidenceGround; reasons: string; mayOverturn: boolean };
}

interface MatterSpec {
  kind: RetrialKind;
  courtCaseNumber: string;
  title: string;
  parties: string;
  /** Who filed it (court staff for a party application, a procurator or leader otherwise). */
  filer: string;
  /** Title of the seeded retrial recommendation it carries, if any (its service date is the filing date). */
  recommendationTitle?: string;
  /** Days before `today` it was filed (when not linked to a recommendation). */
  filedAgo: number;
  /** Days before the filing that the judgment took effect. */
  judgmentBefore: number;
  /** Party applications: days before the filing that the party learned of the evidence. */
  learnedBefore?: number;
  items: ItemSpec[];
  /** Days after the filing that the court opened its review; none = not yet. */
  reviewAfter?: number;
  /** Who determines the items on the court's side. */
  judge?: string;
  decision?: { by: string; decision: RetrialDecision; reasons: string; hearingAfter?: number };
}

const CPL_211_1 = '《中华人民共和国民事诉讼法》第二百一十一条第（一）项';

export const DEMO_RETRIAL: readonly MatterSpec[] = [
  {
    kind: 'party_application',
    courtCaseNumber: '(2025)青0103民初3012号',
    title: '马某某与青海华信小额贷款有限公司借款合同纠纷再审申请',
    parties: '再审申请人（原审被告）：马某某；被申请人（原审原告）：青海华信小额贷款有限公司',
    filer: 'xu.jing',
    filedAgo: 125,
    judgmentBefore: 85,
    items: [
      {
        description: '马某某于原审期间向华信公司转账偿还借款本息的银行电子回单14笔，合计21.6万元',
        formed: -700,
        found: -25,
        ground: 'found_late_objective',
        explanation: '原审期间马某某因病住院，相关回单保存在其配偶的旧手机中，出院后经整理方才找到。',
        determination: {
          accepted: true,
          ground: 'found_late_objective',
          reasons: '申请人提交的住院病历可以证明其在原审举证期限内客观上无法查找上述回单，逾期提供有正当理由；回单载明的还款金额与原判决认定的欠款数额直接相关，认定为新的证据。',
          mayOverturn: true,
        },
      },
      {
        description: '华信公司业务员张某出具的《还款情况说明》',
        formed: -20,
        found: -20,
        ground: 'arose_after_hearing',
        explanation: '该说明形成于原审庭审结束之后，载明马某某已还清部分借款。',
      },
      {
        description: '原审中已提交但未组织质证的《借款合同补充协议》',
        formed: -640,
        ground: 'submitted_not_examined',
        explanation: '原审庭审笔录显示该补充协议未经质证，判决亦未对其作出评述。',
      },
    ],
    reviewAfter: 3,
    judge: 'lin.xue',
  },
  {
    kind: 'party_application',
    courtCaseNumber: '(2025)青0103民初1866号',
    title: '韩某某与西宁安居物业服务有限公司物业服务合同纠纷再审申请',
    parties: '再审申请人（原审被告）：韩某某；被申请人（原审原告）：西宁安居物业服务有限公司',
    filer: 'xu.jing',
    filedAgo: 15,
    judgmentBefore: 265,
    learnedBefore: 55,
    items: [
      {
        description: '小区业主委员会委托第三方机构出具的《物业服务质量评估报告》及附件照片',
        formed: -60,
        found: -55,
        ground: 'arose_after_hearing',
        explanation: '评估报告系原判决生效后由业主委员会委托第三方作出，证明物业公司长期未履行绿化、保洁等服务义务。',
      },
      {
        description: '西宁安居物业服务有限公司向住房和城乡建设部门报送的年度服务台账',
        formed: -400,
        found: -55,
        ground: 'known_not_obtainable',
        explanation: '该台账由行政机关保存，原审期间韩某某申请法院调取未获准许。',
      },
    ],
  },
  {
    kind: 'procuratorate_recommendation',
    courtCaseNumber: '(2025)青0103民初4410号',
    title: '周某某与韩某某房屋租赁合同纠纷再审检察建议',
    parties: '申请监督人（原审被告）：周某某；其他当事人（原审原告）：韩某某',
    filer: 'wu.yating',
    recommendationTitle: '关于周某某与韩某某房屋租赁合同纠纷一案的再审检察建议',
    filedAgo: 250,
    judgmentBefore: 150,
    items: [
      {
        description: '周某某通过韩某某之子韩某账户按月转账的银行流水（共12笔，与租赁合同约定的租金数额一致）',
        formed: -600,
        found: -120,
        ground: 'known_not_obtainable',
        explanation: '银行流水需凭法院调查令调取，原审期间周某某申请调查令未获准许，庭审结束后方由银行出具。',
        determination: {
          accepted: true,
          ground: 'known_not_obtainable',
          reasons: '周某某在原审中已申请调取而未获准许，逾期提供有正当理由，认定为新的证据；但转账备注均为“还款”，收款人亦非出租人本人，尚不能证明系支付租金。',
          mayOverturn: false,
        },
      },
      {
        description: '周某某与韩某某的微信聊天记录（涉及租金支付方式的约定）',
        formed: -700,
        found: -100,
        ground: 'found_late_objective',
        explanation: '聊天记录存于周某某已损坏的旧手机中，原审结束后经数据恢复方才取得。',
        determination: {
          accepted: false,
          reasons: '聊天记录一直由周某某本人持有，手机损坏不影响其在原审中申请恢复数据后提交；且内容未涉及具体租金数额，不属于新的证据。',
          mayOverturn: false,
        },
      },
    ],
    reviewAfter: 2,
    judge: 'lin.xue',
    decision: {
      by: 'chen.zhiqiang',
      decision: 'refused',
      reasons: '经合议庭审查，上述转账系周某某向韩某某之子偿还个人借款，转账备注及聊天记录均未载明系支付租金，不足以推翻原判决认定的欠租事实，本案不符合再审条件，决定不予再审。',
    },
  },
  {
    kind: 'procuratorate_recommendation',
    courtCaseNumber: '(2024)青0103民初2890号',
    title: '陈某某与西宁康泰养老服务有限公司服务合同纠纷再审检察建议',
    parties: '申请监督人（原审原告）：陈某某；其他当事人（原审被告）：西宁康泰养老服务有限公司',
    filer: 'li.wen',
    recommendationTitle: '关于陈某某与西宁康泰养老服务有限公司服务合同纠纷一案的再审检察建议',
    filedAgo: 560,
    judgmentBefore: 200,
    items: [
      {
        description: '西宁市公安局城中分局对康泰公司实际控制人涉嫌非法吸收公众存款罪的立案决定书',
        formed: -60,
        found: -50,
        ground: 'arose_after_hearing',
        explanation: '立案决定书形成于原审庭审结束之后。',
        determination: {
          accepted: true,
          ground: 'arose_after_hearing',
          reasons: '立案决定书形成于原审庭审结束后，证明涉案协议系以养老服务为名吸收资金，与原判决认定的“服务合同关系”直接相关，认定为新的证据。',
          mayOverturn: true,
        },
      },
      {
        description: '康泰公司与三百余名老年人签订的同类《康养旅居会员协议》及资金往来明细',
        formed: -900,
        found: -45,
        ground: 'found_late_objective',
        explanation: '上述材料由公安机关在侦查中调取，陈某某在原审中客观上无法知悉和取得。',
        determination: {
          accepted: true,
          ground: 'found_late_objective',
          reasons: '材料系侦查机关调取，申请人原审时客观上无法取得，逾期提供有正当理由；足以证明涉案协议的真实性质，认定为新的证据。',
          mayOverturn: true,
        },
      },
      {
        description: '康泰公司宣传“每年12%养老补贴”的宣传册及业务员推介录音',
        formed: -950,
        found: -40,
        ground: 'found_late_objective',
        explanation: '宣传材料已被公司收回，后由其他受害老人提供。',
        determination: {
          accepted: true,
          ground: 'found_late_objective',
          reasons: '宣传材料原审时已被公司收回，申请人客观上无法提交，认定为新的证据；其证明内容与前两项证据相互印证，单独不足以推翻原判决。',
          mayOverturn: false,
        },
      },
    ],
    reviewAfter: 2,
    judge: 'lin.xue',
    decision: {
      by: 'he.min',
      decision: 'retrial_ordered',
      reasons: `经合议庭审查并报审判委员会讨论决定：检察机关提交的新证据足以推翻原判决关于双方系服务合同关系的认定，本案符合${CPL_211_1}规定的再审事由，裁定本案再审，再审期间中止原判决的执行。`,
      hearingAfter: 40,
    },
  },
  {
    kind: 'procuratorate_recommendation',
    courtCaseNumber: '(2024)青0103民初3378号',
    title: '王某某与马某某民间借贷纠纷（涉嫌虚假诉讼）再审检察建议',
    parties: '原审原告：王某某；原审被告：马某某；利害关系人：西宁晟源商贸有限公司等三家债权人',
    filer: 'wu.yating',
    recommendationTitle: '关于王某某与马某某民间借贷纠纷一案（涉嫌虚假诉讼）的再审检察建议',
    filedAgo: 40,
    judgmentBefore: 300,
    items: [
      {
        description: '王某某名下全部银行账户在所称借款交付日前后三个月的交易明细（无大额取现记录）',
        formed: -500,
        found: -20,
        ground: 'found_late_objective',
        explanation: '该证据系本院在办理其他债权人控告时依法调取，原审中其他债权人并非案件当事人，客观上无法提交。',
      },
      {
        description: '马某某在公安机关所作的询问笔录（承认与王某某虚构借款事实）',
        formed: -15,
        found: -12,
        ground: 'arose_after_hearing',
        explanation: '询问笔录形成于原判决生效之后。',
        determination: {
          accepted: true,
          ground: 'arose_after_hearing',
          reasons: '询问笔录形成于原判决生效后，马某某在笔录中承认借款系虚构，与原判决认定的借款事实直接相反，认定为新的证据。',
          mayOverturn: true,
        },
      },
      {
        description: '西宁晟源商贸有限公司等三家债权人提交的控告材料及执行参与分配方案',
        formed: -60,
        found: -55,
        ground: 'arose_after_hearing',
        explanation: '控告材料及参与分配方案均形成于原判决生效后的执行程序中。',
      },
    ],
    reviewAfter: 1,
    judge: 'lin.xue',
  },
  {
    kind: 'protest',
    courtCaseNumber: '(2024)青0103民初1566号',
    title: '谢某某与青海通达物流有限公司运输合同纠纷抗诉案',
    parties: '申诉人（原审原告）：谢某某；被申诉人（原审被告）：青海通达物流有限公司',
    filer: 'qian.hui',
    filedAgo: 9,
    judgmentBefore: 410,
    items: [
      {
        description: '青海通达物流有限公司承运车辆的GPS行驶轨迹数据（证明货损发生在运输途中）',
        formed: -700,
        found: -60,
        ground: 'known_not_obtainable',
        explanation: '轨迹数据由平台公司保存，原审中谢某某申请调取未获准许，检察机关调查核实时依法调取。',
      },
      {
        description: '收货方西宁百汇超市的入库验收记录及拒收签单',
        formed: -690,
        found: -50,
        ground: 'found_late_objective',
        explanation: '验收记录存放于收货方仓库，原审期间收货方搬迁，谢某某无法取得。',
      },
    ],
    reviewAfter: 3,
  },
];

// =============================================================================================
// Writing

export interface SeedRetrialResult {
  added: number;
  existing: number;
}

const HOURS = [9, 10, 11, 14, 15, 16];

export async function seedRetrial(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedRetrialResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const calendar = calendarFromEntries(await loadCalendarEntries(prisma));
  const who = demoActors(prisma);

  let added = 0;
  let existing = 0;
  for (const [i, spec] of DEMO_RETRIAL.entries()) {
    const found = await prisma.retrialMatter.findFirst({ where: { courtId: court.id, kind: spec.kind, courtCaseNumber: spec.courtCaseNumber }, select: { id: true } });
    if (found) {
      existing++;
      continue;
    }
    await replay(prisma, spec, i, today, calendar, who, court.id, proc.id);
    added++;
  }
  say(`[seed] retrial matters: ${added} added, ${existing} already there`);
  return { added, existing };
}

async function replay(
  prisma: Db,
  spec: MatterSpec,
  i: number,
  today: string,
  cal: Calendar,
  who: (username: string) => Promise<Actor>,
  courtId: string,
  procId: string,
) {
  const lastWorkday = workingDayOnOrBefore(addDays(today, -1), cal);
  const bwd = (x: string) => workingDayOnOrBefore(x, cal);
  // Steps happen on working days, never today or later, and never before the previous step.
  let floor = '0001-01-01';
  let last = 0;
  const day = (x: string) => {
    let y = workingDayOnOrAfter(x, cal);
    if (y > lastWorkday) y = lastWorkday;
    if (y < floor) y = floor;
    floor = y;
    return y;
  };
  let k = 0;
  const ctx = (date: string) => {
    const hour = HOURS[(i + k) % HOURS.length]!;
    const minute = (i * 7 + k * 13) % 50;
    k++;
    let t = new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).getTime();
    if (t <= last) t = last + 11 * 60_000;
    last = t;
    return { today: date, now: new Date(t), requestId: `seed-retrial-${i}-${k}` };
  };

  // The filing date: the service of the linked recommendation, else counted back from today.
  const rec = spec.recommendationTitle
    ? await prisma.recommendation.findFirst({
        where: { institutionId: procId, title: spec.recommendationTitle, addresseeCourtId: courtId, servedOn: { not: null } },
        select: { id: true, caseId: true, servedOn: true, replyOn: true },
      })
    : null;
  const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);
  const filedOn = day(iso(rec?.servedOn) ?? bwd(addDays(today, -spec.filedAgo)));
  const replyOn = iso(rec?.replyOn);

  const filer = await who(spec.filer);
  const { id } = await fileMatter(
    prisma,
    filer,
    {
      kind: spec.kind,
      courtId: filer.institutionKind === 'PROCURATORATE' ? courtId : '',
      caseId: rec?.caseId ?? '',
      recommendationId: rec?.id ?? '',
      courtCaseNumber: spec.courtCaseNumber,
      title: spec.title,
      parties: spec.parties,
      judgmentEffectiveOn: addDays(filedOn, -spec.judgmentBefore),
      filedOn,
      learnedOn: spec.learnedBefore ? addDays(filedOn, -spec.learnedBefore) : '',
    },
    ctx(filedOn),
  );
  const version = async () => (await prisma.retrialMatter.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  for (const item of spec.items) {
    await addEvidenceItem(
      prisma,
      filer,
      {
        id,
        version: await version(),
        description: item.description,
        formedOn: item.formed !== undefined ? addDays(filedOn, item.formed) : '',
        foundOn: item.found !== undefined ? addDays(filedOn, item.found) : '',
        ground: item.ground,
        groundExplanation: item.explanation,
      },
      ctx(filedOn),
    );
  }

  if (spec.reviewAfter === undefined) return;
  const reviewOn = day(addDays(filedOn, spec.reviewAfter));
  await startReview(prisma, await who(spec.judge ?? 'lin.xue'), { id, version: await version() }, ctx(reviewOn));

  // Determinations: spread over the review, before the decision (the reply date when linked).
  const end = spec.decision ? (replyOn ? bwd(addDays(replyOn, -2)) : bwd(addDays(reviewOn, 60))) : lastWorkday;
  const items = await prisma.evidenceItem.findMany({ where: { matterId: id }, orderBy: { position: 'asc' } });
  const determined = spec.items.map((s, n) => ({ s, row: items[n]! })).filter((x) => x.s.determination);
  for (const [n, { s, row }] of determined.entries()) {
    const d = s.determination!;
    const on = day(addDays(end, -(determined.length - n) * 6));
    await determineItem(
      prisma,
      await who(spec.judge ?? 'lin.xue'),
      {
        id: row.id,
        version: row.version,
        accepted: d.accepted ? 'yes' : 'no',
        determinationGround: d.ground ?? '',
        determinationReasons: d.reasons,
        mayOverturn: d.mayOverturn ? 'yes' : 'no',
      },
      ctx(on),
    );
  }

  if (!spec.decision) return;
  const decidedOn = day(end);
  await decideRetrial(
    prisma,
    await who(spec.decision.by),
    { id, version: await version(), decision: spec.decision.decision, decidedOn, decisionReasons: spec.decision.reasons },
    ctx(decidedOn),
  );
  if (spec.decision.hearingAfter) {
    const setOn = day(addDays(decidedOn, 5));
    const hearingOn = workingDayOnOrAfter(addDays(decidedOn, spec.decision.hearingAfter), cal);
    await setHearing(prisma, await who(spec.judge ?? 'lin.xue'), { id, version: await version(), hearingOn }, ctx(setOn));
  }
}
