/**
 * The authorization matrix (issue 8, proof 1), over HTTP against the production server: every
 * server action, route handler and page the code has (enumerated from the source; one without a
 * row here fails the test) × every actor — each role in the demo's procuratorate and court, the
 * same roles in a neighbouring pair of institutions, and no one signed in — × real records.
 *
 * The expected answer is the SPEC table below (who may do what on whose record), written out by
 * hand, not asked of the policy. Allowed: the action runs, or refuses for a reason other than
 * `forbidden` (a state, a field); the page or file answers 200. Denied: `forbidden` / signed out /
 * not found, HTTP 403/404 or the way to the sign-in page — and no row of any table changed
 * (every table's row hash compared before and after each group of requests).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type pg from 'pg';
import { MAX_FILE_BYTES_SETTING } from '../../lib/domain/attachments';
import { attachmentKey, localStore } from '../../lib/store/documents.mjs';
import { actionIds, AUDIT_LOG_TABLES, callAction, changed, connect, demoRecords, errorsOf, forgetSession, get, sessionFor, snapshot, type ActionAnswer, type DemoUser } from './http';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

// ---------------------------------------------------------------------------------------------
// The entries, from the code

const ROOT = process.cwd();

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'generated') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(path.relative(ROOT, p));
  }
  return out;
}

/** `action:<file>#<export>` for every export of a 'use server' module; `page:<route>` and `route:<route>` for app/. */
function entriesInCode(): string[] {
  const files = [...walk(path.join(ROOT, 'app')), ...walk(path.join(ROOT, 'modules')), ...walk(path.join(ROOT, 'lib')), ...walk(path.join(ROOT, 'components'))];
  const out: string[] = [];
  for (const f of files.filter((x) => /\.(ts|tsx)$/.test(x))) {
    const src = readFileSync(path.join(ROOT, f), 'utf8');
    if (/^\s*(\/\*[\s\S]*?\*\/\s*)?['"]use server['"]/.test(src)) {
      for (const m of src.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)) out.push(`action:${f}#${m[1]}`);
    }
    const route = (p: string) => '/' + p.split(path.sep).slice(1, -1).filter((s) => !/^\(.*\)$/.test(s)).join('/');
    if (f.startsWith('app' + path.sep) && f.endsWith(`${path.sep}page.tsx`) || f === path.join('app', 'page.tsx')) out.push(`page:${route(f)}`);
    if (f.startsWith('app' + path.sep) && /route\.ts$/.test(f)) out.push(`route:${route(f)}`);
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Actors

const ACTORS = {
  P: 'li.wen',
  PL: 'zhao.mingyuan',
  CS: 'lin.xue',
  CL: 'wang.jianguo',
  A: 'admin',
  EP: 'east.procurator',
  EPL: 'east.procuratorate_leader',
  ECS: 'east.court_staff',
  ECL: 'east.court_leader',
  EA: 'east.admin',
  anon: '',
} as const;
type Key = keyof typeof ACTORS;
const KEYS = Object.keys(ACTORS) as Key[];
const PROC: Key[] = ['P', 'PL'];
const COURT: Key[] = ['CS', 'CL'];
const EAST_PROC: Key[] = ['EP', 'EPL'];
const EAST_COURT: Key[] = ['ECS', 'ECL'];
const SIGNED_IN: Key[] = KEYS.filter((k) => k !== 'anon');

// ---------------------------------------------------------------------------------------------
// Records (the demo's, in the demo pair) and the ids the cells use

interface World {
  users: Record<string, DemoUser>;
  procId: string;
  courtId: string;
  eastProcId: string;
  eastCourtId: string;
  r: Record<string, string>;
  version(table: string, id: string): Promise<number>;
  settingVersion(key: string): Promise<number>;
}

const TODAY_ISH = '2026-11-30';

/** One server action call: who may, on which record, with which (valid) fields. */
interface ActionCell {
  label: string;
  allow: Key[];
  fields: (w: World, actor: Key) => Promise<Record<string, string | Blob>> | Record<string, string | Blob>;
}
interface GetCell {
  label: string;
  allow: Key[];
  path: (w: World) => string;
}
type Row = { kind: 'action'; cells: ActionCell[]; withPrev?: boolean; endsSessions?: boolean } | { kind: 'get'; cells: GetCell[] };

const stepOf = (table: string, rec: string, step: string, extra: Record<string, string> = {}) => async (w: World) => ({
  step,
  id: w.r[rec]!,
  version: String(await w.version(table, w.r[rec]!)),
  ...extra,
});

/** Who may do what on whose record: the specification, by hand. */
const SPEC: Record<string, Row> = {
  // Sign-in and language: open to everyone (the answer is a credential or no error, never "forbidden").
  'action:lib/web/signin-action.ts#signInAction': {
    kind: 'action',
    cells: [{ label: 'unknown user', allow: KEYS, fields: () => ({ username: 'nobody.matrix', password: 'wrong-password' }) }],
  },
  'action:lib/web/i18n/locale-action.ts#setLocale': { kind: 'action', withPrev: false, cells: [{ label: 'zh-CN', allow: KEYS, fields: () => ({ locale: 'zh-CN' }) }] },
  // Administration: the administrator of the institution only.
  'action:modules/admin/actions.ts#createUserAction': {
    kind: 'action',
    cells: [
      {
        label: 'new court clerk',
        allow: ['A', 'EA'],
        fields: (w, a) => ({ username: `m.${a.toLowerCase()}.${Date.now() % 100000}`, name: '矩阵测试', title: '', role: 'COURT_STAFF', institutionId: a === 'EA' ? w.eastCourtId : w.courtId, password: 'Matrix-test-2026!', departmentId: '' }),
      },
    ],
  },
  'action:modules/admin/actions.ts#setUserActiveAction': {
    kind: 'action',
    // The administrator administers the whole deployment (the demo's sits in the procuratorate and manages the court's people too).
    cells: [{ label: "the demo court's clerk", allow: ['A', 'EA'], fields: (w) => ({ userId: w.users['xu.jing']!.id, active: 'true', version: String(w.users['xu.jing']!.version) }) }],
  },
  'action:modules/admin/actions.ts#endUserSessionsAction': {
    kind: 'action',
    // Ending someone's sessions is the administrator's (not one of the signed-in actors here).
    cells: [{ label: "the demo court's clerk", allow: ['A', 'EA'], fields: (w) => ({ userId: w.users['xu.jing']!.id, version: String(w.users['xu.jing']!.version) }) }],
  },
  'action:modules/admin/actions.ts#verifyAuditChainAction': {
    kind: 'action',
    cells: [{ label: 'verify the audit chain', allow: ['A', 'EA'], fields: () => ({}) }],
  },
  'action:modules/admin/actions.ts#setUploadLimitAction': {
    kind: 'action',
    // The platform's settings are the administrator's, like accounts; the default limit kept.
    cells: [{ label: 'the per-file limit, 20 MB', allow: ['A', 'EA'], fields: async (w) => ({ maxFileMegabytes: '20', version: String(await w.settingVersion(MAX_FILE_BYTES_SETTING)) }) }],
  },
  'action:modules/calendar/actions.ts#importCalendarAction': {
    kind: 'action',
    cells: [{ label: 'an empty CSV', allow: ['A', 'EA'], fields: () => ({ file: new File(['date,kind,name\n'], 'calendar.csv', { type: 'text/csv' }) }) }],
  },
  // Recommendations: the procuratorate drafts; its drafter or a leader submits; the addressee court acknowledges.
  'action:modules/recommendations/actions.ts#createDraftAction': {
    kind: 'action',
    cells: [
      {
        label: 'a draft to the demo court',
        allow: [...PROC, ...EAST_PROC],
        fields: (w) => ({
          type: 'correction',
          title: '矩阵测试检察建议',
          addresseeCourtId: w.courtId,
          courtCaseNumber: '(2025)青0103民初456号',
          facts: '事实',
          violation: '违法情形',
          recommendationText: '建议',
          legalBasis: '依据',
        }),
      },
    ],
  },
  'action:modules/recommendations/actions.ts#stepAction': {
    kind: 'action',
    cells: [
      { label: "submit li.wen's draft", allow: PROC, fields: stepOf('Recommendation', 'recDraft', 'submit') },
      { label: 'acknowledge a served one', allow: COURT, fields: stepOf('Recommendation', 'recServed', 'acknowledge') },
    ],
  },
  // Supervision cases: the procuratorate's own; its handler or a leader advances.
  'action:modules/cases/actions.ts#openCaseAction': {
    kind: 'action',
    cells: [
      {
        label: 'a case handled by the actor',
        allow: [...PROC, ...EAST_PROC],
        fields: (w, a) => ({ kind: 'civil', title: '矩阵测试案件', parties: '甲；乙', courtId: a.startsWith('E') ? w.eastCourtId : w.courtId, handlerId: w.users[ACTORS[a]]?.id ?? w.users['li.wen']!.id, acceptedOn: TODAY_ISH, courtCaseNumbers: '' }),
      },
    ],
  },
  'action:modules/cases/actions.ts#caseStepAction': {
    kind: 'action',
    cells: [{ label: "advance li.wen's accepted case", allow: PROC, fields: stepOf('SupervisionCase', 'caseAccepted', 'advance', { comment: '' }) }],
  },
  // Committee: the court schedules and notifies; the procuratorate asks to attend, the court's leaders answer.
  'action:modules/committee/actions.ts#scheduleMeetingAction': {
    kind: 'action',
    cells: [
      {
        label: 'a meeting with the demo procuratorate',
        allow: [...COURT, ...EAST_COURT],
        fields: (w) => ({ procuratorateId: w.procId, scheduledFor: '2026-12-20T09:00', location: '第一会议室', 'items[0].title': '议题', 'items[0].courtCaseNumber': '(2025)青0103民初456号' }),
      },
    ],
  },
  'action:modules/committee/actions.ts#meetingStepAction': {
    kind: 'action',
    cells: [{ label: "notify lin.xue's scheduled meeting", allow: COURT, fields: stepOf('CommitteeMeeting', 'meetingScheduled', 'notify') }],
  },
  'action:modules/committee/actions.ts#requestAttendanceAction': {
    kind: 'action',
    cells: [
      {
        label: 'a request to the demo court',
        allow: [...PROC, ...EAST_PROC],
        fields: (w) => ({ courtId: w.courtId, courtCaseNumber: '(2025)青0103民初456号', reason: '列席理由' }),
      },
    ],
  },
  'action:modules/committee/actions.ts#answerRequestAction': {
    kind: 'action',
    cells: [{ label: 'accept a pending request', allow: ['CL'], fields: stepOf('AttendanceRequest', 'requestPending', 'accept', { meetingId: '' }) }],
  },
  // Enforcement inquiries: the procuratorate asks, urges (sender or leader), the court answers.
  'action:modules/inquiries/actions.ts#sendInquiryAction': {
    kind: 'action',
    cells: [{ label: 'to the demo court', allow: [...PROC, ...EAST_PROC], fields: (w) => ({ courtId: w.courtId, courtCaseNumber: '(2025)青0103执123号', question: '执行进展？', sentOn: TODAY_ISH }) }],
  },
  'action:modules/inquiries/actions.ts#inquiryStepAction': {
    kind: 'action',
    cells: [{ label: "urge li.wen's inquiry", allow: PROC, fields: stepOf('EnforcementInquiry', 'inquirySent', 'urge', { comment: '' }) }],
  },
  // Leads: either side sends to its counterpart; the receiving side receives.
  'action:modules/leads/actions.ts#sendLeadAction': {
    kind: 'action',
    cells: [
      {
        label: 'to the demo counterpart',
        allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT],
        fields: (w, a) => ({ counterpartId: COURT.includes(a) || EAST_COURT.includes(a) ? w.procId : w.courtId, kind: 'false_litigation', title: '线索', summary: '摘要' }),
      },
    ],
  },
  'action:modules/leads/actions.ts#leadStepAction': {
    kind: 'action',
    cells: [{ label: "receive li.wen's lead to the court", allow: COURT, fields: stepOf('CaseLead', 'leadSent', 'receive', { comment: '' }) }],
  },
  // Threads: whoever sees the record writes on it (the record's visibility, another district's: not found); a
  // message needs both sides to see the record, a note only the author's; the supervision case is the procuratorate's own.
  'action:modules/threads/actions.ts#sendMessageAction': {
    kind: 'action',
    cells: [{ label: 'a message on a served recommendation', allow: [...PROC, ...COURT], fields: (w) => ({ recordType: 'Recommendation', recordId: w.r.recServed!, body: '矩阵测试消息' }) }],
  },
  'action:modules/threads/actions.ts#addNoteAction': {
    kind: 'action',
    cells: [
      { label: 'a note on a served recommendation', allow: [...PROC, ...COURT], fields: (w) => ({ recordType: 'Recommendation', recordId: w.r.recServed!, body: '矩阵测试备注' }) },
      { label: "a note on li.wen's case", allow: PROC, fields: (w) => ({ recordType: 'SupervisionCase', recordId: w.r.caseAccepted!, body: '矩阵测试备注' }) },
    ],
  },
  // Non-litigation applications: the court rules and enforces; the procuratorate checks (findings).
  'action:modules/non-litigation/actions.ts#registerAction': {
    kind: 'action',
    cells: [
      {
        label: 'with the demo court',
        allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT],
        fields: (w, a) => ({ ...(COURT.includes(a) || EAST_COURT.includes(a) ? { procuratorateId: w.procId } : { courtId: w.courtId }), agency: '某局', respondent: '某公司', decisionRef: '某决字〔2026〕1号', subject: '罚款', decisionFinalOn: '2026-10-01' }),
      },
    ],
  },
  'action:modules/non-litigation/actions.ts#stepAction': {
    kind: 'action',
    cells: [{ label: 'mark an enforcing one enforced', allow: COURT, fields: stepOf('NonLitigationApplication', 'nlEnforcing', 'markEnforced', { enforcedOn: TODAY_ISH }) }],
  },
  'action:modules/non-litigation/actions.ts#findingAction': {
    kind: 'action',
    cells: [{ label: 'a checkpoint on an enforcing one', allow: PROC, fields: (w) => ({ id: w.r.nlEnforcing!, checkpoint: 'agency_applied', result: 'ok', note: '' }) }],
  },
  'action:modules/non-litigation/actions.ts#openCaseAction': {
    kind: 'action',
    cells: [{ label: 'from a finding', allow: PROC, fields: async (w) => ({ id: w.r.nlEnforcing!, version: String(await w.version('NonLitigationApplication', w.r.nlEnforcing!)), findingId: w.r.nlFinding!, title: '' }) }],
  },
  // Retrial: the procuratorate files with the court; the court reviews; the filer's side adds evidence.
  'action:modules/retrial/actions.ts#fileMatterAction': {
    kind: 'action',
    cells: [
      {
        // A procuratorate files its recommendations and protests with the court; a court files the parties' applications at itself.
        label: 'with the demo court',
        allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT],
        fields: (w, a) => ({
          kind: COURT.includes(a) || EAST_COURT.includes(a) ? 'party_application' : 'procuratorate_recommendation',
          courtId: COURT.includes(a) || EAST_COURT.includes(a) ? '' : w.courtId,
          courtCaseNumber: '(2025)青0103民初456号',
          title: '再审',
          parties: '甲；乙',
          judgmentEffectiveOn: '2026-06-01',
          filedOn: TODAY_ISH,
        }),
      },
    ],
  },
  'action:modules/retrial/actions.ts#addItemAction': {
    kind: 'action',
    cells: [
      {
        label: "an item on li.wen's recommendation matter",
        allow: PROC,
        fields: async (w) => ({ id: w.r.retrialOpen!, version: String(await w.version('RetrialMatter', w.r.retrialOpen!)), description: '新证据', ground: 'submitted_not_examined', groundExplanation: '说明' }),
      },
    ],
  },
  'action:modules/retrial/actions.ts#stepAction': {
    kind: 'action',
    cells: [{ label: 'start the review of a filed matter', allow: COURT, fields: stepOf('RetrialMatter', 'retrialFiled', 'startReview') }],
  },

  // Route handlers
  'route:/api/health': { kind: 'get', cells: [{ label: 'health', allow: KEYS, path: () => '/api/health' }] },
  'route:/api/auth/[...nextauth]': { kind: 'get', cells: [{ label: 'session', allow: KEYS, path: () => '/api/auth/session' }] },
  'route:/committee/[id]/materials/[attachmentId]': {
    kind: 'get',
    // The court sees the meeting's materials; of the procuratorate, the named attendee and its leaders.
    cells: [{ label: 'a material of a meeting with an attendee named', allow: ['PL', ...COURT], path: (w) => `/committee/${w.r.materialMeeting}/materials/${w.r.material}` }],
  },
  'route:/retrial/[id]/evidence/[attachmentId]': {
    kind: 'get',
    cells: [{ label: 'an evidence file', allow: [...PROC, ...COURT], path: (w) => `/retrial/${w.r.evidenceMatter}/evidence/${w.r.evidenceFile}` }],
  },

  'route:/threads/[messageId]/attachments/[attachmentId]': {
    kind: 'get',
    // A message's file: whoever reads the message; an internal note's file: its institution only.
    cells: [
      { label: "a file of the court's message", allow: [...PROC, ...COURT], path: (w) => `/threads/${w.r.threadMessage}/attachments/${w.r.threadFile}` },
      { label: "a file of the court's internal note", allow: COURT, path: (w) => `/threads/${w.r.threadNote}/attachments/${w.r.threadNoteFile}` },
    ],
  },

  // Pages
  'page:/': { kind: 'get', cells: [{ label: 'home', allow: SIGNED_IN, path: () => '/' }] },
  'page:/search': { kind: 'get', cells: [{ label: 'search', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/search?q=%E5%88%98' }] },
  'page:/signin': { kind: 'get', cells: [{ label: 'sign-in', allow: ['anon'], path: () => '/signin' }] },
  'page:/admin/users': { kind: 'get', cells: [{ label: 'users', allow: ['A', 'EA'], path: () => '/admin/users' }] },
  'page:/calendar': { kind: 'get', cells: [{ label: 'calendar', allow: SIGNED_IN, path: () => '/calendar' }] },
  'page:/overview': { kind: 'get', cells: [{ label: 'overview', allow: ['PL', 'CL', 'EPL', 'ECL'], path: () => '/overview' }] },
  'page:/procuratorate/directory': { kind: 'get', cells: [{ label: 'directory', allow: [...PROC, ...EAST_PROC], path: () => '/procuratorate/directory' }] },
  'page:/court/directory': { kind: 'get', cells: [{ label: 'directory', allow: [...COURT, ...EAST_COURT], path: () => '/court/directory' }] },
  'page:/recommendations': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/recommendations' }] },
  'page:/recommendations/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...EAST_PROC], path: () => '/recommendations/new' }] },
  'page:/recommendations/approvals': { kind: 'get', cells: [{ label: 'approvals', allow: ['PL', 'EPL'], path: () => '/recommendations/approvals' }] },
  'page:/recommendations/[id]': {
    kind: 'get',
    cells: [
      { label: 'a served one', allow: [...PROC, ...COURT], path: (w) => `/recommendations/${w.r.recServed}` },
      { label: 'a draft', allow: PROC, path: (w) => `/recommendations/${w.r.recDraft}` },
    ],
  },
  'page:/recommendations/[id]/edit': { kind: 'get', cells: [{ label: "li.wen's draft", allow: PROC, path: (w) => `/recommendations/${w.r.recEdit}/edit` }] },
  'page:/cases': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...EAST_PROC], path: () => '/cases' }] },
  'page:/cases/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...EAST_PROC], path: () => '/cases/new' }] },
  'page:/cases/[id]': { kind: 'get', cells: [{ label: "li.wen's case", allow: PROC, path: (w) => `/cases/${w.r.caseAccepted}` }] },
  'page:/committee': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/committee' }] },
  'page:/committee/new': { kind: 'get', cells: [{ label: 'new', allow: [...COURT, ...EAST_COURT], path: () => '/committee/new' }] },
  'page:/committee/[id]': { kind: 'get', cells: [{ label: 'a notified meeting', allow: [...PROC, ...COURT], path: (w) => `/committee/${w.r.materialMeeting}` }] },
  'page:/committee/requests/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...EAST_PROC], path: () => '/committee/requests/new' }] },
  'page:/committee/requests/[id]': { kind: 'get', cells: [{ label: 'a pending request', allow: [...PROC, ...COURT], path: (w) => `/committee/requests/${w.r.requestPending}` }] },
  'page:/inquiries': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/inquiries' }] },
  'page:/inquiries/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...EAST_PROC], path: () => '/inquiries/new' }] },
  'page:/inquiries/[id]': { kind: 'get', cells: [{ label: 'a sent inquiry', allow: [...PROC, ...COURT], path: (w) => `/inquiries/${w.r.inquirySent}` }] },
  'page:/leads': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/leads' }] },
  'page:/leads/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/leads/new' }] },
  'page:/leads/[id]': { kind: 'get', cells: [{ label: 'a sent lead', allow: [...PROC, ...COURT], path: (w) => `/leads/${w.r.leadSent}` }] },
  'page:/non-litigation': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/non-litigation' }] },
  'page:/non-litigation/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/non-litigation/new' }] },
  'page:/non-litigation/[id]': { kind: 'get', cells: [{ label: 'an enforcing one', allow: [...PROC, ...COURT], path: (w) => `/non-litigation/${w.r.nlEnforcing}` }] },
  'page:/retrial': { kind: 'get', cells: [{ label: 'list', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/retrial' }] },
  'page:/retrial/new': { kind: 'get', cells: [{ label: 'new', allow: [...PROC, ...COURT, ...EAST_PROC, ...EAST_COURT], path: () => '/retrial/new' }] },
  'page:/retrial/[id]': { kind: 'get', cells: [{ label: 'a filed matter', allow: [...PROC, ...COURT], path: (w) => `/retrial/${w.r.retrialFiled}` }] },
  // Sign-out: anyone may (signed out, it only goes to the sign-in page). Last, because it ends the
  // session of every actor that takes it: no cell after it may need their cookies.
  'action:lib/web/signout-action.ts#signOutAction': { kind: 'action', withPrev: false, endsSessions: true, cells: [{ label: 'sign out', allow: KEYS, fields: () => ({}) }] },
};

// ---------------------------------------------------------------------------------------------
// Outcomes

const DENIED_FORM = ['forbidden', 'signedOut'];

function actionVerdict(a: ActionAnswer): 'allowed' | 'denied' | 'broken' {
  if (a.status >= 500 || a.status === 0) return 'broken';
  if (a.status === 403 || a.status === 404) return 'denied';
  const { form, fields } = errorsOf(a);
  if (form.includes('unexpected')) return 'broken';
  if (form.some((c) => DENIED_FORM.includes(c))) return 'denied';
  // A record the actor may not see is not found.
  if (fields.id?.includes('notFound') || fields.recordId?.includes('notFound')) return 'denied';
  return 'allowed';
}

function getVerdict(r: { status: number; location: string | null }): 'allowed' | 'denied' | 'broken' {
  if (r.status >= 500) return 'broken';
  if (r.status === 200) return 'allowed';
  if (r.status === 403 || r.status === 404) return 'denied';
  // Signed out: the page sends to the sign-in page; signed in on /signin: sent home.
  if (r.status >= 300 && r.status < 400) return 'denied';
  return 'broken';
}

// ---------------------------------------------------------------------------------------------

let db: pg.Client | null;
const cookies: Partial<Record<Key, string>> = {};
let world: World;
const ids = new Map<string, string>();

test.beforeAll(async () => {
  for (const [k, v] of actionIds()) ids.set(k, v);
  db = await connect();
  if (!db) return;
  const demo = demoRecords(db);
  const one = demo.one;
  const procId = await demo.procId();
  const courtId = await demo.courtId();
  // A neighbouring district: its procuratorate, its court, one person of every role (the demo password).
  const hash = (await db.query<{ h: string }>(`SELECT "passwordHash" AS h FROM "User" WHERE username = 'li.wen'`)).rows[0]!.h;
  const eastProcId = await demo.neighbour('PROCURATORATE');
  const eastCourtId = await demo.neighbour('COURT');
  for (const [key, role] of [['EP', 'PROCURATOR'], ['EPL', 'PROCURATORATE_LEADER'], ['ECS', 'COURT_STAFF'], ['ECL', 'COURT_LEADER'], ['EA', 'ADMIN']] as const) {
    const institutionId = role.startsWith('COURT') ? eastCourtId : eastProcId;
    await db.query(
      `INSERT INTO "User" (id, username, name, role, "institutionId", "passwordHash", active, "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1, $1, $2, $3, $4, true, now(), now()) ON CONFLICT (username) DO NOTHING`,
      [ACTORS[key], role, institutionId, hash],
    );
  }
  const users = await demo.users();
  const P = users['li.wen']!.id;
  const CS = users['lin.xue']!.id;
  // The records the cells act on, their owners set to the matrix's actors (setup, before any snapshot).
  const r: Record<string, string> = {};
  r.recDraft = await demo.owned('Recommendation', 'drafterId', P, `status = 'draft' AND "institutionId" = $1`, [procId]);
  r.recEdit = await demo.owned('Recommendation', 'drafterId', P, `status = 'draft' AND "institutionId" = $1 AND id <> $2`, [procId, r.recDraft]);
  r.recServed = await one(`SELECT id FROM "Recommendation" WHERE status = 'served' AND "addresseeCourtId" = $1 LIMIT 1`, [courtId]);
  r.caseAccepted = await demo.owned('SupervisionCase', 'handlerId', P, `stage = 'accepted' AND "institutionId" = $1`, [procId]);
  r.meetingScheduled = await demo.owned('CommitteeMeeting', 'createdById', CS, `status = 'scheduled' AND "courtId" = $1`, [courtId]);
  r.requestPending = await one(`SELECT id FROM "AttendanceRequest" WHERE status = 'pending' AND "courtId" = $1 LIMIT 1`, [courtId]);
  r.inquirySent = await demo.owned('EnforcementInquiry', 'sentById', P, `status = 'sent' AND "courtId" = $1`, [courtId]);
  r.leadSent = await one(`SELECT l.id FROM "CaseLead" l JOIN "User" u ON u.id = l."sentById" WHERE l.status = 'sent' AND u."institutionId" = $1 LIMIT 1`, [procId]);
  r.nlEnforcing = await one(`SELECT id FROM "NonLitigationApplication" WHERE status = 'enforcing' AND "courtId" = $1 LIMIT 1`, [courtId]);
  r.nlFinding = (await db.query<{ id: string }>(`SELECT id FROM "NonLitigationFinding" LIMIT 1`)).rows[0]?.id ?? '00000000-0000-4000-8000-000000000000';
  r.retrialFiled = await one(`SELECT id FROM "RetrialMatter" WHERE status = 'filed' AND "courtId" = $1 LIMIT 1`, [courtId]);
  r.retrialOpen = await demo.owned('RetrialMatter', 'createdById', P, `status = 'under_review' AND kind = 'procuratorate_recommendation' AND "courtId" = $1`, [courtId]);
  r.material = await one(`SELECT a.id FROM "Attachment" a JOIN "CommitteeMeeting" m ON m.id = a."recordId" WHERE a."recordType" = 'CommitteeMeeting' AND m."attendeeId" IS NOT NULL LIMIT 1`);
  r.materialMeeting = await one(`SELECT "recordId" AS id FROM "Attachment" WHERE id = $1`, [r.material]);
  // The seed's thread files: one on the court's message, one on the court's internal note.
  const threadFile = async (audience: string) =>
    one(
      `SELECT a.id FROM "Attachment" a JOIN "ThreadMessage" m ON m.id = a."recordId" WHERE a."recordType" = 'ThreadMessage' AND m.audience = $1 AND m."institutionId" = $2 ORDER BY a.id LIMIT 1`,
      [audience, courtId],
    );
  r.threadFile = await threadFile('shared');
  r.threadMessage = await one(`SELECT "recordId" AS id FROM "Attachment" WHERE id = $1`, [r.threadFile]);
  r.threadNoteFile = await threadFile('internal');
  r.threadNote = await one(`SELECT "recordId" AS id FROM "Attachment" WHERE id = $1`, [r.threadNoteFile]);
  // An evidence file on a matter of the demo pair (the seed has none): a tiny text file.
  const item = await one(`SELECT e.id FROM "EvidenceItem" e JOIN "RetrialMatter" m ON m.id = e."matterId" WHERE m."courtId" = $1 LIMIT 1`, [courtId]);
  r.evidenceMatter = await one(`SELECT "matterId" AS id FROM "EvidenceItem" WHERE id = $1`, [item]);
  // Its bytes in the app's document store (DOCUMENT_DIR, playwright.config.ts), its row with their SHA-256.
  const evidenceId = randomUUID();
  await localStore(process.env.DOCUMENT_DIR!).put(attachmentKey(evidenceId), Buffer.from('hello'));
  r.evidenceFile = await one(
    `INSERT INTO "Attachment" (id, "recordType", "recordId", "institutionId", "fileName", "mimeType", size, sha256, "storageKey", "uploadedById", "uploadedAt")
     VALUES ($4, 'EvidenceItem', $1, $2, 'matrix.txt', 'text/plain', 5, $5, $6, $3, now()) RETURNING id`,
    [item, procId, P, evidenceId, createHash('sha256').update('hello').digest('hex'), attachmentKey(evidenceId)],
  );
  world = {
    users,
    procId,
    courtId,
    eastProcId,
    eastCourtId,
    r,
    version: demo.version,
    settingVersion: demo.settingVersion,
  };
  for (const k of KEYS) if (ACTORS[k]) cookies[k] = await sessionFor(ids, ACTORS[k]);
  cookies.anon = '';
});

test.afterAll(async () => {
  await db?.end();
});

test('every server action, route handler and page has a row in the matrix', () => {
  const inCode = entriesInCode();
  expect(inCode.length).toBeGreaterThan(40);
  expect(Object.keys(SPEC).sort(), 'rows of the matrix = entries in the code').toEqual(inCode);
  // And every action of the build is one of them (a server action defined elsewhere would be missed).
  const built = [...ids.keys()].map((k) => `action:${k}`);
  for (const b of built) expect(inCode, `${b} is in a 'use server' module the scan reads`).toContain(b);
});

test('every entry × every actor × its records answers as the matrix says', async () => {
  test.skip(!db, 'needs the server on PostgreSQL (TEST_DATABASE_URL) to compare its tables');
  const started = Date.now();
  const wrong: string[] = [];
  let cells = 0;
  let records = 0;
  for (const [entry, row] of Object.entries(SPEC)) {
    for (const cell of row.cells) {
      records++;
      // Denied actors first, all of them in one snapshot; then each allowed one.
      const denied = KEYS.filter((k) => !cell.allow.includes(k));
      const before = await snapshot(db!);
      // The refusals go out together (a refusal changes nothing, so their order does not matter).
      await Promise.all(
        denied.map(async (k) => {
          cells++;
          const v = await run(entry, row, cell, k);
          if (v.verdict !== 'denied') wrong.push(`${entry} [${cell.label}] as ${k}: expected denied, got ${v.verdict} (${v.detail})`);
        }),
      );
      const after = await snapshot(db!);
      // A refused download may be audited (a read, not a write of any record).
      const diff = changed(before, after).filter((t) => !(row.kind === 'get' && AUDIT_LOG_TABLES.includes(t)));
      if (diff.length) wrong.push(`${entry} [${cell.label}]: refusals changed ${diff.join(', ')}`);
      for (const k of cell.allow) {
        cells++;
        const v = await run(entry, row, cell, k);
        if (v.verdict !== 'allowed') wrong.push(`${entry} [${cell.label}] as ${k}: expected allowed, got ${v.verdict} (${v.detail})`);
      }
      // A signed-out actor's shared session is dead: the specs after this one sign in afresh.
      if (row.kind === 'action' && row.endsSessions) for (const k of cell.allow) if (ACTORS[k]) forgetSession(ACTORS[k]);
    }
  }
  const entries = Object.keys(SPEC).length;
  console.log(
    `[authz-matrix] ${entries} entries (${Object.keys(SPEC).filter((e) => e.startsWith('action:')).length} server actions, ${Object.keys(SPEC).filter((e) => e.startsWith('route:')).length} route handlers, ${Object.keys(SPEC).filter((e) => e.startsWith('page:')).length} pages) × ${KEYS.length} actors, ${records} (entry, record) rows: ${cells} cells checked in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(wrong, wrong.join('\n')).toEqual([]);
});

async function run(entry: string, row: Row, cell: ActionCell | GetCell, k: Key): Promise<{ verdict: string; detail: string }> {
  if (row.kind === 'get') {
    const r = await get((cell as GetCell).path(world), cookies[k] ?? '');
    return { verdict: getVerdict(r), detail: `HTTP ${r.status}${r.location ? ` → ${r.location}` : ''}` };
  }
  const id = ids.get(entry.slice('action:'.length));
  if (!id) return { verdict: 'broken', detail: 'not in the build' };
  const fields = await (cell as ActionCell).fields(world, k);
  const a = await callAction(id, fields, cookies[k] ?? '', { withPrev: row.withPrev });
  const e = errorsOf(a);
  return { verdict: actionVerdict(a), detail: `HTTP ${a.status} ${a.result?.status ?? ''} ${JSON.stringify(e.form)} ${JSON.stringify(e.fields)}`.slice(0, 300) };
}
