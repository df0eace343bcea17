import { runReport } from '../../report/runReport.ts';
import { headlineTable, toCsv, toMarkdown } from '../../report/tables.ts';
import { parseCommand } from '../args.ts';
import { EXIT } from '../cliError.ts';
import { Runner } from '../execute.ts';
import { writeOutput } from '../files.ts';
import { formatOption, prepareRun, RUN_FLAGS, RUN_FLAGS_HELP } from './shared.ts';

export const RUN_HELP = `Usage: journeycast run <file> [options]

Simulates a scenario (its baseline and variants, paired) and prints the result.

Options:
  --format json|csv|md  json (default): every figure; csv / md: the headline figures per variant
${RUN_FLAGS_HELP}

The JSON holds no wall-clock fields: two runs of the same scenario and seed are byte-identical,
whatever the number of workers. Progress (on a terminal) and timings go to stderr.

Example:
  journeycast run library/default.json --replications 50 --format md
`;

export async function runCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('run', argv, RUN_FLAGS);
  const format = formatOption('run', parsed.values.format, ['json', 'csv', 'md']);
  const prepared = prepareRun('run', parsed);
  const runner = new Runner(prepared.workers);
  try {
    const { result, outcome } = await runner.run(prepared.plan, prepared.scenario.id);
    const report = runReport(prepared.scenario, result, {
      hash: prepared.hash,
      agents: prepared.plan.agents,
      stoppedBy: outcome.stoppedBy,
      set: prepared.changes,
    });
    const text =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'csv'
          ? toCsv(headlineTable(report))
          : toMarkdown(headlineTable(report));
    writeOutput(text, parsed.values.out as string | undefined);
    return EXIT.ok;
  } finally {
    await runner.close();
  }
}
