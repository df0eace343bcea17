/**
 * A sweep: one number of the model (a lever, e.g. `channels.callCentre.agents`) set to K evenly
 * spaced values, each point simulated with the same seed as the unchanged baseline and paired
 * against it replication by replication (common random numbers), so the table reads "NPV against
 * staffing" with the noise of the comparison, not of each run, in its ΔNPV column.
 *
 * One sweep is one run plan: variants[0] the unchanged baseline, then one variant per point. The
 * CLI computes it unit by unit, a unit being one (point, replication) pair, so a sweep shards like
 * a run does (see shards.ts); `summarize` then sees exactly the replications one machine would.
 */
import { ModelSpec, QUALITY_LEVELS } from '@journeycast/models';
import type { PlanVariant, RunPlan, RunResult } from '@journeycast/sim-core';
import { cloneJson, parsePath, planFromScenario, setPath, variantModel } from '../plan.ts';
import { statSummary, type StatSummary } from '../report/runReport.ts';
import { stampOf, type Column, type Table } from '../report/tables.ts';
import type { Lever, Scenario } from '../schema/scenarioSchema.ts';
import type { BaselineChange } from '../validate/baselineChanges.ts';
import { schemaAt } from '../validate/checkSchema.ts';
import type { SchemaNode } from '../validate/describe.ts';
import { formatScenarioError } from '../validate/errors.ts';
import { lookupPath } from '../validate/modelPaths.ts';
import { validateScenario } from '../validate/validateScenario.ts';

/** The most points a sweep may have: each holds a summary per replication in memory. */
export const MAX_SWEEP_STEPS = 25;

/** What a sweep asks for (the CLI's --lever, --from, --to, --steps, --variant). */
export interface SweepSpec {
  /** Path of a number or a quality level in the model, e.g. `channels.callCentre.agents`. */
  path: string;
  from: number;
  to: number;
  /** Points, at least 2 (from and to), at most MAX_SWEEP_STEPS. */
  steps: number;
  /** Sweep this variant's model instead of the baseline's; ΔNPV is still against the baseline. */
  variant?: string;
}

/** A sweep's values, worked out from its spec and the scenario. */
export interface SweepAxis {
  spec: SweepSpec;
  /** The scenario's lever on the path, when it has one (its label titles the table). */
  lever?: Lever;
  /** quality: levels 0–3 (poor … excellent), set by name; integer: whole numbers only. */
  kind: 'number' | 'integer' | 'quality';
  /** How the evenly spaced values were rounded, in words ('' when they were not). */
  rounding: string;
  /** The values set at the path, distinct, in sweep order (quality levels by name). */
  values: (number | string)[];
  /** The unchanged baseline's value at the path (null when only the variant has the path). */
  current: number | string | null;
  /** The channel a `channels.<id>.…` path belongs to, whose abandonment the table shows. */
  channel?: string;
}

/** Shortest form of a value computed in floating point: 0.30000000000000004 → 0.3. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

function isQualityLevel(value: unknown): value is string {
  return typeof value === 'string' && (QUALITY_LEVELS as readonly string[]).includes(value);
}

/** The model a sweep changes: the baseline's, or with `variant`, that variant's. */
function sweptModel(scenario: Scenario, variant: string | undefined): ModelSpec {
  return variant === undefined ? cloneJson(scenario.model) : variantModel(scenario, variant);
}

/**
 * The values of a sweep: `steps` evenly spaced from `from` to `to` (both included), rounded to the
 * step of the scenario's lever on the path when it has one (counted from the lever's min, as its
 * slider does), to whole numbers where the model takes only whole numbers, and to levels 0–3 for a
 * quality; values that rounding made equal are kept once. Throws an Error saying what is wrong.
 *
 * @example
 * sweepAxis(libraryScenario('default'), { path: 'channels.callCentre.agents', from: 20, to: 40, steps: 5 }).values;
 * // => [20, 25, 30, 35, 40]
 */
