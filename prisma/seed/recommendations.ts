/**
 * Demo supervision cases and procuratorial recommendations (DOMAIN.md §1): 15 cases and 42
 * recommendations of every type in every state, with the full history of each one.
 *
 * How it works:
 * - `planRecommendations(today, calendar)` is pure. For every recommendation it lays out the steps
 *   it went through — who, when, with what input — dated backwards from `today` (so that some are
 *   overdue right now, some were replied late, …). The due dates it dates the court's steps by come
 *   from the same rule `serve()` and `approveExtension()` apply (`recommendationReplyDueOrStatutory`
 *   with the calendar read from the database: the official calendar the seed has just imported).
 * - `seedRecommendations(prisma, { today }, say)` replays the plan through the app's own commands
 *   (`createDraft` and the `STEPS` of lib/data/recommendations.ts, via ./builders.ts) with the demo
 *   people as actors and the clock set to the moment of each step. So each record gets exactly the
 *   fields, number, due date, timeline events and audit rows the app writes, and a step the state
 *   machine would refuse (wrong side, role, state, not overdue yet…) throws.
 *
 * Idempotent: cases are keyed by their number; a recommendation is replayed only if its issuing
 * procuratorate has none with the same title (titles are unique in the seed). Recommendations are
 * replayed in order of issue, so `issue()` draws their numbers in the order the app would have.
 * Deterministic: everything derives from `today` and the index of each entry.
 */
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import { calendarFromEntries, type Calendar } from '@/lib/domain/calendar';
import { addDays } from '@/lib/domain/dates';
import { recommendationReplyDueOrStatutory, workingDayOnOrAfter } from '@/lib/domain/deadlines';
import type { RecommendationType } from '@/lib/domain/deadlines/periods';
import type { RecommendationAction, RecommendationStatus } from '@/lib/domain/recommendations/machine';
import { demoActors, draftRecommendation, recommendationStep, stepClock, type Handle } from './builders';
import { COURT, DEMO_USERS, PROCURATORATE } from './demo-data';

// =============================================================================================
// Data: supervision cases
// =============================================================================================

type CaseKind = 'civil' | 'administrative' | 'enforcement' | 'non_litigation' | 'civil_retrial' | 'public_interest';

export interface CaseSpec {
  number: string;
  kind: CaseKind;
  title: string;
  parties: string;
  courtCaseNumber: string | null;
  handler: string;
}

export const DEMO_CASES: readonly CaseSpec[] = [
  {
    number: '城中检民监〔2025〕12号',
    kind: 'civil',
    title: '刘某某与西宁恒盛置业有限公司商品房买卖合同纠纷监督案',
    parties: '申请人：刘某某；被申请人：西宁恒盛置业有限公司',
    courtCaseNumber: '(2025)青0103民初1234号',
    handler: 'li.wen',
  },
  {
    number: '城中检民监〔2025〕27号',
    kind: 'civil',
    title: '王某某与马某某民间借贷纠纷虚假诉讼监督案',
    parties: '原审原告：王某某；原审被告：马某某；利害关系人：西宁晟源商贸有限公司等三家债权人',
    courtCaseNumber: '(2024)青0103民初3378号',
    handler: 'wu.yating',
  },
  {
    number: '城中检民监〔2025〕31号',
    kind: 'civil',
    title: '孙某某与李某某买卖合同纠纷财产保全监督案',
    parties: '申请人：孙某某；被申请人：李某某',
    courtCaseNumber: '(2025)青0103民初2117号',
    handler: 'li.wen',
  },
  {
    number: '城中检民监〔2026〕5号',
    kind: 'civil',
    title: '李某某与张某某民间借贷纠纷等案件公告送达监督案',
    parties: '申请人：张某某；其他当事人：李某某',
    courtCaseNumber: '(2025)青0103民初5521号',
    handler: 'li.wen',
  },
  {
    number: '城中检民监〔2026〕18号',
    kind: 'civil',
    title: '孙某某与西宁鑫达物流有限公司劳动争议监督案',
    parties: '申请人：孙某某；被申请人：西宁鑫达物流有限公司',
    courtCaseNumber: '(2026)青0103民初877号',
    handler: 'li.wen',
  },
  {
    number: '城中检行监〔2025〕8号',
    kind: 'administrative',
    title: '赵某某诉西宁市城中区人力资源和社会保障局工伤认定行政诉讼监督案',
    parties: '申请人：赵某某；原审被告：西宁市城中区人力资源和社会保障局；第三人：西宁丰泰餐饮管理有限公司',
    courtCaseNumber: '(2025)青0103行初45号',
    handler: 'wu.yating',
  },
  {
    number: '城中检行监〔2026〕3号',
    kind: 'administrative',
    title: '西宁嘉禾商贸有限公司诉城中区市场监督管理局行政处罚监督案',
    parties: '申请人：西宁嘉禾商贸有限公司；原审被告：西宁市城中区市场监督管理局',
    courtCaseNumber: '(2025)青0103行初112号',
    handler: 'wu.yating',
  },
  {
    number: '城中检执监〔2025〕15号',
    kind: 'enforcement',
    title: '西宁瑞丰建材有限公司申请执行青海恒基建筑工程有限公司买卖合同纠纷执行监督案',
    parties: '申请执行人：西宁瑞丰建材有限公司；被执行人：青海恒基建筑工程有限公司',
    courtCaseNumber: '(2024)青0103执1876号',
    handler: 'zhou.hao',
  },
  {
    number: '城中检执监〔2026〕9号',
    kind: 'enforcement',
    title: '杨某某等23名农民工申请执行劳务报酬纠纷系列案执行监督案',
    parties: '申请执行人：杨某某等23人；被执行人：青海宏远劳务有限公司',
    courtCaseNumber: '(2026)青0103执562号',
    handler: 'zhou.hao',
  },
  {
    number: '城中检行非诉监〔2025〕4号',
    kind: 'non_litigation',
    title: '城中区自然资源局申请强制执行限期拆除违法建设决定非诉执行监督案',
    parties: '申请执行人：西宁市城中区自然资源局；被执行人：韩某某',
    courtCaseNumber: '(2025)青0103行审28号',
    handler: 'wu.yating',
  },
  {
    number: '城中检行非诉监〔2026〕2号',
    kind: 'non_litigation',
    title: '城中区生态环境局申请执行罚款决定非诉执行监督案',
    parties: '申请执行人：西宁市城中区生态环境局；被执行人：西宁味之源餐饮有限公司',
    courtCaseNumber: '(2026)青0103行审7号',
    handler: 'wu.yating',
  },
  {
    number: '城中检民再监〔2025〕3号',
    kind: 'civil_retrial',
    title: '陈某某与西宁康泰养老服务有限公司服务合同纠纷再审监督案',
    parties: '申请人：陈某某；被申请人：西宁康泰养老服务有限公司',
    courtCaseNumber: '(2024)青0103民初2890号',
    handler: 'li.wen',
  },
  {
    number: '城中检民再监〔2026〕1号',
    kind: 'civil_retrial',
    title: '周某某与韩某某房屋租赁合同纠纷再审监督案',
    parties: '申请人：周某某；被申请人：韩某某',
    courtCaseNumber: '(2025)青0103民初4410号',
    handler: 'wu.yating',
  },
  {
    number: '城中检行公〔2025〕6号',
    kind: 'public_interest',
    title: '裁判文书公开中个人信息保护公益监督案',
    parties: '不特定多数自然人当事人',
    courtCaseNumber: null,
    handler: 'wu.yating',
  },
  {
    number: '城中检行公〔2026〕4号',
    kind: 'public_interest',
    title: '诉讼服务场所无障碍环境建设公益监督案',
    parties: '残疾人、老年人等有无障碍需求的诉讼参与人',
    courtCaseNumber: null,
    handler: 'li.wen',
  },
];

// =============================================================================================
// Data: recommendations
// =============================================================================================

type CourtDesk = 'civil-division' | 'administrative-division' | 'enforcement-bureau' | 'committee-office' | 'leadership';
type Adoption = 'adopted' | 'partly_adopted' | 'not_adopted';

export interface RecommendationSpec {
  title: string;
  type: RecommendationType;
  /** Supervision case number (DEMO_CASES). */
  caseNo?: string;
  courtCaseNumber?: string;
  drafter: string;
  /** Court department addressed; its staff acknowledge and reply, its leader signs. */
  desk: CourtDesk;
  facts: string;
  violation: string;
  text: string;
  basis: string;
  urgent?: boolean;
  customPeriod?: { months?: number; days?: number };
  /** Where the recommendation is now. */
  end: RecommendationStatus;
  /**
   * Days before today of the anchor step: the service for recommendations that were served,
   * otherwise the last step taken. Rolled back to a working day.
   */
  ago: number;
  /** The first submission was returned by a leader with this comment. */
  returned?: string;
  /** The draft was discarded (from draft or, after `returned`, from returned) with this comment. */
  discarded?: string;
  approveComment?: string;
  /** Retrial recommendations: the procuratorial committee's decision (required to approve). */
  committeeNo?: string;
  method?: 'written' | 'announced';
  objection?: {
    comment: string;
    outcome: 'pending' | 'rejected' | 'withdraw' | 'modify';
    answer?: string;
    /** outcome 'modify': what the drafter changed in the superseding draft (then submitted). */
    revised?: { title: string; violation: string; text: string };
  };
  /** Enforcement type: the court asked for (and its president granted) one more month. */
  extension?: string;
  /** Urged this many days after the due date. */
  urge?: { after: number; comment?: string };
  /** Escalated this many days after the due date. */
  escalate?: { after: number; comment: string };
  reply?: {
    adoption: Adoption;
    measures: string;
    reasons?: string;
    /**
     * Days from the due date to the signed reply (negative: early, positive: late); for a reply
     * still waiting for the court leader (end 'reply_submitted'), to the submission.
     */
    delta: number;
    /** The court leader returned the first draft of the reply with this comment. */
    returned?: string;
    /** A first draft was saved a week before it was submitted. */
    saved?: boolean;
  };
  evaluation?: { rectified: boolean; text: string; followUp?: string };
}

const ESCALATED_TO = '市人民检察院；市中级人民法院';

const CPL = '《中华人民共和国民事诉讼法》';
const ALL = '《中华人民共和国行政诉讼法》';
const SPP_REC = '《人民检察院检察建议工作规定》';
const CIVIL_RULES = '《人民检察院民事诉讼监督规则》';
const ENF_RULES = '《最高人民法院、最高人民检察院关于民事执行活动法律监督若干问题的规定》';
const PI_RULES = '《人民检察院公益诉讼办案规则》';

