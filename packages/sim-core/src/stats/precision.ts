/**
 * The running estimate a precision target is judged on: the mean incremental NPV of each
 * non-baseline variant over the first n replications and its 95 % confidence half-width
 * (1.96 · s / √n), or the baseline's own NPV when the run has no variant.
 */
import { discountFactors } from '@journeycast/models';
import { compileModel, type CompiledModel } from '../engine/compile.ts';
import { layoutFor } from '../engine/simulate.ts';
import type { RunPlan } from '../runner/plan.ts';
import type { ResultCollector } from './collector.ts';
import { incrementalNpv, ownNpv } from './paired.ts';

export interface PrecisionEstimate {
  /** Replications the estimate uses (0..n−1). */
  n: number;
  /** The variant judged: the least precise one. */
  variant: string;
  mean: number;
  standardError: number;
  halfWidth: number;
  /** halfWidth / |mean| (Infinity when the mean is 0). */
  relativeHalfWidth: number;
  /** Whether the plan's precision target is met. */
  met: boolean;
}

const Z95 = 1.959963984540054;
const compiled = new WeakMap<RunPlan, CompiledModel[]>();

function modelsOf(plan: RunPlan): CompiledModel[] {
  let models = compiled.get(plan);
  if (models === undefined) {
    models = plan.variants.map((v) => compileModel(v.model));
    compiled.set(plan, models);
  }
  return models;
}

export function precisionEstimate(
  collector: ResultCollector,
  plan: RunPlan,
  n: number,
): PrecisionEstimate | undefined {
  if (n < 2) return undefined;
  const models = modelsOf(plan);
  const layout = layoutFor(models[0]!);
  const factors = discountFactors(layout.months, models[0]!.annualDiscountRate);
  const judged = models.length > 1 ? models.map((_, v) => v).slice(1) : [0];
  let worst: PrecisionEstimate | undefined;
  for (const v of judged) {
    // Welford's running mean and variance, in replication order.
    let mean = 0;
    let m2 = 0;
    for (let r = 0; r < n; r++) {
      const summaries = collector.get(r);
      const x =
        v === 0
          ? ownNpv(models[0]!, summaries[0]!, layout, factors)
          : incrementalNpv(models[0]!, models[v]!, summaries[0]!, summaries[v]!, layout, factors);
      const delta = x - mean;
      mean += delta / (r + 1);
      m2 += delta * (x - mean);
    }
    const sd = Math.sqrt(m2 / (n - 1));
    const standardError = sd / Math.sqrt(n);
    const halfWidth = Z95 * standardError;
    const relativeHalfWidth = mean !== 0 ? halfWidth / Math.abs(mean) : Infinity;
    const target = plan.precision;
    const met =
      target !== undefined &&
      ((target.absoluteHalfWidth !== undefined && halfWidth <= target.absoluteHalfWidth) ||
        (target.relativeHalfWidth !== undefined && relativeHalfWidth <= target.relativeHalfWidth));
    const estimate = {
      n,
      variant: plan.variants[v]!.id,
      mean,
      standardError,
      halfWidth,
      relativeHalfWidth,
      met,
    };
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
