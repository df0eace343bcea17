import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../errors.ts';
import { agentsForServiceLevel, erlangC } from './erlangC.ts';

/**
 * M/M/N by brute force, independent of the Erlang B/C formulas: the stationary distribution of
 * the birth–death chain (birth λ, death min(n, N)·μ) summed state by state until the terms
 * vanish, and the service level from the waiting time of an arrival that finds k callers
 * queued, which is Erlang(k + 1) with rate Nμ (FCFS, all N agents busy). Fine for N ≲ 150 and
 * Nμ·T ≲ 600 (e^{−NμT} must not underflow).
 */
function mmnBySummation(
  arrivalsPerHour: number,
  ahtMinutes: number,
  agents: number,
  targetSeconds: number,
) {
  const lambda = arrivalsPerHour / 60;
  const mu = 1 / ahtMinutes;
  const probabilities: number[] = [1];
  let total = 1;
  let queued = 0; // mass of the states n ≥ N: stop when the next term is negligible against it
  for (let n = 1; ; n++) {
    const next = (probabilities[n - 1]! * lambda) / (Math.min(n, agents) * mu);
    probabilities.push(next);
    total += next;
    if (n >= agents) queued += next;
    if (n > agents && next < 1e-18 * queued) break;
  }
  const rate = agents * mu;
  const targetMinutes = targetSeconds / 60;
  let pWait = 0;
  let queueLength = 0;
  let answeredInTime = 0;
  // P(Erlang(k + 1, rate) ≤ T) = 1 − Σ_{i ≤ k} e^{−rT}(rT)^i / i!, accumulated along k.
  let poissonTerm = Math.exp(-rate * targetMinutes);
  let poissonCdf = 0;
  probabilities.forEach((unnormalised, n) => {
    const p = unnormalised / total;
    if (n < agents) {
      answeredInTime += p;
      return;
    }
    const k = n - agents;
    if (k > 0) poissonTerm *= (rate * targetMinutes) / k;
    poissonCdf += poissonTerm;
    pWait += p;
    queueLength += k * p;
    answeredInTime += p * (1 - poissonCdf);
  });
  return { pWait, meanWaitMinutes: queueLength / lambda, serviceLevel: answeredInTime };
}

