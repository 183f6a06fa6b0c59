import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { as } from './helpers';

/**
 * The two download routes over HTTP, with the demo users: committee materials
 * (/committee/[id]/materials/[attachmentId]) and retrial evidence (/retrial/[id]/evidence/[attachmentId]).
 * Allowed users get the bytes with their type and the file's own (non-ASCII) name; others get the
 * localized 403; unknown ids 404; a signed-out browser goes to the sign-in page and comes back.
 */
test.describe.configure({ mode: 'serial' });

const STAMP = Date.now() % 100000;
// (No quotes: browsers send a quote in an uploaded file's name as %22; the quotes are in the unit test.)
const EVIDENCE_NAME = `银行流水（${STAMP}）终稿 (v2).txt`;
const EVIDENCE_TEXT = `2024-03 转账 ${STAMP} 元`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let material = { href: '', name: '', meeting: '' };
const evidence = { href: '', matter: '' };

/** The file name a browser takes from Content-Disposition (filename*, RFC 8187). */
function fileNameOf(res: APIResponse): string {
  const header = res.headers()['content-disposition'] ?? '';
  expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
  return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!);
}

/** A refused request: plain localized text in the browser's language (Accept-Language), no file. */
async function expectRefused(page: Page, href: string, status: 403 | 404, text: { en: string; zh: string }) {
  for (const [lang, expected] of [
    ['en-US,en;q=0.9', text.en],
    ['zh-CN,zh;q=0.9', text.zh],
  ] as const) {
    const res = await page.request.get(href, { headers: { 'Accept-Language': lang } });
    expect(res.status(), `${href} (${lang})`).toBe(status);
    expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers()['content-disposition']).toBeUndefined();
    expect(await res.text()).toBe(expected);
  }
}

const FORBIDDEN = { en: 'You do not have access to this page', zh: '您无权访问此页面' };
const NOT_FOUND = { en: 'Page not found', zh: '页面不存在' };

/** The first committee material the procurator-general (the demo meetings' named attendee) can download. */
async function findMaterial(page: Page) {
  await page.goto('/committee');
  const meetings = await page
    .locator('main a[href^="/committee/"]')
    .evaluateAll((els) => [...new Set(els.map((a) => a.getAttribute('href')!))].filter((h) => /^\/committee\/[0-9a-f-]{36}$/.test(h)));
  expect(meetings.length, 'the demo has committee meetings').toBeGreaterThan(0);
  for (const meeting of meetings) {
    await page.goto(meeting);
    const link = page.getByTestId('materials').getByRole('link').first();
    if ((await link.count()) === 0) continue;
    return { href: (await link.getAttribute('href'))!, name: (await link.innerText()).trim(), meeting };
  }
  throw new Error('no demo meeting with materials the procurator-general may download');
}

test('committee materials: the named attendee downloads; a procurator who is not named gets the localized 403', async ({ browser }) => {
  test.setTimeout(90_000);
  const attendee = await as(browser, 'zhao.mingyuan');
  material = await findMaterial(attendee);
  expect(material.href).toMatch(/^\/committee\/[0-9a-f-]{36}\/materials\/[0-9a-f-]{36}$/);

  const ok = await attendee.request.get(material.href);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toBe('text/plain');
  expect(ok.headers()['cache-control']).toBe('private, no-store');
  expect(fileNameOf(ok)).toBe(material.name);
  expect(material.name).toMatch(/[^\x00-\x7f]/);
  expect((await ok.body()).byteLength).toBeGreaterThan(0);
  // The browser saves it under the same name.
  const [download] = await Promise.all([attendee.waitForEvent('download'), attendee.getByTestId('materials').getByRole('link').first().click()]);
  expect(download.suggestedFilename()).toBe(material.name);

  const procurator = await as(browser, 'li.wen');
  await expectRefused(procurator, material.href, 403, FORBIDDEN);
});

test('committee materials: unknown ids answer 404', async ({ browser }) => {
  test.setTimeout(60_000);
  const attendee = await as(browser, 'zhao.mingyuan');
  const [, , meetingId, , attachmentId] = material.href.split('/');
  await expectRefused(attendee, `/committee/${UNKNOWN}/materials/${attachmentId}`, 404, NOT_FOUND);
  await expectRefused(attendee, `/committee/${meetingId}/materials/${UNKNOWN}`, 404, NOT_FOUND);
  await expectRefused(attendee, `/committee/${meetingId}/materials/not-an-id`, 404, NOT_FOUND);
});

