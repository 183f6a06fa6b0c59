import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { actionIds, BASE, PASSWORD, sessionFor } from './http';

export { PASSWORD };

/** Signs in through the sign-in form, as a person does (for the tests about signing in). */
export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.locator('form[data-ready]').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#signin-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

let ids: Map<string, string> | undefined;

/**
 * Puts `username`'s session into the context: one sign-in per user and worker (through the
 * sign-in form's action over HTTP, tests/e2e/http.ts), its cookie shared by every context after
 * it, as a person's browser keeps it. The tests about signing in use `signIn` instead.
 */
export async function signedIn(context: BrowserContext, username: string) {
  ids ??= actionIds();
  const cookie = await sessionFor(ids, username);
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: BASE, httpOnly: true, sameSite: 'Lax' as const };
    }),
  );
}

/** A page in its own browser context, signed in as `username` (English UI unless `options` say otherwise). */
export async function as(browser: Browser, username: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  await signedIn(context, username);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('current-user')).toBeVisible();
  return page;
}
