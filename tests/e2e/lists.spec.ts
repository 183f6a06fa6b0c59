import { expect, test } from '@playwright/test';
import { as } from './helpers';

test('pages through a list without JavaScript state: the filter travels with every page link', async ({ browser }) => {
  const page = await as(browser, 'li.wen');
  await page.goto('/recommendations');
  // A procurator sees their own by default; widen the scope with the GET filter form.
  const form = page.getByRole('form', { name: 'Filters' });
  await form.getByLabel('Scope').selectOption('0');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]mine=0(&|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recommendations of the procuratorate');

  const pager = page.getByRole('navigation', { name: 'Pages of Recommendations of the procuratorate' });
  await pager.getByRole('link', { name: '10 per page' }).click();
  await expect(page).toHaveURL(/mine=0/);
  await expect(page).toHaveURL(/size=10/);
  const showing = pager.getByText(/^Showing 1–10 of (\d+)/);
  await expect(showing).toBeVisible();
  const total = Number((await showing.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThan(10);
  const firstPage = await page.getByRole('table', { name: 'Recommendations of the procuratorate' }).locator('tbody tr').allTextContents();
  expect(firstPage).toHaveLength(10);

  await pager.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/mine=0/);
  await expect(pager.getByText(new RegExp(`^Showing 11–${Math.min(20, total)} of ${total}`))).toBeVisible();
  const secondPage = await page.getByRole('table', { name: 'Recommendations of the procuratorate' }).locator('tbody tr').allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
  // The form still shows the filter, and applying it again keeps the page size.
  await expect(form.getByLabel('Scope')).toHaveValue('0');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/size=10/);
  await expect(page).not.toHaveURL(/page=2/);

  // Past the last page: the last page, not an error.
  await page.goto('/recommendations?mine=0&size=10&page=999');
  await expect(pager.getByText(new RegExp(`–${total} of ${total}`))).toBeVisible();
  await expect(pager.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.context().close();
});
