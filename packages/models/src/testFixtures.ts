/**
 * Test fixtures shared by the *.spec.ts files (not exported from the package).
 *
 * `northbankModel()` is a copy of the model of the scenario library's default case
 * (packages/scenarios/library/default.json, copied to fixtures/northbankModel.json: models sits
 * below scenarios and must not read its files, not even in tests), checked against the ModelSpec
 * schema. The scenarios package's own tests check that every library file validates.
 */
import { Value } from '@sinclair/typebox/value';
import northbank from './fixtures/northbankModel.json';
import { ModelSpec, type BehaviourSpec, type ExperienceSpec } from './spec/modelSpec.ts';

/** A fresh deep copy of the Northbank model, safe to mutate. */
export function northbankModel(): ModelSpec {
  const model: unknown = JSON.parse(JSON.stringify(northbank));
  if (!Value.Check(ModelSpec, model)) {
    const first = Value.Errors(ModelSpec, model).First();
    throw new Error(
      `fixtures/northbankModel.json does not match ModelSpec: ${first?.path} ${first?.message}`,
    );
  }
  return model;
}

/** The raw JSON of the Northbank model (a fresh copy), for schema tests that break it on purpose. */
export function northbankJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(northbank)) as Record<string, unknown>;
}

/**
 * Behaviour parameters for worked examples, fixed here so the models' tests do not move when the
 * calibrated defaults (defaults.ts) are recalibrated; defaults.spec.ts checks the defaults.
 */
export const TEST_BEHAVIOUR: BehaviourSpec = {
  satisfactionDriftPerMonth: 0.25,
  resolvedDelta: 0.3,
  unresolvedDelta: -1.0,
  abandonedDelta: -0.5,
  waitPenaltyPerExpectedWait: 0.4,
  maxWaitPenalty: 2,
  giveUpDelta: -0.8,
  repeatContactProbability: 0.7,
  openIssueChurnOddsMultiplier: 1.5,
  churnSatisfactionSensitivity: 0.3,
  crossSellSatisfactionSensitivity: 0.3,
  referralSatisfactionSensitivity: 0.5,
  promoterThreshold: 9,
  detractorThreshold: 6,
};

/** Experience effects for worked examples (see TEST_BEHAVIOUR). */
export const TEST_EXPERIENCE: ExperienceSpec = {
  poor: { satisfactionDelta: -0.6, resolutionMultiplier: 0.85 },
  average: { satisfactionDelta: 0, resolutionMultiplier: 1 },
  good: { satisfactionDelta: 0.5, resolutionMultiplier: 1.06 },
  excellent: { satisfactionDelta: 1.0, resolutionMultiplier: 1.12 },
};
