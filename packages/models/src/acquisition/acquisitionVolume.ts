import { requireNonNegative } from '../errors.ts';
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
 * @example
 * costPerAcquisitionAtSpend({ costPerAcquisition: 200, referenceMonthlyBudget: 100000, spendElasticity: 0.3 }, 200000);
 * // => 246.2… (200 · 2^0.3)
 */
export function costPerAcquisitionAtSpend(
  source: Pick<SourceSpec, 'costPerAcquisition' | 'referenceMonthlyBudget' | 'spendElasticity'>,
  monthlySpend: number,
): number {
  requireNonNegative('monthlySpend', monthlySpend);
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

/** Whether a source runs in a month (1-based), given its optional start and end months. */
export function sourceActiveInMonth(
  source: Pick<SourceSpec, 'startMonth' | 'endMonth'>,
  month: number,
): boolean {
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
 */
export function monthlyAcquisition(source: SourceSpec, month: number): MonthlyAcquisition {
  if (!sourceActiveInMonth(source, month)) return { customers: 0, spend: 0 };
  if (source.mode === 'volume') {
    return {
      customers: source.monthlyVolume,
      spend: source.monthlyVolume * source.costPerAcquisition,
    };
  }
  const spend = source.monthlyBudget;
  if (spend === 0) return { customers: 0, spend: 0 };
  const cpa = costPerAcquisitionAtSpend(source, spend);
  return { customers: cpa > 0 ? spend / cpa : 0, spend };
}
