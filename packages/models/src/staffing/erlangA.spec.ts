import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../errors.ts';
import { erlangA, type ErlangAParams, type ErlangAResult } from './erlangA.ts';
import { erlangC } from './erlangC.ts';

/**
 * M/M/N+M by brute force, independent of the implementation's chain-and-conditioning sums: the
 * stationary probabilities of the birth–death chain (birth λ; death nμ for n ≤ N, Nμ + (n − N)θ
 * above) built state by state, normalised, and read off directly. Abandonment comes from the
 * rate balance "callers abandon at rate θ·E[queue]" (Mandelbaum & Zeltyn, the relations among
 * P{Ab}, E[W], E[Q]); utilisation from E[busy agents]. Plain doubles, no rescaling: fine while
 * λ/θ (arrivals per mean patience) stays below a few hundred.
 */
function chainBySummation({ arrivalsPerHour, ahtMinutes, agents, patienceMinutes }: ErlangAParams) {
  const lambda = arrivalsPerHour / 60;
  const mu = 1 / ahtMinutes;
  const theta = 1 / patienceMinutes;
  const weights: number[] = [1];
  let total = 1;
  let queued = agents === 0 ? 1 : 0;
  for (let n = 1; ; n++) {
    const death = n <= agents ? n * mu : agents * mu + (n - agents) * theta;
    const next = (weights[n - 1]! * lambda) / death;
    weights.push(next);
    total += next;
    if (n >= agents) queued += next;
    if (n > agents && next < 1e-18 * queued) break;
    if (!Number.isFinite(total) || n > 1e6) throw new Error('chainBySummation: out of its range');
  }
  const probabilities = weights.map((w) => w / total);
  let pWait = 0;
  let queueLength = 0;
  let busy = 0;
  probabilities.forEach((p, n) => {
    if (n >= agents) pWait += p;
    queueLength += Math.max(0, n - agents) * p;
    busy += Math.min(n, agents) * p;
  });
  return {
    probabilities,
    pWait,
    meanQueueLength: queueLength,
    pAbandon: (theta * queueLength) / lambda,
    occupancy: busy / agents,
  };
}

