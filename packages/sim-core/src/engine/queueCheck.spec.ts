/**
 * The queue check's batch-means standard errors (queueCheck.ts): the ratio estimator's formula on a
 * worked example, figures that do not depend on whether standard errors are asked for, the
 * zero-load limits, and the standard error against the spread of independent runs.
 */
import { erlangC } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { ratioStandardError, simulateQueue } from './queueCheck.ts';

describe('ratioStandardError', () => {
  it('is the delta-method standard error of ΣY/ΣX over batches', () => {
    // R = 4/4 = 1, residuals Y − R·X = −1, +1: √(2 / (2·1)) / x̄ = 1 / 2.
    expect(ratioStandardError(new Float64Array([1, 3]), new Float64Array([2, 2]))).toBe(0.5);
    // Batches that agree exactly have no spread.
    expect(ratioStandardError([2, 4, 6], [1, 2, 3])).toBe(0);
    // With equal X it is the standard error of the batch means: values 1, 2, 3 → s = 1, SE = 1/√3.
    expect(ratioStandardError([1, 2, 3], [1, 1, 1])).toBeCloseTo(1 / Math.sqrt(3), 15);
  });

  it('is null with fewer than 2 batches or nothing to divide by', () => {
    expect(ratioStandardError([1], [1])).toBeNull();
    expect(ratioStandardError([0, 0], [0, 0])).toBeNull();
  });
});

describe('simulateQueue standard errors', () => {
  const queue = { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, hours: 2000, seed: 3 };

  it('leaves the figures unchanged: asking for standard errors only reads the record', () => {
    const plain = simulateQueue(queue);
    const withErrors = simulateQueue({ ...queue, batches: 20 });
    expect(plain.standardErrors).toBeUndefined();
    for (const key of ['calls', 'pWait', 'meanWaitMinutes', 'serviceLevel', 'occupancy'] as const)
      expect(withErrors[key], key).toBe(plain[key]);
    expect(withErrors.batches).toEqual({ count: 20, hours: 100 });
    const se = withErrors.standardErrors!;
    for (const key of ['pWait', 'meanWaitMinutes', 'serviceLevel'] as const)
      expect(se[key], key).toBeGreaterThan(0);
    expect(se.abandonRate).toBe(0);
    // Handle times are kept only in detailed mode, and only then has occupancy a standard error.
    expect(se.occupancy).toBeNull();
    const detailed = simulateQueue({ ...queue, hours: 200, batches: 20, detailed: true });
    expect(detailed.standardErrors!.occupancy).toBeGreaterThan(0);
  });

  it('uses at most one batch an hour, and gives none from a single batch', () => {
    expect(simulateQueue({ ...queue, hours: 5, batches: 20 }).batches).toEqual({
      count: 5,
      hours: 1,
    });
    const one = simulateQueue({ ...queue, hours: 1, batches: 20 }).standardErrors!;
    expect(Object.values(one).every((x) => x === null)).toBe(true);
  });

  it('gives the zero-load limits with no calls, as Erlang C does', () => {
    const none = simulateQueue({ ...queue, arrivalsPerHour: 0, batches: 20 });
    const theory = erlangC({ arrivalsPerHour: 0, ahtMinutes: 6, agents: 11, targetSeconds: 20 });
    expect(none.calls).toBe(0);
    expect([none.pWait, none.meanWaitMinutes, none.abandonRate, none.serviceLevel]).toEqual([
      theory.pWait,
      theory.meanWaitMinutes,
      0,
      theory.serviceLevel,
    ]);
    expect(none.serviceLevel).toBe(1);
    expect(none.standardErrors!.serviceLevel).toBeNull();
  });

  /**
   * The batch-means standard error of one run against the standard deviation of that figure over
   * R = 30 runs with independent seeds (which is what a standard error claims to be). With R = 30,
   * s/σ is distributed as √(χ²₂₉/29): its two-sided 99.9 % interval is [0.59, 1.45] (Wilson–Hilferty
   * approximation of the χ² quantiles); the mean of 30 batch-means SEs (19 degrees of freedom each)
   * is far more precise than s, so the ratio of the two must fall in that interval. Batch means
   * underestimate a little when batches are correlated; 100-hour batches against a relaxation time
   * of about 4 hours keep that well inside the interval. A standard error off by a factor of √20
   * (the batches' spread taken for the error) or of 2 fails.
   */
  it('matches the spread of independent runs (ρ = 0.91, 20 batches of 100 hours)', () => {
    const runs = Array.from({ length: 30 }, (_, r) =>
      simulateQueue({ ...queue, seed: 100 + r, batches: 20 }),
    );
    for (const key of ['pWait', 'meanWaitMinutes', 'serviceLevel'] as const) {
      const values = runs.map((run) => run[key]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const se = runs.reduce((a, run) => a + run.standardErrors![key]!, 0) / runs.length;
      const ratio = sd / se;
      expect(ratio, `${key}: sd over seeds ${sd}, mean batch-means SE ${se}`).toBeGreaterThan(0.59);
      expect(ratio, `${key}: sd over seeds ${sd}, mean batch-means SE ${se}`).toBeLessThan(1.45);
    }
  });
});
