import { expect, type Browser, type Page } from '@playwright/test';

export const PASSWORD = 'Liaison-demo-2026';

export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#signin-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A page in its own browser context, signed in as `username` (English UI). */
export async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}
