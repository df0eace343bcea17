/**
 * Replay of the scenario library: each scenario's key figures recorded once (`<id>.expected.json`
 * beside the file) with their standard errors, the scenario hash and the engine version, then
 * compared on every change. The engine is deterministic (same scenario + seed + engine version ⇒
 * bit-identical numbers), so any difference is a change of behaviour: the report says which figure
 * moved, by how much, and by how many standard errors, which tells noise-sized drift (a changed
 * random stream) from a real change of the model.
 */
import type { RunResult, VariantResult } from '@journeycast/sim-core';
import type { Expectation, Scenario } from '../schema/scenarioSchema.ts';
import { readMetric } from '../validate/metrics.ts';

/** A recorded figure and its standard error (null where a standard error means nothing). */
export interface Figure {
  value: number | null;
  se: number | null;
}

export interface Snapshot {
  scenario: string;
  hash: string;
  engineVersion: string;
  seed: number;
  replications: number;
  agents: number;
  /** Figures by variant id, then by metric path (see metrics.ts). */
  figures: Record<string, Record<string, Figure>>;
}

/** Keys of a snapshot file, in the order `journeycast replay --update` writes them. */
const SNAPSHOT_KEYS = [
  'scenario',
  'hash',
  'engineVersion',
  'seed',
  'replications',
  'agents',
  'figures',
] as const;

/** Snapshot files sit beside their scenario as `<id>.expected.json`. */
export const SNAPSHOT_SUFFIX = '.expected.json';

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether a parsed JSON value is shaped like a snapshot (has `figures` and `engineVersion` and no
 * `schemaVersion`), so a tool given both kinds of file (`journeycast validate library/*.json`) can
 * tell them apart before checking either.
 */
export function looksLikeSnapshot(value: unknown): boolean {
  return (
    isRecord(value) &&
    !Object.hasOwn(value, 'schemaVersion') &&
    Object.hasOwn(value, 'figures') &&
    Object.hasOwn(value, 'engineVersion')
  );
}

/** What is wrong with a value read as a snapshot, in words, or undefined when it is one. */
export function snapshotProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'expected a JSON object';
  for (const key of SNAPSHOT_KEYS) if (!Object.hasOwn(value, key)) return `missing key "${key}"`;
  for (const key of Object.keys(value)) {
    if (!(SNAPSHOT_KEYS as readonly string[]).includes(key)) return `unknown key "${key}"`;
  }
  for (const key of ['scenario', 'hash', 'engineVersion'] as const) {
    if (typeof value[key] !== 'string') return `${key}: expected text`;
  }
  for (const key of ['seed', 'replications', 'agents'] as const) {
    if (!Number.isInteger(value[key])) return `${key}: expected a whole number`;
  }
  if (!isRecord(value.figures)) return 'figures: expected an object of variants';
  for (const [variant, figures] of Object.entries(value.figures)) {
    if (!isRecord(figures)) return `figures.${variant}: expected an object of metrics`;
    for (const [metric, figure] of Object.entries(figures)) {
      const ok =
        isRecord(figure) &&
        Object.keys(figure).length === 2 &&
        (typeof figure.value === 'number' || figure.value === null) &&
        (typeof figure.se === 'number' || figure.se === null);
      if (!ok)
        return `figures.${variant}["${metric}"]: expected {"value": number or null, "se": number or null}`;
    }
  }
  return undefined;
}

const TOTAL_FIGURES = [
  'revenue',
  'costToServe',
  'acquisitionSpend',
  'netCashFlow',
  'npv',
  'activeCustomersEnd',
  'retention12m',
  'acquired',
  'churned',
  'crossSells',
  'contacts',
  'repeatContacts',
  'meanSatisfactionEnd',
] as const;
const STAFFED_FIGURES = ['contacts', 'abandonRate', 'meanWaitMinutes', 'serviceLevel'] as const;
const SELF_SERVICE_FIGURES = ['contacts', 'resolutionRate'] as const;
const PAIRED_FIGURES = [
  'vsBaseline.npv.mean',
  'vsBaseline.pNpvPositive',
  'vsBaseline.deltas.revenuePct.mean',
  'vsBaseline.deltas.costToServePct.mean',
  'vsBaseline.deltas.retention12m.mean',
  'vsBaseline.roi.p50',
  'vsBaseline.paybackMonth.p50',
] as const;

/** The metric paths a snapshot records for a variant, plus those its expectations name. */
export function snapshotMetrics(
  result: VariantResult,
  expectations: readonly Expectation[],
): string[] {
  const metrics: string[] = TOTAL_FIGURES.map((t) => `totals.${t}.mean`);
  for (const [id, channel] of Object.entries(result.channels)) {
    const names = channel.kind === 'staffed' ? STAFFED_FIGURES : SELF_SERVICE_FIGURES;
    for (const name of names) metrics.push(`channels.${id}.${name}.mean`);
  }
  if (result.vsBaseline !== undefined) metrics.push(...PAIRED_FIGURES);
  for (const e of expectations) {
    const names = e.variant === result.id || e.compareTo === result.id;
    if (names && !metrics.includes(e.metric)) metrics.push(e.metric);
  }
  return metrics;
}

