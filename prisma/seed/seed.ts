/**
 * The demo seed: idempotent, one progress line per step. Loads the official holiday calendar
 * through the same CSV import the administrator uses, then the demo supervision cases and
 * recommendations (dated relative to `today`, see ./recommendations.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/lib/data/db';
import { importHolidayCsv } from '@/lib/data/calendar-import';
import { hashPassword } from '@/lib/data/passwords';
import { todayInChina } from '@/lib/domain/dates';
import { SYSTEM_ACTOR } from '@/lib/domain/roles';
import { ensureDepartment, ensureInstitution, ensureUser } from './builders';
import { COURT, COURT_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, PROCURATORATE, PROCURATORATE_DEPARTMENTS } from './demo-data';
import { seedCases } from './cases';
import { seedCommittee } from './committee';
import { seedFileRequests } from './file-requests';
import { seedInquiries } from './inquiries';
import { seedJointMeetings } from './joint-meetings';
import { seedLeads } from './leads';
import { seedNonLitigation } from './non-litigation';
import { seedRecommendations } from './recommendations';
import { seedRetrial } from './retrial';
import { seedThreads } from './threads';

export const HOLIDAYS_CSV = path.join(process.cwd(), 'prisma', 'seed', 'holidays-cn.csv');

export interface SeedOptions {
  /** Today in China (YYYY-MM-DD) that the demo history is dated from; default: the real today. */
  today?: string;
}

export async function seed(prisma: Db, say: (line: string) => void = () => {}, opts: SeedOptions = {}): Promise<void> {
  const started = Date.now();
  const today = opts.today ?? todayInChina();
  const STEPS = 14;
  const step = (n: number, text: string) => say(`[seed ${n}/${STEPS}] ${text}`);

  step(1, 'institutions…');
  const proc = await ensureInstitution(prisma, PROCURATORATE);
  const court = await ensureInstitution(prisma, COURT);

  step(2, 'departments…');
  const depts = new Map<string, string>();
  for (const d of PROCURATORATE_DEPARTMENTS) depts.set(`procuratorate:${d.key}`, (await ensureDepartment(prisma, proc.id, d.key, d.name, d.nameEn)).id);
  for (const d of COURT_DEPARTMENTS) depts.set(`court:${d.key}`, (await ensureDepartment(prisma, court.id, d.key, d.name, d.nameEn)).id);

  step(3, `users (${DEMO_USERS.length})…`);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await ensureUser(
      prisma,
      {
        username: u.username,
        name: u.name,
        role: u.role,
        title: u.title,
        institutionId: u.side === 'procuratorate' ? proc.id : court.id,
        departmentId: u.department ? (depts.get(`${u.side}:${u.department}`) ?? null) : null,
        password: DEMO_PASSWORD,
        active: u.active ?? true,
      },
      hash,
    );
  }

  step(4, 'official holiday calendar (CSV import)…');
  const result = await importHolidayCsv(prisma, SYSTEM_ACTOR, await readFile(HOLIDAYS_CSV, 'utf8'));
  if (!result.ok) throw new Error(`holiday CSV rejected: ${JSON.stringify(result.errors.slice(0, 5))}`);
  say(
    `[seed] calendar ${result.years.join(', ')}: ${result.added} added, ${result.changed} changed, ${result.removed} removed, ${result.unchanged} unchanged`,
  );

  step(5, `supervision cases and recommendations (as of ${today})…`);
  await seedRecommendations(prisma, { today }, say);
  step(6, 'supervision cases: courts, stages, tags…');
  await seedCases(prisma, { today }, say);
  step(7, 'retrial matters and new evidence…');
  await seedRetrial(prisma, { today }, say);
  step(8, 'non-litigation enforcement applications…');
  await seedNonLitigation(prisma, { today }, say);
  step(9, 'enforcement inquiries…');
  await seedInquiries(prisma, { today }, say);
  step(10, 'leads transferred between the institutions…');
  await seedLeads(prisma, { today }, say);
  step(11, 'adjudication committee meetings and requests to attend…');
  await seedCommittee(prisma, { today }, say);
  step(12, 'threads on records (messages, internal notes, read receipts)…');
  await seedThreads(prisma, { today }, say);
  step(13, 'joint meetings and their consensus items…');
  await seedJointMeetings(prisma, { today }, say);
  step(14, 'file requests and the court’s answers…');
  await seedFileRequests(prisma, { today }, say);
  say(`[seed] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