export function sweepAxis(scenario: Scenario, spec: SweepSpec): SweepAxis {
  const { path, from, to, steps } = spec;
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_SWEEP_STEPS)
    throw new Error(
      `steps: expected a whole number between 2 and ${MAX_SWEEP_STEPS}, got ${steps}`,
    );
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new Error(`from and to: expected finite numbers, got ${from} and ${to}`);
  const parts = parsePath(path);
  const model = sweptModel(scenario, spec.variant);
  const lookup = lookupPath(model, parts);
  if (!lookup.found) throw new Error(lookup.problem);
  const current = lookup.value;
  const inBaseline = lookupPath(scenario.model, parts);
  const lever = scenario.levers.find((l) => l.path === path);
  let kind: SweepAxis['kind'];
  if (isQualityLevel(current)) kind = 'quality';
  else if (typeof current === 'number') {
    const schema = schemaAt(ModelSpec as unknown as SchemaNode, parts, model);
    kind = schema?.type === 'integer' ? 'integer' : 'number';
  } else {
    throw new Error(
      `is ${JSON.stringify(current)}: a sweep needs the path of a number or a quality level`,
    );
  }

  const raw = Array.from({ length: steps }, (_, k) => from + ((to - from) * k) / (steps - 1));
  let rounded: number[];
  let rounding: string;
  if (kind === 'quality') {
    const last = QUALITY_LEVELS.length - 1;
    if (Math.min(from, to) < 0 || Math.max(from, to) > last) {
      throw new Error(
        `is a quality: from and to must lie in 0–${last} (${QUALITY_LEVELS.map((l, i) => `${i} ${l}`).join(', ')}), got ${from} and ${to}`,
      );
    }
    rounded = raw.map((x) => Math.round(x));
    rounding = 'whole levels';
  } else if (lever !== undefined) {
    rounded = raw.map((x) =>
      tidy(lever.min + Math.round((x - lever.min) / lever.step) * lever.step),
    );
    if (kind === 'integer') rounded = rounded.map((x) => Math.round(x));
    rounding = `the lever's step (${lever.step}${lever.min !== 0 ? ` from ${lever.min}` : ''})`;
  } else if (kind === 'integer') {
    rounded = raw.map((x) => Math.round(x));
    rounding = 'whole numbers';
  } else {
    rounded = raw.map(tidy);
    rounding = '';
  }
  const distinct = [...new Set(rounded.map((x) => (Object.is(x, -0) ? 0 : x)))];
  const values = kind === 'quality' ? distinct.map((i) => QUALITY_LEVELS[i]!) : distinct;
  const channel = parts[0] === 'channels' && typeof parts[1] === 'string' ? parts[1] : undefined;
  return {
    spec,
    ...(lever !== undefined ? { lever } : {}),
    kind,
    rounding,
    values,
    current:
      inBaseline.found && (typeof inBaseline.value === 'number' || isQualityLevel(inBaseline.value))
        ? inBaseline.value
        : null,
    ...(channel !== undefined && Object.hasOwn(model.channels, channel) ? { channel } : {}),
  };
}

/** The model of one point: the swept model with the path set to `value`. */
export function sweepPointModel(
  scenario: Scenario,
  axis: SweepAxis,
  value: number | string,
): ModelSpec {
  const model = sweptModel(scenario, axis.spec.variant);
  setPath(model, axis.spec.path, value);
  return model;
}

/**
 * Every point's model checked as a file's would be: one line per problem, `= VALUE: path: message`
 * (empty when all points are valid models).
 */
export function sweepProblems(scenario: Scenario, axis: SweepAxis): string[] {
  const lines: string[] = [];
  for (const value of axis.values) {
    const model = sweepPointModel(scenario, axis, value);
    const checked = validateScenario({ ...scenario, model, variants: [], levers: [], expect: [] });
    if (!checked.ok) {
      for (const e of checked.errors) lines.push(`= ${value}: ${formatScenarioError(e)}`);
    }
  }
  return lines;
}

