/**
 * The counter-based streams (streams.ts): stable keys, and hashed draws that look like independent
 * uniforms wherever the engine puts them side by side (adjacent slots, customers and months).
 *
 * Statistical tests, and how strict they are
 * ------------------------------------------
 * - Uniformity: Pearson's chi-square over 1,024 equal bins of 2^20 draws (expected 1,024 per bin,
 *   1,023 degrees of freedom), on the top 10 bits (what probability thresholds compare) and on the
 *   bottom 10 bits. Joint uniformity of neighbours: the same test on a 32 × 32 grid of pairs
 *   (2^18 pairs, 256 per cell), which catches any dependence between neighbours, not only a
 *   linear one.
 * - Threshold: the upper z = 4 quantile of chi-square (one-sided p ≈ 3.2e-5), by the Wilson–
 *   Hilferty cube-root approximation (Wilson & Hilferty 1931, "The distribution of chi-square",
 *   PNAS 17(12); accurate to a fraction of a percent at 1,023 degrees of freedom).
 * - Linear correlation of neighbours: Pearson's r of n pairs of independent uniforms has
 *   √n·r → N(0, 1), so |r| ≤ 4/√n (z = 4 again).
 * The draws are fixed (fixed keys), so each test is deterministic; at z = 4 a generator as good as
 * an ideal one fails a given test for about 1 key in 30,000.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  agentMonthHash,
  bitsToUniform,
  deriveKey,
  hash3,
  idHash,
  mix32,
  probabilityThreshold,
  slotBits,
  slotUniform,
  type StreamKey,
} from './streams.ts';

const Z = 4;

/** Upper z-quantile of chi-square with k degrees of freedom (Wilson–Hilferty). */
function chiSquareCritical(k: number, z = Z): number {
  const c = 2 / (9 * k);
  return k * (1 - c + z * Math.sqrt(c)) ** 3;
}

/** Pearson's chi-square of observed counts against equal expected counts. */
function chiSquareEqual(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  const expected = total / counts.length;
  let chi = 0;
  for (let i = 0; i < counts.length; i++) chi += (counts[i]! - expected) ** 2 / expected;
  return chi;
}

function pearson(xs: Float64Array, ys: Float64Array): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Checks n pairs of 32-bit values for independence: r and a 32 × 32 chi-square. */
function expectIndependentPairs(a: Uint32Array, b: Uint32Array): void {
  const n = a.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cells = new Float64Array(1024);
  for (let i = 0; i < n; i++) {
    xs[i] = bitsToUniform(a[i]!);
    ys[i] = bitsToUniform(b[i]!);
    cells[((a[i]! >>> 27) << 5) | (b[i]! >>> 27)]!++;
  }
  expect(Math.abs(pearson(xs, ys))).toBeLessThanOrEqual(Z / Math.sqrt(n));
  expect(chiSquareEqual(cells)).toBeLessThanOrEqual(chiSquareCritical(1023));
}

// Customers as the engine names them: a cohort id and an ordinal within it (simulate.ts).
const COHORT = mix32(Math.imul(6, 0x9e3779b9) ^ idHash('source:paidSearch'));
const KEY = deriveKey(2024, 3, 'agent');

describe('deriveKey', () => {
  it('is stable: pinned values (a change here changes every number the engine draws)', () => {
    // Recorded from this implementation (seedrandom 3.0.5's ARC4); no-regression pins.
    expect(deriveKey(42, 0, 'agent')).toEqual({ k0: 77141452, k1: 3208200475 });
    expect(deriveKey(1, 7, 'queue')).toEqual({ k0: 666930814, k1: 1592634681 });
    expect(deriveKey(0, 0, 'acquisition')).toEqual({ k0: 1793137117, k1: 3158061835 });
  });

  it('is the first two words of seedrandom ARC4 seeded with journeycast/v1/<seed>/<replication>/<purpose>', () => {
    const arc4 = seedrandom('journeycast/v1/9/4/uncertainty');
    expect(deriveKey(9, 4, 'uncertainty')).toEqual({
      k0: arc4.int32() >>> 0,
      k1: arc4.int32() >>> 0,
    });
  });

  it('differs by seed, by replication and by purpose', () => {
    const keys = new Set<string>();
    for (const seed of [0, 1, 2, 42, 2 ** 31])
      for (const replication of [0, 1, 2, 999])
        for (const purpose of ['acquisition', 'agent', 'queue', 'uncertainty'])
          keys.add(JSON.stringify(deriveKey(seed, replication, purpose)));
    expect(keys.size).toBe(5 * 4 * 4);
  });
});