test('retrial evidence: both sides download the file under its own name; the administrator gets 403; unknown ids 404', async ({ browser }) => {
  test.setTimeout(90_000);
  const proc = await as(browser, 'li.wen');
  await proc.goto('/retrial/new');
  await proc.getByLabel('Kind').selectOption({ label: 'Retrial recommendation' });
  await proc.getByLabel('Court case number').fill(`(2025)青0103民初${STAMP}号`);
  await proc.getByLabel('Title').fill(`下载测试再审检察建议 ${STAMP}`);
  await proc.getByLabel('Parties').fill('申请监督人：甲某；其他当事人：乙某');
  await proc.getByLabel('Judgment took effect on').fill('2026-01-15');
  await proc.getByRole('button', { name: 'File', exact: true }).click();
  await expect(proc.getByTestId('retrial-status')).toHaveText('Filed');
  evidence.matter = new URL(proc.url()).pathname;
  const form = proc.getByTestId('add-evidence');
  await form.getByLabel('Description of the evidence').fill('银行流水');
  await form.getByLabel('Found on').fill('2026-03-10');
  await form.getByLabel('Ground for the late submission').selectOption({ label: 'Known but could not be obtained' });
  await form.getByLabel('Explanation').fill('原审期间客观上无法提交。');
  await form.getByLabel('File (optional)').setInputFiles({ name: EVIDENCE_NAME, mimeType: 'text/plain', buffer: Buffer.from(EVIDENCE_TEXT) });
  await form.getByRole('button', { name: 'Add evidence' }).click();
  const link = proc.getByTestId('evidence-1').getByRole('link', { name: `Download ${EVIDENCE_NAME}` });
  await expect(link).toBeVisible();
  evidence.href = (await link.getAttribute('href'))!;
  expect(evidence.href).toMatch(/^\/retrial\/[0-9a-f-]{36}\/evidence\/[0-9a-f-]{36}$/);

  const judge = await as(browser, 'lin.xue');
  for (const page of [proc, judge]) {
    const res = await page.request.get(evidence.href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/plain');
    expect(fileNameOf(res)).toBe(EVIDENCE_NAME);
    expect(await res.text()).toBe(EVIDENCE_TEXT);
  }
  await judge.goto(evidence.matter);
  const [download] = await Promise.all([judge.waitForEvent('download'), judge.getByTestId('evidence-1').getByRole('link', { name: `Download ${EVIDENCE_NAME}` }).click()]);
  expect(download.suggestedFilename()).toBe(EVIDENCE_NAME);

  const admin = await as(browser, 'admin');
  await expectRefused(admin, evidence.href, 403, FORBIDDEN);

  const [, , matterId, , attachmentId] = evidence.href.split('/');
  await expectRefused(judge, `/retrial/${UNKNOWN}/evidence/${attachmentId}`, 404, NOT_FOUND);
  await expectRefused(judge, `/retrial/${matterId}/evidence/${UNKNOWN}`, 404, NOT_FOUND);
  // A committee material is not an evidence file of this matter.
  await expectRefused(judge, `/retrial/${matterId}/evidence/${material.href.split('/')[4]}`, 404, NOT_FOUND);
});

test('signed out: a download link goes to the sign-in page and back to the record afterwards', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  for (const [href, record] of [
    [material.href, material.meeting],
    [evidence.href, evidence.matter],
  ] as const) {
    const res = await page.request.get(href, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    const location = new URL(res.headers()['location']!, 'http://x');
    expect(location.pathname).toBe('/signin');
    expect(location.searchParams.get('callbackUrl')).toBe(record);
    expect(await res.text()).not.toContain(EVIDENCE_TEXT);
  }
  await page.goto(material.href);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#username').fill('zhao.mingyuan');
  await page.locator('#password').fill('Liaison-demo-2026');
  await page.locator('#signin-submit').click();
  await expect(page).toHaveURL(new RegExp(`${material.meeting}$`));
  await expect(page.getByTestId('materials').getByRole('link').first()).toBeVisible();
  await context.close();
});
