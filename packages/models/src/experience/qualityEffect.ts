import { ParameterError, requireNonNegative, requireProbability } from '../errors.ts';
import {
  QUALITY_LEVELS,
  type ExperienceSpec,
  type QualityEffect,
  type QualityLevel,
} from '../spec/modelSpec.ts';

/**
 * Experience quality as a number, for sliders and charts: poor 0, average 1, good 2, excellent 3.
 *
 * @example
 * qualityScore('good'); // => 2
 */
export function qualityScore(level: QualityLevel): number {
  return QUALITY_LEVELS.indexOf(requireQualityLevel('quality', level));
}

/**
 * A quality level: one of poor, average, good, excellent. A typo from an untyped caller (a URL, a
 * hand-edited file read without the validator) is an error naming the place, never a level −1.
 *
 * @example
 * requireQualityLevel('quality', 'great');
 * // throws "quality: expected one of poor, average, good, excellent, got \"great\""
 */
export function requireQualityLevel(parameter: string, level: QualityLevel): QualityLevel {
  if (!QUALITY_LEVELS.includes(level)) {
    throw new ParameterError(parameter, `one of ${QUALITY_LEVELS.join(', ')}`, level);
  }
  return level;
}

/**
 * The quality level of a slider position (rounded to the nearest level, clamped to the scale).
 *
 * @example
 * qualityFromScore(2.6); // => 'excellent'
 */
export function qualityFromScore(score: number): QualityLevel {
  if (!Number.isFinite(score))
    throw new ParameterError('quality', 'a number from 0 (poor) to 3 (excellent)', score);
  const index = Math.min(QUALITY_LEVELS.length - 1, Math.max(0, Math.round(score)));
  return QUALITY_LEVELS[index] ?? 'average';
}

/**
 * What a quality level does: its satisfaction change and resolution multiplier, as the scenario's
 * `experience` table says (DEFAULT_EXPERIENCE holds the calibrated values).
 *
 * @example
 * qualityEffect({ ...DEFAULT_EXPERIENCE, excellent: { satisfactionDelta: 1, resolutionMultiplier: 1.12 } }, 'excellent');
 * // => { satisfactionDelta: 1, resolutionMultiplier: 1.12 }
 */
export function qualityEffect(experience: ExperienceSpec, level: QualityLevel): QualityEffect {
  return experience[requireQualityLevel('quality', level)];
}

/**
 * Probability that a contact resolves the need: the channel's base rate (first-contact resolution
 * or self-service success) times the quality's resolution multiplier, capped at 1.
 *
 * @param baseRate - first-contact resolution or self-service success rate at average quality, a
 *   probability
 * @param quality - the quality effect; its resolutionMultiplier (≥ 0) scales the base rate
 * @example
 * resolutionProbability(0.7, { satisfactionDelta: 1, resolutionMultiplier: 1.12 }); // => 0.784
 */
export function resolutionProbability(baseRate: number, quality: QualityEffect): number {
  requireProbability('baseRate', baseRate);
  requireNonNegative('quality.resolutionMultiplier', quality.resolutionMultiplier);
  const p = baseRate * quality.resolutionMultiplier;
  return p > 1 ? 1 : p < 0 ? 0 : p;
}
