/**
 * Test fixtures shared by the runner *.spec.ts files (not exported from the package): two variants
 * of the example model over 12 months with 500 simulated customers, so that a replication takes a
 * few tens of milliseconds and worker tests stay quick.
 */
import { exampleModel } from '../exampleModel.ts';
import type { PrecisionTarget, RunPlan } from './plan.ts';

export function testPlan(replications: number, precision?: PrecisionTarget): RunPlan {
  const baseline = exampleModel();
  baseline.horizonMonths = 12;
  const variant = exampleModel();
  variant.horizonMonths = 12;
  variant.journeys.servicing!.quality = 'excellent';
  variant.investments = [
    { label: 'Servicing programme', oneOff: 50_000, monthly: 0, startMonth: 1 },
  ];
  return {
    seed: 11,
    variants: [
      { id: 'baseline', label: 'Baseline', model: baseline },
      { id: 'excellentServicing', label: 'Excellent servicing', model: variant },
    ],
    agents: 500,
    customersPerAgent: 400,
    queueDaysPerMonth: 2,
    replications,
    ...(precision !== undefined ? { precision } : {}),
  };
}

/**
 * A precision target the test plan meets after some replications but well before 40: the 95 %
 * half-width of the mean incremental NPV within 20 % of it, checked from 4 replications on,
 * every 2.
 */
export const TEST_PRECISION: PrecisionTarget = {
  relativeHalfWidth: 0.2,
  minReplications: 4,
  checkEvery: 2,
};
