/**
 * Words for paired results that have no ordinary figure: a variant identical to its baseline
 * (every paired difference is zero, e.g. Custom before a lever moves), and an ROI without an
 * investment.
 */
import type { PairedResult } from '@journeycast/sim-core';

export const NO_DIFFERENCE = 'n/a (no difference)';

/**
 * Why ROI is undefined when a variant invests nothing: staffing and acquisition spend are running
 * costs in its cash flows, so they move NPV, but ROI divides by the present value of investments.
 */
export const NO_INVESTMENT_NOTE =
  'No investment in this variant: staffing and acquisition costs count in NPV, not as investment';

/** Whether every replication's paired difference is zero (the variant is the baseline). */
export function noDifference(paired: PairedResult): boolean {
  const zero = (s: { min: number; max: number }) => s.min === 0 && s.max === 0;
  return (
    zero(paired.npv) &&
    zero(paired.deltas.revenue) &&
    zero(paired.deltas.costToServe) &&
    zero(paired.deltas.activeCustomersEnd)
  );
}
