import { expect, test } from '@playwright/test';
import { PASSWORD, signIn } from './helpers';

test.use({ locale: 'en-US' });

const WORK = ['Adjudication committee', 'Retrial evidence', 'Non-litigation enforcement', 'Enforcement inquiries', 'Leads'];
const NAV: Record<string, { user: string; links: string[] }> = {
  PROCURATOR: {
    user: 'li.wen',
    links: ['Home', 'Recommendations', 'New recommendation', 'Supervision cases', ...WORK, 'Procuratorate directory', 'Holiday calendar'],
  },
  PROCURATORATE_LEADER: {
    user: 'zhao.mingyuan',
    links: [
      'Home',
      'Recommendations',
      'New recommendation',
      'Approval queue',
      'Leader overview',
      'Supervision cases',
      ...WORK,
      'Procuratorate directory',
      'Holiday calendar',
    ],
  },
  COURT_STAFF: { user: 'lin.xue', links: ['Home', 'Recommendations', ...WORK, 'Court directory', 'Holiday calendar'] },
  COURT_LEADER: { user: 'wang.jianguo', links: ['Home', 'Recommendations', 'Leader overview', ...WORK, 'Court directory', 'Holiday calendar'] },
  ADMIN: { user: 'admin', links: ['Home', 'Holiday calendar', 'Accounts'] },
};

for (const [role, { user, links }] of Object.entries(NAV)) {
  test(`${role} signs in and sees exactly that role's navigation`, async ({ page }) => {
    await signIn(page, user);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(links);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    // Every link in the navigation opens: 200, no 403 or 404 behind a visible link.
    for (const name of links.slice(1)) {
      const href = await nav.getByRole('link', { name, exact: true }).getAttribute('href');
      const res = await page.goto(href!);
      expect(res?.status(), `${name} (${href})`).toBe(200);
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    }
  });
}

test('a court user cannot open a procuratorate-only page', async ({ page }) => {
  await signIn(page, 'lin.xue');
  const res = await page.goto('/procuratorate/directory');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  await expect(page.getByText('李文')).toHaveCount(0);
  // …and a procurator cannot open the court's nor the administrator's pages.
  await page.context().clearCookies();
  await signIn(page, 'li.wen');
  expect((await page.goto('/court/directory'))?.status()).toBe(403);
  expect((await page.goto('/admin/users'))?.status()).toBe(403);
  // …and a court user cannot open the procuratorate's drafting page or approval queue.
  await page.context().clearCookies();
  await signIn(page, 'wang.jianguo');
  expect((await page.goto('/recommendations/new'))?.status()).toBe(403);
  expect((await page.goto('/recommendations/approvals'))?.status()).toBe(403);
});

test('signed-out visitors are sent to the sign-in page', async ({ page }) => {
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('wrong password, unknown user and deactivated user get the same clear message', async ({ page }) => {
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  const message = 'The username or password is incorrect, or the account is not active.';
  for (const [u, p] of [
    ['li.wen', 'wrong-password'],
    ['no.such.user', 'whatever'],
    ['ma.retired', PASSWORD],
  ]) {
    await page.locator('#username').fill(u!);
    await page.locator('#password').fill(p!);
    await page.locator('#signin-submit').click();
    await expect(page.locator('#signin-error')).toHaveText(message);
  }
  await expect(page).toHaveURL(/\/signin/);
});

test('bad input on sign-in: a clear error, no crash', async ({ page }) => {
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#signin-submit').click();
  await expect(page.locator('#signin-error')).toHaveText('Enter your username.');
  await expect(page.locator('#username')).toBeFocused();
  await page.locator('#username').fill('li.wen');
  await page.locator('#signin-submit').click();
  await expect(page.locator('#signin-error')).toHaveText('Enter your password.');

  // Overlong values bypassing the form's maxlength, straight at the endpoint.
  const csrf = await (await page.request.get('/api/auth/csrf')).json();
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, username: 'x'.repeat(10 * 1024), password: "' OR 1=1 --", json: 'true' },
  });
  expect(res.status()).toBeLessThan(500);
  expect(JSON.stringify(await res.json())).toContain('invalidInput');

  await page.locator('#username').evaluate((el: HTMLInputElement) => el.removeAttribute('maxlength'));
  await page.locator('#username').fill('u'.repeat(10 * 1024));
  await page.locator('#password').fill("'; DROP TABLE \"User\"; --");
  await page.locator('#signin-submit').click();
  await expect(page.locator('#signin-error')).toContainText('not in a valid form');
  // The app is still fine.
  expect((await page.request.get('/api/health')).status()).toBe(200);
});

