import type { BehaviourSpec, SegmentSpec } from '../spec/modelSpec.ts';
import { adjustOdds } from './adjustOdds.ts';

/**
 * Monthly probability that a customer refers a new customer. Promoters refer far more than
 * passives (Reichheld 2003, "The one number you need to grow", Harvard Business Review), so the
 * default sensitivity is at least as steep as churn's (defaults.ts).
 *
 * @example
 * referralProbability(retail, behaviour, 7); // => retail.referralMonthly at baseline 7
 */
export function referralProbability(
  segment: Pick<SegmentSpec, 'referralMonthly' | 'baselineSatisfaction'>,
  behaviour: Pick<BehaviourSpec, 'referralSatisfactionSensitivity'>,
  satisfaction: number,
): number {
  return adjustOdds(
    segment.referralMonthly,
    behaviour.referralSatisfactionSensitivity * (satisfaction - segment.baselineSatisfaction),
  );
}
