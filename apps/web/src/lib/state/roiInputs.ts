/**
 * What the ROI case shows besides the run's result: the audit stamp, the assumptions (every lever's
 * baseline and variant value, the economics the NPV rests on, the parameters that differ, the run
 * settings) and the lever changes in words. Pure, so the page and the exports agree by
 * construction.
 */
import type { ModelSpec } from '@journeycast/models';
import type { RunResult } from '@journeycast/sim-core';
import { getPath, setPath, type Lever, type Scenario } from '@journeycast/scenarios';
import type { RunSettingsUsed } from '../engine/plans.ts';
import { variantLabel } from '../engine/plans.ts';
import type { AuditStamp, RoiCaseInput, RunSettingRow } from '../export/roiCase.ts';
import { formatMoney, formatNumber, formatPercent } from '../format.ts';
import { differences, type ParameterDifference } from '../scenario/diff.ts';
import {
  comparedModel,
  describeLeverValue,
  isSharedLever,
  leverSets,
  modelLeverValue,
  type LeverValues,
} from '../scenario/levers.ts';
import { describeParameter, economicsRows, type AssumptionRow } from '../scenario/parameters.ts';

export function leverChanges(scenario: Scenario, levers: LeverValues): string[] {
  return (
    scenario.levers
      .filter((l) => levers[l.path] !== undefined)
      // The audit stamp reads the same in every browser (it is written into the exports).
      .map((l) => `${l.label} = ${describeLeverValue(l, levers[l.path]!, 'en-GB')}`)
  );
}

export function auditStamp(
  scenario: Scenario,
  hash: string,
  variantId: string,
  levers: LeverValues,
  result: RunResult,
  settings: RunSettingsUsed,
  generatedAt: string,
  runOutcome: string,
): AuditStamp {
  return {
    scenarioTitle: scenario.title,
    scenarioId: scenario.id,
    scenarioHash: hash,
    currency: scenario.currency,
    variantLabel: variantLabel(scenario, variantId),
    seed: result.seed,
    replications: result.replications,
    agents: settings.agents,
    engineVersion: result.engineVersion,
    generatedAt,
    runOutcome,
    leverChanges: leverChanges(scenario, levers),
  };
}

/** The two models the ROI case compares: the baseline (with economics levers) and the variant. */
export function comparedModels(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): { baseline: ModelSpec; variant: ModelSpec } {
  const baseline = structuredClone(scenario.model);
  for (const { path, value } of leverSets(scenario, levers, 'shared'))
    setPath(baseline, path, value);
  const variant = comparedModel(scenario, variantId);
  for (const { path, value } of leverSets(scenario, levers)) setPath(variant, path, value);
  return { baseline, variant };
}

function rowOf(
  d: ParameterDifference,
  models: ModelSpec[],
  scenario: Scenario,
  levers: LeverValues,
): AssumptionRow {
  return {
    path: d.path,
    ...describeParameter(d.path, models, scenario.levers),
    baseline: d.baseline,
    variant: d.variant,
    differs: true,
    ...(levers[d.path] !== undefined ? { lever: true } : {}),
  };
}

/** Parameters that differ between the baseline (with shared lever changes) and the variant. */
export function assumptions(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): AssumptionRow[] {
  const { baseline, variant } = comparedModels(scenario, variantId, levers);
  return differences(baseline, variant).map((d) => rowOf(d, [baseline, variant], scenario, levers));
}

/** Economics lever changes: applied to baseline and variant alike (file value → value used). */
export function sharedChanges(scenario: Scenario, levers: LeverValues): AssumptionRow[] {
  return leverSets(scenario, levers, 'shared').map(({ path, value }) =>
    rowOf(
      {
        path,
        baseline: getPath(scenario.model, path) as ParameterDifference['baseline'],
        variant: value,
      },
      [scenario.model],
      scenario,
      levers,
    ),
  );
}

/** One lever of the scenario: its value in the baseline and in the variant as run. */
export interface LeverRow {
  lever: Lever;
  label: string;
  path: string;
  baseline: string;
  variant: string;
  /** The raw values, for the exports. */
  baselineValue: number | undefined;
  variantValue: number | undefined;
  differs: boolean;
  /** Moved on the workbench (rather than set by the scenario file). */
  moved: boolean;
  /** Economics levers move the baseline too. */
  shared: boolean;
}

