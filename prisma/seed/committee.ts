/**
 * Demo data for the procurator-general attending the court's adjudication committee (DOMAIN.md
 * §2): seven meetings of the 城中区人民法院 committee — two held and confirmed, one recorded and
 * waiting for the procuratorate's confirmation, one coming up with the procurator-general named and
 * the materials sent, one tomorrow still without a named attendee (flagged), one the court has
 * scheduled but not yet notified, one cancelled — and three
 * requests to attend (accepted, declined, pending).
 *
 * Every step runs through the app's own commands (`scheduleMeeting`, the `MEETING_STEPS`,
 * `requestAttendance`, `answerRequest` of lib/data/committee.ts, via ./builders.ts) with the demo
 * people as actors and the clock set to the moment of the step, all meetings' and requests' steps
 * in one time order (a request is accepted for a meeting while that meeting is still open). So
 * each record gets exactly the fields, attachments, timeline events and audit rows the app writes,
 * and a step the rules would refuse throws.
 *
 * Idempotent: a meeting is keyed by its first agenda item (court case number and title) at this
 * court, a request by its court case number, reason and requesting procuratorate; existing ones are
 * skipped (a request whose meeting was already there is answered without linking it: that meeting
 * has moved on). Deterministic: dates are computed backwards from `today` (meeting days moved to
 * working days with the official calendar from the database).
 */
import { loadCalendarEntries } from '@/lib/data/calendar';
import type { Db } from '@/lib/data/db';
import { calendarFromEntries } from '@/lib/domain/calendar';
import { addDays } from '@/lib/domain/dates';
import type { CommitteeStatus, CommitteeTrigger, RequestStep } from '@/lib/domain/committee/machine';
import { workingDayOnOrAfter } from '@/lib/domain/deadlines';
import { answerAttendance, attendanceRequest, chinaTime as china, demoActors, meetingStep, scheduledMeeting, stepClock, type Handle } from './builders';
import { COURT, PROCURATORATE } from './demo-data';

const ROOM = '城中区人民法院审判委员会会议室（审判综合楼四楼）';

interface ItemSpec {
  courtCaseNumber: string;
  title: string;
  trigger: CommitteeTrigger;
  opinion?: string;
  decision?: string;
}

interface MeetingSpec {
  key: string;
  /** Days from today to the meeting (negative: past), moved to a working day unless `exactDay`. */
  days: number;
  exactDay?: boolean;
  time: string;
  location: string;
  items: ItemSpec[];
  end: CommitteeStatus;
  attendee?: string;
  confirmer?: string;
  outcome?: { total: number; present: number; chair: string; minutes: string };
  materials?: { fileName: string; text: string }[];
  cancelReason?: string;
  /** The meeting was notified before it was cancelled. */
  notifiedBeforeCancel?: boolean;
}

