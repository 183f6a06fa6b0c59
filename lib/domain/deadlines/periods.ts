/**
 * Statutory periods as DATA, each with its legal source (DOMAIN.md §1, §3–§5).
 *
 * Every rule carries `verify`: `true` where the article number or the exact
 * wording was not checked against an official text (the period itself is as
 * given in DOMAIN.md). Nothing here computes dates: see `./index.ts`.
 */

/** A period of calendar months and/or days. Months are added before days. */
export interface Period {
  months?: number;
  days?: number;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * - `deadline`: something must be done by the last day of the period.
 * - `waiting`: something may only be done after the period has run.
 * - `advanceNotice`: counted BACKWARDS from an event (e.g. notice before a hearing);
 *   see `latestNoticeDate`.
 */
export type PeriodNature = 'deadline' | 'waiting' | 'advanceNotice';

export interface PeriodRule {
  /** The ordinary period. */
  period: Period;
  nature: PeriodNature;
  /** The event the period runs from (for `advanceNotice`: the event it precedes). */
  from: LocalizedText;
  /** Legal source of the period. */
  source: LocalizedText;
  /** True when the source citation has not been checked against an official text. */
  verify: boolean;
  /** Shorter period that applies in urgent cases, if the law sets one. */
  urgentPeriod?: Period;
  /** Longest extension the law allows, and who approves it. */
  extension?: { max: Period; approvedBy: LocalizedText };
}

export type PeriodId =
  | 'recommendation.default'
  | 'recommendation.publicInterest'
  | 'recommendation.retrial'
  | 'recommendation.enforcement'
  | 'retrial.application'
  | 'retrial.courtReview'
  | 'retrial.procuratorateReview'
  | 'retrial.protestRuling'
  | 'retrial.hearingNotice'
  | 'nonLitigation.demandWait'
  | 'nonLitigation.application'
  | 'nonLitigation.acceptance'
  | 'nonLitigation.nonAcceptanceAppeal'
  | 'nonLitigation.nonAcceptanceAppealDecision'
  | 'nonLitigation.ruling'
  | 'nonLitigation.rulingAfterHearing'
  | 'nonLitigation.urgentEnforcement'
  | 'nonLitigation.refusalService'
  | 'nonLitigation.reviewRequest'
  | 'nonLitigation.reviewDecision'
  | 'enforcementSupervision.inquiryReply'
  | 'fileRequest.answer';

const ORG_LAW_21 = '《中华人民共和国人民检察院组织法》第二十一条';
const SPP_RULES_2019 = '《人民检察院检察建议工作规定》（2019年）';
const ENF_RULES_2016 = '《最高人民法院、最高人民检察院关于民事执行活动法律监督若干问题的规定》（2016年）';
const ACL = '《中华人民共和国行政强制法》';
const CPL = '《中华人民共和国民事诉讼法》（2023年修正）';

export const PERIOD_RULES: Readonly<Record<PeriodId, PeriodRule>> = {
  // ---- §1 Procuratorial recommendations: reply periods, from service ----
  'recommendation.default': {
    period: { months: 2 },
    nature: 'deadline',
    from: { zh: '检察建议书送达之日', en: 'service of the recommendation' },
    source: {
      zh: `${ORG_LAW_21}（书面回复义务）；${SPP_RULES_2019}（两个月以内书面回复，情况紧急可确定较短期限）`,
      en: 'Procuratorate Organization Law art. 21 (duty to reply in writing); SPP Rules on Procuratorial Recommendations (2019) (reply within 2 months; a shorter period may be set when urgent)',
    },
    // Article number within the 2019 SPP rules not checked.
    verify: true,
  },
  'recommendation.publicInterest': {
    period: { months: 2 },
    urgentPeriod: { days: 15 },
    nature: 'deadline',
    from: { zh: '检察建议书送达之日', en: 'service of the pre-suit recommendation' },
    source: {
      zh: '《最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》第二十一条；《人民检察院公益诉讼办案规则》（2021年）',
      en: 'SPC & SPP Interpretation on Procuratorial Public-Interest Litigation art. 21; SPP Rules on Handling Public-Interest Litigation Cases (2021)',
    },
    verify: true,
  },
  'recommendation.retrial': {
    period: { months: 3 },
    nature: 'deadline',
    from: { zh: '人民法院收到再审检察建议之日', en: 'receipt of the retrial recommendation by the court' },
    source: {
      zh: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百一十七条（行政案件参照）',
      en: 'SPC Interpretation on the Application of the Civil Procedure Law art. 417 (administrative cases alike)',
    },
    verify: false,
  },
  'recommendation.enforcement': {
    period: { months: 3 },
    extension: {
      max: { months: 1 },
      approvedBy: { zh: '本院院长批准', en: "approval of the court's president" },
    },
    nature: 'deadline',
    from: { zh: '人民法院收到检察建议书之日', en: 'receipt of the recommendation by the court' },
    source: { zh: `${ENF_RULES_2016}第十三条`, en: 'SPC & SPP Provisions on Legal Supervision of Civil Enforcement (2016) art. 13' },
    verify: false,
  },

  // ---- §3 New evidence in civil retrial cases ----
  'retrial.application': {
    period: { months: 6 },
    nature: 'deadline',
    from: {
      zh: '判决、裁定发生法律效力之日，或知道或者应当知道新证据之日',
      en: 'the judgment taking effect, or learning (or when one should have learned) of the new evidence',
    },
    source: { zh: `${CPL}第二百一十六条`, en: 'Civil Procedure Law (2023) art. 216' },
    verify: true,
  },
  'retrial.courtReview': {
    period: { months: 3 },
    nature: 'deadline',
    from: { zh: '人民法院收到再审申请书之日', en: 'receipt of the retrial application by the court' },
    source: { zh: `${CPL}第二百一十五条`, en: 'Civil Procedure Law (2023) art. 215' },
    verify: false,
  },
  'retrial.procuratorateReview': {
    period: { months: 3 },
    nature: 'deadline',
    from: { zh: '人民检察院收到当事人申请之日', en: "receipt of the party's application by the procuratorate" },
    source: { zh: `${CPL}第二百二十条`, en: 'Civil Procedure Law (2023) art. 220' },
    verify: true,
  },
  'retrial.protestRuling': {
    period: { days: 30 },
    nature: 'deadline',
    from: { zh: '人民法院收到抗诉书之日', en: 'receipt of the protest by the court' },
    source: { zh: `${CPL}第二百二十二条`, en: 'Civil Procedure Law (2023) art. 222' },
    verify: true,
  },
  'retrial.hearingNotice': {
    period: { days: 3 },
    nature: 'advanceNotice',
    from: { zh: '再审开庭之日（倒数）', en: 'the retrial hearing (counted backwards)' },
    source: {
      zh: `${CPL}第一百三十九条；《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》（抗诉案件开庭通知人民检察院）`,
      en: 'Civil Procedure Law (2023) art. 139; SPC Civil Procedure interpretation (notice to the procuratorate of a hearing on a protest)',
    },
    verify: true,
  },

  // ---- §4 Administrative non-litigation enforcement (Administrative Compulsion Law) ----
  'nonLitigation.demandWait': {
    period: { days: 10 },
    nature: 'waiting',
    from: { zh: '催告书送达之日', en: 'service of the demand for performance' },
    source: { zh: `${ACL}第五十四条`, en: 'Administrative Compulsion Law art. 54' },
    verify: false,
  },
  'nonLitigation.application': {
    period: { months: 3 },
    nature: 'deadline',
    from: {
      zh: '申请行政复议或者提起行政诉讼的法定期限届满之日',
      en: 'expiry of the time limit for administrative review or litigation',
    },
    source: { zh: `${ACL}第五十三条`, en: 'Administrative Compulsion Law art. 53' },
    verify: false,
  },
  'nonLitigation.acceptance': {
    period: { days: 5 },
    nature: 'deadline',
    from: { zh: '人民法院接到强制执行申请之日', en: 'receipt of the enforcement application by the court' },
    source: { zh: `${ACL}第五十六条`, en: 'Administrative Compulsion Law art. 56' },
    verify: false,
  },
  'nonLitigation.nonAcceptanceAppeal': {
    period: { days: 15 },
    nature: 'deadline',
    from: { zh: '收到不予受理裁定之日', en: 'receipt of the ruling not to accept the application' },
    source: { zh: `${ACL}第五十六条`, en: 'Administrative Compulsion Law art. 56' },
    verify: false,
  },
  'nonLitigation.nonAcceptanceAppealDecision': {
    period: { days: 15 },
    nature: 'deadline',
    from: { zh: '上一级人民法院收到复议申请之日', en: 'receipt of the request by the upper court' },
    source: { zh: `${ACL}第五十六条`, en: 'Administrative Compulsion Law art. 56' },
    verify: false,
  },
  'nonLitigation.ruling': {
    period: { days: 7 },
    nature: 'deadline',
    from: { zh: '受理之日', en: 'acceptance of the application' },
    source: { zh: `${ACL}第五十七条`, en: 'Administrative Compulsion Law art. 57' },
    verify: false,
  },
  'nonLitigation.rulingAfterHearing': {
    period: { days: 30 },
    nature: 'deadline',
    from: { zh: '受理之日', en: 'acceptance of the application' },
    source: { zh: `${ACL}第五十八条`, en: 'Administrative Compulsion Law art. 58' },
    verify: false,
  },
  'nonLitigation.urgentEnforcement': {
    period: { days: 5 },
    nature: 'deadline',
    from: { zh: '作出执行裁定之日', en: 'the enforcement ruling' },
    source: { zh: `${ACL}第五十九条`, en: 'Administrative Compulsion Law art. 59' },
    verify: false,
  },
  'nonLitigation.refusalService': {
    period: { days: 5 },
    nature: 'deadline',
    from: { zh: '作出不予执行裁定之日', en: 'the ruling refusing enforcement' },
    source: { zh: `${ACL}第五十八条`, en: 'Administrative Compulsion Law art. 58' },
    verify: false,
  },
  'nonLitigation.reviewRequest': {
    period: { days: 15 },
    nature: 'deadline',
    from: { zh: '收到不予执行裁定之日', en: 'receipt of the ruling refusing enforcement' },
    source: { zh: `${ACL}第五十八条`, en: 'Administrative Compulsion Law art. 58' },
    verify: false,
  },
  'nonLitigation.reviewDecision': {
    period: { days: 30 },
    nature: 'deadline',
    from: { zh: '上一级人民法院收到复议申请之日', en: 'receipt of the review request by the upper court' },
    source: { zh: `${ACL}第五十八条`, en: 'Administrative Compulsion Law art. 58' },
    verify: false,
  },

  // ---- §5 Enforcement supervision ----
  'enforcementSupervision.inquiryReply': {
    period: { days: 15 },
    nature: 'deadline',
    from: { zh: '人民法院收到说明案件执行情况通知书之日', en: "receipt of the procuratorate's written inquiry by the court" },
    source: { zh: ENF_RULES_2016, en: 'SPC & SPP Provisions on Legal Supervision of Civil Enforcement (2016)' },
    // Article number not checked.
    verify: true,
  },

  // ---- §7 Joint work: file requests (no statute; the institutions' working agreement) ----
  'fileRequest.answer': {
    period: { days: 15 },
    nature: 'deadline',
    from: { zh: '调卷函发送之日', en: 'the day the file request is sent' },
    source: {
      zh: '两院工作协作机制（座谈会商定的信息共享渠道；期限为本系统默认值，调卷函可另定答复期限）',
      en: "The two institutions' working agreement (the information channel agreed at their symposium); the system's default, a request may set its own date",
    },
    // Not a statutory period: the institutions may agree another.
    verify: true,
  },
};

/** All period ids, in table order. */
export const PERIOD_IDS = Object.keys(PERIOD_RULES) as PeriodId[];

/** Types of procuratorial recommendation (2019 SPP rules, plus enforcement supervision). */
export type RecommendationType = 'retrial' | 'correction' | 'public_interest' | 'social_governance' | 'enforcement' | 'other';

export const RECOMMENDATION_TYPES: readonly RecommendationType[] = [
  'retrial',
  'correction',
  'public_interest',
  'social_governance',
  'enforcement',
  'other',
];

/** Which reply-period rule governs each recommendation type. */
export const RECOMMENDATION_REPLY_RULE: Readonly<Record<RecommendationType, PeriodId>> = {
  retrial: 'recommendation.retrial',
  correction: 'recommendation.default',
  public_interest: 'recommendation.publicInterest',
  social_governance: 'recommendation.default',
  enforcement: 'recommendation.enforcement',
  other: 'recommendation.default',
};
