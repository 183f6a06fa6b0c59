import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD } from './helpers';

/**
 * Several app servers (issue 8, proof 5): two production servers (scripts/start.mjs, the build that
 * `npm run test:e2e` makes; each itself two app processes under Node's cluster) on two ports, sharing one fresh PostgreSQL database, started here
 * through scripts/serve.ts --ports. Nothing lives in a server's memory: a session signed in on one
 * works on the other, a sign-out on one ends it on both, the sign-in limits are shared, and a file
 * uploaded through one downloads through the other. (The browser shares cookies across ports of
 * one host, as it would behind one load-balanced address.)
 */
const A = Number(process.env.E2E_PORT ?? 3100) + 2;
const B = A + 1;
const urlA = `http://127.0.0.1:${A}`;
const urlB = `http://127.0.0.1:${B}`;
const STAMP = Date.now() % 100000;

test.describe.configure({ mode: 'serial' });
test.skip(!process.env.TEST_DATABASE_URL, 'needs a PostgreSQL server (TEST_DATABASE_URL): PGlite serves one session');

let servers: ChildProcess | undefined;
let output = '';

async function up(url: string, deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    if (servers?.exitCode !== null) throw new Error(`the servers exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up:\n${output}`);
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  servers = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--ports', `${A},${B}`, '--db', process.env.TEST_DATABASE_URL!, '--fresh'], {
    env: { ...process.env, LOG_LEVEL: 'warn', NEXTAUTH_URL: '', LIAISON_WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.stdout!.on('data', (d) => (output += d));
  servers.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 140_000;
  await up(urlA, deadline);
  await up(urlB, deadline);
});

test.afterAll(async () => {
  if (!servers || servers.exitCode !== null) return;
  const exited = new Promise((r) => servers!.once('exit', r));
  servers.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
});

/** One credentials sign-in through next-auth's endpoint on `base`, from `address`: the code it answers, or 'ok'. */
async function credentials(request: APIRequestContext, base: string, username: string, password: string, address: string) {
  const headers = { 'x-forwarded-for': address };
  const { csrfToken } = await (await request.get(`${base}/api/auth/csrf`, { headers })).json();
  const res = await request.post(`${base}/api/auth/callback/credentials`, {
    headers,
    form: { username, password, csrfToken, json: 'true' },
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url).searchParams.get('error');
  // next-auth answers a refusal 401, a sign-in 200.
  expect(res.status()).toBe(error ? 401 : 200);
  return error ?? 'ok';
}

test('a session signed in on one server works on the other; sign-out on one ends it on both', async ({ page, playwright }) => {
  await page.goto(`${urlA}/signin`);
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#username').fill('li.wen');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#signin-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  const cookie = (await page.context().cookies(urlA)).find((c) => c.name.endsWith('next-auth.session-token'))!;
  const copy = await playwright.request.newContext({ extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
  for (const base of [urlA, urlB]) expect((await copy.get(`${base}/`, { maxRedirects: 0 })).status(), base).toBe(200);
  await page.goto(`${urlB}/`);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  for (const base of [urlA, urlB]) {
    const res = await copy.get(`${base}/`, { maxRedirects: 0 });
    expect(res.status(), base).toBe(307);
    expect(res.headers()['location']).toMatch(/\/signin/);
  }
  await copy.dispose();
});

test('the sign-in limits are shared: failures through A lock the name at that address through B', async ({ request }) => {
  const address = '198.51.100.77';
  const codes = [];
  for (let i = 0; i < 5; i++) codes.push(await credentials(request, i % 2 ? urlB : urlA, 'wu.yating', `wrong-${i}`, address));
  expect(codes).toEqual(Array(5).fill('invalidCredentials'));
  // The right password through B, from the same address: locked (5 minutes), nothing internal in the URL.
  expect(await credentials(request, urlB, 'wu.yating', PASSWORD, address)).toBe('locked:5');
  // From another address the user signs in.
  expect(await credentials(request, urlA, 'wu.yating', PASSWORD, '192.0.2.44')).toBe('ok');
});

test('an upload made through one server downloads through the other', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${urlA}/signin`);
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#username').fill('li.wen');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#signin-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`${urlA}/retrial/new`);
  await page.getByLabel('Kind').selectOption({ label: 'Retrial recommendation' });
  await page.getByLabel('Court case number').fill(`(2025)青0103民初${STAMP}号`);
  await page.getByLabel('Title').fill(`两台服务器 ${STAMP}`);
  await page.getByLabel('Parties').fill('申请监督人：甲某；其他当事人：乙某');
  await page.getByLabel('Judgment took effect on').fill('2026-01-15');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByTestId('retrial-status')).toHaveText('Filed');
  const form = page.getByTestId('add-evidence');
  await form.getByLabel('Description of the evidence').fill('银行流水');
  await form.getByLabel('Found on').fill('2026-03-10');
  await form.getByLabel('Ground for the late submission').selectOption({ label: 'Known but could not be obtained' });
  await form.getByLabel('Explanation').fill('原审期间客观上无法提交。');
  const text = `uploaded through A ${STAMP}`;
  await form.getByLabel('File (optional)').setInputFiles({ name: `a-${STAMP}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await form.getByRole('button', { name: 'Add evidence' }).click();
  const link = page.getByTestId('evidence-1').getByRole('link', { name: `Download a-${STAMP}.txt` });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const res = await page.request.get(`${urlB}${href}`);
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe(text);
});
