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

test('Custom takes the workbench lever values; without them it shows no difference', async ({
  page,
}) => {
  const errors = await collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/compare');
  const choose = page.getByRole('group', { name: 'Variants to compare (2 to 4)' });
  for (const name of [/Excellent onboarding/, /A better app/])
    await choose.getByLabel(name).uncheck();
  await choose.getByLabel(/Custom \(baseline \+ levers\)/).check();
  await waitForRun(page, 'Comparison', 90_000);
  const table = page.locator('table.compare-table');
  // No lever moved: Custom is the baseline, so nothing differs and nothing pays back.
  await expect(table.locator('[data-metric="npv:custom"]')).toHaveAttribute('data-value', '');
  await expect(table.locator('[data-metric="payback:custom"]')).toContainText(
    'n/a (no difference)',
  );
  await expect(table.locator('[data-metric="payback:custom"]')).not.toContainText('month 0');

  // A lever moved on the workbench reaches Custom.
  await page.getByRole('link', { name: 'Workbench' }).click();
  const chat = page.locator('#lever-1-number');
  await chat.fill('12');
  await chat.press('Enter');
  await expect(page.locator('#lever-1-range')).toHaveValue('12');
  await page.getByRole('link', { name: 'Compare' }).click();
  await waitForRun(page, 'Comparison', 90_000);
  const npv = Number(await table.locator('[data-metric="npv:custom"]').getAttribute('data-value'));
  expect(Number.isFinite(npv)).toBe(true);
  expect(npv).not.toBe(0);
  await expect(table.locator('[data-metric="revenue:custom"]')).not.toHaveAttribute(
    'data-value',
    '0',
  );
  await expect(table.locator('[data-metric="payback:custom"]')).not.toContainText(
    'n/a (no difference)',
  );
  expect(errors).toEqual([]);
});
