/**
 * Threads on records in the browser, against the production build: a message with an attachment
 * sent by the court is unread for the procurator (on the record, in the list row, in the shell)
 * and read — with her name and time, shown to the court — once she opens it; an internal note of
 * the procuratorate never reaches the court, neither in the HTML nor in the RSC payload; bad
 * input (an empty message, one over the limit, a colleague who may not see the record, a record
 * of another district) gets the field's message and stores nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { as } from './helpers';
import { actionIds, callAction, connect, demoRecords, errorsOf, sessionFor } from './http';

test.describe.configure({ mode: 'serial' });

const STAMP = Date.now();
const BODY = `请贵院查收我庭审查意见，并于本周内反馈。编号 MSG-${STAMP}`;
const FILE = `审查意见-${STAMP}.pdf`;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SECRET = `NOTE-SECRET-${STAMP}`;
const NOTE = `内部备注：法院回复可能拖延，拟报告检察长。${SECRET}`;

let url = '';

const messages = (page: Page) => page.getByTestId('thread-message');

test('a message with an attachment from the court is unread for the procurator and read, to the court, after she opens it', async ({ browser }) => {
  test.setTimeout(120_000);
  // A recommendation in both the court's list and li.wen's own ("My recommendations").
  const hrefs = async (page: Page) => {
    await page.goto('/recommendations');
    return page.locator('table a[href^="/recommendations/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  };
  const court = await as(browser, 'lin.xue');
  const proc = await as(browser, 'li.wen');
  const mine = new Set(await hrefs(proc));
  url = (await hrefs(court)).find((h) => mine.has(h))!;
  expect(url).toMatch(/^\/recommendations\/[0-9a-f-]{36}$/);
  await court.goto(url);
  const composer = court.getByTestId('message-composer');
  await composer.getByRole('textbox', { name: 'Message' }).fill(BODY);
  await composer.getByLabel('Attachments').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: PDF });
  await composer.getByRole('button', { name: 'Send to the other institution' }).click();
  const sent = messages(court).filter({ hasText: BODY });
  await expect(sent).toBeVisible();
  await expect(sent.getByRole('link', { name: FILE })).toBeVisible();
  await expect(sent.getByTestId('message-receipts')).toHaveText('Not read by the other side yet.');

  // The procurator: the shell counts it, the list row marks it, the thread shows it as unread.
  await proc.goto('/');
  const total = Number(await proc.getByTestId('unread-total').getAttribute('data-count'));
  expect(total).toBeGreaterThan(0);
  await proc.goto('/recommendations');
  await expect(proc.locator('tr', { has: proc.locator(`a[href="${url}"]`) }).getByTestId('row-unread')).toBeVisible();
  await proc.goto(url);
  const got = messages(proc).filter({ hasText: BODY });
  await expect(got.getByTestId('message-unread')).toHaveText('Unread');
  await expect(proc.getByTestId('thread-unread')).not.toHaveAttribute('data-count', '0');
  // The receipts are the sender's side's: not shown to her.
  await expect(got.getByTestId('message-receipts')).toHaveCount(0);
  const res = await proc.request.get((await got.getByRole('link', { name: FILE }).getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(Buffer.from(await res.body())).toEqual(PDF);

  // Opened once: read from now on, and one fewer in the shell.
  await proc.reload();
  await expect(messages(proc).filter({ hasText: BODY })).toBeVisible();
  await expect(messages(proc).filter({ hasText: BODY }).getByTestId('message-unread')).toHaveCount(0);
  await proc.goto('/');
  expect(Number(await proc.getByTestId('unread-total').getAttribute('data-count'))).toBeLessThan(total);

  // The court sees who read it and when.
  await court.reload();
  const receipt = messages(court).filter({ hasText: BODY }).getByTestId('message-receipts');
  await expect(receipt).toContainText('Read by');
  await expect(receipt).toContainText('李文');
  await expect(receipt.locator('time')).toHaveCount(1);
  await court.context().close();
  await proc.context().close();
});

test("an internal note of the procuratorate never appears in the court's HTML or RSC payload", async ({ browser }) => {
  test.setTimeout(90_000);
  const proc = await as(browser, 'li.wen');
  await proc.goto(url);
  const composer = proc.getByTestId('note-composer');
  await expect(composer).toContainText('Only your own institution sees this.');
  await composer.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await composer.getByRole('button', { name: 'Save internal note' }).click();
  const note = messages(proc).filter({ hasText: SECRET });
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('data-audience', 'internal');
  await expect(note).toContainText('Internal note · own institution only');
  // The procuratorate's own answers carry it (so the checks below can fail).
  expect(await (await proc.request.get(url)).text()).toContain(SECRET);
  expect(await (await proc.request.get(url, { headers: { RSC: '1' } })).text()).toContain(SECRET);

  const court = await as(browser, 'lin.xue');
  const html = await (await court.request.get(url)).text();
  expect(html).toContain(`MSG-${STAMP}`);
  expect(html).not.toContain(SECRET);
  expect(html).not.toContain('法院回复可能拖延');
  const rsc = await court.request.get(url, { headers: { RSC: '1' } });
  expect(rsc.headers()['content-type']).toContain('text/x-component');
  const payload = await rsc.text();
  expect(payload).toContain(`MSG-${STAMP}`);
  expect(payload).not.toContain(SECRET);
  expect(payload).not.toContain('法院回复可能拖延');
  // And in the court's browser, after client navigation too.
  await court.goto('/recommendations');
  await court.locator(`a[href="${url}"]`).first().click();
  await expect(messages(court).filter({ hasText: BODY })).toBeVisible();
  await expect(court.getByText(SECRET)).toHaveCount(0);
  await court.context().close();
  await proc.context().close();
});

test('bad input: the field says what is wrong and nothing is stored', async ({ browser }) => {
  test.setTimeout(90_000);
  const proc = await as(browser, 'li.wen');
  await proc.goto(url);
  const before = await messages(proc).count();
  const composer = proc.getByTestId('message-composer');
  const body = composer.getByRole('textbox', { name: 'Message' });
  const send = composer.getByRole('button', { name: 'Send to the other institution' });

  // Empty.
  await send.click();
  await expect(composer.getByText('Write the message text.')).toBeVisible();
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  // 10 kB over the limit (the textarea's own maxlength taken off, as a script could).
  await body.evaluate((el) => el.removeAttribute('maxlength'));
  await body.fill('长'.repeat(5_000 + 10_240));
  await send.click();
  await expect(composer.getByText('The message is longer than the 5,000-character limit.')).toBeVisible();
  await proc.reload();
  expect(await messages(proc).count()).toBe(before);

  // The same over HTTP, where no browser checks anything: the server names the field.
  const ids = actionIds();
  const cookie = await sessionFor(ids, 'li.wen');
  const action = ids.get('modules/threads/actions.ts#sendMessageAction')!;
  const recordId = url.split('/').pop()!;
  const tooLong = await callAction(action, { recordType: 'Recommendation', recordId, body: 'x'.repeat(5_000 + 10_240) }, cookie);
  expect(errorsOf(tooLong).fields).toEqual({ body: ['tooLong'] });
  const empty = await callAction(action, { recordType: 'Recommendation', recordId, body: '  ' }, cookie);
  expect(errorsOf(empty).fields).toEqual({ body: ['required'] });

  const db = await connect();
  test.skip(!db, 'needs the server database for the neighbouring district');
  try {
    const demo = demoRecords(db!);
    const users = await demo.users();
    // A colleague who may not see the record: the administrator; the neighbouring court's judge.
    const eastCourt = await demo.neighbour('COURT');
    const eastProc = await demo.neighbour('PROCURATORATE');
    const mention = await callAction(action, [['recordType', 'Recommendation'], ['recordId', recordId], ['body', '提及测试'], ['mentions', users['admin']!.id]], cookie);
    expect(errorsOf(mention).fields).toEqual({ mentions: ['mentionInvalid'] });
    // A record of another district: not found.
    const lead = await demo.one(
      `INSERT INTO "CaseLead" (id, kind, title, summary, "procuratorateId", "courtId", "fromKind", status, "sentById", "sentAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), 'other', '外院线索', '外院线索摘要', $1, $2, 'COURT', 'sent', $3, now(), now(), now()) RETURNING id`,
      [eastProc, eastCourt, users['lin.xue']!.id],
    );
    const far = await callAction(action, { recordType: 'CaseLead', recordId: lead, body: '越界消息' }, cookie);
    expect(errorsOf(far).fields).toEqual({ recordId: ['notFound'] });
    const stored = await db!.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ThreadMessage" WHERE body IN ('提及测试', '越界消息') OR "leadId" = $1`, [lead]);
    expect(stored.rows[0]!.n).toBe(0);
  } finally {
    await db?.end();
  }
  // Nothing of it on the page either.
  await proc.goto(url);
  await expect(proc.getByTestId('thread-message')).toHaveCount(before);
  await proc.context().close();
});
