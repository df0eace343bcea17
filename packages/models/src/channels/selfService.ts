import { requireProbability } from '../errors.ts';
import { resolutionProbability } from '../experience/qualityEffect.ts';
import type { QualityEffect, SelfServiceChannelSpec } from '../spec/modelSpec.ts';

export interface SelfServiceOutcomes {
  /** The attempt resolves the need. */
  resolved: number;
  /** It fails and the customer moves on to a staffed channel ("digital drives calls"). */
  fallback: number;
  /** It fails and the customer gives up; the need stays open. */
  giveUp: number;
}

/**
 * The three ways a self-service attempt ends. Success is the channel's success rate times the
 * quality's resolution multiplier (capped at 1); a failed attempt falls back to a staffed channel
 * with the channel's fallbackRate. Gartner (2019) found only 9 % of customers fully resolve an issue
 * in self-service, which is why fallback traffic often dominates call volumes.
 *
 * Checks the two rates (probabilities) and, through resolutionProbability, the multiplier; the
 * engine calls it once per touchpoint when it compiles a model.
 *
 * @param channel - successRate (probability an attempt resolves the need at average quality) and
 *   fallbackRate (share of failed attempts that move on to a staffed channel)
 * @param quality - the touchpoint's quality effect; its resolutionMultiplier (≥ 0) scales success
 * @returns the three shares of attempts, each in [0, 1], summing to 1
 * @example
 * selfServiceOutcomes({ successRate: 0.6, fallbackRate: 0.75 }, { satisfactionDelta: 0, resolutionMultiplier: 1 });
 * // => { resolved: 0.6, fallback: 0.3, giveUp: 0.1 } (to rounding: 0.30000000000000004 and
 * //    0.09999999999999998; the three always sum to 1)
 */
export function selfServiceOutcomes(
  channel: Pick<SelfServiceChannelSpec, 'successRate' | 'fallbackRate'>,
  quality: QualityEffect,
): SelfServiceOutcomes {
  requireProbability('successRate', channel.successRate);
  requireProbability('fallbackRate', channel.fallbackRate);
  const resolved = resolutionProbability(channel.successRate, quality);
  const fallback = (1 - resolved) * channel.fallbackRate;
  return { resolved, fallback, giveUp: 1 - resolved - fallback };
}
