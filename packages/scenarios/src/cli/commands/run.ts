import { ENGINE_VERSION, type RunResult } from '@journeycast/sim-core';
import { runReport } from '../../report/runReport.ts';
import { headlineTable, toCsv, toMarkdown } from '../../report/tables.ts';
import { parseShard, shardText, unitsOfShard, type Shard } from '../../scale/shards.ts';
import { parseCommand, type Parsed } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { Runner } from '../execute.ts';
import { checkOutputPath, writeOutput } from '../files.ts';
import {
  encodeSummary,
  PART_FORMAT,
  PART_FORMAT_VERSION,
  SUMMARY_ENCODING,
  writePart,
} from '../partFile.ts';
import { runUnits, threadsText } from '../runUnits.ts';
import { formatOption, prepareRun, RUN_FLAGS, RUN_FLAGS_HELP, type PreparedRun } from './shared.ts';

export const RUN_HELP = `Usage: journeycast run <file> [options]

Simulates a scenario (its baseline and variants, paired) and prints the result.

Options:
  --format json|csv|md  json (default): every figure; csv / md: the headline figures per variant
${RUN_FLAGS_HELP}
  --shard i/n           run only shard i of n (replication r is in shard (r mod n) + 1) and write
                        a part file to --out (required); journeycast merge joins the parts. A shard
                        runs a fixed number of replications: the precision target is ignored

The JSON holds no wall-clock fields: two runs of the same scenario and seed are byte-identical,
whatever the number of workers or shards. Progress (on a terminal) and timings go to stderr.

Examples:
  journeycast run library/default.json --replications 50 --format md
  journeycast run library/default.json --replications 400 --shard 2/4 --out part-2.json
`;

export type RunFormat = 'json' | 'csv' | 'md';

/**
 * What `run` prints for a result: the one report function both `run` and `merge` go through,
 * so a merged result and a single machine's are the same bytes.
 */
export function runOutput(
  prepared: PreparedRun,
  result: RunResult,
  stoppedBy: string,
  format: RunFormat,
): string {
  const report = runReport(prepared.scenario, result, {
    hash: prepared.hash,
    agents: prepared.plan.agents,
    stoppedBy,
    set: prepared.changes,
  });
  return format === 'json'
    ? `${JSON.stringify(report, null, 2)}\n`
    : format === 'csv'
      ? toCsv(headlineTable(report))
      : toMarkdown(headlineTable(report));
}

/** `--shard i/n` with its companions checked: --out required, --format meaningless. */
export function shardOption(
  command: string,
  values: Record<string, unknown>,
): { shard: Shard; out: string } | undefined {
  if (values.shard === undefined) return undefined;
  let shard: Shard;
  try {
    shard = parseShard(String(values.shard));
  } catch (error) {
    throw new CliError(`--shard ${String(values.shard)}: ${(error as Error).message}`);
  }
  if (values.out === undefined) {
    throw new CliError(
      `${command}: --shard needs --out FILE, the part file journeycast merge reads (e.g. --shard ${shardText(shard)} --out part-${shard.index}.json)`,
    );
  }
  if (values.format !== undefined) {
    throw new CliError(
      `${command}: --format does not apply with --shard (a part file is JSON); give it to journeycast merge`,
    );
  }
  return { shard, out: String(values.out) };
}

export async function runCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('run', argv, { ...RUN_FLAGS, shard: { type: 'string' } });
  checkOutputPath(parsed.values.out);
  const sharded = shardOption('run', parsed.values);
  if (sharded !== undefined) return runShard(parsed, sharded.shard, sharded.out);
  const format = formatOption('run', parsed.values.format, ['json', 'csv', 'md']) as RunFormat;
  const prepared = prepareRun('run', parsed);
  const runner = new Runner(prepared.workers);
  try {
    const { result, outcome } = await runner.run(prepared.plan, prepared.scenario.id);
    const text = runOutput(prepared, result, outcome.stoppedBy, format);
    writeOutput(text, parsed.values.out as string | undefined);
    return EXIT.ok;
  } finally {
    await runner.close();
  }
}

/** One shard of a run: its replications, written as a part file. */
async function runShard(parsed: Parsed, shard: Shard, out: string): Promise<number> {
  const prepared = prepareRun('run', parsed, { precision: false });
  const { plan, scenario } = prepared;
  const label = `${scenario.id}: shard ${shardText(shard)}`;
  const replications = unitsOfShard(plan.replications, shard);
  const target = scenario.run.precision !== undefined ? 'the precision target is ignored: ' : '';
  process.stderr.write(
    `journeycast: ${label}: ${target}a fixed ${plan.replications} replications in ${shard.count} shard${shard.count === 1 ? '' : 's'}, ${replications.length} in this one (replication r is in shard (r mod ${shard.count}) + 1)\n`,
  );
  const { summaries, seconds } = await runUnits(
    [plan],
    replications.map((replication) => ({ plan: 0, replication })),
    prepared.workers,
    label,
  );
  writePart(out, {
    format: PART_FORMAT,
    formatVersion: PART_FORMAT_VERSION,
    kind: 'run',
    engineVersion: ENGINE_VERSION,
    scenarioHash: prepared.hash,
    shard,
    options: {
      variants: plan.variants.slice(1).map((v) => v.id),
      replications: plan.replications,
      agents: plan.agents,
      seed: plan.seed,
      set: prepared.changes,
    },
    encoding: SUMMARY_ENCODING,
    scenario: prepared.loaded.scenario,
    records: replications.map((replication, i) => ({
      replication,
      summaries: summaries[i]!.map(encodeSummary),
    })),
  });
  process.stderr.write(
    `journeycast: ${label}: ${replications.length} replications × ${plan.variants.length} variants × ${plan.agents} agents in ${seconds.toFixed(1)} s (${threadsText(prepared.workers, replications.length)}); wrote ${out}\n`,
  );
  return EXIT.ok;
}