/**
 * The standard error of a metric: a mean's own (sd/√n); a probability's binomial one; none for
 * quantiles and other statistics (their moves are shown without a count of standard errors).
 */
export function standardErrorOf(
  result: VariantResult,
  metric: string,
  replications: number,
): number | null {
  if (metric === 'vsBaseline.pNpvPositive') {
    const p = result.vsBaseline?.pNpvPositive;
    return p === undefined || replications <= 0 ? null : Math.sqrt((p * (1 - p)) / replications);
  }
  if (!metric.endsWith('.mean')) return null;
  return readMetric(result, `${metric.slice(0, -'.mean'.length)}.se`);
}

export function snapshotOf(
  scenario: Scenario,
  hash: string,
  result: RunResult,
  agents: number,
): Snapshot {
  const figures: Snapshot['figures'] = {};
  for (const [id, variant] of Object.entries(result.variants)) {
    const entry: Record<string, Figure> = {};
    for (const metric of snapshotMetrics(variant, scenario.expect)) {
      entry[metric] = {
        value: readMetric(variant, metric),
        se: standardErrorOf(variant, metric, result.replications),
      };
    }
    figures[id] = entry;
  }
  return {
    scenario: scenario.id,
    hash,
    engineVersion: result.engineVersion,
    seed: result.seed,
    replications: result.replications,
    agents,
    figures,
  };
}

/** A figure that differs from its snapshot. */
export interface FigureChange {
  variant: string;
  metric: string;
  before: number | null;
  after: number | null;
  /** after − before (null when either is missing). */
  change: number | null;
  /** The snapshot's standard error (else the new one). */
  se: number | null;
  /** |change| / se, when both are known and se > 0. */
  standardErrors: number | null;
}

export interface SnapshotComparison {
  /** Differences of the stamp: hash, engine version, seed, replications, agents. */
  stamp: string[];
  changes: FigureChange[];
}

function same(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Object.is(a, b));
}

export function compareSnapshots(expected: Snapshot, actual: Snapshot): SnapshotComparison {
  const stamp: string[] = [];
  if (expected.hash !== actual.hash) {
    stamp.push(`the scenario changed since its snapshot (hash ${expected.hash} → ${actual.hash})`);
  }
  if (expected.engineVersion !== actual.engineVersion) {
    stamp.push(
      `the engine changed since the snapshot (version ${expected.engineVersion} → ${actual.engineVersion})`,
    );
  }
  for (const key of ['seed', 'replications', 'agents'] as const) {
    if (expected[key] !== actual[key])
      stamp.push(`${key}: ${expected[key]} in the snapshot, ${actual[key]} now`);
  }
  const changes: FigureChange[] = [];
  const variants = new Set([...Object.keys(expected.figures), ...Object.keys(actual.figures)]);
  for (const variant of variants) {
    const before = expected.figures[variant] ?? {};
    const after = actual.figures[variant] ?? {};
    for (const metric of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const b = Object.hasOwn(before, metric) ? before[metric]! : { value: null, se: null };
      const a = Object.hasOwn(after, metric) ? after[metric]! : { value: null, se: null };
      if (same(b.value, a.value)) continue;
      const change = a.value !== null && b.value !== null ? a.value - b.value : null;
      const se = b.se ?? a.se;
      changes.push({
        variant,
        metric,
        before: b.value,
        after: a.value,
        change,
        se,
        standardErrors: change !== null && se !== null && se > 0 ? Math.abs(change) / se : null,
      });
    }
  }
  return { stamp, changes };
}

export interface ExpectationOutcome {
  index: number;
  expectation: Expectation;
  /** The metric, or with compareTo the difference metric(variant) − metric(compareTo). */
  value: number | null;
  /** With compareTo: the metric of each side. */
  sides?: { variant: number | null; compareTo: number | null };
  /** Standard error of `value`, where the result gives one. */
  se: number | null;
  /**
   * How `se` was found: the metric's own; `paired`, from the per-replication differences (common
   * random numbers make them far less noisy than either side); `unpaired`, √(se₁² + se₂²), an upper
   * bound of the paired one when, as with common random numbers, the two sides move together.
   */
  seKind: 'own' | 'paired' | 'unpaired' | null;
  /** Standard errors between the value and its nearest bound (negative when outside). */
  clearance: number | null;
  ok: boolean;
}

/** sd/√n of the differences a − b, replication by replication. */
function pairedStandardError(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  if (n < 2 || b.length !== n) return null;
  const d = a.map((x, r) => x - b[r]!);
  const mean = d.reduce((t, x) => t + x, 0) / n;
  const variance = d.reduce((t, x) => t + (x - mean) * (x - mean), 0) / (n - 1);
  return Math.sqrt(variance / n);
}

