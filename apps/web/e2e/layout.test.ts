/**
 * Layout and keyboard: no page scrolls sideways on a small laptop, the compared variant comes
 * before the levers in Tab order, and keyboard focus is visible. Runs the small test scenario: the
 * layout does not depend on the numbers, and its runs finish in a second.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  SCREENS,
  collectErrors,
  draftOf,
  seedDraft,
  smallScenario,
  waitForRun,
} from './helpers.ts';

const PAGES = [
  { path: '/', run: 'Live estimate', name: 'workbench' },
  { path: '/compare', run: 'Comparison', name: 'compare' },
  { path: '/roi', run: 'ROI run', name: 'roi' },
  { path: '/library', run: undefined, name: 'library' },
] as const;

/** How far the page is wider than the window (0 when it does not scroll sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const width of [1024, 1180]) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    const errors = await collectErrors(page);
    await seedDraft(page, draftOf(smallScenario()));
    await page.setViewportSize({ width, height: 800 });
    for (const { path, run, name } of PAGES) {
      await page.goto(path);
      if (run) await waitForRun(page, run);
      // Charts and tables mount after the first result: wait for the last section of each page.
      if (name === 'roi') await expect(page.locator('table.roi-table')).toBeVisible();
      if (name === 'compare') await expect(page.locator('table.compare-table')).toBeVisible();
      expect(await sideways(page), `${path} at ${width} px`).toBeLessThanOrEqual(0);
      if (width === 1024) await page.screenshot({ path: `${SCREENS}/${name}-1024.png` });
    }
    // The ROI case's variant dropdown stays inside its card, and year labels stay on one line.
    await page.goto('/roi');
    await waitForRun(page, 'ROI run');
    const select = await page.locator('#roi-variant').boundingBox();
    const card = await page.locator('.controls').boundingBox();
    expect(select!.x + select!.width).toBeLessThanOrEqual(card!.x + card!.width);
    const year = page.locator('table.roi-table th.year').first();
    const lineHeight = await year.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await year.boundingBox())!.height).toBeLessThan(2 * lineHeight + 16);
    expect(errors).toEqual([]);
  });
}

test('Tab reaches the compared variant before the levers, with a visible focus ring', async ({
  page,
}) => {
  await seedDraft(page, draftOf(smallScenario()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForRun(page, 'Live estimate');
  const reached: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (id === 'variant-picker' || id === 'lever-0-range') {
      reached.push(id);
      if (id === 'lever-0-range') break;
    }
  }
  expect(reached).toEqual(['variant-picker', 'lever-0-range']);

  // Whatever has keyboard focus shows it: a 3 px ring in the focus colour, not the browser's
  // faint default or nothing.
  const ring = () =>
    page.evaluate(() => {
      const el = document.activeElement!;
      const s = getComputedStyle(el);
      return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
  expect(await ring()).toEqual({ tag: 'INPUT', style: 'solid', width: 3 });
  await page.keyboard.press('Tab');
  expect(await ring()).toEqual({ tag: 'INPUT', style: 'solid', width: 3 });
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await ring()).toEqual({ tag: 'SELECT', style: 'solid', width: 3 });
  await page.locator('.intro .picker.card').screenshot({ path: `${SCREENS}/focus-variant.png` });
  // The economics group names both arms, with a space before the dot.
  await expect(
    page.locator('fieldset legend').filter({ hasText: 'baseline and variant' }),
  ).toHaveText(/^\s*Economics · baseline and variant\s*$/);
});
