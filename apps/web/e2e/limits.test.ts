/**
 * Limits on links and imports (issue 8): a share link above 64 KiB of fragment is refused before
 * it is decoded; a link that inflates beyond a scenario's size (a decompression bomb) is stopped
 * while inflating; a file above RUN_LIMITS.maxFileBytes is refused on its size, before it is read.
 * Each with a message naming what was expected and what was found; the app keeps working.
 */
import { expect, test, type Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { collectErrors, draftOf, seedDraft, smallScenario, waitForRun } from './helpers.ts';

const base64Url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function expectStillWorking(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  await expect(page.locator('header')).toContainText('Small test scenario');
  await waitForRun(page, 'Live estimate');
}

test.beforeEach(async ({ page }) => {
  await seedDraft(page, draftOf(smallScenario()));
});

test('a share link above 64 KiB is refused before decoding', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.goto(`/#s=${'A'.repeat(70_000)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This share link could not be opened');
  await expect(alert).toContainText(
    'the link is 70,000 characters long; a Journeycast link holds at most 65,536',
  );
  await expectStillWorking(page);
  expect(errors).toEqual([]);
});

test('a share link that unpacks to 40 MB (a decompression bomb) is refused', async ({ page }) => {
  const errors = await collectErrors(page);
  // 40 MB of white space before a valid payload: about 40 KB deflated, a 53,000-character link,
  // under the length limit. (Within 64 KiB, DEFLATE's ~1032:1 ratio caps any bomb near 50 MB; the
  // inflate limit stops this one at 5 MB, inflating 1 KiB of input at a time.)
  const bomb = deflateSync(strToU8(`${' '.repeat(40_000_000)}{"v":1}`), { level: 9 });
  const link = base64Url(bomb);
  expect(link.length).toBeLessThan(65_536);
  await page.goto(`/#s=${link}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This share link could not be opened');
  await expect(alert).toContainText(
    'the link unpacks to more than 5 MB (a scenario is at most 5 MB); it is damaged or was made to exhaust memory',
  );
  await expectStillWorking(page);
  expect(errors).toEqual([]);
});

test('a file above the size limit is refused before it is read', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.addInitScript(() => {
    // Count reads of a file's content: a refused file must not be read at all.
    const w = window as unknown as { __fileReads: number };
    w.__fileReads = 0;
    for (const method of ['text', 'arrayBuffer', 'stream'] as const) {
      const original = Blob.prototype[method] as (...args: unknown[]) => unknown;
      Blob.prototype[method] = function (this: Blob, ...args: unknown[]) {
        w.__fileReads += 1;
        return original.apply(this, args);
      } as never;
    }
  });
  await page.goto('/library');
  await page.locator('#scenario-file').setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(5_000_001, 0x20),
  });
  const alert = page.locator('.import-errors');
  await expect(alert).toContainText('huge.json was not imported');
  await expect(alert).toContainText(
    'the file is 5,000,001 bytes; a scenario file may be at most 5,000,000 bytes',
  );
  expect(
    await page.evaluate(() => (window as unknown as { __fileReads: number }).__fileReads),
  ).toBe(0);
  await page.locator('#scenario-file').setInputFiles({
    name: 'bigger.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(12_345_678, 0x20),
  });
  await expect(alert).toContainText('the file is 12.3 MB; a scenario file may be at most 5 MB');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Workbench' })
    .click();
  await expectStillWorking(page);
  expect(errors).toEqual([]);
});
