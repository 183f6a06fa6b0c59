/**
 * Demo enforcement supervision inquiries (DOMAIN.md §5): six written inquiries from the
 * procuratorate's enforcement supervision department to the court's enforcement bureau — answered
 * in time and closed, answered late after an urge, overdue and unanswered (urged twice), just sent,
 * closed with the answer not accepted, answered in time and waiting to be closed.
 *
 * Every step runs through the app's own commands (lib/data/inquiries.ts) with the demo people as
 * actors and the clock set back to the day of the step, so each record gets exactly the fields,
 * due date (deadline engine, holiday calendar from the database), timeline events and audit rows
 * the app would have written; a step the state machine would refuse throws.
 *
 * Idempotent: an inquiry is keyed by the procuratorate and its court case number (unique in this
 * seed) and skipped when it is there. Deterministic: dates derive from `today` only.
 */
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import { answerInquiry, closeInquiry, sendInquiry, urgeInquiry } from '@/lib/data/inquiries';
import type { WorkflowContext } from '@/lib/data/workflow';
import { addDays } from '@/lib/domain/dates';
import { calendarFromEntries, type Calendar } from '@/lib/domain/calendar';
import { workingDayOnOrAfter } from '@/lib/domain/deadlines';
import { answerDueDate } from '@/lib/domain/inquiries/machine';
import type { CloseOutcome } from '@/lib/domain/inquiries/schemas';
import { demoActors } from './builders';
import { COURT, PROCURATORATE } from './demo-data';

interface Step {
  by: string;
  on: string;
}

export interface PlannedInquiry {
  courtCaseNumber: string;
  /** Supervision case number (demo cases), if linked. */
  caseNo?: string;
  question: string;
  sentBy: string;
  sentOn: string;
  urges: (Step & { comment?: string })[];
  answer?: Step & { text: string };
  close?: Step & { outcome: CloseOutcome; assessment: string };
}

/** The last working day on or before `date`. */
function workingDayOnOrBefore(date: string, cal: Calendar): string {
  let d = date;
  while (cal.isRestDay(d)) d = addDays(d, -1);
  return d;
}

/** The six inquiries, dated back from `today` (pure). */
export function planInquiries(today: string, cal: Calendar): PlannedInquiry[] {
  const back = (n: number) => workingDayOnOrBefore(addDays(today, -n), cal);
  const after = (d: string, n: number) => workingDayOnOrAfter(addDays(d, n), cal);
  const before = (d: string, n: number) => workingDayOnOrBefore(addDays(d, n), cal);
  const plan: PlannedInquiry[] = [];

  // 1. Answered in time, closed: the court had acted.
  {
    const sentOn = back(75);
    const answeredOn = before(sentOn, 9);
    plan.push({
      courtCaseNumber: '(2024)青0103执1876号',
      caseNo: '城中检执监〔2025〕15号',
      question:
        '西宁瑞丰建材有限公司申请执行青海恒基建筑工程有限公司买卖合同纠纷一案，立案执行已逾十个月，申请执行人反映被执行人对城南新区某安置房项目享有到期工程款债权。请你院书面说明该案执行情况：是否已对上述债权采取查询、冻结、扣划等措施；如未采取，请说明理由。',
      sentBy: 'zhou.hao',
      sentOn,
      urges: [],
      answer: {
        by: 'jiang.tao',
        on: answeredOn,
        text: '经查，我局已于立案后依法向被执行人开户银行查询存款，并向城南新区某安置房项目建设单位送达协助执行通知书，冻结被执行人应收工程款人民币186万元；因建设单位对部分款项提出异议，我局正依法审查，预计一个月内完成扣划。不存在消极执行情形。',
      },
      close: {
        by: 'zhou.hao',
        on: after(answeredOn, 6),
        outcome: 'accepted',
        assessment: '经调阅执行卷宗核实，法院已采取冻结措施并依法审查案外人异议，答复属实，不存在怠于执行情形，本次询问办结，继续跟踪扣划进展。',
      },
    });
  }

  // 2. Urged once overdue, then answered late; waiting to be closed.
  {
    const sentOn = back(48);
    const due = answerDueDate(sentOn, cal);
    const urgedOn = after(due, 2);
    plan.push({
      courtCaseNumber: '(2026)青0103执562号',
      caseNo: '城中检执监〔2026〕9号',
      question:
        '杨某某等23名农民工申请执行青海宏远劳务有限公司劳务报酬纠纷系列案，申请执行人多次反映案款长期未执行到位。请你院书面说明：是否已对被执行人财产进行网络查控、是否已采取限制高消费及纳入失信被执行人名单等措施，以及下一步执行计划。',
      sentBy: 'zhou.hao',
      sentOn,
      urges: [{ by: 'zhou.hao', on: urgedOn, comment: '答复期限已届满，涉及农民工工资，请尽快书面答复。' }],
      answer: {
        by: 'he.min',
        on: after(urgedOn, 5),
        text: '我院已对被执行人进行网络查控，冻结银行存款4.2万元并已发放；对被执行人及其法定代表人采取限制高消费措施，纳入失信被执行人名单。现已查明被执行人对总包单位享有劳务分包款债权，已发出协助执行通知书，预计本月底前发放第二批案款。答复延迟，系承办人员调整所致，已责令改正。',
      },
    });
  }

  // 3. Overdue and unanswered: urged by the procurator, then by the deputy procurator-general.
  {
    const sentOn = back(36);
    const due = answerDueDate(sentOn, cal);
    const first = after(due, 2);
    const second = after(first, 7);
    plan.push({
      courtCaseNumber: '(2025)青0103执2043号',
      question:
        '王某某申请执行西宁德润商贸有限公司借款合同纠纷一案，申请执行人反映执行款已于三个月前划入你院执行款专户，至今未予发放。请你院书面说明该笔执行款未发放的原因及发放时间。',
      sentBy: 'zhou.hao',
      sentOn,
      urges: [
        { by: 'zhou.hao', on: first, comment: '答复期限已过，请于五日内书面答复。' },
        ...(second <= today ? [{ by: 'qian.hui', on: second, comment: '经电话沟通仍未答复，请院领导督促执行局尽快答复。' }] : []),
      ],
    });
  }

  // 4. Just sent; the court still has time.
  plan.push({
    courtCaseNumber: '(2026)青0103执恢88号',
    question:
      '西宁市城中区某小区业主委员会申请恢复执行物业服务合同纠纷一案，你院此前以“终结本次执行程序”结案。申请执行人提供了被执行人新的财产线索（车辆两台）。请你院书面说明是否已恢复执行并采取查封措施。',
    sentBy: 'zhou.hao',
    sentOn: back(4),
    urges: [],
  });

  // 5. Answered in time, but the procuratorate did not accept the answer: closed, a recommendation follows.
  {
    const sentOn = back(110);
    const answeredOn = before(sentOn, 12);
    plan.push({
      courtCaseNumber: '(2025)青0103执异45号',
      question:
        '案外人李某某对你院查封的城中区南大街某商铺提出执行异议，你院受理后逾期未作出裁定。请你院书面说明该执行异议案件的审查进展及逾期原因。',
      sentBy: 'zhou.hao',
      sentOn,
      urges: [],
      answer: {
        by: 'jiang.tao',
        on: answeredOn,
        text: '该异议案件因需调取不动产登记档案，审查期限有所延长，现已组织听证，将尽快作出裁定。',
      },
      close: {
        by: 'qian.hui',
        on: after(answeredOn, 10),
        outcome: 'notAccepted',
        assessment: '答复未说明延长审查期限的依据及审批手续，超期审查属实。本次询问办结，另行向法院制发执行监督检察建议。',
      },
    });
  }

  // 6. Answered in time; waiting for the procuratorate to close it.
  {
    const sentOn = back(22);
    plan.push({
      courtCaseNumber: '(2026)青0103执1033号',
      question:
        '西宁雪域乳业有限公司申请执行西宁某连锁超市买卖合同纠纷一案，被执行人仍在正常经营。请你院书面说明是否已对被执行人收银账户及门店存货采取执行措施。',
      sentBy: 'zhou.hao',
      sentOn,
      urges: [],
      answer: {
        by: 'jiang.tao',
        on: before(sentOn, 11),
        text: '我局已冻结被执行人收银账户，并于门店现场查封存货一批，已委托评估；被执行人提出分期履行方案，正在与申请执行人协商。',
      },
    });
  }
  return plan;
}

