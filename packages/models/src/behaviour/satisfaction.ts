import {
  ParameterError,
  requireFinite,
  requireNonNegative,
  requirePositive,
  requireProbability,
} from '../errors.ts';
import type { BehaviourSpec, QualityEffect } from '../spec/modelSpec.ts';

/** Satisfaction lives on a 0–10 scale, like the "how likely are you to recommend" question. */
export const SATISFACTION_MIN = 0;
export const SATISFACTION_MAX = 10;

/**
 * Keeps a satisfaction level on its 0–10 scale: below 0 becomes 0, above 10 becomes 10, anything
 * between is returned as it is. A customer at 9.8 who has a great contact (+0.5) is at 10, not
 * 10.3: the scale is that of the "how likely are you to recommend" question (Reichheld 2003), which
 * has no answer above 10, and a level beyond it would later take longer to fade than any answer.
 *
 * Hot path: the engine calls it for every contact of every simulated customer, so it does no
 * checks and trusts a validated model (a NaN in gives NaN out).
 *
 * @param value - a satisfaction level in points, possibly off the scale after a change
 * @returns the level within [SATISFACTION_MIN, SATISFACTION_MAX] = [0, 10], in points
 * @example
 * clampSatisfaction(10.3); // => 10
 * clampSatisfaction(-0.4); // => 0
 * clampSatisfaction(7.2); // => 7.2
 */
export function clampSatisfaction(value: number): number {
  return value < SATISFACTION_MIN
    ? SATISFACTION_MIN
    : value > SATISFACTION_MAX
      ? SATISFACTION_MAX
      : value;
}

/** What happened at one service contact, as the satisfaction model sees it. */
export interface ContactOutcome {
  /** The need was resolved by this contact. */
  resolved: boolean;
  /** The customer hung up while waiting in a staffed queue. */
  abandoned: boolean;
  /** Minutes waited in the queue (0 for self-service). */
  waitMinutes: number;
  /** The wait the customer accepts without losing satisfaction (the channel's expectedWaitMinutes). */
  expectedWaitMinutes: number;
}

/**
 * The satisfaction change of one contact: quality, resolution, abandonment and wait.
 *
 *   Δ = (abandoned ? abandonedDelta : quality.satisfactionDelta)
 *     + (resolved ? resolvedDelta : unresolvedDelta)
 *     − min(maxWaitPenalty, waitPenaltyPerExpectedWait · max(0, wait / expectedWait − 1))
 *
 * A caller who hangs up never reaches the service, so the quality of the service does not touch
 * them; the abandonment itself does.
 *
 * The wait term follows expectation–disconfirmation theory (Oliver 1980, "A cognitive model of the
 * antecedents and consequences of satisfaction decisions", J. Marketing Research 17(4)): a wait
 * hurts only beyond what the customer expected, and more the further beyond. Abandoned callers
 * waited their whole patience, so they carry both the wait and the abandonment terms.
 *
 * It checks the outcome's waits and the deltas it uses (a few comparisons; the engine inlines the
 * same arithmetic with its compiled constants rather than calling this per contact). Units: waits
 * in minutes, deltas in satisfaction points on the 0–10 scale.
 *
 * @example
 * contactSatisfactionDelta(
 *   { resolved: true, abandoned: false, waitMinutes: 4, expectedWaitMinutes: 2 },
 *   { satisfactionDelta: 0, resolutionMultiplier: 1 },
 *   behaviour, // resolvedDelta 0.3, waitPenaltyPerExpectedWait 0.6, maxWaitPenalty 2
 * ); // => 0.3 − 0.6·(4/2 − 1) = −0.3
 */
export function contactSatisfactionDelta(
  outcome: ContactOutcome,
  quality: QualityEffect,
  behaviour: BehaviourSpec,
): number {
  requireFinite('quality.satisfactionDelta', quality.satisfactionDelta);
  requireFinite('behaviour.abandonedDelta', behaviour.abandonedDelta);
  requireFinite('behaviour.resolvedDelta', behaviour.resolvedDelta);
  requireFinite('behaviour.unresolvedDelta', behaviour.unresolvedDelta);
  // A caller who hung up never reached the service, so its quality does not apply to them.
  let delta = outcome.abandoned ? behaviour.abandonedDelta : quality.satisfactionDelta;
  delta += outcome.resolved ? behaviour.resolvedDelta : behaviour.unresolvedDelta;
  delta -= waitPenalty(outcome.waitMinutes, outcome.expectedWaitMinutes, behaviour);
  return delta;
}

