/**
 * Distributions, each a plain function of its uniform(s) or of a `PRNG` (a `() => number` giving
 * uniforms strictly inside (0, 1)), in the manner of squiggle's `PRNG` type: no hidden generator.
 *
 * They use only + − × ÷, `Math.sqrt` (correctly rounded by IEEE 754, so identical everywhere),
 * comparisons, and the deterministic `detLog` / `detExp` / `detPow` ports, never `Math.log/exp/pow`,
 * whose last bits differ between Node and Chromium. The normal uses Marsaglia's polar method
 * precisely because it needs no sine or cosine.
 */
import { detExp, detLog, detPow } from '@journeycast/models';
import { TWO_POW_M32, TWO_POW_M33 } from './streams.ts';

/** A source of uniforms strictly inside (0, 1). */
export type PRNG = () => number;

/** Uniform on [min, max). */
export function uniform(min: number, max: number, u: number): number {
  return min + (max - min) * u;
}

/** 1 with probability p, else 0. */
export function bernoulli(p: number, u: number): number {
  return u < p ? 1 : 0;
}

/**
 * Index drawn from a cumulative distribution (`cdf[i]` = P(X ≤ i), last entry 1), by binary search.
 * Monotone in u, so common random numbers couple neighbouring mixes.
 */
export function categorical(cdf: ArrayLike<number>, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < (cdf[mid] ?? 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * `categorical` with the answer known to lie in [lo, hi] (a guide table's bounds, see
 * `categoricalGuide`): the same binary search on a shorter range, so the same index.
 */
export function categoricalIn(cdf: ArrayLike<number>, u: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < (cdf[mid] ?? 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A guide table for `categorical` over uniforms made from 32 random bits (`bitsToUniform`): for
 * each value of the top 8 bits, the answers for the smallest and the largest uniform those bits
 * allow, [lo, hi] at [2b, 2b + 1]. The answer is monotone in u when the cdf does not decrease, so
 * for any bits it lies between its bucket's two; mostly they are equal and no search is needed
 * (Chen & Asau 1974, "On generating random variates from an empirical distribution", AIIE Trans.
 * 6(2): the guide-table method). A cdf that decreases somewhere gets [0, n − 1] everywhere: the
 * full search, whose answer is then `categorical`'s own.
 */
export function categoricalGuide(cdf: ArrayLike<number>): Int32Array {
  const guide = new Int32Array(512);
  let monotone = true;
  for (let i = 1; i < cdf.length; i++) if (!((cdf[i] ?? 1) >= (cdf[i - 1] ?? 1))) monotone = false;
  for (let b = 0; b < 256; b++) {
    if (monotone) {
      guide[2 * b] = categorical(cdf, b * 0x1000000 * TWO_POW_M32 + TWO_POW_M33);
      guide[2 * b + 1] = categorical(cdf, (b * 0x1000000 + 0xffffff) * TWO_POW_M32 + TWO_POW_M33);
    } else {
      guide[2 * b] = 0;
      guide[2 * b + 1] = Math.max(0, cdf.length - 1);
    }
  }
  return guide;
}

/** The cumulative form of non-negative weights (normalised to end at exactly 1). */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const cdf = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] ?? 0;
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] ?? 0;
    cdf[i] = total > 0 ? running / total : (i + 1) / weights.length;
  }
  if (weights.length > 0) cdf[weights.length - 1] = 1;
  return cdf;
}

/** Exponential with the given mean, by inversion: −mean · ln u. */
export function exponential(mean: number, u: number): number {
  return -mean * detLog(u);
}

/**
 * Standard normal by Marsaglia's polar method (Marsaglia & Bray 1964, SIAM Review 6(3)): draws
 * pairs until one falls in the unit disc; needs only log and sqrt.
 */
export function standardNormal(rng: PRNG): number {
  for (;;) {
    const a = 2 * rng() - 1;
    const b = 2 * rng() - 1;
    const s = a * a + b * b;
    if (s > 0 && s < 1) return a * Math.sqrt((-2 * detLog(s)) / s);
  }
}

export function normal(mean: number, sd: number, rng: PRNG): number {
  return mean + sd * standardNormal(rng);
}

/** Lognormal with the given median and log-space sigma: median · e^(σ·Z). */
export function lognormal(median: number, sigma: number, rng: PRNG): number {
  return median * detExp(sigma * standardNormal(rng));
}

/**
 * Gamma(shape, scale) by Marsaglia & Tsang (2000, "A simple method for generating gamma
 * variables", ACM TOMS 26(3)); shape < 1 by the boost X·U^(1/shape).
 */
export function gamma(shape: number, scale: number, rng: PRNG): number {
  if (shape < 1) {
    const boost = detPow(rng(), 1 / shape);
    return gamma(shape + 1, scale, rng) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (detLog(u) < 0.5 * x * x + d * (1 - v + detLog(v))) return d * v * scale;
  }
}

