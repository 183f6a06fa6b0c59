import { expect, test } from '@playwright/test';
import { as } from './helpers';

test("a procurator finds a case by a party's Chinese name from the shell's search box; the court finds nothing of it", async ({ browser }) => {
  const page = await as(browser, 'li.wen');
  await page.goto('/');
  const box = page.getByRole('search', { name: 'Search', exact: true }).getByRole('searchbox', { name: 'Search' });
  await box.fill('安康投资');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByTestId('search-results');
  const hit = results.getByRole('listitem').filter({ hasText: '安康投资' }).filter({ hasText: 'Supervision cases' }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText('安康投资');
  await hit.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText('西宁安康投资咨询有限公司').first()).toBeVisible();

  const court = await as(browser, 'lin.xue');
  const res = await court.goto('/search?q=%E5%AE%89%E5%BA%B7%E6%8A%95%E8%B5%84');
  expect(res?.status()).toBe(200);
  await expect(court.getByRole('navigation', { name: 'Kinds of record' })).not.toContainText('Supervision cases');
  expect(await court.content()).not.toContain('西宁安康投资咨询有限公司');
});

test('a court case number is found however its brackets are typed', async ({ browser }) => {
  const page = await as(browser, 'li.wen');
  for (const typed of ['(2025)青0103民初6120号', '（2025）青0103民初6120号', '〔2025〕青0103民初6120号']) {
    await page.goto(`/search?q=${encodeURIComponent(typed)}&kind=cases`);
    await expect(page.getByTestId('search-results').getByRole('listitem').first(), typed).toContainText('6120');
  }
});

test('an empty search and a 10 kB one get a clear message in the field, and no server error', async ({ browser }) => {
  const page = await as(browser, 'li.wen');
  let res = await page.goto('/search?q=');
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId('search-error')).toHaveText('Type a word, a name or a number to search for.');
  await expect(page.getByRole('search', { name: 'Search the records' }).getByRole('searchbox')).toHaveAttribute('aria-invalid', 'true');
  res = await page.goto(`/search?q=${'x'.repeat(10_000)}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId('search-error')).toHaveText('A search is at most 100 characters; shorten it.');
  await expect(page.getByTestId('search-results')).toHaveCount(0);

  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: page.url() }]);
  await page.goto('/search?q=%20%20');
  await expect(page.getByTestId('search-error')).toHaveText('请输入要搜索的词语、姓名或编号。');
});

test("a message is found with its thread by both sides; an internal note only by its own institution", async ({ browser }) => {
  const court = await as(browser, 'lin.xue');
  await court.goto(`/search?q=${encodeURIComponent('审查进度说明')}&kind=messages`);
  const hit = court.getByTestId('search-results').getByRole('listitem').first();
  await expect(hit.locator('mark').first()).toHaveText('审查进度说明');
  await hit.getByRole('link').click();
  await expect(court).toHaveURL(/\/recommendations\/[0-9a-f-]{36}#thread-title$/);

  const res = await court.goto(`/search?q=${encodeURIComponent('到期前一周')}`);
  expect(res?.status()).toBe(200);
  await expect(court.getByTestId('search-results')).toHaveCount(0);
  expect(await court.content()).not.toContain('到期前一周提醒我');

  const procurator = await as(browser, 'wu.yating');
  await procurator.goto(`/search?q=${encodeURIComponent('到期前一周')}`);
  const note = procurator.getByTestId('search-results').getByRole('listitem').first();
  await expect(note).toContainText('Internal note');
  await expect(note.locator('mark').first()).toHaveText('到期前一周');
});