export const DEMO_MEETINGS: readonly MeetingSpec[] = [
  {
    key: 'confirmed-1',
    days: -75,
    time: '09:30',
    location: ROOM,
    end: 'confirmed',
    attendee: 'zhao.mingyuan',
    confirmer: 'zhao.mingyuan',
    items: [
      {
        courtCaseNumber: '(2026)青0103刑初88号',
        title: '被告人韩某某职务侵占案（公诉，可能宣告无罪）',
        trigger: 'acquittal_possible',
        opinion:
          '检察长赵明远列席发表意见：被告人韩某某利用担任西宁某物业公司出纳的职务便利，将收取的物业费27.4万元转入个人账户，有银行流水、记账凭证及证人证言相互印证；辩护人提出的“款项系公司借款”缺乏书证支持。公诉机关认为本案事实清楚，证据确实、充分，建议依法作出有罪判决。',
        decision:
          '经讨论，审判委员会多数委员认为，现有证据能够证明被告人非法占有的故意，决定：认定被告人韩某某犯职务侵占罪，由合议庭依法量刑后宣判。',
      },
      {
        courtCaseNumber: '(2024)青0103民初2890号',
        title: '陈某某与西宁康泰养老服务有限公司服务合同纠纷（再审检察建议）',
        trigger: 'other_procuratorial',
        opinion:
          '检察长赵明远列席发表意见：涉案《康养旅居会员协议》系以养老服务为名向老年人吸收资金的工具，公司实际控制人已被立案侦查，原判决认定“双方系服务合同关系”的基本事实缺乏证据证明。建议本院依照审判监督程序对本案再审。',
        decision: '经讨论，审判委员会决定：本案依照审判监督程序再审，由院长提交再审立案，另行组成合议庭审理。',
      },
    ],
    outcome: {
      total: 13,
      present: 10,
      chair: '王建国',
      minutes:
        '审判委员会第十一次会议。应到委员13人，实到10人，符合法定人数。会议由院长王建国主持。城中区人民检察院检察长赵明远列席会议。\n一、韩某某职务侵占案：承办法官汇报案情及合议庭意见后，列席检察长发表意见，委员逐一发表意见并表决，多数委员同意认定构成职务侵占罪。\n二、陈某某服务合同纠纷案：承办法官汇报再审审查意见后，列席检察长发表意见，委员表决一致同意再审。\n列席人员对案件无表决权，其意见已记入本纪要。',
    },
  },
  {
    key: 'confirmed-2',
    days: -32,
    time: '14:30',
    location: ROOM,
    end: 'confirmed',
    attendee: 'qian.hui',
    confirmer: 'qian.hui',
    items: [
      {
        courtCaseNumber: '(2025)青0103民初4410号',
        title: '周某某与韩某某房屋租赁合同纠纷（检察机关申请列席）',
        trigger: 'requested',
        opinion:
          '副检察长钱慧受检察长委托列席发表意见：申请人提交的房屋交接录像系原审庭审结束后才取得，属于庭审结束后新发现的证据，足以推翻原判认定的“已交付使用”事实。建议合议庭在审查新证据基础上依法处理。',
        decision: '经讨论，审判委员会决定：对申请人提交的新证据组织质证，合议庭根据质证结果另行提出处理意见后再行报请讨论。',
      },
    ],
    outcome: {
      total: 13,
      present: 9,
      chair: '王建国',
      minutes:
        '审判委员会第十四次会议。应到委员13人，实到9人，符合法定人数。会议由院长王建国主持。城中区人民检察院副检察长钱慧受检察长委托列席会议。承办法官林雪汇报案情后，列席副检察长发表意见，委员讨论并表决。列席人员不参加表决。',
    },
  },
  {
    key: 'recorded',
    days: -6,
    time: '09:30',
    location: ROOM,
    end: 'recorded',
    attendee: 'zhao.mingyuan',
    items: [
      {
        courtCaseNumber: '(2025)青0103行初112号',
        title: '西宁嘉禾商贸有限公司诉城中区市场监督管理局行政处罚案',
        trigger: 'other_procuratorial',
        opinion:
          '检察长赵明远列席发表意见：被诉处罚决定作出前未告知当事人陈述、申辩权利，程序违法；建议在判决中对行政机关程序违法问题予以确认，并一并提出司法建议。',
        decision: '经讨论，审判委员会决定：确认被诉行政处罚决定违法，由合议庭依法判决，并向被告发送司法建议。',
      },
    ],
    outcome: {
      total: 13,
      present: 8,
      chair: '王建国',
      minutes:
        '审判委员会第十七次会议。应到委员13人，实到8人，符合法定人数。会议由院长王建国主持。城中区人民检察院检察长赵明远列席会议并在承办法官汇报后发表意见；列席人员不参加表决。委员表决同意确认处罚决定违法。',
    },
  },
  {
    key: 'upcoming',
    days: 4,
    time: '09:30',
    location: ROOM,
    end: 'attendee_named',
    attendee: 'zhao.mingyuan',
    items: [
      {
        courtCaseNumber: '(2026)青0103刑初215号',
        title: '被告人马某某诈骗案（以“养老项目投资”名义诈骗老年人，可能宣告无罪）',
        trigger: 'acquittal_possible',
      },
      {
        courtCaseNumber: '(2025)青0103行审28号',
        title: '城中区自然资源局申请强制执行限期拆除违法建设决定审查案',
        trigger: 'other_procuratorial',
      },
    ],
    materials: [
      {
        fileName: '马某某诈骗案审理报告（摘要）.txt',
        text: '马某某诈骗案审理报告（摘要）\n\n一、公诉机关指控：被告人马某某于2024年至2025年间，以投资“康养社区”项目、承诺年息12%为名，骗取老年人钱款共计46万元。\n二、辩护意见：被告人系项目公司业务员，不知公司无实际项目，不具有非法占有目的。\n三、合议庭意见：对被告人是否明知公司无履约能力存在分歧，多数意见认为现有证据不足以认定其具有非法占有目的。\n\n【密件】仅供审判委员会委员及列席检察长阅。\n',
      },
      {
        fileName: '行政非诉执行审查案合议庭意见.txt',
        text: '城中区自然资源局申请强制执行限期拆除违法建设决定审查案\n\n合议庭意见：被执行人韩某某所建房屋位于其宅基地范围内，行政机关作出拆除决定前未进行听证，拟裁定不准予执行。\n\n【密件】仅供审判委员会委员及列席检察长阅。\n',
      },
    ],
  },
  {
    // Notified, but tomorrow and nobody named yet: the list flags it.
    key: 'unnamed',
    days: 1,
    exactDay: true,
    time: '09:30',
    location: ROOM,
    end: 'notified',
    items: [
      {
        courtCaseNumber: '(2025)青0103民初5521号',
        title: '李某某与张某某民间借贷纠纷（再审审查，检察机关曾就公告送达提出检察建议）',
        trigger: 'other_procuratorial',
      },
    ],
  },
  {
    key: 'scheduled',
    days: 11,
    time: '14:30',
    location: ROOM,
    end: 'scheduled',
    items: [
      {
        courtCaseNumber: '(2026)青0103民初877号',
        title: '孙某某与西宁鑫达物流有限公司劳动争议案（拟邀请检察机关列席）',
        trigger: 'invited',
      },
    ],
  },
  {
    key: 'cancelled',
    days: -18,
    time: '09:30',
    location: '城中区人民法院第三会议室',
    end: 'cancelled',
    notifiedBeforeCancel: true,
    items: [
      {
        courtCaseNumber: '(2025)青0103民初2117号',
        title: '孙某某与李某某买卖合同纠纷（检察机关提出抗诉后指令再审）',
        trigger: 'protested',
      },
    ],
    cancelReason: '双方当事人在再审审理中达成和解，申请人撤回再审请求，本案无需提交审判委员会讨论，本次会议取消。',
  },
];

