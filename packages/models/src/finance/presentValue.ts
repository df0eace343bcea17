/**
 * Present value of a monthly series with given discount factors: Σ flows[i] · factors[i]. The
 * shared kernel of npv, the investment's present value and the yearly table; the callers check
 * their input, this trusts it (same length, finite numbers).
 *
 * @param flows - monthly amounts, index 0 = month 1
 * @param factors - discount factor of each month (see discountFactors), at least as long as flows
 * @returns the sum of the discounted flows, in the flows' currency
 * @example
 * presentValue([100, 100], [0.5, 0.25]); // => 75
 */
export function presentValue(flows: ArrayLike<number>, factors: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < flows.length; i++) sum += flows[i]! * factors[i]!;
  return sum;
}
