import type { BehaviourSpec, SegmentSpec } from '../spec/modelSpec.ts';
import { adjustOdds } from './adjustOdds.ts';

/**
 * Monthly probability that a customer buys one more product: the segment's crossSellMonthly
 * (times earlyLifeCrossSellMultiplier during the first earlyLifeMonths of tenure, when a bank's
 * onboarding offers a second product, or a rule forbids selling one) moved by
 * crossSellSatisfactionSensitivity log-odds per satisfaction point above the baseline; zero once
 * the customer holds maxProducts. The "average to wow lifts likelihood to buy another product by
 * 30–50 %" claim (docs/model.md, Calibration) fixes the default sensitivity: a gap of g points
 * above the baseline multiplies the odds by e^(sensitivity · g), so the odds ratio the claim
 * quotes pins sensitivity · g between ln 1.3 and ln 1.5 (defaults.spec.ts does the arithmetic).
 *
 *   p = adjustOdds(base, sensitivity · (s − baseline)),
 *   base = crossSellMonthly · (earlyLifeCrossSellMultiplier if tenure < earlyLifeMonths), at most 1
 *
 * @param tenureMonths - months since the customer was acquired (0 in the month of acquisition);
 *   omitted, a customer past the early-life months
 * @example
 * crossSellProbability(retail, behaviour, 7, 1); // => retail.crossSellMonthly at baseline 7
 * crossSellProbability({ ...retail, earlyLifeCrossSellMultiplier: 2 }, behaviour, 7, 1, 0); // => 2 × retail.crossSellMonthly
 */
export function crossSellProbability(
  segment: Pick<SegmentSpec, 'crossSellMonthly' | 'baselineSatisfaction' | 'maxProducts'> &
    Partial<Pick<SegmentSpec, 'earlyLifeMonths' | 'earlyLifeCrossSellMultiplier'>>,
  behaviour: Pick<BehaviourSpec, 'crossSellSatisfactionSensitivity'>,
  satisfaction: number,
  productsHeld: number,
  tenureMonths = Infinity,
): number {
  if (productsHeld >= segment.maxProducts) return 0;
  let base = segment.crossSellMonthly;
  if (tenureMonths < (segment.earlyLifeMonths ?? 0))
    base *= segment.earlyLifeCrossSellMultiplier ?? 1;
  if (base >= 1) return 1;
  return adjustOdds(
    base,
    behaviour.crossSellSatisfactionSensitivity * (satisfaction - segment.baselineSatisfaction),
  );
}
