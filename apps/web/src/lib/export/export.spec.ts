import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { runInProcess, summarize, type RunResult } from '@journeycast/sim-core';
import { workbenchPlan, settingsFor } from '../engine/plans.ts';
import { libraryScenario, scenarioHash } from '../scenario/source.ts';
import { roiCaseInput } from '../state/roiInputs.ts';
import { roiBlocks, roiWorkbook } from './roiCase.ts';
import { toCsv } from './csv.ts';
import { cellNumber, cellText, neutralise, type Sheet } from './table.ts';
import { columnName, sheetName, toXlsx, xmlEscape } from './xlsx.ts';

const sheets: Sheet[] = [
  {
    name: 'Summary',
    rows: [
      [{ text: 'Journeycast ROI case', bold: true }],
      ['Scenario hash', 'abc123'],
      ['NPV', { value: -1234567.5, format: 'money' }, 0.25, null],
      [
        '=HYPERLINK("http://evil.example","click")',
        '+1',
        '-2',
        '@SUM(A1)',
        '\tx',
        '\rx',
        'a,b "c"',
      ],
    ],
  },
  {
    name: 'Yearly',
    rows: [
      ['Year', 'Revenue'],
      [1, 100.5],
    ],
  },
];

describe('neutralise', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+1', '-1', '@x', '\tx', '\rx'])
      expect(neutralise(bad)).toBe(`'${bad}`);
    expect(neutralise('Retention')).toBe('Retention');
    expect(neutralise('')).toBe('');
  });

  it('also after leading white space or a line feed, and in full-width forms', () => {
    for (const bad of [' =1+1', '\u00a0@SUM(1)', '\n=1', '  -2+3', '\uff1dSUM(1)', '\uff20x', '\n'])
      expect(neutralise(bad)).toBe(`'${bad}`);
    for (const fine of ['a = b', 'Cost-to-serve', 'x@y', '\u2212123 to 456', "'already"])
      expect(neutralise(fine)).toBe(fine);
  });
});

describe('CSV', () => {
  const csv = toCsv(sheets);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('writes numbers as plain numbers and text quoted when needed', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('## Summary');
    expect(lines[3]).toBe('NPV,-1234567.5,0.25,');
  });

  it('neutralises formulas, the same rule as the XLSX', () => {
    expect(lines[4]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")",'+1,'-2,'@SUM(A1),'\tx,"'\rx","a,b ""c"""`,
    );
  });

  it('puts the sheets one after another', () => {
    expect(lines).toContain('## Yearly');
    expect(lines).toContain('1,100.5');
  });
});

describe('XLSX', () => {
  const files = unzipSync(toXlsx(sheets, 'Test'));
  const text = (path: string) => strFromU8(files[path]!);

  it('is a SpreadsheetML package with one worksheet per sheet', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    expect(text('xl/workbook.xml')).toContain('<sheet name="Summary" sheetId="1" r:id="rId1"/>');
    expect(text('xl/workbook.xml')).toContain('<sheet name="Yearly" sheetId="2" r:id="rId2"/>');
    expect(text('[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
  });

  it('keeps numbers as numeric cells', () => {
    const sheet = text('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<c r="B3" s="2"><v>-1234567.5</v></c>');
    expect(sheet).toContain('<c r="C3"><v>0.25</v></c>');
    expect(text('xl/worksheets/sheet2.xml')).toContain('<c r="B2"><v>100.5</v></c>');
  });

  it('neutralises formulas and escapes XML in text cells', () => {
    const sheet = text('xl/worksheets/sheet1.xml');
    expect(sheet).toContain(
      `<t xml:space="preserve">'=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</t>`,
    );
    expect(sheet).toContain(`<t xml:space="preserve">'+1</t>`);
    expect(sheet).toContain(`<t xml:space="preserve">'@SUM(A1)</t>`);
    expect(sheet).not.toContain('<f>');
  });

  it('names columns and sheets as Excel requires', () => {
    expect(columnName(0)).toBe('A');
    expect(columnName(25)).toBe('Z');
    expect(columnName(26)).toBe('AA');
    expect(columnName(701)).toBe('ZZ');
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a b c');
    expect(sheetName('A B C', taken)).toBe('A B C 2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(xmlEscape('a\u0001<b>&')).toBe('a&lt;b&gt;&amp;');
  });

  it('gives the same bytes for the same case', () => {
    expect(toXlsx(sheets)).toEqual(toXlsx(sheets));
  });
});

