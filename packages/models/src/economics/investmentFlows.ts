import { requireInteger, requireNonNegative } from '../errors.ts';
import type { InvestmentSpec } from '../spec/modelSpec.ts';

/**
 * Monthly investment cash out (positive numbers are money spent): each investment's one-off cost in
 * its start month plus its recurring cost every month from start to end (or the horizon).
 *
 * An endMonth before the startMonth pays the one-off only (checkModel reports it in a scenario
 * file). Runs once when a model is compiled and checks each investment's amounts and months.
 *
 * @param investments - each with oneOff and monthly (money ≥ 0), startMonth (whole month ≥ 1) and
 *   optional endMonth (whole month ≥ 1, included)
 * @param horizonMonths - months simulated, a whole number ≥ 0
 * @returns the investment paid in each month, index 0 = month 1, in the scenario's currency
 * @example
 * investmentFlows([{ label: 'Training', oneOff: 50000, monthly: 2000, startMonth: 2 }], 4);
 * // => Float64Array [0, 52000, 2000, 2000]
 */
export function investmentFlows(
  investments: readonly InvestmentSpec[],
  horizonMonths: number,
): Float64Array {
  requireInteger('horizonMonths', horizonMonths);
  const flows = new Float64Array(horizonMonths);
  investments.forEach((investment, i) => {
    requireNonNegative(`investments[${i}].oneOff`, investment.oneOff);
    requireNonNegative(`investments[${i}].monthly`, investment.monthly);
    requireInteger(`investments[${i}].startMonth`, investment.startMonth, 1);
    if (investment.endMonth !== undefined) {
      requireInteger(`investments[${i}].endMonth`, investment.endMonth, 1);
    }
  });
  for (const investment of investments) {
    const start = investment.startMonth;
    const end = Math.min(investment.endMonth ?? horizonMonths, horizonMonths);
    if (start > horizonMonths) continue;
    flows[start - 1] = (flows[start - 1] ?? 0) + investment.oneOff;
    for (let m = start; m <= end; m++) flows[m - 1] = (flows[m - 1] ?? 0) + investment.monthly;
  }
  return flows;
}
