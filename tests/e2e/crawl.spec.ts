import { expect, test, type Browser, type Page } from '@playwright/test';
import { signedIn } from './helpers';
import { actionIds, BASE, sessionFor } from './http';

/**
 * Every page each role can reach from its navigation, and the first records behind each list,
 * and the forms they link to, open with 200 and show no missing message (⟦…⟧, on the server as
 * lib/web/i18n/request.ts and in the browser as components/ClientIntl.tsx), in both languages.
 *
 * Each user's pages are fetched over HTTP with the user's session (a few at a time: the server's
 * rendering is what takes the time) and read in a browser page without JavaScript (the page's
 * words as the server sent them, hidden ones too, found with the same locators as in a browser).
 * Each kind of page (its path, ids left out) is also opened once in a real browser with
 * JavaScript, in each language it is crawled in, for the words rendered after hydration.
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

const MISSING = /⟦[^⟧]+⟧/;
type Locale = 'en' | 'zh-CN';

/** The kind of page behind an address: its path, ids left out. */
const template = (href: string) => href.split('?')[0]!.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/g, '/[id]');

/** `fn` over `items`, `n` at a time, results in order. */
async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** Kinds of page already opened with JavaScript in this worker, per language. */
const withScripts = new Set<string>();

async function openWithScripts(browser: Browser, username: string, locale: Locale, hrefs: string[]) {
  const fresh = [...new Map(hrefs.map((h) => [template(h), h])).entries()].filter(([t]) => !withScripts.has(`${locale} ${t}`));
  if (fresh.length === 0) return;
  const context = await browser.newContext({ locale: 'en-US' });
  await signedIn(context, username);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: BASE }]);
  const pages = [await context.newPage(), await context.newPage()];
  await pool(fresh, pages.length, async ([t, href]) => {
    const page = pages.pop()!;
    try {
      const res = await page.goto(href);
      expect(res?.status(), `${href} (with JavaScript)`).toBe(200);
      await expect(page.locator('html'), href).toHaveAttribute('lang', locale);
      expect(await page.locator('body').innerText(), `${href} (with JavaScript, ${locale}) shows a missing message`).not.toMatch(MISSING);
      withScripts.add(`${locale} ${t}`);
    } finally {
      pages.push(page);
    }
  });
  await context.close();
}

for (const [username, { records }] of Object.entries(USERS)) {
  test(`${username}: every reachable page renders, in English and Chinese`, async ({ browser }) => {
    test.setTimeout(180_000);
    const session = await sessionFor(actionIds(), username);
    const reader = await browser.newContext({ javaScriptEnabled: false });
    await reader.route('**/*', (route) => route.abort());
    const page: Page = await reader.newPage();
    const fetched = new Map<string, string>();
    /** The pages over HTTP, a few at a time: each must answer 200. */
    const fetchAll = (hrefs: string[], locale: Locale) =>
      pool(hrefs, 4, async (href) => {
        const res = await fetch(BASE + href, { headers: { Cookie: `${session}; NEXT_LOCALE=${locale}` }, redirect: 'manual' });
        const html = await res.text();
        expect(res.status, `${href} (${locale})`).toBe(200);
        fetched.set(`${locale} ${href}`, html);
      });
    /** A fetched page in the reader: its language, and no missing message in its words. */
    const read = async (href: string, locale: Locale) => {
      await page.setContent(fetched.get(`${locale} ${href}`)!, { waitUntil: 'domcontentloaded' });
      await expect(page.locator('html'), href).toHaveAttribute('lang', locale);
      expect(await page.locator('body').innerText(), `${href} (${locale}) shows a missing message`).not.toMatch(MISSING);
    };

    await fetchAll(['/'], 'en');
    await read('/', 'en');
    const hrefs = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
    expect(hrefs.length, 'links in the navigation').toBeGreaterThan(1);
    // The shell's search box, where the user has one: a search that finds records of the demo.
    const box = page.getByRole('search', { name: 'Search' });
    const search = (await box.count()) ? await box.getAttribute('action') : null;
    if (search) hrefs.push(`${search}?q=${encodeURIComponent('青')}`);
    await fetchAll(hrefs.filter((h) => h !== '/'), 'en');
    let recordsOpened = 0;
    const formPages: string[] = [];
    const behind: string[] = [];
    for (const href of hrefs) {
      await read(href, 'en');
      // The first few records behind a list page, and its forms (their words reach the browser with them).
      const links = await page
        .locator(`main a[href^="${href === '/' ? '/__none__' : href}/"]`)
        .evaluateAll((els) => [...new Set(els.map((a) => a.getAttribute('href')!))]);
      const forms = links.filter((h) => /\/(new|edit)$/.test(h));
      const details = links.filter((h) => !forms.includes(h)).slice(0, 3);
      behind.push(...details, ...forms);
      formPages.push(...forms);
      recordsOpened += details.length;
    }
    const english = [...new Set([...hrefs, ...behind])];
    const more = english.filter((h) => !fetched.has(`en ${h}`));
    await fetchAll(more, 'en');
    for (const href of more) await read(href, 'en');
    // The crawl reached records behind the lists (an empty selector would check nothing).
    expect(recordsOpened > 0, `records opened: ${recordsOpened}`).toBe(records);
    // The navigation's pages and the forms again in Chinese (a record page's words come from the
    // same catalog entries as its list's, which the i18n unit test keeps complete in both languages).
    const chinese = [...new Set([...hrefs, ...formPages])];
    await fetchAll(chinese, 'zh-CN');
    for (const href of chinese) await read(href, 'zh-CN');
    await reader.close();
    // Each kind of page once with JavaScript, in both languages as above.
    await openWithScripts(browser, username, 'en', english);
    await openWithScripts(browser, username, 'zh-CN', chinese);
  });
}
