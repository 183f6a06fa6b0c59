/**
 * What the app's database role may do, declared once per table, and the code that makes the
 * database match the declaration. The runtime migrator (deploy.mjs) applies it after every
 * deployment, so a table added by a later migration gets exactly its declared grants — or, when
 * it has no entry here, the deployment fails naming it (and so does an entry whose table is gone).
 *
 * The app role owns nothing: no table, no schema, no DDL. The owner role (the one the migrator
 * connects as) keeps everything else. See docs/decisions/0019-least-privilege-database-role.md.
 *
 * Plain JavaScript on Node built-ins only, like deploy.mjs: production runs it without
 * devDependencies.
 */

/** The role the app connects as, unless the deployment names another (DATABASE_APP_ROLE). */
export const DEFAULT_APP_ROLE = 'liaison_app';

/**
 * The kinds of access, as privileges granted on the table.
 * - `read`: the app only reads it.
 * - `write`: rows are created and changed, never removed (records, users: deactivated, not deleted).
 * - `write-delete`: the app removes rows too (a cleared sign-in limit count, a holiday no longer in the calendar).
 * - `append`: rows are added and read, never changed or removed (the audit log). Its trigger
 *   refuses UPDATE, DELETE and TRUNCATE even to the owner.
 * - `timeline`: `append`, plus moving an event to another supervision case (column "caseId", when
 *   a draft recommendation is relinked and its history follows it). The trigger refuses every
 *   other change, DELETE and TRUNCATE.
 */
export const ACCESS = /** @type {const} */ ({
  read: ['SELECT'],
  write: ['SELECT', 'INSERT', 'UPDATE'],
  'write-delete': ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  append: ['SELECT', 'INSERT'],
  timeline: ['SELECT', 'INSERT', 'UPDATE ("caseId")'],
});

/**
 * Every table in the schema, with the app's access to it.
 * @type {Record<string, keyof typeof ACCESS>}
 */
export const TABLE_ACCESS = {
  // Prisma's bookkeeping: the health check reads it; only the migrator writes it.
  _prisma_migrations: 'read',
  Institution: 'write',
  Department: 'write',
  User: 'write',
  // Sessions are ended (endedAt), never deleted (docs/decisions/0018).
  Session: 'write',
  // The sign-in limits' counters: rate-limiter-flexible deletes a count on success and sweeps expired rows.
  sign_in_limit: 'write-delete',
  CalendarDay: 'write-delete',
  AuditEvent: 'append',
  // The audit chains' heads: the audit writer moves each one on with every event (docs/decisions/0023).
  AuditChainHead: 'write',
  // Verification runs of the audit chains: a history, like the audit log.
  AuditVerification: 'append',
  WorkflowEvent: 'timeline',
  NumberSequence: 'write',
  SupervisionCase: 'write',
  Recommendation: 'write',
  Attachment: 'write',
  Setting: 'write',
  CaseLead: 'write',
  CommitteeMeeting: 'write',
  CommitteeAgendaItem: 'write',
  AttendanceRequest: 'write',
  RetrialMatter: 'write',
  EvidenceItem: 'write',
  NonLitigationApplication: 'write',
  NonLitigationFinding: 'write',
  EnforcementInquiry: 'write',
  // Threads on records: messages, mentions and read receipts are never changed or removed (a trigger refuses it).
  ThreadMessage: 'append',
  ThreadMention: 'append',
  ThreadReceipt: 'append',
  JointMeeting: 'write',
  // Attendees are recorded with their meeting and never changed.
  JointMeetingAttendee: 'append',
  ConsensusItem: 'write',
  FileRequest: 'write',
};

/**
 * `url` with the user name replaced by `role` (and the password by `password`, or none): the
 * app's URL on a server where the owner's URL is known (the demo and test servers, trust or
 * password authentication).
 * @param {string} url @param {string} [role] @param {string} [password]
 */
export function urlAs(url, role = DEFAULT_APP_ROLE, password) {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = password ? encodeURIComponent(password) : '';
  return u.toString();
}

export class AccessError extends Error {
  constructor(/** @type {string} */ message, /** @type {{ cause?: unknown }} */ options = {}) {
    super(message, { cause: options.cause });
    this.name = 'AccessError';
  }
}

const ident = (/** @type {string} */ name) => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables (and views) of the current schema that the declaration misses or names wrongly.
 * @param {import('./deploy.d.mts').DeployConnection} db
 */
