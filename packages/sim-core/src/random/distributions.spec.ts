/**
 * Distributions against their textbook moments, and their reproducibility.
 *
 * Tolerance: for n draws, the sample mean must lie within z = 4 standard errors of the theoretical
 * mean, SE = s/√n, and the sample variance within 4 of its own standard errors,
 * SE(s²) = √((m₄ − s⁴)/n) with m₄ the sample fourth central moment (the large-sample variance of
 * s², e.g. Kendall & Stuart, "The Advanced Theory of Statistics", vol. 1, §10.5). Both are taken
 * from the sample itself, so heavy tails widen them honestly. Draws come from fixed streams, so the
 * checks are deterministic; an exact sampler fails a given one about once in 16,000 streams.
 * The moments cited are in any reference of distributions (e.g. Johnson, Kotz & Balakrishnan,
 * "Continuous Univariate Distributions"; Forbes, Evans, Hastings & Peacock, "Statistical
 * Distributions", 4th ed.), the PERT ones in Vose, "Risk Analysis", 3rd ed., §9.1.6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  beta,
  categorical,
  categoricalGuide,
  categoricalIn,
  cumulative,
  exponential,
  gamma,
  inverseStandardNormal,
  lognormal,
  normal,
  pert,
  poisson,
  POISSON_NORMAL_ABOVE,
  standardNormal,
  triangular,
  uniform,
  type PRNG,
} from './distributions.ts';
import { bitsToUniform, deriveKey } from './streams.ts';
import { XorwowStream } from './xorwowStream.ts';

/** This property's number of runs, unless FC_NUM_RUNS (scripts/fastcheck.setup.ts) sets it. */
const runs = (numRuns: number) => ({ numRuns: fc.readConfigureGlobal().numRuns ?? numRuns });

const Z = 4;
const N = 200_000;

/** A fixed stream of uniforms strictly inside (0, 1), one per test case. */
function stream(name: string, index = 0): PRNG {
  const s = XorwowStream.fromKey(deriveKey(20240501, index, `distributions/${name}`), 0, 0, 0);
  return () => s.nextUniform();
}

function sample(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

interface Moments {
  mean: number;
  variance: number;
  seMean: number;
  seVariance: number;
}

function moments(xs: Float64Array): Moments {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) * (x - mean);
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return {
    mean,
    variance,
    seMean: Math.sqrt(variance / n),
    seVariance: Math.sqrt(Math.max(0, m4 - variance * variance) / n),
  };
}

