import {
  ParameterError,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requireProbability,
} from '../errors.ts';
import { detExp } from '../math/detExp.ts';
import { detExpm1 } from '../math/detExpm1.ts';
import { detLog1p } from '../math/detLog1p.ts';
import { requireAnnualDiscountRate } from './checks.ts';

interface TerminalValueCommon {
  /** Customers still active at the end of the horizon (may be fractional: a sample's weight). */
  activeCustomers: number;
  /** Share of the remaining customers lost each month after the horizon, in [0, 1]. */
  monthlyChurn: number;
  /** Effective annual discount rate, 0.08 = 8 % a year, in [−0.99, 10]. */
  annualDiscountRate: number;
  /** Length of the simulated horizon in months: the terminal value starts after it. */
  horizonMonths: number;
}

/** Parameters of {@link terminalValue}: the value per customer under one of its two names. */
export type TerminalValueParams = TerminalValueCommon &
  (
    | {
        /**
         * Net value a customer brings each month they stay, in the scenario's currency: their margin
         * (products held × margin per product) minus their variable cost-to-serve (handled minutes
         * and digital contacts per customer). Fixed staffing is not a per-customer cost and stays
         * out. May be negative: customers who cost more than they bring are a liability.
         */
        monthlyNetValuePerCustomer: number;
        monthlyMarginPerCustomer?: never;
      }
    | {
        /**
         * @deprecated The former name of monthlyNetValuePerCustomer, accepted while callers move
         * to it; it was margin only, which overstated the value by the cost of serving customers.
         */
        monthlyMarginPerCustomer: number;
        monthlyNetValuePerCustomer?: never;
      }
  );

/**
 * Terminal value: what the customers still active at the end of the horizon are worth today, from
 * the margin they will bring after it, assuming a constant margin and a constant churn.
 *
 * Each customer's value at the horizon is the customer-lifetime-value perpetuity of Gupta &
 * Lehmann (2003, "Customers as assets", Journal of Interactive Marketing 17(1): 9–24), CLV = m·ρ /
 * (1 + i − ρ) for margin m, retention ρ and discount rate i per period, paid at the end of each
 * period to those retained. The m of a customer-lifetime value is what the customer brings net of
 * what serving them costs, so the caller passes M = margin − variable cost-to-serve per customer
 * per month (monthlyNetValuePerCustomer; economics/netValuePerCustomer computes it). Per month, with retention ρ = 1 − c and monthly rate r:
 *
 *   value at the horizon = N · M · (1 − c) / (r + c),
 *
 * the sum over t ≥ 1 of N·M·(1 − c)^t / (1 + r)^t. It is discounted back to today by the horizon's
 * factor (1 + a)^(−H/12), the same factor discountFactors gives month H, so it adds directly to an
 * NPV of the first H months.
 *
 * The perpetuity converges only when r + c > 0: with a zero or negative discount rate, customers
 * must churn faster than the rate falls, or the error says so.
 *
 * @example
 * terminalValue({
 *   activeCustomers: 1000,
 *   monthlyNetValuePerCustomer: 10, // e.g. margin 12 − cost-to-serve 2 a month
 *   monthlyChurn: 0.02,
 *   annualDiscountRate: 0,
 *   horizonMonths: 36,
 * }); // => 490000 (1000 · 10 · 0.98 / 0.02, nothing to discount at 0 %)
 */
export function terminalValue(params: TerminalValueParams): number {
  const { activeCustomers, monthlyChurn, annualDiscountRate, horizonMonths } = params;
  requireNonNegative('activeCustomers', activeCustomers);
  const { monthlyNetValuePerCustomer, monthlyMarginPerCustomer } = params;
  if (monthlyNetValuePerCustomer !== undefined && monthlyMarginPerCustomer !== undefined) {
    throw new ParameterError(
      'monthlyMarginPerCustomer',
      'nothing when monthlyNetValuePerCustomer is given (it is its former name)',
      monthlyMarginPerCustomer,
    );
  }
  // Neither given (possible from untyped callers): the error names the current parameter.
  const perCustomer =
    monthlyMarginPerCustomer !== undefined
      ? requireFinite('monthlyMarginPerCustomer', monthlyMarginPerCustomer)
      : requireFinite('monthlyNetValuePerCustomer', monthlyNetValuePerCustomer as number);
  requireProbability('monthlyChurn', monthlyChurn);
  requireAnnualDiscountRate('annualDiscountRate', annualDiscountRate);
  requireInteger('horizonMonths', horizonMonths);

  const logGrowthPerMonth = detLog1p(annualDiscountRate) / 12;
  const monthly = detExpm1(logGrowthPerMonth); // as monthlyRate
  if (!(monthly + monthlyChurn > 0)) {
    throw new ParameterError(
      'monthlyChurn',
      `a churn above ${-monthly} a month, so that the perpetuity converges at a monthly discount ` +
        `rate of ${monthly} (churn + rate > 0)`,
      monthlyChurn,
    );
  }
  const atHorizon = (activeCustomers * perCustomer * (1 - monthlyChurn)) / (monthly + monthlyChurn);
  return atHorizon * detExp(-horizonMonths * logGrowthPerMonth); // as discountFactors, month H
}
