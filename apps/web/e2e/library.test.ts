import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { SCREENS, collectErrors, waitForRun } from './helpers.ts';

test('a broken scenario file shows its errors next to their paths', async ({ page }) => {
  await page.goto('/library');
  // Start from a real file: the current scenario, exported.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  const scenario = JSON.parse(await readFile((await download.path())!, 'utf8'));
  scenario.run.agents = -3;
  scenario.model.channels.callCentre.agentz = 40;
  await page.locator('#scenario-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario, null, 2)),
  });
  const alert = page.locator('.import-errors');
  await expect(alert).toContainText('broken.json was not imported');
  const row = (path: string) =>
    alert.locator('tr', { has: page.locator(`th[scope="row"]`, { hasText: path }) });
  await expect(row('run.agents')).toContainText('-3');
  await expect(row('model.channels.callCentre')).toContainText('agentz');
  await page.screenshot({ path: `${SCREENS}/library-import-error.png`, fullPage: false });

  await page.locator('#scenario-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ not json'),
  });
  await expect(alert).toContainText('bad.json was not imported');
  await expect(row('(file)')).toContainText('JSON syntax error at line 1');

  // Invalid UTF-8 is reported with its place, not silently replaced.
  await page.locator('#scenario-file').setInputFiles({
    name: 'latin1.json',
    mimeType: 'application/json',
    buffer: Buffer.concat([
      Buffer.from('{\n  "title": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\n}'),
    ]),
  });
  await expect(alert).toContainText('latin1.json was not imported');
  await expect(row('(file)')).toContainText(/UTF-8/);
  await expect(row('(file)')).toContainText(/line 2/);
  // The app keeps working with the scenario it had.
  await expect(page.locator('header')).toContainText('Northbank');
});

test('a scenario file dropped on the page is imported', async ({ page }) => {
  await page.goto('/library');
  // Export the current scenario, change its title, and drop it back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  const scenario = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(scenario.id).toBe('default');
  scenario.id = 'dropped';
  scenario.title = 'Dropped scenario';
  const data = await page.evaluateHandle((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, JSON.stringify(scenario));
  await page
    .getByRole('region', { name: 'Drop a scenario file here' })
    .dispatchEvent('drop', { dataTransfer: data });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  await expect(page.getByText('Imported “Dropped scenario” from dropped.json')).toBeVisible();
});

test('a share link opens the same scenario, variant and levers', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('/');
  await waitForRun(page, 'Live estimate');
  await page.getByLabel('Compared with the baseline').selectOption('betterApp');
  const chat = page.locator('#lever-1-number');
  await chat.fill('12');
  await chat.press('Enter');
  await expect(page.locator('#lever-1-range')).toHaveValue('12');
  await page.getByRole('link', { name: 'Library' }).click();
  const hash = (await page.getByTestId('library-scenario-hash').textContent())!.trim();
  expect(hash).toMatch(/^sha256:[0-9a-f]{16}$/);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  const url = await page.locator('#share-url').inputValue();
  expect(url).toMatch(/\/#s=[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.screenshot({ path: `${SCREENS}/library-share.png` });
  await context.close();

  // A fresh browser (no draft) opening the link sees the same thing.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  const errors = await collectErrors(fresh);
  await fresh.goto(url);
  await expect(fresh.getByText('Opened the shared scenario')).toBeVisible();
  await expect(fresh.getByLabel('Compared with the baseline')).toHaveValue('betterApp');
  await expect(fresh.locator('#lever-1-range')).toHaveValue('12');
  await expect(fresh).toHaveURL(/\/$/);
  await waitForRun(fresh, 'Live estimate');
  // The very same scenario: its canonical hash, which stamps every result, matches.
  await fresh.getByRole('link', { name: 'Library' }).click();
  await expect(fresh.getByTestId('library-scenario-hash')).toHaveText(hash);
  expect(errors).toEqual([]);
  await other.close();
});

test('a damaged share link gives a message and the app keeps working', async ({ page }) => {
  await page.goto('/#s=this-is-not-a-journeycast-link');
  await expect(page.getByRole('alert')).toContainText('This share link could not be opened');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  await waitForRun(page, 'Live estimate');
});

test('a reload right after a change keeps the draft', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page, 'Live estimate');
  await page.getByLabel('Compared with the baseline').selectOption('journeyExcellence');
  await page.locator('#lever-8-range').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#lever-8-number')).toHaveValue('1');
  // At once, well inside the save's debounce: the draft is saved when the page goes away.
  await page.reload();
  await expect(page.getByLabel('Compared with the baseline')).toHaveValue('journeyExcellence');
  await expect(page.locator('#lever-8-number')).toHaveValue('1');
  await expect(page.getByText('1 lever changed.')).toBeVisible();
  // A typed value, then a reload straight away.
  const field = page.locator('#lever-0-number');
  await field.fill('41');
  await field.press('Enter');
  await expect(page.locator('#lever-0-range')).toHaveValue('41');
  await page.reload();
  await expect(page.locator('#lever-0-range')).toHaveValue('41');
  await expect(page.getByText('2 levers changed.')).toBeVisible();
});

test('opening another scenario keeps the replaced draft: Undo, or restore it later', async ({
  page,
}) => {
  const errors = await collectErrors(page);
  await page.goto('/');
  await waitForRun(page, 'Live estimate');
  const field = page.locator('#lever-1-number');
  await field.fill('12');
  await field.press('Enter');
  await expect(page.locator('#lever-1-range')).toHaveValue('12');
  await page.getByRole('link', { name: 'Library' }).click();
  const card = page
    .locator('li.scenario')
    .filter({ has: page.locator('code', { hasText: /^surge-staffing$/ }) });
  await card.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  const undo = page.getByRole('button', { name: /^Undo: reopen “Northbank/ });
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(page.locator('header')).toContainText('Northbank');
  await expect(page.locator('#lever-1-range')).toHaveValue('12');
  await expect(page.getByText('1 lever changed.')).toBeVisible();

  // Replaced again, and this time restored from the Library after a reload.
  await page.getByRole('link', { name: 'Library' }).click();
  await card.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  await page.reload();
  await page.getByRole('link', { name: 'Library' }).click();
  const previous = page.getByRole('region', { name: 'Previous draft' });
  await expect(previous).toContainText('Northbank');
  await expect(previous).toContainText('1 lever change');
  await previous.getByRole('button', { name: 'Restore previous draft' }).click();
  await page.getByRole('link', { name: 'Workbench' }).click();
  await expect(page.locator('#lever-1-range')).toHaveValue('12');
  expect(errors).toEqual([]);
});

test('a corrupted draft is set aside with a message, never a blank app', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('journeycast:draft', '{"version":1,"scenario":{"truncated');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Your saved draft could not be read');
  await expect(page.getByRole('alert')).toContainText('journeycast:draft:unreadable:');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('journeycast:draft:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"version":1,"scenario":{"truncated']);
  await waitForRun(page, 'Live estimate');
  await page.screenshot({ path: `${SCREENS}/draft-recovered.png` });
});