function expectMoments(xs: Float64Array, mean: number, variance: number): void {
  const m = moments(xs);
  expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean} (SE ${m.seMean})`).toBeLessThanOrEqual(
    Z * m.seMean,
  );
  expect(
    Math.abs(m.variance - variance),
    `variance ${m.variance} vs ${variance} (SE ${m.seVariance})`,
  ).toBeLessThanOrEqual(Z * m.seVariance);
}

describe('continuous distributions match their mean and variance (z = 4)', () => {
  it('uniform(a, b, u): (a + b)/2, (b − a)²/12', () => {
    const rng = stream('uniform');
    expectMoments(
      sample(N, () => uniform(-2, 5, rng())),
      1.5,
      49 / 12,
    );
  });

  it('exponential(mean, u): mean, mean²', () => {
    for (const mean of [0.2, 2.5, 60]) {
      const rng = stream('exponential', mean);
      expectMoments(
        sample(N, () => exponential(mean, rng())),
        mean,
        mean * mean,
      );
    }
  });

  it('standardNormal and normal(μ, σ): μ, σ² (Marsaglia polar method)', () => {
    const rng = stream('normal');
    expectMoments(
      sample(N, () => standardNormal(rng)),
      0,
      1,
    );
    expectMoments(
      sample(N, () => normal(3, 2, rng)),
      3,
      4,
    );
  });

  it('lognormal(median m, σ): m·e^(σ²/2), m²·(e^(σ²) − 1)·e^(σ²)', () => {
    for (const [median, sigma] of [
      [2, 0.5],
      [100, 0.25],
    ] as const) {
      const rng = stream('lognormal', median);
      const s2 = sigma * sigma;
      expectMoments(
        sample(N, () => lognormal(median, sigma, rng)),
        median * Math.exp(s2 / 2),
        median * median * Math.expm1(s2) * Math.exp(s2),
      );
    }
  });

  it('gamma(k, θ): kθ, kθ² (Marsaglia–Tsang; the shape < 1 boost)', () => {
    for (const [shape, scale] of [
      [0.3, 2],
      [0.5, 2],
      [1, 1],
      [2.5, 1.5],
      [9, 0.5],
    ] as const) {
      const rng = stream('gamma', shape * 10);
      expectMoments(
        sample(N, () => gamma(shape, scale, rng)),
        shape * scale,
        shape * scale * scale,
      );
    }
  });

  it('beta(α, β): α/(α + β), αβ/((α + β)²(α + β + 1))', () => {
    for (const [a, b] of [
      [0.7, 1.3],
      [2, 5],
      [30, 3],
    ] as const) {
      const rng = stream('beta', a * 10);
      expectMoments(
        sample(N, () => beta(a, b, rng)),
        a / (a + b),
        (a * b) / ((a + b) ** 2 * (a + b + 1)),
      );
    }
  });

  it('triangular(a, c, b): (a + b + c)/3, (a² + b² + c² − ab − ac − bc)/18', () => {
    for (const [a, c, b] of [
      [1, 3, 10],
      [0, 0, 1],
      [-5, 5, 5],
    ] as const) {
      const rng = stream('triangular', a);
      expectMoments(
        sample(N, () => triangular(a, c, b, rng())),
        (a + b + c) / 3,
        (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
      );
    }
    expect(triangular(4, 4, 4, 0.3)).toBe(4);
  });

  it('pert(a, m, b): μ = (a + 4m + b)/6, σ² = (μ − a)(b − μ)/7', () => {
    for (const [a, m, b] of [
      [1, 3, 10],
      [0, 0.5, 1],
      [100, 100, 200],
    ] as const) {
      const rng = stream('pert', a);
      const mu = (a + 4 * m + b) / 6;
      expectMoments(
        sample(N / 2, () => pert(a, m, b, rng)),
        mu,
        ((mu - a) * (b - mu)) / 7,
      );
    }
    expect(pert(2, 2, 2, stream('pert-degenerate'))).toBe(2);
  });
});

describe('discrete distributions', () => {
  it('bernoulli(p, u): p, p(1 − p)', () => {
    const rng = stream('bernoulli');
    expectMoments(
      sample(N, () => bernoulli(0.3, rng())),
      0.3,
      0.21,
    );
  });

  it('poisson(λ, u): λ, λ — exact inversion up to 400 and the normal approximation above', () => {
    for (const mean of [0.05, 0.5, 3, 40, 399.5, 400.5, 1000, 25_000]) {
      const rng = stream('poisson', mean);
      const xs = sample(N, () => poisson(mean, rng()));
      for (const x of xs.subarray(0, 1000)) expect(Number.isInteger(x) && x >= 0).toBe(true);
      // Above 400 the count is a rounded normal: its variance is λ + 1/12 (Sheppard's correction),
      // a difference far inside 4 standard errors (≈ 4·λ·√(2/n) ≥ 5 here).
      expectMoments(xs, mean, mean);
    }
    expect(poisson(0, 0.5)).toBe(0);
    expect(poisson(-1, 0.5)).toBe(0);
    expect(poisson(NaN, 0.5)).toBe(0);
  });

  it('poisson is monotone in the mean for a fixed u, across the switch at 400 too', () => {
    // What common random numbers rely on: a variant with more volume acquires the baseline's
    // customers and more. Means are drawn around the switch as well as over the whole range.
    const meanNear400 = fc.double({ min: 380, max: 420, noNaN: true });
    const anyMean = fc.double({ min: 0, max: 5000, noNaN: true });
    const mean = fc.oneof(meanNear400, anyMean);
    const u = fc.double({ min: 2 ** -33, max: 1 - 2 ** -33, noNaN: true });
    fc.assert(
      fc.property(mean, mean, u, (a, b, p) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(poisson(lo, p)).toBeLessThanOrEqual(poisson(hi, p));
      }),
      runs(2000),
    );
    // And exhaustively on a grid of u right at the switch, where the approximation changes.
    for (let i = 1; i < 10_000; i++) {
      const p = i / 10_000;
      expect(poisson(POISSON_NORMAL_ABOVE, p)).toBeLessThanOrEqual(
        poisson(POISSON_NORMAL_ABOVE * (1 + 1e-12), p),
      );
    }
  });

  it('categorical(cdf, u) draws index i with probability w_i / Σw (z = 4 per category)', () => {
    const weights = [1, 0, 3, 6, 0.5];
    const total = weights.reduce((a, b) => a + b);
    const cdf = cumulative(weights);
    expect(cdf[cdf.length - 1]).toBe(1);
    const rng = stream('categorical');
    const counts = new Float64Array(weights.length);
    for (let i = 0; i < N; i++) counts[categorical(cdf, rng())]!++;
    weights.forEach((w, i) => {
      const p = w / total;
      expect(Math.abs(counts[i]! / N - p)).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / N));
    });
    expect(counts[1]).toBe(0); // a zero weight is never drawn
  });

  it('categorical is monotone in u (so neighbouring mixes stay coupled)', () => {
    const cdf = cumulative([2, 1, 0, 4]);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(categorical(cdf, lo)).toBeLessThanOrEqual(categorical(cdf, hi));
        },
      ),
    );
  });

  it("a guide table gives categorical's index for every 32-bit draw (engine hours)", () => {
    const guided = (cdf: Float64Array, guide: Int32Array, bits: number) => {
      const lo = guide[(bits >>> 24) * 2]!;
      const hi = guide[(bits >>> 24) * 2 + 1]!;
      return categoricalIn(cdf, bitsToUniform(bits), lo, hi);
    };
    const weights = fc.array(
      fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })),
      {
        minLength: 1,
        maxLength: 24,
      },
    );
    fc.assert(
      fc.property(
        weights,
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 64 }),
        (w, draws) => {
          const cdf = cumulative(w);
          const guide = categoricalGuide(cdf);
          // Every bucket's two ends (where a boundary inside the bucket would show), then the draws.
          for (let b = 0; b < 256; b++) {
            for (const bits of [
              b * 0x1000000,
              b * 0x1000000 + 0xffffff,
              b * 0x1000000 + 0x800000,
            ]) {
              expect(guided(cdf, guide, bits)).toBe(categorical(cdf, bitsToUniform(bits)));
            }
          }
          for (const bits of draws) {
            expect(guided(cdf, guide, bits)).toBe(categorical(cdf, bitsToUniform(bits)));
          }
        },
      ),
      runs(100),
    );
    // Boundaries exactly at a bucket's edge, and a cdf that decreases (searched in full).
    for (const cdf of [
      Float64Array.from([0.5, 0.5 + 2 ** -8, 1]),
      Float64Array.from([2 ** -32, 0.25, 1]),
      Float64Array.from([0.6, 0.2, 0.9, 1]),
    ]) {
      const guide = categoricalGuide(cdf);
      for (let b = 0; b < 256; b++) {
        for (let k = 0; k < 64; k++) {
          const bits = b * 0x1000000 + k * 0x40000 + (k % 3);
          expect(guided(cdf, guide, bits)).toBe(categorical(cdf, bitsToUniform(bits)));
        }
      }
    }
  });

  it('cumulative spreads evenly when every weight is zero', () => {
    expect(Array.from(cumulative([0, 0, 0, 0]))).toEqual([0.25, 0.5, 0.75, 1]);
  });
});

describe('inverseStandardNormal (Acklam 2003, relative error < 1.15e-9)', () => {
  it('matches known quantiles of the standard normal', () => {
    // Φ⁻¹(p) to 16 digits: R's qnorm (Wichura 1988, "Algorithm AS 241", Applied Statistics 37(3)).
    const known: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.95, 1.6448536269514722],
      [0.9, 1.2815515655446004],
      [0.75, 0.6744897501960817],
      [0.25, -0.6744897501960817],
      [0.01, -2.3263478740408408],
      [0.001, -3.090232306167813],
      [0.999, 3.090232306167813],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, q] of known) {
      expect(Math.abs(inverseStandardNormal(p) - q)).toBeLessThanOrEqual(
        1.15e-9 * Math.max(1, Math.abs(q)),
      );
    }
  });

  it('is antisymmetric to within its error: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    for (const p of [1e-8, 0.001, 0.02, 0.0243, 0.1, 0.3]) {
      const a = inverseStandardNormal(p);
      expect(Math.abs(inverseStandardNormal(1 - p) + a)).toBeLessThanOrEqual(
        2.3e-9 * Math.max(1, Math.abs(a)),
      );
    }
  });
});

describe('reproducibility', () => {
  const draws: Record<string, (rng: PRNG) => number> = {
    exponential: (rng) => exponential(3, rng()),
    normal: (rng) => normal(1, 2, rng),
    lognormal: (rng) => lognormal(5, 0.4, rng),
    gamma: (rng) => gamma(0.7, 2, rng),
    beta: (rng) => beta(2, 3, rng),
    pert: (rng) => pert(1, 2, 6, rng),
    triangular: (rng) => triangular(1, 2, 6, rng()),
    poisson: (rng) => poisson(12.5, rng()),
    poissonLarge: (rng) => poisson(2500, rng()),
    inverseStandardNormal: (rng) => inverseStandardNormal(rng()),
  };

  it('a fixed stream gives bit-identical draws, run after run', () => {
    const bytes = (name: string, index: number, draw: (rng: PRNG) => number) => {
      const rng = stream(`repro/${name}`, index);
      return Buffer.from(sample(5000, () => draw(rng)).buffer);
    };
    for (const [name, draw] of Object.entries(draws)) {
      expect(bytes(name, 0, draw).equals(bytes(name, 0, draw)), name).toBe(true);
      // …and the draws do come from the stream: another stream gives other numbers.
      expect(bytes(name, 0, draw).equals(bytes(name, 1, draw)), name).toBe(false);
    }
  });

  it('pinned first draws (a change here moves every number drawn from them)', () => {
    const pinned = Object.fromEntries(
      Object.entries(draws).map(([name, draw]) => {
        const rng = stream(`pinned/${name}`);
        return [name, [draw(rng), draw(rng), draw(rng)]];
      }),
    );
    expect(pinned).toMatchInlineSnapshot(`
      {
        "beta": [
          0.30432655703659467,
          0.41706680047518097,
          0.8885308810035066,
        ],
        "exponential": [
          0.07727912933562756,
          0.7240439812574873,
          2.2280600577459513,
        ],
        "gamma": [
          1.0361745138222676,
          0.43319869940651023,
          1.7223838653403758,
        ],
        "inverseStandardNormal": [
          -0.5028827899206328,
          -0.7689604436717555,
          1.3922402782929753,
        ],
        "lognormal": [
          4.111218176792132,
          6.815478241412102,
          2.815098109987033,
        ],
        "normal": [
          2.1751338305590213,
          4.984790161150089,
          0.40535040389115606,
        ],
        "pert": [
          2.918359877245483,
          2.2944861308573596,
          1.2037834355262755,
        ],
        "poisson": [
          12,
          15,
          15,
        ],
        "poissonLarge": [
          2561,
          2604,
          2497,
        ],
        "triangular": [
          5.081716653524175,
          2.2149265806331537,
          3.2305224319429517,
        ],
      }
    `);
  });
});
