import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'Liaison-demo-2026';

export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#signin-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}