describe('mixing functions', () => {
  it('mix32 is a bijection on a sample and idHash separates ids', () => {
    // A bijection never maps two inputs to one output; check a dense block and a sparse one.
    const inputs = new Set<number>();
    for (let x = 0; x < 1 << 16; x++) inputs.add(x);
    for (let x = 0; x < 1 << 16; x++) inputs.add(Math.imul(x, 0x9e3779b9) >>> 0);
    expect(new Set([...inputs].map(mix32)).size).toBe(inputs.size);
    const ids = ['callCentre', 'callcentre', 'app', 'servicing.question', 'servicing.questio'];
    expect(new Set(ids.map(idHash)).size).toBe(ids.length);
  });

  it('probabilityThreshold: bits < threshold happens with probability p to within 2^-32', () => {
    for (const p of [0, 1e-9, 0.012, 0.5, 0.7, 1 - 1e-12, 1]) {
      const t = probabilityThreshold(p);
      expect(Math.abs(t / 2 ** 32 - p)).toBeLessThanOrEqual(2 ** -32);
    }
    expect(probabilityThreshold(-1)).toBe(0);
    expect(probabilityThreshold(NaN)).toBe(0);
    expect(probabilityThreshold(2)).toBe(2 ** 32);
  });
});

describe('slotBits and slotUniform: uniform, and independent where the engine puts draws side by side', () => {
  // 2^13 customers × 16 months × 8 slots = 2^20 draws.
  const CUSTOMERS = 1 << 13;
  const MONTHS = 16;
  const SLOTS = 8;
  // Slots as the engine uses them: a touchpoint's block of 32 (its id hash × 32) and its offsets.
  const TOUCHPOINT_BASE = (idHash('servicing.question') & 0x3ffffff) * 32;

  function draws(): Uint32Array {
    const out = new Uint32Array(CUSTOMERS * MONTHS * SLOTS);
    let n = 0;
    for (let k = 0; k < CUSTOMERS; k++)
      for (let m = 1; m <= MONTHS; m++) {
        const h = agentMonthHash(KEY, COHORT, k, m);
        for (let s = 0; s < SLOTS; s++) out[n++] = slotBits(h, TOUCHPOINT_BASE + s);
      }
    return out;
  }

  it('slotUniform is slotBits mapped strictly inside (0, 1)', () => {
    const h = agentMonthHash(KEY, COHORT, 0, 1);
    for (let s = 0; s < 1000; s++) {
      const u = slotUniform(h, s);
      expect(u).toBe(bitsToUniform(slotBits(h, s)));
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
    expect(bitsToUniform(0)).toBeGreaterThan(0);
    expect(bitsToUniform(0xffffffff)).toBeLessThan(1);
  });

  it('passes chi-square on 2^20 draws (top and bottom 10 bits, 1,024 bins, z = 4)', () => {
    const bits = draws();
    const top = new Float64Array(1024);
    const bottom = new Float64Array(1024);
    for (const b of bits) {
      top[b >>> 22]!++;
      bottom[b & 1023]!++;
    }
    const critical = chiSquareCritical(1023); // ≈ 1,202 for 1,023 degrees of freedom
    expect(chiSquareEqual(top)).toBeLessThanOrEqual(critical);
    expect(chiSquareEqual(bottom)).toBeLessThanOrEqual(critical);
  });

  it('shows no dependence between adjacent slots of one customer-month', () => {
    const n = 1 << 18;
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const h = agentMonthHash(KEY, COHORT, i >>> 4, 1 + (i & 15));
      a[i] = slotBits(h, TOUCHPOINT_BASE);
      b[i] = slotBits(h, TOUCHPOINT_BASE + 1);
    }
    expectIndependentPairs(a, b);
  });

  it('shows no dependence between adjacent customers (ordinals k and k + 1) in the same slot', () => {
    const n = 1 << 18;
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const month = 1 + (i & 7);
      const k = i >>> 3;
      a[i] = slotBits(agentMonthHash(KEY, COHORT, 2 * k, month), 0x80000002);
      b[i] = slotBits(agentMonthHash(KEY, COHORT, 2 * k + 1, month), 0x80000002);
    }
    expectIndependentPairs(a, b);
  });

  it('shows no dependence between adjacent months of one customer in the same slot', () => {
    const n = 1 << 18;
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const month = 1 + 2 * (i & 15);
      const k = i >>> 4;
      a[i] = slotBits(agentMonthHash(KEY, COHORT, k, month), 0x80000002);
      b[i] = slotBits(agentMonthHash(KEY, COHORT, k, month + 1), 0x80000002);
    }
    expectIndependentPairs(a, b);
  });

  it('shows no dependence between the same coordinates under keys of adjacent replications', () => {
    const n = 1 << 18;
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    const k0: StreamKey = deriveKey(2024, 0, 'agent');
    const k1: StreamKey = deriveKey(2024, 1, 'agent');
    for (let i = 0; i < n; i++) {
      a[i] = slotBits(agentMonthHash(k0, COHORT, i, 1), 0x80000002);
      b[i] = slotBits(agentMonthHash(k1, COHORT, i, 1), 0x80000002);
    }
    expectIndependentPairs(a, b);
  });

  it('hash3 is uniform in its last coordinate (how xorwow states are seeded)', () => {
    const counts = new Float64Array(1024);
    for (let day = 0; day < 1 << 20; day++) counts[hash3(KEY, 7, 3, day) >>> 22]!++;
    expect(chiSquareEqual(counts)).toBeLessThanOrEqual(chiSquareCritical(1023));
  });
});
