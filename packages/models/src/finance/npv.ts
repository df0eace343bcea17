import { requireSeries } from './checks.ts';
import { discountFactors } from './discountFactors.ts';
import { presentValue } from './presentValue.ts';

export interface NpvParams {
  /** Net cash flow of each month (inflows positive, outflows negative), index 0 = month 1. */
  monthlyFlows: ArrayLike<number>;
  /** Effective annual discount rate, 0.08 = 8 % a year, in [−0.99, 10]. */
  annualDiscountRate: number;
}

/**
 * Net present value: the monthly cash flows discounted to today and summed,
 * NPV = Σ_m flow_m · (1 + a)^(−m/12), m = 1 … months, each month's flow taken at the end of the
 * month (so nothing is undiscounted: a flow "today" has no place in this series). See
 * discountFactors for how the factors are computed.
 *
 * A positive NPV means the flows earn more than the discount rate; it is the figure a CFO compares
 * across scenarios, in the scenario's currency.
 *
 * @example
 * npv({ monthlyFlows: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 110], annualDiscountRate: 0.1 });
 * // => 100 (110 in a year at 10 % a year is worth 100 today, to within rounding)
 */
export function npv({ monthlyFlows, annualDiscountRate }: NpvParams): number {
  requireSeries('monthlyFlows', monthlyFlows);
  return presentValue(monthlyFlows, discountFactors(monthlyFlows.length, annualDiscountRate));
}
