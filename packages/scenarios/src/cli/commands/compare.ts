import { runReport } from '../../report/runReport.ts';
import { compareTable, tableRecords, toCsv, toMarkdown } from '../../report/tables.ts';
import { parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { Runner } from '../execute.ts';
import { checkOutputPath, writeOutput } from '../files.ts';
import { formatOption, prepareRun, RUN_FLAGS, RUN_FLAGS_HELP } from './shared.ts';

export const COMPARE_HELP = `Usage: journeycast compare <file> [options]

The CFO's table: each variant against the baseline, paired replication by replication — NPV
P10 / P50 / P90, P(NPV > 0), ROI, payback month, and the change of revenue, cost-to-serve and
12-month retention.

Options:
  --format md|csv|json  md (default), csv for spreadsheets, json rows
${RUN_FLAGS_HELP}

Example:
  journeycast compare library/default.json --replications 100
`;

export async function compareCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('compare', argv, RUN_FLAGS);
  checkOutputPath(parsed.values.out);
  const format = formatOption('compare', parsed.values.format, ['md', 'csv', 'json']);
  const prepared = prepareRun('compare', parsed);
  if (prepared.plan.variants.length < 2) {
    throw new CliError(`compare: ${prepared.file} has no variant to compare with its baseline`);
  }
  const runner = new Runner(prepared.workers);
  try {
    const { result, outcome } = await runner.run(prepared.plan, prepared.scenario.id);
    const report = runReport(prepared.scenario, result, {
      hash: prepared.hash,
      agents: prepared.plan.agents,
      stoppedBy: outcome.stoppedBy,
      set: prepared.changes,
    });
    const table = compareTable(report);
    const text =
      format === 'md'
        ? toMarkdown(table)
        : format === 'csv'
          ? toCsv(table)
          : `${JSON.stringify(
              {
                scenario: report.scenario,
                currency: report.currency,
                engineVersion: report.engineVersion,
                seed: report.seed,
                replications: report.replications,
                rows: tableRecords(table),
              },
              null,
              2,
            )}\n`;
    writeOutput(text, parsed.values.out as string | undefined);
    return EXIT.ok;
  } finally {
    await runner.close();
  }
}
