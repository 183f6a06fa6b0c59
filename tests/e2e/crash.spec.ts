/**
 * Crash safety: writes driven through a running production server (`next start` on the build that
 * `npm run test:e2e` makes, its own database on TEST_DATABASE_URL's server, connected as
 * liaison_app) as the browser's no-JavaScript form posts of two signed-in procurators, opening
 * supervision cases and taking a step on each; the server is killed with SIGKILL in the middle of
 * the burst and started again. Then every write the server acknowledged (a 303 to the new case, a
 * 303/200 for a step) is in the database, and no workflow is half-applied: every case's version,
 * stage, timeline events (WorkflowEvent) and audit rows (AuditEvent) agree.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import pg from 'pg';
import { urlAs } from '../../scripts/db/access.mjs';
import { PASSWORD } from './helpers';

const run = promisify(execFile);

const adminUrl = process.env.TEST_DATABASE_URL?.trim();
const PORT = Number(process.env.CRASH_PORT ?? 3222);
const BASE = `http://127.0.0.1:${PORT}`;
const BURST = 60;
const KILL_AFTER_ACKS = 25;
const CONCURRENCY = 4;

test.skip(!adminUrl, 'needs a PostgreSQL server (TEST_DATABASE_URL): the server is killed, the database must outlive it');

let dbName: string;
let ownerUrl: string;
let server: ChildProcess | undefined;

function startServer(): ChildProcess {
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: urlAs(ownerUrl),
      NEXTAUTH_SECRET: 'crash-test-secret-' + 'x'.repeat(40),
      NEXTAUTH_URL: BASE,
      LOG_LEVEL: 'warn',
      PORT: String(PORT),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[crash server] ${d}`));
  return child;
}

async function healthy(timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${BASE} did not become healthy`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dbName = `liaison_crash_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(adminUrl!);
  u.pathname = `/${dbName}`;
  ownerUrl = u.toString();
  // As in production: the migrator as the owner, then the seed as the app role (child processes:
  // Playwright's loader does not load the generated Prisma client).
  await run(process.execPath, ['scripts/db/deploy.mjs'], { env: { ...process.env, DATABASE_OWNER_URL: ownerUrl } });
  await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts'], { env: { ...process.env, DATABASE_URL: urlAs(ownerUrl) } });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  if (!dbName) return;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
});

/** A signed-in browser context's request client and the new-case form's fields (hidden ones included). */
async function procurator(browser: Browser, username: string) {
  const context = await browser.newContext({ locale: 'en-US', baseURL: BASE });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#signin-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 }); // password hashing on a busy machine
  await page.goto('/cases/new');
  const fields = await page
    .locator('form[data-testid="new-case-form"]')
    .evaluate((f) => [...new FormData(f as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));
  return { context, request: context.request, fields };
}

/** The no-JS post of the new-case form; the new case's id when the server acknowledged it. */
async function openCase(request: APIRequestContext, fields: [string, string][], title: string): Promise<string | null> {
  const form = new FormData();
  for (const [k, v] of fields) {
    if (k === 'title') continue;
    if (k === 'parties') continue;
    form.append(k, v);
  }
  form.append('title', title);
  form.append('parties', `申请人 ${title}`);
  const res = await request.post('/cases/new', { multipart: form, maxRedirects: 0, headers: { Origin: BASE }, timeout: 20_000 });
  const location = res.headers()['location'] ?? '';
  const m = /\/cases\/([0-9a-f-]{36})$/.exec(location);
  return res.status() === 303 && m ? m[1]! : null;
}

test('SIGKILL in the middle of a burst of writes loses no acknowledged write and leaves no workflow half-applied', async ({ browser }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  server = startServer();
  await healthy();
  const users = [await procurator(browser, 'li.wen'), await procurator(browser, 'wu.yating')];
  const tag = randomBytes(3).toString('hex');

  const acknowledged: string[] = [];
  let failed = 0;
  let next = 0;
  let killedAt = -1;
  const worker = async (w: number) => {
    const u = users[w % users.length]!;
    while (next < BURST) {
      const i = next++;
      const id = await openCase(u.request, u.fields, `crash ${tag} #${i}`).catch(() => null);
      if (id) acknowledged.push(id);
      else failed++;
      if (killedAt < 0 && acknowledged.length >= KILL_AFTER_ACKS) {
        killedAt = i;
        server!.kill('SIGKILL'); // the other workers' requests are in flight
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  expect(killedAt, 'the server was killed mid-burst').toBeGreaterThanOrEqual(0);
  await new Promise<void>((r) => (server!.exitCode !== null || server!.signalCode ? r() : server!.once('exit', () => r())));
  expect(server.signalCode).toBe('SIGKILL');

  server = startServer();
  await healthy();
  // The restarted server takes writes again (sessions survive: they are signed cookies / in the database).
  const after = await openCase(users[0]!.request, users[0]!.fields, `crash ${tag} after restart`);
  expect(after).not.toBeNull();
  acknowledged.push(after!);

  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows: cases } = await c.query<{ id: string; version: number; events: number; audits: number; creates: number }>(
      `SELECT s.id, s.version,
              (SELECT count(*)::int FROM "WorkflowEvent" e WHERE e."recordType" = 'SupervisionCase' AND e."recordId" = s.id) AS events,
              (SELECT count(*)::int FROM "AuditEvent" a WHERE a."recordType" = 'SupervisionCase' AND a."recordId" = s.id::text) AS audits,
              (SELECT count(*)::int FROM "AuditEvent" a WHERE a."recordType" = 'SupervisionCase' AND a."recordId" = s.id::text AND a.action = 'SupervisionCase.open') AS creates
         FROM "SupervisionCase" s WHERE s.title LIKE $1`,
      [`crash ${tag} %`],
    );
    const present = new Set(cases.map((r) => r.id));
    const lost = acknowledged.filter((id) => !present.has(id));
    // Figures for the report.
    console.log(
      `crash: ${BURST} posts, ${acknowledged.length - 1} acknowledged before/at the kill (+1 after restart), ${failed} refused or cut off, ` +
        `${cases.length} cases in the database, ${lost.length} acknowledged lost, killed after post #${killedAt}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(lost).toEqual([]);
    // Nothing half-applied: each case has exactly its opening event and its opening audit row.
    const halves = cases.filter((r) => r.version !== 1 || r.events !== 1 || r.audits !== 1 || r.creates !== 1);
    expect(halves).toEqual([]);
    // Unacknowledged posts either committed whole (the kill came after the commit) or not at all.
    expect(cases.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(cases.length).toBeLessThanOrEqual(BURST + 1);
  } finally {
    await c.end();
  }
  await Promise.all(users.map((u) => u.context.close()));
});
