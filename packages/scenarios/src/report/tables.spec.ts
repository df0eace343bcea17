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

  it('writes the stamp on every CSV row, after the figures', () => {
    const stamped: Table = {
      ...table,
      stamp: {
        scenarioId: 'default',
        scenarioHash: 'sha256:0123456789abcdef',
        currency: 'EUR',
        engineVersion: '2.0.0',
        seed: 7,
        replications: 50,
        agents: 2000,
        set: [
          { path: 'channels.chat.agents', value: 20 },
          { path: 'journeys.onboarding.quality', value: 'excellent' },
        ],
      },
    };
    const stamp =
      'default,sha256:0123456789abcdef,EUR,2.0.0,7,50,2000,channels.chat.agents=20; journeys.onboarding.quality=excellent';
    expect(toCsv(stamped)).toBe(
      [
        'variant,npv,scenario_id,scenario_hash,currency,engine_version,seed,replications,agents,set',
        `"a, ""quoted""",1234567,${stamp}`,
        `b,,${stamp}`,
        '',
      ].join('\r\n'),
    );
    // Markdown says it in the notes, not as columns.
    expect(toMarkdown(stamped)).toBe(toMarkdown(table));
  });

  it('keeps a status column out of Markdown, which shows it where the number is missing', () => {
    const payback: Table = {
      columns: [
        { title: 'Variant', key: 'variant', format: 'text' },
        { title: 'Payback', key: 'payback', format: 'months', markdownFallback: 'status' },
        { title: 'Status', key: 'status', format: 'text', markdown: false },
      ],
      rows: [
        ['a', 14.26, 'within horizon'],
        ['b', null, 'not within horizon'],
      ],
    };
    expect(toCsv(payback)).toBe(
      'variant,payback,status\r\na,14.26,within horizon\r\nb,,not within horizon\r\n',
    );
    expect(toMarkdown(payback)).toBe(
      [
        '| Variant |            Payback |',
        '| ------- | -----------------: |',
        '| a       |               14.3 |',
        '| b       | not within horizon |',
        '',
      ].join('\n'),
    );
  });
});
