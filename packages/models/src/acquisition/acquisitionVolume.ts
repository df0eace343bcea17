import { requireInRange, requireInteger, requireNonNegative, requirePositive } from '../errors.ts';
import { detPow } from '../math/detPow.ts';
import type { SourceSpec } from '../spec/modelSpec.ts';

/**
 * Cost per acquisition at a monthly spend, with diminishing returns:
 *
 *   CPA(spend) = costPerAcquisition · (spend / referenceMonthlyBudget)^spendElasticity
 *
 * so customers bought = spend / CPA grows as spend^(1 − elasticity): doubling the budget of a
 * source with elasticity 0.3 buys 2^0.7 = 1.62× the customers. Concave response to media spend is
 * the standard finding of marketing-mix models (Hanssens, Parsons & Schultz, "Market Response
 * Models", 2nd ed., ch. 3).
 *
 * @param source - costPerAcquisition (money per customer at the reference budget, ≥ 0),
 *   referenceMonthlyBudget (money a month, > 0) and spendElasticity (0–1)
 * @param monthlySpend - the month's spend on the source, money ≥ 0
 * @returns the cost per acquired customer at that spend, in the scenario's currency
 * @example
 * costPerAcquisitionAtSpend({ costPerAcquisition: 200, referenceMonthlyBudget: 100000, spendElasticity: 0.3 }, 200000);
 * // => 246.2… (200 · 2^0.3)
 */
export function costPerAcquisitionAtSpend(
  source: Pick<SourceSpec, 'costPerAcquisition' | 'referenceMonthlyBudget' | 'spendElasticity'>,
  monthlySpend: number,
): number {
  requireNonNegative('monthlySpend', monthlySpend);
  requireNonNegative('costPerAcquisition', source.costPerAcquisition);
  requirePositive('referenceMonthlyBudget', source.referenceMonthlyBudget);
  requireInRange('spendElasticity', source.spendElasticity, 0, 1);
  if (monthlySpend === 0 || source.spendElasticity === 0) return source.costPerAcquisition;
  return (
    source.costPerAcquisition *
    detPow(monthlySpend / source.referenceMonthlyBudget, source.spendElasticity)
  );
}

export interface MonthlyAcquisition {
  /** Customers acquired in the month (whole population, may be fractional: an expectation). */
  customers: number;
  /** Money spent on the source in the month. */
  spend: number;
}

/**
 * Whether an acquisition source runs in a month: from its `startMonth` to its `endMonth`, both
 * included, each optional (no start: from month 1; no end: to the horizon). A campaign that runs
 * in months 4–9, a partner signed in month 13, a channel switched off after month 24 are all
 * written this way. Outside those months the source brings no customers and costs nothing.
 *
 * @param source - optional startMonth and endMonth, whole months ≥ 1
 * @param month - the month asked about, 1-based (month 1 is the first simulated month)
 * @returns true when the source runs that month
 * @example
 * sourceActiveInMonth({ startMonth: 4, endMonth: 9 }, 9); // => true (end month included)
 * sourceActiveInMonth({ startMonth: 4, endMonth: 9 }, 10); // => false
 * sourceActiveInMonth({}, 1); // => true (always on)
 */
export function sourceActiveInMonth(
  source: Pick<SourceSpec, 'startMonth' | 'endMonth'>,
  month: number,
): boolean {
  requireInteger('month', month, 1);
  if (source.startMonth !== undefined && month < source.startMonth) return false;
  if (source.endMonth !== undefined && month > source.endMonth) return false;
  return true;
}

/**
 * What a source brings in a month: in budget mode the budget buys spend / CPA(spend) customers; in
 * volume mode it brings monthlyVolume customers at costPerAcquisition each.
 *
 * @example
 * monthlyAcquisition({ mode: 'volume', monthlyVolume: 500, costPerAcquisition: 80, ... }, 1); // => { customers: 500, spend: 40000 }
 *
 * Runs when a model is compiled (once per source and month) and checks the fields it uses.
 *
 * @param month - 1-based month of the horizon
 */
export function monthlyAcquisition(source: SourceSpec, month: number): MonthlyAcquisition {
  if (!sourceActiveInMonth(source, month)) return { customers: 0, spend: 0 };
  if (source.mode === 'volume') {
    requireNonNegative('monthlyVolume', source.monthlyVolume);
    requireNonNegative('costPerAcquisition', source.costPerAcquisition);
    return {
      customers: source.monthlyVolume,
      spend: source.monthlyVolume * source.costPerAcquisition,
    };
  }
  const spend = requireNonNegative('monthlyBudget', source.monthlyBudget);
  if (spend === 0) return { customers: 0, spend: 0 };
  const cpa = costPerAcquisitionAtSpend(source, spend);
  return { customers: cpa > 0 ? spend / cpa : 0, spend };
}
