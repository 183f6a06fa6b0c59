/**
 * Demo joint meetings (DOMAIN.md §7): the work-exchange symposium of 21 September 2022 that the
 * project grew from (/work/shared/seed-symposium.txt: the Chengzhong District Procuratorate and
 * Court; consensus on the procurator-general attending the adjudication committee,
 * administrative non-litigation enforcement, procuratorial recommendations and new evidence in
 * civil retrial cases; next steps on normal communication, false litigation and pension fraud),
 * and two later meetings: a regular joint meeting hosted by the court this autumn, its minutes
 * confirmed and its items being followed up (one of the court's overdue and urged), and a
 * working-level consultation hosted by the procuratorate whose minutes the court returned, now
 * being revised (the revision and an item added since are the procuratorate's draft only).
 *
 * Every step runs through the app's own commands (lib/data/joint-meetings.ts) with the demo
 * people as actors and the clock set back to the moment of the step. Idempotent: a meeting is
 * keyed by its pair and title and skipped when it is there. Deterministic: the later meetings'
 * dates derive from `today`.
 */
import type { Db } from '@/lib/data/db';
import * as J from '@/lib/data/joint-meetings';
import type { WorkflowContext } from '@/lib/data/workflow';
import { addDays } from '@/lib/domain/dates';
import type { ConsensusArea } from '@/lib/domain/joint-meetings/consensus';
import type { JointMeetingKind } from '@/lib/domain/joint-meetings/machine';
import { ATTENDEE_PREFIX, ATTENDEE_TITLE_PREFIX } from '@/lib/domain/joint-meetings/schemas';
import { demoActors } from './builders';
import { COURT, PROCURATORATE } from './demo-data';

/** A day: fixed (YYYY-MM-DD) or days before today (a negative number: after). */
type Day = string | number;

export interface PlannedItem {
  area: ConsensusArea;
  title: string;
  detail?: string;
  owner: string;
  due: Day;
  /** Added after the minutes were returned (a draft of the host until the next submission). */
  late?: boolean;
  start?: { by: string; on: Day; comment?: string };
  complete?: { by: string; on: Day; outcome: string };
  drop?: { by: string; on: Day; reason: string };
  urge?: { by: string; on: Day; comment?: string }[];
}

export interface PlannedMeeting {
  title: string;
  kind: JointMeetingKind;
  host: 'procuratorate' | 'court';
  recordedBy: string;
  heldOn: Day;
  place: string;
  topics: string[];
  /** Users of the pair with the position the minutes give them. */
  users: { username: string; title: string }[];
  guestsProcuratorate?: string[];
  guestsCourt?: string[];
  minutes: string;
  items: PlannedItem[];
  submit: { on: Day };
  returned?: { by: string; on: Day; reason: string; revision: string };
  confirm?: { by: string; on: Day };
}

export const SYMPOSIUM_TITLE = '城中区人民检察院 城中区人民法院 检法两院工作交流座谈会';

const SYMPOSIUM_MINUTES = `2022年9月21日下午，城中区人民检察院与城中区人民法院召开检法两院工作交流座谈会。为深入贯彻落实《中共中央关于加强新时代检察机关法律监督工作的意见》，加强检法两院良性互动，凝聚司法合力，共同推进平安城区、法治城区建设，城中区人民检察院党组成员、副检察长刘晓明，城中区人民法院党组成员、副院长沈浩，党组成员、执行局局长刘烈出席会议，两院检察委员会、审判委员会部分专职委员、部门负责人及相关干警参加会议。

与会人员围绕当前民事行政检察监督、案件管理、执行监督等工作进行了深入交流，研究讨论了检法两院工作衔接中存在的问题和不足，就检察长列席审判委员会、行政非诉执行、检察建议、民事再审案件新证据的认定与采纳等具体工作达成共识，并提出针对性解决办法。

对下一步工作，两院一致认为：
一是要树立整体思维，推进检法理念融合。以系统观念看待双方工作，以“努力让人民群众在每一个司法案件中感受到公平正义”为工作目标，构建相互制约、相互配合的新型检法关系。
二是要密切沟通交流，增强协作实效。进一步深化思想认识，持续保持沟通常态化，聚焦协作工作中的难点和堵点，畅通信息交流反馈渠道，推动问题有效解决。
三是要强化依法履职，深度融入社会治理。以检法执法为纽带，加强虚假诉讼监督，打击养老诈骗，化解社会矛盾，推动共建共治共享的社会治理格局，为平安城区、法治城区建设贡献司法力量。`;

