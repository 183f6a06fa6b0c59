import { expect, test } from '@playwright/test';
import { as } from './helpers';

/**
 * Every page each role can reach from its navigation, and the first records behind each list,
 * and the forms they link to, open with 200 and show no missing message (⟦…⟧, on the server as
 * lib/web/i18n/request.ts and in the browser as components/ClientIntl.tsx), in both languages.
 */
/** Whether the user's lists show records to open (the administrator's pages have none). */
const USERS: Record<string, { records: boolean }> = {
  'li.wen': { records: true },
  'zhao.mingyuan': { records: true },
  'lin.xue': { records: true },
  'wang.jianguo': { records: true },
  'xu.jing': { records: true },
  admin: { records: false },
};

for (const [username, { records }] of Object.entries(USERS)) {
  test(`${username}: every reachable page renders, in English and Chinese`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await as(browser, username);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const hrefs = await nav.getByRole('link').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
    expect(hrefs.length, 'links in the navigation').toBeGreaterThan(1);
    let recordsOpened = 0;
    const formPages: string[] = [];
    const visited = new Set<string>();
    const check = async (href: string) => {
      if (visited.has(href)) return;
      visited.add(href);
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(200);
      const text = await page.locator('body').innerText();
      expect(text, `${href} shows a missing message`).not.toMatch(/⟦[^⟧]+⟧/);
    };
    for (const href of hrefs) {
      await check(href);
      // The first few records behind a list page, and its forms (their words reach the browser with them).
      const links = await page
        .locator(`main a[href^="${href === '/' ? '/__none__' : href}/"]`)
        .evaluateAll((els) => [...new Set(els.map((a) => a.getAttribute('href')!))]);
      const forms = links.filter((h) => /\/(new|edit)$/.test(h));
      const details = links.filter((h) => !forms.includes(h)).slice(0, 3);
      for (const d of [...details, ...forms]) await check(d);
      formPages.push(...forms);
      recordsOpened += details.length;
    }
    // The crawl reached records behind the lists (an empty selector would check nothing).
    expect(recordsOpened > 0, `records opened: ${recordsOpened}`).toBe(records);
    // The navigation's pages and the forms again in Chinese (a record page's words come from the
    // same catalog entries as its list's, which the i18n unit test keeps complete in both languages).
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    for (const href of [...hrefs, ...formPages]) {
      visited.delete(href);
      await check(href);
    }
  });
}
