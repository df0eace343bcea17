/**
 * The ziggurat's tables are the published construction (equal-area layers closing at the top),
 * and its variates are standard exponential: mean, variance, the Kolmogorov–Smirnov distance to
 * 1 − e^−x, and the tail beyond R, each against a tolerance the sample can fail.
 */
import { detExp, detLog } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { deriveKey, TWO_POW_M32, TWO_POW_M33 } from './streams.ts';
import { XorwowStream } from './xorwowStream.ts';
import {
  type Int32Source,
  standardExponential,
  standardExponentialFrom,
  ZIG_EXP_F,
  ZIG_EXP_W,
  ZIG_EXP_X,
} from './ziggurat.ts';

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

/** The sampler as first written, every wedge point tested with detExp: the squeeze must agree. */
function referenceFrom(source: Int32Source, first: number): number {
  const uniformOf = (b: number) => (b >>> 0) * TWO_POW_M32 + TWO_POW_M33;
  let bits = first;
  for (;;) {
    const i = bits & 255;
    const x = ((bits >>> 8) + 0.5) * ZIG_EXP_W[i]!;
    if (x < ZIG_EXP_X[i + 1]!) return x;
    if (i === 0) return R - detLog(uniformOf(source.nextInt32()));
    const y =
      ZIG_EXP_F[i + 1]! + (ZIG_EXP_F[i]! - ZIG_EXP_F[i + 1]!) * uniformOf(source.nextInt32());
    if (y < detExp(-x)) return x;
    bits = source.nextInt32();
  }
}

/** Draws from a script, then a fast-path draw forever (layer 255, position 0). */
function scripted(draws: number[]): Int32Source {
  let k = 0;
  return { nextInt32: () => (k < draws.length ? draws[k++]! : 255) | 0 };
}

describe('the wedge squeeze', () => {
  it('gives the variates, and consumes the draws, of the sampler without it (4 million draws)', () => {
    const key = deriveKey(20261125, 1, 'ziggurat-squeeze');
    const a = XorwowStream.fromKey(key, 1, 2, 3);
    const b = XorwowStream.fromKey(key, 1, 2, 3);
    for (let n = 0; n < 4_000_000; n++) {
      const x = standardExponentialFrom(a, a.nextInt32());
      const y = referenceFrom(b, b.nextInt32());
      if (x !== y) expect(x, `variate ${n}`).toBe(y);
    }
    expect(a.state()).toEqual(b.state());
  });

  it('decides as detExp does for points within a few units in the last place of e^−x', () => {
    // In every wedge layer, x at several positions, and the heights y next to e^−x (where detExp's
    // last bits decide) and next to the squeeze's two bounds.
    let nearCurve = 0;
    for (let i = 1; i < 256; i++) {
      const fIn = ZIG_EXP_F[i + 1]!;
      const fOut = ZIG_EXP_F[i]!;
      for (const frac of [0.001, 0.25, 0.5, 0.75, 0.999]) {
        const xIn = ZIG_EXP_X[i + 1]!;
        const target = xIn + frac * (ZIG_EXP_X[i]! - xIn);
        const position = Math.min(0xffffff, Math.floor(target / ZIG_EXP_W[i]!));
        const first = (position * 256 + i) | 0;
        const x = ((first >>> 8) + 0.5) * ZIG_EXP_W[i]!;
        if (!(x >= xIn)) continue; // the fast path; nothing to squeeze
        const tangent = fOut * (1 + (ZIG_EXP_X[i]! - x));
        const chord = fIn + (fOut - fIn) * ((x - xIn) / (ZIG_EXP_X[i]! - xIn));
        for (const height of [detExp(-x), tangent * (1 - 2 ** -30), chord * (1 + 2 ** -30)]) {
          // The draw whose y is nearest `height`, and its neighbours.
          const u = (height - fIn) / (fOut - fIn);
          const centre = Math.round(u * 2 ** 32 - 0.5);
          for (let d = -4; d <= 4; d++) {
            const draw = Math.min(0xffffffff, Math.max(0, centre + d));
            const script = [draw];
            expect(standardExponentialFrom(scripted(script), first), `layer ${i}`).toBe(
              referenceFrom(scripted(script), first),
            );
            nearCurve++;
          }
        }
      }
    }
    expect(nearCurve).toBeGreaterThan(30_000);
  });
});
