import { describe, expect, it } from 'vitest';
import { compactNumber, formatCell, toCsv, toMarkdown, type Table } from './tables.ts';

describe('formatting', () => {
  it('writes money compactly with 3 significant digits', () => {
    expect(compactNumber(9955364.5)).toBe('9.96 M');
    expect(compactNumber(-1905523)).toBe('−1.91 M');
    expect(compactNumber(177280)).toBe('177 k');
    expect(compactNumber(2.6e9)).toBe('2.6 bn');
    expect(compactNumber(850.4)).toBe('850');
    expect(compactNumber(0)).toBe('0');
  });

  it('formats each kind of cell', () => {
    expect(formatCell(0.6234, 'share')).toBe('62.3 %');
    expect(formatCell(1.234, 'signedPercent')).toBe('+1.2 %');
    expect(formatCell(-0.04, 'signedPercent')).toBe('0.0 %');
    expect(formatCell(0.0042, 'points')).toBe('+0.42 pp');
    expect(formatCell(4.79, 'ratio')).toBe('479 %');
    expect(formatCell(351400, 'count')).toBe('351,400');
    expect(formatCell(14.26, 'months')).toBe('14.3');
    expect(formatCell(null, 'money')).toBe('—');
    expect(formatCell(NaN, 'money')).toBe('—');
    expect(formatCell('never', 'months')).toBe('never');
  });
});

describe('tables', () => {
  const table: Table = {
    columns: [
      { title: 'Variant', key: 'variant', format: 'text' },
      { title: 'NPV', key: 'npv', format: 'money' },
    ],
    rows: [
      ['a, "quoted"', 1234567],
      ['b', null],
    ],
    notes: ['A note.'],
  };

  it('renders aligned Markdown with numbers right-aligned', () => {
    expect(toMarkdown(table)).toBe(
      [
        '| Variant     |    NPV |',
        '| ----------- | -----: |',
        '| a, "quoted" | 1.23 M |',
        '| b           |      — |',
        '',
        'A note.',
        '',
      ].join('\n'),
    );
  });

  it('renders RFC 4180 CSV with raw numbers', () => {
    expect(toCsv(table)).toBe('variant,npv\r\n"a, ""quoted""",1234567\r\nb,\r\n');
  });
});
