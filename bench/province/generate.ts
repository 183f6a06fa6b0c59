/**
 * The province-scale data set for `npm run bench`: the demo district (seeded through the app's
 * own commands, so its users can sign in) plus `districts` more procuratorate–court pairs, and
 * records spread over all of them so that every visibility filter is selective: at scale 1
 * (100k) 100,000 supervision cases, 20,000 recommendations in every state with their events,
 * ~500,000 audit events, and the other workflows in proportion. Bulk rows are written by
 * `INSERT … SELECT generate_series(…)` statements (audit rows INSERT-only, as the app writes
 * them), so 100k takes well under two minutes.
 */
import pg from 'pg';

export interface Scale {
  name: string;
  cases: number;
  recommendations: number;
  audit: number;
  /** Extra districts beside the demo one; records are spread evenly over all of them. */
  districts: number;
}

export const SCALES: Record<'10k' | '100k', Scale> = {
  '10k': { name: '10k', cases: 10_000, recommendations: 2_000, audit: 50_000, districts: 9 },
  '100k': { name: '100k', cases: 100_000, recommendations: 20_000, audit: 500_000, districts: 9 },
};

/** Recommendation states in proportion (every state present), with the event path leading to each. */
const REC_STATES: { status: string; weight: number; path: string[] }[] = [
  { status: 'draft', weight: 6, path: ['create'] },
  { status: 'submitted', weight: 3, path: ['create', 'submit'] },
  { status: 'returned', weight: 1, path: ['create', 'submit', 'return'] },
  { status: 'approved', weight: 2, path: ['create', 'submit', 'approve'] },
  { status: 'issued', weight: 2, path: ['create', 'submit', 'approve', 'issue'] },
  { status: 'served', weight: 10, path: ['create', 'submit', 'approve', 'issue', 'serve'] },
  { status: 'acknowledged', weight: 10, path: ['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge'] },
  { status: 'objected', weight: 2, path: ['create', 'submit', 'approve', 'issue', 'serve', 'object'] },
  { status: 'reply_submitted', weight: 4, path: ['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge', 'submitReply'] },
  { status: 'replied', weight: 15, path: ['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge', 'submitReply', 'signReply'] },
  { status: 'evaluated', weight: 15, path: ['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge', 'submitReply', 'signReply', 'evaluate'] },
  { status: 'closed', weight: 15, path: ['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge', 'submitReply', 'signReply', 'evaluate', 'close'] },
  { status: 'archived', weight: 10, path: ['create', 'submit', 'approve', 'issue', 'serve', 'acknowledge', 'submitReply', 'signReply', 'evaluate', 'close', 'archive'] },
  { status: 'withdrawn', weight: 5, path: ['create', 'submit', 'approve', 'issue', 'serve', 'object', 'upholdObjection'] },
];
const STATUS_ORDER = REC_STATES.map((s) => s.status);
/** Steps seen only inside the institution that took them. */
const INTERNAL_STEPS: Record<string, 'p' | 'c'> = { create: 'p', submit: 'p', return: 'p', approve: 'p', issue: 'p', submitReply: 'c' };

export type Progress = (label: string, done: number, total: number) => void;

interface District {
  procuratorateId: string;
  courtId: string;
  procurators: string[];
  procLeaders: string[];
  courtStaff: string[];
  courtLeaders: string[];
}

