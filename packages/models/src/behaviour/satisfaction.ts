import type { BehaviourSpec, QualityEffect } from '../spec/modelSpec.ts';

/** Satisfaction lives on a 0–10 scale, like the "how likely are you to recommend" question. */
export const SATISFACTION_MIN = 0;
export const SATISFACTION_MAX = 10;

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
  // A caller who hung up never reached the service, so its quality does not apply to them.
  let delta = outcome.abandoned ? behaviour.abandonedDelta : quality.satisfactionDelta;
  delta += outcome.resolved ? behaviour.resolvedDelta : behaviour.unresolvedDelta;
  delta -= waitPenalty(outcome.waitMinutes, outcome.expectedWaitMinutes, behaviour);
  return delta;
}

/** The satisfaction lost to a wait beyond expectation, capped at maxWaitPenalty. */
export function waitPenalty(
  waitMinutes: number,
  expectedWaitMinutes: number,
  behaviour: Pick<BehaviourSpec, 'waitPenaltyPerExpectedWait' | 'maxWaitPenalty'>,
): number {
  if (!(waitMinutes > expectedWaitMinutes) || expectedWaitMinutes <= 0) return 0;
  const excess = waitMinutes / expectedWaitMinutes - 1;
  const penalty = behaviour.waitPenaltyPerExpectedWait * excess;
  return penalty < behaviour.maxWaitPenalty ? penalty : behaviour.maxWaitPenalty;
}

/**
 * Satisfaction fades back toward the segment's baseline between contacts:
 * s' = s + drift · (baseline − s). Half of a shock is gone after ln 2 / −ln(1 − drift) months: 2.4
 * months at 0.25 a month, 4.3 at 0.15; memory of service encounters is short, as
 * reported in the satisfaction-dynamics literature (e.g. Mittal, Kumar & Tsiros 1999,
 * "Attribute-level performance, satisfaction, and behavioral intentions over time", J. Marketing 63(2)).
 *
 * @example
 * driftSatisfaction(5, 7, 0.25); // => 5.5
 */
export function driftSatisfaction(
  satisfaction: number,
  baseline: number,
  driftPerMonth: number,
): number {
  return satisfaction + driftPerMonth * (baseline - satisfaction);
}
