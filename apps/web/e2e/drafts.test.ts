/**
 * Drafts in browser storage (issue 8): storage that is full or switched off gives a clear message
 * and the app keeps working; a draft saved with an older scenario schema loads through the
 * migrations. (Reload and corrupted-entry recovery are in library.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  SCREENS,
  collectErrors,
  draftOf,
  seedDraft,
  smallScenario,
  waitForRun,
} from './helpers.ts';

test('a full storage gives a message, and the app keeps working', async ({ page }) => {
  const errors = await collectErrors(page);
  await seedDraft(page, draftOf(smallScenario()));
  await page.addInitScript(() => {
    // Storage full, as Chromium reports it: a DOMException named QuotaExceededError.
    Storage.prototype.setItem = function () {
      throw new DOMException(
        "Failed to execute 'setItem' on 'Storage': Setting the value of 'journeycast:draft' exceeded the quota.",
        'QuotaExceededError',
      );
    };
  });
  await page.goto('/');
  // The seeded draft was read (reading still works) …
  await expect(page.locator('header')).toContainText('Small test scenario');
  await waitForRun(page, 'Live estimate');
  // … and the first save fails with words, not the browser's developer message.
  const field = page.locator('#lever-0-number');
  await field.fill('40');
  await field.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(alert).toContainText(
    'Your draft could not be saved: this browser’s storage for the site is full.',
  );
  await expect(alert).toContainText('Export scenario');
  await expect(alert).not.toContainText('Failed to execute');
  // One message, however many changes fail to save.
  await field.fill('41');
  await field.press('Enter');
  await page.waitForTimeout(500);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' })).toHaveCount(1);
  // The app keeps working.
  await waitForRun(page, 'Live estimate');
  await expect(page.locator('#lever-0-range')).toHaveValue('41');
  await page.screenshot({ path: `${SCREENS}/draft-storage-full.png` });
  expect(errors).toEqual([]);
});

test('storage switched off gives a message, and the app keeps working', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.addInitScript(() => {
    // Site data blocked: reading window.localStorage throws a SecurityError.
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText(
    'Drafts are off: this browser does not allow the site to store data.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  await waitForRun(page, 'Live estimate');
  const field = page.locator('#lever-7-number');
  await field.fill('1');
  await field.press('Enter');
  await expect(page.locator('#lever-7-range')).toHaveValue('1');
  await expect(page.getByRole('alert')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a draft saved with an older scenario schema loads through the migration', async ({
  page,
}) => {
  const errors = await collectErrors(page);
  const v1 = JSON.parse(
    readFileSync(
      new URL('../../../packages/scenarios/src/fixtures/default.v1.json', import.meta.url),
      'utf8',
    ),
  );
  expect(v1.schemaVersion).toBe(1);
  // Small run settings in version 1's own words (run.simulatedAgents became run.agents in 2).
  v1.title = 'Version 1 draft';
  v1.run = { ...v1.run, simulatedAgents: 1000, replications: 8 };
  delete v1.run.agents;
  delete v1.run.precision;
  v1.expect = [];
  await seedDraft(page, draftOf(v1, 'betterApp'));
  await page.goto('/');
  await expect(page.getByText('Your draft was saved by an older Journeycast')).toContainText(
    'scenario schema version 1',
  );
  await expect(page.locator('header')).toContainText('Version 1 draft');
  await expect(page.getByLabel('Compared with the baseline')).toHaveValue('betterApp');
  await waitForRun(page, 'Live estimate');
  // Saved back in the current version: a reload loads it without migrating again.
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('journeycast:draft')!));
  await expect.poll(async () => (await stored()).scenario.schemaVersion).toBe(2);
  expect((await stored()).scenario.run.agents).toBe(1000);
  await page.reload();
  await expect(page.locator('header')).toContainText('Version 1 draft');
  await expect(page.getByText('Your draft was saved by an older Journeycast')).toHaveCount(0);
  expect(errors).toEqual([]);
});