/**
 * The satisfaction a wait costs: nothing up to what the customer expected, then
 * waitPenaltyPerExpectedWait points per multiple of the expected wait beyond it, at most
 * maxWaitPenalty:
 *
 *   penalty = min(maxWaitPenalty, waitPenaltyPerExpectedWait · max(0, wait / expectedWait − 1))
 *
 * Expectation–disconfirmation (Oliver 1980, J. Marketing Research 17(4)): satisfaction follows
 * the gap between what was expected and what happened, not the wait itself, so a 3-minute wait
 * costs nothing where 5 was expected and costs points where 1 was. Measuring the excess in
 * multiples of the expectation makes the parameter independent of the channel's time scale (a
 * branch queue and a chat queue can share it). The cap stops one very long wait from outweighing
 * everything else that happened to the customer. Returns a loss (≥ 0), to be subtracted.
 *
 * @param waitMinutes - minutes the customer waited, ≥ 0 (Infinity: waited without end)
 * @param expectedWaitMinutes - the wait accepted without loss (the channel's
 *   expectedWaitMinutes), > 0
 * @param behaviour - waitPenaltyPerExpectedWait (points per multiple, ≥ 0) and maxWaitPenalty
 *   (points, ≥ 0)
 * @returns satisfaction points lost, from 0 to maxWaitPenalty
 * @example
 * waitPenalty(3, 1, { waitPenaltyPerExpectedWait: 0.4, maxWaitPenalty: 2 }); // => 0.8 (2 × 0.4)
 * waitPenalty(0.5, 1, { waitPenaltyPerExpectedWait: 0.4, maxWaitPenalty: 2 }); // => 0
 * waitPenalty(30, 1, { waitPenaltyPerExpectedWait: 0.4, maxWaitPenalty: 2 }); // => 2 (capped)
 */
export function waitPenalty(
  waitMinutes: number,
  expectedWaitMinutes: number,
  behaviour: Pick<BehaviourSpec, 'waitPenaltyPerExpectedWait' | 'maxWaitPenalty'>,
): number {
  // An endless wait (nobody on duty, nobody hangs up) is a wait: it costs the cap.
  if (!(waitMinutes >= 0)) {
    throw new ParameterError('waitMinutes', 'a number ≥ 0 (Infinity allowed)', waitMinutes);
  }
  requirePositive('expectedWaitMinutes', expectedWaitMinutes);
  requireNonNegative('behaviour.waitPenaltyPerExpectedWait', behaviour.waitPenaltyPerExpectedWait);
  requireNonNegative('behaviour.maxWaitPenalty', behaviour.maxWaitPenalty);
  if (!(waitMinutes > expectedWaitMinutes)) return 0;
  const excess = waitMinutes / expectedWaitMinutes - 1;
  const penalty = behaviour.waitPenaltyPerExpectedWait * excess;
  return penalty < behaviour.maxWaitPenalty ? penalty : behaviour.maxWaitPenalty;
}

/**
 * Satisfaction fades back toward the segment's baseline between contacts:
 * s' = s + drift · (baseline − s). Half of a shock is gone after ln 2 / −ln(1 − drift) months: 2.4
 * months at 0.25 a month, 4.3 at 0.15. The rate is an assumption (DEFAULT_BEHAVIOUR); that
 * satisfaction and what drives it move over time rather than staying where one encounter left it
 * is the subject of Mittal, Kumar & Tsiros (1999, "Attribute-level performance, satisfaction, and
 * behavioral intentions over time", J. Marketing 63(2)).
 *
 * @param satisfaction - the customer's satisfaction now, points (0–10)
 * @param baseline - where it fades to (the customer's own baseline), points (0–10)
 * @param driftPerMonth - share of the gap closed in a month, in [0, 1]
 * @example
 * driftSatisfaction(5, 7, 0.25); // => 5.5
 */
export function driftSatisfaction(
  satisfaction: number,
  baseline: number,
  driftPerMonth: number,
): number {
  requireFinite('satisfaction', satisfaction);
  requireFinite('baseline', baseline);
  requireProbability('driftPerMonth', driftPerMonth);
  return satisfaction + driftPerMonth * (baseline - satisfaction);
}
