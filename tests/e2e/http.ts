/**
 * Driving the production server over plain HTTP, as any client could: sign in through the sign-in
 * form's server action, call every server action by its id (from the build's server-reference
 * manifest) with the multipart body React's client sends, read the action's answer, and look at
 * the database the server runs on (written by scripts/serve.ts) to prove that nothing changed.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const BASE = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
export const PASSWORD = 'Liaison-demo-2026';

// ---------------------------------------------------------------------------------------------
// Server actions

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** Every server action of the build: `file#export` → action id. */
export function actionIds(): Map<string, string> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(m.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

/** What an action answered: the HTTP status, and the action's return value (Conform's submission result) if any. */
export interface ActionAnswer {
  status: number;
  result: { status?: string; error?: Record<string, string[] | null> } | null;
  /** Where the action redirected (a success that goes to the new record). */
  redirect: string | null;
  body: string;
}

/** Form fields in the multipart body React's client sends for `action(prevState, formData)` (or `action(formData)`). */
export type Fields = Record<string, string | Blob> | [string, string | Blob][];

export function actionBody(fields: Fields, withPrev = true): FormData {
  const fd = new FormData();
  // The referenced FormData's entries first, the root (the argument list) last, as React writes it.
  for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields)) fd.append(`_1_${k}`, v);
  fd.set('0', withPrev ? '[null,"$K1"]' : '["$K1"]');
  return fd;
}

export async function callAction(id: string, fields: Fields, cookie: string, opts: { withPrev?: boolean; page?: string } = {}): Promise<ActionAnswer> {
  const res = await fetch(BASE + (opts.page ?? '/'), {
    method: 'POST',
    headers: { 'Next-Action': id, Origin: BASE, Accept: 'text/x-component', ...(cookie ? { Cookie: cookie } : {}) },
    body: actionBody(fields, opts.withPrev ?? true),
    redirect: 'manual',
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, result: parseResult(bytes), redirect: res.headers.get('x-action-redirect'), body: bytes.toString('utf8') };
}

/** The rows of an RSC answer by id: `<id>:<json>\n`, or a text row `<id>:T<hex byte length>,<text>` (no newline). */
export function rscRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString('utf8');
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const len = parseInt(body.subarray(colon + 2, comma).toString('utf8'), 16);
      rows.set(id, body.subarray(comma + 1, comma + 1 + len).toString('utf8'));
      at = comma + 1 + len;
    } else {
      const nl = body.indexOf(0x0a, colon);
      const end = nl < 0 ? body.length : nl;
      rows.set(id, body.subarray(colon + 1, end).toString('utf8'));
      at = end + 1;
    }
  }
  return rows;
}

/** The action's return value in the RSC answer: the row the root's `"a":"$@N"` points at. */
function parseResult(body: Buffer): ActionAnswer['result'] {
  const rows = rscRows(body);
  const ref = /"a":"\$@([0-9a-f]+)"/.exec(rows.get('0') ?? '');
  const row = ref ? rows.get(ref[1]!) : undefined;
  if (!row) return null;
  try {
    const v = JSON.parse(row) as unknown;
    return v && typeof v === 'object' ? (v as ActionAnswer['result']) : null;
  } catch {
    return null;
  }
}

/** The form-level error codes and the field error codes of an answer. */
export function errorsOf(a: ActionAnswer): { form: string[]; fields: Record<string, string[]> } {
  const e = a.result?.error ?? {};
  const fields: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(e)) if (k !== '' && v) fields[k] = v;
  return { form: e[''] ?? [], fields };
}

// ---------------------------------------------------------------------------------------------
// Sessions