export const DEMO_RECOMMENDATIONS: readonly RecommendationSpec[] = [
  // ------------------------------------------------------------------------------ retrial
  {
    title: '关于陈某某与西宁康泰养老服务有限公司服务合同纠纷一案的再审检察建议',
    type: 'retrial',
    caseNo: '城中检民再监〔2025〕3号',
    courtCaseNumber: '(2024)青0103民初2890号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '申请人陈某某现年78岁，于2023年5月与西宁康泰养老服务有限公司签订《康养旅居会员协议》，先后交纳“会员费”“养老床位预订金”共计28.6万元。该公司以每年12%的“养老补贴”为诱饵向老年人吸收资金，后因资金链断裂停止兑付。原审以双方系服务合同关系、陈某某未举证证明公司违约为由，判决驳回其诉讼请求。本院调查核实查明，该公司实际控制人已因涉嫌非法吸收公众存款罪被公安机关立案侦查，同类协议涉及老年人三百余名。',
    violation:
      '原判决认定“双方系服务合同关系”的基本事实缺乏证据证明，对公安机关已立案侦查的关联事实未予审查；涉案协议系以养老服务为名非法集资的工具，原判决未认定其以合法形式掩盖非法目的，适用法律确有错误，属于《中华人民共和国民事诉讼法》第二百一十一条第（二）项、第（六）项规定的情形。',
    text: '一、建议你院对（2024）青0103民初2890号民事判决依法再审，重新审查涉案协议的效力及返还责任；二、对审理中发现的涉嫌非法集资线索依法移送公安机关，并在再审中依法保护老年人的合法权益。',
    basis: `${CPL}第二百一十一条、第二百一十九条；${CIVIL_RULES}；${SPP_REC}`,
    committeeNo: '城中检委决〔2025〕4号',
    end: 'archived',
    ago: 560,
    reply: {
      adoption: 'adopted',
      delta: -12,
      returned: '合议庭审查意见未写明是否符合再审事由及理由，请补充后重新报送。',
      measures:
        '经合议庭审查并报审判委员会讨论决定，本院已裁定对本案进行再审，再审期间中止原判决的执行；审理中发现的涉嫌非法集资线索已移送西宁市公安局城中分局。',
    },
    evaluation: { rectified: true, text: '法院已裁定再审并移送犯罪线索，建议内容全部采纳，监督效果良好。' },
  },
  {
    title: '关于周某某与韩某某房屋租赁合同纠纷一案的再审检察建议',
    type: 'retrial',
    caseNo: '城中检民再监〔2026〕1号',
    courtCaseNumber: '(2025)青0103民初4410号',
    drafter: 'wu.yating',
    desk: 'civil-division',
    facts:
      '原审判决认定承租人周某某拖欠租金，判令解除房屋租赁合同并支付违约金6.8万元。周某某向本院申请监督，提交了其通过出租人韩某某之子账户按月转账支付租金的银行流水及双方微信聊天记录。该银行流水系原审庭审结束后由周某某申请银行调取，原审未经质证。',
    violation:
      '有新的证据，足以推翻原判决认定的“拖欠租金”这一基本事实，属于《中华人民共和国民事诉讼法》第二百一十一条第（一）项规定的情形。',
    text: '建议你院对（2025）青0103民初4410号民事判决依法再审，对申请人提交的新证据组织质证，重新认定租金支付事实。',
    basis: `${CPL}第二百一十一条第（一）项、第二百一十九条；《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》关于再审新证据的规定`,
    committeeNo: '城中检委决〔2026〕2号',
    end: 'evaluated',
    ago: 250,
    reply: {
      adoption: 'not_adopted',
      delta: -5,
      measures: '合议庭对申请监督人提交的银行流水及聊天记录进行了审查，并分别听取了双方当事人的意见。',
      reasons:
        '经审查，上述转账系周某某向韩某某之子偿还个人借款，转账备注及聊天记录均未载明系支付租金，不足以推翻原判决认定的欠租事实，本案不符合再审条件，决定不予再审。',
    },
    evaluation: {
      rectified: false,
      text: '法院未采纳再审检察建议，理由不能成立：十二笔转账的时间、金额与租赁合同约定的租金完全对应，韩某某之子亦无出借款项的证据。拟提请市人民检察院抗诉。',
      followUp: '已将案件审查报告及证据材料报送市人民检察院，提请抗诉。',
    },
  },
  {
    title: '关于王某某与马某某民间借贷纠纷一案（涉嫌虚假诉讼）的再审检察建议',
    type: 'retrial',
    caseNo: '城中检民监〔2025〕27号',
    courtCaseNumber: '(2024)青0103民初3378号',
    drafter: 'wu.yating',
    desk: 'civil-division',
    facts:
      '王某某以马某某借款120万元到期未还为由提起诉讼，马某某到庭对借款事实全部认可，你院据此判决马某某还款。本院在办理马某某其他债权人的控告中查明：王某某系马某某表兄，所称现金交付的120万元无取款记录，资金来源无法说明；判决生效后王某某随即申请执行，并参与分配马某某名下被查封房产的拍卖款，致使其他三家真实债权人的受偿比例由约70%降至不足30%。',
    violation:
      '双方当事人恶意串通，虚构借款事实，企图通过诉讼方式侵害他人合法权益；原判决仅凭当事人自认认定借款事实，认定的基本事实缺乏证据证明。',
    text: '一、建议你院对（2024）青0103民初3378号民事判决依法再审；二、对参与分配程序中王某某的应受偿款项暂缓发放；三、对虚假诉讼行为依法予以制裁，涉嫌犯罪的移送公安机关。',
    basis: `${CPL}关于虚假诉讼的规定及第二百一十一条、第二百一十九条；《最高人民法院、最高人民检察院、公安部、司法部关于进一步加强虚假诉讼犯罪惩治工作的意见》`,
    committeeNo: '城中检委决〔2026〕9号',
    end: 'acknowledged',
    ago: 40,
  },
  {
    title: '关于西宁恒盛置业有限公司与刘某某商品房买卖合同纠纷一案的再审检察建议',
    type: 'retrial',
    caseNo: '城中检民监〔2025〕12号',
    courtCaseNumber: '(2025)青0103民初1234号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '原审判决以买受人刘某某逾期交纳购房尾款为由，判令解除商品房买卖合同，并由刘某某承担已付房款20%的违约金。经调查核实，西宁恒盛置业有限公司在签订合同及起诉时均未取得涉案楼栋的商品房预售许可证明，刘某某暂缓付款系因担心房屋无法办证。',
    violation:
      '出卖人未取得商品房预售许可证明，与买受人订立的商品房预售合同应当认定无效，原判决按有效合同处理并判令买受人承担违约责任，适用法律确有错误。',
    text: '建议你院对（2025）青0103民初1234号民事判决依法再审，依法认定涉案合同效力并重新确定双方的返还及赔偿责任。',
    basis: `${CPL}第二百一十一条第（六）项、第二百一十九条；《最高人民法院关于审理商品房买卖合同纠纷案件适用法律若干问题的解释》第二条`,
    committeeNo: '城中检委决〔2026〕15号',
    end: 'approved',
    ago: 3,
  },
  {
    title: '关于赵某某诉区人力资源和社会保障局工伤认定一案的再审检察建议',
    type: 'retrial',
    caseNo: '城中检行监〔2025〕8号',
    courtCaseNumber: '(2025)青0103行初45号',
    drafter: 'wu.yating',
    desk: 'administrative-division',
    facts:
      '赵某某系西宁丰泰餐饮管理有限公司厨师，下班后前往其母亲居住地途中发生非本人主要责任的交通事故受伤。区人力资源和社会保障局以其未直接返回本人居住地为由作出不予认定工伤决定，原审判决驳回赵某某的诉讼请求。经查，赵某某长期与母亲共同居住，下班后前往母亲居住地属于合理路线。',
    violation:
      '原判决对“上下班途中”作限缩解释，未将在合理时间内往返于工作地与配偶、父母、子女居住地的合理路线认定为上下班途中，适用法律确有错误。',
    text: '建议你院对（2025）青0103行初45号行政判决依法再审，撤销被诉不予认定工伤决定，责令被告重新作出认定。',
    basis: `${ALL}第九十一条、第九十三条；《工伤保险条例》第十四条；《最高人民法院关于审理工伤保险行政案件若干问题的规定》第六条`,
    committeeNo: '城中检委决〔2026〕16号',
    end: 'objected',
    ago: 20,
    objection: {
      comment: '当事人已就本案向本院申请再审并被裁定驳回，请贵院核实本案是否符合提出再审检察建议的条件。',
      outcome: 'pending',
    },
  },
  {
    title: '关于孙某某与西宁鑫达物流有限公司劳动争议一案的再审检察建议',
    type: 'retrial',
    caseNo: '城中检民监〔2026〕18号',
    courtCaseNumber: '(2026)青0103民初877号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '孙某某自2022年起在西宁鑫达物流有限公司从事货车驾驶工作，车辆由公司提供，按公司排班出车，按月领取固定底薪及提成。原审判决以双方签订了《车辆承包协议》为由，认定双方系承揽关系，驳回孙某某确认劳动关系及支付经济补偿的诉讼请求。',
    violation: '原判决忽视用工管理、报酬支付等劳动关系的实质特征，仅以协议名称认定法律关系性质，认定的基本事实缺乏证据证明，适用法律确有错误。',
    text: '建议你院对该案依法再审，依法认定双方之间的劳动关系，并重新审理经济补偿等诉讼请求。',
    basis: `${CPL}第二百一十一条第（二）项、第（六）项、第二百一十九条；《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）`,
    end: 'submitted',
    ago: 2,
  },

  // ------------------------------------------------------------------------------ correction
  {
    title: '关于李某某与张某某民间借贷纠纷等案件公告送达程序违法的检察建议',
    type: 'correction',
    caseNo: '城中检民监〔2026〕5号',
    courtCaseNumber: '(2025)青0103民初5521号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '本院在办理张某某申请监督一案中发现，你院审理（2025）青0103民初5521号案件时，被告张某某的手机号码、户籍地址及工作单位均记载于原告提交的借条和起诉状中，承办人员未经电话联系、直接送达或者邮寄送达，即于立案后第五日采取公告送达方式，并在被告未到庭的情况下缺席判决。经抽查你院同期审结的民间借贷案件，另有6件存在类似情形。',
    violation:
      '公告送达仅适用于受送达人下落不明或者用其他方式无法送达的情形。上述案件在未穷尽其他送达方式的情况下径行公告送达，剥夺了当事人的辩论权利，违反了民事诉讼法关于公告送达的规定。',
    text: '一、对上述7件案件的送达程序逐案核查，符合再审条件的依法启动再审；二、严格执行公告送达的适用条件，将电话、短信、电子送达及邮寄送达的尝试记录附卷备查；三、组织审判辅助人员开展送达程序专项培训。',
    basis: `${CPL}第九十五条、第二百一十九条；《最高人民法院关于进一步加强民事送达工作的若干意见》；${SPP_REC}`,
    end: 'closed',
    ago: 300,
    reply: {
      adoption: 'adopted',
      delta: -9,
      saved: true,
      measures:
        '本院已对7件案件逐案核查，其中2件依职权裁定再审，其余5件经补正送达后当事人未提出异议；修订了《民事案件送达工作规程》，明确公告送达前须附送达尝试记录；已组织专项培训2次，参训人员46人次。',
    },
    evaluation: { rectified: true, text: '建议全部采纳，涉案问题已整改，规程修订到位，予以结案。' },
  },
  {
    title: '关于部分民事案件超审限未依法报批延长的检察建议',
    type: 'correction',
    drafter: 'wu.yating',
    desk: 'civil-division',
    facts:
      '本院对你院2025年上半年审结的民事案件开展审理期限专项检查，发现适用简易程序审理的案件中有14件审理期限超过三个月，既未依法裁定转为普通程序，也未报请延长；适用普通程序审理的案件中有5件超过六个月，未报请院长批准延长审理期限。',
    violation: '上述案件违反了民事诉讼法关于简易程序、普通程序审理期限及审限延长审批程序的规定，影响当事人合法权益的及时实现。',
    text: '一、对超审限案件逐案清理，查明超期原因；二、完善审限预警和审批制度，在审判管理系统中设置到期提醒；三、将审限管理情况纳入审判绩效考核。',
    basis: `${CPL}第一百五十二条、第一百六十四条、第二百一十九条；${SPP_REC}`,
    end: 'closed',
    ago: 420,
    reply: {
      adoption: 'adopted',
      delta: -14,
      measures:
        '本院已对19件超审限案件逐案清理并通报，审判管理系统已上线审限届满前15日、7日两次预警功能，审限管理已纳入2026年度审判绩效考核指标。',
    },
    evaluation: { rectified: true, text: '建议全部采纳，整改措施具体，经回访同期案件未再发现超审限未报批情形。' },
  },
  {
    title: '关于孙某某与李某某买卖合同纠纷一案财产保全措施解除不当的检察建议',
    type: 'correction',
    caseNo: '城中检民监〔2025〕31号',
    courtCaseNumber: '(2025)青0103民初2117号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '孙某某诉李某某买卖合同纠纷一案中，你院依孙某某申请冻结李某某银行存款52万元。案件审理期间，李某某提供一处已设定抵押的房产作为担保申请解除保全，承办人员未对担保财产的价值及权利负担进行审查即裁定解除冻结，李某某随即转出账户资金。判决生效后，孙某某申请执行时李某某已无可供执行的财产。',
    violation: '用于置换的担保财产已设定抵押，担保价值明显不足，人民法院未经审查即裁定解除保全，违反了财产保全案件的审查规定，致使申请保全人的合法权益受到损害。',
    text: '一、对本案解除保全行为进行核查，依法追究相关人员责任；二、对被执行人转移财产的行为依法采取罚款、拘留等措施，涉嫌拒不执行判决、裁定罪的依法移送；三、规范保全解除审查程序，对置换担保财产的价值和权利负担进行实质审查。',
    basis: `${CPL}关于财产保全的规定及第二百一十九条；《最高人民法院关于人民法院办理财产保全案件若干问题的规定》`,
    end: 'archived',
    ago: 480,
    reply: {
      adoption: 'partly_adopted',
      delta: -6,
      measures:
        '已对被执行人李某某处以罚款5万元，并将其涉嫌拒不执行判决、裁定罪的线索移送公安机关；修订了《财产保全工作指引》，明确置换担保须审查评估报告及不动产登记信息。',
      reasons: '关于追究相关人员责任的建议，经本院审务督察部门调查，承办法官系依当事人提交的评估报告作出裁定，不存在故意或者重大过失，决定不予追责，已进行提醒谈话。',
    },
    evaluation: { rectified: true, text: '法院已采取强制措施并移送犯罪线索，规范了保全解除审查；对不予追责的理由予以认可。' },
  },
  {
    title: '关于西宁嘉禾商贸有限公司行政起诉未依法登记立案的检察建议',
    type: 'correction',
    caseNo: '城中检行监〔2026〕3号',
    courtCaseNumber: '(2025)青0103行初112号',
    drafter: 'wu.yating',
    desk: 'administrative-division',
    facts:
      '西宁嘉禾商贸有限公司不服城中区市场监督管理局作出的行政处罚决定，于法定期限内到你院诉讼服务中心递交起诉状，工作人员以“材料不全”为由口头拒绝接收，未出具书面凭证，也未一次性告知需要补正的内容。该公司补齐材料再次起诉时已超过起诉期限，你院以超过起诉期限为由裁定不予立案。',
    violation: '人民法院对当场不能判定是否符合起诉条件的起诉状应当接收并出具注明日期的书面凭证，起诉状内容欠缺的应当一次性告知补正内容。你院的做法违反了行政诉讼法关于登记立案的规定，并导致当事人因非自身原因耽误起诉期限。',
    text: '一、对该案重新审查起诉期限，将因法院原因耽误的期间依法予以扣除；二、规范诉讼服务中心接收起诉材料工作，一律出具书面凭证；三、对相关工作人员进行批评教育。',
    basis: `${ALL}第四十八条、第五十一条、第九十三条；${SPP_REC}`,
    end: 'replied',
    ago: 150,
    urge: { after: 5 },
    reply: {
      adoption: 'adopted',
      delta: 12,
      measures:
        '本院已撤销原不予立案裁定，将该公司首次递交起诉状之日作为起诉日期，依法登记立案；诉讼服务中心已启用起诉材料接收登记簿和书面凭证；已对相关工作人员进行批评教育。',
    },
  },
  {
    title: '关于民事案件上诉材料未依法及时移送的检察建议',
    type: 'correction',
    courtCaseNumber: '(2025)青0103民初6032号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '本院在受理当事人控告中发现，你院审理的（2025）青0103民初6032号等5件民事案件，当事人在法定期限内递交上诉状后，你院未在五日内将上诉状副本送达对方当事人，案卷在一审法院滞留四个月以上未报送第二审人民法院，当事人多次来电来访。',
    violation: '人民法院收到上诉状后应当在五日内将副本送达对方当事人，并在收到答辩状或答辩期满后五日内连同全部案卷报送第二审人民法院。上述案件长期未移送，违反了民事诉讼法关于上诉案件移送期限的规定。',
    text: '一、立即将上述5件案件的案卷报送第二审人民法院；二、对全院上诉案件移送情况开展排查；三、明确上诉案件移送的责任部门和时限。',
    basis: `${CPL}第一百七十三条、第一百七十四条、第二百一十九条`,
    end: 'acknowledged',
    ago: 122,
    urge: { after: 10, comment: '该检察建议的回复期限已届满，请你院尽快书面回复整改情况。' },
    escalate: { after: 32, comment: '逾期一个月仍未回复，经检察长批准，已报告市人民检察院并通报市中级人民法院。' },
  },
  {
    title: '关于离婚纠纷案件违法多收案件受理费的检察建议',
    type: 'correction',
    courtCaseNumber: '(2026)青0103民初2316号',
    drafter: 'wu.yating',
    desk: 'civil-division',
    facts:
      '当事人马某某向本院反映，其在你院提起离婚诉讼时，涉及分割的夫妻共同财产总额为46万元，你院按照财产案件标准收取案件受理费8200元。经调取你院同期离婚案件收费记录，另有9件存在按财产案件标准计收受理费的情况。',
    violation: '离婚案件涉及财产分割的，财产总额不超过20万元的部分不另行交纳，超过20万元的部分按照0.5%交纳。你院按财产案件标准计收，违反《诉讼费用交纳办法》的规定，加重了当事人的诉讼负担。',
    text: '一、对上述10件案件多收的受理费依法予以退还；二、对诉讼费用计收系统的参数设置进行核查更正；三、对立案收费人员开展业务培训。',
    basis: `《诉讼费用交纳办法》第十三条；${CPL}第二百一十九条`,
    end: 'served',
    ago: 65,
  },
  {
    title: '关于当庭宣判案件未在法定期限内发送判决书的检察建议',
    type: 'correction',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '本院对你院2026年第三季度适用简易程序审结的民事案件开展抽查，发现当庭宣判的126件案件中，有31件判决书发送时间超过十日，最长的超过四十日，部分当事人因迟迟未收到判决书而无法及时上诉或者申请执行。',
    violation: '当庭宣判的，应当在十日内发送判决书。上述案件判决书发送迟延，违反了民事诉讼法关于宣判后发送判决书期限的规定。',
    text: '一、对上述案件逐案核查，确保当事人的上诉权不因判决书发送迟延受到影响；二、建立当庭宣判案件文书制作、送达的跟踪机制。',
    basis: `${CPL}第一百五十一条、第二百一十九条`,
    end: 'served',
    ago: 5,
  },
  {
    title: '关于行政案件审理中未依法通知第三人参加诉讼的检察建议',
    type: 'correction',
    caseNo: '城中检行监〔2026〕3号',
    drafter: 'wu.yating',
    desk: 'administrative-division',
    facts:
      '你院审理的3件房屋征收补偿行政案件中，被诉补偿决定直接影响被征收房屋承租人的利益，但你院未通知承租人作为第三人参加诉讼，承租人在判决生效后方得知诉讼情况。',
    violation: '同被诉行政行为有利害关系的公民，人民法院应当通知其作为第三人参加诉讼。你院的做法违反了行政诉讼法关于第三人参加诉讼的规定。',
    text: '一、对上述案件进行复查，符合再审条件的依法启动再审；二、在房屋征收类行政案件立案审查时，核查是否存在承租人等利害关系人。',
    basis: `${ALL}第二十九条、第九十三条`,
    end: 'issued',
    ago: 2,
  },
  {
    title: '关于未经受送达人同意电子送达判决书的检察建议',
    type: 'correction',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '本院在办理民事监督案件中发现，你院部分案件在受送达人未签署电子送达地址确认书、也未以其他方式表示同意的情况下，通过短信链接向其送达判决书，并以短信发送之日作为送达日期计算上诉期限。',
    violation: '采用电子方式送达诉讼文书须经受送达人同意，并以能够确认其收悉的方式送达。上述做法违反了民事诉讼法关于电子送达的规定，可能导致当事人丧失上诉权利。',
    text: '一、对未经同意电子送达的案件进行排查，依法补正送达；二、规范电子送达地址确认书的签署和留存。',
    basis: `${CPL}第九十条、第二百一十九条`,
    end: 'draft',
    ago: 1,
  },
  {
    title: '关于马某某与西宁通达汽车租赁有限公司租赁合同纠纷一案审判人员未依法回避的检察建议',
    type: 'correction',
    courtCaseNumber: '(2025)青0103民初3896号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '马某某与西宁通达汽车租赁有限公司租赁合同纠纷一案中，承办法官的配偶曾在该公司担任法务主管，承办法官未主动申请回避，庭审笔录中亦未记载向当事人告知申请回避的权利。',
    violation: '审判人员与本案当事人有其他关系、可能影响对案件公正审理的，应当自行回避。承办法官未依法回避，违反了民事诉讼法关于回避的规定。',
    text: '一、对该案是否存在应当回避的情形进行核查，依法处理；二、加强审判人员回避事项的登记和审查。',
    basis: `${CPL}第四十七条、第二百一十九条`,
    end: 'withdrawn',
    ago: 75,
    objection: {
      comment: '经核查，承办法官的配偶已于本案受理前三个月从该公司离职，劳动合同解除证明及社保转移记录附后，建议书认定的回避事由与事实不符。',
      outcome: 'modify',
      answer: '经复核，法院提出的异议成立，建议书关于回避事由的事实认定有误，撤回原建议书；庭审中未告知回避权利的问题修改后重新制发。',
      revised: {
        title: '关于马某某与西宁通达汽车租赁有限公司租赁合同纠纷一案未依法告知当事人申请回避权利的检察建议',
        violation: '开庭审理时，审判长应当告知当事人有关的诉讼权利义务，询问当事人是否提出回避申请。该案庭审笔录未记载上述告知和询问，违反了民事诉讼法关于庭审程序的规定。',
        text: '一、规范庭审程序，开庭时依法告知当事人申请回避等诉讼权利并记入笔录；二、对庭审笔录的制作和审核开展专项检查。',
      },
    },
  },

  // ------------------------------------------------------------------------------ public interest
  {
    title: '关于裁判文书公开中未依法隐名处理侵害个人信息的检察建议',
    type: 'public_interest',
    caseNo: '城中检行公〔2025〕6号',
    drafter: 'wu.yating',
    desk: 'leadership',
    facts:
      '本院在履职中发现，你院在中国裁判文书网公布的2025年度民事、行政裁判文书中，有37份未对自然人当事人的姓名进行隐名处理，有12份完整公开了当事人的身份证号码、家庭住址、银行账号及未成年子女信息，相关信息已被多家商业网站批量转载。',
    violation: '人民法院在互联网公布裁判文书时，应当对自然人的身份证号码、住址、银行账号等个人信息进行删除或者隐名处理。上述文书未作技术处理即公开，侵害了不特定多数人的个人信息权益，损害社会公共利益。',
    text: '一、对已公开的裁判文书开展全面排查，撤回问题文书并重新处理后公开；二、函告相关商业网站删除转载的个人信息；三、建立文书公开前的技术处理复核机制。',
    basis: `《中华人民共和国个人信息保护法》第七十条；《最高人民法院关于人民法院在互联网公布裁判文书的规定》第八条、第十条；${PI_RULES}`,
    end: 'closed',
    ago: 360,
    method: 'announced',
    reply: {
      adoption: 'adopted',
      delta: -20,
      measures: '本院已撤回49份问题文书，重新处理后公开；已向6家商业网站发函要求删除，其中5家已删除完毕；文书公开已实行承办人、审判管理办公室两级复核。',
    },
    evaluation: { rectified: true, text: '经复查，问题文书已全部撤回重新处理，复核机制已运行，公益受损状态已消除。' },
  },
  {
    title: '关于执行查封的危险化学品长期存放存在泄漏风险的检察建议',
    type: 'public_interest',
    caseNo: '城中检执监〔2025〕15号',
    courtCaseNumber: '(2024)青0103执1876号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    urgent: true,
    facts:
      '你院在执行（2024）青0103执1876号案件中，查封被执行人仓库时一并查封了库存的油漆稀释剂、固化剂等危险化学品约14吨。查封至今，仓库无人看管，部分包装桶锈蚀渗漏，现场有明显刺激性气味，距居民小区不足200米。经本院委托检测，仓库周边土壤苯系物含量超过风险筛选值。',
    violation: '人民法院对查封的危险物品未指定具备资质的保管人并采取安全防护措施，致使环境污染和安全风险持续扩大，损害社会公共利益，情况紧急。',
    text: '一、在十五日内会同应急管理、生态环境部门对涉案危险化学品采取转移、封存等应急处置措施；二、依法对查封物品变价处理或者交由具备资质的单位保管；三、对已造成的土壤污染依法督促责任主体修复。',
    basis: `${CPL}第二百四十六条；《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》；《危险化学品安全管理条例》；${PI_RULES}`,
    end: 'acknowledged',
    ago: 40,
    urge: { after: 3, comment: '该建议系情况紧急下要求十五日内回复，现已逾期，现场渗漏仍在持续，请立即书面回复处置情况。' },
  },
  {
    title: '关于执行扣押车辆集中停放场地油污渗漏的检察建议',
    type: 'public_interest',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    urgent: true,
    facts:
      '你院委托管理的执行扣押车辆停放场地位于南川河沿岸，停放车辆一百余台，其中部分报废车辆发动机油、防冻液持续渗漏，场地未做防渗处理，雨后油污经排水沟流入南川河，河面可见明显油膜。',
    violation: '执行扣押财产的保管不当，造成水体污染且污染随降雨持续扩散，损害社会公共利益，情况紧急。',
    text: '一、在十五日内对渗漏车辆采取清理、转移措施，对场地进行防渗处理；二、对长期扣押的报废车辆依法尽快处置；三、督促受托保管单位履行保管职责。',
    basis: `《中华人民共和国水污染防治法》；${CPL}第二百四十六条；${PI_RULES}`,
    end: 'evaluated',
    ago: 200,
    reply: {
      adoption: 'adopted',
      delta: -4,
      measures: '本院已会同区生态环境局对场地油污进行清理，37台报废车辆已转移至具备防渗条件的场地，剩余车辆已启动变价程序；已与保管单位签订补充协议，明确环境保护责任。',
    },
    evaluation: { rectified: true, text: '经现场复查，河面油膜已消除，场地已完成防渗处理，整改到位。' },
  },
  {
    title: '关于诉讼服务中心无障碍设施不符合国家标准的检察建议',
    type: 'public_interest',
    caseNo: '城中检行公〔2026〕4号',
    drafter: 'li.wen',
    desk: 'leadership',
    facts:
      '本院联合区残疾人联合会对你院诉讼服务中心及各派出法庭进行实地检查，发现诉讼服务中心入口坡道坡度超标且无扶手，无障碍卫生间被改作储物间，派出法庭未设置低位服务台和盲文标识，听力障碍当事人无法获得手语或文字辅助服务。',
    violation: '上述设施不符合无障碍环境建设的国家标准，影响残疾人、老年人等群体平等参与诉讼，损害社会公共利益。',
    text: '一、按照国家标准对诉讼服务中心和派出法庭的无障碍设施进行改造；二、恢复无障碍卫生间的使用功能；三、提供手语翻译、文字转写等信息无障碍服务。',
    basis: `《中华人民共和国无障碍环境建设法》第六十三条；《无障碍设计规范》（GB 50763-2012）；${PI_RULES}`,
    end: 'reply_submitted',
    ago: 50,
    reply: {
      adoption: 'adopted',
      delta: -15,
      measures: '诉讼服务中心入口坡道改造已列入年度维修计划并完成招标，无障碍卫生间已恢复使用，各派出法庭已设置低位服务台，并与区残联签订手语翻译服务协议。',
    },
  },
  {
    title: '关于涉诉农村土地流转案件中耕地“非农化”问题的检察建议',
    type: 'public_interest',
    drafter: 'wu.yating',
    desk: 'civil-division',
    facts:
      '本院在办理土地承包经营权流转合同纠纷监督案件中发现，你院近两年审结的此类案件中，有4件合同约定的流转用途为建设仓储物流设施，判决在支持流转费的同时未对改变耕地用途的问题作出处理或者移送有关部门。',
    violation: '裁判中对涉案耕地被违法改变用途的情况未予审查和移送，可能导致耕地持续遭受破坏，损害社会公共利益。',
    text: '一、对相关案件中涉及耕地“非农化”的线索依法移送自然资源主管部门；二、在审理土地流转合同纠纷时加强对流转用途合法性的审查。',
    basis: `《中华人民共和国土地管理法》；《中华人民共和国农村土地承包法》；${PI_RULES}`,
    end: 'returned',
    ago: 6,
    returned: '公益受损的事实需进一步调查核实：请补充现场勘验笔录及自然资源部门的认定意见后再报。',
  },
  {
    title: '关于司法拍卖房屋未披露违法建筑情况的检察建议',
    type: 'public_interest',
    courtCaseNumber: '(2025)青0103执3318号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '你院在执行（2025）青0103执3318号案件中，通过网络司法拍卖处置被执行人位于城中区的一处临街房屋，拍卖公告未披露该房屋屋顶加建的两层钢结构建筑未取得规划许可，买受人竞得后拟继续经营使用，存在安全隐患。',
    violation: '拍卖公告对拍卖财产的瑕疵未予披露，致使违法建筑可能通过司法拍卖取得形式上的合法外观，损害规划管理秩序和公共安全。',
    text: '一、在拍卖公告中补充披露违法建筑情况；二、将违法建筑线索移送城市管理部门依法处理。',
    basis: `《最高人民法院关于人民法院网络司法拍卖若干问题的规定》；《中华人民共和国城乡规划法》；${PI_RULES}`,
    end: 'archived',
    ago: 230,
    objection: {
      comment: '涉案违法建筑已由区城市管理部门在本建议书送达前依法拆除，拍卖公告亦已补充披露，公益受损状态已经消除，请予核实。',
      outcome: 'withdraw',
      answer: '经现场核实，法院所述属实，违法建筑已拆除，侵害状态已消除，撤回本建议书。',
    },
  },

  // ------------------------------------------------------------------------------ social governance
  {
    title: '关于防范“以房养老”类养老诈骗涉诉风险的社会治理检察建议',
    type: 'social_governance',
    caseNo: '城中检民再监〔2025〕3号',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '本院在开展打击整治养老诈骗专项监督中发现，你院近年受理的涉老年人借款、房屋买卖案件中，有9件系不法分子以“以房养老”“理财返利”为名，诱骗老年人办理房屋抵押或者公证委托后借款，进而通过诉讼、以物抵债等方式取得房屋。部分案件的出借人系同一团伙控制的多个主体，被告老年人均未到庭应诉。',
    violation: '审理环节对职业放贷、关联诉讼的识别和防范机制不健全，老年人在诉讼中处于明显弱势，存在被不法分子利用诉讼程序侵害合法权益的风险隐患。',
    text: '一、建立涉老年人借贷、房屋买卖案件风险提示和关联案件检索机制；二、对同一出借人或者关联主体集中起诉的案件加强审查，发现虚假诉讼、“套路贷”线索的及时移送；三、加强对老年当事人的诉讼指导和法律援助衔接。',
    basis: `${SPP_REC}；《中华人民共和国老年人权益保障法》；《最高人民法院、最高人民检察院、公安部、司法部关于办理“套路贷”刑事案件若干问题的意见》`,
    end: 'closed',
    ago: 530,
    method: 'announced',
    reply: {
      adoption: 'adopted',
      delta: -16,
      measures: '本院已在立案系统中上线涉老年人案件标识和关联案件自动检索功能，对同一出借人一年内起诉3件以上的案件实行重点审查；与区法律援助中心建立老年当事人法律援助快速转介机制，已转介11件。',
    },
    evaluation: { rectified: true, text: '建议全部采纳，机制已建立并实际运行，已据此发现并移送“套路贷”线索2条。' },
  },
  {
    title: '关于建立虚假诉讼线索双向移送机制的社会治理检察建议',
    type: 'social_governance',
    caseNo: '城中检民监〔2025〕27号',
    drafter: 'wu.yating',
    desk: 'leadership',
    facts:
      '本院在办理王某某与马某某民间借贷纠纷等虚假诉讼监督案件中发现，虚假诉讼多发于民间借贷、以物抵债、执行异议之诉等领域，当事人往往自认全部事实、迅速达成调解，而法院在审理和执行中发现的可疑线索缺乏向检察机关移送的渠道。',
    violation: '虚假诉讼线索发现、移送和协同处置机制不健全，不利于及时识别和惩治虚假诉讼，损害司法权威和社会诚信。',
    text: '一、与本院会签虚假诉讼线索双向移送工作办法；二、在立案阶段对民间借贷案件开展当事人关联诉讼检索；三、定期通报虚假诉讼典型案例。',
    basis: `${SPP_REC}；《最高人民法院、最高人民检察院、公安部、司法部关于进一步加强虚假诉讼犯罪惩治工作的意见》`,
    end: 'evaluated',
    ago: 180,
    reply: {
      adoption: 'partly_adopted',
      delta: -11,
      measures: '已与贵院会签《关于虚假诉讼线索双向移送的工作办法》，每半年通报一次典型案例；对标的额30万元以上的民间借贷案件已在立案阶段开展关联检索。',
      reasons: '关于对全部民间借贷案件开展关联检索的建议，受现有审判系统功能限制，暂在标的额30万元以上的案件中实施，待系统升级后全面推开。',
    },
    evaluation: { rectified: true, text: '主要建议已采纳，部分采纳的理由客观，系统升级后将跟进了解全面推开情况。' },
  },
  {
    title: '关于规范涉农民工工资执行案件执行款发放的社会治理检察建议',
    type: 'social_governance',
    caseNo: '城中检执监〔2026〕9号',
    courtCaseNumber: '(2026)青0103执562号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '本院在办理杨某某等23名农民工申请执行劳务报酬纠纷系列案的监督中发现，执行款到账后，因农民工人数众多、部分人员联系方式变更，执行款由包工头代为领取后再行分发，其中3人至今未足额收到款项。',
    violation: '涉农民工工资执行款的发放缺乏直接发放至个人账户的制度安排，存在被截留、挪用的风险，影响根治欠薪工作成效。',
    text: '一、建立涉农民工工资执行款直接发放至农民工本人账户的工作机制；二、对已由他人代领的执行款进行核查，督促足额发放；三、与人力资源和社会保障部门建立欠薪案件信息共享机制。',
    basis: `${SPP_REC}；《保障农民工工资支付条例》；${ENF_RULES}`,
    end: 'reply_submitted',
    ago: 70,
    reply: {
      adoption: 'adopted',
      delta: -3,
      measures: '已核实代领执行款的发放情况，3名未足额收款的农民工已由本院直接补发；今后涉农民工工资执行款一律直接发放至本人账户，并与区人社局建立信息共享机制。',
    },
  },
  {
    title: '关于加强人民调解协议司法确认审查的社会治理检察建议',
    type: 'social_governance',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts:
      '本院在办理民事监督案件中发现，你院司法确认案件中存在同一调解组织在短期内批量申请确认、调解协议内容高度雷同、当事人未到庭接受询问即予确认等情况，其中2件确认的调解协议涉及以物抵债，损害了其他债权人的利益。',
    violation: '司法确认程序审查不严，存在被利用规避执行、转移财产的风险隐患。',
    text: '一、对批量申请、以物抵债等类型的司法确认案件坚持当事人到庭询问；二、建立调解组织诚信档案；三、对已确认的可疑调解协议进行复查。',
    basis: `${SPP_REC}；《中华人民共和国人民调解法》；${CPL}关于确认调解协议案件的规定`,
    end: 'replied',
    ago: 100,
    reply: {
      adoption: 'adopted',
      delta: -10,
      measures: '已出台《司法确认案件审查规程》，对批量申请、以物抵债等类型案件一律询问当事人；已对2件可疑调解协议启动复查程序。',
    },
  },
  {
    title: '关于物业服务合同纠纷批量诉讼源头治理的社会治理检察建议',
    type: 'social_governance',
    drafter: 'wu.yating',
    desk: 'civil-division',
    facts:
      '你院2026年受理的物业服务合同纠纷案件同比增长62%，其中由4家物业公司批量起诉的案件占八成以上，被告业主多以物业服务不到位、公共收益不公开为由抗辩，判决后自动履行率低。',
    violation: '物业服务纠纷批量涌入诉讼，反映出物业服务监管和诉前化解机制存在短板。',
    text: '一、将物业服务纠纷纳入诉前调解，邀请街道、住建部门参与；二、向住建部门通报案件中反映的物业服务问题。',
    basis: `${SPP_REC}；《物业管理条例》`,
    end: 'draft',
    ago: 4,
  },
  {
    title: '关于规范律师调查令签发工作的社会治理检察建议',
    type: 'social_governance',
    drafter: 'li.wen',
    desk: 'civil-division',
    facts: '本院在办理民事监督案件中发现，你院律师调查令的签发标准不统一，部分调查令未载明调查事项和范围，协助单位拒绝配合的情形时有发生。',
    violation: '律师调查令签发和使用不规范，影响当事人取证权利的实现。',
    text: '一、统一律师调查令的签发条件和文书格式；二、与有关协助单位建立调查令执行衔接机制。',
    basis: `${SPP_REC}`,
    end: 'withdrawn',
    ago: 35,
    returned: '调查令制度属于法院内部管理事项，暂不宜以社会治理检察建议形式提出，建议改以工作联系函沟通。',
    discarded: '根据部门负责人意见，改以工作联系函形式与法院沟通，本建议书稿作废。',
  },

  // ------------------------------------------------------------------------------ enforcement
  {
    title: '关于（2024）青0103执1876号执行案件超期未结的检察建议',
    type: 'enforcement',
    caseNo: '城中检执监〔2025〕15号',
    courtCaseNumber: '(2024)青0103执1876号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '西宁瑞丰建材有限公司申请执行青海恒基建筑工程有限公司买卖合同纠纷一案，执行标的187万元。你院立案后除网络查控外，未采取现场调查、搜查、审计等措施，已超过六个月执行期限十个月仍未执结，也未依法报批延长。申请执行人多次反映被执行人仍在承揽工程并收取工程款。',
    violation: '执行案件超期未结且未依法报批，对被执行人的可供执行财产未穷尽调查措施，存在消极执行情形。',
    text: '一、依法对被执行人在建工程的应收工程款采取冻结、提取措施；二、对被执行人及其法定代表人依法采取限制消费、纳入失信被执行人名单等措施；三、对超期未结执行案件开展专项清理。',
    basis: `${CPL}第二百四十六条；${ENF_RULES}；《最高人民法院关于人民法院办理执行案件若干期限的规定》第一条`,
    end: 'archived',
    ago: 600,
    urge: { after: 4 },
    reply: {
      adoption: 'adopted',
      delta: 9,
      measures: '本院已冻结被执行人在两处在建工程的应收工程款共计143万元并已提取到账，对被执行人法定代表人采取了限制消费措施；全局超期未结案件已逐案建立清理台账。',
    },
    evaluation: { rectified: true, text: '回复虽逾期，但建议已全部采纳，申请执行人已领取执行款143万元，整改效果明显。' },
  },
  {
    title: '关于孙某某申请执行李某某一案违法终结本次执行程序的检察建议',
    type: 'enforcement',
    caseNo: '城中检民监〔2025〕31号',
    courtCaseNumber: '(2025)青0103执2291号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '你院在执行孙某某申请执行李某某买卖合同纠纷一案中，仅进行了一次网络查控，未调查被执行人名下车辆、股权及到期债权情况，也未约谈被执行人、未发出报告财产令，即以“无可供执行财产”为由裁定终结本次执行程序，且终本前未听取申请执行人的意见。',
    violation: '终结本次执行程序前未穷尽财产调查措施、未履行告知和听取意见程序，不符合终结本次执行程序的条件和程序规定。',
    text: '一、依法恢复执行，穷尽财产调查措施；二、对承办人员予以问责；三、对同类终本案件开展自查。',
    basis: `${CPL}第二百四十六条；${ENF_RULES}；《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条、第三条`,
    end: 'closed',
    ago: 400,
    reply: {
      adoption: 'partly_adopted',
      delta: -8,
      measures: '本院已恢复执行，查明被执行人名下车辆一辆并已查封，向其发出报告财产令；已对2025年裁定终本的案件开展自查，补正程序问题案件17件。',
      reasons: '关于对承办人员问责的建议，经审查承办人员同期承办执行案件数量较多，属于工作疏漏，已予批评教育，未作进一步处理。',
    },
    evaluation: { rectified: true, text: '已恢复执行并开展自查，整改基本到位；对问责部分的处理意见予以认可。' },
  },
  {
    title: '关于（2025）青0103执3105号案件执行款超期未发放的检察建议',
    type: 'enforcement',
    courtCaseNumber: '(2025)青0103执3105号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '你院在执行（2025）青0103执3105号案件中，扣划的执行款46万元到账后已超过四个月，未通知申请执行人领取，也未作出暂缓发放的书面决定。',
    violation: '执行款到账后，执行机构应当在规定期限内完成核算并通知申请执行人领取。长期滞留执行款违反了执行款物管理的规定，损害申请执行人的合法权益。',
    text: '一、立即依法发放执行款；二、对执行款专户中超期滞留的款项进行全面清理。',
    basis: `${CPL}第二百四十六条；${ENF_RULES}；《最高人民法院关于执行款物管理工作的规定》`,
    end: 'evaluated',
    ago: 270,
    objection: {
      comment: '执行款未发放系因案外人提出执行异议，依法应当暂缓发放，建议书对此未予考虑。',
      outcome: 'rejected',
      answer: '经核实，案外人异议已于执行款到账前被裁定驳回，且其未在法定期限内提起执行异议之诉，暂缓发放缺乏依据，异议不成立。',
    },
    reply: {
      adoption: 'not_adopted',
      delta: -7,
      measures: '本院已对执行款专户开展清理，其他超期滞留款项已发放完毕。',
      reasons: '本案案外人已另行提起执行异议之诉，为避免执行回转，本院决定在该诉讼终结前继续暂缓发放本案执行款。',
    },
    evaluation: {
      rectified: false,
      text: '法院所称执行异议之诉系在法定期限届满后提起，且尚未受理，不构成暂缓发放的法定事由，回复理由不能成立。',
      followUp: '已跟进了解，该笔执行款仍未发放，拟报请市人民检察院通过市中级人民法院督促纠正。',
    },
  },
  {
    title: '关于杨某某等23名农民工申请执行劳务报酬系列案未优先执行的检察建议',
    type: 'enforcement',
    caseNo: '城中检执监〔2026〕9号',
    courtCaseNumber: '(2026)青0103执562号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '杨某某等23名农民工申请执行青海宏远劳务有限公司劳务报酬纠纷系列案，执行标的合计68万元。你院在同一被执行人的其他执行案件中已扣划款项120万元，但未优先用于清偿农民工劳务报酬，而是按立案先后分配给了其他商业债权人。',
    violation: '涉农民工工资案件应当依法优先执行，你院在分配执行款时未予优先考虑，不利于保障农民工合法权益。',
    text: '一、对已扣划款项的分配情况进行复查，依法保障农民工劳务报酬优先受偿；二、对涉农民工工资执行案件实行优先立案、优先执行、优先发放。',
    basis: `${CPL}第二百四十六条；${ENF_RULES}第十三条；《保障农民工工资支付条例》`,
    end: 'acknowledged',
    ago: 100,
    extension: '涉案农民工人数众多，需逐一核对工资发放清单并协调人力资源和社会保障部门确认欠薪数额，申请延长回复期限一个月。',
  },
  {
    title: '关于违法扣划被执行人最低生活保障金的检察建议',
    type: 'enforcement',
    courtCaseNumber: '(2025)青0103执4012号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '被执行人韩某某系城中区低保户、二级肢体残疾人。你院在执行（2025）青0103执4012号案件中，冻结并扣划其银行账户内的最低生活保障金、残疾人生活补贴和护理补贴共计1.26万元，致其基本生活难以为继。',
    violation: '被执行人及其所扶养家属生活所必需的费用不得查封、扣押、冻结。你院扣划被执行人的最低生活保障金和残疾人补贴，违反了民事执行中查封、扣押、冻结财产的规定。',
    text: '一、立即解除对被执行人低保金账户的冻结，退还已扣划的款项；二、在网络查控中对社会救助类款项设置识别和保护措施。',
    basis: `${CPL}第二百四十六条；《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第三条；${ENF_RULES}`,
    end: 'acknowledged',
    ago: 110,
    urge: { after: 7, comment: '回复期限已届满，被执行人生活困难，请尽快退还扣划款项并书面回复。' },
  },
  {
    title: '关于执行拍卖中未依法通知优先购买权人的检察建议',
    type: 'enforcement',
    courtCaseNumber: '(2025)青0103执2657号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts:
      '你院在执行（2025）青0103执2657号案件中拍卖被执行人与他人按份共有的商铺，未在拍卖五日前通知其他共有人，共有人在拍卖成交后方得知拍卖情况并提出异议。',
    violation: '拍卖财产上有优先购买权人的，人民法院应当在拍卖前通知其到场，优先购买权人未获通知无法行使权利，违反了网络司法拍卖的有关规定。',
    text: '一、对该拍卖是否应予撤销依法审查；二、在拍卖前查明并通知优先购买权人，将通知情况附卷。',
    basis: `${CPL}第二百四十六条；《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第十六条；${ENF_RULES}`,
    end: 'replied',
    ago: 140,
    reply: {
      adoption: 'partly_adopted',
      delta: 6,
      measures: '已制定《网络司法拍卖前优先购买权人查明和通知工作规程》，拍卖前须附通知送达凭证。',
      reasons: '关于撤销拍卖的建议，经审查买受人已支付全部价款并办理过户，共有人亦书面表示放弃优先购买权，撤销拍卖将损害善意买受人利益，故不予撤销。',
    },
  },
  {
    title: '关于执行异议案件审查超期的检察建议',
    type: 'enforcement',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts: '本院对你院2026年受理的执行异议案件进行抽查，发现42件中有15件未在十五日内审查终结，最长的超过三个月，其间执行程序处于停滞状态。',
    violation: '执行异议应当自收到书面异议之日起十五日内审查。上述案件审查超期，违反了民事诉讼法关于执行异议审查期限的规定。',
    text: '一、对超期案件逐案清理；二、建立执行异议案件审查期限预警机制。',
    basis: `${CPL}第二百三十六条、第二百四十六条；${ENF_RULES}`,
    end: 'submitted',
    ago: 3,
  },
  {
    title: '关于被执行人到期债权未依法冻结的检察建议',
    type: 'enforcement',
    courtCaseNumber: '(2026)青0103执1120号',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts: '申请执行人向你院提供了被执行人对第三人享有到期工程款债权的线索及结算单，你院在两个月内未向第三人发出履行到期债务通知，第三人已将部分款项支付给被执行人。',
    violation: '对申请执行人提供的到期债权线索未及时采取冻结、通知履行等措施，致使可供执行财产流失，存在怠于执行情形。',
    text: '一、立即向第三人发出履行到期债务通知并冻结剩余债权；二、对被执行人转移款项的行为依法处理。',
    basis: `${CPL}第二百四十六条；${ENF_RULES}`,
    end: 'approved',
    ago: 1,
  },

  // ------------------------------------------------------------------------------ other
  {
    title: '关于行政非诉执行案件受理审查超期的检察建议',
    type: 'other',
    caseNo: '城中检行非诉监〔2025〕4号',
    courtCaseNumber: '(2025)青0103行审28号',
    drafter: 'wu.yating',
    desk: 'administrative-division',
    facts:
      '城中区自然资源局申请强制执行限期拆除违法建设决定一案，你院收到申请后二十余日方立案受理，受理后超过三个月仍未作出是否准予执行的裁定，违法建筑在此期间继续加盖。',
    violation: '人民法院接到行政机关强制执行的申请，应当在五日内受理，并在受理之日起七日内作出执行裁定。上述案件受理、审查均严重超期。',
    text: '一、依法尽快对该案作出裁定；二、建立非诉执行案件受理和审查期限预警机制。',
    basis: `《中华人民共和国行政强制法》第五十六条、第五十七条；${ALL}第九十三条、第九十七条`,
    end: 'closed',
    ago: 330,
    reply: {
      adoption: 'adopted',
      delta: -6,
      measures: '本院已对该案作出准予执行裁定，并移交区人民政府组织实施；行政审判庭已建立非诉执行案件审查期限台账，实行到期前三日提醒。',
    },
    evaluation: { rectified: true, text: '该案已作出裁定并移交实施，期限预警台账已建立，整改到位。' },
  },
  {
    title: '关于裁定准予执行未告知听证权利的行政处罚决定的检察建议',
    type: 'other',
    caseNo: '城中检行非诉监〔2026〕2号',
    courtCaseNumber: '(2026)青0103行审7号',
    drafter: 'wu.yating',
    desk: 'administrative-division',
    customPeriod: { months: 1 },
    facts:
      '城中区生态环境局对西宁味之源餐饮有限公司作出罚款20万元的行政处罚，处罚前未告知当事人要求听证的权利。该局申请强制执行后，你院经书面审查裁定准予执行。因被执行人已停业、面临资产被查封，本建议书要求在一个月内回复。',
    violation: '较大数额罚款前未告知当事人听证权利，属于行政强制法规定的“其他明显违法并损害被执行人合法权益”的情形，人民法院应当裁定不予执行。',
    text: '一、对该准予执行裁定依法予以纠正；二、在非诉执行审查中加强对行政处罚程序合法性的审查。',
    basis: `《中华人民共和国行政处罚法》第六十三条、第六十四条；《中华人民共和国行政强制法》第五十七条、第五十八条；${ALL}第九十三条`,
    end: 'evaluated',
    ago: 160,
    reply: {
      adoption: 'not_adopted',
      delta: -3,
      measures: '本院对该案的审查材料进行了复查，并听取了区生态环境局的意见。',
      reasons: '经审查，区生态环境局已在《行政处罚事先告知书》中告知当事人有权申请听证，当事人签收后未申请，处罚程序并无明显违法，准予执行裁定并无不当。',
    },
    evaluation: {
      rectified: false,
      text: '法院回复所依据的事先告知书系处罚决定作出后补制，落款日期与送达回证不符，回复理由不能成立。',
      followUp: '已调取原始送达回证并与区生态环境局核对，拟提请上级检察院跟进监督。',
    },
  },
  {
    title: '关于行政非诉执行案件“裁执分离”后组织实施监督不到位的检察建议',
    type: 'other',
    caseNo: '城中检行非诉监〔2025〕4号',
    drafter: 'wu.yating',
    desk: 'administrative-division',
    customPeriod: { days: 30 },
    facts: '你院裁定准予执行并交由区人民政府组织实施的11件拆除违法建设案件中，有7件在裁定作出半年后仍未实施，你院未跟踪了解实施情况。',
    violation: '“裁执分离”案件裁定后缺乏跟踪反馈，导致生效裁定长期得不到执行，影响司法权威和行政管理秩序。',
    text: '一、与区人民政府建立“裁执分离”案件实施情况反馈机制；二、对未实施的7件案件逐案了解原因。',
    basis: `《中华人民共和国行政强制法》；${ALL}第九十三条；${SPP_REC}`,
    end: 'served',
    ago: 8,
  },
  {
    title: '关于规范司法救助线索移送工作的检察建议',
    type: 'other',
    drafter: 'zheng.lan',
    desk: 'leadership',
    facts: '本院在案件管理工作中发现，执行不能案件中有相当数量的申请执行人因案致贫，但法院与检察院之间尚无司法救助线索相互移送的工作渠道。',
    violation: '司法救助线索移送机制缺失，部分符合条件的当事人未能及时获得救助。',
    text: '一、建立执行不能案件司法救助线索双向移送机制；二、定期交换救助案件办理情况。',
    basis: `${SPP_REC}；《人民检察院国家司法救助工作细则》`,
    end: 'draft',
    ago: 9,
  },
  {
    title: '关于规范执行案款专户管理的检察建议',
    type: 'other',
    drafter: 'zhou.hao',
    desk: 'enforcement-bureau',
    facts: '本院在执行监督中发现，你院执行案款专户中存在大量无法对应具体案件的“不明款”，部分款项滞留超过一年。',
    violation: '执行案款“一案一账号”管理落实不到位，不明款长期滞留，存在管理风险。',
    text: '一、对不明款逐笔清理甄别；二、落实“一案一账号”管理制度。',
    basis: `《最高人民法院关于执行款物管理工作的规定》；${ENF_RULES}`,
    end: 'returned',
    ago: 12,
    returned: '请补充不明款的具体数额、笔数及滞留时间等数据，并说明与案件对应的核查方法后再报。',
  },
];