/** Every lever, with its baseline and variant values as the run used them. */
export function leverRows(scenario: Scenario, variantId: string, levers: LeverValues): LeverRow[] {
  const { baseline, variant } = comparedModels(scenario, variantId, levers);
  return scenario.levers.map((lever) => {
    const b = modelLeverValue(baseline, lever);
    const v = modelLeverValue(variant, lever);
    const show = (x: number | undefined) => (x === undefined ? '—' : describeLeverValue(lever, x));
    return {
      lever,
      label: lever.label,
      path: lever.path,
      baseline: show(b),
      variant: show(v),
      baselineValue: b,
      variantValue: v,
      differs: b !== v,
      moved: levers[lever.path] !== undefined,
      shared: isSharedLever(lever),
    };
  });
}

/** The economics the NPV rests on (discount rate, margins, costs, spend, investments). */
export function economics(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): AssumptionRow[] {
  const { baseline, variant } = comparedModels(scenario, variantId, levers);
  return economicsRows(baseline, variant, scenario.levers);
}

/** "±€150,000 or ±10 % of the mean incremental NPV (95 % interval; checked from 30, every 10)". */
export function precisionTargetText(
  precision: Scenario['run']['precision'],
  currency: string,
): string | undefined {
  if (precision === undefined) return undefined;
  const targets = [
    precision.absoluteHalfWidth !== undefined
      ? `±${formatMoney(precision.absoluteHalfWidth, currency)}`
      : '',
    precision.relativeHalfWidth !== undefined
      ? `±${formatPercent(precision.relativeHalfWidth, { decimals: 0 })} of the mean incremental NPV`
      : '',
  ].filter(Boolean);
  return targets.length > 0 ? targets.join(' or ') : undefined;
}

export function runSettingsRows(
  scenario: Scenario,
  settings: RunSettingsUsed,
  replicationsRun: number | undefined,
): RunSettingRow[] {
  const run = scenario.run;
  const represented = run.representedCustomers ?? scenario.model.population.initialCustomers;
  const precision = run.precision;
  const target = settings.precision ? precisionTargetText(precision, scenario.currency) : undefined;
  const count = (label: string, value: number): RunSettingRow => ({
    label,
    value,
    format: 'integer',
    display: formatNumber(value),
  });
  return [
    // A seed is an identifier, not a quantity: no thousands separators.
    { label: 'Seed', value: run.seed, display: String(run.seed) },
    count('Replications run', replicationsRun ?? 0),
    count('Replications at most', settings.replications),
    {
      label: 'Precision target',
      value:
        target === undefined || precision === undefined
          ? 'none'
          : `${target} (95 % interval; checked from ${precision.minReplications}, every ${precision.checkEvery})`,
      display:
        target === undefined || precision === undefined
          ? 'none'
          : `${target} (95 % interval; checked from ${formatNumber(precision.minReplications)} replications, every ${formatNumber(precision.checkEvery)})`,
    },
    count('Simulated customers', settings.agents),
    count('Customers represented', represented),
    count('Queue days simulated per month', settings.queueDaysPerMonth),
    { label: 'Currency', value: scenario.currency, display: scenario.currency },
  ];
}

/** Whether the NPV of either side adds a terminal value (the ROI case then reconciles it). */
export function terminalValueOn(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): boolean {
  const { baseline, variant } = comparedModels(scenario, variantId, levers);
  return baseline.terminalValue || variant.terminalValue;
}

/**
 * What the ROI case is built from: the session's inputs and the run's result, all plain data (it
 * crosses to the export worker by structured clone).
 */
export interface RoiCaseRequest {
  scenario: Scenario;
  hash: string;
  variantId: string;
  levers: LeverValues;
  result: RunResult;
  settings: RunSettingsUsed;
  generatedAt: string;
  runOutcome: string;
}

/** Everything the ROI case's exports need, from the session's inputs and the run's result. */
export function roiCaseInput(options: RoiCaseRequest): RoiCaseInput {
  const { scenario, variantId, levers, result, settings } = options;
  return {
    stamp: auditStamp(
      scenario,
      options.hash,
      variantId,
      levers,
      result,
      settings,
      options.generatedAt,
      options.runOutcome,
    ),
    result,
    variantId,
    assumptions: assumptions(scenario, variantId, levers),
    shared: sharedChanges(scenario, levers),
    levers: leverRows(scenario, variantId, levers),
    economics: economics(scenario, variantId, levers),
    runSettings: runSettingsRows(scenario, settings, result.replications),
    terminalValueOn: terminalValueOn(scenario, variantId, levers),
  };
}