const csvQuote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The fields of an RFC 4180 CSV, quotes undone. */
function csvFields(csv: string): string[] {
  const fields: string[] = [];
  const pattern = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^",\r\n]*))/g;
  for (const m of csv.replace(/^\uFEFF/, '').matchAll(pattern))
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
  return fields;
}

/** A spreadsheet acts on these when a text cell starts with them. */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

describe('the ROI case of a hostile scenario', () => {
  const HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(1)',
    '\t=1+1',
    '\r=1+1',
  ];

  async function hostileWorkbook(label: string) {
    const scenario = libraryScenario('default');
    scenario.title = HOSTILE[0]!;
    scenario.run = { seed: 5, replications: 2, agents: 200, queueDaysPerMonth: 1 };
    scenario.variants[0]!.label = label;
    scenario.levers[0]!.label = '@SUM(A1:A9)';
    const levers = { [scenario.levers[0]!.path]: 40 };
    const variantId = scenario.variants[0]!.id;
    const plan = workbenchPlan(scenario, variantId, levers, 'full');
    const outcome = await runInProcess(plan);
    const result: RunResult = summarize(plan, outcome.collector, outcome.replications);
    return roiWorkbook(
      roiCaseInput({
        scenario,
        hash: scenarioHash(scenario),
        variantId,
        levers,
        result,
        settings: settingsFor(scenario, 'full'),
        generatedAt: '2026-11-25T10:00:00.000Z',
        runOutcome: 'Complete: 2 of 2 replications',
      }),
    );
  }

  it('neutralises every text cell and keeps numbers numeric, in CSV and XLSX', async () => {
    for (const label of HOSTILE.slice(1)) {
      const sheets = await hostileWorkbook(label);
      const csv = toCsv(sheets);
      for (const field of csvFields(csv)) if (FORMULA.test(field)) expect(field).toMatch(NUMBER);
      expect(csv).toContain(`\r\nCompared variant,${csvQuote(`'${label}`)}\r\n`);
      expect(csvFields(csv).some((f) => NUMBER.test(f) && f.startsWith('-'))).toBe(true);
      const files = unzipSync(toXlsx(sheets));
      let negatives = 0;
      const texts: string[] = [];
      for (let i = 1; i <= sheets.length; i++) {
        const xml = strFromU8(files[`xl/worksheets/sheet${i}.xml`]!);
        expect(xml).not.toContain('<f>');
        for (const m of xml.matchAll(/<c r="[A-Z]+\d+"([^>]*)>([\s\S]*?)<\/c>/g)) {
          if (m[1]!.includes('t="inlineStr"')) {
            const text = /<t[^>]*>([\s\S]*?)<\/t>/
              .exec(m[2]!)![1]!
              .replace(/&quot;/g, '"')
              .replace(/&amp;/g, '&');
            expect(text).not.toMatch(FORMULA);
            texts.push(text);
          } else {
            const value = /<v>([^<]*)<\/v>/.exec(m[2]!)![1]!;
            expect(value).toMatch(NUMBER);
            if (value.startsWith('-')) negatives++;
          }
        }
      }
      expect(texts).toContain(`'${label}`);
      expect(texts).toContain(`'${HOSTILE[0]} (default)`);
      expect(texts.some((t) => t.startsWith("'@SUM(A1:A9) = 40"))).toBe(true);
      expect(negatives).toBeGreaterThan(0);
    }
  }, 30_000);

  it('writes P10 and P90 as numbers in cells of their own', async () => {
    const sheets = await hostileWorkbook('Safe label');
    const rows = sheets[0]!.rows;
    const header = rows.findIndex((r) => cellText(r[0] ?? null) === 'Each on its own');
    expect(rows[header]!.map((c) => cellText(c))).toEqual([
      'Each on its own',
      'Unit',
      'Baseline mean',
      'Variant mean',
      'Baseline P10',
      'Baseline P90',
      'Variant P10',
      'Variant P90',
    ]);
    const retention = [...rows].reverse().find((r) => r[0] === '12-month retention')!;
    const [bp10, bp90, vp10, vp90] = retention.slice(4).map((c) => cellNumber(c));
    for (const v of [bp10, bp90, vp10, vp90]) expect(typeof v).toBe('number');
    expect(bp10!).toBeLessThanOrEqual(bp90!);
    expect(vp10!).toBeLessThanOrEqual(vp90!);
    // No range written as text anywhere in the summary.
    expect(rows.flat().some((c) => / to /.test(cellText(c) ?? ''))).toBe(false);
  }, 30_000);
});

