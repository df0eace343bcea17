import {
  requireFinite,
  requireInteger,
  requireNonNegative,
  requireProbability,
} from '../errors.ts';
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
 * unresolved need raises them further. That satisfaction lowers actual churn, not just stated
 * intentions, is shown by Gustafsson, Johnson & Roos (2005), "The effects of customer
 * satisfaction, relationship commitment dimensions, and triggers on customer retention",
 * J. Marketing 69(4): 210–218. The size of the effect per point is the sensitivity, an assumption
 * in DEFAULT_BEHAVIOUR (0.26: odds × 1.30 per point; defaults.ts says why).
 *
 * The engine tabulates it over satisfaction when it compiles a model (sim-core engine/compile.ts),
 * never per customer, so it checks what it uses: the segment's churn, early-life months and
 * multiplier, the tenure, and (in churnLogOddsShift) the satisfaction and the behaviour.
 *
 * @param satisfaction - the customer's satisfaction, points on the 0–10 scale
 * @param tenureMonths - months since the customer was acquired (0 in the month of acquisition),
 *   a whole number ≥ 0
 * @param openIssue - the customer has a need still unresolved
 * @returns the probability of leaving this month, in [0, 1]
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
  requireProbability('segment.baseMonthlyChurn', segment.baseMonthlyChurn);
  requireInteger('segment.earlyLifeMonths', segment.earlyLifeMonths);
  requireNonNegative('segment.earlyLifeChurnMultiplier', segment.earlyLifeChurnMultiplier);
  requireInteger('tenureMonths', tenureMonths);
  let base = segment.baseMonthlyChurn;
  if (tenureMonths < segment.earlyLifeMonths) base *= segment.earlyLifeChurnMultiplier;
  if (base >= 1) return 1;
  return adjustOdds(base, churnLogOddsShift(segment, behaviour, satisfaction, openIssue));
}

/**
 * How far satisfaction and an open issue move the odds of leaving, as a shift in log-odds (the x
 * of adjustOdds): x = −churnSatisfactionSensitivity · (s − baseline) + ln(openIssueChurnOddsMultiplier
 * when a need is open). Shared by monthly churn and non-renewal, so a satisfied customer is as much
 * less likely to leave in a renewal month as in any other. A sensitivity of 0.26 per point is an
 * odds ratio of e^0.26 = 1.30 per point (the default, an assumption; see
 * monthlyChurnProbability). An open-issue multiplier of 0 (never leave while waiting for an answer)
 * gives −745, which adjustOdds turns into a probability of exactly 0.
 *
 * @param segment - baselineSatisfaction, points (0–10): the segment's satisfaction at which the
 *   base rates hold
 * @param behaviour - churnSatisfactionSensitivity (log-odds per point) and
 *   openIssueChurnOddsMultiplier (× on the odds, ≥ 0)
 * @param satisfaction - the customer's satisfaction, points (0–10)
 * @param openIssue - the customer has a need still unresolved
 * @returns the shift in log-odds (negative: less likely to leave)
 * @example
 * churnLogOddsShift({ baselineSatisfaction: 7 }, { churnSatisfactionSensitivity: 0.3, openIssueChurnOddsMultiplier: 1.5 }, 9, false);
 * // => -0.6 (two points above the baseline: odds × e^−0.6 = 0.55)
 * churnLogOddsShift({ baselineSatisfaction: 7 }, { churnSatisfactionSensitivity: 0.3, openIssueChurnOddsMultiplier: 1.5 }, 7, true);
 * // => 0.4054651081081644 (= ln 1.5: an open issue multiplies the odds by 1.5)
 */
export function churnLogOddsShift(
  segment: Pick<SegmentSpec, 'baselineSatisfaction'>,
  behaviour: Pick<BehaviourSpec, 'churnSatisfactionSensitivity' | 'openIssueChurnOddsMultiplier'>,
  satisfaction: number,
  openIssue: boolean,
): number {
  requireFinite('satisfaction', satisfaction);
  requireFinite('segment.baselineSatisfaction', segment.baselineSatisfaction);
  requireFinite('behaviour.churnSatisfactionSensitivity', behaviour.churnSatisfactionSensitivity);
  requireNonNegative(
    'behaviour.openIssueChurnOddsMultiplier',
    behaviour.openIssueChurnOddsMultiplier,
  );
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
  const base = requireProbability(
    'segment.renewal.baseNonRenewal',
    segment.renewal?.baseNonRenewal ?? 0,
  );
  return adjustOdds(base, churnLogOddsShift(segment, behaviour, satisfaction, openIssue));
}

/**
 * Whether a month of tenure is a renewal point: the customer's contract comes up for renewal when
 * tenure is a positive multiple of the contract length `renewal.everyMonths` (12, 24, 36 … for a
 * yearly contract). The month of acquisition (tenure 0) is not one; a segment without `renewal`
 * (a current account, an open-ended subscription) never has one.
 *
 * @param segment - its optional `renewal.everyMonths`, the contract length in months (whole, ≥ 1)
 * @param tenureMonths - months since acquisition, a whole number ≥ 0
 * @returns true in a renewal month
 * @example
 * isRenewalMonth({ renewal: { everyMonths: 12, baseNonRenewal: 0.2 } }, 24); // => true
 * isRenewalMonth({ renewal: { everyMonths: 12, baseNonRenewal: 0.2 } }, 0); // => false
 * isRenewalMonth({}, 12); // => false (no contract to renew)
 */
export function isRenewalMonth(
  segment: Pick<SegmentSpec, 'renewal'>,
  tenureMonths: number,
): boolean {
  requireInteger('tenureMonths', tenureMonths);
  const every = segment.renewal?.everyMonths;
  if (every !== undefined) requireInteger('segment.renewal.everyMonths', every, 1);
  return every !== undefined && tenureMonths > 0 && tenureMonths % every === 0;
}
