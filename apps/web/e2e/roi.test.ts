import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import {
  SCREENS,
  collectErrors,
  draftOf,
  libraryFile,
  seedDraft,
  smallScenario,
  waitForRun,
} from './helpers.ts';
import { LONG_TASK_OBSERVER, describeTasks, readLongTasks } from './mainThread.ts';

test('the ROI case exports CSV and XLSX with the audit stamp', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.goto('/roi');
  await waitForRun(page, 'ROI run', 90_000);
  const hash = (await page.getByTestId('scenario-hash').textContent())!.trim();
  expect(hash.length).toBeGreaterThan(8);
  await expect(page.locator('table.roi-table tbody')).toHaveCount(3);
  await expect(page.locator('table.roi-table th[scope="row"]').first()).toHaveText('Year 1');

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(
    /^default-moreAgents-roi-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = await readFile((await csvDownload.path())!, 'utf8');
  for (const part of [
    '## Summary',
    '## Yearly',
    '## Monthly',
    '## Assumptions',
    `Scenario hash,${hash}`,
    'Engine version',
    // Whether the numbers are the whole run (a cancelled or failed run is stamped partial).
    '\r\nRun,Complete: ',
  ]) {
    expect(csv).toContain(part);
  }
  expect(csv).toMatch(/\r\nVariant,1,12,\d+(\.\d+)?,/);
  // The parameter that differs, by name, with its numbers as numbers and its path.
  expect(csv).toContain('Call-centre agents,26,32,channels.callCentre.agents');

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX' }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const files = unzipSync(new Uint8Array(await readFile((await xlsxDownload.path())!)));
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  expect(names).toEqual(['Summary', 'Yearly', 'Monthly', 'Assumptions']);
  for (let i = 1; i <= 4; i++) {
    const sheet = strFromU8(files[`xl/worksheets/sheet${i}.xml`]!);
    expect(sheet).toContain(hash);
    expect(sheet).toContain('Engine version');
  }
  const yearly = strFromU8(files['xl/worksheets/sheet2.xml']!);
  // Numbers are numeric cells with a money format, not text.
  expect(yearly).toMatch(/<c r="D15" s="2"><v>-?\d+(\.\d+)?<\/v><\/c>/);

  await waitForRun(page, 'Tornado sweep', 120_000);
  // Reported, not asserted (a task's length is wall-clock time, which a busy machine stretches);
  // the benchmark measures it (bench/latency.ts). Streaming covers the paired run, the tornado
  // sweep and the two exports made meanwhile.
  const longTasks = await readLongTasks(page);
  console.log(
    `[perf] ROI page, main-thread tasks over 50 ms: at start-up ${describeTasks(longTasks.startup)}; ` +
      `while the run and the tornado stream (exports included) ${describeTasks(longTasks.streaming)}`,
  );
  await expect(page.locator('#chart-tornado canvas')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/roi.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SCREENS}/roi-print.png`, fullPage: true });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  expect(errors).toEqual([]);
});

/** The figures a chart drew, from its data-values attribute (see ChartCanvas.svelte). */
async function chartValues<T>(page: Page, id: string): Promise<T> {
  return JSON.parse((await page.locator(`#${id}`).getAttribute('data-values'))!) as T;
}

test('the waterfall adds up from the baseline NPV to the variant NPV, and the tornado sweeps every lever', async ({
  page,
}) => {
  const errors = await collectErrors(page);
  await seedDraft(page, draftOf(smallScenario()));
  await page.goto('/roi');
  await waitForRun(page, 'ROI run');
  const waterfall = await chartValues<{
    baseline: number;
    variant: number;
    axisMin: number;
    drivers: Record<string, { mean: number; p10: number; p90: number }>;
  }>(page, 'chart-waterfall');
  const sum = Object.values(waterfall.drivers).reduce((s, d) => s + d.mean, waterfall.baseline);
  expect(Math.abs(sum - waterfall.variant)).toBeLessThan(1e-6 * Math.abs(waterfall.variant) + 1);
  // The same NPVs as the year-by-year table's reconciliation rows.
  const npvRow = (block: string) =>
    page.locator(`tbody[data-block="${block}"] tr[data-row="npv"] td`).getAttribute('data-value');
  expect(Math.abs(Number(await npvRow('baseline')) - waterfall.baseline)).toBeLessThan(1);
  expect(Math.abs(Number(await npvRow('variant')) - waterfall.variant)).toBeLessThan(1);
  for (const d of Object.values(waterfall.drivers)) expect(d.p10).toBeLessThanOrEqual(d.p90);
  // The text alternative says it in words, with every driver and both totals.
  const label = (await page.locator('#chart-waterfall [role="img"]').getAttribute('aria-label'))!;
  expect(label).toMatch(/^From baseline NPV to variant NPV by driver/);
  for (const word of ['Baseline NPV', 'Retention', 'Cost-to-serve', 'variant NPV', 'P10–P90'])
    expect(label).toContain(word);
  // The axis does not start at zero here, and the chart says so.
  expect(waterfall.axisMin).toBeGreaterThan(0);
  await expect(page.locator('#chart-waterfall')).toContainText('not at zero');

  await waitForRun(page, 'Tornado sweep', 120_000);
  const tornado = await chartValues<{
    centre: number;
    levers: { label: string; atMin: number; atMax: number }[];
  }>(page, 'chart-tornado');
  const levers = smallScenario().levers.map((l) => l.label as string);
  expect(tornado.levers.map((l) => l.label).sort()).toEqual([...levers].sort());
  for (const l of tornado.levers) {
    expect(Number.isFinite(l.atMin) && Number.isFinite(l.atMax)).toBe(true);
  }
  // Widest swing first.
  const swings = tornado.levers.map((l) => Math.abs(l.atMax - l.atMin));
  expect(swings).toEqual([...swings].sort((a, b) => b - a));
  const tornadoLabel = (await page
    .locator('#chart-tornado [role="img"]')
    .getAttribute('aria-label'))!;
  for (const lever of levers) expect(tornadoLabel).toContain(lever);
  expect(errors).toEqual([]);
});

test('differences are coloured by whether they are good for the variant, with F/U in words', async ({
  page,
}) => {
  await seedDraft(page, draftOf(smallScenario()));
  await page.goto('/roi');
  await waitForRun(page, 'ROI run');
  const cells = page.locator('tbody[data-block="delta"] td[data-column]');
  await expect(cells.first()).toBeVisible();
  const better: Record<string, 'higher' | 'lower'> = {
    revenue: 'higher',
    costToServe: 'lower',
    acquisition: 'lower',
    investment: 'lower',
    net: 'higher',
    cumulative: 'higher',
    discountedNet: 'higher',
    cumulativeDiscounted: 'higher',
  };
  const colour = (name: string) =>
    page.evaluate((n) => {
      const probe = document.createElement('span');
      probe.className = n;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    }, name);
  const favourable = await colour('favourable');
  const unfavourable = await colour('unfavourable');
  expect(favourable).not.toBe(unfavourable);
  const seen = new Set<string>();
  for (const cell of await cells.all()) {
    const column = (await cell.getAttribute('data-column'))!;
    const text = (await cell.textContent())!.trim();
    const sign = text.startsWith('+') ? 1 : text.startsWith('\u2212') ? -1 : 0;
    const expected =
      sign === 0
        ? 'neutral'
        : sign > 0 === (better[column] === 'higher')
          ? 'favourable'
          : 'unfavourable';
    await expect(cell).toHaveAttribute('data-judgement', expected);
    seen.add(`${column}:${expected}`);
    if (expected === 'neutral') continue;
    // Colour by judgement, never by sign, and the letter beside it for those who cannot see it.
    expect(await cell.evaluate((el) => getComputedStyle(el).color)).toBe(
      expected === 'favourable' ? favourable : unfavourable,
    );
    await expect(cell.locator('abbr.verdict')).toHaveAttribute('title', expected);
    await expect(cell.locator('abbr.verdict')).toContainText(expected === 'favourable' ? 'F' : 'U');
  }
  // More agents cost more: cost-to-serve rises, which is unfavourable, though the number is positive.
  expect(seen.has('costToServe:unfavourable')).toBe(true);
  await expect(page.getByText('F marks a favourable difference')).toBeVisible();
});

test('the ROI case prints on A4 without clipping, with every chart', async ({ page }) => {
  await seedDraft(page, draftOf(smallScenario()));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/roi');
  await waitForRun(page, 'ROI run');
  await waitForRun(page, 'Tornado sweep', 120_000);
  const pdf = await page.pdf({ format: 'A4' });
  // Chromium writes one page object per page.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThanOrEqual(5);
  // Laid out for print at the width of A4 (210 mm less 22 mm of margins, at 96 px an inch):
  // nothing sticks out, and the charts fit their boxes.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 710, height: 1000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(710);
  for (const id of ['chart-waterfall', 'chart-tornado']) {
    const fits = await page.locator(`#${id}`).evaluate((figure) => {
      const canvas = figure.querySelector('canvas')!;
      return canvas.getBoundingClientRect().right <= figure.getBoundingClientRect().right + 1;
    });
    expect(fits, id).toBe(true);
  }
  const table = await page.locator('table.roi-table').boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(710);
  await page.screenshot({ path: `${SCREENS}/roi-print-a4.png`, fullPage: true });
});

test('with a terminal value, the ROI case reconciles: cumulative discounted + terminal value = NPV', async ({
  page,
}) => {
  const errors = await collectErrors(page);
  const scenario = libraryFile('acquisition-margin');
  scenario.run = { seed: 3, replications: 8, agents: 1000, queueDaysPerMonth: 1 };
  scenario.expect = [];
  expect((scenario as unknown as { model: { terminalValue: boolean } }).model.terminalValue).toBe(
    true,
  );
  await seedDraft(page, draftOf(scenario, (scenario.variants[0] as { id: string }).id));
  await page.goto('/roi');
  await waitForRun(page, 'ROI run');
  const value = async (block: string, row: string) =>
    Number(
      await page
        .locator(`tbody[data-block="${block}"] tr[data-row="${row}"] td`)
        .getAttribute('data-value'),
    );
  for (const block of ['baseline', 'variant', 'delta']) {
    const discounted = Number(
      await page
        .locator(
          `tbody[data-block="${block}"] tr[data-year] td[data-column="cumulativeDiscounted"]`,
        )
        .last()
        .textContent()
        .then((t) => t!.replace(/[^\d.\u2212-]/g, '').replace('\u2212', '-')),
    );
    const terminal = await value(block, 'terminal-value');
    const npv = await value(block, 'npv');
    expect(terminal).not.toBe(0);
    // The table's figures are whole euros; the reconciliation holds to that rounding.
    expect(Math.abs(discounted + terminal - npv)).toBeLessThan(2);
  }
  // The headline NPV says it includes the terminal value, and the payback card why cash alone
  // may not pay back.
  const npvCard = page.locator('article', { has: page.locator('[data-metric="npv-p50"]') });
  await expect(npvCard).toContainText('incl. terminal value');
  await expect(
    page.locator('article', { has: page.locator('[data-metric="payback-p50"]') }),
  ).toContainText('the terminal value is not cash');
  expect(errors).toEqual([]);
});