/** Signs in through the sign-in form's action; the session cookie header to send afterwards. */
export async function signIn(ids: Map<string, string>, username: string, password = PASSWORD): Promise<string> {
  const id = ids.get('lib/web/signin-action.ts#signInAction');
  if (!id) throw new Error('no sign-in action in the build');
  const res = await fetch(`${BASE}/signin`, {
    method: 'POST',
    headers: { 'Next-Action': id, Origin: BASE, Accept: 'text/x-component' },
    body: actionBody({ username, password }),
    redirect: 'manual',
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
  if (!/session-token=/.test(cookie)) throw new Error(`sign-in as ${username} failed (${res.status}): ${(await res.text()).slice(0, 300)}`);
  return cookie;
}

const sessions = new Map<string, string>();

/** A session of `username`, signed in once per worker (the spec files of a run share them: fewer sign-ins to limit). */
export async function sessionFor(ids: Map<string, string>, username: string): Promise<string> {
  if (!sessions.has(username)) sessions.set(username, await signIn(ids, username));
  return sessions.get(username)!;
}

/** Forgets a user's shared session (it was signed out): the next spec that needs it signs in again. */
export function forgetSession(username: string): void {
  sessions.delete(username);
}

export async function get(pathname: string, cookie: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(BASE + pathname, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

// ---------------------------------------------------------------------------------------------
// The server's database

/** The URL of the database the test server runs on (scripts/serve.ts writes it for a PostgreSQL database), or null (PGlite). */
export function serverDatabaseUrl(): string | null {
  const port = new URL(BASE).port;
  const file = path.join(process.cwd(), '.data', `serve-${port}.db-url`);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

export async function connect(): Promise<pg.Client | null> {
  const url = serverDatabaseUrl();
  if (!url) return null;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** A user of the server's database: what forms name it by. */
export interface DemoUser {
  id: string;
  institutionId: string;
  version: number;
}

/** The neighbouring district's (630102) institutions, by kind: code and name. */
const NEIGHBOUR = { PROCURATORATE: { code: '城东检', name: '城东区人民检察院' }, COURT: { code: '青0102', name: '城东区人民法院' } } as const;

/**
 * The demo's records as the attack specs look them up in the server's database: the demo pair
 * (the procuratorate and the court of district 630103), its users, records in a given state.
 */
export function demoRecords(c: pg.Client) {
  /** The id of the first row `sql` gives; an error naming the query when there is none (the seed lacks a record the spec needs). */
  const one = async (sql: string, params: unknown[] = []) => {
    const r = await c.query<{ id: string }>(sql, params);
    if (!r.rows[0]) throw new Error(`no record for: ${sql}`);
    return r.rows[0].id;
  };
  const institution = (kind: 'PROCURATORATE' | 'COURT') => one(`SELECT id FROM "Institution" WHERE kind = $1 AND "regionCode" = '630103'`, [kind]);
  return {
    one,
    procId: () => institution('PROCURATORATE'),
    courtId: () => institution('COURT'),
    /** The neighbouring district's (630102) institution of `kind`, created the first time. */
    neighbour: (kind: 'PROCURATORATE' | 'COURT') =>
      one(
        `INSERT INTO "Institution" (id, kind, code, name, "nameEn", "regionCode") VALUES (gen_random_uuid(), $1, $2, $3, $3, '630102') ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
        [kind, NEIGHBOUR[kind].code, NEIGHBOUR[kind].name],
      ),
    /** Every user by username. */
    users: async (): Promise<Record<string, DemoUser>> =>
      Object.fromEntries(
        (await c.query<DemoUser & { username: string }>(`SELECT username, id, "institutionId", version FROM "User"`)).rows.map(({ username, ...u }) => [username, u]),
      ),
    /** The first record of `table` matching `where` (over `params`), made `ownerId`'s in its column `owner`: its id. */
    owned: (table: string, owner: string, ownerId: string, where: string, params: unknown[]) =>
      one(`UPDATE "${table}" SET "${owner}" = $${params.length + 1} WHERE id = (SELECT id FROM "${table}" WHERE ${where} LIMIT 1) RETURNING id`, [...params, ownerId]),
    /** A record's version now (1 if it has none). */
    version: async (table: string, id: string) => (await c.query<{ v: number }>(`SELECT version AS v FROM "${table}" WHERE id = $1`, [id])).rows[0]?.v ?? 1,
    /** A setting's version now (0 while it holds its default: no row yet). */
    settingVersion: async (key: string) => (await c.query<{ v: number }>(`SELECT version AS v FROM "Setting" WHERE key = $1`, [key])).rows[0]?.v ?? 0,
  };
}

/** The audit log: its events and its chain heads (a read that is audited moves both). */
export const AUDIT_LOG_TABLES: readonly string[] = ['AuditEvent', 'AuditChainHead'];

/**
 * A fingerprint of every table: its row count and a hash of all its rows. Two equal snapshots mean
 * no row was added, removed or changed anywhere (the audit log and the timelines included).
 * `ignore`: tables that change without a write of the app's records (the sign-in throttle).
 */
export async function snapshot(c: pg.Client, ignore: string[] = ['SignInThrottle']): Promise<Record<string, string>> {
  const columns = (
    await c.query<{ t: string; col: string; type: string }>(
      `SELECT c.table_name AS t, c.column_name AS col, c.data_type AS type FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    )
  ).rows.filter((r) => !ignore.includes(r.t) && !r.t.startsWith('_prisma'));
  const tables = [...new Set(columns.map((r) => r.t))];
  // A row as the text of its columns, a binary column (a stored file's bytes) as its MD5: the same
  // fingerprint of every change, without spelling megabytes out in hex and sorting them each time.
  const row = (t: string) =>
    columns
      .filter((r) => r.t === t)
      .map((r) => (r.type === 'bytea' ? `md5(x."${r.col}")` : `x."${r.col}"`))
      .join(', ');
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(r, '|' ORDER BY r)), '') AS h FROM (SELECT ROW(${row(t)})::text AS r FROM "${t}" x) y`)
    .join(' UNION ALL ');
  const rows = (await c.query<{ t: string; h: string }>(sql)).rows;
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose fingerprints differ. */
export function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
}