// =============================================================================================
// Planning (pure)
// =============================================================================================

/** One step of a recommendation's history, as the command will be called. */
export interface PlannedStep {
  action: RecommendationAction;
  /** Username of the actor. */
  by: string;
  at: Date;
  /** Which record the step acts on: the recommendation, or the draft that supersedes it. */
  target: 'main' | 'successor';
  /** The command's input besides id and version (the successor's edit: the fields it changes). */
  input: Record<string, unknown>;
}

export interface PlannedItem {
  spec: RecommendationSpec;
  /** When the drafter created it. */
  createdAt: Date;
  /** In time order. */
  steps: PlannedStep[];
  /** When it was issued (a number is drawn), if it was. */
  issuedAt?: Date;
}

const COURT_DESKS: Record<CourtDesk, { staff: string; signer: string }> = {
  'civil-division': { staff: 'lin.xue', signer: 'chen.zhiqiang' },
  'administrative-division': { staff: 'yang.fan', signer: 'he.min' },
  'enforcement-bureau': { staff: 'jiang.tao', signer: 'he.min' },
  'committee-office': { staff: 'xu.jing', signer: 'wang.jianguo' },
  leadership: { staff: 'xu.jing', signer: 'he.min' },
};
const PROCURATOR_GENERAL = 'zhao.mingyuan';
const DEPUTY = 'qian.hui';
const CIVIL_HEAD = 'sun.lixin';
const COURT_PRESIDENT = 'wang.jianguo';