export const DEMO_JOINT_MEETINGS: readonly PlannedMeeting[] = [
  {
    title: SYMPOSIUM_TITLE,
    kind: 'symposium',
    host: 'procuratorate',
    recordedBy: 'zheng.lan',
    heldOn: '2022-09-21',
    place: '城中区人民检察院三楼会议室',
    topics: ['民事行政检察监督', '案件管理', '执行监督', '检法两院工作衔接中的问题和不足'],
    users: [
      { username: 'sun.lixin', title: '民事行政检察部负责人' },
      { username: 'zhou.hao', title: '执行监督检察部检察官' },
      { username: 'zheng.lan', title: '案件管理部检察官助理（记录）' },
      { username: 'chen.zhiqiang', title: '民事审判庭庭长' },
      { username: 'xu.jing', title: '审判委员会办公室书记员' },
      { username: 'jiang.tao', title: '执行局执行员' },
    ],
    guestsProcuratorate: ['刘晓明，党组成员、副检察长'],
    guestsCourt: ['沈浩，党组成员、副院长', '刘烈，党组成员、执行局局长'],
    minutes: SYMPOSIUM_MINUTES,
    submit: { on: '2022-09-23' },
    confirm: { by: 'he.min', on: '2022-09-26' },
    items: [
      {
        area: 'committee_attendance',
        title: '检察长列席审判委员会：法院提前送达会议议题和材料，检察院确定列席人员',
        detail: '法院在审判委员会讨论民事、行政案件前，提前三个工作日将会议议题和相关材料送达检察院；检察院及时确定列席人员并反馈。',
        owner: 'xu.jing',
        due: '2022-11-30',
        start: { by: 'xu.jing', on: '2022-10-10' },
        complete: { by: 'xu.jing', on: '2022-11-25', outcome: '已制定审判委员会会议通知检察院列席的工作流程，自2022年11月起每次讨论民事、行政案件均提前三个工作日通知检察院。' },
      },
      {
        area: 'non_litigation_enforcement',
        title: '行政非诉执行案件受理、审查和执行情况定期通报',
        detail: '法院每季度向检察院通报行政非诉执行案件的受理、裁定和执行情况；检察院对裁定准予执行后长期未执行的案件开展监督。',
        owner: 'jiang.tao',
        due: '2022-12-31',
        complete: { by: 'jiang.tao', on: '2022-12-28', outcome: '已建立季度通报制度，2022年第四季度通报已送达检察院执行监督检察部。' },
      },
      {
        area: 'recommendations',
        title: '检察建议制发前沟通、回复后跟踪的衔接机制',
        detail: '检察院制发检察建议前与法院相关部门沟通核实事实；法院在法定期限内书面回复，检察院跟踪落实情况。',
        owner: 'sun.lixin',
        due: '2022-12-31',
        complete: { by: 'sun.lixin', on: '2022-12-20', outcome: '两院会签《关于检察建议办理工作衔接的意见》，明确制发前沟通、回复期限和落实跟踪。' },
      },
      {
        area: 'retrial_evidence',
        title: '民事再审案件新证据认定与采纳标准座谈',
        detail: '两院民事条线就再审申请中“新证据”的认定与采纳标准开展专题座谈，统一执法尺度。',
        owner: 'chen.zhiqiang',
        due: '2023-03-31',
        start: { by: 'chen.zhiqiang', on: '2022-11-15' },
        complete: { by: 'chen.zhiqiang', on: '2023-03-28', outcome: '2023年3月召开民事再审新证据专题座谈会，形成会议纪要，统一了新证据认定的五项标准。' },
      },
      {
        area: 'other',
        title: '保持沟通常态化，畅通信息交流反馈渠道',
        detail: '建立两院联络员制度，每半年召开一次联席会议，重大事项随时沟通。',
        owner: 'sun.lixin',
        due: '2023-06-30',
        complete: { by: 'sun.lixin', on: '2023-06-15', outcome: '两院各确定联络员一名，建立联席会议制度，2023年上半年联席会议已召开。' },
      },
      {
        area: 'false_litigation',
        title: '加强虚假诉讼监督，法院审理中发现的线索及时移送检察院',
        owner: 'chen.zhiqiang',
        due: '2023-06-30',
        complete: { by: 'chen.zhiqiang', on: '2023-06-20', outcome: '已明确民事审判庭发现虚假诉讼线索后五个工作日内移送检察院，2023年上半年移送线索3条。' },
      },
      {
        area: 'pension_fraud',
        title: '打击养老诈骗专项行动中的线索互移和案件会商',
        owner: 'zhou.hao',
        due: '2023-03-31',
        drop: { by: 'sun.lixin', on: '2023-04-10', reason: '养老诈骗专项行动由市级统一部署，线索互移并入市级专项行动工作机制，本项不再单独跟进。' },
      },
    ],
  },
  {
    title: '2026年度检法联席会议',
    kind: 'regular',
    host: 'court',
    recordedBy: 'xu.jing',
    heldOn: 40,
    place: '城中区人民法院第一会议室',
    topics: ['检察建议回复期限与质量', '行政非诉执行案件审查', '养老诈骗线索移送情况', '联席会议纪要落实情况'],
    users: [
      { username: 'he.min', title: '副院长' },
      { username: 'chen.zhiqiang', title: '民事审判庭庭长' },
      { username: 'jiang.tao', title: '执行局执行员' },
      { username: 'xu.jing', title: '审判委员会办公室书记员（记录）' },
      { username: 'qian.hui', title: '副检察长' },
      { username: 'sun.lixin', title: '民事行政检察部负责人' },
      { username: 'zhou.hao', title: '执行监督检察部检察官' },
    ],
    minutes:
      '会议通报了上一次联席会议纪要落实情况，就检察建议回复期限与质量、行政非诉执行案件审查标准、养老诈骗线索移送等问题进行了讨论，形成如下共识：一、法院对检察建议的回复在法定期限内完成，回复前与检察院承办人沟通；二、法院对行政非诉执行案件裁定准予执行后，执行情况按月通报；三、检察院对养老诈骗线索建立台账，双方每季度对账一次。',
    submit: { on: 38 },
    confirm: { by: 'qian.hui', on: 36 },
    items: [
      {
        area: 'non_litigation_enforcement',
        title: '行政非诉执行案件裁定准予执行后的执行情况按月通报',
        owner: 'jiang.tao',
        due: 5,
        start: { by: 'jiang.tao', on: 30, comment: '已梳理本年度裁定准予执行案件清单。' },
        urge: [{ by: 'zhou.hao', on: 3, comment: '首次月度通报已逾期，请尽快送达。' }],
      },
      {
        area: 'recommendations',
        title: '检察建议回复前与检察院承办人沟通并书面记录',
        owner: 'chen.zhiqiang',
        due: -25,
      },
      {
        area: 'pension_fraud',
        title: '养老诈骗线索台账建立及季度对账',
        owner: 'sun.lixin',
        due: -50,
        start: { by: 'sun.lixin', on: 20, comment: '台账模板已拟定。' },
      },
    ],
  },
  {
    title: '民事再审案件新证据审查工作层面会商',
    kind: 'consultation',
    host: 'procuratorate',
    recordedBy: 'wu.yating',
    heldOn: 12,
    place: '城中区人民检察院第二会议室',
    topics: ['民事再审检察建议中新证据的审查', '新证据材料的移送方式'],
    users: [
      { username: 'wu.yating', title: '民事行政检察部检察官' },
      { username: 'li.wen', title: '民事行政检察部检察官' },
      { username: 'lin.xue', title: '民事审判庭审判员' },
    ],
    guestsCourt: ['赵立, 审判监督庭法官助理'],
    minutes: '双方就民事再审检察建议所附新证据的审查要点、材料移送方式进行了会商，同意检察院在提出再审检察建议时一并移送新证据目录及原件核对记录，法院收到后十个工作日内反馈初步审查意见。',
    submit: { on: 10 },
    returned: {
      by: 'chen.zhiqiang',
      on: 8,
      reason: '纪要中“十个工作日内反馈初步审查意见”与会议讨论不一致，会上商定为十五个工作日，请修改后再提交。',
      revision: '双方就民事再审检察建议所附新证据的审查要点、材料移送方式进行了会商，同意检察院在提出再审检察建议时一并移送新证据目录及原件核对记录，法院收到后十五个工作日内反馈初步审查意见。',
    },
    items: [
      {
        area: 'retrial_evidence',
        title: '再审检察建议随附新证据目录及原件核对记录',
        owner: 'wu.yating',
        due: -20,
      },
      {
        area: 'retrial_evidence',
        title: '法院收到新证据后反馈初步审查意见',
        owner: 'lin.xue',
        due: -30,
        late: true,
      },
    ],
  },
];

