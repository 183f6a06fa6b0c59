/**
 * Demo supervision cases (DOMAIN.md §5–§6): the case-management side of the 15 cases that
 * ./recommendations.ts creates, and a few more cases of their own.
 *
 * - The 15 cases: court and division, acceptance date (the day the case was opened), stage,
 *   review due date (deadline engine, holiday calendar from the database), tags and every court
 *   case number — filled in ONCE, only while `acceptedOn` is still unset. Their 'open' event and
 *   audit row are written if missing. Their stage follows their recommendations: nothing issued
 *   yet → still reviewing; a recommendation issued → supervising (from just before the first
 *   issue); every recommendation closed, archived or withdrawn → closed, two days after the last.
 *   The stage steps are replayed through the commands of lib/data/cases.ts with the handler as
 *   actor and a backdated clock, so each writes the event and audit row the app would write.
 * - New cases (keyed by title): opened through `openNewCase` (numbered by `openCase` from the
 *   NumberSequence counters, which are first raised past every number already used, so nothing
 *   collides), then their steps through the same commands — some overdue in review, one
 *   reassigned by a leader, one closed, every pension-fraud subtype among the tags.
 *
 * Deterministic: dates derive from `today` (and from the recommendations seed's dates).
 */
import { advanceCase, assignCase, closeCase, linkCourtCase, openNewCase, tagCase } from '@/lib/data/cases';
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import { raiseSequence } from '@/lib/data/sequences';
import { json, writeWorkflowEvent } from '@/lib/data/workflow';
import { writeAudit } from '@/lib/data/audit';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { stageDueDate, type CaseOutcome, type CaseStage, type CaseTag } from '@/lib/domain/cases/machine';
import { caseSequenceScope, type CaseKind } from '@/lib/domain/cases/numbers';
import { addDays, chinaDate } from '@/lib/domain/dates';
import { demoActors } from './builders';
import { COURT, PROCURATORATE } from './demo-data';
import { DEMO_CASES } from './recommendations';

type Desk = 'civil-division' | 'administrative-division' | 'enforcement-bureau' | null;

const DESK_OF_KIND: Record<CaseKind, Desk> = {
  civil: 'civil-division',
  civil_retrial: 'civil-division',
  administrative: 'administrative-division',
  non_litigation: 'administrative-division',
  enforcement: 'enforcement-bureau',
  public_interest: null,
};

// =============================================================================================
// Data: what the recommendations seed's 15 cases lack

interface CaseExtras {
  tags: CaseTag[];
  /** Court case numbers besides the one the case already carries (appeal, retrial review, enforcement…). */
  more?: string[];
  /** Conclusion when the case is closed. */
  conclusion?: { outcome: CaseOutcome; text: string };
}

const ADOPTED = '检察建议已被采纳，法院已书面回复并整改到位，监督目的实现，依法结案。';

const EXTRAS: Record<string, CaseExtras> = {
  '城中检民监〔2025〕12号': { tags: [] },
  '城中检民监〔2025〕27号': { tags: ['false_litigation'], more: ['(2025)青0103执1021号'] },
  '城中检民监〔2025〕31号': { tags: [], conclusion: { outcome: 'recommendation', text: `${ADOPTED}财产保全程序问题已在全庭通报。` } },
  '城中检民监〔2026〕5号': { tags: [], conclusion: { outcome: 'recommendation', text: `${ADOPTED}法院已重新规范公告送达的适用条件。` } },
  '城中检民监〔2026〕18号': { tags: ['social_conflict'] },
  '城中检行监〔2025〕8号': { tags: ['social_conflict'], more: ['(2025)青01行终19号'] },
  '城中检行监〔2026〕3号': { tags: [] },
  '城中检执监〔2025〕15号': { tags: [], more: ['(2024)青0103民初1502号'] },
  '城中检执监〔2026〕9号': { tags: ['social_conflict'], more: ['(2025)青0103民初3901号'] },
  '城中检行非诉监〔2025〕4号': { tags: [] },
  '城中检行非诉监〔2026〕2号': { tags: [] },
  '城中检民再监〔2025〕3号': {
    tags: ['pension_fraud:elderly_care_services'],
    more: ['(2024)青01民终1187号', '(2025)青01民申66号'],
    conclusion: { outcome: 'recommendation', text: '法院采纳再审检察建议裁定再审，再审判决已改判；社会治理检察建议已办结。依法结案。' },
  },
  '城中检民再监〔2026〕1号': { tags: [], more: ['(2025)青01民申203号'] },
  '城中检行公〔2025〕6号': { tags: [], conclusion: { outcome: 'recommendation', text: `${ADOPTED}裁判文书上网前的个人信息屏蔽核查已纳入流程。` } },
  '城中检行公〔2026〕4号': { tags: [] },
};

