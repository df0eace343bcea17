import type { InvestmentSpec } from '../spec/modelSpec.ts';

/**
 * Monthly investment cash out (positive numbers are money spent): each investment's one-off cost in
 * its start month plus its recurring cost every month from start to end (or the horizon).
 *
 * @example
 * investmentFlows([{ label: 'Training', oneOff: 50000, monthly: 2000, startMonth: 2 }], 4);
 * // => Float64Array [0, 52000, 2000, 2000]
 */
export function investmentFlows(
  investments: readonly InvestmentSpec[],
  horizonMonths: number,
): Float64Array {
  const flows = new Float64Array(horizonMonths);
  for (const investment of investments) {
    const start = investment.startMonth;
    const end = Math.min(investment.endMonth ?? horizonMonths, horizonMonths);
    if (start > horizonMonths) continue;
    flows[start - 1] = (flows[start - 1] ?? 0) + investment.oneOff;
    for (let m = start; m <= end; m++) flows[m - 1] = (flows[m - 1] ?? 0) + investment.monthly;
  }
  return flows;
}
