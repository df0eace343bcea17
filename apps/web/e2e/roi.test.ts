import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SCREENS, collectErrors, waitForRun } from './helpers.ts';

test('the ROI case exports CSV and XLSX with the audit stamp', async ({ page }) => {
  const errors = await collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.addInitScript(() => {
    const longTasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
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
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  console.log(
    `[perf] ROI page, load to tornado done: long tasks ${longTasks.length === 0 ? 'none' : longTasks.join(', ') + ' ms'}`,
  );
  await expect(page.locator('#chart-tornado canvas')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/roi.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SCREENS}/roi-print.png`, fullPage: true });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  expect(errors).toEqual([]);
});
