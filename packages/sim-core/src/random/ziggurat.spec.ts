/**
 * The ziggurat's tables are the published construction (equal-area layers closing at the top),
 * and its variates are standard exponential: mean, variance, the Kolmogorov–Smirnov distance to
 * 1 − e^−x, and the tail beyond R, each against a tolerance the sample can fail.
 */
import { describe, expect, it } from 'vitest';
import { deriveKey } from './streams.ts';
import { XorwowStream } from './xorwowStream.ts';
import { standardExponential, ZIG_EXP_F, ZIG_EXP_X } from './ziggurat.ts';

const V = 0.0039496598225815571993;
const R = 7.69711747013104972;

describe('ziggurat tables', () => {
  it('have 256 layers of equal area V, edges falling from R to 0, and close at the top', () => {
    expect(ZIG_EXP_X[1]).toBe(R);
    expect(ZIG_EXP_X[256]).toBe(0);
    // Base layer: the rectangle under f(R) out to X[0] has area V.
    expect(Math.abs((ZIG_EXP_X[0]! * ZIG_EXP_F[1]!) / V - 1)).toBeLessThan(1e-12);
    for (let i = 1; i < 256; i++) {
      expect(ZIG_EXP_X[i + 1]!).toBeLessThan(ZIG_EXP_X[i]!);
      const area = ZIG_EXP_X[i]! * (ZIG_EXP_F[i + 1]! - ZIG_EXP_F[i]!);
      expect(Math.abs(area / V - 1), `layer ${i}`).toBeLessThan(1e-12);
    }
    // The top layer's edge is where the recursion would put the next edge at 0.
    const top = ZIG_EXP_X[255]!;
    expect(Math.abs(-Math.log(Math.exp(-top) + V / top))).toBeLessThan(1e-12);
  });
});

describe('standardExponential', () => {
  const n = 2_000_000;
  const stream = XorwowStream.fromKey(deriveKey(20261125, 0, 'ziggurat-test'), 1, 2, 3);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = standardExponential(stream);

  it('has mean 1 and variance 1 (within 4 SE)', () => {
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / n;
    let m2 = 0;
    let m4 = 0;
    for (const x of xs) {
      const d = (x - mean) ** 2;
      m2 += d;
      m4 += d * d;
    }
    const variance = m2 / (n - 1);
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(1 / n));
    // Var of the sample variance ≈ (μ4 − σ⁴)/n; μ4 = 9 for the exponential.
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt((m4 / n - variance ** 2) / n));
  });

  it('is within the Kolmogorov–Smirnov bound of 1 − e^−x (α = 0.001)', () => {
    const sorted = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const cdf = 1 - Math.exp(-sorted[i]!);
      d = Math.max(d, Math.abs(cdf - i / n), Math.abs((i + 1) / n - cdf));
    }
    expect(d).toBeLessThan(1.949 / Math.sqrt(n));
    expect(sorted[0]!).toBeGreaterThan(0);
  });

  it('reaches the tail beyond R as often as e^−R says, and past it', () => {
    let beyond = 0;
    let max = 0;
    for (const x of xs) {
      if (x > R) beyond++;
      if (x > max) max = x;
    }
    const expected = n * Math.exp(-R);
    expect(Math.abs(beyond - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(max).toBeGreaterThan(R + 1);
  });

  it('gives every layer its share (counts in 64 equal-probability bins, chi-squared)', () => {
    const bins = new Float64Array(64);
    for (const x of xs) {
      const u = 1 - Math.exp(-x);
      bins[Math.min(63, Math.floor(u * 64))]!++;
    }
    const e = n / 64;
    let chi2 = 0;
    for (const c of bins) chi2 += (c - e) ** 2 / e;
    // 63 degrees of freedom: the 0.999 quantile is 103.4.
    expect(chi2).toBeLessThan(103.4);
  });
});
