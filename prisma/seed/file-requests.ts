/**
 * Demo file requests (DOMAIN.md §7): the procuratorate's requests to the district court for case
 * files — answered in full and closed, answered in part (waiting to be read), refused with reasons
 * and closed, answered in full by an agreed date (waiting to be read), open, overdue after an
 * urge, and one draft the court never sees.
 *
 * Every step runs through the app's own commands (lib/data/file-requests.ts) with the demo people
 * as actors and the clock set back to the day of the step, so each record gets exactly the fields,
 * due date (deadline engine, holiday calendar from the database), timeline events, audit rows and
 * — for the answers — documents in the document store (staged, hashed, type-checked) the app would
 * have written. Idempotent: a request is keyed by the procuratorate and its court case number.
 */
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import {
  answerFileRequest,
  closeFileRequest,
  createFileRequest,
  sendFileRequest,
  urgeFileRequest,
} from '@/lib/data/file-requests';
import type { WorkflowContext } from '@/lib/data/workflow';
import { calendarFromEntries, type Calendar } from '@/lib/domain/calendar';
import { addDays } from '@/lib/domain/dates';
import { workingDayOnOrAfter } from '@/lib/domain/deadlines';
import type { AnswerStep } from '@/lib/domain/file-requests/machine';
import { demoActors } from './builders';
import { COURT, PROCURATORATE } from './demo-data';

interface Step {
  by: string;
  on: string;
}

export interface PlannedFileRequest {
  courtCaseNumber: string;
  needed: string;
  reason: string;
  createdBy: string;
  createdOn: string;
  requestedDueDate?: string;
  /** Sent (by the drafter) on this day; absent: stays a draft. */
  sentOn?: string;
  urges: (Step & { comment?: string })[];
  answer?: Step & { step: AnswerStep; note?: string; files: { fileName: string; text: string }[] };
  close?: Step & { comment?: string };
}

function workingDayOnOrBefore(date: string, cal: Calendar): string {
  let d = date;
  while (cal.isRestDay(d)) d = addDays(d, -1);
  return d;
}

/** The seven requests, dated back from `today` (pure). */
export function planFileRequests(today: string, cal: Calendar): PlannedFileRequest[] {
  const back = (n: number) => workingDayOnOrBefore(addDays(today, -n), cal);
  const after = (d: string, n: number) => workingDayOnOrAfter(addDays(d, n), cal);
  const plan: PlannedFileRequest[] = [];

  // 1. Answered in full within 9 days; read and closed.
  {
    const sentOn = back(45);
    const answeredOn = after(sentOn, 9);
    plan.push({
      courtCaseNumber: '(2022)青0103民初123号',
      needed: '该案全部诉讼卷宗（正卷），重点为庭审笔录、双方提交的证据材料及质证笔录。',
      reason: '当事人马某某向本院申请民事诉讼监督，认为原判决认定借贷事实的主要证据系伪造，需调阅卷宗审查是否存在虚假诉讼情形。',
      createdBy: 'li.wen',
      createdOn: sentOn,
      sentOn,
      urges: [],
      answer: {
        by: 'lin.xue',
        on: answeredOn,
        step: 'answer',
        note: '已按要求扫描该案正卷，共两册，随函提供电子卷宗。',
        files: [
          { fileName: '（2022）青0103民初123号庭审笔录.txt', text: '西宁市城中区人民法院\n庭审笔录\n案号：（2022）青0103民初123号\n时间：2022年6月14日上午9时\n地点：第三审判庭\n审判员：林雪  书记员：徐静\n原告马某某、被告韩某某均到庭参加诉讼。\n……\n' },
          { fileName: '（2022）青0103民初123号证据目录.txt', text: '证据目录\n1. 借条一份（原告提交）\n2. 银行转账凭证三份（原告提交）\n3. 微信聊天记录截图（被告提交）\n' },
        ],
      },
      close: { by: 'li.wen', on: after(answeredOn, 2), comment: '卷宗已收悉，转入审查。' },
    });
  }

  // 2. Answered in part after 12 days: the sealed part withheld; waiting to be read.
  {
    const sentOn = back(28);
    plan.push({
      courtCaseNumber: '(2023)青0103民初2045号',
      needed: '该案审理报告、合议庭评议笔录及全部证据材料。',
      reason: '本院依职权对该案开展民事审判活动监督，需核查合议庭评议是否依法进行。',
      createdBy: 'wu.yating',
      createdOn: addDays(sentOn, -1),
      sentOn,
      urges: [],
      answer: {
        by: 'lin.xue',
        on: after(sentOn, 12),
        step: 'answerPartially',
        note: '已提供证据材料部分。审理报告及合议庭评议笔录属副卷材料，依照人民法院诉讼档案管理规定不对外提供，可由承办检察官来院查阅。',
        files: [{ fileName: '（2023）青0103民初2045号证据材料.txt', text: '证据材料（正卷第一册）\n1. 房屋买卖合同\n2. 付款收据\n3. 不动产登记信息查询结果\n' }],
      },
    });
  }

  // 3. Refused with reasons after 5 days; read and closed.
  {
    const sentOn = back(60);
    const answeredOn = after(sentOn, 5);
    plan.push({
      courtCaseNumber: '(2024)青0103民特36号',
      needed: '该案申请人提交的全部材料及裁定书。',
      reason: '群众举报该案申请人可能以虚假身份申请确认调解协议，需调阅核查。',
      createdBy: 'li.wen',
      createdOn: sentOn,
      sentOn,
      urges: [],
      answer: {
        by: 'yang.fan',
        on: answeredOn,
        step: 'refuse',
        note: '经查，该案卷宗已于2025年3月随上诉移送西宁市中级人民法院，本院现无该案卷宗，请向西宁市中级人民法院调阅。',
        files: [],
      },
      close: { by: 'li.wen', on: after(answeredOn, 1), comment: '已另行向西宁市中级人民法院发函调阅。' },
    });
  }

  // 4. Answered in full by the agreed date (a date set in the request); waiting to be read.
  {
    const sentOn = back(14);
    plan.push({
      courtCaseNumber: '(2025)青0103民初877号',
      needed: '该案起诉状、答辩状、判决书及送达回证。',
      reason: '养老诈骗专项工作中，需核查该案涉及的“以房养老”合同纠纷是否存在诈骗线索。',
      createdBy: 'wu.yating',
      createdOn: sentOn,
      requestedDueDate: after(sentOn, 10),
      sentOn,
      urges: [],
      answer: {
        by: 'lin.xue',
        on: after(sentOn, 7),
        step: 'answer',
        files: [{ fileName: '（2025）青0103民初877号判决书.txt', text: '西宁市城中区人民法院\n民事判决书\n（2025）青0103民初877号\n原告：张某某，男，1948年生\n被告：青海某养老服务有限公司\n……\n' }],
      },
    });
  }

  // 5. Sent five days ago: open, not yet due.
  {
    const sentOn = back(5);
    plan.push({
      courtCaseNumber: '(2025)青0103执1290号',
      needed: '该案执行卷宗中的财产查控记录及终结本次执行程序裁定。',
      reason: '申请执行人反映法院在未穷尽财产调查措施的情况下终结本次执行程序，需调阅核查。',
      createdBy: 'zhou.hao',
      createdOn: sentOn,
      sentOn,
      urges: [],
    });
  }

  // 6. Overdue: sent five weeks ago, urged once, still unanswered.
  {
    const sentOn = back(36);
    plan.push({
      courtCaseNumber: '(2023)青0103行初58号',
      needed: '该案全部卷宗，包括行政机关提交的证据及法院调取的证据。',
      reason: '当事人申请行政诉讼监督，认为法院未依法调取其申请的证据，需调阅卷宗审查。',
      createdBy: 'li.wen',
      createdOn: sentOn,
      sentOn,
      urges: [{ by: 'li.wen', on: back(14), comment: '调卷函答复期限已届满，请尽快提供卷宗或说明情况。' }],
    });
  }

  // 7. A draft, not yet sent: the court never sees it.
  plan.push({
    courtCaseNumber: '(2026)青0103民初311号',
    needed: '该案财产保全裁定及保全担保材料。',
    reason: '审查该案诉讼保全是否存在超标的查封情形。',
    createdBy: 'wu.yating',
    createdOn: back(1),
    urges: [],
  });
  return plan;
}

