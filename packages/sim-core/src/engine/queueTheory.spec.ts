/**
 * The engine's staffed-channel queue against queueing theory (DESIGN.md, invariant 5).
 *
 * `simulateQueue` runs exactly the kernel the monthly step uses (queueKernel.ts) over one long
 * stretch with constant arrivals and staffing. References, both from @journeycast/models:
 * - Erlang C, M/M/N (no abandonment): pWait = C(N, A), mean wait = C·AHT/(N − A)
 *   (Gans, Koole & Mandelbaum 2003, "Telephone call centers: tutorial, review and research
 *   prospects", M&SOM 5(2); staffing/erlangC.ts);
 * - Erlang A, M/M/N+M (exponential patience): pWait, pAbandon, mean wait = pAbandon·patience,
 *   service level, occupancy, mean queue length (Garnett, Mandelbaum & Reiman 2002, "Designing a
 *   call center with impatient customers", M&SOM 4(3); Mandelbaum & Zeltyn, "The M/M/n+G queue:
 *   summary of performance measures"; staffing/erlangA.ts).
 *
 * Method and tolerance: R independent replications (different seeds, so independent streams),
 * each H hours after a warm-up that is simulated but not counted. The estimate is the mean of the
 * R per-replication figures and its standard error SE = s/√R; the test requires
 * |simulated − theory| ≤ 4·SE. With R = 20 the studentised error has 19 degrees of freedom, so an
 * unbiased simulator fails one such comparison with probability ≈ 8e-4; the seeds are fixed, so
 * the outcome is deterministic. The tolerance is never widened to pass: a miss is a bias to find.
 *
 * Warm-up: the queue starts empty, so early callers wait less than in steady state. The bias
 * decays like e^(−t/τ) with the relaxation time τ ≈ AHT / (N·(1 − √ρ)²) (Abate & Whitt 1988,
 * "Transient behavior of the M/M/1 queue via Laplace transforms", AAP 20(1), with the service rate
 * of N agents): ≈ 4 h at ρ = 0.91 (11 agents) and ≈ 16 h at ρ = 0.95 (10 agents). Warm-ups of
 * 50 h and 300 h are more than 12 τ, which leaves a bias below e^−12 of the initial deficit: far
 * below one SE. With abandonment the queue is short and τ is minutes, so 20 h is ample.
 * Per-replication lengths keep the relative SE of each figure to about 1 % or better.
 */
import { erlangA, erlangC, type ErlangAParams } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { simulateQueue, type QueueCheck, type QueueCheckParams } from './queueCheck.ts';

const Z = 4;
const R = 20;

interface Estimate {
  mean: number;
  se: number;
}

