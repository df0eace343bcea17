import { requireInteger } from '../errors.ts';
import { detExp } from '../math/detExp.ts';
import { detLog1p } from '../math/detLog1p.ts';
import { requireAnnualDiscountRate } from './checks.ts';

/**
 * The discount factor of each month: what one unit of money received at the end of month m is
 * worth today, (1 + a)^(−m/12) for an effective annual rate a (end-of-month convention: month 1's
 * flow is discounted by one month, month 12's by a full year).
 *
 * Every factor is computed directly as exp(−m · ln(1 + a) / 12), with the deterministic detExp and
 * detLog1p, not by repeated division by (1 + monthly rate): the rounding error then stays at a few
 * ulp for every month (about (1 + |ln factor|) · 2^-52 relative) instead of growing month by month,
 * and each factor is bit-identical in Node and browsers. All the finance functions discount this
 * way, so their results agree with each other to the last bit.
 *
 * @param months - number of months, a whole number ≥ 0
 * @param annualDiscountRate - effective annual rate, 0.08 = 8 % a year, in [−0.99, 10]
 * @returns factors, index 0 = month 1; factor 12 is 1/(1 + a) to within an ulp or two
 * @example
 * discountFactors(12, 0.1)[11]; // => 0.9090909090909091 (= 1/1.1)
 * discountFactors(3, 0); // => Float64Array [1, 1, 1]
 */
export function discountFactors(months: number, annualDiscountRate: number): Float64Array {
  requireInteger('months', months);
  requireAnnualDiscountRate('annualDiscountRate', annualDiscountRate);
  const factors = new Float64Array(months);
  const logGrowthPerMonth = detLog1p(annualDiscountRate) / 12;
  for (let m = 1; m <= months; m++) factors[m - 1] = detExp(-m * logGrowthPerMonth);
  return factors;
}
