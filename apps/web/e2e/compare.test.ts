import { expect, test } from '@playwright/test';
import { SCREENS, collectErrors, waitForRun } from './helpers.ts';

test('two variants side by side with paired deltas', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/compare');
  const choose = page.getByRole('group', { name: 'Variants to compare (2 to 4)' });
  await choose.getByLabel(/Excellent onboarding/).uncheck();
  await choose.getByLabel(/A better app/).uncheck();
  await expect(page.getByText('Choose at least two variants.')).toBeVisible();
  await choose.getByLabel(/Excellent onboarding/).check();
  await waitForRun(page, 'Comparison', 90_000);

  const table = page.locator('table.compare-table');
  await expect(table.locator('thead th')).toHaveText([
    'Difference',
    'Six more call-centre agents',
    'Excellent onboarding, servicing and billing',
  ]);
  const npv = async (id: string) =>
    Number(await table.locator(`[data-metric="npv:${id}"]`).getAttribute('data-value'));
  expect(await npv('journeyExcellence')).toBeGreaterThan(await npv('moreAgents'));
  await expect(table.locator('[data-metric="npv:moreAgents"]')).toContainText('P10–P90');
  await expect(page.locator('#chart-compare-npv canvas')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/compare.png`, fullPage: true });
  expect(errors).toEqual([]);
});
