import type { BehaviourSpec, SegmentSpec } from '../spec/modelSpec.ts';
import { detLog } from '../math/detLog.ts';
import { adjustOdds } from './adjustOdds.ts';

/**
 * Monthly probability that a customer leaves.
 *
 *   p = adjustOdds(base, −sensitivity · (s − baseline) + ln(openIssueMultiplier if an issue is open))
 *   base = baseMonthlyChurn · (earlyLifeChurnMultiplier during the first earlyLifeMonths of tenure)
 *
 * Satisfaction above the segment's baseline lowers the odds of leaving, below raises them; an
 * unresolved need raises them further. Odds ratios per satisfaction point of 1.2–1.5 are typical of
 * the churn studies that link satisfaction to retention (e.g. Gustafsson, Johnson & Roos 2005,
 * "The effects of customer satisfaction, relationship commitment dimensions, and triggers on
 * customer retention", J. Marketing 69(4)); DEFAULT_BEHAVIOUR's sensitivity sits in that range
 * (defaults.ts, and defaults.spec.ts checks it).
 *
 * @param tenureMonths - months since the customer was acquired (0 in the month of acquisition)
 * @example
 * monthlyChurnProbability(retail, behaviour, 7, 24, false); // => retail.baseMonthlyChurn at baseline 7
 */
export function monthlyChurnProbability(
  segment: Pick<
    SegmentSpec,
    'baseMonthlyChurn' | 'earlyLifeMonths' | 'earlyLifeChurnMultiplier' | 'baselineSatisfaction'
  >,
  behaviour: Pick<BehaviourSpec, 'churnSatisfactionSensitivity' | 'openIssueChurnOddsMultiplier'>,
  satisfaction: number,
  tenureMonths: number,
  openIssue: boolean,
): number {
  let base = segment.baseMonthlyChurn;
  if (tenureMonths < segment.earlyLifeMonths) base *= segment.earlyLifeChurnMultiplier;
  if (base >= 1) return 1;
  return adjustOdds(base, churnLogOddsShift(segment, behaviour, satisfaction, openIssue));
}

/** The log-odds shift of churn for a satisfaction level and an open issue (shared by renewal). */
export function churnLogOddsShift(
  segment: Pick<SegmentSpec, 'baselineSatisfaction'>,
  behaviour: Pick<BehaviourSpec, 'churnSatisfactionSensitivity' | 'openIssueChurnOddsMultiplier'>,
  satisfaction: number,
  openIssue: boolean,
): number {
  let shift =
    -behaviour.churnSatisfactionSensitivity * (satisfaction - segment.baselineSatisfaction);
  if (openIssue) shift += openIssueLogOdds(behaviour.openIssueChurnOddsMultiplier);
  return shift;
}

/** ln of the open-issue odds multiplier, kept finite for a multiplier of 0 (never churn). */
function openIssueLogOdds(multiplier: number): number {
  return multiplier > 0 ? detLog(multiplier) : -745;
}

/**
 * Probability that a customer does not renew at a renewal point (every `renewal.everyMonths` of
 * tenure): the segment's baseNonRenewal moved by the same satisfaction and open-issue shift as
 * monthly churn. Zero for segments without renewal or outside renewal months.
 *
 * @example
 * nonRenewalProbability(insured, behaviour, 7, 12, false); // => insured.renewal.baseNonRenewal
 */
export function nonRenewalProbability(
  segment: Pick<SegmentSpec, 'renewal' | 'baselineSatisfaction'>,
  behaviour: Pick<BehaviourSpec, 'churnSatisfactionSensitivity' | 'openIssueChurnOddsMultiplier'>,
  satisfaction: number,
  tenureMonths: number,
  openIssue: boolean,
): number {
  if (!isRenewalMonth(segment, tenureMonths)) return 0;
  const base = segment.renewal?.baseNonRenewal ?? 0;
  return adjustOdds(base, churnLogOddsShift(segment, behaviour, satisfaction, openIssue));
}

/** A renewal month: tenure is a positive multiple of the contract length. */
export function isRenewalMonth(
  segment: Pick<SegmentSpec, 'renewal'>,
  tenureMonths: number,
): boolean {
  const every = segment.renewal?.everyMonths;
  return every !== undefined && tenureMonths > 0 && tenureMonths % every === 0;
}
