/**
 * `journeycast sweep`: one number of the model over a range (e.g. call-centre agents from 20 to
 * 40), each value paired against the unchanged baseline, as a table that marks the value with the
 * highest mean NPV. The work is (point, replication) units, so a sweep shards like a run.
 */
import {
  ENGINE_VERSION,
  ResultCollector,
  summarize,
  type RunPlan,
  type RunResult,
} from '@journeycast/sim-core';
import { toCsv, toMarkdown } from '../../report/tables.ts';
import type { Scenario } from '../../schema/scenarioSchema.ts';
import { shardText, unitsOfShard, type Shard } from '../../scale/shards.ts';
import {
  MAX_SWEEP_STEPS,
  sweepAxis,
  sweepPlan,
  sweepProblems,
  sweepReport,
  sweepTable,
  type SweepAxis,
  type SweepSpec,
} from '../../scale/sweep.ts';
import type { BaselineChange } from '../../validate/baselineChanges.ts';
import { didYouMean } from '../../validate/describe.ts';
import { integerOption, parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { checkOutputPath, readScenarioFile, writeOutput, type LoadedScenario } from '../files.ts';
import {
  encodeSummary,
  PART_FORMAT,
  PART_FORMAT_VERSION,
  SUMMARY_ENCODING,
  writePart,
} from '../partFile.ts';
import { runUnits, threadsText, type WorkUnit } from '../runUnits.ts';
import { shardOption } from './run.ts';
import {
  applySetChanges,
  formatOption,
  runSettingsOptions,
  scenarioFileArgument,
} from './shared.ts';

export const SWEEP_HELP = `Usage: journeycast sweep <file> --lever PATH --from A --to B --steps K [options]

Runs the scenario at K evenly spaced values of one number of the model (from A to B, both
included), each paired against the unchanged baseline with the same seed (common random
numbers), and prints a table: the value, the point's own NPV (mean, P10, P50, P90), its ΔNPV
against the baseline (P50, P(ΔNPV > 0)), cost to serve, abandonment of the lever's channel (for
channels.<id>.… paths) and 12-month retention, marking the value with the highest mean NPV.

Values are rounded to the step of the scenario's lever on PATH when it has one, and to whole
numbers where the model takes only whole numbers; a quality (journeys.<id>.quality) runs 0–3.

Options:
  --lever PATH          the number to sweep, e.g. channels.callCentre.agents (a lever's path or any
                        number in the model, as --set names it)
  --from A, --to B      the first and last value
  --steps K             values, 2 to ${MAX_SWEEP_STEPS}
  --variant ID          sweep this variant's model instead of the baseline's (ΔNPV is still against
                        the unchanged baseline)
  --format md|csv|json  md (default), csv for spreadsheets, json for every figure
  --replications N      replications per value (default: the scenario's run.replications; a sweep
                        ignores the precision target)
  --agents N            simulated customers (default: the scenario's run.agents)
  --seed S              seed (default: the scenario's run.seed)
  --set PATH=VALUE      change the baseline model first (repeatable), as for run
  --workers N           worker threads (default: one per core; 0 = run in this thread)
  --out FILE            write the output to FILE instead of stdout
  --shard i/n           run only shard i of n of the (value, replication) units and write a part
                        file to --out (required); journeycast merge prints the table

Example (NPV against call-centre staffing):
  journeycast sweep library/default.json --lever channels.callCentre.agents --from 20 --to 40 --steps 5
`;

export const SWEEP_FLAGS = {
  lever: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  variant: { type: 'string' },
  replications: { type: 'string' },
  agents: { type: 'string' },
  seed: { type: 'string' },
  set: { type: 'string', multiple: true },
  workers: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  shard: { type: 'string' },
} as const;

export type SweepFormat = 'md' | 'csv' | 'json';

/** A sweep ready to run (or to merge): its scenario, values and plan. */
export interface PreparedSweep {
  loaded: LoadedScenario;
  /** With the --set changes applied. */
  scenario: Scenario;
  hash: string;
  axis: SweepAxis;
  /** variants[0] the unchanged baseline, then one per value. */
  plan: RunPlan;
  changes: BaselineChange[];
}

export interface SweepRequest {
  spec: SweepSpec;
  replications?: number;
  agents?: number;
  seed?: number;
  changes: BaselineChange[];
}

/** From a scenario (read from a file, or carried by a part) and a request to the sweep's plan. */
export function prepareSweep(loaded: LoadedScenario, request: SweepRequest): PreparedSweep {
  const scenario = applySetChanges(loaded.scenario, request.changes);
  const { spec } = request;
  if (spec.variant !== undefined && !scenario.variants.some((v) => v.id === spec.variant)) {
    const known = scenario.variants.map((v) => v.id);
    throw new CliError(
      `--variant ${spec.variant}: no such variant in ${loaded.file}${didYouMean(spec.variant, known, 20)}`,
    );
  }
  let axis: SweepAxis;
  try {
    axis = sweepAxis(scenario, spec);
  } catch (error) {
    throw new CliError(`--lever ${spec.path}: ${(error as Error).message}`);
  }
  const problems = sweepProblems(scenario, axis).map((line) => `--lever ${spec.path} ${line}`);
  if (problems.length > 0) {
    throw new CliError(
      problems.length === 1 ? problems[0]! : `${problems.length} problems with the swept values`,
      EXIT.usage,
      problems.length === 1 ? [] : problems,
    );
  }
  const plan = sweepPlan(scenario, axis, {
    ...(request.replications !== undefined ? { replications: request.replications } : {}),
    ...(request.agents !== undefined ? { agents: request.agents } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
  });
  return { loaded, scenario, hash: loaded.hash, axis, plan, changes: request.changes };
}

/** Unit u of a sweep is replication ⌊u / P⌋ of point u mod P (P: baseline and values). */
export function sweepUnit(u: number, points: number): WorkUnit {
  return { plan: u % points, replication: Math.floor(u / points) };
}

/** A plan of one model of the sweep (a unit's work): the same settings, one variant. */
export function pointPlans(plan: RunPlan): RunPlan[] {
  return plan.variants.map((variant) => ({ ...plan, variants: [variant] }));
}

/** The result of a sweep from all its units (by replication, then point). */
export function sweepResult(
  plan: RunPlan,
  summaryOf: (point: number, replication: number) => Float64Array,
): RunResult {
  const collector = new ResultCollector(plan.variants.length);
  for (let r = 0; r < plan.replications; r++) {
    collector.add({
      replication: r,
      summaries: plan.variants.map((_, p) => summaryOf(p, r)),
    });
  }
  return summarize(plan, collector, plan.replications);
}

/**
 * What `sweep` prints for a result: the one report function both `sweep` and `merge` go through,
 * so a merged sweep and a single machine's are the same bytes.
 */
export function sweepOutput(
  prepared: PreparedSweep,
  result: RunResult,
  format: SweepFormat,
): string {
  const report = sweepReport(prepared.scenario, prepared.axis, prepared.plan, result, {
    hash: prepared.hash,
    set: prepared.changes,
  });
  return format === 'json'
    ? `${JSON.stringify(report, null, 2)}\n`
    : format === 'csv'
      ? toCsv(sweepTable(report))
      : toMarkdown(sweepTable(report));
}

function required(name: string, value: unknown): string {
  if (value === undefined)
    throw new CliError(`sweep: --${name} is required (see journeycast sweep --help)`);
  return String(value);
}

function finiteOption(name: string, value: unknown): number {
  const text = required(name, value);
  const x = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(x))
    throw new CliError(`--${name}: expected a number, got ${JSON.stringify(text)}`);
  return x;
}

export async function sweepCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('sweep', argv, SWEEP_FLAGS);
  const { values } = parsed;
  checkOutputPath(values.out);
  const sharded = shardOption('sweep', values);
  const format = formatOption('sweep', values.format, ['md', 'csv', 'json']) as SweepFormat;
  const file = scenarioFileArgument('sweep', parsed.positionals);
  const path = required('lever', values.lever);
  const from = finiteOption('from', values.from);
  const to = finiteOption('to', values.to);
  const steps = integerOption('steps', required('steps', values.steps), 2, MAX_SWEEP_STEPS)!;
  const settings = runSettingsOptions(values);
  const variant = values.variant as string | undefined;
  const spec: SweepSpec = { path, from, to, steps, ...(variant !== undefined ? { variant } : {}) };
  const prepared = prepareSweep(readScenarioFile(file), { ...settings, spec });
  const { plan, axis, scenario } = prepared;
  if (axis.values.length < steps) {
    process.stderr.write(
      `journeycast: ${scenario.id}: ${steps} steps give ${axis.values.length} distinct values after rounding to ${axis.rounding}: ${axis.values.join(', ')}\n`,
    );
  }

  const points = plan.variants.length;
  const total = points * plan.replications;
  const shard: Shard = sharded?.shard ?? { index: 1, count: 1 };
  const label =
    sharded !== undefined
      ? `${scenario.id}: sweep shard ${shardText(shard)}`
      : `${scenario.id}: sweep`;
  // Run grouped by point, so a worker compiles each model once; which units, not their order,
  // decides the numbers.
  const units = unitsOfShard(total, shard)
    .map((u) => sweepUnit(u, points))
    .sort((a, b) => a.plan - b.plan || a.replication - b.replication);
  if (sharded !== undefined) {
    process.stderr.write(
      `journeycast: ${label}: a fixed ${plan.replications} replications × ${points} models (the baseline and ${points - 1} values) = ${total} units in ${shard.count} shard${shard.count === 1 ? '' : 's'}, ${units.length} in this one (unit u = replication × ${points} + model is in shard (u mod ${shard.count}) + 1)\n`,
    );
  }
  const { summaries, seconds } = await runUnits(pointPlans(plan), units, settings.workers, label);
  const work =
    sharded !== undefined
      ? `${units.length} of the ${total} (model, replication) units`
      : `${points} models (the baseline and ${points - 1} values of ${path}) × ${plan.replications} replications`;
  process.stderr.write(
    `journeycast: ${label}: ${work} × ${plan.agents} agents in ${seconds.toFixed(1)} s (${threadsText(settings.workers, units.length)})${sharded !== undefined ? `; wrote ${sharded.out}` : ''}\n`,
  );

  if (sharded !== undefined) {
    writePart(sharded.out, {
      format: PART_FORMAT,
      formatVersion: PART_FORMAT_VERSION,
      kind: 'sweep',
      engineVersion: ENGINE_VERSION,
      scenarioHash: prepared.hash,
      shard,
      options: {
        variants: [],
        replications: plan.replications,
        agents: plan.agents,
        seed: plan.seed,
        set: prepared.changes,
      },
      sweep: {
        path,
        from,
        to,
        steps,
        variant: variant ?? null,
        values: axis.values,
      },
      encoding: SUMMARY_ENCODING,
      scenario: prepared.loaded.scenario,
      // In unit order (by replication, then point), as a single machine counts them.
      records: units
        .map((unit, i) => ({ unit, summary: summaries[i]![0]! }))
        .sort((a, b) => a.unit.replication - b.unit.replication || a.unit.plan - b.unit.plan)
        .map(({ unit, summary }) => ({
          replication: unit.replication,
          point: unit.plan,
          summary: encodeSummary(summary),
        })),
    });
    return EXIT.ok;
  }

  const byUnit = new Map<number, Float64Array>();
  units.forEach((unit, i) => byUnit.set(unit.replication * points + unit.plan, summaries[i]![0]!));
  const result = sweepResult(plan, (p, r) => byUnit.get(r * points + p)!);
  writeOutput(sweepOutput(prepared, result, format), values.out as string | undefined);
  return EXIT.ok;
}
