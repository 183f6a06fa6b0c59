import { expect, test, type Page } from '@playwright/test';
import { as, PASSWORD } from './helpers';

/**
 * Uploads in the browser: files over the limits get the field's message — in the browser before
 * anything is sent (with JavaScript, against the largest limit an administrator may set), from the
 * document store otherwise (the limit set, 20 MB by default) (the body limit is
 * above the store's, so the message arrives instead of Next's generic error page) — and several
 * files that are within the limits but together above the old 6 MB body limit go through; a
 * program renamed .pdf is refused on the field.
 */
test.describe.configure({ mode: 'serial' });

const STAMP = Date.now() % 100000;
const MB = 1024 * 1024;
const text = (bytes: number) => Buffer.alloc(bytes, 'a');
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();

function meetingLocal(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${d}T10:00`;
}

let matter = '';

async function fileMatter(page: Page) {
  await page.goto('/retrial/new');
  await page.getByLabel('Kind').selectOption({ label: 'Retrial recommendation' });
  await page.getByLabel('Court case number').fill(`(2025)青0103民初${STAMP}号`);
  await page.getByLabel('Title').fill(`上传测试再审检察建议 ${STAMP}`);
  await page.getByLabel('Parties').fill('申请监督人：甲某；其他当事人：乙某');
  await page.getByLabel('Judgment took effect on').fill('2026-01-15');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByTestId('retrial-status')).toHaveText('Filed');
  return new URL(page.url()).pathname;
}

async function fillEvidence(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.getByTestId('add-evidence');
  await form.getByLabel('Description of the evidence').fill('银行流水');
  await form.getByLabel('Found on').fill('2026-03-10');
  await form.getByLabel('Ground for the late submission').selectOption({ label: 'Known but could not be obtained' });
  await form.getByLabel('Explanation').fill('原审期间客观上无法提交。');
  await form.getByLabel('File (optional)').setInputFiles(file);
  return form;
}

test('with JavaScript: a file over 25 MB (the largest limit an administrator may set) gets the field message at once, and nothing is sent', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await as(browser, 'li.wen');
  matter = await fileMatter(page);
  const form = await fillEvidence(page, { name: 'big.txt', mimeType: 'text/plain', buffer: text(25 * MB + 1) });
  await expect(form.getByTestId('file-size-error')).toHaveText('The file is larger than the upload limit set by the administrator (20 MB unless changed).');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(form.getByLabel('File (optional)')).toBeFocused();
  await expect(form.getByLabel('File (optional)')).toHaveAttribute('aria-invalid', 'true');
  await page.waitForTimeout(500);
  expect(posts).toEqual([]);
  await expect(page.getByTestId('evidence-1')).toHaveCount(0);

  // A program renamed .pdf: refused on the field by the server, nothing added.
  await form.getByLabel('File (optional)').setInputFiles({ name: '银行流水.pdf', mimeType: 'application/pdf', buffer: EXE });
  await expect(form.getByTestId('file-size-error')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(form.getByText("The file's content does not match its name")).toBeVisible();
  await expect(page.getByTestId('evidence-1')).toHaveCount(0);
  await page.context().close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-US' });

  test('just over 20 MB (the default limit): the field message from the server, not the error page; exactly 20 MB is accepted', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/signin');
    await page.locator('#username').fill('li.wen');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#signin-submit').click();
    await expect(page.getByTestId('current-user')).toBeVisible();
    await page.goto(matter);
    let form = await fillEvidence(page, { name: 'big.txt', mimeType: 'text/plain', buffer: text(20 * MB + 1) });
    await form.getByRole('button', { name: 'Add evidence' }).click();
    form = page.getByTestId('add-evidence');
    await expect(form.getByText('The file is larger than the upload limit set by the administrator (20 MB unless changed).')).toBeVisible();
    await expect(page.getByTestId('evidence-1')).toHaveCount(0);

    form = await fillEvidence(page, { name: 'exactly-20mb.txt', mimeType: 'text/plain', buffer: text(20 * MB) });
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect(page.getByTestId('evidence-1').getByRole('link', { name: 'Download exactly-20mb.txt' })).toBeVisible();
  });
});

test.describe('several files in one form', () => {
  async function scheduleForm(page: Page, days: number) {
    await page.goto('/committee/new');
    await page.getByLabel('Date and time (China time)').fill(meetingLocal(days));
    await page.getByLabel('Location').fill('审判委员会会议室');
    const row = page.getByTestId('agenda-row').first();
    await row.getByLabel('Court case number').fill(`(2026)青0103刑初${STAMP}号`);
    await row.getByLabel(/^Case/).fill(`上传测试案 ${STAMP}`);
    await row.getByLabel('Why on the agenda').selectOption({ label: 'Public prosecution that may end in acquittal' });
  }
  const files = (n: number, size: number) => Array.from({ length: n }, (_, i) => ({ name: `材料${i + 1}.txt`, mimeType: 'text/plain', buffer: text(size) }));

  test('two files of 4 MB (8 MB, above the old body limit) are stored; over 25 MB together gets the field message, in the browser', async ({ browser }) => {
    test.setTimeout(120_000);
    const clerk = await as(browser, 'xu.jing');
    await scheduleForm(clerk, 4);
    await clerk.locator('#cm-files').setInputFiles(files(2, 4 * MB));
    await clerk.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(clerk.getByRole('heading', { level: 1, name: /^Committee meeting of / })).toBeVisible();
    await expect(clerk.getByTestId('materials').getByRole('link')).toHaveCount(2);

    await scheduleForm(clerk, 5);
    await clerk.locator('#cm-files').setInputFiles(files(6, Math.floor(4.5 * MB)));
    await expect(clerk.getByTestId('file-size-error')).toHaveText('Together the files are larger than 25 MB. Attach fewer or smaller files.');
    await clerk.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(clerk.getByRole('heading', { level: 1, name: 'Schedule a committee meeting' })).toBeVisible();
    await clerk.context().close();
  });

  test('without JavaScript, over 25 MB together: the field message from the server', async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const clerk = await context.newPage();
    await clerk.goto('/signin');
    await clerk.locator('#username').fill('xu.jing');
    await clerk.locator('#password').fill(PASSWORD);
    await clerk.locator('#signin-submit').click();
    await expect(clerk.getByTestId('current-user')).toBeVisible();
    await scheduleForm(clerk, 6);
    await clerk.locator('#cm-files').setInputFiles(files(6, Math.floor(4.5 * MB)));
    await clerk.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(clerk.getByText('Together the files are larger than 25 MB. Attach fewer or smaller files.')).toBeVisible();
    await context.close();
  });
});