/** Time of day (China) of each kind of step, before the per-entry minute offset. */
const HOUR: Record<string, number> = {
  create: 9,
  edit: 10,
  submit: 16,
  return: 10,
  discard: 11,
  approve: 11,
  issue: 15,
  serve: 10,
  acknowledge: 14,
  object: 16,
  rejectObjection: 10,
  upholdObjection: 11,
  requestExtension: 10,
  approveExtension: 17,
  urge: 9,
  escalate: 15,
  saveReply: 15,
  submitReply: 17,
  returnReply: 9,
  signReply: 16,
  evaluate: 10,
  followUp: 15,
  close: 16,
  archive: 9,
};


/** A planned step before the time of day is set. */
interface Step {
  action: RecommendationAction;
  date: string;
  actor: string;
  target?: 'main' | 'successor';
  input?: Record<string, unknown>;
}

function workdayOnOrBefore(date: string, cal: Calendar): string {
  let x = date;
  for (let k = 0; k < 40; k++) {
    if (!cal.isRestDay(x)) return x;
    x = addDays(x, -1);
  }
  throw new Error(`no working day before ${date}`);
}

/** The reply due date as `serve()` / `approveExtension()` work it out. */
const replyDue = (spec: RecommendationSpec, servedOn: string, extensionMonths: number, calendar: Calendar) =>
  recommendationReplyDueOrStatutory({ type: spec.type, servedOn, urgent: spec.urgent ?? false, customPeriod: spec.customPeriod, extensionMonths, calendar });

