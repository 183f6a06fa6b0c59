import { expect, test, type Locator, type Page } from '@playwright/test';
import { as } from './helpers';

test.describe.configure({ mode: 'serial' });

const STAMP = Date.now() % 100000;
const CASE_NUMBER = `(2025)青0103民初${STAMP}号`;
const TITLE = `端到端测试再审检察建议 ${STAMP}`;

const ITEMS = [
  { description: '银行流水（12笔转账）', ground: 'Known but could not be obtained', found: '2026-03-10', file: true },
  { description: '微信聊天记录', ground: 'Existed but found late for objective reasons', found: '2026-04-02', file: false },
  { description: '公安机关询问笔录', ground: 'Arose after the hearing', formed: '2026-05-06', file: false },
];

const DETERMINATIONS = [
  { accepted: 'Yes', ground: 'Known but could not be obtained', reasons: '原审中已申请调取而未获准许，认定为新的证据。', overturn: 'Yes' },
  { accepted: 'No', ground: null, reasons: '该证据一直由当事人持有，不属于新的证据。', overturn: 'No' },
  { accepted: 'Yes', ground: 'Arose after the hearing', reasons: '形成于原审庭审结束之后，认定为新的证据。', overturn: 'No' },
];

let url = '';

async function addItem(page: Page, item: (typeof ITEMS)[number], n: number) {
  const form = page.getByTestId('add-evidence');
  await form.getByLabel('Description of the evidence').fill(item.description);
  if (item.formed) await form.getByLabel('Came into being on').fill(item.formed);
  if (item.found) await form.getByLabel('Found on').fill(item.found);
  await form.getByLabel('Ground for the late submission').selectOption({ label: item.ground });
  await form.getByLabel('Explanation').fill('原审期间客观上无法提交。');
  if (item.file) await form.getByLabel('File (optional)').setInputFiles({ name: '银行流水.txt', mimeType: 'text/plain', buffer: Buffer.from('2024-03 转账 3500 元') });
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByTestId(`evidence-${n}`)).toContainText(item.description);
}

async function determine(item: Locator, d: (typeof DETERMINATIONS)[number]) {
  const form = item.locator('form');
  await form.getByRole('group', { name: 'Accepted as new evidence?' }).getByLabel(d.accepted).check();
  if (d.ground) await form.getByLabel('Under which ground').selectOption({ label: d.ground });
  await form.getByLabel('Reasons').fill(d.reasons);
  await form.getByRole('group', { name: 'May it overturn the judgment?' }).getByLabel(d.overturn).check();
  await form.getByRole('button', { name: 'Record determination' }).click();
  await expect(item.getByTestId('determination')).toContainText(d.reasons);
}

test('a procurator files a retrial recommendation with three items; the judge records a determination on each', async ({ browser }) => {
  test.setTimeout(120_000);
  const proc = await as(browser, 'li.wen');
  await proc.goto('/retrial/new');
  await proc.getByLabel('Kind').selectOption({ label: 'Retrial recommendation' });
  await proc.getByLabel('Court case number').fill(CASE_NUMBER);
  await proc.getByLabel('Title').fill(TITLE);
  await proc.getByLabel('Parties').fill('申请监督人：甲某；其他当事人：乙某');
  await proc.getByLabel('Judgment took effect on').fill('2026-01-15');
  await proc.getByRole('button', { name: 'File', exact: true }).click();
  await expect(proc.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  url = proc.url();
  await expect(proc.getByTestId('retrial-status')).toHaveText('Filed');

  // A bad date pair is refused with the field named, and nothing is added.
  const form = proc.getByTestId('add-evidence');
  await form.getByLabel('Description of the evidence').fill('日期有误的证据');
  await form.getByLabel('Came into being on').fill('2026-03-02');
  await form.getByLabel('Found on').fill('2026-03-01');
  await form.getByLabel('Ground for the late submission').selectOption({ label: 'Known but could not be obtained' });
  await form.getByLabel('Explanation').fill('说明');
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(form.getByText('The evidence cannot have been found before it came into being.')).toBeVisible();
  await expect(proc.getByTestId('evidence-1')).toHaveCount(0);
  await form.getByLabel('Came into being on').fill('');
  await form.getByLabel('Found on').fill('');

  for (const [k, item] of ITEMS.entries()) await addItem(proc, item, k + 1);
  await expect(proc.getByTestId('evidence-1').getByRole('link', { name: 'Download 银行流水.txt' })).toBeVisible();
  // The procuratorate cannot determine: no form, only "awaiting".
  await expect(proc.getByTestId('evidence-1').getByTestId('determination')).toContainText('Awaiting the court');

  // The judge of the court opens the review and determines each item.
  const judge = await as(browser, 'lin.xue');
  await judge.goto(url);
  await judge.getByTestId('step-startReview').getByRole('button', { name: 'Open review' }).click();
  await expect(judge.getByTestId('retrial-status')).toHaveText('Under review');
  await expect(judge.getByText('3 items still need the court')).toBeVisible();

  for (const [k, d] of DETERMINATIONS.entries()) await determine(judge.getByTestId(`evidence-${k + 1}`), d);

  const first = judge.getByTestId('evidence-1').getByTestId('determination');
  await expect(first).toContainText('Accepted as new evidence');
  await expect(first).toContainText('May overturn the judgment');
  await expect(first).toContainText('林雪');
  const second = judge.getByTestId('evidence-2').getByTestId('determination');
  await expect(second).toContainText('Not accepted as new evidence');
  await expect(second).toContainText('Does not overturn the judgment');
  const third = judge.getByTestId('evidence-3').getByTestId('determination');
  await expect(third).toContainText('Accepted as new evidence');
  await expect(third).toContainText('Arose after the hearing');
  await expect(judge.locator('form[data-testid^="determine-"]')).toHaveCount(0);

  // The evidence file downloads for the court.
  const href = await judge.getByTestId('evidence-1').getByRole('link', { name: 'Download 银行流水.txt' }).getAttribute('href');
  const res = await judge.request.get(href!);
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe('2024-03 转账 3500 元');

  // Every item determined: the decision form appears; the judge orders retrial.
  const decide = judge.getByTestId('step-decide');
  await decide.getByLabel('Retrial ordered').check();
  await decide.getByLabel('Reasons').fill('新证据足以推翻原判决，裁定再审。');
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await expect(judge.getByTestId('retrial-status')).toHaveText('Retrial ordered');

  // The procurator sees the determinations and the decision.
  await proc.reload();
  await expect(proc.getByTestId('retrial-status')).toHaveText('Retrial ordered');
  await expect(proc.getByTestId('evidence-2').getByTestId('determination')).toContainText('该证据一直由当事人持有');
  await expect(proc.getByTestId('timeline')).toContainText('Evidence determined');
});
