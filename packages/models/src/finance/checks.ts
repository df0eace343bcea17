import { ParameterError, requireInRange } from '../errors.ts';

/**
 * Parameter checks shared by the finance functions, in the one error format of `errors.ts`.
 * They run once per call, O(months): cheap next to a replication, and they turn a NaN that would
 * silently poison every NPV downstream into an error that names the month.
 */

/** Lowest and highest annual discount rate accepted: −99 % to +1,000 % a year. */
export const MIN_ANNUAL_DISCOUNT_RATE = -0.99;
export const MAX_ANNUAL_DISCOUNT_RATE = 10;

/**
 * An annual discount rate (effective, 0.08 = 8 % a year) in [−0.99, 10].
 *
 * @example
 * requireAnnualDiscountRate('annualDiscountRate', NaN);
 * // throws "annualDiscountRate: expected a number between -0.99 and 10, got NaN"
 */
export function requireAnnualDiscountRate(parameter: string, value: number): number {
  return requireInRange(parameter, value, MIN_ANNUAL_DISCOUNT_RATE, MAX_ANNUAL_DISCOUNT_RATE);
}

/**
 * A monthly series: array-like, every value a finite number, and when `months` is given, exactly
 * that many values (`sameAs` names the series whose length it must match).
 *
 * @example
 * requireSeries('monthlyFlows', [1, NaN]);
 * // throws "monthlyFlows[1]: expected a finite number, got NaN"
 */
export function requireSeries(
  parameter: string,
  series: ArrayLike<number>,
  months?: number,
  sameAs?: string,
): ArrayLike<number> {
  if (series === null || typeof series !== 'object' || typeof series.length !== 'number') {
    throw new ParameterError(parameter, 'a monthly series (an array of numbers)', series);
  }
  if (months !== undefined && series.length !== months) {
    const expected = sameAs
      ? `a series of ${months} months, as long as ${sameAs}`
      : `a series of ${months} months`;
    // Shown as "an array of N" whatever kind of array-like it is (typed arrays included).
    throw new ParameterError(parameter, expected, new Array<number>(series.length));
  }
  for (let i = 0; i < series.length; i++) {
    const value = series[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ParameterError(`${parameter}[${i}]`, 'a finite number', value);
    }
  }
  return series;
}
