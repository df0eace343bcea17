import { requireSeries } from './checks.ts';
import { discountFactors } from './discountFactors.ts';

export interface PaybackMonthOptions {
  /**
   * Effective annual discount rate, 0.08 = 8 % a year, in [−0.99, 10]. Given: discounted payback
   * (cumulative present values). Absent: simple payback (cumulative cash).
   */
  annualDiscountRate?: number;
}

/** Why there is no payback month. */
export type PaybackFailure = 'not within horizon';

/** When the cumulative flow is paid back, or why it is not. */
export type PaybackMonth =
  | { month: number; fractionalMonth: number }
  | { month: null; fractionalMonth: null; reason: PaybackFailure };

/**
 * Payback: the month from which the cumulative cash flow (or, with a discount rate, the
 * cumulative discounted cash flow) is back at zero or above and stays there to the horizon.
 *
 * Definitions, for a CFO's table:
 * - `month` is the first month m at whose end the cumulative flow is ≥ 0 and stays ≥ 0 at the end
 *   of every later month. "Stays" matters: a project whose cumulative flow touches zero, dips
 *   again under a later cost, and recovers only in month 30 pays back in month 30, not earlier.
 * - `fractionalMonth` places the crossing within that month by linear interpolation, assuming the
 *   month's flow arrives evenly: (m − 1) + (amount still to recover at the start of month m) /
 *   (month m's flow). So 2.25 means a quarter of the way through month 3; `month` is always
 *   ⌈fractionalMonth⌉.
 * - `month: 0` (and `fractionalMonth: 0`) when the cumulative flow is never negative: there is
 *   nothing to pay back (no investment, or income from the first month). An empty series too.
 * - `month: null`, reason 'not within horizon', when the cumulative flow is negative at the end of
 *   the last month.
 *
 * Months are 1-based (month 1 is the first value of the series), as in the yearly table.
 * Discounted payback uses the factors of discountFactors (end of month m discounted by
 * (1 + a)^(−m/12)). For an investment followed by non-negative income it is never earlier than
 * simple payback at a positive rate; with later costs it can be (discounting shrinks them too).
 *
 * @param flows - net cash flow of each month (investment negative), index 0 = month 1
 * @param options - `annualDiscountRate` for discounted payback
 * @example
 * paybackMonth([-1000, 400, 400, 400]); // => { month: 4, fractionalMonth: 3.5 }
 * paybackMonth([-1000, 400, 400]);
 * // => { month: null, fractionalMonth: null, reason: 'not within horizon' }
 * paybackMonth([100, 200]); // => { month: 0, fractionalMonth: 0 }
 */
export function paybackMonth(
  flows: ArrayLike<number>,
  options: PaybackMonthOptions = {},
): PaybackMonth {
  requireSeries('flows', flows);
  const rate = options.annualDiscountRate;
  const factors = rate === undefined ? null : discountFactors(flows.length, rate);
  return paybackMonthFromFactors(flows, factors);
}

/**
 * Payback month from flows and discount factors already at hand: the same definitions as
 * paybackMonth (first month from whose end the cumulative flow stays ≥ 0, linear within the
 * month; 0 when never negative; 'not within horizon' when negative at the end), with each month's
 * flow multiplied by its factor, or taken as it is when `factors` is null (simple payback).
 * compareToBaseline computes the factors once and uses them for the NPV, the investment's present
 * value and the discounted payback, so all three agree to the last bit.
 *
 * It trusts its input, which its callers have checked (paybackMonth checks the flows and builds
 * the factors with discountFactors): finite flows, factors finite, > 0 and at least as long.
 *
 * @param flows - net cash flow of each month in the scenario's currency, index 0 = month 1
 * @param factors - discount factor of each month (discountFactors), or null for simple payback
 * @example
 * paybackMonthFromFactors([-1000, 400, 400, 400], null); // => { month: 4, fractionalMonth: 3.5 }
 * paybackMonthFromFactors([-100, 60, 100], [1, 1, 0.5]);
 * // => { month: 3, fractionalMonth: 2.8 } (40 left after month 2; month 3 brings 100 · 0.5 = 50)
 */
export function paybackMonthFromFactors(
  flows: ArrayLike<number>,
  factors: ArrayLike<number> | null,
): PaybackMonth {
  // One pass: the cumulative flow at the end of each month, remembering the last month that ended
  // negative and the cumulative flow just before it recovered.
  let cumulative = 0;
  let lastNegativeMonth = 0; // 1-based; 0: never negative
  let deficitBeforeRecovery = 0; // −(cumulative at the end of lastNegativeMonth)
  for (let i = 0; i < flows.length; i++) {
    cumulative += factors === null ? flows[i]! : flows[i]! * factors[i]!;
    if (cumulative < 0) {
      lastNegativeMonth = i + 1;
      deficitBeforeRecovery = -cumulative;
    }
  }
  if (lastNegativeMonth === 0) return { month: 0, fractionalMonth: 0 };
  if (lastNegativeMonth === flows.length) {
    return { month: null, fractionalMonth: null, reason: 'not within horizon' };
  }
  const month = lastNegativeMonth + 1;
  const i = month - 1;
  const recoveringFlow = factors === null ? flows[i]! : flows[i]! * factors[i]!;
  // Share of the month needed: deficit / flow, written 1 / (1 + surplus / deficit) with
  // surplus = flow − deficit ≥ 0, the cumulative at the end of the month. Each rounded operation
  // is monotone in its inputs, so a smaller flow anywhere can never give an earlier payback,
  // not even in the last bit.
  const surplus = recoveringFlow - deficitBeforeRecovery;
  const share = 1 / (1 + Math.max(0, surplus) / deficitBeforeRecovery);
  return { month, fractionalMonth: i + share };
}
