import { requireFinite, requireNonNegative } from '../errors.ts';

export interface RoiParams {
  /** NPV of the variant's net flows minus the baseline's, the investment already included. */
  incrementalNpv: number;
  /** Present value of the investment (one-off and recurring), a cost, ≥ 0. */
  investmentPresentValue: number;
}

/** Return on investment as a ratio (0.25 = 25 %), or why there is none. */
export type RoiResult = { ratio: number } | { ratio: null; reason: string };

/** Why an ROI is missing; the text is part of the API (the app shows it). */
export const ROI_NO_INVESTMENT = 'no investment: ROI is undefined when the investment is worth 0';

/**
 * Return on investment, ROI = incremental NPV / present value of the investment: how much value
 * the change creates, net of what it costs, per unit of money invested, both at today's value.
 * Because the incremental NPV already subtracts the investment, ROI > 0 exactly when the NPV is
 * positive, and ROI = −1 when the change brings nothing but its cost.
 *
 * @example
 * roi({ incrementalNpv: 50000, investmentPresentValue: 200000 }); // => { ratio: 0.25 }
 * roi({ incrementalNpv: 1000, investmentPresentValue: 0 });
 * // => { ratio: null, reason: ROI_NO_INVESTMENT }
 */
export function roi({ incrementalNpv, investmentPresentValue }: RoiParams): RoiResult {
  requireFinite('incrementalNpv', incrementalNpv);
  requireNonNegative('investmentPresentValue', investmentPresentValue);
  if (investmentPresentValue === 0) return { ratio: null, reason: ROI_NO_INVESTMENT };
  return { ratio: incrementalNpv / investmentPresentValue };
}
