/**
 * The running estimate a precision target is judged on: the mean incremental NPV of each
 * non-baseline variant over the first n replications and its 95 % confidence half-width
 * t(0.975, n − 1) · s / √n, or the baseline's own NPV when the run has no variant.
 *
 * Student's t, not the normal 1.96: with a handful of replications the sample standard deviation
 * is itself uncertain, and z would claim an interval far narrower than the data support (after 2
 * replications t is 12.71, six and a half times 1.96).
 *
 * `PrecisionTracker` keeps Welford's running mean and variance over the contiguous prefix
 * 0..n−1 and adds replications in index order as the prefix grows, so a run of N replications
 * costs O(N) however often progress is reported, and the numbers are bit-identical whatever order
 * the batches arrived in.
 */
import { discountFactors } from '@journeycast/models';
import { compileModel, type CompiledModel } from '../engine/compile.ts';
import { layoutFor } from '../engine/simulate.ts';
import type { SummaryLayout } from '../engine/summaryLayout.ts';
import type { RunPlan } from '../runner/plan.ts';
import type { ResultCollector } from './collector.ts';
import { incrementalNpv, ownNpv } from './paired.ts';

export interface PrecisionEstimate {
  /** Replications the estimate uses (0..n−1). */
  n: number;
  /** The variant judged: the least precise one. */
  variant: string;
  mean: number;
  /** Standard error of the mean, s / √n (s: the sample standard deviation, n − 1 in its divisor). */
  standardError: number;
  /** Student's t quantile the half-width uses: t(0.975, n − 1). */
  tQuantile: number;
  /** Half-width of the 95 % confidence interval of the mean: tQuantile · standardError. */
  halfWidth: number;
  /** halfWidth / |mean| (Infinity when the mean is 0). */
  relativeHalfWidth: number;
  /** Whether the plan's precision target is met. */
  met: boolean;
}

/**
 * t(0.975, ν) for ν = 1..30: the two-sided 95 % critical values of Student's t distribution.
 * Computed with SciPy 1.17 (`scipy.stats.t.ppf(0.975, ν)`) and checked to 30 significant digits
 * against mpmath's regularized incomplete beta function; rounded to three decimals they are the
 * values of the NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2 ("Critical
 * values of the Student's t distribution", column 0.025), which precision.spec.ts checks.
 */
const T975_TABLE = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
  2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
  2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
  2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
  2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245,
  2.0595385527532972, 2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703,
  2.0422724563012378,
] as const;

/** z = Φ⁻¹(0.975), the normal quantile the t quantiles tend to (SciPy `norm.ppf(0.975)`). */
const Z975 = 1.959963984540054;

// The Cornish–Fisher expansion of Student's t quantile in powers of 1/ν (Abramowitz & Stegun,
// Handbook of Mathematical Functions, 26.7.5): t = z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴ + g5/ν⁵.
// Only +, × and / (IEEE-exact in every engine), so the quantile is the same in Node and Chromium.
const Z2 = Z975 * Z975;
const Z3 = Z2 * Z975;
const Z5 = Z3 * Z2;
const Z7 = Z5 * Z2;
const Z9 = Z7 * Z2;
const Z11 = Z9 * Z2;
const G1 = (Z3 + Z975) / 4;
const G2 = (5 * Z5 + 16 * Z3 + 3 * Z975) / 96;
const G3 = (3 * Z7 + 19 * Z5 + 17 * Z3 - 15 * Z975) / 384;
const G4 = (79 * Z9 + 776 * Z7 + 1482 * Z5 - 1920 * Z3 - 945 * Z975) / 92160;
const G5 = (27 * Z11 + 339 * Z9 + 930 * Z7 - 1782 * Z5 - 765 * Z3 + 17955 * Z975) / 368640;

/**
 * Student's t quantile t(0.975, ν): the factor that turns a standard error into the half-width of
 * a two-sided 95 % confidence interval of a mean estimated from ν + 1 observations.
 *
 * ν ≤ 30 from a table (see `T975_TABLE` for its source); beyond, the Cornish–Fisher expansion
 * (Abramowitz & Stegun 26.7.5, five terms), within 4e-10 relative of the exact quantile for every
 * ν ≥ 31 (the error falls as ν⁻⁶).
 *
 * @param degreesOfFreedom ν, a whole number ≥ 1 (n − 1 for a mean of n observations)
 * @example
 * studentT975(1); // => 12.706204736174694
 * studentT975(29); // => 2.045229642132703
 * studentT975(120); // => 1.97993040505… (1.980 in printed tables)
 */
export function studentT975(degreesOfFreedom: number): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new RangeError(
      `degreesOfFreedom: expected a whole number ≥ 1, got ${String(degreesOfFreedom)}`,
    );
  }
  const tabled = T975_TABLE[degreesOfFreedom - 1];
  if (tabled !== undefined) return tabled;
  const u = 1 / degreesOfFreedom;
  return Z975 + u * (G1 + u * (G2 + u * (G3 + u * (G4 + u * G5))));
}