export async function undeclaredTables(db) {
  const { rows } = await db.query(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY 1`,
  );
  const present = rows.map((r) => String(r.name));
  return {
    present,
    unclassified: present.filter((t) => !Object.hasOwn(TABLE_ACCESS, t)),
    missing: Object.keys(TABLE_ACCESS).filter((t) => !present.includes(t)),
  };
}

/**
 * Makes the app role's privileges in the current database exactly the declaration: creates the
 * role if it does not exist (LOGIN, no password), then in one transaction revokes everything it
 * holds on the schema's tables and sequences and grants what TABLE_ACCESS says, USAGE on the
 * schema (not CREATE) and USAGE on the sequences of the tables it may insert into.
 *
 * Refuses (AccessError) when a table is not declared or a declared table is missing, when the
 * role is the one running this (the owner), a superuser, or owns anything in the schema.
 *
 * @param {import('./deploy.d.mts').DeployConnection} db a session of the owner role
 * @param {{ role?: string, log?: (line: string) => void }} [opts]
 */
export async function applyAccess(db, opts = {}) {
  const role = opts.role ?? DEFAULT_APP_ROLE;
  const log = opts.log ?? (() => {});
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new AccessError(`"${role}" is not a plain role name (lower case letters, digits, _).`);

  const { unclassified, missing } = await undeclaredTables(db);
  if (unclassified.length || missing.length) {
    throw new AccessError(
      [
        unclassified.length ? `no access declared for table(s) ${unclassified.map(ident).join(', ')}` : '',
        missing.length ? `access declared for missing table(s) ${missing.map(ident).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ') + ': add or remove them in scripts/db/access.mjs (TABLE_ACCESS).',
    );
  }

  const me = String((await db.query('SELECT current_user AS u')).rows[0]?.u);
  if (me === role) {
    throw new AccessError(
      `The migrator is connected as the app role "${role}"; it must run as the owner role (DATABASE_OWNER_URL), never as the app.`,
    );
  }
  let found = (await db.query('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [role])).rows[0];
  if (!found) {
    try {
      await db.query(`CREATE ROLE ${ident(role)} LOGIN`);
      log(`created role ${role} (LOGIN, no password: set one with ALTER ROLE ${role} PASSWORD '…')`);
    } catch (e) {
      // Another deployer on the same server may have created it meanwhile.
      if (/** @type {any} */ (e)?.code !== '42710') {
        throw new AccessError(
          `The app role "${role}" does not exist and "${me}" cannot create it (${/** @type {any} */ (e)?.message ?? e}). ` +
            `As a superuser run: CREATE ROLE ${role} LOGIN PASSWORD '…';`,
          { cause: e },
        );
      }
    }
    found = (await db.query('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [role])).rows[0];
  }
  if (found?.rolsuper) throw new AccessError(`The app role "${role}" is a superuser: it must be an ordinary role (ALTER ROLE ${role} NOSUPERUSER).`);
  const owned = await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
      WHERE c.relnamespace = current_schema()::regnamespace AND r.rolname = $1
     UNION ALL
     SELECT n.nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.oid = current_schema()::regnamespace AND r.rolname = $1`,
    [role],
  );
  if (owned.rows.length) {
    throw new AccessError(
      `The app role "${role}" owns ${owned.rows.map((r) => ident(String(r.name))).join(', ')}: it must own nothing ` +
        `(ALTER … OWNER TO the owner role, e.g. REASSIGN OWNED BY ${role} TO <owner>).`,
    );
  }

  const schema = ident(String((await db.query('SELECT current_schema() AS s')).rows[0]?.s));
  const sequences = (
    await db.query(
      `SELECT s.relname AS seq, t.relname AS tbl FROM pg_class s
         JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
         JOIN pg_class t ON t.oid = d.refobjid
        WHERE s.relkind = 'S' AND s.relnamespace = current_schema()::regnamespace`,
    )
  ).rows.map((r) => ({ seq: String(r.seq), tbl: String(r.tbl) }));

  const r = ident(role);
  await db.query('BEGIN');
  try {
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${r}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${r}`);
    await db.query(`REVOKE ALL ON SCHEMA ${schema} FROM ${r}`);
    // PostgreSQL 15+ no longer lets PUBLIC create in the public schema; older servers (and any
    // schema created otherwise) did: take it away for everyone but the owner.
    await db.query(`REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${r}`);
    for (const [table, kind] of Object.entries(TABLE_ACCESS)) {
      await db.query(`GRANT ${ACCESS[kind].join(', ')} ON ${schema}.${ident(table)} TO ${r}`);
    }
    for (const { seq, tbl } of sequences) {
      if (ACCESS[TABLE_ACCESS[tbl] ?? 'read'].includes('INSERT')) await db.query(`GRANT USAGE ON SEQUENCE ${schema}.${ident(seq)} TO ${r}`);
    }
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK').catch(() => {});
    throw e;
  }
  log(`granted ${role} its declared access on ${Object.keys(TABLE_ACCESS).length} tables`);
  return { role, tables: Object.keys(TABLE_ACCESS).length };
}