/** The steps before service, newest last, for a recommendation that ends at `end`. */
function preServiceActions(spec: RecommendationSpec): RecommendationAction[] {
  const out: RecommendationAction[] = [];
  if (spec.end === 'draft') return out;
  if (spec.discarded && !spec.returned) return ['discard'];
  out.push('submit');
  if (spec.returned) {
    out.push('return');
    if (spec.end === 'returned') return out;
    if (spec.discarded) return [...out, 'discard'];
    out.push('submit');
  }
  if (spec.end === 'submitted') return out;
  out.push('approve');
  if (spec.end === 'approved') return out;
  out.push('issue');
  if (spec.end === 'issued') return out;
  out.push('serve');
  return out;
}

/** Days between a pre-service step and the one before it. */
function gapBefore(action: RecommendationAction, afterReturn: boolean, spec: RecommendationSpec, i: number): number {
  switch (action) {
    case 'submit':
      return afterReturn ? 2 + (i % 3) : 4 + (i % 6);
    case 'return':
      return 1 + (i % 2);
    case 'discard':
      return 2 + (i % 3);
    case 'approve':
      return spec.type === 'retrial' ? 9 + (i % 4) : 2 + (i % 3);
    case 'issue':
      return 1 + (i % 2);
    case 'serve':
      return 1 + (i % 3);
    default:
      return 1;
  }
}