export interface SeedInquiriesResult {
  added: number;
  existing: number;
}

export async function seedInquiries(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedInquiriesResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const cal = calendarFromEntries(await loadCalendarEntries(prisma));
  const plan = planInquiries(today, cal);

  const present = new Set(
    (
      await prisma.enforcementInquiry.findMany({
        where: { procuratorateId: proc.id, courtCaseNumber: { in: plan.map((p) => p.courtCaseNumber) } },
        select: { courtCaseNumber: true },
      })
    ).map((r) => r.courtCaseNumber),
  );
  const todo = plan.filter((p) => !present.has(p.courtCaseNumber));

  const who = demoActors(prisma);
  const caseIds = new Map(
    (
      await prisma.supervisionCase.findMany({
        where: { institutionId: proc.id, number: { in: plan.flatMap((p) => (p.caseNo ? [p.caseNo] : [])) } },
        select: { id: true, number: true },
      })
    ).map((c) => [c.number, c.id]),
  );
  let n = 0;
  const ctx = (on: string, time: string): WorkflowContext => ({ today: on, requestId: `seed-inquiry-${++n}`, now: new Date(`${on}T${time}:00+08:00`) });
  const current = async (id: string) => (await prisma.enforcementInquiry.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  for (const p of todo) {
    const { id } = await sendInquiry(
      prisma,
      await who(p.sentBy),
      { courtId: court.id, courtCaseNumber: p.courtCaseNumber, caseId: (p.caseNo && caseIds.get(p.caseNo)) || '', question: p.question, sentOn: p.sentOn },
      ctx(p.sentOn, '09:30'),
    );
    for (const u of p.urges) {
      await urgeInquiry(prisma, await who(u.by), { id, version: await current(id), comment: u.comment ?? '' }, ctx(u.on, '10:00'));
    }
    if (p.answer) {
      await answerInquiry(prisma, await who(p.answer.by), { id, version: await current(id), answer: p.answer.text, answeredOn: p.answer.on }, ctx(p.answer.on, '16:20'));
    }
    if (p.close) {
      await closeInquiry(
        prisma,
        await who(p.close.by),
        { id, version: await current(id), outcome: p.close.outcome, assessment: p.close.assessment },
        ctx(p.close.on, '11:10'),
      );
    }
  }
  const result = { added: todo.length, existing: plan.length - todo.length };
  say(`[seed] enforcement inquiries: ${result.added} added, ${result.existing} already there`);
  return result;
}
