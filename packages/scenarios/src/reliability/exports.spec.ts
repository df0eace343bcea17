/**
 * The command line's CSV (journeycast run / compare / sweep --format csv) is an export too, and
 * finance opens it in a spreadsheet. Its text cells today are ids (a letter first) and fixed words,
 * so a hostile scenario's labels and title never reach it; the rule is there all the same, for
 * whatever text a table gains next: text a spreadsheet would run as a formula gets a leading `'`,
 * numbers and numeric text stay numbers. The same rule as the app's CSV and XLSX exports
 * (apps/web/src/lib/export/table.ts).
 */
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../library.ts';
import { runReport } from '../report/runReport.ts';
import { compareTable, headlineTable, toCsv } from '../report/tables.ts';
import { validateScenario } from '../validate/validateScenario.ts';
import { tinyRun } from './harness.ts';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","Open")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '＝1+1',
];

/** RFC 4180 fields of a CSV line (quotes undone). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

describe('CSV from the command line, with a hostile scenario', () => {
  it('has no cell a spreadsheet would run, whatever the labels and title say', async () => {
    const scenario = libraryScenario('default');
    scenario.variants = scenario.variants.map((variant, i) => ({
      ...variant,
      label: HOSTILE[i]!,
      description: HOSTILE[i + 3]!,
    }));
    scenario.title = HOSTILE[3]!;
    const valid = validateScenario(scenario);
    expect(valid.ok).toBe(true);
    if (!valid.ok) return;
    const run = await tinyRun(valid.scenario, { replications: 2, agents: 200 });
    const report = runReport(valid.scenario, run.result!, {
      hash: 'sha256:0',
      agents: 200,
      stoppedBy: run.outcome.stoppedBy,
    });
    for (const table of [headlineTable(report), compareTable(report)]) {
      const csv = toCsv(table)
        .split('\r\n')
        .filter((line) => line !== '');
      for (const line of csv.slice(1)) {
        for (const cell of fields(line)) {
          // A plain number (negative ones keep their minus), or text no spreadsheet runs.
          if (!/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
  });

  it('neutralises every formula start the app does, including after white space and full-width', () => {
    const table = {
      columns: [
        { title: 'Label', key: 'label', format: 'text' as const },
        { title: 'Value', key: 'value', format: 'number' as const },
      ],
      rows: [...HOSTILE.map((label) => [label, -1.5]), ['Retention', -2], ['-0.05', 1]],
    };
    const lines = toCsv(table).split('\r\n');
    const cells = lines.slice(1, -1).map((l) => fields(l));
    // \r inside a field is quoted; fields() undoes the quotes.
    expect(cells.map((c) => c[0])).toEqual([
      ...HOSTILE.map((h) => `'${h}`),
      'Retention',
      // Numeric text (a swept value) is a number to a spreadsheet, not a formula: left alone.
      '-0.05',
    ]);
    expect(cells.every((c) => ['-1.5', '-2', '1'].includes(c[1]!))).toBe(true);
  });
});
