import { ParameterError } from '../errors.ts';
import { detExp } from '../math/detExp.ts';
import { detLog1p } from '../math/detLog1p.ts';
import { requireSeries } from './checks.ts';

/**
 * Net present value at a rate per period, with Excel's NPV convention: the first value is
 * discounted one full period, NPV = Σ_{i=1..n} values_i / (1 + rate)^i. (Microsoft's Excel NPV
 * documentation: "The NPV investment begins one period before the date of the value1 cash flow".)
 * A flow at time 0 is therefore added outside, as Excel users write `=NPV(r, A3:A7) + A2`.
 *
 * This is the same end-of-period convention as npv, with the rate given per period rather than per
 * year; it exists to check the finance functions against spreadsheet examples, and to evaluate
 * the NPV at an IRR. Factors are exp(−i · ln(1 + rate)), deterministic as everywhere here.
 *
 * @param rate - discount rate per period (0.1 = 10 % per period), a finite number > −1
 * @param values - cash flow of each period, index 0 = end of period 1
 * @example
 * npvAtRate(0.1, [-10000, 3000, 4200, 6800]); // => 1188.4434123352... (Excel: 1,188.44)
 */
export function npvAtRate(rate: number, values: ArrayLike<number>): number {
  if (!Number.isFinite(rate) || rate <= -1) {
    throw new ParameterError('rate', 'a finite number > -1', rate);
  }
  requireSeries('values', values);
  const logGrowth = detLog1p(rate);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * detExp(-(i + 1) * logGrowth);
  return sum;
}
