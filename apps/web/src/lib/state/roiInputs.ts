/**
 * What the ROI case shows besides the run's result: the audit stamp, the assumptions (parameters
 * that differ, run settings) and the lever changes in words. Pure, so the page and the exports
 * agree by construction.
 */
import type { RunResult } from '@journeycast/sim-core';
import { getPath, setPath, type Scenario } from '@journeycast/scenarios';
import type { RunSettingsUsed } from '../engine/plans.ts';
import { variantLabel } from '../engine/plans.ts';
import type { AuditStamp } from '../export/roiCase.ts';
import { differences, type ParameterDifference } from '../scenario/diff.ts';
import {
  comparedModel,
  describeLeverValue,
  leverSets,
  type LeverValues,
} from '../scenario/levers.ts';

export function leverChanges(scenario: Scenario, levers: LeverValues): string[] {
  return scenario.levers
    .filter((l) => levers[l.path] !== undefined)
    .map((l) => `${l.label} = ${describeLeverValue(l, levers[l.path]!)}`);
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

/** Parameters that differ between the baseline (with shared lever changes) and the variant. */
export function assumptions(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): ParameterDifference[] {
  const baseline = structuredClone(scenario.model);
  for (const { path, value } of leverSets(scenario, levers, 'shared'))
    setPath(baseline, path, value);
  const model = comparedModel(scenario, variantId);
  for (const { path, value } of leverSets(scenario, levers)) setPath(model, path, value);
  return differences(baseline, model);
}

/** Economics lever changes: applied to baseline and variant alike (file value → value used). */
export function sharedChanges(scenario: Scenario, levers: LeverValues): ParameterDifference[] {
  return leverSets(scenario, levers, 'shared').map(({ path, value }) => ({
    path,
    baseline: getPath(scenario.model, path) as ParameterDifference['baseline'],
    variant: value,
  }));
}

export function runSettingsRows(
  scenario: Scenario,
  settings: RunSettingsUsed,
  replicationsRun: number | undefined,
): { label: string; value: string | number }[] {
  const run = scenario.run;
  const represented = run.representedCustomers ?? scenario.model.population.initialCustomers;
  const precision = run.precision;
  return [
    { label: 'Seed', value: run.seed },
    { label: 'Replications run', value: replicationsRun ?? 0 },
    { label: 'Replications at most', value: settings.replications },
    {
      label: 'Precision target',
      value:
        precision === undefined || !settings.precision
          ? 'none'
          : [
              precision.relativeHalfWidth !== undefined
                ? `±${precision.relativeHalfWidth * 100}% of mean incremental NPV`
                : '',
              precision.absoluteHalfWidth !== undefined
                ? `±${precision.absoluteHalfWidth} ${scenario.currency}`
                : '',
            ]
              .filter(Boolean)
              .join(' or ') +
            ` (95 % interval; checked from ${precision.minReplications}, every ${precision.checkEvery})`,
    },
    { label: 'Simulated customers', value: settings.agents },
    { label: 'Customers represented', value: represented },
    { label: 'Queue days simulated per month', value: settings.queueDaysPerMonth },
    { label: 'Horizon (months)', value: scenario.model.horizonMonths },
    { label: 'Annual discount rate', value: scenario.model.annualDiscountRate },
    { label: 'Currency', value: scenario.currency },
  ];
}