describe('the ROI case reconciles to the NPV', () => {
  async function run(id: string) {
    const scenario = libraryScenario(id);
    scenario.run = { seed: 11, replications: 4, agents: 600, queueDaysPerMonth: 1 };
    const variantId = scenario.variants[0]!.id;
    const plan = workbenchPlan(scenario, variantId, {}, 'full');
    const outcome = await runInProcess(plan);
    const result = summarize(plan, outcome.collector, outcome.replications);
    const base = result.variants[result.baseline]!;
    const variant = result.variants[variantId]!;
    return { scenario, variantId, result, base, variant };
  }
  const close = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));

  it('with a terminal value: cumulative discounted + terminal value = NPV, in every block', async () => {
    const { scenario, variantId, result, base, variant } = await run('acquisition-margin');
    expect(scenario.model.terminalValue).toBe(true);
    const [b, v, d] = roiBlocks(base, variant, true);
    for (const block of [b!, v!, d!]) {
      expect(block.discountedAtHorizon).toBe(block.rows.at(-1)!.cumulativeDiscounted);
      expect(block.npv).toBe(block.discountedAtHorizon + block.terminalValue);
    }
    expect(b!.terminalValue).not.toBe(0);
    close(b!.npv, base.totals.npv.mean);
    close(v!.npv, variant.totals.npv.mean);
    // The difference, from the paired terminal-value driver, adds up to the paired NPV.
    close(d!.npv, variant.vsBaseline!.npv.mean);
    close(d!.terminalValue, v!.terminalValue - b!.terminalValue);
    expect(d!.npvRange).toEqual([variant.vsBaseline!.npv.p10, variant.vsBaseline!.npv.p90]);

    const sheets = roiWorkbook(
      roiCaseInput({
        scenario,
        hash: scenarioHash(scenario),
        variantId,
        levers: {},
        result,
        settings: settingsFor(scenario, 'full'),
        generatedAt: '2026-11-25T10:00:00.000Z',
        runOutcome: 'Complete: 4 of 4 replications',
      }),
    );
    const summary = sheets[0]!.rows;
    const npvRow = summary.find((r) => r[0] === 'NPV = cumulative discounted + terminal value')!;
    expect(npvRow.slice(2).map((c) => cellNumber(c))).toEqual([b!.npv, v!.npv, d!.npv]);
    const tvRow = summary.find((r) => r[0] === 'Terminal value (discounted)')!;
    expect(cellNumber(tvRow[4]!)).toBe(d!.terminalValue);
    const yearly = sheets[1]!.rows;
    const last = yearly.find(
      (r) => r[0] === 'Difference: NPV = cumulative discounted + terminal value',
    )!;
    expect(cellNumber(last.at(-1)!)).toBe(d!.npv);
  }, 30_000);

  it('without one: the terminal value is zero and the NPV is the cumulative discounted net', async () => {
    const { base, variant } = await run('default');
    const blocks = roiBlocks(base, variant, false);
    for (const block of blocks) expect(block.terminalValue).toBe(0);
    // The yearly table discounts the mean monthly flows as the engine discounts each replication's.
    close(blocks[0]!.npv, base.totals.npv.mean);
    close(blocks[1]!.npv, variant.totals.npv.mean);
    close(blocks[2]!.npv, variant.vsBaseline!.npv.mean);
  }, 30_000);
});
