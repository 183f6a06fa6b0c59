import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.use({ locale: 'en-US' });

test('administrator: verifies the audit chain from the admin page and sees the last verification', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  const card = page.getByRole('region', { name: 'Audit chain' });
  await card.getByRole('button', { name: 'Verify now' }).click();
  await expect(card.getByRole('status')).toHaveText(/^\d+ events verified\.$/);
  const verified = Number((await card.getByRole('status').textContent())!.split(' ')[0]);
  expect(verified).toBeGreaterThan(50);
  await page.reload();
  await expect(card.getByText(/events verified, chains intact/)).toBeVisible();
  await expect(card.getByText('by an administrator')).toBeVisible();
});