function planOne(spec: RecommendationSpec, i: number, today: string, cal: Calendar): PlannedItem {
  const bwd = (x: string) => workdayOnOrBefore(x, cal);
  // Nothing happens today or later: a step that would fall there is moved to the last working day
  // before today (the replay below still checks that the history stays one the machine accepts).
  const lastWorkday = bwd(addDays(today, -1));
  const fwd = (x: string) => {
    const y = workingDayOnOrAfter(x, cal);
    return y > lastWorkday ? lastWorkday : y;
  };
  const drafter = spec.drafter;
  const desk = COURT_DESKS[spec.desk];
  const signer = spec.type === 'retrial' ? COURT_PRESIDENT : desk.signer;
  const drafterDept = DEMO_USERS.find((u) => u.username === drafter)?.department;
  const returner = drafterDept === 'civil-admin-supervision' ? CIVIL_HEAD : DEPUTY;
  const approver = spec.type === 'retrial' || spec.type === 'public_interest' ? PROCURATOR_GENERAL : DEPUTY;

  // ---- before service: dated backwards from the anchor
  const pre = preServiceActions(spec);
  const anchor = bwd(addDays(today, -spec.ago));
  const preDates: string[] = new Array(pre.length + 1);
  preDates[pre.length] = anchor; // index 0 is the creation, 1.. the steps in `pre`
  for (let k = pre.length; k >= 1; k--) {
    const afterReturn = pre[k - 1] === 'submit' && pre[k - 2] === 'return';
    preDates[k - 1] = bwd(addDays(preDates[k]!, -gapBefore(pre[k - 1]!, afterReturn, spec, i)));
  }
  const steps: Step[] = [];
  let committeeOn: string | undefined;
  pre.forEach((action, k) => {
    const date = preDates[k + 1]!;
    switch (action) {
      case 'submit':
        steps.push({ action, date, actor: drafter });
        break;
      case 'return':
        steps.push({ action, date, actor: returner, input: { comment: spec.returned } });
        break;
      case 'discard':
        steps.push({ action, date, actor: drafter, input: { comment: spec.discarded } });
        break;
      case 'approve': {
        if (spec.committeeNo) committeeOn = bwd(addDays(date, -1));
        const comment = spec.approveComment ?? (spec.committeeNo ? '经检察委员会讨论决定，同意提出再审检察建议。' : '同意制发。');
        steps.push({
          action,
          date,
          actor: approver,
          input: { comment, committeeDecisionNo: spec.committeeNo ?? null, committeeDecisionOn: spec.committeeNo ? committeeOn : null },
        });
        break;
      }
      case 'issue':
        steps.push({ action, date, actor: drafter });
        break;
      case 'serve':
        steps.push({ action, date, actor: drafter, input: { servedOn: date, method: spec.method ?? 'written' } });
        break;
    }
  });
  const servedOn = pre.includes('serve') ? anchor : null;

  // ---- after service: dated forwards from the service and the due date
  const successorSteps: Step[] = [];
  if (servedOn) {
    const due0 = replyDue(spec, servedOn, 0, cal);
    const due = spec.extension ? replyDue(spec, servedOn, 1, cal) : due0;
    const end = spec.end;
    let ack: string | null = null;
    if (end !== 'served') {
      ack = fwd(addDays(servedOn, 1 + (i % 2)));
      steps.push({ action: 'acknowledge', date: ack, actor: desk.staff });
    }
    let lastDate = ack ?? servedOn;
    if (spec.objection) {
      const o = spec.objection;
      const objectOn = fwd(addDays(lastDate, 4 + (i % 3)));
      steps.push({ action: 'object', date: objectOn, actor: desk.staff, input: { comment: o.comment } });
      lastDate = objectOn;
      if (o.outcome === 'rejected') {
        lastDate = fwd(addDays(objectOn, 6));
        steps.push({ action: 'rejectObjection', date: lastDate, actor: PROCURATOR_GENERAL, input: { comment: o.answer } });
      } else if (o.outcome === 'withdraw' || o.outcome === 'modify') {
        lastDate = fwd(addDays(objectOn, 8));
        steps.push({ action: 'upholdObjection', date: lastDate, actor: PROCURATOR_GENERAL, input: { comment: o.answer, outcome: o.outcome } });
        if (o.outcome === 'withdraw' && end === 'archived') steps.push({ action: 'archive', date: fwd(addDays(lastDate, 20 + (i % 7))), actor: drafter });
        if (o.outcome === 'modify') {
          const editOn = fwd(addDays(lastDate, 3));
          const revised = o.revised!;
          successorSteps.push({
            action: 'edit',
            date: editOn,
            actor: drafter,
            target: 'successor',
            input: { title: revised.title, violation: revised.violation, recommendationText: revised.text },
          });
          successorSteps.push({ action: 'submit', date: fwd(addDays(editOn, 2)), actor: drafter, target: 'successor' });
        }
      }
    }
    if (spec.extension) {
      steps.push({ action: 'requestExtension', date: bwd(addDays(due0, -20)), actor: desk.staff, input: { reason: spec.extension } });
      steps.push({ action: 'approveExtension', date: bwd(addDays(due0, -15)), actor: COURT_PRESIDENT });
    }
    // Urged / escalated only once overdue (with an unusual `today` the clamp could make it early).
    if (spec.urge && fwd(addDays(due, spec.urge.after)) > due) {
      steps.push({
        action: 'urge',
        date: fwd(addDays(due, spec.urge.after)),
        actor: drafter,
        input: { comment: spec.urge.comment ?? '回复期限已届满，请你院尽快书面回复办理情况。' },
      });
    }
    if (spec.escalate && fwd(addDays(due, spec.escalate.after)) > due) {
      steps.push({
        action: 'escalate',
        date: fwd(addDays(due, spec.escalate.after)),
        actor: PROCURATOR_GENERAL,
        input: { escalatedTo: ESCALATED_TO, comment: spec.escalate.comment },
      });
    }
    if (spec.reply) {
      const r = spec.reply;
      const replyInput = { adoption: r.adoption, measures: r.measures, reasons: r.reasons ?? null };
      const signed = end !== 'reply_submitted';
      const target = addDays(due, r.delta);
      const on = r.delta > 0 ? fwd(target) : [bwd(target), lastWorkday].sort()[0]!;
      // The court works on its reply after it has acknowledged (and any objection was settled).
      const floor = lastDate;
      const before = (days: number) => [bwd(addDays(on, -days)), floor].sort()[1]!;
      if (signed) {
        if (r.returned) {
          steps.push({ action: 'submitReply', date: before(9), actor: desk.staff, input: replyInput });
          steps.push({ action: 'returnReply', date: before(6), actor: signer, input: { comment: r.returned } });
          steps.push({ action: 'submitReply', date: before(2), actor: desk.staff, input: replyInput });
        } else {
          if (r.saved) steps.push({ action: 'saveReply', date: before(8), actor: desk.staff, input: replyInput });
          steps.push({ action: 'submitReply', date: before(2), actor: desk.staff, input: replyInput });
        }
        steps.push({ action: 'signReply', date: on, actor: signer, input: { replyOn: on } });
        if (spec.evaluation) {
          const ev = spec.evaluation;
          const evalOn = fwd(addDays(on, 7 + (i % 7)));
          steps.push({ action: 'evaluate', date: evalOn, actor: drafter, input: { rectified: ev.rectified ? 'yes' : 'no', evaluation: ev.text } });
          let after = evalOn;
          if (ev.followUp) {
            after = fwd(addDays(evalOn, 21));
            steps.push({ action: 'followUp', date: after, actor: drafter, input: { comment: ev.followUp } });
          }
          if (end === 'closed' || end === 'archived') {
            const closeOn = fwd(addDays(after, 10 + (i % 10)));
            steps.push({ action: 'close', date: closeOn, actor: drafter });
            if (end === 'archived') steps.push({ action: 'archive', date: fwd(addDays(closeOn, 25 + (i % 10))), actor: drafter });
          }
        }
      } else {
        if (r.saved) steps.push({ action: 'saveReply', date: before(6), actor: desk.staff, input: replyInput });
        steps.push({ action: 'submitReply', date: [on, floor].sort()[1]!, actor: desk.staff, input: replyInput });
      }
    }
  }

  // ---- in time order (same day: planned order), each at its own time of day
  const createdOn = preDates[0]!;
  const ordered = [
    ...steps.map((s, k) => ({ s: { ...s, target: 'main' as const }, k })),
    ...successorSteps.map((s, k) => ({ s, k: 1000 + k })),
  ].sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : a.k - b.k));
  const yesterday = addDays(today, -1);
  for (const { s } of ordered) {
    if (s.date > yesterday) throw new Error(`seed plan «${spec.title}»: ${s.action} on ${s.date} is not before ${today}`);
  }

  let last = 0;
  const stamp = (date: string, action: string, k: number) => {
    const minute = (i * 7 + k * 11) % 45;
    let t = new Date(`${date}T${String(HOUR[action] ?? 10).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).getTime();
    if (t <= last) t = last + 13 * 60_000;
    last = t;
    return new Date(t);
  };
  const createdAt = stamp(createdOn, 'create', 0);
  const planned: PlannedStep[] = ordered.map(({ s }, k) => ({
    action: s.action,
    by: s.actor,
    at: stamp(s.date, s.action, k + 1),
    target: s.target ?? 'main',
    input: s.input ?? {},
  }));
  return { spec, createdAt, steps: planned, issuedAt: planned.find((s) => s.action === 'issue')?.at };
}

/** The whole demo history, as of `today` (YYYY-MM-DD). */
export function planRecommendations(today: string, calendar: Calendar): PlannedItem[] {
  const titles = new Set<string>();
  return DEMO_RECOMMENDATIONS.map((spec, i) => {
    if (titles.has(spec.title)) throw new Error(`seed: duplicate title ${spec.title}`);
    titles.add(spec.title);
    if (spec.caseNo && !DEMO_CASES.some((c) => c.number === spec.caseNo)) throw new Error(`seed: unknown case ${spec.caseNo}`);
    return planOne(spec, i, today, calendar);
  });
}

// =============================================================================================
// Replaying through the commands
// =============================================================================================

/** Drops null / undefined fields: the commands' schemas take a missing optional field, not null. */
const given = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export interface SeedRecommendationsResult {
  casesAdded: number;
  casesUpdated: number;
  /** Recommendation rows written (a superseding draft counts as one more). */
  added: number;
  /** Rows of entries that were already there and were skipped. */
  existing: number;
}

export async function seedRecommendations(
  prisma: Db,
  { today }: { today: string },
  say: (line: string) => void = () => {},
): Promise<SeedRecommendationsResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const users = await prisma.user.findMany({ where: { username: { in: DEMO_USERS.map((u) => u.username) } }, select: { id: true, username: true } });
  const userId = new Map(users.map((u) => [u.username, u.id]));
  const uid = (username: string) => {
    const id = userId.get(username);
    if (!id) throw new Error(`seed: demo user ${username} missing`);
    return id;
  };
  const depts = await prisma.department.findMany({ where: { institutionId: court.id }, select: { id: true, key: true } });
  const deptId = new Map(depts.map((x) => [x.key, x.id]));
  const calendar = calendarFromEntries(await loadCalendarEntries(prisma));
  const plan = planRecommendations(today, calendar);

  // ---- cases, keyed by number; opened a little before their first recommendation
  const openedAt = new Map<string, Date>();
  for (const item of plan) {
    const no = item.spec.caseNo;
    if (!no) continue;
    if (!openedAt.has(no) || item.createdAt < openedAt.get(no)!) openedAt.set(no, item.createdAt);
  }
  let casesAdded = 0;
  let casesUpdated = 0;
  const caseId = new Map<string, string>();
  for (const [k, c] of DEMO_CASES.entries()) {
    const data = { kind: c.kind, title: c.title, parties: c.parties, courtCaseNumber: c.courtCaseNumber, handlerId: uid(c.handler) };
    const existing = await prisma.supervisionCase.findUnique({ where: { number: c.number } });
    if (!existing) {
      // Opened a couple of weeks before its first recommendation, and within the year of its number.
      const first = openedAt.get(c.number) ?? new Date(`${addDays(today, -30)}T09:00:00+08:00`);
      const year = /〔(\d{4})〕/.exec(c.number)?.[1];
      const lastInYear = year ? new Date(`${year}-12-${10 + (k % 15)}T09:${String(10 + k).padStart(2, '0')}:00+08:00`).getTime() : Infinity;
      const at = new Date(Math.min(first.getTime() - (12 + (k % 9)) * 86_400_000, lastInYear));
      const row = await prisma.supervisionCase.create({ data: { ...data, number: c.number, institutionId: proc.id, createdAt: at, updatedAt: at } });
      caseId.set(c.number, row.id);
      casesAdded++;
    } else {
      const same = (Object.keys(data) as (keyof typeof data)[]).every((key) => existing[key] === data[key]) && existing.institutionId === proc.id;
      if (!same) {
        await prisma.supervisionCase.update({ where: { id: existing.id }, data: { ...data, institutionId: proc.id, version: { increment: 1 } } });
        casesUpdated++;
      }
      caseId.set(c.number, existing.id);
    }
  }

  // ---- recommendations: skip any whose title the procuratorate already has
  const present = new Set(
    (await prisma.recommendation.findMany({ where: { institutionId: proc.id, title: { in: plan.map((p) => p.spec.title) } }, select: { title: true } })).map(
      (r) => r.title,
    ),
  );
  const todo = plan
    .filter((p) => !present.has(p.spec.title))
    // Numbers are drawn in order of issue, like the app would have drawn them.
    .sort((a, b) => (a.issuedAt?.getTime() ?? Infinity) - (b.issuedAt?.getTime() ?? Infinity));

  const who = demoActors(prisma);
  const clock = stepClock('seed-recommendation');
  let added = 0;
  for (const item of todo) {
    const spec = item.spec;
    const draft = given({
      type: spec.type,
      title: spec.title,
      addresseeCourtId: court.id,
      addresseeDepartmentId: deptId.get(spec.desk),
      caseId: spec.caseNo ? caseId.get(spec.caseNo) : undefined,
      courtCaseNumber: spec.courtCaseNumber,
      facts: spec.facts,
      violation: spec.violation,
      recommendationText: spec.text,
      legalBasis: spec.basis,
      urgent: spec.urgent,
      customPeriodMonths: spec.customPeriod?.months,
      customPeriodDays: spec.customPeriod?.days,
    });
    const main = await draftRecommendation(prisma, await who(spec.drafter), draft, clock(item.createdAt));
    added++;
    let successor: Handle | undefined;
    for (const s of item.steps) {
      const target = s.target === 'main' ? main : successor;
      if (!target) throw new Error(`seed plan «${spec.title}»: ${s.action} on a superseding draft that was never opened`);
      // The superseding draft's edit sends the whole draft with the changed fields, as the form does.
      const input = s.action === 'edit' ? { ...draft, ...s.input } : given(s.input);
      const out = await recommendationStep(prisma, target, s.action, await who(s.by), input, clock(s.at));
      if (out.successor) {
        successor = out.successor;
        added++;
      }
    }
    const { status } = await prisma.recommendation.findUniqueOrThrow({ where: { id: main.id }, select: { status: true } });
    if (status !== spec.end) throw new Error(`seed plan «${spec.title}»: ends ${status}, expected ${spec.end}`);
  }
  const supersededRows = (p: PlannedItem) => (p.steps.some((s) => s.action === 'upholdObjection' && s.input.outcome === 'modify') ? 2 : 1);
  const rows = (items: PlannedItem[]) => items.reduce((n, p) => n + supersededRows(p), 0);
  const existing = rows(plan) - rows(todo);
  say(`[seed] supervision cases: ${casesAdded} added, ${casesUpdated} updated; recommendations: ${added} added, ${existing} already there`);
  return { casesAdded, casesUpdated, added, existing };
}