// =============================================================================================
// Data: further cases

type Step =
  | { action: 'advance'; day: number; by?: string; comment?: string }
  | { action: 'assign'; day: number; by: string; to: string; reason: string }
  | { action: 'tag'; day: number; by?: string; tags: { falseLitigation?: boolean; socialConflict?: boolean; pensionFraud?: string } }
  | { action: 'linkCourtCase'; day: number; by?: string; courtCaseNumber: string }
  | { action: 'close'; day: number; by?: string; outcome: CaseOutcome; conclusion: string };

export interface NewCaseSpec {
  kind: CaseKind;
  title: string;
  parties: string;
  courtCaseNumbers: string[];
  /** Who opened it (and handles it, unless reassigned). */
  handler: string;
  /** Accepted this many days before today. */
  ago: number;
  tags: { falseLitigation?: boolean; socialConflict?: boolean; pensionFraud?: string };
  /** Steps, `day` days after acceptance (by the handler at that time unless `by`). */
  steps: Step[];
}

export const NEW_CASES: readonly NewCaseSpec[] = [
  {
    kind: 'civil',
    title: '王某某与西宁安康投资咨询有限公司借款合同纠纷监督案（以房养老）',
    parties: '申请人：王某某（78岁）；被申请人：西宁安康投资咨询有限公司；第三人：周某某',
    courtCaseNumbers: ['(2025)青0103民初6120号'],
    handler: 'li.wen',
    ago: 130,
    tags: { pensionFraud: 'home_equity' },
    steps: [{ action: 'advance', day: 3, comment: '已调阅原审卷宗，申请人称系以“以房养老”名义被诱导抵押房产。' }],
  },
  {
    kind: 'civil',
    title: '青海鼎元建设工程有限公司与刘某某建设工程施工合同纠纷监督案',
    parties: '原审原告：刘某某；原审被告：青海鼎元建设工程有限公司；案外人：西宁宏达建材有限公司',
    courtCaseNumbers: ['(2025)青0103民初4877号', '(2026)青0103执311号'],
    handler: 'wu.yating',
    ago: 60,
    tags: {},
    steps: [
      { action: 'advance', day: 2 },
      {
        action: 'tag',
        day: 21,
        // The parties turned out to be related: a suspected false litigation.
        tags: { falseLitigation: true },
      },
    ],
  },
  {
    kind: 'enforcement',
    title: '李某某等12人申请执行西宁福寿康养老保险代理有限公司合同纠纷执行监督案',
    parties: '申请执行人：李某某等12人；被执行人：西宁福寿康养老保险代理有限公司',
    courtCaseNumbers: ['(2025)青0103执2210号', '(2025)青0103民初5012号'],
    handler: 'zhou.hao',
    ago: 100,
    tags: { pensionFraud: 'pension_insurance', socialConflict: true },
    steps: [],
  },
  {
    kind: 'civil_retrial',
    title: '赵某某与青海寿康保健品有限公司买卖合同纠纷再审监督案',
    parties: '申请人：赵某某；被申请人：青海寿康保健品有限公司',
    courtCaseNumbers: ['(2025)青0103民初3320号'],
    handler: 'li.wen',
    ago: 75,
    tags: { pensionFraud: 'products' },
    steps: [
      {
        action: 'assign',
        day: 5,
        by: 'sun.lixin',
        to: 'wu.yating',
        reason: '原承办检察官李文与被申请人的诉讼代理人系近亲属，依法回避，改由吴雅婷承办。',
      },
      { action: 'advance', day: 6 },
      { action: 'advance', day: 40, comment: '经审查，原判决认定保健品具有治疗功效的事实缺乏证据证明，拟提出再审检察建议。' },
      { action: 'linkCourtCase', day: 41, courtCaseNumber: '(2026)青01民申57号' },
    ],
  },
  {
    kind: 'civil',
    title: '张某某等与青海颐和养老产业发展有限公司委托理财合同纠纷监督案',
    parties: '申请人：张某某等31人；被申请人：青海颐和养老产业发展有限公司',
    courtCaseNumbers: ['(2025)青0103民初5588号'],
    handler: 'li.wen',
    ago: 40,
    tags: { pensionFraud: 'projects', socialConflict: true },
    steps: [{ action: 'advance', day: 4 }],
  },
  {
    kind: 'civil',
    title: '刘某某等与青海康乐助老服务中心服务合同纠纷监督案',
    parties: '申请人：刘某某等7人；被申请人：青海康乐助老服务中心',
    courtCaseNumbers: ['(2026)青0103民初1406号'],
    handler: 'wu.yating',
    ago: 20,
    tags: { pensionFraud: 'assistance' },
    steps: [],
  },
  {
    kind: 'non_litigation',
    title: '城中区人力资源和社会保障局申请执行责令支付劳动报酬决定非诉执行监督案',
    parties: '申请执行人：西宁市城中区人力资源和社会保障局；被执行人：西宁金鼎餐饮管理有限公司',
    courtCaseNumbers: ['(2026)青0103行审19号'],
    handler: 'wu.yating',
    ago: 150,
    tags: { socialConflict: true },
    steps: [
      { action: 'advance', day: 3 },
      { action: 'advance', day: 30, comment: '法院受理后逾期未作出裁定，拟依职权跟进监督。' },
      {
        action: 'close',
        day: 80,
        outcome: 'terminated',
        conclusion: '法院已依法裁定准予执行，拖欠的劳动报酬已全部执行到位，监督事由消失，终结审查。',
      },
    ],
  },
  {
    kind: 'administrative',
    title: '西宁顺达机动车驾驶员培训有限公司诉城中区交通运输局行政许可监督案',
    parties: '申请人：西宁顺达机动车驾驶员培训有限公司；原审被告：西宁市城中区交通运输局',
    courtCaseNumbers: ['(2025)青0103行初131号'],
    handler: 'wu.yating',
    ago: 10,
    tags: {},
    steps: [],
  },
];

