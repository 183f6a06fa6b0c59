import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { as } from './helpers';

/**
 * "Not visible" is "not found": for every detail page and download route under app/ (found on
 * disk, so a new one is covered), a record of the other institution that the viewer may not see
 * answers exactly as an id that does not exist — same status, same page text — so the answers
 * never tell which ids exist. The ids come from the records' own institution (its lists and
 * pages, drafts included); the unknown id replaces the last id of the same address (a visible
 * meeting's material the viewer may not open answers as an unknown material of that meeting).
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The dynamic routes under app/: their address pattern, from the file path. */
function detailRoutes(): { route: string; re: RegExp }[] {
  const out: { route: string; re: RegExp }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^(page\.tsx|route\.ts)$/.test(name) && full.includes('[')) {
        const route = path
          .relative('app', path.dirname(full))
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s))
          .join('/');
        if (route.startsWith('api/')) continue;
        out.push({ route: `/${route}`, re: new RegExp(`^/${route.replace(/\[[^\]]+\]/g, UUID)}$`) });
      }
    }
  };
  walk('app');
  return out;
}

const ROUTES = detailRoutes();

/** The words of an HTML page or a plain-text answer (scripts, styles, tags, nonces and ids left out). */
function words(body: string): string {
  return body
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(new RegExp(UUID, 'g'), '<id>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a viewer gets at an address: status, type and the page's words. */
async function answer(page: Page, href: string) {
  const res = await page.request.get(href, { maxRedirects: 0 });
  return { status: res.status(), type: res.headers()['content-type'], text: words(await res.text()) };
}

/** The app's addresses linked from an HTML page's main part. */
async function linksOf(page: Page, href: string): Promise<string[]> {
  const html = await (await page.request.get(href)).text();
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return [...main.matchAll(/href="(\/[^"?#]*)/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The detail addresses the owner reaches from the navigation: lists, then their records' pages and downloads. */
async function ownAddresses(page: Page): Promise<string[]> {
  await page.goto('/');
  const nav = await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link')
    .evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  const found = new Set<string>();
  const matching = (hrefs: string[]) => hrefs.filter((h) => ROUTES.some((r) => r.re.test(h)));
  for (const href of nav) for (const d of matching(await linksOf(page, href)).slice(0, 12)) found.add(d);
  // One level deeper: downloads and sub-records on the record pages.
  for (const d of [...found]) for (const h of matching(await linksOf(page, d))) found.add(h);
  // Sub-pages of a record that its page links only when open to the owner (/edit).
  for (const d of [...found]) for (const r of ROUTES) if (r.re.test(`${d}/edit`)) found.add(`${d}/edit`);
  return [...found];
}

const PAIRS: [owner: string, viewer: string][] = [
  ['li.wen', 'lin.xue'],
  ['zhao.mingyuan', 'xu.jing'],
  ['lin.xue', 'li.wen'],
  ['xu.jing', 'zhao.mingyuan'],
];

test('an existing record the viewer may not see answers exactly as an unknown id, on every detail route', async ({ browser }) => {
  test.setTimeout(300_000);
  const tried = new Map<string, { existing: number; invisible: number }>(ROUTES.map((r) => [r.route, { existing: 0, invisible: 0 }]));
  for (const [owner, viewer] of PAIRS) {
    const ownerPage = await as(browser, owner);
    const addresses = await ownAddresses(ownerPage);
    await ownerPage.context().close();
    const page = await as(browser, viewer);
    for (const href of addresses) {
      const route = ROUTES.find((r) => r.re.test(href))!.route;
      const unknown = href.replace(new RegExp(`${UUID}(?!.*${UUID})`), randomUUID());
      const [got, none] = [await answer(page, href), await answer(page, unknown)];
      const t = tried.get(route)!;
      t.existing++;
      if (got.status === 200) continue;
      t.invisible++;
      expect(got, `${viewer} at ${href} (${owner}'s), against ${unknown}`).toEqual(none);
    }
    // An unknown id on each route, once per viewer: never a 500.
    for (const r of ROUTES) {
      const href = r.route.replace(/\[[^\]]+\]/g, () => randomUUID());
      expect([403, 404], `${viewer} at ${href}`).toContain((await answer(page, href)).status);
    }
    await page.context().close();
  }
  console.log(
    `routes: ${ROUTES.length}\n` +
      [...tried].map(([route, t]) => `  ${route}: ${t.existing} records of the other institution tried, ${t.invisible} not visible`).join('\n'),
  );
  // Each kind of record page was tried with real records, and invisible ones were among them.
  for (const [route, t] of tried) if (!route.includes('[attachmentId]')) expect(t.existing, route).toBeGreaterThan(0);
  expect([...tried.values()].reduce((n, t) => n + t.invisible, 0)).toBeGreaterThan(5);
});
