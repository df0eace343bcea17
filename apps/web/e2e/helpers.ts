import { expect, type Page } from '@playwright/test';

export const SCREENS = 'test-results/screens';

/** Fails the test on any uncaught page error (collected, checked at the end). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The run status block whose label starts with `label` ("Live estimate", "ROI run", …). */
export function runStatus(page: Page, label: string) {
  return page.locator('[data-run-status]').filter({ hasText: label }).first();
}

export async function waitForRun(page: Page, label: string, timeout = 60_000): Promise<void> {
  await expect(runStatus(page, label)).toHaveAttribute('data-run-status', 'done', { timeout });
}

export async function metric(page: Page, name: string): Promise<string> {
  return (await page.locator(`[data-metric="${name}"]`).first().getAttribute('data-value')) ?? '';
}
