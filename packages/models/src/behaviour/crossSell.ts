import type { BehaviourSpec, SegmentSpec } from '../spec/modelSpec.ts';
import { adjustOdds } from './adjustOdds.ts';

/**
 * Monthly probability that a customer buys one more product: the segment's crossSellMonthly moved
 * by crossSellSatisfactionSensitivity log-odds per satisfaction point above the baseline; zero once
 * the customer holds maxProducts. The "average to wow lifts likelihood to buy another product by
 * 30–50 %" claim (docs/model.md, Calibration) fixes the default sensitivity: a gap of g points
 * above the baseline multiplies the odds by e^(sensitivity · g), so the odds ratio the claim
 * quotes pins sensitivity · g between ln 1.3 and ln 1.5 (defaults.spec.ts does the arithmetic).
 *
 * @example
 * crossSellProbability(retail, behaviour, 7, 1); // => retail.crossSellMonthly at baseline 7
 */
export function crossSellProbability(
  segment: Pick<SegmentSpec, 'crossSellMonthly' | 'baselineSatisfaction' | 'maxProducts'>,
  behaviour: Pick<BehaviourSpec, 'crossSellSatisfactionSensitivity'>,
  satisfaction: number,
  productsHeld: number,
): number {
  if (productsHeld >= segment.maxProducts) return 0;
  return adjustOdds(
    segment.crossSellMonthly,
    behaviour.crossSellSatisfactionSensitivity * (satisfaction - segment.baselineSatisfaction),
  );
}