interface RequestSpec {
  requester: string;
  courtCaseNumber: string;
  reason: string;
  daysAgo: number;
  answer?: { by: string; step: RequestStep; text: string | null; meetingKey?: string; daysAfter: number };
}

export const DEMO_REQUESTS: readonly RequestSpec[] = [
  {
    requester: 'wu.yating',
    courtCaseNumber: '(2025)青0103民初4410号',
    reason: '本院已就该案向贵院发出再审检察建议，申请人提交了庭审后新发现的证据。该案提交审判委员会讨论时，本院申请检察长或受委托的副检察长列席会议并发表意见。',
    daysAgo: 50,
    answer: { by: 'wang.jianguo', step: 'accept', text: '同意列席。该案拟提交本院审判委员会第十四次会议讨论，会议通知及材料另行送达。', meetingKey: 'confirmed-2', daysAfter: 3 },
  },
  {
    requester: 'wu.yating',
    courtCaseNumber: '(2025)青0103行初45号',
    reason: '该工伤认定行政案件本院正在进行诉讼监督，申请人反映原审未调取关键考勤记录。如该案提交审判委员会讨论，本院申请列席。',
    daysAgo: 26,
    answer: {
      by: 'he.min',
      step: 'decline',
      text: '经审查，该案合议庭意见一致，依照本院审判委员会工作规则不提交审判委员会讨论，故不安排列席。检察机关对该案的意见可书面提出，本院将转合议庭认真研究。',
      daysAfter: 4,
    },
  },
  {
    requester: 'li.wen',
    courtCaseNumber: '(2026)青0103执562号',
    reason: '杨某某等23名农民工劳务报酬执行案中，案外人提出执行异议，贵院拟将执行异议的处理提交审判委员会讨论。该案涉及群体性欠薪问题，本院正在进行执行监督，申请检察长列席会议。',
    daysAgo: 2,
  },
];