const compiled = new WeakMap<RunPlan, CompiledModel[]>();

function modelsOf(plan: RunPlan): CompiledModel[] {
  let models = compiled.get(plan);
  if (models === undefined) {
    models = plan.variants.map((v) => compileModel(v.model));
    compiled.set(plan, models);
  }
  return models;
}

/**
 * The precision estimate of a run, kept up to date as its contiguous prefix grows: each
 * replication's NPV (paired against the baseline) is computed once, when the prefix reaches it,
 * and folded into Welford's running mean and sum of squared deviations (Welford 1962; Knuth, TAOCP
 * vol. 2, 4.2.2), always in replication order.
 *
 * @example
 * const tracker = new PrecisionTracker(plan);
 * tracker.advanceTo(collector, 10); // replications 0..9, which must all be in the collector
 * tracker.estimate(); // => { n: 10, mean, standardError, tQuantile: 2.262…, halfWidth, … }
 */
export class PrecisionTracker {
  private readonly models: CompiledModel[];
  private readonly layout: SummaryLayout;
  private readonly factors: Float64Array;
  /** The variants judged: every non-baseline variant, or the baseline alone. */
  private readonly judged: number[];
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  private n = 0;

  constructor(private readonly plan: RunPlan) {
    this.models = modelsOf(plan);
    const baseline = this.models[0]!;
    this.layout = layoutFor(baseline);
    this.factors = discountFactors(this.layout.months, baseline.annualDiscountRate);
    this.judged = this.models.length > 1 ? this.models.map((_, v) => v).slice(1) : [0];
    this.mean = new Float64Array(this.judged.length);
    this.m2 = new Float64Array(this.judged.length);
  }

  /** Replications folded in so far (0..count−1). */
  get count(): number {
    return this.n;
  }

  /** Folds in replications count..n−1, in index order; they must all be in `collector`. */
  advanceTo(collector: ResultCollector, n: number): void {
    if (n < this.n) {
      throw new RangeError(
        `n: the estimate already covers ${this.n} replications and cannot go back to ${n}`,
      );
    }
    const { models, layout, factors, judged, mean, m2 } = this;
    const baseline = models[0]!;
    for (let r = this.n; r < n; r++) {
      const summaries = collector.get(r);
      const count = r + 1;
      for (let j = 0; j < judged.length; j++) {
        const v = judged[j]!;
        const x =
          v === 0
            ? ownNpv(baseline, summaries[0]!, layout, factors)
            : incrementalNpv(baseline, models[v]!, summaries[0]!, summaries[v]!, layout, factors);
        const delta = x - mean[j]!;
        mean[j] = mean[j]! + delta / count;
        m2[j] = m2[j]! + delta * (x - mean[j]!);
      }
    }
    this.n = Math.max(this.n, n);
  }

  /** The estimate over replications 0..count−1 (undefined below 2: no spread to judge). */
  estimate(): PrecisionEstimate | undefined {
    const n = this.n;
    if (n < 2) return undefined;
    const tQuantile = studentT975(n - 1);
    const target = this.plan.precision;
    let worst: PrecisionEstimate | undefined;
    for (let j = 0; j < this.judged.length; j++) {
      const mean = this.mean[j]!;
      const sd = Math.sqrt(this.m2[j]! / (n - 1));
      const standardError = sd / Math.sqrt(n);
      const halfWidth = tQuantile * standardError;
      const relativeHalfWidth = mean !== 0 ? halfWidth / Math.abs(mean) : Infinity;
      const met =
        target !== undefined &&
        ((target.absoluteHalfWidth !== undefined && halfWidth <= target.absoluteHalfWidth) ||
          (target.relativeHalfWidth !== undefined &&
            relativeHalfWidth <= target.relativeHalfWidth));
      const estimate: PrecisionEstimate = {
        n,
        variant: this.plan.variants[this.judged[j]!]!.id,
        mean,
        standardError,
        tQuantile,
        halfWidth,
        relativeHalfWidth,
        met,
      };
      // The run is as precise as its least precise variant: an unmet target first, then the
      // widest relative interval.
      if (
        worst === undefined ||
        (worst.met && !met) ||
        (worst.met === met && relativeHalfWidth > worst.relativeHalfWidth)
      ) {
        worst = estimate;
      }
    }
    return worst;
  }
}

/**
 * The estimate over replications 0..n−1 of a collector, from scratch (for a finished run; a running
 * one keeps a `PrecisionTracker`). Bit-identical to what a tracker advanced to n gives.
 */
export function precisionEstimate(
  collector: ResultCollector,
  plan: RunPlan,
  n: number,
): PrecisionEstimate | undefined {
  if (n < 2) return undefined;
  const tracker = new PrecisionTracker(plan);
  tracker.advanceTo(collector, n);
  return tracker.estimate();
}
