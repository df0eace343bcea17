import { expect, test } from '@playwright/test';

test('the built app loads and renders the workbench', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Workbench/);
  expect(errors).toEqual([]);
});