// ---------------------------------------------------------------------------------------------

export interface SeedCommitteeResult {
  meetingsAdded: number;
  requestsAdded: number;
}

/** One step of the demo history, at its time. */
interface Timed {
  at: Date;
  run: (ctx: ReturnType<ReturnType<typeof stepClock>>) => Promise<unknown>;
}

export async function seedCommittee(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}): Promise<SeedCommitteeResult> {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const court = await prisma.institution.findUniqueOrThrow({ where: { code: COURT.code } });
  const who = demoActors(prisma);
  const clerk = await who('xu.jing');
  const calendar = calendarFromEntries(await loadCalendarEntries(prisma));
  const cases = await prisma.supervisionCase.findMany({ where: { institutionId: proc.id }, select: { id: true, courtCaseNumber: true, courtCaseNumbers: true } });
  const caseFor = (n: string) => cases.find((c) => c.courtCaseNumber === n || c.courtCaseNumbers.includes(n))?.id ?? '';

  const timeline: Timed[] = [];
  const meetings = new Map<string, Handle>();
  /** When each meeting was (or would have been) scheduled. */
  const scheduledAtOf = new Map<string, Date>();
  const existingMeetings = new Set<string>();

  let meetingsAdded = 0;
  for (const spec of DEMO_MEETINGS) {
    const first = spec.items[0]!;
    const existing = await prisma.committeeAgendaItem.findFirst({
      where: { courtCaseNumber: first.courtCaseNumber, title: first.title, position: 1, meeting: { courtId: court.id } },
      select: { meetingId: true },
    });
    const date = spec.exactDay ? addDays(today, spec.days) : workingDayOnOrAfter(addDays(today, spec.days), calendar);
    // The clerk scheduled past meetings ten days ahead (coming ones a few days ago), notified that
    // afternoon; the procuratorate named its attendee the next morning.
    const scheduledOn = spec.days > 0 ? addDays(today, spec.days > 7 ? -1 : -3) : addDays(date, -10);
    scheduledAtOf.set(spec.key, china(scheduledOn, '10:00'));
    if (existing) {
      existingMeetings.add(spec.key);
      continue;
    }
    meetingsAdded++;
    timeline.push(...planMeeting(spec, date, scheduledOn));
  }

  let requestsAdded = 0;
  for (const spec of DEMO_REQUESTS) {
    const exists = await prisma.attendanceRequest.findFirst({ where: { procuratorateId: proc.id, courtId: court.id, courtCaseNumber: spec.courtCaseNumber, reason: spec.reason }, select: { id: true } });
    if (exists) continue;
    requestsAdded++;
    timeline.push(...planRequest(spec));
  }

  // Everything in one time order (a stable sort keeps a record's same-time steps in order).
  const clock = stepClock('seed-committee');
  for (const s of [...timeline].sort((a, b) => a.at.getTime() - b.at.getTime())) await s.run(clock(s.at));
  for (const spec of DEMO_MEETINGS) {
    const h = meetings.get(spec.key);
    if (!h) continue;
    const { status } = await prisma.committeeMeeting.findUniqueOrThrow({ where: { id: h.id }, select: { status: true } });
    if (status !== spec.end) throw new Error(`seed committee ${spec.key}: ended in ${status}, expected ${spec.end}`);
  }
  say(`[seed] committee: ${meetingsAdded} meetings and ${requestsAdded} requests to attend added`);
  return { meetingsAdded, requestsAdded };

  // -------------------------------------------------------------------------------------------

  function planMeeting(spec: MeetingSpec, date: string, scheduledOn: string): Timed[] {
    const steps: Timed[] = [];
    const at = (day: string, time: string, run: Timed['run']) => steps.push({ at: china(day, time), run });
    const step = (username: string, name: Parameters<typeof meetingStep>[2], input: Record<string, unknown> = {}) => async (ctx: Parameters<Timed['run']>[0]) =>
      meetingStep(prisma, meetings.get(spec.key)!, name, await who(username), input, ctx);

    at(scheduledOn, '10:00', async (ctx) => {
      const input: Record<string, unknown> = {
        procuratorateId: proc.id,
        scheduledAt: `${date}T${spec.time}`,
        location: spec.location,
        items: spec.items.map((it) => ({ courtCaseNumber: it.courtCaseNumber, title: it.title, trigger: it.trigger })),
        files: (spec.materials ?? []).map((f) => new File([f.text], f.fileName, { type: 'text/plain' })),
      };
      meetings.set(spec.key, await scheduledMeeting(prisma, clerk, input, ctx));
    });
    if (spec.end !== 'scheduled' && (spec.end !== 'cancelled' || spec.notifiedBeforeCancel)) at(scheduledOn, '15:00', step('xu.jing', 'notify'));
    if (spec.attendee) {
      // The procurator-general names himself or entrusts a deputy.
      const attendee = spec.attendee;
      at(addDays(scheduledOn, 1), '09:40', async (ctx) => step('zhao.mingyuan', 'nameAttendee', { attendeeId: (await who(attendee)).id })(ctx));
    }
    if (spec.end === 'cancelled') at(addDays(date, -2), '16:20', step('xu.jing', 'cancel', { reason: spec.cancelReason }));
    if (spec.outcome) {
      const o = spec.outcome;
      at(date, spec.time < '12:00' ? '12:10' : '17:40', step('xu.jing', 'hold'));
      const perItem = Object.fromEntries(spec.items.flatMap((it, i) => [[`opinion.${i + 1}`, it.opinion], [`decision.${i + 1}`, it.decision]]));
      at(addDays(date, 1), '16:00', step('xu.jing', 'recordOutcome', { membersTotal: o.total, membersPresent: o.present, chairName: o.chair, minutes: o.minutes, ...perItem }));
      if (spec.confirmer) at(addDays(date, 3), '10:15', step(spec.confirmer, 'confirm'));
    }
    return steps;
  }

  function planRequest(spec: RequestSpec): Timed[] {
    const requestedOn = workingDayOnOrAfter(addDays(today, -spec.daysAgo), calendar);
    let h: Handle | undefined;
    const steps: Timed[] = [
      {
        at: china(requestedOn, '10:30'),
        run: async (ctx) => {
          const input = { courtId: court.id, courtCaseNumber: spec.courtCaseNumber, reason: spec.reason, caseId: caseFor(spec.courtCaseNumber) };
          h = await attendanceRequest(prisma, await who(spec.requester), input, ctx);
        },
      },
    ];
    const ans = spec.answer;
    if (!ans) return steps;
    // Accepting with a meeting: the president answers an hour after the clerk scheduled it.
    const linkedAt = ans.meetingKey ? scheduledAtOf.get(ans.meetingKey) : undefined;
    steps.push({
      at: linkedAt ? new Date(linkedAt.getTime() + 60 * 60 * 1000) : china(workingDayOnOrAfter(addDays(requestedOn, ans.daysAfter), calendar), '15:30'),
      run: async (ctx) => {
        const meeting = ans.meetingKey && !existingMeetings.has(ans.meetingKey) ? meetings.get(ans.meetingKey) : undefined;
        await answerAttendance(prisma, h!, await who(ans.by), { step: ans.step, answer: ans.text ?? '', meetingId: meeting?.id ?? '' }, ctx);
      },
    });
    return steps;
  }
}