export interface SeedJointMeetingsResult {
  added: number;
  existing: number;
}

export async function seedJointMeetings(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedJointMeetingsResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const present = new Set(
    (await prisma.jointMeeting.findMany({ where: { procuratorateId: proc.id, courtId: court.id, title: { in: DEMO_JOINT_MEETINGS.map((m) => m.title) } }, select: { title: true } })).map((m) => m.title),
  );
  const todo = DEMO_JOINT_MEETINGS.filter((m) => !present.has(m.title));
  const who = demoActors(prisma);
  const day = (x: Day) => (typeof x === 'string' ? x : addDays(today, -x));
  let n = 0;
  const ctx = (x: Day, time: string): WorkflowContext => {
    const on = day(x);
    return { today: on, requestId: `seed-joint-${++n}`, now: new Date(`${on}T${time}:00+08:00`) };
  };
  const meetingVersion = async (id: string) => (await prisma.jointMeeting.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const itemVersion = async (id: string) => (await prisma.consensusItem.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  for (const m of todo) {
    const recorder = await who(m.recordedBy);
    const form: Record<string, string> = {
      counterpartId: m.host === 'procuratorate' ? court.id : proc.id,
      kind: m.kind,
      title: m.title,
      heldOn: day(m.heldOn),
      place: m.place,
      topics: m.topics.join('\n'),
      guestsProcuratorate: (m.guestsProcuratorate ?? []).join('\n'),
      guestsCourt: (m.guestsCourt ?? []).join('\n'),
    };
    for (const u of m.users) {
      const a = await who(u.username);
      form[`${ATTENDEE_PREFIX}${a.id}`] = 'on';
      form[`${ATTENDEE_TITLE_PREFIX}${a.id}`] = u.title;
    }
    const { id } = await J.recordJointMeeting(prisma, recorder, form, ctx(m.heldOn, '17:30'));
    const items: { plan: PlannedItem; id: string }[] = [];
    const add = async (plan: PlannedItem, on: Day) => {
      const owner = await who(plan.owner);
      const r = await J.addConsensusItem(
        prisma,
        recorder,
        { id, version: await meetingVersion(id), area: plan.area, title: plan.title, detail: plan.detail ?? '', ownerId: owner.id, dueDate: day(plan.due) },
        ctx(on, '10:00'),
      );
      items.push({ plan, id: r.newId });
    };
    const draftDay = day(m.heldOn);
    for (const it of m.items.filter((i) => !i.late)) await add(it, draftDay);
    await J.saveMinutes(prisma, recorder, { id, version: await meetingVersion(id), minutes: m.minutes }, ctx(draftDay, '11:00'));
    await J.submitMinutes(prisma, recorder, { id, version: await meetingVersion(id), minutes: m.minutes }, ctx(m.submit.on, '09:30'));
    if (m.returned) {
      await J.returnMinutes(prisma, await who(m.returned.by), { id, version: await meetingVersion(id), reason: m.returned.reason }, ctx(m.returned.on, '15:00'));
      await J.saveMinutes(prisma, recorder, { id, version: await meetingVersion(id), minutes: m.returned.revision }, ctx(m.returned.on, '16:30'));
      for (const it of m.items.filter((i) => i.late)) await add(it, m.returned.on);
    }
    if (m.confirm) await J.confirmMinutes(prisma, await who(m.confirm.by), { id, version: await meetingVersion(id) }, ctx(m.confirm.on, '10:30'));
    for (const { plan, id: itemId } of items) {
      if (plan.start) await J.startItem(prisma, await who(plan.start.by), { id: itemId, version: await itemVersion(itemId), comment: plan.start.comment ?? '' }, ctx(plan.start.on, '09:00'));
      for (const u of plan.urge ?? []) await J.urgeItem(prisma, await who(u.by), { id: itemId, version: await itemVersion(itemId), comment: u.comment ?? '' }, ctx(u.on, '14:00'));
      if (plan.complete) await J.completeItem(prisma, await who(plan.complete.by), { id: itemId, version: await itemVersion(itemId), outcome: plan.complete.outcome }, ctx(plan.complete.on, '16:00'));
      if (plan.drop) await J.dropItem(prisma, await who(plan.drop.by), { id: itemId, version: await itemVersion(itemId), reason: plan.drop.reason }, ctx(plan.drop.on, '16:00'));
    }
  }
  const result = { added: todo.length, existing: DEMO_JOINT_MEETINGS.length - todo.length };
  say(`[seed] joint meetings: ${result.added} added, ${result.existing} already there`);
  return result;
}
