import { ParameterError, requireInteger, requireNonNegative, requirePositive } from '../errors.ts';

// These analytic formulas are references for checks and staffing advice, not part of the
// bit-identical simulation path, so Math.exp is used freely here.

/** Parameters of {@link erlangC}. */
export interface ErlangCParams {
  /** Mean arrival rate of contacts, in contacts per hour (Poisson arrivals). A number ≥ 0. */
  readonly arrivalsPerHour: number;
  /** Mean handle time in minutes (exponentially distributed). A number > 0. */
  readonly ahtMinutes: number;
  /** Agents answering the queue: a whole number ≥ 1. */
  readonly agents: number;
  /** Service-level threshold in seconds (answered within it: served well). ≥ 0; default 20. */
  readonly targetSeconds?: number;
}

/** Performance of an M/M/N queue (Erlang C); every probability is a fraction of all callers. */
export interface ErlangCResult {
  /** Offered load A = λ · AHT, in Erlangs (the mean number of busy agents when stable). */
  readonly offeredLoadErlangs: number;
  /** Agent utilisation A / N (1 when the queue is unstable: agents are always busy). */
  readonly occupancy: number;
  /** Probability that a caller has to wait (finds all agents busy): the Erlang C formula. */
  readonly pWait: number;
  /** Mean wait in queue over all callers (including those answered at once), minutes: the ASA. */
  readonly meanWaitMinutes: number;
  /** Mean wait of the callers who do wait, in minutes: AHT / (N − A). */
  readonly meanWaitOfDelayedMinutes: number;
  /** Fraction of all callers answered within `targetSeconds` (waiting zero counts as answered). */
  readonly serviceLevel: number;
}

/** Parameters of {@link agentsForServiceLevel}. */
export interface AgentsForServiceLevelParams {
  /** Mean arrival rate of contacts, in contacts per hour. A number ≥ 0. */
  readonly arrivalsPerHour: number;
  /** Mean handle time in minutes. A number > 0. */
  readonly ahtMinutes: number;
  /** Service-level threshold in seconds (e.g. 20 in "80 % answered within 20 s"). A number ≥ 0. */
  readonly targetSeconds: number;
  /** Required fraction answered within `targetSeconds` (e.g. 0.8): a number ≥ 0 and < 1. */
  readonly serviceLevelTarget: number;
}

/**
 * Erlang C: the M/M/N queue. Callers arrive as a Poisson stream at λ per hour, wait in one
 * first-come-first-served queue with infinite patience, and are served by N agents with
 * exponential handle times of mean AHT. This is the textbook staffing model of call centres.
 *
 * With offered load A = λ·AHT (Erlangs) and A < N (Gans, Koole & Mandelbaum (2003), "Telephone
 * call centers: tutorial, review and research prospects", M&SOM 5(2), the Erlang C section;
 * Koole, "Call Center Mathematics", the Erlang C chapter):
 * - pWait = C(N, A) = N·B / (N − A·(1 − B)), where B = B(N, A) is Erlang B (so no factorials);
 * - the wait of a delayed caller is exponential with rate (N − A)/AHT, so
 *   meanWaitOfDelayed = AHT/(N − A), meanWait = C·AHT/(N − A) and
 *   serviceLevel = P(wait ≤ T) = 1 − C·exp(−(N − A)·T/AHT).
 *
 * When A ≥ N the queue is unstable: the queue grows without bound, so this returns pWait = 1,
 * both mean waits = Infinity, serviceLevel = 0 and occupancy = 1 (never NaN). Use
 * {@link erlangA} when callers abandon: it is stable at any load.
 *
 * @example
 * erlangC({ arrivalsPerHour: 720, ahtMinutes: 4, agents: 55, targetSeconds: 15 });
 * // => { offeredLoadErlangs: 48, occupancy: 0.8727..., pWait: 0.2387...,
 * //      meanWaitMinutes: 0.1364..., meanWaitOfDelayedMinutes: 0.5714...,
 * //      serviceLevel: 0.8459... }
 */
