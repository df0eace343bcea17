/**
 * What `run`, `compare`, `sweep` and `merge` share: the scenario file, the run flags, and the plan
 * they make.
 */
import { planFromScenario } from '../../plan.ts';
import type { RunPlan } from '@journeycast/sim-core';
import { RUN_LIMITS, type Scenario } from '../../schema/scenarioSchema.ts';
import {
  applyBaselineChanges,
  parseChangeValue,
  type BaselineChange,
} from '../../validate/baselineChanges.ts';
import { didYouMean } from '../../validate/describe.ts';
import { formatScenarioError } from '../../validate/errors.ts';
import { integerOption, stringList, type Parsed } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { defaultWorkers } from '../execute.ts';
import { readScenarioFile, type LoadedScenario } from '../files.ts';

export const RUN_FLAGS = {
  variant: { type: 'string', multiple: true },
  replications: { type: 'string' },
  agents: { type: 'string' },
  workers: { type: 'string' },
  seed: { type: 'string' },
  set: { type: 'string', multiple: true },
  'no-precision': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export const RUN_FLAGS_HELP = `  --variant ID          run only this variant besides the baseline (repeatable; default: all)
  --replications N      replications (default: the scenario's run.replications)
  --agents N            simulated customers (default: the scenario's run.agents)
  --seed S              seed of every random stream (default: the scenario's run.seed)
  --set PATH=VALUE      change the baseline model before the run, e.g. --set channels.callCentre.agents=32
                        or --set journeys.onboarding.quality=excellent (repeatable; every variant inherits it)
  --no-precision        run every replication, even when the scenario's precision target is met sooner
  --workers N           worker threads (default: one per core; 0 = run in this thread)
  --out FILE            write the output to FILE instead of stdout`;

export interface PreparedRun {
  file: string;
  /** The scenario as read, before --set (what a part file carries; its hash stamps the result). */
  loaded: LoadedScenario;
  /** The scenario the run simulates: with the --set changes applied. */
  scenario: Scenario;
  hash: string;
  plan: RunPlan;
  workers: number;
  changes: BaselineChange[];
}

/**
 * The text each change was given as (`--set PATH=VALUE`), so messages echo what was typed (2.50,
 * 1e3) rather than the value read back (2.5, 1000). Changes from part files have none.
 */
const typedText = new WeakMap<BaselineChange, string>();

/** `PATH=VALUE` → a change, or a usage error naming the flag. */
export function parseSet(raw: string): BaselineChange {
  const at = raw.indexOf('=');
  if (at <= 0)
    throw new CliError(`--set ${raw}: expected PATH=VALUE, e.g. channels.callCentre.agents=32`);
  const path = raw.slice(0, at).trim();
  let change: BaselineChange;
  try {
    change = { path, value: parseChangeValue(raw.slice(at + 1).trim()) };
  } catch (error) {
    throw new CliError(`--set ${raw}: ${(error as Error).message}`);
  }
  typedText.set(change, raw);
  return change;
}

/** `--set PATH=VALUE` as the change was typed (or written back from its value). */
function setFlag(change: BaselineChange): string {
  const value = change.value;
  return `--set ${typedText.get(change) ?? `${change.path}=${typeof value === 'string' ? value : JSON.stringify(value)}`}`;
}

/** What a run asks for, once its flags are read (or a part file's options, for `merge`). */
export interface RunRequest {
  /** Variants besides the baseline, in this order (default: all the scenario's). */
  variants?: string[];
  replications?: number;
  agents?: number;
  seed?: number;
  changes: BaselineChange[];
  /** Use the scenario's precision target (false: run every replication). */
  precision: boolean;
  workers: number;
}

/** The positional scenario file of `run`, `compare` and `sweep`. */
export function scenarioFileArgument(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new CliError(
      `${command}: expected one scenario file, got ${positionals.length === 0 ? 'none' : positionals.join(' ')} (e.g. journeycast ${command} library/default.json)`,
    );
  }
  return positionals[0]!;
}

