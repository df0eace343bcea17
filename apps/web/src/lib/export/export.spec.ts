import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { toCsv } from './csv.ts';
import { neutralise, type Sheet } from './table.ts';
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