// =============================================================================================
// Writing

/** A moment on a China calendar day. */
const at = (date: string, hh: number, mm = 0) => new Date(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
const HOUR = 3_600_000;

export interface SeedCasesResult {
  /** Demo cases of the recommendations seed filled in. */
  filled: number;
  /** Cases opened here. */
  opened: number;
  /** Steps replayed (advance, assign, tag, link, close). */
  steps: number;
}

export async function seedCases(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedCasesResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const depts = await prisma.department.findMany({ where: { institutionId: court.id }, select: { id: true, key: true } });
  const deptId = (desk: Desk) => (desk ? (depts.find((x) => x.key === desk)?.id ?? null) : null);
  const actorOf = demoActors(prisma);
  const usernameOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { username: true } })).username;
  const calendar = calendarFromEntries(await loadCalendarEntries(prisma));
  const result: SeedCasesResult = { filled: 0, opened: 0, steps: 0 };
  let seq = 0;
  const ctx = (moment: Date) => ({ today: chinaDate(moment), now: moment, requestId: `seed-cases-${++seq}` });
  const version = async (id: string) => (await prisma.supervisionCase.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  // ---- 1. the recommendations seed's cases
  for (const spec of DEMO_CASES) {
    const c = await prisma.supervisionCase.findUnique({ where: { number: spec.number } });
    const extras = EXTRAS[spec.number];
    if (!c || !extras) continue;
    const handler = await actorOf(await usernameOf(c.handlerId));

    if (c.acceptedOn === null) {
      const acceptedOn = chinaDate(c.createdAt);
      const numbers = [...(c.courtCaseNumber ? [c.courtCaseNumber] : []), ...(extras.more ?? [])];
      const due = stageDueDate(c.kind, 'accepted', acceptedOn, calendar);
      const fields = {
        courtId: court.id,
        courtDepartmentId: deptId(DESK_OF_KIND[c.kind]),
        stage: 'accepted' as CaseStage,
        acceptedOn: new Date(`${acceptedOn}T00:00:00.000Z`),
        stageDueDate: due ? new Date(`${due}T00:00:00.000Z`) : null,
        tags: extras.tags,
        courtCaseNumbers: numbers,
      };
      const hasOpen = await prisma.workflowEvent.count({ where: { recordType: 'SupervisionCase', recordId: c.id, kind: 'open' } });
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.supervisionCase.updateMany({ where: { id: c.id, version: c.version, acceptedOn: null }, data: { ...fields, version: { increment: 1 } } });
        if (count === 0) throw new Error(`seed: case ${c.number} changed meanwhile`);
        if (!hasOpen) {
          await writeWorkflowEvent(tx, { recordType: 'SupervisionCase', recordId: c.id, caseId: c.id, actor: handler, shared: false, kind: 'open', toStatus: 'accepted', data: { number: c.number }, at: c.createdAt });
          await writeAudit(tx, {
            actorId: handler.id,
            institutionId: handler.institutionId,
            action: 'SupervisionCase.open',
            recordType: 'SupervisionCase',
            recordId: c.id,
            summary: json({
              after: { kind: c.kind, title: c.title, parties: c.parties, courtCaseNumbers: numbers, courtId: court.id, courtDepartmentId: fields.courtDepartmentId, handlerId: c.handlerId, tags: extras.tags, acceptedOn, stageDueDate: due, number: c.number },
            }),
            at: c.createdAt,
          });
        }
      });
      result.filled++;

      // The stage follows the case's recommendations.
      const recs = await prisma.recommendation.findMany({
        where: { caseId: c.id },
        select: { status: true, issuedAt: true, closedAt: true, archivedAt: true, withdrawnAt: true, createdAt: true },
      });
      const reviewingAt = new Date(c.createdAt.getTime() + 24 * HOUR);
      const issued = recs.map((r) => r.issuedAt).filter((x): x is Date => !!x);
      const ended = recs.length > 0 && recs.every((r) => ['closed', 'archived', 'withdrawn'].includes(r.status));
      const endedAt = ended ? new Date(Math.max(...recs.map((r) => (r.archivedAt ?? r.closedAt ?? r.withdrawnAt ?? r.createdAt).getTime()))) : null;
      const firstIssue = issued.length ? new Date(Math.min(...issued.map((x) => x.getTime()))) : null;
      const limit = at(today, 17);

      const first = firstIssue ?? (recs.length ? new Date(Math.min(...recs.map((r) => r.createdAt.getTime()))) : null);
      const tReview = first && first.getTime() - 2 * HOUR < reviewingAt.getTime() ? new Date(c.createdAt.getTime() + HOUR) : reviewingAt;
      if (tReview > limit) continue;
      await advanceCase(prisma, handler, { id: c.id, version: await version(c.id) }, ctx(tReview));
      result.steps++;
      if (!firstIssue) continue;
      const tSupervise = new Date(Math.max(firstIssue.getTime() - 2 * HOUR, tReview.getTime() + HOUR));
      await advanceCase(prisma, handler, { id: c.id, version: await version(c.id) }, ctx(tSupervise));
      result.steps++;
      if (!endedAt || !extras.conclusion) continue;
      const tClose = at(addDays(chinaDate(endedAt), 2), 10, 30);
      if (tClose > limit || tClose <= tSupervise) continue;
      await closeCase(prisma, handler, { id: c.id, version: await version(c.id), outcome: extras.conclusion.outcome, conclusion: extras.conclusion.text }, ctx(tClose));
      result.steps++;
    } else if ((await prisma.workflowEvent.count({ where: { recordType: 'SupervisionCase', recordId: c.id, kind: 'open' } })) === 0) {
      // Filled in by someone else: only the missing 'open' event.
      await prisma.$transaction(async (tx) => {
        await writeWorkflowEvent(tx, { recordType: 'SupervisionCase', recordId: c.id, caseId: c.id, actor: handler, shared: false, kind: 'open', toStatus: 'accepted', data: { number: c.number }, at: c.createdAt });
        await writeAudit(tx, { actorId: handler.id, institutionId: handler.institutionId, action: 'SupervisionCase.open', recordType: 'SupervisionCase', recordId: c.id, summary: json({ after: { number: c.number } }), at: c.createdAt });
      });
    }
  }

  // ---- 2. raise the counters past every number in use, so that new numbers never collide
  const all = await prisma.supervisionCase.findMany({ where: { institutionId: proc.id }, select: { number: true, kind: true } });
  const highest = new Map<string, { scope: string; year: number; last: number }>();
  for (const c of all) {
    const m = /〔(\d{4})〕(\d+)号$/.exec(c.number);
    if (!m) continue;
    const scope = caseSequenceScope(c.kind);
    const year = Number(m[1]);
    const key = `${scope}|${year}`;
    const n = Number(m[2]);
    if ((highest.get(key)?.last ?? 0) < n) highest.set(key, { scope, year, last: n });
  }
  for (const h of highest.values()) {
    await raiseSequence(prisma, proc.id, h.scope, h.year, h.last);
  }

  // ---- 3. further cases, keyed by title; opened in order of acceptance
  const present = new Set(
    (await prisma.supervisionCase.findMany({ where: { institutionId: proc.id, title: { in: NEW_CASES.map((s) => s.title) } }, select: { title: true } })).map((x) => x.title),
  );
  const todo = NEW_CASES.filter((s) => !present.has(s.title)).sort((a, b) => b.ago - a.ago);
  for (const [i, spec] of todo.entries()) {
    const acceptedOn = addDays(today, -spec.ago);
    const opener = await actorOf(spec.handler);
    const yes = (v?: boolean) => (v ? 'yes' : 'no');
    const { id } = await openNewCase(
      prisma,
      opener,
      {
        kind: spec.kind,
        title: spec.title,
        parties: spec.parties,
        courtId: court.id,
        courtDepartmentId: deptId(DESK_OF_KIND[spec.kind]) ?? '',
        handlerId: opener.id,
        acceptedOn,
        courtCaseNumbers: spec.courtCaseNumbers.join('\n'),
        falseLitigation: yes(spec.tags.falseLitigation),
        socialConflict: yes(spec.tags.socialConflict),
        pensionFraud: spec.tags.pensionFraud ?? '',
      },
      ctx(at(acceptedOn, 9, 10 + i)),
    );
    result.opened++;
    let handlerName = spec.handler;
    for (const [k, step] of spec.steps.entries()) {
      const moment = at(addDays(acceptedOn, step.day), 10 + (k % 6), 15);
      if (moment > at(today, 17)) break;
      const by = await actorOf(step.by ?? handlerName);
      const base = { id, version: await version(id) };
      switch (step.action) {
        case 'advance':
          await advanceCase(prisma, by, { ...base, comment: step.comment ?? '' }, ctx(moment));
          break;
        case 'assign':
          await assignCase(prisma, by, { ...base, handlerId: (await actorOf(step.to)).id, reason: step.reason }, ctx(moment));
          handlerName = step.to;
          break;
        case 'tag':
          await tagCase(
            prisma,
            by,
            { ...base, falseLitigation: yes(step.tags.falseLitigation), socialConflict: yes(step.tags.socialConflict), pensionFraud: step.tags.pensionFraud ?? '' },
            ctx(moment),
          );
          break;
        case 'linkCourtCase':
          await linkCourtCase(prisma, by, { ...base, courtCaseNumber: step.courtCaseNumber }, ctx(moment));
          break;
        case 'close':
          await closeCase(prisma, by, { ...base, outcome: step.outcome, conclusion: step.conclusion }, ctx(moment));
          break;
      }
      result.steps++;
    }
  }
  say(`[seed] supervision cases: ${result.filled} filled in, ${result.opened} opened, ${result.steps} steps (as of ${today})`);
  return result;
}
