import { expect, test, type Page } from '@playwright/test';
import { as } from './helpers';

test.describe.configure({ mode: 'serial' });

const TITLE = `关于规范送达程序的检察建议 ${Date.now()}`;
let url = '';

async function step(page: Page, title: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>, button?: string) {
  const form = page.locator('form', { has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(form).toBeVisible();
  if (fill) await fill(form);
  await form.getByRole('button', { name: button ?? undefined }).first().click();
  // The step went through: the form says "Done.", or it is gone (the step is no longer offered); never an error.
  await expect
    .poll(async () => (await form.count()) === 0 || (await form.getByRole('status').filter({ hasText: 'Done.' }).isVisible()), { message: `step "${title}" done` })
    .toBe(true);
  await expect(form.getByRole('alert')).toHaveCount(0);
}

async function expectStatus(page: Page, status: string) {
  await expect(page.locator('main h1 + div')).toContainText(status);
}

test('procurator drafts → leader approves → issued and served → court acknowledges and replies → procurator evaluates and closes', async ({ browser }) => {
  test.setTimeout(120_000);
  // Procurator drafts.
  const proc = await as(browser, 'li.wen');
  await proc.goto('/recommendations/new');
  await proc.getByLabel('Type').selectOption({ label: 'Correcting violations' });
  await proc.getByLabel('Title').fill(TITLE);
  await proc.getByLabel('Department of the court').selectOption({ label: 'Civil Division' });
  await proc.getByLabel('Court case number').fill('(2026)青0103民初88号');
  await proc.getByLabel('Facts found').fill('经调查核实，该院在审理原告张某与被告李某民间借贷纠纷一案中，未依法向被告送达起诉状副本。');
  await proc.getByLabel('Violation or problem found').fill('违反《中华人民共和国民事诉讼法》关于送达的规定。');
  await proc.getByRole('textbox', { name: 'Recommendation', exact: true }).fill('建议规范送达程序，加强对承办人员的培训。');
  await proc.getByLabel('Legal basis').fill('《中华人民共和国人民检察院组织法》第二十一条；《人民检察院检察建议工作规定》。');
  await proc.getByRole('button', { name: 'Save draft' }).click();
  await expect(proc.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  url = proc.url();
  await expectStatus(proc, 'Draft');
  await step(proc, 'Submit for approval', undefined, 'Submit');
  await expectStatus(proc, 'Awaiting approval');

  // A court user cannot open the procuratorate's draft by URL: to the court it does not exist.
  const court = await as(browser, 'lin.xue');
  const res = await court.goto(url);
  expect(res?.status()).toBe(404);
  await expect(court.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(court.getByText(TITLE)).toHaveCount(0);

  // Leader approves from the queue.
  const leader = await as(browser, 'zhao.mingyuan');
  await leader.goto('/recommendations/approvals');
  await leader.getByRole('link', { name: TITLE }).click();
  await step(leader, 'Approve', async (f) => f.getByLabel('Comment (optional)').fill('同意发出。'), 'Approve');
  await expectStatus(leader, 'Approved');

  // Procurator issues and records service.
  await proc.reload();
  await step(proc, 'Issue', undefined, 'Issue');
  await expectStatus(proc, 'Issued');
  await expect(proc.getByTestId('rec-number')).toHaveText(/^城中检民建〔\d{4}〕\d+号$/);
  const number = (await proc.getByTestId('rec-number').textContent())!;
  await step(proc, 'Record service on the court', undefined, 'Record service');
  await expectStatus(proc, 'Served, awaiting acknowledgement');
  await expect(proc.locator('#deadline-title + div')).toContainText(/days? left/);

  // Court staff: now visible; acknowledge and submit a reply.
  await court.goto('/recommendations');
  await court.getByRole('link', { name: TITLE }).click();
  await expect(court.getByTestId('rec-number')).toHaveText(number);
  await step(court, 'Acknowledge receipt', undefined, 'Acknowledge');
  await expectStatus(court, 'Acknowledged, awaiting reply');
  await step(
    court,
    'Reply',
    async (f) => {
      await f.getByLabel('Adoption').selectOption({ label: 'Adopted' });
      await f.getByLabel('Measures taken').fill('已责令承办庭重新送达，并组织全院开展送达程序专项培训。');
    },
    'Submit for sign-off',
  );
  await expectStatus(court, 'Reply awaiting court sign-off');

  // The procuratorate does not see the court's reply draft yet.
  await proc.reload();
  await expect(proc.getByText('已责令承办庭重新送达')).toHaveCount(0);

  // Court leader signs off.
  const president = await as(browser, 'wang.jianguo');
  await president.goto(url);
  await step(president, 'Sign off and send the reply', undefined, 'Sign and send');
  await expectStatus(president, 'Replied');

  // Procurator evaluates and closes.
  await proc.reload();
  await expect(proc.getByText('已责令承办庭重新送达')).toBeVisible();
  await step(
    proc,
    'Evaluate the reply',
    async (f) => {
      await f.getByLabel('Rectified', { exact: true }).check();
      await f.getByLabel('Evaluation').fill('法院已整改到位。');
    },
    'Record evaluation',
  );
  await expectStatus(proc, 'Evaluated');
  await step(proc, 'Close', undefined, 'Close');
  await expectStatus(proc, 'Closed');

  // The timeline shows every step, with who did it.
  const timeline = proc.getByTestId('timeline');
  for (const e of ['Draft created', 'Submitted for approval', 'Approved', 'Issued', 'Served on the court', 'Receipt acknowledged', 'Reply signed and sent', 'Reply evaluated', 'Closed']) {
    await expect(timeline.getByText(e, { exact: true })).toBeVisible();
  }
  await expect(timeline).toContainText('王建国');
  await expect(timeline).toContainText('林雪');
  // The court's internal step is not on the procuratorate's timeline; it is on the court's.
  await expect(timeline.getByText('Reply submitted for sign-off')).toHaveCount(0);
  await court.reload();
  await expect(court.getByTestId('timeline').getByText('Reply submitted for sign-off')).toBeVisible();
  await expect(court.getByTestId('timeline').getByText('Submitted for approval')).toHaveCount(0);
});

test('an overdue recommendation shows its days overdue', async ({ browser }) => {
  const leader = await as(browser, 'zhao.mingyuan');
  await leader.goto('/recommendations?overdue=1');
  const first = leader.locator('tbody tr').first();
  await expect(first.getByTestId('days-overdue')).toHaveText(/^\d+ days? overdue$/);
  await first.getByRole('link').first().click();
  await expect(leader.locator('#deadline-title + div').getByTestId('days-overdue')).toHaveText(/^\d+ days? overdue$/);
  await expect(leader.getByRole('heading', { name: 'Urge a reply' })).toBeVisible();
});
