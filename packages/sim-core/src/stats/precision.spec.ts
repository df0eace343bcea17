/**
 * The precision estimate: Student's t quantile against published tables and high-precision
 * values, and the running estimate over the contiguous prefix, which must read each replication
 * once and give the same bits whatever order the replications arrived in.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../runner/inProcess.ts';
import type { ReplicationRecord } from '../runner/plan.ts';
import { TEST_PRECISION, testPlan } from '../runner/testPlan.ts';
import { ResultCollector } from './collector.ts';
import { PrecisionTracker, precisionEstimate, studentT975 } from './precision.ts';
import { summarize } from './summarize.ts';

describe('studentT975 (the two-sided 95 % quantile of Student t)', () => {
  it('matches the NIST/SEMATECH table of critical values to its three decimals', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2, "Upper critical values of
    // Student's t distribution with ν degrees of freedom", column 0.025 (two-sided 95 %).
    const nist: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [5, 2.571],
      [6, 2.447],
      [7, 2.365],
      [8, 2.306],
      [9, 2.262],
      [10, 2.228],
      [15, 2.131],
      [20, 2.086],
      [25, 2.06],
      [29, 2.045],
      [30, 2.042],
      [31, 2.04],
      [40, 2.021],
      [50, 2.009],
      [60, 2.0],
      [70, 1.994],
      [80, 1.99],
      [90, 1.987],
      [100, 1.984],
    ];
    for (const [df, value] of nist) {
      expect(Math.round(studentT975(df) * 1000) / 1000, `ν = ${df}`).toBe(value);
    }
  });

  it('is within 4e-10 of high-precision values beyond the table (the Cornish–Fisher range)', () => {
    // scipy.stats.t.ppf(0.975, ν), SciPy 1.17 (agrees with mpmath's incomplete beta to 15 digits).
    const exact: [number, number][] = [
      [31, 2.039513446396408],
      [40, 2.021075390306273],
      [60, 2.0002978220142604],
      [100, 1.9839715185235518],
      [120, 1.9799304050824402],
      [1000, 1.9623390808264083],
      [1_000_000, 1.959966356814107],
    ];
    for (const [df, value] of exact) {
      expect(Math.abs(studentT975(df) - value) / value, `ν = ${df}`).toBeLessThan(4e-10);
    }
  });

  it('gives the table values exactly where it has them', () => {
    expect(studentT975(1)).toBe(12.706204736174694);
    expect(studentT975(2)).toBe(4.302652729749462);
    expect(studentT975(30)).toBe(2.0422724563012378);
  });

  it('falls as ν grows, and stays above the normal quantile 1.959963984540054', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (df) => {
        const t = studentT975(df);
        expect(t).toBeGreaterThan(studentT975(df + 1));
        expect(t).toBeGreaterThan(1.959963984540054);
      }),
    );
    // t − z ≈ (z³ + z)/(4ν): 2.4e-9 at ν = 10⁹.
    expect(studentT975(1e9) - 1.959963984540054).toBeGreaterThan(0);
    expect(studentT975(1e9) - 1.959963984540054).toBeLessThan(2.5e-9);
  });

  it('names the parameter and what it got when ν is not a whole number ≥ 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => studentT975(bad)).toThrow(
        new RegExp(`^degreesOfFreedom: expected a whole number ≥ 1, got ${String(bad)}$`),
      );
    }
  });
});

describe('PrecisionTracker (the running estimate over the contiguous prefix)', () => {
  const N = 12;
  const plan = testPlan(N, TEST_PRECISION);
  let records: ReplicationRecord[] = [];

  beforeAll(async () => {
    const outcome = await runInProcess(testPlan(N));
    records = outcome.collector.indices().map((r) => ({
      replication: r,
      summaries: outcome.collector.get(r),
    }));
  });

  const collectorOf = (order: readonly number[]) => {
    const collector = new ResultCollector(plan.variants.length);
    for (const r of order) collector.add(records[r]!);
    return collector;
  };

  it('has no estimate before 2 replications, then the mean, standard error and t half-width of the paired NPV', () => {
    const collector = collectorOf(records.map((_, r) => r));
    const tracker = new PrecisionTracker(plan);
    expect(tracker.estimate()).toBeUndefined();
    tracker.advanceTo(collector, 1);
    expect(tracker.estimate()).toBeUndefined();
    for (let n = 2; n <= N; n++) {
      tracker.advanceTo(collector, n);
      const estimate = tracker.estimate()!;
      // The reference: summarize's own NPV statistics (two-pass, Kahan sums) over the same prefix.
      const npv = summarize(plan, collector, n).variants.excellentServicing!.vsBaseline!.npv;
      expect(estimate.n).toBe(n);
      expect(estimate.variant).toBe('excellentServicing');
      expect(Math.abs(estimate.mean - npv.mean)).toBeLessThan(1e-9 * Math.abs(npv.mean));
      expect(Math.abs(estimate.standardError - npv.se)).toBeLessThan(1e-9 * npv.se);
      expect(estimate.standardError).toBeGreaterThan(0);
      expect(estimate.tQuantile).toBe(studentT975(n - 1));
      expect(estimate.halfWidth).toBe(estimate.tQuantile * estimate.standardError);
      expect(estimate.relativeHalfWidth).toBe(estimate.halfWidth / Math.abs(estimate.mean));
    }
  });

  it('uses t, not 1.96: after 2 replications the half-width is 12.706 standard errors', () => {
    const estimate = precisionEstimate(collectorOf([0, 1]), plan, 2)!;
    expect(estimate.halfWidth / estimate.standardError).toBeCloseTo(12.706204736174694, 12);
  });

  it('judges the target on the t half-width: met exactly when halfWidth ≤ the target', () => {
    const collector = collectorOf(records.map((_, r) => r));
    for (let n = 2; n <= N; n++) {
      const estimate = precisionEstimate(collector, plan, n)!;
      expect(estimate.met).toBe(estimate.relativeHalfWidth <= TEST_PRECISION.relativeHalfWidth!);
      const absolute = { ...plan, precision: { ...TEST_PRECISION, relativeHalfWidth: undefined } };
      const target = estimate.halfWidth;
      const at = (absoluteHalfWidth: number) =>
        precisionEstimate(
          collector,
          { ...absolute, precision: { ...absolute.precision, absoluteHalfWidth } },
          n,
        )!.met;
      expect(at(target)).toBe(true);
      expect(at(target * (1 - 1e-12))).toBe(false);
    }
  });

  it('gives the same bits whatever order replications arrive in and however the prefix grows', () => {
    const reference = (n: number) =>
      precisionEstimate(collectorOf(records.map((_, r) => r)), plan, n);
    const references = Array.from({ length: N + 1 }, (_, n) => reference(n));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          records.map((_, r) => r),
          { minLength: N, maxLength: N },
        ),
        (arrival) => {
          // Replications arrive in any order; the tracker follows the contiguous prefix as a pool
          // does, after each arrival.
          const collector = new ResultCollector(plan.variants.length);
          const tracker = new PrecisionTracker(plan);
          let contiguous = 0;
          for (const r of arrival) {
            collector.add(records[r]!);
            while (collector.has(contiguous)) contiguous++;
            tracker.advanceTo(collector, contiguous);
            const got = tracker.estimate();
            const want = references[contiguous];
            if (want === undefined) {
              expect(got).toBeUndefined();
            } else {
              for (const key of Object.keys(want) as (keyof typeof want)[]) {
                expect(Object.is(got![key], want[key]), `${key} at n = ${contiguous}`).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reads each replication once however often it is asked (O(n) over a run, not O(n²))', () => {
    const collector = collectorOf(records.map((_, r) => r));
    const reads = vi.spyOn(collector, 'get');
    const tracker = new PrecisionTracker(plan);
    for (let n = 0; n <= N; n++) {
      tracker.advanceTo(collector, n);
      tracker.advanceTo(collector, n); // asking again reads nothing
      tracker.estimate();
    }
    expect(reads).toHaveBeenCalledTimes(N);
    expect(reads.mock.calls.map(([r]) => r)).toEqual(records.map((_, r) => r));
  });

  it('cannot go back to a shorter prefix', () => {
    const collector = collectorOf(records.map((_, r) => r));
    const tracker = new PrecisionTracker(plan);
    tracker.advanceTo(collector, 5);
    expect(() => tracker.advanceTo(collector, 4)).toThrow(
      'n: the estimate already covers 5 replications and cannot go back to 4',
    );
  });
});
