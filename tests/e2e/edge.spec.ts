import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import pg from 'pg';
import { as, PASSWORD } from './helpers';

/**
 * The edge of the app against the production server (docs/decisions/0020): where the browser
 * goes after sign-in with a hostile callbackUrl (with and without JavaScript), the Origin check
 * on state-changing requests (foreign, missing, spoofed X-Forwarded-Host → 403, nothing written),
 * the security headers (a fresh CSP nonce per response, on Next's own scripts; no violation on
 * the main pages of several roles), and the request id (a client's X-Request-Id never reaches an
 * audit row).
 */
test.describe.configure({ mode: 'serial' });

const STAMP = String(Date.now() % 100000).padStart(5, '0');

/** Values a callbackUrl may carry that would leave the app if followed as given. */
const HOSTILE = [
  '//evil.example/',
  '/\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  ' //evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '/%2f%2fevil.example',
  '/%5cevil.example',
  '/..//evil.example',
  '／／evil.example',
  `/${'a'.repeat(600)}`,
];

function appOrigin(page: Page) {
  return new URL(page.url()).origin;
}

test.describe('callbackUrl after sign-in', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`hostile values keep the browser on the app (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ browser, baseURL }) => {
      test.setTimeout(120_000);
      const origin = new URL(baseURL!).origin;
      // Through the sign-in form: the page's own filtering, and the action's on a tampered form.
      for (const [i, value] of ['/\t/evil.example', '//evil.example/', '/\\evil.example', '/\n/evil.example'].entries()) {
        const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(`/signin?callbackUrl=${encodeURIComponent(value)}`);
        if (i % 2 === 1) await page.locator('input[name="callbackUrl"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
        await page.locator('#username').fill('li.wen');
        await page.locator('#password').fill(PASSWORD);
        await page.locator('#signin-submit').click();
        await expect(page.getByTestId('current-user')).toBeVisible();
        expect(new URL(page.url()).origin, JSON.stringify(value)).toBe(origin);
        expect(page.url(), JSON.stringify(value)).not.toContain('evil');

        if (i === 0) {
          // Signed in, the sign-in page sends the browser on at once: every hostile value, one
          // clean redirect to a path of the app (never a 500).
          for (const v of HOSTILE) {
            const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(v)}`, { maxRedirects: 0 });
            expect([303, 307, 308], JSON.stringify(v)).toContain(res.status());
            const location = res.headers()['location']!;
            expect(new URL(location, origin).origin, JSON.stringify(v)).toBe(origin);
            expect(location, JSON.stringify(v)).not.toContain('evil');
            await page.goto(`/signin?callbackUrl=${encodeURIComponent(v)}`);
            expect(appOrigin(page), JSON.stringify(v)).toBe(origin);
          }
        }
        await context.close();
      }
    });
  }
});

/** The first server-action POST the page sends while `act` runs. */
async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const captured = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await act();
  return captured;
}