function estimate(values: number[]): Estimate {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/** R replications of a queue check, seeds base + 0 … base + R − 1. */
function replicate(params: QueueCheckParams, base: number, runs = R): QueueCheck[] {
  return Array.from({ length: runs }, (_, r) => simulateQueue({ ...params, seed: base + r }));
}

/** |estimate − theory| ≤ 4·SE, with a message that shows the figures when it fails. */
function expectWithin(name: string, values: number[], theory: number): Estimate {
  const e = estimate(values);
  expect(
    Math.abs(e.mean - theory),
    `${name}: simulated ${e.mean.toFixed(6)} ± ${e.se.toFixed(6)} (SE), theory ${theory.toFixed(6)}`,
  ).toBeLessThanOrEqual(Z * e.se);
  // The test must be able to fail: its tolerance is a small fraction of the figure.
  expect(Z * e.se).toBeLessThan(0.05 * Math.max(Math.abs(theory), 0.05));
  return e;
}

describe('Erlang C (M/M/N, no abandonment): pWait and mean wait within 4 SE', () => {
  const cases: { name: string; params: QueueCheckParams }[] = [
    {
      name: 'ρ = 0.71 (50 calls/h, AHT 6 min, 7 agents)',
      params: { arrivalsPerHour: 50, ahtMinutes: 6, agents: 7, hours: 4000, warmupHours: 20 },
    },
    {
      name: 'ρ = 0.91 (100 calls/h, AHT 6 min, 11 agents)',
      params: { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, hours: 4000, warmupHours: 50 },
    },
    {
      name: 'ρ = 0.95 (95 calls/h, AHT 6 min, 10 agents)',
      params: { arrivalsPerHour: 95, ahtMinutes: 6, agents: 10, hours: 16000, warmupHours: 300 },
    },
  ];

  it('reference values of erlangC (its spec): 100/h, 6 min, 11 agents', () => {
    const c = erlangC({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 11 });
    expect(c.pWait).toBeCloseTo(0.682118204689, 11);
    expect(c.meanWaitMinutes).toBeCloseTo(4.09270922814, 10);
  });

  cases.forEach(({ name, params }, i) => {
    it(name, () => {
      const theory = erlangC({
        arrivalsPerHour: params.arrivalsPerHour,
        ahtMinutes: params.ahtMinutes,
        agents: params.agents,
      });
      const runs = replicate(params, 1000 * (i + 1));
      expectWithin(
        'pWait',
        runs.map((r) => r.pWait),
        theory.pWait,
      );
      expectWithin(
        'mean wait (min)',
        runs.map((r) => r.meanWaitMinutes),
        theory.meanWaitMinutes,
      );
      expectWithin(
        'service level (20 s)',
        runs.map((r) => r.serviceLevel),
        theory.serviceLevel,
      );
      expectWithin(
        'occupancy',
        runs.map((r) => r.occupancy),
        theory.occupancy,
      );
      for (const r of runs) expect(r.abandonRate).toBe(0);
    });
  });
});

describe('Erlang A (M/M/N+M): pWait, pAbandon, mean wait and service level within 4 SE', () => {
  const cases: { name: string; params: ErlangAParams & QueueCheckParams }[] = [
    {
      name: 'ρ = 0.91 (100 calls/h, AHT 6 min, 11 agents, patience 3 min)',
      params: {
        arrivalsPerHour: 100,
        ahtMinutes: 6,
        agents: 11,
        patienceMinutes: 3,
        hours: 2000,
        warmupHours: 20,
      },
    },
    {
      name: 'ρ = 1.00 (110 calls/h, AHT 6 min, 11 agents, patience 3 min)',
      params: {
        arrivalsPerHour: 110,
        ahtMinutes: 6,
        agents: 11,
        patienceMinutes: 3,
        hours: 2000,
        warmupHours: 20,
      },
    },
    {
      name: 'ρ = 1.25, overloaded (150 calls/h, AHT 4 min, 8 agents, patience 1 min)',
      params: {
        arrivalsPerHour: 150,
        ahtMinutes: 4,
        agents: 8,
        patienceMinutes: 1,
        hours: 2000,
        warmupHours: 20,
      },
    },
  ];

  it('reference values of erlangA (its spec): 100/h, 6 min, 11 agents, patience 3 min', () => {
    const a = erlangA({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, patienceMinutes: 3 });
    expect(a.pWait).toBeCloseTo(0.359032689176, 11);
    expect(a.pAbandon).toBeCloseTo(0.101636998494, 11);
    expect(a.meanWaitMinutes).toBeCloseTo(0.304910995483, 11);
  });

  cases.forEach(({ name, params }, i) => {
    it(name, () => {
      const theory = erlangA(params);
      const runs = replicate(params, 5000 + 1000 * i);
      expectWithin(
        'pWait',
        runs.map((r) => r.pWait),
        theory.pWait,
      );
      expectWithin(
        'pAbandon',
        runs.map((r) => r.abandonRate),
        theory.pAbandon,
      );
      expectWithin(
        'mean wait, all callers (min)',
        runs.map((r) => r.meanWaitMinutes),
        theory.meanWaitMinutes,
      );
      expectWithin(
        'mean wait, answered callers (min)',
        runs.map((r) => r.meanWaitServedMinutes),
        theory.meanWaitServedMinutes,
      );
      expectWithin(
        'service level (answered within 20 s, of all callers)',
        runs.map((r) => r.serviceLevel),
        theory.serviceLevel,
      );
      expectWithin(
        'occupancy',
        runs.map((r) => r.occupancy),
        theory.occupancy,
      );
    });
  });
});

/**
 * Little's law from the recorded callers (`detailed: true`): each caller's arrival a, leave l
 * (answered: start of service; abandoned: hang-up) and handle time S.
 *
 * A sweep over the events (a: +1 waiting, l: −1 waiting; l: +1 busy, l + S: −1 busy) integrates the
 * number waiting Q(t) and the number of busy agents B(t) over the counted window [T0, T1]. On a
 * sample path (El-Taha & Stidham 1999, "Sample-path analysis of queueing systems", ch. 1),
 *   ∫ Q dt = Σ (waits of callers arriving in the window) + boundary terms,
 * where the boundary terms are bounded by the waits of the callers whose waiting straddles T0 or
 * T1, and the same for B(t) with handle times. That is checked exactly (it fails on any mis-
 * recorded time), then the time averages are compared with theory: E[Q] = λ·E[W] (Erlang A's
 * meanQueueLength) and E[B] = λ_answered·E[S] = occupancy·N, within 4 SE over replications.
 */
describe("Little's law on the recorded callers", () => {
  const params = {
    arrivalsPerHour: 100,
    ahtMinutes: 6,
    agents: 11,
    patienceMinutes: 3,
    hours: 1000,
    warmupHours: 20,
    detailed: true,
  } as const;
  const T1 = (params.hours + params.warmupHours) * 60;

  interface PathFigures {
    /** ∫ Q dt and ∫ B dt over the counted window [T0, T1]. */
    areaWaiting: number;
    areaBusy: number;
    /** Σ waits and Σ handle times of the callers counted (arrived in the window). */
    waits: number;
    services: number;
    /** Bounds of the boundary terms. */
    straddlingWaits: number;
    straddlingServices: number;
    /** Most agents busy at once, and fewest callers waiting, over stretches longer than rounding. */
    maxBusy: number;
    minWaiting: number;
  }

  // Event kinds, in the order they are applied at equal times.
  const SERVICE_END = 0;
  const HANG_UP = 1;
  const ANSWERED = 2;
  const ARRIVAL = 3;

  function sweep(check: QueueCheck): PathFigures {
    const rec = check.recorder!;
    const T0 = check.countFromMinute;
    const n = rec.count;
    const times = new Float64Array(3 * n);
    const kinds = new Uint8Array(3 * n);
    const f: PathFigures = {
      areaWaiting: 0,
      areaBusy: 0,
      waits: 0,
      services: 0,
      straddlingWaits: 0,
      straddlingServices: 0,
      maxBusy: 0,
      minWaiting: 0,
    };
    let e = 0;
    for (let i = 0; i < n; i++) {
      const a = rec.arrivals[i]!;
      const l = rec.leaves[i]!;
      const answered = rec.abandoned[i] === 0;
      const s = rec.services[i]!;
      times[e] = a;
      kinds[e++] = ARRIVAL;
      times[e] = l;
      kinds[e++] = answered ? ANSWERED : HANG_UP;
      if (answered) {
        times[e] = l + s;
        kinds[e++] = SERVICE_END;
      }
      if (a >= T0) {
        f.waits += l - a;
        if (answered) f.services += s;
      }
      if ((a < T0 && l > T0) || l > T1) f.straddlingWaits += l - a;
      if (answered && ((a < T0 && l + s > T0) || l + s > T1)) f.straddlingServices += s;
    }
    const order = Array.from({ length: e }, (_, k) => k).sort(
      (x, y) => times[x]! - times[y]! || kinds[x]! - kinds[y]!,
    );
    let waiting = 0;
    let busy = 0;
    let previous = 0;
    for (const j of order) {
      const t = times[j]!;
      const from = Math.max(previous, T0);
      const to = Math.min(t, T1);
      if (to > from) {
        f.areaWaiting += waiting * (to - from);
        f.areaBusy += busy * (to - from);
      }
      // A start computed as a + (s − a) can land an ulp before the end that freed its agent:
      // judge the counts only on stretches longer than rounding.
      if (t - previous > 1e-9) {
        f.maxBusy = Math.max(f.maxBusy, busy);
        f.minWaiting = Math.min(f.minWaiting, waiting);
      }
      previous = t;
      const kind = kinds[j]!;
      if (kind === ARRIVAL) waiting++;
      else if (kind === SERVICE_END) busy--;
      else {
        waiting--;
        if (kind === ANSWERED) busy++;
      }
    }
    return f;
  }

  it('holds on every sample path, and the time averages match λ·W and occupancy·N within 4 SE', () => {
    const theory = erlangA(params);
    const runs = replicate(params, 9000);
    const queueLengths: number[] = [];
    const busyAgents: number[] = [];
    for (const check of runs) {
      const f = sweep(check);
      const window = T1 - check.countFromMinute;
      const rounding = 1e-9 * (f.areaWaiting + f.areaBusy + f.waits + f.services);

      // The recorder agrees with the kernel's totals: Σ waits = calls × mean wait, Σ S = busy time.
      expect(f.waits).toBeCloseTo(check.calls * check.meanWaitMinutes, 3);
      expect(f.services).toBeCloseTo(check.occupancy * params.agents * params.hours * 60, 3);

      // Sample-path Little: ∫Q = Σ W and ∫B = Σ S up to the boundary terms.
      expect(Math.abs(f.areaWaiting - f.waits)).toBeLessThanOrEqual(f.straddlingWaits + rounding);
      expect(Math.abs(f.areaBusy - f.services)).toBeLessThanOrEqual(
        f.straddlingServices + rounding,
      );
      // The boundary terms are small: the identity is not vacuous.
      expect(f.straddlingWaits).toBeLessThan(1e-3 * f.waits);
      expect(f.straddlingServices).toBeLessThan(1e-3 * f.services);

      // Never more callers served at once than agents, never fewer than zero waiting.
      expect(f.maxBusy).toBeLessThanOrEqual(params.agents);
      expect(f.maxBusy).toBe(params.agents); // at ρ = 0.91 every agent is busy at times
      expect(f.minWaiting).toBe(0);

      queueLengths.push(f.areaWaiting / window);
      busyAgents.push(f.areaBusy / window);
    }
    // E[Q] = λ·E[W] (Erlang A's meanQueueLength); E[B] = λ(1 − pAbandon)·AHT = occupancy·N.
    expect(theory.meanQueueLength).toBeCloseTo(
      (params.arrivalsPerHour / 60) * theory.meanWaitMinutes,
      12,
    );
    expectWithin('time-average number waiting', queueLengths, theory.meanQueueLength);
    expectWithin('time-average busy agents', busyAgents, theory.occupancy * params.agents);
  });
});