/**
 * The standard error of metric(a) − metric(b). Paired where the result keeps the per-replication
 * values: incremental NPV (`npvSamples`) between two variants, and a total against the baseline
 * (the paired deltas of the variant's vsBaseline). Otherwise, for two means (or two shares), the
 * unpaired √(se₁² + se₂²); for a total of two variants, that of their paired deltas.
 */
function differenceStandardError(
  a: VariantResult,
  b: VariantResult,
  metric: string,
  replications: number,
): { se: number | null; kind: ExpectationOutcome['seKind'] } {
  if (
    metric === 'vsBaseline.npv.mean' &&
    a.vsBaseline !== undefined &&
    b.vsBaseline !== undefined
  ) {
    const se = pairedStandardError(a.vsBaseline.npvSamples, b.vsBaseline.npvSamples);
    if (se !== null) return { se, kind: 'paired' };
  }
  const delta = /^totals\.(revenue|costToServe|retention12m|activeCustomersEnd)\.mean$/.exec(
    metric,
  );
  // One side is the baseline (no vsBaseline): the other's paired delta is this difference (or
  // its negative, which has the same standard error).
  const variantSide = a.vsBaseline === undefined ? b : b.vsBaseline === undefined ? a : undefined;
  if (delta !== null && variantSide !== undefined && variantSide.vsBaseline !== undefined) {
    const se = readMetric(variantSide, `vsBaseline.deltas.${delta[1]}.se`);
    if (se !== null) return { se, kind: 'paired' };
  }
  // Two variants: their totals differ exactly as their paired deltas do (the baseline cancels),
  // and the deltas' standard errors leave out the baseline's own noise.
  if (delta !== null && a.vsBaseline !== undefined && b.vsBaseline !== undefined) {
    const seA = readMetric(a, `vsBaseline.deltas.${delta[1]}.se`);
    const seB = readMetric(b, `vsBaseline.deltas.${delta[1]}.se`);
    if (seA !== null && seB !== null) return { se: Math.hypot(seA, seB), kind: 'unpaired' };
  }
  const seA = standardErrorOf(a, metric, replications);
  const seB = standardErrorOf(b, metric, replications);
  if (seA === null || seB === null) return { se: null, kind: null };
  return { se: Math.sqrt(seA * seA + seB * seB), kind: 'unpaired' };
}

/** Standard errors from `value` to its nearest bound: positive inside the bounds. */
function clearanceOf(e: Expectation, value: number, se: number | null): number | null {
  if (se === null || !(se > 0)) return null;
  const margins = [
    ...(e.min !== undefined ? [value - e.min] : []),
    ...(e.max !== undefined ? [e.max - value] : []),
  ];
  return Math.min(...margins) / se;
}

/**
 * Checks each `expect` assertion of a scenario against a run's result: the value (with compareTo,
 * the difference of the two variants) within min and max, and with marginSe, by at least that
 * many standard errors (an expectation whose standard error is unknown then fails).
 */
export function checkExpectations(scenario: Scenario, result: RunResult): ExpectationOutcome[] {
  return scenario.expect.map((expectation, index) => {
    const variant = result.variants[expectation.variant];
    const own = variant === undefined ? null : readMetric(variant, expectation.metric);
    let value = own;
    let se: number | null = null;
    let seKind: ExpectationOutcome['seKind'] = null;
    let sides: ExpectationOutcome['sides'];
    if (expectation.compareTo !== undefined) {
      const other = result.variants[expectation.compareTo];
      const theirs = other === undefined ? null : readMetric(other, expectation.metric);
      sides = { variant: own, compareTo: theirs };
      value = own !== null && theirs !== null ? own - theirs : null;
      if (variant !== undefined && other !== undefined)
        ({ se, kind: seKind } = differenceStandardError(
          variant,
          other,
          expectation.metric,
          result.replications,
        ));
    } else if (variant !== undefined) {
      se = standardErrorOf(variant, expectation.metric, result.replications);
      seKind = se === null ? null : 'own';
    }
    const clearance = value === null ? null : clearanceOf(expectation, value, se);
    const margin = expectation.marginSe;
    const ok =
      value !== null &&
      (expectation.min === undefined || value >= expectation.min) &&
      (expectation.max === undefined || value <= expectation.max) &&
      (margin === undefined || (clearance !== null && clearance >= margin));
    return {
      index,
      expectation,
      value,
      ...(sides !== undefined ? { sides } : {}),
      se,
      seKind,
      clearance,
      ok,
    };
  });
}

/** `≥ 0.9`, `≤ 0`, `between −1 and 1`; `… by 2 SE` with a margin. */
export function expectedRange(e: Expectation): string {
  const range =
    e.min !== undefined && e.max !== undefined
      ? `between ${e.min} and ${e.max}`
      : e.min !== undefined
        ? `≥ ${e.min}`
        : `≤ ${e.max}`;
  return e.marginSe !== undefined ? `${range} by ${e.marginSe} SE` : range;
}
