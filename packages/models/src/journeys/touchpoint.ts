import { isRenewalMonth } from '../behaviour/churn.ts';
import type { JourneySpec, QualityLevel, SegmentSpec, TouchpointSpec } from '../spec/modelSpec.ts';

/**
 * Probability that an active customer has this touchpoint's need in a given month.
 *
 *   p = monthlyProbability · segment.contactRateMultiplier · segmentMultipliers[segment] (default 1)
 *
 * capped at 1, and 0 outside the touchpoint's tenure window (onboarding happens in the first
 * months) or, for renewal touchpoints, outside the customer's renewal months.
 *
 * @param tenureMonths - months since acquisition (0 in the month acquired)
 * @example
 * touchpointContactProbability(welcomeCall, 'retail', retail, 1); // => 0.5 in months 0–2, else 0
 */
export function touchpointContactProbability(
  touchpoint: TouchpointSpec,
  segmentId: string,
  segment: Pick<SegmentSpec, 'contactRateMultiplier' | 'renewal'>,
  tenureMonths: number,
): number {
  if (touchpoint.fromTenureMonth !== undefined && tenureMonths < touchpoint.fromTenureMonth)
    return 0;
  if (touchpoint.toTenureMonth !== undefined && tenureMonths > touchpoint.toTenureMonth) return 0;
  if (touchpoint.renewalMonthsOnly === true && !isRenewalMonth(segment, tenureMonths)) return 0;
  // Own keys only: a segment named "toString" must not read Object.prototype.toString.
  const multipliers = touchpoint.segmentMultipliers;
  const multiplier =
    multipliers !== undefined && Object.hasOwn(multipliers, segmentId)
      ? multipliers[segmentId]!
      : 1;
  const p = touchpoint.monthlyProbability * segment.contactRateMultiplier * multiplier;
  return p > 1 ? 1 : p;
}

/** A touchpoint's quality: its own when set, else its journey's. */
export function touchpointQuality(
  journey: Pick<JourneySpec, 'quality'>,
  touchpoint: TouchpointSpec,
): QualityLevel {
  return touchpoint.quality ?? journey.quality;
}

/**
 * Probability that a customer with this need tries self-service first: the segment's digital
 * propensity times the share of such needs that suit self-service. Zero when the touchpoint has no
 * self-service channel; one when it has no staffed channel (self-service is the only way).
 *
 * @example
 * selfServiceFirstProbability({ digitalPropensity: 0.6 }, { selfService: { channel: 'app', suitability: 0.5 }, staffed: { callCentre: 1 } }); // => 0.3
 */
export function selfServiceFirstProbability(
  segment: Pick<SegmentSpec, 'digitalPropensity'>,
  touchpoint: Pick<TouchpointSpec, 'selfService' | 'staffed'>,
): number {
  if (touchpoint.selfService === undefined) return 0;
  if (touchpoint.staffed === undefined) return 1;
  return segment.digitalPropensity * touchpoint.selfService.suitability;
}
