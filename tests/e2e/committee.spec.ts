import { expect, test, type Page } from '@playwright/test';
import { as } from './helpers';

test.describe.configure({ mode: 'serial' });

const STAMP = Date.now();
const TITLE = `被告人马某某诈骗案（可能宣告无罪）${STAMP}`;
const FILE = `审理报告（摘要）${STAMP}.txt`;
const CONTENT = '【密件】马某某诈骗案审理报告摘要：合议庭对非法占有目的存在分歧。';

/** Three days from now at 10:00 China time, as a datetime-local value. */
function meetingLocal(): string {
  const d = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${d}T10:00`;
}

async function step(page: Page, testId: string, button: string, fill?: (form: ReturnType<Page['getByTestId']>) => Promise<void>) {
  const form = page.getByTestId(testId);
  await expect(form).toBeVisible();
  if (fill) await fill(form);
  await form.getByRole('button', { name: button }).click();
}

test('court clerk schedules and notifies; procurator-general names himself; only he (not a procurator) gets the materials', async ({ browser }) => {
  test.setTimeout(120_000);

  // The committee office clerk schedules the meeting with one case and one material file.
  const clerk = await as(browser, 'xu.jing');
  await clerk.goto('/committee');
  await clerk.getByRole('link', { name: 'Schedule a meeting' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: 'Schedule a committee meeting' })).toBeVisible();
  await clerk.getByLabel('Date and time (China time)').fill(meetingLocal());
  await clerk.getByLabel('Location').fill('审判委员会会议室（审判综合楼四楼）');
  const row = clerk.getByTestId('agenda-row').first();
  await row.getByLabel('Court case number').fill('(2026)青0103刑初215号');
  await row.getByLabel(/^Case/).fill(TITLE);
  await row.getByLabel('Why on the agenda').selectOption({ label: 'Public prosecution that may end in acquittal' });
  await clerk.locator('#cm-files').setInputFiles({ name: FILE, mimeType: 'text/plain', buffer: Buffer.from(CONTENT) });
  await clerk.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: /^Committee meeting of / })).toBeVisible();
  const url = clerk.url();
  expect(url).toMatch(/\/committee\/[0-9a-f-]{36}$/);
  await expect(clerk.getByTestId('meeting-status')).toHaveText('Scheduled (court only)');
  await expect(clerk.getByTestId('agenda')).toContainText(TITLE);
  await expect(clerk.getByTestId('materials').getByRole('link', { name: FILE })).toBeVisible();

  // Before notification the procuratorate does not see it: to the procuratorate it does not exist.
  const leader = await as(browser, 'zhao.mingyuan');
  expect((await leader.goto(url))?.status()).toBe(404);
  await expect(leader.getByText(TITLE)).toHaveCount(0);

  await step(clerk, 'step-notify', 'Notify');
  await expect(clerk.getByTestId('meeting-status')).toHaveText('Notified');

  // The procurator-general names himself the attendee.
  await leader.goto('/committee');
  await expect(leader.getByTestId('open-meetings')).toContainText(TITLE);
  await leader.goto(url);
  await expect(leader.getByTestId('meeting-status')).toHaveText('Notified');
  await step(leader, 'step-nameAttendee', 'Name the attendee', async (f) => {
    await f.getByLabel('Attendee').selectOption({ label: '赵明远 · 检察长' });
  });
  await expect(leader.getByTestId('meeting-status')).toHaveText('Attendee named');
  await expect(leader.getByTestId('attendee')).toHaveText('赵明远 · 检察长');
  await expect(leader.getByTestId('no-vote').first()).toContainText('The attendee has no vote.');

  // The named attendee sees the materials and the download works.
  const link = leader.getByTestId('materials').getByRole('link', { name: FILE });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const [download] = await Promise.all([leader.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(FILE);
  const ok = await leader.request.get(href);
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toBe(CONTENT);

  // A procurator who is not named sees the meeting but not the materials, and the download URL answers 403.
  const procurator = await as(browser, 'li.wen');
  expect((await procurator.goto(url))?.status()).toBe(200);
  await expect(procurator.getByTestId('attendee')).toHaveText('赵明远 · 检察长');
  await expect(procurator.getByTestId('materials-confidential')).toBeVisible();
  await expect(procurator.getByTestId('materials')).toHaveCount(0);
  await expect(procurator.getByText(FILE)).toHaveCount(0);
  const refused = await procurator.request.get(href);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain(CONTENT);
  // Nor may the procurator name an attendee.
  await expect(procurator.getByTestId('step-nameAttendee')).toHaveCount(0);
});