export function erlangC(params: ErlangCParams): ErlangCResult {
  const arrivalsPerHour = requireNonNegative('arrivalsPerHour', params.arrivalsPerHour);
  const ahtMinutes = requirePositive('ahtMinutes', params.ahtMinutes);
  const agents = requireInteger('agents', params.agents, 1);
  const targetSeconds = requireNonNegative('targetSeconds', params.targetSeconds ?? 20);

  const load = (arrivalsPerHour / 60) * ahtMinutes;
  let blocking = 1;
  for (let n = 1; n <= agents; n++) blocking = nextErlangB(blocking, load, n);
  return delayMeasures(agents, load, blocking, ahtMinutes, targetSeconds);
}

/**
 * The fewest agents whose Erlang C service level reaches a target: the smallest N > A (a stable
 * queue, and at least 1 agent) with P(wait ≤ targetSeconds) ≥ serviceLevelTarget.
 * The service level rises with N, so the search walks N upward from 1, updating Erlang B by its
 * recursion, in about N steps overall.
 *
 * @example
 * agentsForServiceLevel({
 *   arrivalsPerHour: 720,
 *   ahtMinutes: 4,
 *   targetSeconds: 15,
 *   serviceLevelTarget: 0.8,
 * });
 * // => 55 (54 agents answer 0.7929... within 15 s, 55 agents 0.8459...)
 */
export function agentsForServiceLevel(params: AgentsForServiceLevelParams): number {
  const arrivalsPerHour = requireNonNegative('arrivalsPerHour', params.arrivalsPerHour);
  const ahtMinutes = requirePositive('ahtMinutes', params.ahtMinutes);
  const targetSeconds = requireNonNegative('targetSeconds', params.targetSeconds);
  const target = params.serviceLevelTarget;
  // A target of 1 is only met once the wait probability underflows: refuse it rather than spin.
  if (!Number.isFinite(target) || target < 0 || target >= 1) {
    throw new ParameterError('serviceLevelTarget', 'a number ≥ 0 and < 1', target);
  }

  const load = (arrivalsPerHour / 60) * ahtMinutes;
  let blocking = 1;
  for (let n = 1; ; n++) {
    blocking = nextErlangB(blocking, load, n);
    if (n <= load) continue;
    const { serviceLevel } = delayMeasures(n, load, blocking, ahtMinutes, targetSeconds);
    if (serviceLevel >= target) return n;
  }
}

/** One step of the Erlang B recursion, B(n) from B(n − 1); the same arithmetic as erlangB. */
function nextErlangB(previous: number, load: number, n: number): number {
  const carried = load * previous;
  return carried / (n + carried);
}

/** Erlang C measures from N, A and B(N, A); shared so the staffing search and erlangC agree. */
function delayMeasures(
  agents: number,
  load: number,
  blocking: number,
  ahtMinutes: number,
  targetSeconds: number,
): ErlangCResult {
  if (load >= agents) {
    return {
      offeredLoadErlangs: load,
      occupancy: 1,
      pWait: 1,
      meanWaitMinutes: Infinity,
      meanWaitOfDelayedMinutes: Infinity,
      serviceLevel: 0,
    };
  }
  const spare = agents - load;
  // N − A(1 − B) written as (N − A) + A·B: both terms positive, no cancellation near A → N.
  const pWait = (agents * blocking) / (spare + load * blocking);
  const meanWaitOfDelayedMinutes = ahtMinutes / spare;
  return {
    offeredLoadErlangs: load,
    occupancy: load / agents,
    pWait,
    meanWaitMinutes: pWait * meanWaitOfDelayedMinutes,
    meanWaitOfDelayedMinutes,
    serviceLevel: 1 - pWait * Math.exp((-spare * targetSeconds) / 60 / ahtMinutes),
  };
}
