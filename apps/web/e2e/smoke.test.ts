import { expect, test } from '@playwright/test';
import { SCREENS, collectErrors, waitForRun } from './helpers.ts';

test('every page loads, with its heading and no errors', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Workbench/);
  await page.waitForFunction(
    () => document.querySelector('[data-metric="npv-p50"]')?.getAttribute('data-value'),
    undefined,
    { polling: 'raf' },
  );
  const cold = await page.evaluate(() => performance.now());
  console.log(
    `[perf] first estimate ${Math.round(cold)} ms after navigation (cold: workers start, JIT warms up)`,
  );
  await waitForRun(page, 'Live estimate');
  for (const metric of [
    'npv-p50',
    'roi-p50',
    'payback-p50',
    'retention-12m',
    'cost-to-serve',
    'revenue',
  ]) {
    await expect(page.locator(`[data-metric="${metric}"]`)).not.toHaveText('…');
  }
  await page.screenshot({ path: `${SCREENS}/workbench.png`, fullPage: true });

  for (const [link, heading] of [
    ['Compare', 'Compare'],
    ['ROI case', 'ROI case'],
    ['Library', 'Library'],
    ['Workbench', 'Workbench'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
  }
  await page.goto('/library');
  await expect(page.getByRole('button', { name: /^Open Northbank/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/library.png`, fullPage: true });

  // Another library scenario opens on the workbench and runs.
  const card = page.locator('li.scenario').nth(1);
  const title = (await card.locator('h3').textContent())!.trim();
  await card.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  await expect(page.locator('header')).toContainText(title);
  await expect(page.locator('[data-metric="npv-p50"]')).not.toHaveAttribute('data-value', '', {
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SCREENS}/workbench-second-scenario.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('a laptop-width layout keeps the workbench usable', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForRun(page, 'Live estimate');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENS}/workbench-1280.png` });
});