export interface SeedFileRequestsResult {
  added: number;
  existing: number;
}

export async function seedFileRequests(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedFileRequestsResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const cal = calendarFromEntries(await loadCalendarEntries(prisma));
  const plan = planFileRequests(today, cal);
  const present = new Set(
    (
      await prisma.fileRequest.findMany({ where: { procuratorateId: proc.id, courtCaseNumber: { in: plan.map((p) => p.courtCaseNumber) } }, select: { courtCaseNumber: true } })
    ).map((r) => r.courtCaseNumber),
  );
  const todo = plan.filter((p) => !present.has(p.courtCaseNumber));
  const who = demoActors(prisma);
  let n = 0;
  const ctx = (on: string, time: string): WorkflowContext => ({ today: on, requestId: `seed-file-request-${++n}`, now: new Date(`${on}T${time}:00+08:00`) });
  const current = async (id: string) => (await prisma.fileRequest.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  for (const p of todo) {
    const { id } = await createFileRequest(
      prisma,
      await who(p.createdBy),
      { courtId: court.id, courtCaseNumber: p.courtCaseNumber, needed: p.needed, reason: p.reason, requestedDueDate: p.requestedDueDate ?? '' },
      ctx(p.createdOn, '09:00'),
    );
    if (!p.sentOn) continue;
    await sendFileRequest(prisma, await who(p.createdBy), { id, version: await current(id) }, ctx(p.sentOn, '09:40'));
    for (const u of p.urges) await urgeFileRequest(prisma, await who(u.by), { id, version: await current(id), comment: u.comment ?? '' }, ctx(u.on, '10:00'));
    if (p.answer) {
      const files = p.answer.files.map((f) => new File([f.text], f.fileName, { type: 'text/plain' }));
      await answerFileRequest(prisma, await who(p.answer.by), p.answer.step, { id, version: await current(id), answerNote: p.answer.note ?? '', files }, ctx(p.answer.on, '16:00'));
    }
    if (p.close) await closeFileRequest(prisma, await who(p.close.by), { id, version: await current(id), comment: p.close.comment ?? '' }, ctx(p.close.on, '11:00'));
  }
  const result = { added: todo.length, existing: plan.length - todo.length };
  say(`[seed] file requests: ${result.added} added, ${result.existing} already there`);
  return result;
}