/** Composite Simpson rule with `intervals` (even) panels. */
function simpson(f: (v: number) => number, from: number, to: number, intervals = 2000): number {
  const h = (to - from) / intervals;
  let sum = f(from) + f(to);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

/**
 * ∫_0^to f by Simpson on pieces that double in length from `step`, so that both a fast start
 * (scale 1/(Nμ + θ + λ)) and a slow tail (scale 1/(Nμ)) are resolved.
 */
function integrate(f: (v: number) => number, to: number, step: number): number {
  let total = 0;
  let from = 0;
  for (let width = step; from < to; width *= 2) {
    const end = Math.min(to, from + width);
    total += simpson(f, from, end);
    from = end;
  }
  return total;
}

/**
 * The measures that need the waiting-time law, by a second independent route: numerical
 * integration of the density of the offered wait V (the wait a caller would have with infinite
 * patience), f_V(v) = λ·π(N−1)·exp(−Nμv + (λ/θ)(1 − e^{−θv})) for v > 0 (Baccelli & Hébuterne
 * 1981; Mandelbaum & Zeltyn, M/M/n+G summary, with exponential patience). A caller with
 * patience τ ~ Exp(θ) is answered iff τ > V and waits min(V, τ), so
 *   P(answered within T) = P(V = 0) + ∫_0^T f_V e^{−θv} dv,
 *   E[wait; answered] = ∫ v f_V e^{−θv} dv,  E[wait; abandoned] = ∫ f_V (1 − e^{−θv}(1 + θv))/θ dv.
 */
function virtualWaitIntegrals(params: ErlangAParams) {
  const { arrivalsPerHour, ahtMinutes, agents, patienceMinutes } = params;
  const lambda = arrivalsPerHour / 60;
  const theta = 1 / patienceMinutes;
  const capacity = agents / ahtMinutes;
  const x = lambda / theta;
  const chain = chainBySummation(params);
  const pBelowN = chain.probabilities.slice(0, agents).reduce((s, p) => s + p, 0);
  const atNMinus1 = chain.probabilities[agents - 1]!;
  const density = (v: number) =>
    lambda * atNMinus1 * Math.exp(-capacity * v + x * -Math.expm1(-theta * v));
  // Beyond (x + 60)/(Nμ) the density is below e^{−60} of its start: nothing left to integrate.
  const horizon = (x + 60) / capacity;
  const targetMinutes = (params.targetSeconds ?? 20) / 60;
  const step = 0.1 / (capacity + theta + lambda);
  const pAbandon = integrate((v) => density(v) * -Math.expm1(-theta * v), horizon, step);
  const servedWait = integrate((v) => v * density(v) * Math.exp(-theta * v), horizon, step);
  const abandonedWait = integrate(
    (v) => (density(v) * (-Math.expm1(-theta * v) - theta * v * Math.exp(-theta * v))) / theta,
    horizon,
    step,
  );
  const answeredInTime = integrate((v) => density(v) * Math.exp(-theta * v), targetMinutes, step);
  return {
    pAbandon,
    serviceLevel: pBelowN + answeredInTime,
    meanWaitServedMinutes: servedWait / (1 - pAbandon),
    meanWaitAbandonedMinutes: abandonedWait / pAbandon,
  };
}

function relativeDifference(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

const ALL_KEYS = [
  'offeredLoadErlangs',
  'occupancy',
  'pWait',
  'pAbandon',
  'pAbandonGivenWait',
  'meanQueueLength',
  'meanWaitMinutes',
  'meanWaitServedMinutes',
  'meanWaitAbandonedMinutes',
  'serviceLevel',
] as const satisfies readonly (keyof ErlangAResult)[];

describe('erlangA', () => {
  describe('the reference case used by the simulation tests: 100 calls/h, AHT 6 min, 11 agents, patience 3 min', () => {
    const params = { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, patienceMinutes: 3 };
    // No published table was used: none with Erlang A values could be verified (searches of
    // Mandelbaum & Zeltyn's "The Palm/Erlang-A queue" notes, Garnett, Mandelbaum & Reiman 2002
    // and Koole's "Call Center Mathematics" found the texts but not their tables' figures), and
    // a reference value is never written from memory. These values are computed two independent
    // ways instead. pWait, pAbandon and meanWait were re-checked (mpmath, 40 digits) by summing
    // the birth–death chain's stationary probabilities directly, pAbandon = θ·E[queue]/λ.
    // Computed independently in mpmath (40 digits) by integrating the offered-wait density
    // f_V above with mpmath.quad, normalised with Σ_{j<N} A^j/j! + λ·A^{N−1}/(N−1)!·J, where
    // J = ∫ exp(−Nμv + x(1 − e^{−θv})) dv, itself checked against Mandelbaum & Zeltyn's closed
    // form J = (e^x/θ)·x^{−Nμ/θ}·γ(Nμ/θ, x) to 40 digits. Service level at 20 s.
    const expected: Record<(typeof ALL_KEYS)[number], number> = {
      offeredLoadErlangs: 10,
      occupancy: 0.81669363773244226,
      pWait: 0.35903268917573243,
      pAbandon: 0.10163699849431349,
      pAbandonGivenWait: 0.10163699849431349 / 0.35903268917573243,
      meanQueueLength: (100 / 60) * 0.30491099548294047,
      meanWaitMinutes: 0.30491099548294047,
      meanWaitServedMinutes: 0.25437458541000483,
      meanWaitAbandonedMinutes: 0.7515991278659994,
      serviceLevel: 0.71068096642141446,
    };

    it('matches the 40-digit reference values', () => {
      const result = erlangA(params);
      for (const key of ALL_KEYS) {
        expect(relativeDifference(result[key], expected[key]), key).toBeLessThan(1e-12);
      }
    });

    it('matches the brute-force chain and the offered-wait integrals', () => {
      const chain = chainBySummation(params);
      const integrals = virtualWaitIntegrals(params);
      expect(relativeDifference(chain.pWait, expected.pWait)).toBeLessThan(1e-12);
      expect(relativeDifference(chain.pAbandon, expected.pAbandon)).toBeLessThan(1e-12);
      expect(relativeDifference(chain.meanQueueLength, expected.meanQueueLength)).toBeLessThan(
        1e-12,
      );
      expect(relativeDifference(chain.occupancy, expected.occupancy)).toBeLessThan(1e-12);
      expect(relativeDifference(integrals.pAbandon, expected.pAbandon)).toBeLessThan(1e-9);
      expect(relativeDifference(integrals.serviceLevel, expected.serviceLevel)).toBeLessThan(1e-9);
      expect(
        relativeDifference(integrals.meanWaitServedMinutes, expected.meanWaitServedMinutes),
      ).toBeLessThan(1e-9);
      expect(
        relativeDifference(integrals.meanWaitAbandonedMinutes, expected.meanWaitAbandonedMinutes),
      ).toBeLessThan(1e-9);
    });

    it('differs from Erlang C as abandonment predicts: less waiting, better service level', () => {
      const a = erlangA(params);
      const c = erlangC(params);
      // Erlang C for the same case: C = 0.6821..., ASA 4.09 min, SL 0.3547 (see erlangC.spec.ts).
      expect(a.pWait).toBeLessThan(c.pWait);
      expect(a.meanWaitMinutes).toBeLessThan(c.meanWaitMinutes);
      expect(a.serviceLevel).toBeGreaterThan(c.serviceLevel);
    });
  });

  it('agrees with the brute-force chain and the offered-wait integrals across loads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0.2, max: 30, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (agents, utilisation, ahtMinutes, patienceMinutes, targetSeconds) => {
          const params = {
            arrivalsPerHour: (utilisation * agents * 60) / ahtMinutes,
            ahtMinutes,
            agents,
            patienceMinutes,
            targetSeconds,
          };
          fc.pre((params.arrivalsPerHour / 60) * patienceMinutes < 300); // the brute force's range
          const result = erlangA(params);
          const chain = chainBySummation(params);
          for (const key of ['pWait', 'pAbandon', 'meanQueueLength', 'occupancy'] as const) {
            expect(relativeDifference(result[key], chain[key]), key).toBeLessThan(1e-9);
          }
          const integrals = virtualWaitIntegrals(params);
          for (const key of [
            'pAbandon',
            'meanWaitServedMinutes',
            'meanWaitAbandonedMinutes',
          ] as const) {
            expect(relativeDifference(result[key], integrals[key]), key).toBeLessThan(1e-7);
          }
          // A service level can be ~1e-8 when overloaded; both routes are good to ~1e-13 absolute.
          expect(Math.abs(result.serviceLevel - integrals.serviceLevel)).toBeLessThan(
            Math.max(1e-7 * integrals.serviceLevel, 1e-12),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is the M/M/∞ queue when patience equals the handle time: Poisson(A) callers in the system', () => {
    // With θ = μ every caller present leaves at rate μ, waiting or served, so the number in
    // system is that of M/M/∞: Poisson with mean A (any queueing text, e.g. Kleinrock,
    // "Queueing Systems" vol. 1, the M/M/∞ queue).
    const params = { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, patienceMinutes: 6 };
    const load = 10;
    let term = Math.exp(-load);
    let below = 0;
    let excess = 0;
    let busy = 0;
    for (let n = 0; n < 200; n++) {
      if (n < params.agents) below += term;
      excess += Math.max(0, n - params.agents) * term;
      busy += Math.min(n, params.agents) * term;
      term *= load / (n + 1);
    }
    const result = erlangA(params);
    expect(relativeDifference(result.pWait, 1 - below)).toBeLessThan(1e-12);
    expect(relativeDifference(result.meanQueueLength, excess)).toBeLessThan(1e-12);
    expect(relativeDifference(result.occupancy, busy / params.agents)).toBeLessThan(1e-12);
  });

  it('with no agents, everyone abandons after their patience: Poisson(λ/θ) callers waiting', () => {
    const result = erlangA({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 0, patienceMinutes: 3 });
    expect(result.pWait).toBe(1);
    expect(result.pAbandon).toBe(1);
    expect(result.serviceLevel).toBe(0);
    expect(result.occupancy).toBe(0);
    expect(result.meanWaitServedMinutes).toBe(0);
    expect(result.meanWaitMinutes).toBeCloseTo(3, 12);
    expect(result.meanWaitAbandonedMinutes).toBeCloseTo(3, 12);
    expect(result.meanQueueLength).toBeCloseTo(5, 12); // λ/θ = 100/60 per min × 3 min
  });

  it('stays finite and sensible for 500 agents at 480 Erlangs', () => {
    // mpmath reference (40 digits, offered-wait integrals as above), patience 3 min, 20 s target.
    const result = erlangA({
      arrivalsPerHour: 4800,
      ahtMinutes: 6,
      agents: 500,
      patienceMinutes: 3,
    });
    const expected = {
      pWait: 0.1592473247178034,
      pAbandon: 0.0060933325473540499,
      serviceLevel: 0.9886348680184557,
      meanWaitMinutes: 0.01827999764206215,
      meanWaitServedMinutes: 0.017795439499839601,
      meanWaitAbandonedMinutes: 0.09731812080056093,
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(relativeDifference(result[key as keyof typeof expected], value), key).toBeLessThan(
        1e-11,
      );
    }
    expect(result.pWait).toBeGreaterThan(0);
    expect(result.pWait).toBeLessThan(1);
  });

  it('handles heavy overload: 1000 agents at 10 000 Erlangs sheds the excess by abandonment', () => {
    // Fluid limit (Whitt (2006), "Fluid models for multiserver queues with abandonments",
    // Operations Research 54(1)): served throughput → Nμ, so P(Ab) → 1 − N/A
    // = 0.9, and the offered wait v solves λe^{−θv} = Nμ: v = patience·ln(A/N) = 30·ln 10 min.
    const result = erlangA({
      arrivalsPerHour: 100_000,
      ahtMinutes: 6,
      agents: 1000,
      patienceMinutes: 30,
    });
    expect(result.pWait).toBe(1);
    expect(result.pAbandon).toBeCloseTo(0.9, 6);
    expect(result.occupancy).toBeLessThanOrEqual(1);
    expect(result.occupancy).toBeCloseTo(1, 6);
    expect(result.meanWaitServedMinutes).toBeCloseTo(30 * Math.log(10), 1);
    // Nobody is answered within 20 s behind ~45 000 callers: 0 up to the ~1e-13 rounding of
    // the service level (see erlangA).
    expect(result.serviceLevel).toBeLessThan(1e-12);
  });

  describe('tends to Erlang C as patience grows', () => {
    const compare = (params: ErlangAParams) => {
      const a = erlangA(params);
      const c = erlangC(params);
      return Math.max(
        relativeDifference(a.pWait, c.pWait),
        relativeDifference(a.meanWaitMinutes, c.meanWaitMinutes),
        relativeDifference(a.meanWaitServedMinutes, c.meanWaitMinutes),
        relativeDifference(a.serviceLevel, c.serviceLevel),
        relativeDifference(a.occupancy, c.occupancy),
      );
    };

    it('is within 1e-6 of Erlang C at a patience of 1e7 minutes', () => {
      // Cases whose delayed callers wait well under a minute: the true gap at 1e7 minutes of
      // patience is then below 1e-6 (it grows with the wait and with 1/(1 − ρ), see below).
      for (const params of [
        { arrivalsPerHour: 720, ahtMinutes: 4, agents: 60, targetSeconds: 15 },
        { arrivalsPerHour: 4800, ahtMinutes: 6, agents: 520 },
        { arrivalsPerHour: 1000, ahtMinutes: 3, agents: 60 },
        { arrivalsPerHour: 60_000, ahtMinutes: 1, agents: 1030 },
      ]) {
        expect(compare({ ...params, patienceMinutes: 1e7 })).toBeLessThan(1e-6);
        expect(erlangA({ ...params, patienceMinutes: 1e7 }).pAbandon).toBeLessThan(1e-6);
      }
    });

    it('converges like 1/patience, so the gap is the model and not rounding', () => {
      // The reference case waits long (6 min when delayed, ρ = 0.91), so at 1e7 minutes of
      // patience a true gap of ~2e-5 in the mean wait remains (mpmath gives pWait 0.68211690371
      // against Erlang C's 0.68211820469); it shrinks tenfold per tenfold more patience.
      for (const params of [
        { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11 },
        { arrivalsPerHour: 720, ahtMinutes: 4, agents: 55, targetSeconds: 15 },
      ]) {
        const gaps = [1e7, 1e8, 1e9].map((patienceMinutes) =>
          compare({ ...params, patienceMinutes }),
        );
        expect(gaps[2]).toBeLessThan(1e-6);
        expect(gaps[0]! / gaps[1]!).toBeCloseTo(10, 0);
        expect(gaps[1]! / gaps[2]!).toBeCloseTo(10, 0);
      }
      const mpmathAt1e7 = 0.68211690371044863; // pWait at patience 1e7 min, 40-digit reference
      const atLargePatience = erlangA({
        arrivalsPerHour: 100,
        ahtMinutes: 6,
        agents: 11,
        patienceMinutes: 1e7,
      });
      expect(relativeDifference(atLargePatience.pWait, mpmathAt1e7)).toBeLessThan(1e-12);
    });
  });

  it('approaches the Garnett–Mandelbaum–Reiman QED limits in large call centres', () => {
    // Garnett, Mandelbaum & Reiman (2002): with N = R + β√R (R = λ/μ) and fixed θ,
    //   P(W > 0) → [1 + √(θ/μ)·h(β√(μ/θ)) / h(−β)]⁻¹ and √N·P(Ab | W > 0) → √(θ/μ)·(h(β̂) − β̂),
    // h(x) = φ(x)/(1 − Φ(x)) the standard normal hazard, β̂ = β√(μ/θ). The gap is O(1/√N).
    const ahtMinutes = 6;
    const patienceMinutes = 3;
    const scale = Math.sqrt(patienceMinutes / ahtMinutes); // √(μ/θ)
    const gaps: number[] = [];
    for (const R of [100, 1600]) {
      const agents = R + Math.sqrt(R) / 2; // β = 0.5
      const beta = (agents - R) / Math.sqrt(R);
      const betaHat = beta * scale;
      const limitPWait = 1 / (1 + normalHazard(betaHat) / scale / normalHazard(-beta));
      const limitPAbandonGivenWait = (normalHazard(betaHat) - betaHat) / scale / Math.sqrt(agents);
      const result = erlangA({
        arrivalsPerHour: (R * 60) / ahtMinutes,
        ahtMinutes,
        agents,
        patienceMinutes,
      });
      gaps.push(Math.abs(result.pWait - limitPWait));
      expect(relativeDifference(result.pAbandonGivenWait, limitPAbandonGivenWait)).toBeLessThan(
        0.02,
      );
    }
    expect(gaps[1]).toBeLessThan(0.005);
    expect(gaps[0]! / gaps[1]!).toBeCloseTo(4, 0); // 16× the size, 4× closer: O(1/√N)
  });

  it('keeps every output finite and consistent up to 1000 agents and 10× overload', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 10, noNaN: true })),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.1, max: 120, noNaN: true }),
        fc.integer({ min: 0, max: 600 }),
        (agents, overload, ahtMinutes, patienceMinutes, targetSeconds) => {
          const arrivalsPerHour = (overload * Math.max(agents, 1) * 60) / ahtMinutes;
          const r = erlangA({
            arrivalsPerHour,
            ahtMinutes,
            agents,
            patienceMinutes,
            targetSeconds,
          });
          for (const key of ALL_KEYS) expect(Number.isFinite(r[key]), key).toBe(true);
          for (const key of [
            'pWait',
            'pAbandon',
            'pAbandonGivenWait',
            'serviceLevel',
            'occupancy',
          ] as const) {
            expect(r[key], key).toBeGreaterThanOrEqual(0);
            expect(r[key], key).toBeLessThanOrEqual(1);
          }
          const slack = 1e-12;
          expect(r.pAbandon).toBeLessThanOrEqual(r.pWait + slack);
          // Answered in time: at least those never waiting, at most those answered at all.
          expect(r.serviceLevel).toBeGreaterThanOrEqual(1 - r.pWait - slack);
          expect(r.serviceLevel).toBeLessThanOrEqual(1 - r.pAbandon + slack);
          if (arrivalsPerHour > 0) {
            const lambda = arrivalsPerHour / 60;
            // Little's law on the queue, and the abandonment balance θ·E[Lq] = λ·P(Ab): two
            // different sums over the queue states (k·t_k against (k+1)/(a+k+1)·t_k).
            expect(relativeDifference(r.meanQueueLength, lambda * r.meanWaitMinutes)).toBeLessThan(
              1e-9,
            );
            expect(
              relativeDifference(r.pAbandon, r.meanQueueLength / patienceMinutes / lambda),
            ).toBeLessThan(1e-9);
          }
          if (agents > 0) {
            // The mean wait splits into answered and abandoning callers (three separate sums).
            const split =
              (1 - r.pAbandon) * r.meanWaitServedMinutes + r.pAbandon * r.meanWaitAbandonedMinutes;
            expect(Math.abs(split - r.meanWaitMinutes)).toBeLessThanOrEqual(
              1e-9 * Math.max(r.meanWaitMinutes, 1e-300),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lets more agents never raise the waiting or the abandonment, nor lower the service level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.1, max: 120, noNaN: true }),
        (agents, overload, ahtMinutes, patienceMinutes) => {
          const arrivalsPerHour = (overload * Math.max(agents, 1) * 60) / ahtMinutes;
          const params = { arrivalsPerHour, ahtMinutes, patienceMinutes };
          const fewer = erlangA({ ...params, agents });
          const more = erlangA({ ...params, agents: agents + 1 });
          const slack = 1 + 1e-12;
          expect(more.pWait).toBeLessThanOrEqual(fewer.pWait * slack);
          expect(more.meanWaitMinutes).toBeLessThanOrEqual(fewer.meanWaitMinutes * slack);
          expect(more.pAbandon).toBeLessThanOrEqual(fewer.pAbandon * slack);
          // Service levels are good to ~1e-13 absolute (see erlangA), hence the absolute slack.
          expect(more.serviceLevel * slack + 1e-12).toBeGreaterThanOrEqual(fewer.serviceLevel);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lets more patience never raise the abandonment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (agents, overload, ahtMinutes, patienceMinutes, factor) => {
          const params = {
            arrivalsPerHour: (overload * Math.max(agents, 1) * 60) / ahtMinutes,
            ahtMinutes,
            agents,
          };
          const impatient = erlangA({ ...params, patienceMinutes });
          const patient = erlangA({ ...params, patienceMinutes: patienceMinutes * factor });
          expect(patient.pAbandon).toBeLessThanOrEqual(impatient.pAbandon * (1 + 1e-12));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never waits more than Erlang C when Erlang C is stable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.1, max: 120, noNaN: true }),
        (agents, utilisation, ahtMinutes, patienceMinutes) => {
          const params = {
            arrivalsPerHour: (utilisation * agents * 60) / ahtMinutes,
            ahtMinutes,
            agents,
          };
          const a = erlangA({ ...params, patienceMinutes });
          const c = erlangC(params);
          expect(a.pWait).toBeLessThanOrEqual(c.pWait * (1 + 1e-12));
          expect(a.meanWaitMinutes).toBeLessThanOrEqual(c.meanWaitMinutes * (1 + 1e-12));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('names the bad parameter', () => {
    const params = { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, patienceMinutes: 3 };
    expect(() => erlangA({ ...params, agents: -3 })).toThrow(ParameterError);
    expect(() => erlangA({ ...params, agents: -3 })).toThrow(
      'agents: expected a whole number ≥ 0, got -3',
    );
    expect(() => erlangA({ ...params, patienceMinutes: 0 })).toThrow(
      'patienceMinutes: expected a number > 0, got 0',
    );
    expect(() => erlangA({ ...params, patienceMinutes: Infinity })).toThrow('patienceMinutes:');
    expect(() => erlangA({ ...params, targetSeconds: -1 })).toThrow(
      'targetSeconds: expected a number ≥ 0, got -1',
    );
  });
});

/** Standard normal hazard φ(x)/(1 − Φ(x)), with 1 − Φ from erfc (Numerical Recipes, 1.2e-7). */
function normalHazard(x: number): number {
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  return density / (0.5 * erfc(x / Math.SQRT2));
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  // prettier-ignore
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 +
    t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