test.describe('sign-in without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-US' });

  test('a plain POST signs in and lands on the home page', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.locator('form[data-ready]')).toHaveCount(0);
    await page.locator('#username').fill('li.wen');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#signin-submit').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('current-user')).toBeVisible();
  });

  test('a wrong password shows the localized error, keeps the username and never echoes the password', async ({ page }) => {
    await page.goto('/signin');
    await page.locator('#username').fill('lin.xue');
    await page.locator('#password').fill('wrong-password');
    await page.locator('#signin-submit').click();
    await expect(page.locator('#signin-error')).toHaveText('The username or password is incorrect, or the account is not active.');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.locator('#username')).toHaveValue('lin.xue');
    await expect(page.locator('#password')).toHaveValue('');
    expect(await page.content()).not.toContain('wrong-password');
  });
});

test('repeated failures lock the name at this address for a while, and say so', async ({ page }) => {
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  // Five failures are answered as failures (lib/domain/signin.ts SIGNIN_LIMITS.nameAddress) …
  for (let i = 0; i < 5; i++) {
    await page.locator('#username').fill('lock.target');
    await page.locator('#password').fill(`wrong-${i}`);
    await page.locator('#signin-submit').click();
    await expect(page.locator('#signin-error')).toHaveText('The username or password is incorrect, or the account is not active.');
  }
  // … the sixth starts the first lock of the backoff (5 minutes).
  await page.locator('#password').fill('wrong-5');
  await page.locator('#signin-submit').click();
  await expect(page.locator('#signin-error')).toContainText('Too many failed attempts for this username from your network address');
  await expect(page.locator('#signin-error')).toContainText('5 minutes');
});

test('language: negotiated from the browser, switchable, remembered', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('#username').fill('zhao.mingyuan');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#signin-submit').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, 赵明远');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, 赵明远');
  // Dates follow the locale.
  await expect(page.locator('main time').first()).toHaveText(/^[A-Z][a-z]{2}, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('赵明远，您好');
  await expect(page.locator('main time').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日/);
  await context.close();
});

test('sign out ends the session: a copied cookie stops working at once', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'wang.jianguo');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toBeTruthy();
  // The copied cookie, sent over plain HTTP from elsewhere, works before the sign-out …
  const thief = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
  const before = await thief.get('/', { maxRedirects: 0 });
  expect(before.status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  // … and not after it.
  const after = await thief.get('/', { maxRedirects: 0 });
  expect(after.status()).toBe(307);
  expect(after.headers()['location']).toMatch(/\/signin/);
  // The copy put back into a browser does not sign anyone in either.
  await page.context().addCookies([session!]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await thief.dispose();
});

test('administrator: creates an account (field errors first), and imports the calendar', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create account' }) });
  await form.getByLabel('Username').fill('Bad Name!');
  await form.getByLabel('Name', { exact: true }).fill('测试用户');
  await form.getByLabel('Initial password (10+ characters)').fill('short');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByText('Use lower-case letters, digits')).toBeVisible();
  await expect(form.getByText('The password needs at least 10 characters.')).toBeVisible();
  await expect(form.getByText('Choose one of the offered options.')).toBeVisible();

  await form.getByLabel('Username').fill('test.clerk');
  await form.getByLabel('Institution').selectOption({ label: 'Chengzhong District People’s Court' });
  await form.getByLabel('Role').selectOption({ label: 'Court staff' });
  await form.getByLabel('Department').selectOption({ label: 'Civil Division' });
  await form.getByLabel('Initial password (10+ characters)').fill('a-long-password');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('region', { name: 'New account' }).getByRole('status')).toHaveText('Account test.clerk created.');
  await expect(page.getByRole('cell', { name: 'test.clerk' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Holiday calendar' }).click();
  await page.goto('/calendar?year=2027');
  await expect(page.getByText('Nothing is on file for 2027')).toBeVisible();
  await page.getByLabel('CSV file').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,kind,name\n2027-01-01,holiday,New Year\'s Day\n2027-02-30,holiday,Spring Festival\n'),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Line 3 (date): not a real date');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,kind,name\n2027-01-01,holiday,New Year\'s Day\n'),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 2027: 1 added, 0 changed, 0 removed, 0 unchanged. No running deadline changed.');
  await page.goto('/calendar?year=2027');
  await expect(page.getByRole('cell', { name: "New Year's Day" })).toBeVisible();
});

test('health answers 200 with the database up', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });
  expect(res.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
