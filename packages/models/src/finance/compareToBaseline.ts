import { ParameterError } from '../errors.ts';
import { requireSeries } from './checks.ts';
import { discountFactors } from './discountFactors.ts';
import { irr, type IrrResult } from './irr.ts';
import { paybackMonthFromFactors, type PaybackMonth } from './paybackMonth.ts';
import { presentValue } from './presentValue.ts';
import { roi, type RoiResult } from './roi.ts';

export interface CompareToBaselineParams {
  /** The baseline's net cash flow of each month, index 0 = month 1. */
  baseline: ArrayLike<number>;
  /** The variant's net cash flow of each month, its investment already subtracted. */
  variant: ArrayLike<number>;
  /** The variant's investment in each month, as a cost ≥ 0 (already inside `variant`). */
  variantInvestment: ArrayLike<number>;
  /** Effective annual discount rate, 0.08 = 8 % a year, in [−0.99, 10]. */
  annualDiscountRate: number;
}

/** The finance of a variant against its baseline, for one paired replication. */
export interface BaselineComparison {
  /** NPV of (variant − baseline) monthly net flows, in the scenario's currency. */
  incrementalNpv: number;
  /** Present value of the variant's investment, ≥ 0. */
  investmentPresentValue: number;
  /** incrementalNpv / investmentPresentValue, or why there is none. */
  roi: RoiResult;
  /** Simple payback month of the incremental cash flow. */
  paybackMonth: PaybackMonth;
  /** Payback month of the incremental cash flow discounted at annualDiscountRate. */
  discountedPaybackMonth: PaybackMonth;
  /** IRR of the incremental cash flow, monthly and annual. */
  irr: IrrResult;
}

/**
 * Everything a CFO asks of a variant against its baseline, from their monthly net cash flows: the
 * incremental flow is variant net − baseline net month by month (the variant's investment is in
 * its net already, so it is not subtracted again), and from it the incremental NPV, the ROI on the
 * investment's present value, the simple and discounted payback months and the IRR. The engine
 * calls it once per paired replication (common random numbers: the baseline and the variant saw
 * the same draws, so the difference is the lever's effect, not noise).
 *
 * Cost: two arrays of `months` numbers and O(months) work, plus the IRR's few NPV evaluations.
 *
 * @example
 * compareToBaseline({
 *   baseline: [100, 100, 100],
 *   variant: [-900, 600, 600],
 *   variantInvestment: [1000, 0, 0],
 *   annualDiscountRate: 0,
 * });
 * // => { incrementalNpv: 0, investmentPresentValue: 1000, roi: { ratio: 0 },
 * //      paybackMonth: { month: 3, fractionalMonth: 3 }, discountedPaybackMonth: { month: 3, … },
 * //      irr: { monthly: 0, annual: 0 } }
 */
export function compareToBaseline({
  baseline,
  variant,
  variantInvestment,
  annualDiscountRate,
}: CompareToBaselineParams): BaselineComparison {
  requireSeries('baseline', baseline);
  const n = baseline.length;
  requireSeries('variant', variant, n, 'baseline');
  requireSeries('variantInvestment', variantInvestment, n, 'baseline');
  for (let i = 0; i < n; i++) {
    // An investment is a cost: a saving belongs in the variant's net flows, not here.
    if (variantInvestment[i]! < 0) {
      throw new ParameterError(`variantInvestment[${i}]`, 'a number ≥ 0', variantInvestment[i]);
    }
  }
  const factors = discountFactors(n, annualDiscountRate);

  const incremental = new Float64Array(n);
  for (let i = 0; i < n; i++) incremental[i] = variant[i]! - baseline[i]!;
  const incrementalNpv = presentValue(incremental, factors);
  const investmentPresentValue = presentValue(variantInvestment, factors);

  return {
    incrementalNpv,
    investmentPresentValue,
    roi: roi({ incrementalNpv, investmentPresentValue }),
    paybackMonth: paybackMonthFromFactors(incremental, null),
    discountedPaybackMonth: paybackMonthFromFactors(incremental, factors),
    irr: irr(incremental),
  };
}
