import { ParameterError, requireFinite } from '../errors.ts';
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
  /**
   * Optional: the terminal value, the present value today of the customers still active at the
   * horizon, exactly as finance/terminalValue returns it and as it is added to the NPV, in the
   * scenario's currency. Given, the last row carries it (see YearlyRow), so the table reconciles
   * to the NPV with terminal value. Absent (the model's `terminalValue` off), no row has it.
   */
  terminalValue?: number;
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
  /**
   * Last row only, when a terminal value is given: the value of the customers still active at the
   * horizon, at the horizon (the terminal value divided by the horizon's discount factor).
   */
  terminalValueAtHorizon?: number;
  /** Last row only, when given: the terminal value discounted to today, as given. */
  discountedTerminalValue?: number;
  /**
   * Last row only, when given: cumulativeDiscounted + discountedTerminalValue, the NPV with the
   * terminal value (to the last bit: the same two numbers added in the same order as
   * npv(...) + terminalValue(...)).
   */
  npvWithTerminalValue?: number;
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
 * With a terminal value (the model's `terminalValue` on) the NPV is more than the flows: the last
 * row then also carries the terminal value, at the horizon and discounted, and
 * npvWithTerminalValue = cumulativeDiscounted + discountedTerminalValue, which is the reported NPV.
 * A CFO reads the reconciliation off the last line: flows to the horizon, plus what the customers
 * left are worth, equals the NPV.
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
 * // With terminalValue: 1000 as well, the row also has terminalValueAtHorizon: 1000,
 * // discountedTerminalValue: 1000 and npvWithTerminalValue: 1110.
 */
export function yearlyTable({
  monthly,
  annualDiscountRate,
  terminalValue,
}: YearlyTableParams): YearlyRow[] {
  const { revenue, costToServe, acquisition, investment } = monthly;
  requireSeries('monthly.revenue', revenue);
  const n = revenue.length;
  requireSeries('monthly.costToServe', costToServe, n, 'monthly.revenue');
  requireSeries('monthly.acquisition', acquisition, n, 'monthly.revenue');
  requireSeries('monthly.investment', investment, n, 'monthly.revenue');
  if (terminalValue !== undefined) {
    requireFinite('terminalValue', terminalValue);
    // The value of the customers left at the horizon needs a horizon to stand at the end of.
    if (n === 0) {
      throw new ParameterError(
        'terminalValue',
        'no terminal value for a table of 0 months',
        terminalValue,
      );
    }
  }
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
  const last = rows.at(-1);
  if (terminalValue !== undefined && last !== undefined) {
    last.terminalValueAtHorizon = terminalValue / factors[n - 1]!;
    last.discountedTerminalValue = terminalValue;
    last.npvWithTerminalValue = cumulativeDiscounted + terminalValue;
  }
  return rows;
}
