import { isRenewalMonth } from '../behaviour/churn.ts';
import { requireInteger, requireNonNegative, requireProbability } from '../errors.ts';
import { requireQualityLevel } from '../experience/qualityEffect.ts';
import type { JourneySpec, QualityLevel, SegmentSpec, TouchpointSpec } from '../spec/modelSpec.ts';

/**
 * Probability that an active customer has this touchpoint's need in a given month.
 *
 *   p = monthlyProbability · segment.contactRateMultiplier · segmentMultipliers[segment] (default 1)
 *
 * capped at 1, and 0 outside the touchpoint's tenure window (onboarding happens in the first
 * months) or, for renewal touchpoints, outside the customer's renewal months.
 *
 * Runs when a model is compiled (once per touchpoint and segment), so it checks what it uses: the
 * probability, the multipliers (≥ 0) and the tenure.
 *
 * @param tenureMonths - months since acquisition (0 in the month acquired), a whole number ≥ 0
 * @example
 * touchpointContactProbability(welcomeCall, 'retail', retail, 1); // => 0.5 in months 0–2, else 0
 */
export function touchpointContactProbability(
  touchpoint: TouchpointSpec,
  segmentId: string,
  segment: Pick<SegmentSpec, 'contactRateMultiplier' | 'renewal'>,
  tenureMonths: number,
): number {
  requireProbability('monthlyProbability', touchpoint.monthlyProbability);
  requireNonNegative('segment.contactRateMultiplier', segment.contactRateMultiplier);
  requireInteger('tenureMonths', tenureMonths);
  if (touchpoint.fromTenureMonth !== undefined && tenureMonths < touchpoint.fromTenureMonth)
    return 0;
  if (touchpoint.toTenureMonth !== undefined && tenureMonths > touchpoint.toTenureMonth) return 0;
  if (touchpoint.renewalMonthsOnly === true && !isRenewalMonth(segment, tenureMonths)) return 0;
  // Own keys only: a segment named "toString" must not read Object.prototype.toString.
  const multipliers = touchpoint.segmentMultipliers;
  const multiplier =
    multipliers !== undefined && Object.hasOwn(multipliers, segmentId)
      ? requireNonNegative(`segmentMultipliers.${segmentId}`, multipliers[segmentId]!)
      : 1;
  const p = touchpoint.monthlyProbability * segment.contactRateMultiplier * multiplier;
  return p > 1 ? 1 : p;
}

/**
 * The experience quality (poor, average, good, excellent) a customer meets at a touchpoint: the
 * touchpoint's own `quality` when the scenario sets one, else its journey's. An analyst can so
 * raise a whole journey to "excellent" with one lever and still single out one weak moment in it
 * (a card-declined call that stays poor). The level then sets the contact's satisfaction change
 * and resolution multiplier (experience/qualityEffect.ts).
 *
 * @param journey - the journey's `quality`, the default for its touchpoints
 * @param touchpoint - the touchpoint, with its optional own `quality`
 * @returns the quality level that applies
 * @example
 * touchpointQuality({ quality: 'average' }, { ...welcomeCall, quality: 'excellent' }); // => 'excellent'
 * touchpointQuality({ quality: 'good' }, welcomeCall); // => 'good' (no level of its own)
 */
export function touchpointQuality(
  journey: Pick<JourneySpec, 'quality'>,
  touchpoint: TouchpointSpec,
): QualityLevel {
  return touchpoint.quality === undefined
    ? requireQualityLevel('journey.quality', journey.quality)
    : requireQualityLevel('touchpoint.quality', touchpoint.quality);
}

/**
 * Probability that a customer with this need tries self-service first: the segment's digital
 * propensity times the share of such needs that suit self-service. Zero when the touchpoint has no
 * self-service channel; one when it has no staffed channel (self-service is the only way).
 *
 * @example
 * selfServiceFirstProbability({ digitalPropensity: 0.6 }, { selfService: { channel: 'app', suitability: 0.5 }, staffed: { callCentre: 1 } }); // => 0.3
 *
 * @param segment - digitalPropensity, the segment's probability of trying self-service first
 * @param touchpoint - its self-service channel and suitability (a probability), and its staffed
 *   channels
 * @returns a probability
 */
export function selfServiceFirstProbability(
  segment: Pick<SegmentSpec, 'digitalPropensity'>,
  touchpoint: Pick<TouchpointSpec, 'selfService' | 'staffed'>,
): number {
  if (touchpoint.selfService === undefined) return 0;
  if (touchpoint.staffed === undefined) return 1;
  requireProbability('segment.digitalPropensity', segment.digitalPropensity);
  requireProbability('selfService.suitability', touchpoint.selfService.suitability);
  return segment.digitalPropensity * touchpoint.selfService.suitability;
}