/** The run settings flags every simulating command shares, checked. */
export function runSettingsOptions(values: Parsed['values']): {
  replications?: number;
  agents?: number;
  seed?: number;
  workers: number;
  changes: BaselineChange[];
} {
  const replications = integerOption(
    'replications',
    values.replications,
    1,
    RUN_LIMITS.maxReplications,
  );
  const agents = integerOption('agents', values.agents, 1, RUN_LIMITS.maxAgents);
  const seed = integerOption('seed', values.seed, 0, 4294967295);
  const workers = integerOption('workers', values.workers, 0, 256) ?? defaultWorkers();
  const changes = stringList(values.set).map(parseSet);
  return {
    ...(replications !== undefined ? { replications } : {}),
    ...(agents !== undefined ? { agents } : {}),
    ...(seed !== undefined ? { seed } : {}),
    workers,
    changes,
  };
}

/** The scenario with `--set` changes applied, or a usage error naming each change's problem. */
export function applySetChanges(scenario: Scenario, changes: BaselineChange[]): Scenario {
  if (changes.length === 0) return scenario;
  const changed = applyBaselineChanges(scenario, changes);
  if (changed.ok) return changed.scenario;
  // Each problem under the --set it comes from (by path), else under all of them.
  const lines = changed.errors.map((e) => {
    const from = changes.find((c) => e.path === c.path || e.path.startsWith(`model.${c.path}`));
    const flag = from !== undefined ? setFlag(from) : '--set';
    return `${flag}: ${formatScenarioError(e)}`;
  });
  throw new CliError(
    lines.length === 1 ? lines[0]! : `${lines.length} problems with --set`,
    EXIT.usage,
    lines.length === 1 ? [] : lines,
  );
}

export function prepareRun(
  command: string,
  parsed: Parsed,
  overrides: { precision?: boolean } = {},
): PreparedRun {
  const { values, positionals } = parsed;
  const file = scenarioFileArgument(command, positionals);
  const settings = runSettingsOptions(values);
  const loaded = readScenarioFile(file);
  const wanted = stringList(values.variant);
  return prepareLoaded(loaded, {
    ...settings,
    ...(wanted.length > 0 ? { variants: wanted } : {}),
    precision: overrides.precision ?? values['no-precision'] !== true,
  });
}

/** From a scenario (read from a file, or carried by a part file) and a request to a plan. */
export function prepareLoaded(loaded: LoadedScenario, request: RunRequest): PreparedRun {
  const { file } = loaded;
  const scenario = applySetChanges(loaded.scenario, request.changes);
  const known = scenario.variants.map((v) => v.id);
  const wanted = request.variants ?? [];
  for (const id of wanted) {
    if (id !== 'baseline' && !known.includes(id)) {
      throw new CliError(`--variant ${id}: no such variant in ${file}${didYouMean(id, known, 20)}`);
    }
  }
  const variants =
    request.variants !== undefined
      ? [...new Set(wanted.filter((id) => id !== 'baseline'))]
      : undefined;
  const plan = planFromScenario(scenario, {
    ...(variants !== undefined ? { variants } : {}),
    ...(request.replications !== undefined ? { replications: request.replications } : {}),
    ...(request.agents !== undefined ? { agents: request.agents } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    precision: request.precision,
  });
  return {
    file,
    loaded,
    scenario,
    hash: loaded.hash,
    plan,
    workers: request.workers === 0 ? 0 : Math.min(request.workers, plan.replications),
    changes: request.changes,
  };
}

export function formatOption(command: string, value: unknown, allowed: readonly string[]): string {
  const format = value === undefined ? allowed[0]! : String(value);
  if (!allowed.includes(format)) {
    throw new CliError(`${command}: --format ${format}: expected one of ${allowed.join(', ')}`);
  }
  return format;
}