/** Generates the bulk data into a database that already holds the migrated schema and the demo seed. */
export async function generate(url: string, scale: Scale, progress: Progress): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    const total = 8;
    let step = 0;
    const tick = (label: string) => progress(label, ++step, total);

    // The demo district: its institutions and users, as the seed made them.
    const demoProc = (await q(`SELECT id FROM "Institution" WHERE kind = 'PROCURATORATE' ORDER BY "createdAt" LIMIT 1`)).rows[0].id as string;
    const demoCourt = (await q(`SELECT id FROM "Institution" WHERE kind = 'COURT' ORDER BY "createdAt" LIMIT 1`)).rows[0].id as string;
    const hash = (await q(`SELECT "passwordHash" FROM "User" WHERE active LIMIT 1`)).rows[0].passwordHash as string;
    const usersOf = async (inst: string, role: string) =>
      (await q(`SELECT id FROM "User" WHERE "institutionId" = $1 AND role = $2::"Role" AND active ORDER BY username`, [inst, role])).rows.map((r) => r.id as string);
    const districts: District[] = [
      {
        procuratorateId: demoProc,
        courtId: demoCourt,
        procurators: await usersOf(demoProc, 'PROCURATOR'),
        procLeaders: await usersOf(demoProc, 'PROCURATORATE_LEADER'),
        courtStaff: await usersOf(demoCourt, 'COURT_STAFF'),
        courtLeaders: await usersOf(demoCourt, 'COURT_LEADER'),
      },
    ];

    tick('districts and users');
    await q('BEGIN');
    for (let d = 1; d <= scale.districts; d++) {
      const p = (await q(
        `INSERT INTO "Institution"(id, kind, name, "nameEn", "regionCode", code) VALUES (gen_random_uuid(), 'PROCURATORATE', $1, $2, $3, $4) RETURNING id`,
        [`基准${d}区人民检察院`, `Bench district ${d} procuratorate`, `6399${String(d).padStart(2, '0')}`, `基准${d}检`],
      )).rows[0].id as string;
      const c = (await q(
        `INSERT INTO "Institution"(id, kind, name, "nameEn", "regionCode", code) VALUES (gen_random_uuid(), 'COURT', $1, $2, $3, $4) RETURNING id`,
        [`基准${d}区人民法院`, `Bench district ${d} court`, `6399${String(d).padStart(2, '0')}`, `青99${String(d).padStart(2, '0')}`],
      )).rows[0].id as string;
      const mk = async (inst: string, role: string, n: number, prefix: string) =>
        (await q(
          `INSERT INTO "User"(id, username, name, "passwordHash", role, "institutionId", "updatedAt")
           SELECT gen_random_uuid(), $1 || g, $2 || g, $3, $4::"Role", $5, now() FROM generate_series(1, $6) g RETURNING id`,
          [`bench${d}.${prefix}`, `基准${d}${prefix}`, hash, role, inst, n],
        )).rows.map((r) => r.id as string);
      districts.push({
        procuratorateId: p,
        courtId: c,
        procurators: await mk(p, 'PROCURATOR', 6, 'p'),
        procLeaders: await mk(p, 'PROCURATORATE_LEADER', 2, 'pl'),
        courtStaff: await mk(c, 'COURT_STAFF', 6, 'c'),
        courtLeaders: await mk(c, 'COURT_LEADER', 2, 'cl'),
      });
    }
    await q('COMMIT');

    const per = (n: number) => Math.ceil(n / districts.length);
    const kinds = `(ARRAY['civil','administrative','enforcement','non_litigation','civil_retrial','public_interest'])`;

    tick(`supervision cases (${scale.cases.toLocaleString('en')})`);
    for (const [i, d] of districts.entries()) {
      await q(
        `INSERT INTO "SupervisionCase"(id, "institutionId", number, kind, title, parties, "courtCaseNumber", "courtId", stage, "acceptedOn", "stageDueDate", tags, "closedAt", "handlerId", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1, 'B' || $3 || '-' || g, (${kinds})[1 + g % 6]::"SupervisionCaseKind",
                '基准案件 ' || g, '甲方' || g || ' 诉 乙方' || g, '(' || (2022 + g % 5) || ')青99民初' || g || '号', $2,
                (ARRAY['accepted','reviewing','supervising','closed'])[1 + g % 4]::"CaseStage",
                date '2022-01-01' + (g % 1790), date '2022-01-01' + (g % 1790) + 90,
                CASE WHEN g % 17 = 0 THEN ARRAY['false_litigation'] WHEN g % 23 = 0 THEN ARRAY['pension_fraud:fake_identity'] ELSE ARRAY[]::text[] END,
                CASE WHEN g % 4 = 3 THEN timestamp '2022-01-01' + (g % 1790 + 120) * interval '1 day' END,
                ($4::uuid[])[1 + g % cardinality($4::uuid[])], timestamp '2022-01-01' + (g % 1790) * interval '1 day', now()
         FROM generate_series(1, $5) g`,
        [d.procuratorateId, d.courtId, i, d.procurators, per(scale.cases)],
      );
    }

    tick(`recommendations (${scale.recommendations.toLocaleString('en')}) in every state`);
    const weights = REC_STATES.map((s) => s.weight);
    const wsum = weights.reduce((a, b) => a + b, 0);
    // g → state: the cumulative weight table in SQL.
    const cum: number[] = [];
    weights.reduce((a, w) => (cum.push(a + w), a + w), 0);
    const stateOf = `(ARRAY[${STATUS_ORDER.map((s) => `'${s}'`).join(',')}])[(SELECT count(*) FROM unnest(ARRAY[${cum.join(',')}]) c WHERE c <= g % ${wsum}) + 1]`;
    for (const [i, d] of districts.entries()) {
      await q(
        `WITH src AS (
           SELECT g, ${stateOf} AS st, date '2022-03-01' + (g % 1700) AS day FROM generate_series(1, $7) g
         ), cases AS (
           SELECT id, row_number() OVER (ORDER BY number) AS rn FROM "SupervisionCase" WHERE "institutionId" = $1
         )
         INSERT INTO "Recommendation"(id, "institutionId", "caseId", number, type, status, title, "addresseeCourtId", facts, violation, "recommendationText", "legalBasis",
                 "drafterId", "approvedById", "approvedAt", "issuedAt", "issuedOn", "servedOn", "serviceMethod", "dueDate", "acknowledgedAt",
                 "replyAdoption", "replyMeasures", "replyOn", "replySignedById", "replySubmittedAt", rectified, evaluation, "evaluatedAt", "closedAt", "archivedAt", "withdrawnAt", "createdAt", "updatedAt", "issuerActivityAt")
         SELECT gen_random_uuid(), $1, c.id,
                CASE WHEN s.st NOT IN ('draft','submitted','returned','approved') THEN '基准' || $3 || '检民建〔' || (2022 + s.g % 5) || '〕' || s.g || '号' END,
                (ARRAY['retrial','correction','public_interest','social_governance','enforcement','other'])[1 + s.g % 6]::"RecommendationType",
                s.st::"RecommendationStatus", '基准检察建议 ' || s.g, $2, '事实' || s.g, '违法情形', '建议内容', '法律依据',
                ($4::uuid[])[1 + s.g % cardinality($4::uuid[])],
                CASE WHEN s.st NOT IN ('draft','submitted','returned') THEN ($5::uuid[])[1] END,
                CASE WHEN s.st NOT IN ('draft','submitted','returned') THEN s.day::timestamp END,
                CASE WHEN s.st NOT IN ('draft','submitted','returned','approved') THEN s.day::timestamp + interval '1 day' END,
                CASE WHEN s.st NOT IN ('draft','submitted','returned','approved') THEN s.day + 1 END,
                CASE WHEN s.st NOT IN ('draft','submitted','returned','approved','issued') THEN s.day + 3 END,
                CASE WHEN s.st NOT IN ('draft','submitted','returned','approved','issued') THEN 'written'::"ServiceMethod" END,
                CASE WHEN s.st NOT IN ('draft','submitted','returned','approved','issued') THEN s.day + 63 END,
                CASE WHEN s.st IN ('acknowledged','reply_submitted','replied','evaluated','closed','archived') THEN s.day::timestamp + interval '5 days' END,
                CASE WHEN s.st IN ('reply_submitted','replied','evaluated','closed','archived') THEN (ARRAY['adopted','partly_adopted','not_adopted'])[1 + s.g % 3]::"Adoption" END,
                CASE WHEN s.st IN ('reply_submitted','replied','evaluated','closed','archived') THEN '整改措施' END,
                CASE WHEN s.st IN ('replied','evaluated','closed','archived') THEN s.day + 40 + s.g % 40 END,
                CASE WHEN s.st IN ('replied','evaluated','closed','archived') THEN ($6::uuid[])[1] END,
                CASE WHEN s.st IN ('reply_submitted','replied','evaluated','closed','archived') THEN s.day::timestamp + interval '35 days' END,
                CASE WHEN s.st IN ('evaluated','closed','archived') THEN s.g % 5 <> 0 END,
                CASE WHEN s.st IN ('evaluated','closed','archived') THEN '评估意见' END,
                CASE WHEN s.st IN ('evaluated','closed','archived') THEN s.day::timestamp + interval '90 days' END,
                CASE WHEN s.st IN ('closed','archived') THEN s.day::timestamp + interval '100 days' END,
                CASE WHEN s.st = 'archived' THEN s.day::timestamp + interval '120 days' END,
                CASE WHEN s.st = 'withdrawn' THEN s.day::timestamp + interval '20 days' END,
                s.day::timestamp, now(), s.day::timestamp + (s.g % 120) * interval '1 day'
         FROM src s JOIN cases c ON c.rn = 1 + (s.g * 7) % (SELECT count(*) FROM cases)`,
        [d.procuratorateId, d.courtId, i, d.procurators, d.procLeaders, d.courtLeaders, per(scale.recommendations)],
      );
    }

    tick('recommendation timelines');
    // One event per step on the path to each recommendation's state.
    const pathRows = REC_STATES.flatMap((s) => s.path.map((k, n) => `('${s.status}','${k}',${n})`)).join(',');
    await q(
      `WITH path(st, kind, n) AS (VALUES ${pathRows})
       INSERT INTO "WorkflowEvent"("recordType", "recordId", "caseId", at, "actorId", "institutionId", visibility, kind, "fromStatus", "toStatus")
       SELECT 'Recommendation', r.id, r."caseId", r."createdAt" + p.n * interval '3 days',
              CASE WHEN p.kind IN (${Object.entries(INTERNAL_STEPS).filter(([, v]) => v === 'c').map(([k]) => `'${k}'`).join(',')}, 'acknowledge', 'object', 'signReply') THEN NULL ELSE r."drafterId" END,
              CASE WHEN p.kind IN ('submitReply','acknowledge','object','signReply') THEN r."addresseeCourtId" ELSE r."institutionId" END,
              (CASE WHEN p.kind IN (${Object.keys(INTERNAL_STEPS).map((k) => `'${k}'`).join(',')}) THEN 'internal' ELSE 'shared' END)::"EventVisibility",
              p.kind, NULL, NULL
       FROM "Recommendation" r JOIN path p ON p.st = r.status::text
       WHERE r.title LIKE '基准检察建议 %'`,
    );

    tick('case timelines');
    await q(
      `INSERT INTO "WorkflowEvent"("recordType", "recordId", "caseId", at, "actorId", "institutionId", visibility, kind)
       SELECT 'SupervisionCase', c.id, c.id, c."createdAt", c."handlerId", c."institutionId", 'internal', 'open'
       FROM "SupervisionCase" c WHERE c.number LIKE 'B%'`,
    );

    tick('leads, inquiries, retrial matters, non-litigation, committee');
    for (const d of districts) {
      const n = per(scale.cases);
      await q(
        `INSERT INTO "CaseLead"(id, kind, title, summary, "procuratorateId", "courtId", "fromKind", status, "sentById", "sentAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), (ARRAY['false_litigation','pension_fraud','other'])[1 + g % 3]::"LeadKind", '基准线索 ' || g, '线索摘要', $1, $2,
                (CASE WHEN g % 2 = 0 THEN 'PROCURATORATE' ELSE 'COURT' END)::"InstitutionKind",
                (ARRAY['sent','received','acted'])[1 + g % 3]::"LeadStatus",
                CASE WHEN g % 2 = 0 THEN ($3::uuid[])[1] ELSE ($4::uuid[])[1] END,
                timestamp '2022-01-01' + (g % 1790) * interval '1 day', timestamp '2022-01-01' + (g % 1790) * interval '1 day', now()
         FROM generate_series(1, $5) g`,
        [d.procuratorateId, d.courtId, d.procurators, d.courtStaff, Math.ceil(n / 20)],
      );
      await q(
        `INSERT INTO "EnforcementInquiry"(id, "procuratorateId", "courtId", "courtCaseNumber", question, "sentById", "sentOn", "dueDate", status, answer, "answeredById", "answeredOn", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1, $2, '(' || (2022 + g % 5) || ')青99执' || g || '号', '执行情况询问 ' || g, ($3::uuid[])[1 + g % cardinality($3::uuid[])],
                date '2022-01-01' + (g % 1790), date '2022-01-01' + (g % 1790) + 21,
                (ARRAY['sent','answered','closed'])[1 + g % 3]::"InquiryStatus",
                CASE WHEN g % 3 > 0 THEN '答复' END, CASE WHEN g % 3 > 0 THEN ($4::uuid[])[1] END, CASE WHEN g % 3 > 0 THEN date '2022-01-01' + (g % 1790) + 10 END,
                timestamp '2022-01-01' + (g % 1790) * interval '1 day', now()
         FROM generate_series(1, $5) g`,
        [d.procuratorateId, d.courtId, d.procurators, d.courtStaff, Math.ceil(n / 20)],
      );
      await q(
        `WITH m AS (
           INSERT INTO "RetrialMatter"(id, "procuratorateId", "courtId", kind, "courtCaseNumber", title, parties, "judgmentEffectiveOn", "filedOn", "reviewDue", status, decision, "createdById", "createdAt", "updatedAt")
           SELECT gen_random_uuid(), $1, $2, (ARRAY['party_application','procuratorate_recommendation','protest'])[1 + g % 3]::"RetrialMatterKind",
                  '(' || (2022 + g % 5) || ')青99民申' || g || '号', '基准再审 ' || g, '申请人' || g, date '2021-06-01' + (g % 1790), date '2022-01-01' + (g % 1790), date '2022-01-01' + (g % 1790) + 90,
                  (ARRAY['filed','under_review','decided'])[1 + g % 3]::"RetrialMatterStatus",
                  CASE WHEN g % 3 = 2 THEN (ARRAY['retrial_ordered','refused'])[1 + g % 2]::"RetrialDecision" END,
                  ($3::uuid[])[1], timestamp '2022-01-01' + (g % 1790) * interval '1 day', now()
           FROM generate_series(1, $4) g RETURNING id)
         INSERT INTO "EvidenceItem"(id, "matterId", position, description, ground)
         SELECT gen_random_uuid(), m.id, k, '新证据 ' || k, 'found_late_objective' FROM m, generate_series(1, 2) k`,
        [d.procuratorateId, d.courtId, d.procurators, Math.ceil(n / 50)],
      );
      await q(
        `INSERT INTO "NonLitigationApplication"(id, "procuratorateId", "courtId", agency, respondent, "decisionRef", subject, "decisionFinalOn", "demandServedOn", "appliedOn", status, "createdById", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1, $2, '基准区自然资源局', '被申请人' || g, '基自然罚〔' || (2022 + g % 5) || '〕' || g || '号', '行政处罚', date '2022-01-01' + (g % 1790), date '2022-01-01' + (g % 1790) + 10, date '2022-01-01' + (g % 1790) + 100,
                (ARRAY['decision_final','demanded','applied','accepted','ruled_enforce','enforcing','enforced','stalled','closed'])[1 + g % 9]::"NonLitigationStatus",
                ($3::uuid[])[1], timestamp '2022-01-01' + (g % 1790) * interval '1 day', now()
         FROM generate_series(1, $4) g`,
        [d.procuratorateId, d.courtId, d.procurators, Math.ceil(n / 20)],
      );
      await q(
        `WITH m AS (
           INSERT INTO "CommitteeMeeting"(id, "courtId", "procuratorateId", "scheduledAt", location, status, "createdById", "createdAt", "updatedAt")
           SELECT gen_random_uuid(), $1, $2, timestamp '2022-01-03 09:00' + (g % 1790) * interval '1 day', '审判委员会会议室',
                  (ARRAY['scheduled','notified','held','recorded','confirmed'])[1 + g % 5]::"CommitteeStatus", ($3::uuid[])[1], now(), now()
           FROM generate_series(1, $4) g RETURNING id)
         INSERT INTO "CommitteeAgendaItem"(id, "meetingId", position, "courtCaseNumber", title, trigger)
         SELECT gen_random_uuid(), m.id, k, '(2025)青99刑初' || k || '号', '议题 ' || k, 'other_procuratorial' FROM m, generate_series(1, 3) k`,
        [d.courtId, d.procuratorateId, d.courtLeaders, Math.ceil(n / 100)],
      );
    }

    tick(`audit events (${scale.audit.toLocaleString('en')})`);
    // INSERT-only, spread over the cases as the app would write them (five per case at scale).
    const perCase = Math.max(1, Math.round(scale.audit / scale.cases));
    await q(
      `INSERT INTO "AuditEvent"(at, "actorId", "institutionId", action, "recordType", "recordId")
       SELECT c."createdAt" + k * interval '1 hour', c."handlerId", c."institutionId", (ARRAY['case.open','case.tag','case.assign','case.stage','case.link'])[k], 'SupervisionCase', c.id::text
       FROM "SupervisionCase" c, generate_series(1, $1) k WHERE c.number LIKE 'B%'`,
      [perCase],
    );

    tick('statistics');
    // As autovacuum would have done on a live database: statistics and the visibility map (index-only scans).
    await q('VACUUM ANALYZE');
    const counts: Record<string, number> = {};
    for (const t of ['SupervisionCase', 'Recommendation', 'WorkflowEvent', 'AuditEvent', 'CaseLead', 'EnforcementInquiry', 'RetrialMatter', 'NonLitigationApplication', 'CommitteeMeeting', 'User', 'Institution']) {
      counts[t] = Number((await q(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