/** Beta(α, β) as G1 / (G1 + G2) with independent gammas. */
export function beta(alpha: number, betaParam: number, rng: PRNG): number {
  const g1 = gamma(alpha, 1, rng);
  const g2 = gamma(betaParam, 1, rng);
  return g1 / (g1 + g2);
}

/**
 * Triangular(min, mode, max) by inversion (needs only sqrt), the classic three-point estimate.
 */
export function triangular(min: number, mode: number, max: number, u: number): number {
  if (max === min) return min;
  const f = (mode - min) / (max - min);
  if (u < f) return min + Math.sqrt(u * (max - min) * (mode - min));
  return max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * PERT(min, mode, max): the three-point estimate of project planning, a scaled Beta with
 * α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min) (Vose, "Risk Analysis",
 * 3rd ed., §9.1.6). Smoother than the triangular and less weight in the tails.
 */
export function pert(min: number, mode: number, max: number, rng: PRNG): number {
  if (max === min) return min;
  const range = max - min;
  const alpha = 1 + (4 * (mode - min)) / range;
  const betaParam = 1 + (4 * (max - mode)) / range;
  return min + range * beta(alpha, betaParam, rng);
}

/**
 * Inverse of the standard normal CDF (Acklam 2003's rational approximation, relative error
 * < 1.15e-9, refined by nothing else): used where a draw must be monotone in its uniform.
 */
export function inverseStandardNormal(p: number): number {
  if (p < INV_NORMAL_LOW) {
    const q = Math.sqrt(-2 * detLog(p));
    return (
      (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) /
      ((((D0 * q + D1) * q + D2) * q + D3) * q + 1)
    );
  }
  if (p > 1 - INV_NORMAL_LOW) {
    const q = Math.sqrt(-2 * detLog(1 - p));
    return (
      -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) /
      ((((D0 * q + D1) * q + D2) * q + D3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) /
    (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1)
  );
}

// Acklam's coefficients, as constants rather than arrays made on every call (the engine draws a
// baseline satisfaction for every customer it adds).
const A0 = -39.69683028665376;
const A1 = 220.9460984245205;
const A2 = -275.9285104469687;
const A3 = 138.357751867269;
const A4 = -30.66479806614716;
const A5 = 2.506628277459239;
const B0 = -54.47609879822406;
const B1 = 161.5858368580409;
const B2 = -155.6989798598866;
const B3 = 66.80131188771972;
const B4 = -13.28068155288572;
const C0 = -0.007784894002430293;
const C1 = -0.3223964580411365;
const C2 = -2.400758277161838;
const C3 = -2.549732539343734;
const C4 = 4.374664141464968;
const C5 = 2.938163982698783;
const D0 = 0.007784695709041462;
const D1 = 0.3224671290700398;
const D2 = 2.445134137142996;
const D3 = 3.754408661907416;
const INV_NORMAL_LOW = 0.02425;

/** Above this mean, `poisson` uses the normal approximation (error in the CDF below 1e-3 there). */
export const POISSON_NORMAL_ABOVE = 400;

/**
 * Poisson(mean) by inversion of its CDF with one uniform, so the count is monotone in the mean for
 * a fixed u: a variant that acquires more customers acquires the baseline's customers and more.
 * For means above 400 the CDF is inverted through the normal approximation with continuity
 * correction (Wilson–Hilferty-free, plain N(λ, λ)), whose error is negligible at that size,
 * and never below the exact count at 400 (so monotonicity holds across the switch).
 */
export function poisson(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  if (mean > POISSON_NORMAL_ABOVE) {
    const x = Math.floor(mean + Math.sqrt(mean) * inverseStandardNormal(u) + 0.5);
    // Monotone across the switch: Poisson is skewed right, so in the lower tail the normal
    // approximation just above 400 falls below the exact count at 400 (for about 8 % of u,
    // by up to 3), which broke "more volume ⇒ the baseline's customers and more" (found by
    // random/distributions.spec.ts). The exact quantile at 400 is a lower bound of the exact one
    // at any larger mean, so taking the larger of the two never moves the count away from the
    // exact Poisson quantile; it only changes counts below 800, as the exact quantile at 400
    // stays below 800 for every u < 1 (P(X ≥ 800) < 1e-60 there).
    if (x < 2 * POISSON_NORMAL_ABOVE) {
      const atSwitch = poisson(POISSON_NORMAL_ABOVE, u);
      if (atSwitch > x) return atSwitch;
    }
    return x < 0 ? 0 : x;
  }
  let k = 0;
  let p = detExp(-mean);
  let cdf = p;
  while (u > cdf && k < 10_000) {
    k++;
    p *= mean / k;
    cdf += p;
    if (p === 0 && k > mean) break;
  }
  return k;
}
