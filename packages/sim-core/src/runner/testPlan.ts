/**
 * Test fixtures shared by the runner and stats *.spec.ts files (not exported from the package):
 * two variants of the example model over 12 months with 500 simulated customers, so that a
 * replication takes a few tens of milliseconds and worker tests stay quick.
 */
import { expect } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import type { ResultCollector } from '../stats/collector.ts';
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

/**
 * Two results hold the very same replications, byte for byte: the same indices 0..n−1 and, for
 * each replication and variant, the same number of values, each the same (Object.is: −0 and NaN
 * count). Stricter than comparing summarize() output, which rounds nothing but could hide a value
 * it never reads.
 */
export function expectSameReplications(
  actual: ResultCollector,
  expected: ResultCollector,
  n: number,
): void {
  const indices = Array.from({ length: n }, (_, r) => r);
  expect(actual.indices()).toEqual(indices);
  for (const r of indices) {
    const a = actual.get(r);
    const b = expected.get(r);
    expect(a.length, `replication ${r}: variants`).toBe(b.length);
    for (let v = 0; v < b.length; v++) {
      const x = a[v]!;
      const y = b[v]!;
      expect(x.length, `replication ${r}, variant ${v}: values`).toBe(y.length);
      expect(x.length).toBeGreaterThan(0);
      for (let i = 0; i < y.length; i++) {
        if (!Object.is(x[i], y[i])) {
          expect.fail(`replication ${r}, variant ${v}, value ${i}: expected ${y[i]}, got ${x[i]}`);
        }
      }
    }
  }
}