function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('erlangC', () => {
  it('reproduces the classic worked example: 360 calls per half hour, 4-minute calls, 55 agents', () => {
    // "The Erlang-C formula" step-by-step example, www.mitan.co.uk/erlang/elgcmath.htm
    // (Westbay Engineers), whose figures are reproduced in the Maxima "erlang.mac" worked
    // example: Ec = 0.2387, Tw = 8.184 s, P(wait ≤ 15 s) = 0.8459; traffic 48 Erlangs.
    const result = erlangC({ arrivalsPerHour: 720, ahtMinutes: 4, agents: 55, targetSeconds: 15 });
    expect(result.offeredLoadErlangs).toBeCloseTo(48, 12);
    expect(result.occupancy).toBeCloseTo(48 / 55, 12);
    expect(result.pWait).toBeCloseTo(0.2387, 4);
    expect(result.meanWaitMinutes * 60).toBeCloseTo(8.184, 3);
    expect(result.serviceLevel).toBeCloseTo(0.8459, 4);
    expect(result.meanWaitOfDelayedMinutes).toBeCloseTo(4 / 7, 12);
  });

  it('agrees with a brute-force summation of the M/M/N chain', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (agents, utilisation, ahtMinutes, targetSeconds) => {
          const arrivalsPerHour = (utilisation * agents * 60) / ahtMinutes;
          const expected = mmnBySummation(arrivalsPerHour, ahtMinutes, agents, targetSeconds);
          const actual = erlangC({ arrivalsPerHour, ahtMinutes, agents, targetSeconds });
          expect(relativeDifference(actual.pWait, expected.pWait)).toBeLessThan(1e-9);
          expect(relativeDifference(actual.meanWaitMinutes, expected.meanWaitMinutes)).toBeLessThan(
            1e-9,
          );
          expect(Math.abs(actual.serviceLevel - expected.serviceLevel)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('records the reference case used by the simulation tests: 100 calls/h, AHT 6 min, 11 agents', () => {
    // Expected values computed independently in mpmath (40 digits) from the textbook formula
    // C = (A^N/N!)·N/(N − A) / (Σ_{k<N} A^k/k! + (A^N/N!)·N/(N − A)) with A = 10 Erlangs;
    // the brute-force chain above gives the same.
    const result = erlangC({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 11 });
    const brute = mmnBySummation(100, 6, 11, 20);
    const expected = {
      pWait: 0.68211820468933237,
      meanWaitMinutes: 4.0927092281359942,
      serviceLevel: 0.35474382536044281,
    };
    for (const key of ['pWait', 'meanWaitMinutes', 'serviceLevel'] as const) {
      expect(relativeDifference(result[key], expected[key])).toBeLessThan(1e-12);
      expect(relativeDifference(brute[key], expected[key])).toBeLessThan(1e-9);
    }
    expect(result.occupancy).toBeCloseTo(10 / 11, 12);
    expect(result.meanWaitOfDelayedMinutes).toBeCloseTo(6, 12);
  });

  it('stays finite and sensible for 500 agents at 480 Erlangs', () => {
    // mpmath reference (40 digits, textbook formula): C = 0.26651251996236413,
    // W = 0.07995375598870924 min, SL(20 s) = 0.91226594726537527.
    const result = erlangC({ arrivalsPerHour: 4800, ahtMinutes: 6, agents: 500 });
    expect(relativeDifference(result.pWait, 0.26651251996236413)).toBeLessThan(1e-11);
    expect(relativeDifference(result.meanWaitMinutes, 0.07995375598870924)).toBeLessThan(1e-11);
    expect(relativeDifference(result.serviceLevel, 0.91226594726537527)).toBeLessThan(1e-11);
  });

  it('reports an unstable queue (load ≥ agents) as certain, endless waiting, never NaN', () => {
    for (const arrivalsPerHour of [110, 200, 1e6]) {
      expect(erlangC({ arrivalsPerHour, ahtMinutes: 6, agents: 11 })).toEqual({
        offeredLoadErlangs: (arrivalsPerHour / 60) * 6,
        occupancy: 1,
        pWait: 1,
        meanWaitMinutes: Infinity,
        meanWaitOfDelayedMinutes: Infinity,
        serviceLevel: 0,
      });
    }
  });

  it('never waits with no callers', () => {
    const result = erlangC({ arrivalsPerHour: 0, ahtMinutes: 6, agents: 3 });
    expect(result.pWait).toBe(0);
    expect(result.meanWaitMinutes).toBe(0);
    expect(result.serviceLevel).toBe(1);
  });

  it('lets more agents never raise the wait probability or the mean wait, nor lower the service level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 600 }),
        (agents, arrivalsPerHour, ahtMinutes, targetSeconds) => {
          const fewer = erlangC({ arrivalsPerHour, ahtMinutes, agents, targetSeconds });
          const more = erlangC({ arrivalsPerHour, ahtMinutes, agents: agents + 1, targetSeconds });
          expect(more.pWait).toBeLessThanOrEqual(fewer.pWait);
          expect(more.meanWaitMinutes).toBeLessThanOrEqual(fewer.meanWaitMinutes);
          expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel);
          for (const value of Object.values(more)) expect(Number.isNaN(value)).toBe(false);
          expect(more.pWait).toBeGreaterThanOrEqual(0);
          expect(more.pWait).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('names the bad parameter', () => {
    expect(() => erlangC({ arrivalsPerHour: 100, ahtMinutes: 0, agents: 11 })).toThrow(
      ParameterError,
    );
    expect(() => erlangC({ arrivalsPerHour: 100, ahtMinutes: 0, agents: 11 })).toThrow(
      'ahtMinutes: expected a number > 0, got 0',
    );
    expect(() => erlangC({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 0 })).toThrow(
      'agents: expected a whole number ≥ 1, got 0',
    );
    expect(() => erlangC({ arrivalsPerHour: -1, ahtMinutes: 6, agents: 3 })).toThrow(
      'arrivalsPerHour:',
    );
    expect(() =>
      erlangC({ arrivalsPerHour: 1, ahtMinutes: 6, agents: 3, targetSeconds: -5 }),
    ).toThrow('targetSeconds: expected a number ≥ 0, got -5');
  });
});

describe('agentsForServiceLevel', () => {
  it('staffs the classic example to 80 % within 15 s with 55 agents', () => {
    // Same worked example as above: 55 agents give 84.59 %; one fewer must miss 80 %.
    const staff = { arrivalsPerHour: 720, ahtMinutes: 4, targetSeconds: 15 };
    expect(agentsForServiceLevel({ ...staff, serviceLevelTarget: 0.8 })).toBe(55);
    expect(erlangC({ ...staff, agents: 54 }).serviceLevel).toBeLessThan(0.8);
  });

  it('returns the smallest agent count whose service level meets the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5e4, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (arrivalsPerHour, ahtMinutes, targetSeconds, serviceLevelTarget) => {
          const params = { arrivalsPerHour, ahtMinutes, targetSeconds };
          const agents = agentsForServiceLevel({ ...params, serviceLevelTarget });
          const load = (arrivalsPerHour / 60) * ahtMinutes;
          expect(agents).toBeGreaterThanOrEqual(1);
          expect(agents).toBeGreaterThan(load);
          expect(erlangC({ ...params, agents }).serviceLevel).toBeGreaterThanOrEqual(
            serviceLevelTarget,
          );
          // One fewer agent either misses the target or leaves the queue unstable.
          if (agents > 1 && agents - 1 > load) {
            expect(erlangC({ ...params, agents: agents - 1 }).serviceLevel).toBeLessThan(
              serviceLevelTarget,
            );
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('names the bad parameter', () => {
    const staff = { arrivalsPerHour: 720, ahtMinutes: 4, targetSeconds: 15 };
    expect(() => agentsForServiceLevel({ ...staff, serviceLevelTarget: 1 })).toThrow(
      ParameterError,
    );
    expect(() => agentsForServiceLevel({ ...staff, serviceLevelTarget: 1 })).toThrow(
      'serviceLevelTarget: expected a number ≥ 0 and < 1, got 1',
    );
    expect(() =>
      agentsForServiceLevel({ ...staff, targetSeconds: Number.NaN, serviceLevelTarget: 0.8 }),
    ).toThrow('targetSeconds:');
  });
});