/** Run settings a sweep takes (the scenario's run settings otherwise). */
export interface SweepRunOptions {
  replications?: number;
  agents?: number;
  seed?: number;
}

/**
 * The sweep as one plan: the unchanged baseline first, then each point (ids `point1` …). No
 * precision target: a sweep runs a fixed number of replications, so any shard knows its share.
 */
export function sweepPlan(scenario: Scenario, axis: SweepAxis, options: SweepRunOptions): RunPlan {
  const base = planFromScenario(scenario, { ...options, variants: [], precision: false });
  const points: PlanVariant[] = axis.values.map((value, k) => ({
    id: `point${k + 1}`,
    label: `${axis.spec.path} = ${value}`,
    model: sweepPointModel(scenario, axis, value),
  }));
  return { ...base, variants: [base.variants[0]!, ...points] };
}

/** One row of a sweep: a value and what it gives. */
export interface SweepPointReport {
  value: number | string;
  /** The value with the highest mean NPV (the first such, on a tie). */
  best: boolean;
  /** The point's own NPV over the horizon. */
  npv: StatSummary;
  /** Against the unchanged baseline, paired replication by replication. */
  vsBaseline: { npv: StatSummary; pNpvPositive: number };
  costToServe: StatSummary;
  /** Share of the lever's channel's contacts abandoned (staffed) or failed (self-service). */
  abandonRate?: StatSummary;
  retention12m: StatSummary;
}

/** What `journeycast sweep --format json` prints (no wall-clock fields, like a run report). */
export interface SweepReport {
  scenario: { id: string; title: string; hash: string };
  currency: string;
  engineVersion: string;
  seed: number;
  replications: number;
  agents: number;
  /** Changes made to the baseline for this sweep (CLI --set), when any. */
  set?: BaselineChange[];
  sweep: {
    path: string;
    label?: string;
    unit?: string;
    variant?: string;
    from: number;
    to: number;
    steps: number;
    rounding: string;
    /** The unchanged baseline's value at the path. */
    current: number | string | null;
    /** The channel whose abandonment is shown. */
    channel?: string;
  };
  /** The unchanged baseline every point is paired against. */
  baseline: { npv: StatSummary };
  points: SweepPointReport[];
  /** The value with the highest mean NPV. */
  best: number | string | null;
}

export interface SweepReportOptions {
  hash: string;
  set?: readonly BaselineChange[];
}

/** Index of the highest mean (the first on a tie), −1 when none is a number. */
export function indexOfMax(means: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < means.length; i++) {
    const x = means[i]!;
    if (!Number.isNaN(x) && (best === -1 || x > means[best]!)) best = i;
  }
  return best;
}