/** The e2e server's database (a fresh one per run on $TEST_DATABASE_URL's server): the one holding `username`. */
async function databaseHolding(username: string): Promise<pg.Client | null> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return null;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'liaison_e2e_%'`);
  await admin.end();
  for (const { datname } of rows) {
    const url = new URL(server);
    url.pathname = `/${datname}`;
    const c = new pg.Client({ connectionString: url.toString() });
    try {
      await c.connect();
      const r = await c.query('SELECT 1 FROM "User" WHERE username = $1', [username]);
      if (r.rowCount) return c;
    } catch {
      // A database being created or dropped by another run.
    }
    await c.end().catch(() => {});
  }
  return null;
}

async function createAccount(page: Page, username: string) {
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create account' }) });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Name', { exact: true }).fill('边界测试');
  await form.getByLabel('Institution').selectOption({ label: 'Chengzhong District People’s Court' });
  await form.getByLabel('Role').selectOption({ label: 'Court staff' });
  await form.getByLabel('Department').selectOption({ label: 'Civil Division' });
  await form.getByLabel('Initial password (10+ characters)').fill('a-long-password');
  return captureAction(page, () => form.getByRole('button', { name: 'Create account' }).click());
}

test.describe('state-changing requests from elsewhere', () => {
  let admin: Page;
  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    admin = await as(browser, 'admin');
    await admin.goto('/admin/users');
  });

  test('a replayed server action with a foreign Origin, no Origin or a spoofed X-Forwarded-Host answers 403 and writes nothing', async ({ baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const own = `edge${STAMP}a`;
    const request = await createAccount(admin, own);
    await expect(admin.getByRole('region', { name: 'New account' }).getByRole('status')).toHaveText(`Account ${own} created.`);
    const body = request.postDataBuffer()!;
    const headers = await request.allHeaders();
    expect(headers['origin']).toBe(origin);
    // The cookie jar and the body's length are the request context's own.
    for (const k of ['cookie', 'content-length', 'host']) delete headers[k];

    const replay = (username: string, change: Record<string, string | undefined>) => {
      const h: Record<string, string> = { ...headers };
      for (const [k, v] of Object.entries(change)) {
        if (v === undefined) delete h[k];
        else h[k] = v;
      }
      return admin.request.post(request.url(), { headers: h, data: Buffer.from(body.toString('latin1').replaceAll(own, username), 'latin1'), maxRedirects: 0 });
    };
    const attempts: [string, Record<string, string | undefined>][] = [
      [`edge${STAMP}f`, { origin: 'https://evil.example' }],
      [`edge${STAMP}n`, { origin: undefined }],
      [`edge${STAMP}z`, { origin: 'null' }],
      [`edge${STAMP}x`, { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }],
      [`edge${STAMP}h`, { origin: 'http://evil.example', host: 'evil.example', 'x-forwarded-host': 'evil.example' }],
    ];
    for (const [username, change] of attempts) {
      const res = await replay(username, change);
      expect(res.status(), `${username} ${JSON.stringify(change)}`).toBe(403);
    }
    // The same replay from the app's own origin is accepted: the 403s were the Origin check's.
    const ok = await replay(`edge${STAMP}o`, {});
    expect(ok.status()).toBe(200);

    await admin.reload();
    await expect(admin.getByRole('cell', { name: `edge${STAMP}o` })).toBeVisible();
    for (const [username] of attempts) await expect(admin.getByRole('cell', { name: username })).toHaveCount(0);

    const db = await databaseHolding(own);
    if (db) {
      const { rows } = await db.query<{ username: string }>(`SELECT username FROM "User" WHERE username LIKE $1 ORDER BY username`, [`edge${STAMP}%`]);
      expect(rows.map((r) => r.username)).toEqual([own, `edge${STAMP}o`].sort());
      await db.end();
    }
  });

  test('a client-sent X-Request-Id never reaches the audit row: the server makes its own', async () => {
    const username = `edge${STAMP}r`;
    const crafted = `crafted-${STAMP}-id`;
    await admin.route('**/admin/users', async (route) => {
      const h = { ...route.request().headers(), 'x-request-id': crafted };
      await route.continue({ headers: h });
    });
    const request = await createAccount(admin, username);
    const response = await request.response();
    await admin.unroute('**/admin/users');
    await expect(admin.getByRole('region', { name: 'New account' }).getByRole('status')).toHaveText(`Account ${username} created.`);
    expect((await request.allHeaders())['x-request-id']).toBe(crafted);
    const echoed = (await response!.allHeaders())['x-request-id'];
    expect(echoed).toBeTruthy();
    expect(echoed).not.toBe(crafted);

    const db = await databaseHolding(username);
    test.skip(!db, 'no access to the e2e database (PGlite in memory): the echoed id stands in');
    const { rows } = await db!.query<{ requestId: string | null }>(
      `SELECT a."requestId" FROM "AuditEvent" a JOIN "User" u ON a."recordId" = u.id::text WHERE u.username = $1`,
      [username],
    );
    await db!.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.requestId).not.toBe(crafted);
      expect(r.requestId).toBe(echoed);
    }
  });
});

test.describe('security headers', () => {
  test('every page response has a CSP with a fresh nonce, which Next puts on its scripts; Permissions-Policy; no HSTS over plain HTTP', async ({ browser }) => {
    const page = await as(browser, 'li.wen');
    const nonces = new Set<string>();
    for (const path of ['/', '/recommendations', '/', '/signin']) {
      const res = await page.request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
      const h = res.headers();
      const csp = h['content-security-policy'] ?? '';
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, `${path}: ${csp}`).toBeTruthy();
      nonces.add(nonce!);
      for (const part of [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`, "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) {
        expect(csp, path).toContain(part);
      }
      expect(h['permissions-policy']).toContain('camera=()');
      expect(h['permissions-policy']).toContain('geolocation=()');
      expect(h['x-content-type-options']).toBe('nosniff');
      // Plain HTTP and no trusted proxy: a forwarded "https" is not believed, so no HSTS.
      expect(h['strict-transport-security']).toBeUndefined();
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const s of scripts) expect(s, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(4);
    await page.context().close();
  });

  for (const username of ['li.wen', 'lin.xue', 'admin']) {
    test(`${username}: the main pages run under the CSP without a violation`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ locale: 'en-US' });
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        // What the policies report (a missing favicon's 404 is not one of them).
        if (/Content Security Policy|Content-Security-Policy|Permissions-Policy|Refused to/i.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      await page.goto('/signin');
      await page.locator('form[data-ready]').waitFor();
      await page.locator('#username').fill(username);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('#signin-submit').click();
      await expect(page.getByTestId('current-user')).toBeVisible();
      const hrefs = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link')
        .evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
      const visited: string[] = [];
      for (const href of hrefs) {
        // Through the app's own navigation (client-side), then a full load.
        await page.getByRole('navigation', { name: 'Main' }).locator(`a[href="${href}"]`).first().click();
        await page.waitForURL((u) => u.pathname === href.split('?')[0]);
        await page.goto(href);
        await page.waitForLoadState('networkidle');
        const first = await page.locator(`main a[href^="${href === '/' ? '/__none__' : href}/"]`).first();
        if ((await first.count()) > 0) {
          await first.click();
          await page.waitForLoadState('networkidle');
          visited.push(page.url());
        }
        visited.push(href);
        const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        errors.push(...violations.map((v) => `${href}: CSP violation ${v}`));
      }
      expect(visited.length).toBeGreaterThan(1);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
