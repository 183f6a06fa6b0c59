import { expect, test, type Locator, type Page } from '@playwright/test';
import { as } from './helpers';

test.describe.configure({ mode: 'serial' });

/** Today in China, and n days before, as YYYY-MM-DD (the server counts in the same zone). */
const chinaDay = (daysAgo = 0) => new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
const RUN = String(Date.now()).slice(-6);
const AGENCY = '西宁市城中区城市管理综合执法局';
const RESPONDENT = `西宁测试广告有限公司${RUN}`;

async function stepForm(page: Page, title: string): Promise<Locator> {
  const form = page.locator('form', { has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(form).toBeVisible();
  return form;
}

async function expectStatus(page: Page, status: string) {
  await expect(page.getByTestId('app-status')).toContainText(status);
}

test('the court refuses enforcement → the procuratorate flags the ruling → one click opens a supervision case', async ({ browser }) => {
  test.setTimeout(120_000);

  // The administrative judge registers the agency's application.
  const court = await as(browser, 'yang.fan');
  await court.goto('/non-litigation/new');
  await court.getByLabel('Decision reference').fill(`城综执罚〔${chinaDay().slice(0, 4)}〕${RUN}号`);
  await court.getByLabel('Applying agency').fill(AGENCY);
  await court.getByLabel('Respondent (party to be enforced against)').fill(RESPONDENT);
  await court.getByLabel('What the decision orders').fill('未经批准擅自设置大型户外广告牌：责令限期拆除，并处罚款人民币2万元。');
  await court.getByLabel('Decision final on').fill(chinaDay(60));
  await court.getByLabel('Demand for performance served on').fill(chinaDay(40));
  await court.getByRole('button', { name: 'Register' }).click();
  await expect(court.getByRole('heading', { level: 1, name: `${AGENCY} v. ${RESPONDENT}` })).toBeVisible();
  const url = court.url();
  await expectStatus(court, 'Applied to the court');
  // The statutory timeline shows the acceptance due date, running.
  await expect(court.getByTestId('stage-acceptance')).toHaveAttribute('data-state', 'running');

  // Accept, then rule: refuse enforcement, on a statutory ground.
  let form = await stepForm(court, 'Accept the application');
  await form.getByLabel('Court case number').fill(`(${chinaDay().slice(0, 4)})青0103行审${RUN}号`);
  await form.getByRole('button', { name: 'Accept' }).click();
  await expectStatus(court, 'Accepted, under review');
  form = await stepForm(court, 'Rule: refuse enforcement');
  await form.getByLabel('Ground for refusing enforcement').selectOption({ label: 'Clearly no legal basis' });
  await form.getByLabel('Reasons').fill('处罚决定所依据的地方规定已废止，处罚明显缺乏法律、法规依据。');
  await form.getByRole('button', { name: 'Rule to refuse' }).click();
  await expectStatus(court, 'Ruled: refuse enforcement');
  await expect(court.getByTestId('stage-refusalService')).toHaveAttribute('data-state', 'running');
  // The court has no checkpoints panel.
  await expect(court.getByRole('heading', { name: 'Procuratorate checks' })).toHaveCount(0);

  // The procurator sees the same application and flags the ruling.
  const proc = await as(browser, 'wu.yating');
  await proc.goto('/non-litigation');
  await proc.getByRole('link', { name: `${AGENCY} v. ${RESPONDENT}` }).click();
  await expect(proc).toHaveURL(url);
  await expectStatus(proc, 'Ruled: refuse enforcement');
  const finding = proc.getByTestId('finding-form-ruling_lawful');
  await finding.getByLabel('Flagged').check();
  await finding.getByLabel('Note').fill('经调查，该地方规定在处罚决定作出时仍然有效，法院以明显缺乏法律依据为由裁定不予执行，适用法律错误。');
  await finding.getByRole('button', { name: 'Record finding' }).click();
  const checkpoint = proc.getByTestId('checkpoint-ruling_lawful');
  await expect(checkpoint).toContainText('适用法律错误');

  // One click: the supervision case is opened and the page links to it.
  const open = proc.getByTestId('open-case-ruling_lawful');
  await expect(open).toBeVisible();
  await open.getByRole('button', { name: 'Open supervision case' }).click();
  const link = proc.getByTestId('case-link');
  await expect(link).toHaveText(/^城中检行非诉监〔\d{4}〕\d+号$/);
  await expect(link).toHaveAttribute('href', /^\/cases\/[0-9a-f-]{36}$/);
  await expect(proc.getByTestId('case-number')).toHaveText((await link.textContent())!);
  await expect(proc.getByRole('link', { name: 'Draft a recommendation' })).toHaveAttribute('href', '/recommendations/new');
  await expect(proc.getByTestId('open-case-ruling_lawful')).toHaveCount(0);
  await expect(proc.getByTestId('timeline')).toContainText('Supervision case opened');

  // The court still sees neither the check nor the case.
  await court.reload();
  await expect(court.getByTestId('case-link')).toHaveCount(0);
  await expect(court.getByTestId('timeline')).not.toContainText('Check recorded');
  await expect(court.getByTestId('timeline')).toContainText('Ruled: refuse enforcement');
});
