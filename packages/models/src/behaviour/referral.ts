import type { BehaviourSpec, SegmentSpec } from '../spec/modelSpec.ts';
import { adjustOdds } from './adjustOdds.ts';

/**
 * Monthly probability that a customer refers a new customer. Promoters refer far more than
 * passives (Reichheld 2003, "The one number you need to grow", Harvard Business Review), so the
 * default sensitivity is at least as steep as churn's (defaults.ts). New customers can differ
 * (earlyLifeReferralMultiplier during the first earlyLifeMonths of tenure, 1 by default).
 *
 *   p = adjustOdds(base, sensitivity · (s − baseline)),
 *   base = referralMonthly · (earlyLifeReferralMultiplier if tenure < earlyLifeMonths), at most 1
 *
 * @param tenureMonths - months since the customer was acquired; omitted, a customer past the
 *   early-life months
 * @example
 * referralProbability(retail, behaviour, 7); // => retail.referralMonthly at baseline 7
 */
export function referralProbability(
  segment: Pick<SegmentSpec, 'referralMonthly' | 'baselineSatisfaction'> &
    Partial<Pick<SegmentSpec, 'earlyLifeMonths' | 'earlyLifeReferralMultiplier'>>,
  behaviour: Pick<BehaviourSpec, 'referralSatisfactionSensitivity'>,
  satisfaction: number,
  tenureMonths = Infinity,
): number {
  let base = segment.referralMonthly;
  if (tenureMonths < (segment.earlyLifeMonths ?? 0))
    base *= segment.earlyLifeReferralMultiplier ?? 1;
  if (base >= 1) return 1;
  return adjustOdds(
    base,
    behaviour.referralSatisfactionSensitivity * (satisfaction - segment.baselineSatisfaction),
  );
}
