import { requireSeries } from './checks.ts';
import { discountFactors } from './discountFactors.ts';

export interface YearlyTableParams {
  /** Monthly series of equal length, index 0 = month 1, in the scenario's currency. */
  monthly: {
    /** Revenue (margin before cost-to-serve), ≥ 0 in practice. */
    revenue: ArrayLike<number>;
    /** Cost of serving customers (staff, handled minutes, digital contacts), as a positive cost. */
    costToServe: ArrayLike<number>;
    /** Acquisition spend, as a positive cost. */
    acquisition: ArrayLike<number>;
    /** Investment (one-off and recurring), as a positive cost. */
    investment: ArrayLike<number>;
  };
  /** Effective annual discount rate, 0.08 = 8 % a year, in [−0.99, 10]. */
  annualDiscountRate: number;
}

/** One year of the CFO's table; all amounts in the scenario's currency. */
export interface YearlyRow {
  /** 1, 2, …: months 1–12 are year 1. */
  year: number;
  /** Months in this year: 12, or fewer for a partial last year. */
  months: number;
  revenue: number;
  costToServe: number;
  acquisition: number;
  investment: number;
  /** revenue − costToServe − acquisition − investment, summed month by month. */
  net: number;
  /** Net from month 1 to the end of this year. */
  cumulative: number;
  /** Net of this year's months, each discounted to today (end-of-month convention). */
  discountedNet: number;
  /** Discounted net from month 1 to the end of this year: the NPV so far. */
  cumulativeDiscounted: number;
}

/**
 * The year-by-year table of a scenario's cash flows: one row per year (year 1 = months 1–12; the
 * last year may be partial, `months` says how long), with revenue, costs, net, cumulative net and
 * their discounted counterparts. The last row's cumulativeDiscounted is the NPV of the net flows
 * (npv with the same rate, to the last bit: same factors, same order of summation).
 *
 * Net is computed per month (revenue − costToServe − acquisition − investment) and then summed, so
 * net and discountedNet use the same monthly figures.
 *
 * @example
 * yearlyTable({
 *   monthly: {
 *     revenue: [100, 100],
 *     costToServe: [20, 20],
 *     acquisition: [50, 0],
 *     investment: [0, 0],
 *   },
 *   annualDiscountRate: 0,
 * });
 * // => [{ year: 1, months: 2, revenue: 200, costToServe: 40, acquisition: 50, investment: 0,
 * //       net: 110, cumulative: 110, discountedNet: 110, cumulativeDiscounted: 110 }]
 */
export function yearlyTable({ monthly, annualDiscountRate }: YearlyTableParams): YearlyRow[] {
  const { revenue, costToServe, acquisition, investment } = monthly;
  requireSeries('monthly.revenue', revenue);
  const n = revenue.length;
  requireSeries('monthly.costToServe', costToServe, n, 'monthly.revenue');
  requireSeries('monthly.acquisition', acquisition, n, 'monthly.revenue');
  requireSeries('monthly.investment', investment, n, 'monthly.revenue');
  const factors = discountFactors(n, annualDiscountRate);

  const rows: YearlyRow[] = [];
  let cumulative = 0;
  let cumulativeDiscounted = 0;
  for (let start = 0; start < n; start += 12) {
    const end = Math.min(start + 12, n);
    let yearRevenue = 0;
    let yearCostToServe = 0;
    let yearAcquisition = 0;
    let yearInvestment = 0;
    let yearNet = 0;
    let yearDiscountedNet = 0;
    for (let i = start; i < end; i++) {
      const r = revenue[i]!;
      const c = costToServe[i]!;
      const a = acquisition[i]!;
      const v = investment[i]!;
      const net = r - c - a - v;
      yearRevenue += r;
      yearCostToServe += c;
      yearAcquisition += a;
      yearInvestment += v;
      yearNet += net;
      cumulative += net;
      const discounted = net * factors[i]!;
      yearDiscountedNet += discounted;
      cumulativeDiscounted += discounted;
    }
    rows.push({
      year: start / 12 + 1,
      months: end - start,
      revenue: yearRevenue,
      costToServe: yearCostToServe,
      acquisition: yearAcquisition,
      investment: yearInvestment,
      net: yearNet,
      cumulative,
      discountedNet: yearDiscountedNet,
      cumulativeDiscounted,
    });
  }
  return rows;
}
