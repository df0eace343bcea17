import { detExpm1 } from '../math/detExpm1.ts';
import { detLog1p } from '../math/detLog1p.ts';
import { requireAnnualDiscountRate } from './checks.ts';

/**
 * The effective monthly rate equivalent to an effective annual rate: compounding it over 12
 * months gives the annual rate back, (1 + m)^12 = 1 + a, so m = (1 + a)^(1/12) − 1.
 *
 * Computed as expm1(log1p(a) / 12) with the deterministic functions: the same number as
 * (1 + a)^(1/12) − 1 but without the cancellation of subtracting 1 from a number close to 1, so it
 * stays accurate to a few ulp even for small rates, and bit-identical in Node and browsers.
 *
 * @param annualDiscountRate - effective annual rate, 0.08 = 8 % a year, in [−0.99, 10]
 * @returns effective monthly rate, 0.0064340301 = 0.643 % a month for 8 % a year
 * @example
 * monthlyRate(0.1); // => 0.007974140428903742 (10 % a year is 0.797 % a month)
 * monthlyRate(0); // => 0
 */
export function monthlyRate(annualDiscountRate: number): number {
  requireAnnualDiscountRate('annualDiscountRate', annualDiscountRate);
  return detExpm1(detLog1p(annualDiscountRate) / 12);
}