export function sweepReport(
  scenario: Scenario,
  axis: SweepAxis,
  plan: RunPlan,
  result: RunResult,
  options: SweepReportOptions,
): SweepReport {
  const points = plan.variants.slice(1).map((variant, k) => {
    const v = result.variants[variant.id]!;
    const paired = v.vsBaseline!;
    const channel = axis.channel !== undefined ? v.channels[axis.channel] : undefined;
    const point: SweepPointReport = {
      value: axis.values[k]!,
      best: false,
      npv: statSummary(v.totals.npv),
      vsBaseline: { npv: statSummary(paired.npv), pNpvPositive: paired.pNpvPositive },
      costToServe: statSummary(v.totals.costToServe),
      ...(channel !== undefined ? { abandonRate: statSummary(channel.abandonRate) } : {}),
      retention12m: statSummary(v.totals.retention12m),
    };
    return point;
  });
  const best = indexOfMax(points.map((p) => p.npv.mean));
  if (best >= 0) points[best]!.best = true;
  const { spec, lever } = axis;
  return {
    scenario: { id: scenario.id, title: scenario.title, hash: options.hash },
    currency: scenario.currency,
    engineVersion: result.engineVersion,
    seed: result.seed,
    replications: result.replications,
    agents: plan.agents,
    ...(options.set !== undefined && options.set.length > 0 ? { set: [...options.set] } : {}),
    sweep: {
      path: spec.path,
      ...(lever !== undefined ? { label: lever.label, unit: lever.unit } : {}),
      ...(spec.variant !== undefined ? { variant: spec.variant } : {}),
      from: spec.from,
      to: spec.to,
      steps: spec.steps,
      rounding: axis.rounding,
      current: axis.current,
      ...(axis.channel !== undefined ? { channel: axis.channel } : {}),
    },
    baseline: { npv: statSummary(result.variants[plan.variants[0]!.id]!.totals.npv) },
    points,
    best: best >= 0 ? points[best]!.value : null,
  };
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The sweep as a table (Markdown or CSV through tables.ts). */
export function sweepTable(report: SweepReport): Table {
  const c = report.currency;
  const { sweep } = report;
  const integers = report.points.every((p) => Number.isInteger(p.value));
  const channel = sweep.channel;
  const columns: Column[] = [
    { title: sweep.label ?? sweep.path, key: 'value', format: integers ? 'count' : 'text' },
    { title: `NPV mean (${c})`, key: 'npv_mean', format: 'money' },
    { title: `NPV P10 (${c})`, key: 'npv_p10', format: 'money' },
    { title: `NPV P50 (${c})`, key: 'npv_p50', format: 'money' },
    { title: `NPV P90 (${c})`, key: 'npv_p90', format: 'money' },
    { title: `ΔNPV P50 (${c})`, key: 'npv_delta_p50', format: 'money' },
    { title: 'P(ΔNPV > 0)', key: 'p_npv_delta_positive', format: 'share' },
    { title: `Cost to serve (${c})`, key: 'cost_to_serve', format: 'money' },
    ...(channel !== undefined
      ? [{ title: `Abandonment (${channel})`, key: 'abandon_rate', format: 'share' as const }]
      : []),
    { title: 'Retention 12m', key: 'retention_12m', format: 'share' },
    { title: 'Best', key: 'best', format: 'text' },
  ];
  const rows = report.points.map((p) => [
    integers ? p.value : String(p.value),
    p.npv.mean,
    p.npv.p10,
    p.npv.p50,
    p.npv.p90,
    p.vsBaseline.npv.p50,
    p.vsBaseline.pNpvPositive,
    p.costToServe.mean,
    ...(channel !== undefined ? [p.abandonRate?.mean ?? null] : []),
    p.retention12m.mean,
    p.best ? 'max mean NPV' : '',
  ]);
  const of = sweep.variant !== undefined ? `variant ${sweep.variant}` : 'the baseline';
  const unchanged = sweep.current !== null ? ` (${sweep.path} = ${valueText(sweep.current)})` : '';
  const notes = [
    `NPV: each point's own, P10 / P50 / P90 over ${report.replications} replications; ΔNPV: against the unchanged baseline${unchanged}, paired replication by replication (common random numbers). Cost to serve${channel !== undefined ? ', abandonment' : ''} and retention are means.`,
    `Each point is ${of} with ${sweep.path} set to the value${sweep.rounding !== '' ? `, rounded to ${sweep.rounding}` : ''}; "max mean NPV" marks the value with the highest mean NPV.`,
    `${report.scenario.title} (${report.scenario.id}, ${report.scenario.hash}): seed ${report.seed}, ${report.agents} agents, engine ${report.engineVersion}.`,
  ];
  if (report.set !== undefined && report.set.length > 0) {
    notes.push(
      `Baseline changed for this sweep: ${report.set.map((s) => `${s.path} = ${valueText(s.value)}`).join('; ')}.`,
    );
  }
  return { columns, rows, notes, stamp: stampOf(report) };
}
