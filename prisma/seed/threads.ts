/**
 * Demo threads on seeded records, through the commands (sendMessage, addNote) and the reading
 * (getThread, which records the read receipts): a served recommendation with the court's message
 * and attachment, the procuratorate's reply, a correction and each side's internal note; a lead
 * and a retrial matter with a short exchange, one message still unread. Idempotent: a record
 * that already has a thread is left alone.
 */
import type { Db } from '@/lib/data/db';
import { addNote, getThread, sendMessage } from '@/lib/data/threads';
import { addDays } from '@/lib/domain/dates';
import { columnOf, THREAD_KINDS, type ThreadRecordType } from '@/lib/domain/threads/kinds';
import { demoActors } from './builders';
import { PROCURATORATE } from './demo-data';

type Step =
  | { by: string; say: string; note?: boolean; mention?: string[]; file?: { name: string; text: string }; corrects?: number; daysAgo: number; at: string }
  | { read: string; daysAgo: number; at: string };

interface DemoThread {
  recordType: ThreadRecordType;
  find: (prisma: Db, procuratorateId: string) => Promise<{ id: string } | null>;
  steps: Step[];
}

const THREADS: DemoThread[] = [
  {
    recordType: 'Recommendation',
    find: (prisma, procId) =>
      prisma.recommendation.findFirst({ where: { institutionId: procId, servedOn: { not: null }, replyOn: null }, orderBy: [{ servedOn: 'desc' }, { id: 'asc' }], select: { id: true } }),
    steps: [
      {
        by: 'lin.xue',
        say: '贵院检察建议已收悉。我庭已组织合议庭审查，拟于本月底前书面回复。附审查进度说明，请查阅。',
        file: { name: '审查进度说明.txt', text: '审查进度说明\n一、已调取原审卷宗；\n二、合议庭已于本周评议一次；\n三、拟于月底前形成书面回复意见。\n' },
        daysAgo: 6,
        at: '10:20',
      },
      { read: 'li.wen', daysAgo: 6, at: '14:05' },
      { by: 'li.wen', say: '收到，谢谢。请在书面回复中一并说明整改措施和落实时间。', mention: ['lin.xue'], daysAgo: 6, at: '14:12' },
      { by: 'li.wen', say: '更正：书面回复请同时抄送我院民事行政检察部。', corrects: 2, daysAgo: 6, at: '14:30' },
      { by: 'li.wen', say: '请吴雅婷跟进法院回复期限，到期前一周提醒我。', note: true, mention: ['wu.yating'], daysAgo: 6, at: '14:40' },
      { read: 'lin.xue', daysAgo: 5, at: '09:10' },
      { read: 'wu.yating', daysAgo: 5, at: '09:30' },
      {
        by: 'chen.zhiqiang',
        say: '合议庭初步意见为部分采纳，回复前须向院长汇报。',
        note: true,
        file: { name: '合议庭评议要点.txt', text: '评议要点（内部）\n一、建议所指问题基本属实；\n二、整改措施需与执行局协调。\n' },
        daysAgo: 4,
        at: '16:00',
      },
      { read: 'lin.xue', daysAgo: 4, at: '16:30' },
    ],
  },
  {
    recordType: 'CaseLead',
    find: (prisma, procId) => prisma.caseLead.findFirst({ where: { procuratorateId: procId, fromKind: 'PROCURATORATE' }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }], select: { id: true } }),
    steps: [
      { by: 'lin.xue', say: '线索已转相关审判庭，涉及的两件民事纠纷正在审查，如有进展将及时反馈。', daysAgo: 3, at: '11:00' },
      { read: 'li.wen', daysAgo: 3, at: '15:20' },
      { by: 'li.wen', say: '好的，如发现当事人之间存在恶意串通的情形，请及时告知我院。', daysAgo: 2, at: '09:45' },
    ],
  },
  {
    recordType: 'RetrialMatter',
    find: (prisma, procId) => prisma.retrialMatter.findFirst({ where: { procuratorateId: procId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } }),
    steps: [{ by: 'lin.xue', say: '请贵院补充提交新证据的形成时间说明，以便我院认定是否属于新的证据。', daysAgo: 1, at: '10:00' }],
  },
];

export async function seedThreads(prisma: Db, { today }: { today: string }, say: (line: string) => void = () => {}) {
  const proc = await prisma.institution.findUniqueOrThrow({ where: { code: PROCURATORATE.code } });
  const who = demoActors(prisma);
  let added = 0;
  let existing = 0;
  let n = 0;
  for (const th of THREADS) {
    const rec = await th.find(prisma, proc.id);
    if (!rec) continue;
    if ((await prisma.threadMessage.count({ where: { [columnOf(THREAD_KINDS[th.recordType])]: rec.id } })) > 0) {
      existing++;
      continue;
    }
    const sent: string[] = [];
    for (const s of th.steps) {
      const on = addDays(today, -s.daysAgo);
      const now = new Date(`${on}T${s.at}:00+08:00`);
      if ('read' in s) {
        await getThread(prisma, await who(s.read), th.recordType, rec.id, { now });
        continue;
      }
      const actor = await who(s.by);
      const mentions = await Promise.all((s.mention ?? []).map(async (u) => (await who(u)).id));
      const raw = {
        recordType: th.recordType,
        recordId: rec.id,
        body: s.say,
        mentions,
        correctsId: s.corrects ? sent[s.corrects - 1] : '',
        files: s.file ? [new File([s.file.text], s.file.name, { type: 'text/plain' })] : [],
      };
      const ctx = { now, requestId: `seed-thread-${++n}` };
      const r = s.note ? await addNote(prisma, actor, raw, ctx) : await sendMessage(prisma, actor, raw, ctx);
      sent.push(r.id);
    }
    added++;
  }
  say(`[seed] threads: ${added} added, ${existing} already there`);
  return { added, existing };
}

