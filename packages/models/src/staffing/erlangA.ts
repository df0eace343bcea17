import { requireInteger, requireNonNegative, requirePositive } from '../errors.ts';
import { erlangB } from './erlangB.ts';

// These analytic formulas are references for checks and staffing advice, not part of the
// bit-identical simulation path, so Math.exp, Math.log, Math.log1p and Math.expm1 are used freely.

/** Parameters of {@link erlangA}. */
export interface ErlangAParams {
  /** Mean arrival rate of contacts, in contacts per hour (Poisson arrivals). A number ≥ 0. */
  readonly arrivalsPerHour: number;
  /** Mean handle time in minutes (exponentially distributed). A number > 0. */
  readonly ahtMinutes: number;
  /** Agents answering the queue: a whole number ≥ 0 (with 0, every caller abandons). */
  readonly agents: number;
  /**
   * Mean patience in minutes: each caller hangs up after an exponentially distributed time with
   * this mean unless answered first. A number > 0 (a very large value approaches Erlang C).
   */
  readonly patienceMinutes: number;
  /** Service-level threshold in seconds. A number ≥ 0; default 20. */
  readonly targetSeconds?: number;
}

/** Performance of an M/M/N+M queue (Erlang A); probabilities are fractions of all arrivals. */
export interface ErlangAResult {
  /** Offered load A = λ · AHT, in Erlangs. */
  readonly offeredLoadErlangs: number;
  /** Agent utilisation: carried load over agents, λ·(1 − pAbandon)·AHT / N (0 when N = 0). */
  readonly occupancy: number;
  /** Probability that an arrival finds all agents busy and has to wait. */
  readonly pWait: number;
  /** Fraction of all arrivals who hang up before being answered. */
  readonly pAbandon: number;
  /** Fraction of the callers who wait that hang up before being answered: pAbandon / pWait. */
  readonly pAbandonGivenWait: number;
  /** Mean number of callers waiting in the queue (Little: = λ · meanWaitMinutes). */
  readonly meanQueueLength: number;
  /** Mean time in queue over all arrivals (answered at once, later, or abandoning), in minutes. */
  readonly meanWaitMinutes: number;
  /**
   * Mean wait of the callers who are answered (including those answered at once), in minutes.
   * With 0 agents nobody is answered and this is reported as 0.
   */
  readonly meanWaitServedMinutes: number;
  /** Mean time a caller who abandons waited before hanging up, in minutes. */
  readonly meanWaitAbandonedMinutes: number;
  /**
   * Fraction of ALL arrivals answered within `targetSeconds`: P(wait ≤ T and answered). Callers
   * who abandon, even quickly, count as not answered in time.
   */
  readonly serviceLevel: number;
}

/** Rescale a running product before it can overflow; sums count their rescalings. */
const RESCALE_ABOVE = 1e250;
const LOG_RESCALE = Math.log(RESCALE_ABOVE);
/** Stop summing when the bound on the rest falls below this fraction of the running sum. */
const TAIL_TOLERANCE = 1e-17;

/**
 * Erlang A ("Palm/Erlang-A"): the M/M/N+M queue. Callers arrive as a Poisson stream at λ per hour,
 * wait in one first-come-first-served queue for N agents with exponential handle times (mean
 * AHT, rate μ = 1/AHT), and each waiting caller hangs up after an exponential patience with mean
 * `patienceMinutes` (rate θ) unless answered first. Abandonment bounds the queue, so the model
 * is stable at any load — also above capacity (A ≥ N) and with no agents at all.
 *
 * Sources: Garnett, Mandelbaum & Reiman (2002), "Designing a call center with impatient
 * customers", M&SOM 4(3), 208–227 (its exact analysis of M/M/N+M); Mandelbaum & Zeltyn, "The
 * M/M/n+G queue: summary of performance measures" (Technion, 2004/2009), exponential patience;
 * Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call centers" (2005).
 *
 * Method: an exact, direct summation of the birth–death chain. The number in system moves up at
 * rate λ and down at rate nμ in states n ≤ N and Nμ + kθ in state N + k (k waiting). With
 * a = Nμ/θ and x = λ/θ, the queue states relative to state N are
 *   π(N + k) / π(N) = t_k = Π_{i=1..k} x / (a + i),
 * and the states below N contribute Σ_{n ≤ N} π(n)/π(N) = 1 / B(N, A) (Erlang B), so
 *   pWait = Σ t_k / (1/B − 1 + Σ t_k).
 * A caller who finds k others waiting is answered only if its patience outlasts its "offered
 * wait" V_k = Σ_{j=0..k} Exp(Nμ + jθ) (those ahead leave by service or by abandoning), so
 *   P(answered | k) = E[e^{−θ V_k}] = a / (a + k + 1),
 *   E[V_k e^{−θ V_k}] = P(answered | k) · (1/θ) Σ_{j=1..k+1} 1/(a + j),
 *   E[τ; τ < V_k] = (1/θ) (1/(a + k + 1)) Σ_{j=1..k+1} j/(a + j),
 * which give pAbandon, and the mean waits of served and abandoning callers; meanWait =
 * pAbandon/θ (Little's law with abandonment rate θ·E[queue]). The service level integrates the
 * offered-wait density f_V(v) ∝ exp(−Nμv + x(1 − e^{−θv})) (Mandelbaum & Zeltyn; Baccelli &
 * Hébuterne 1981) against the probability e^{−θv} of still being there:
 *   P(answered, 0 < V ≤ T) = P(answered, V > 0) · (1 − R), with y = e^{−θT} and
 *   R = y^{a+1} e^{x(1 − y)} · Σ_k (xy)^k/((a+1)…(a+k+1)) / Σ_k x^k/((a+1)…(a+k+1)),
 * the ratio P(a+1, xy) / P(a+1, x) of two regularised lower incomplete gamma functions, each
 * summed as its series. In the limit θ → 0 these reduce to the Erlang C formulas.
 *
 * Stability: every product is accumulated as a running ratio and rescaled (its logarithm kept
 * aside) before it could overflow; no factorial, no Infinity/Infinity. Terms are summed until a
 * geometric bound on the rest falls below 1e-17 of the sum. Cost: O(N) for Erlang B plus about
 * the length of the queue's likely range: max(0, (λ − Nμ)/θ) + a few √(λ/θ) terms when
 * overloaded, or ~40/(1 − ρ) when not — cheap for call-centre inputs, slow only for absurd ones
 * (e.g. a queue of 10⁸ callers).
 *
 * @example
 * erlangA({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, patienceMinutes: 3 });
 * // => { offeredLoadErlangs: 10, occupancy: 0.8166..., pWait: 0.3590..., pAbandon: 0.1016...,
 * //      pAbandonGivenWait: 0.2830..., meanQueueLength: 0.5081..., meanWaitMinutes: 0.3049...,
 * //      meanWaitServedMinutes: 0.2543..., meanWaitAbandonedMinutes: 0.7515...,
 * //      serviceLevel: 0.7106... }
 */
export function erlangA(params: ErlangAParams): ErlangAResult {
  const arrivalsPerHour = requireNonNegative('arrivalsPerHour', params.arrivalsPerHour);
  const ahtMinutes = requirePositive('ahtMinutes', params.ahtMinutes);
  const agents = requireInteger('agents', params.agents);
  const patienceMinutes = requirePositive('patienceMinutes', params.patienceMinutes);
  const targetSeconds = requireNonNegative('targetSeconds', params.targetSeconds ?? 20);

  const arrivalsPerMinute = arrivalsPerHour / 60;
  const load = arrivalsPerMinute * ahtMinutes;
  const targetMinutes = targetSeconds / 60;
  // Dimensionless chain parameters: a = Nμ/θ (service capacity in patience units), x = λ/θ.
  const a = (agents * patienceMinutes) / ahtMinutes;
  const x = arrivalsPerMinute * patienceMinutes;
  const blocking = erlangB({ agents, offeredLoadErlangs: load });

  const queue = sumQueueStates(a, x);

  // pWait = 1 / (1 + q) with q = (1/B − 1) / Σt_k, taken through logs since Σt_k may be scaled.
  const logQ =
    Math.log1p(-blocking) -
    Math.log(blocking) -
    Math.log(queue.total) -
    queue.rescales * LOG_RESCALE;
  const q = Math.exp(logQ);
  const pWait = 1 / (1 + q);
  const pNoWait = q === Infinity ? 1 : q / (1 + q);

  // Here and in the result, min() only trims rounding (1 + 1e-16) off values ≤ 1 exactly.
  const pAbandonGivenWait = Math.min(1, queue.abandon / queue.total);
  const pAbandon = pWait * pAbandonGivenWait;
  const pServedAfterWait = (pWait * a * queue.served) / queue.total;
  const pServed = pNoWait + pServedAfterWait;
  const servedWaitSum = (pWait * a * patienceMinutes * queue.servedWait) / queue.total;

  // R = P(answered, V > T) / P(answered, V > 0): the share of the callers answered after a
  // wait who waited longer than the target. 1 − R is taken as −expm1(log R); its absolute error
  // is ~1e-16 times the size of the terms of log R, so a service level is good to ~1e-13.
  let withinTarget = 0;
  if (a > 0) {
    const shrink = Math.exp(-targetMinutes / patienceMinutes);
    const tail = sumSeries(a, x * shrink);
    const logRatio =
      -(agents / ahtMinutes + 1 / patienceMinutes) * targetMinutes -
      x * Math.expm1(-targetMinutes / patienceMinutes) +
      (Math.log(tail.sum) - Math.log(queue.served)) +
      (tail.rescales - queue.rescales) * LOG_RESCALE;
    withinTarget = logRatio >= 0 ? 0 : -Math.expm1(logRatio);
  }

  return {
    offeredLoadErlangs: load,
    // Carried load over agents.
    occupancy: agents > 0 ? Math.min(1, (load * (1 - pAbandon)) / agents) : 0,
    pWait,
    pAbandon,
    pAbandonGivenWait,
    meanQueueLength: (pWait * queue.length) / queue.total,
    meanWaitMinutes: pAbandon * patienceMinutes,
    meanWaitServedMinutes: pServed > 0 ? servedWaitSum / pServed : 0,
    meanWaitAbandonedMinutes: (patienceMinutes * queue.abandonWait) / queue.abandon,
    serviceLevel: Math.min(1, pNoWait + pServedAfterWait * withinTarget),
  };
}

/** Sums over the queue states N + k, relative to π(N), all scaled by RESCALE_ABOVE^−rescales. */
interface QueueSums {
  /** Σ t_k: P(wait) / π(N). */
  total: number;
  /** Σ t_k (k + 1)/(a + k + 1): abandoning callers. */
  abandon: number;
  /** Σ t_k / (a + k + 1): callers answered after a wait, divided by a. */
  served: number;
  /** Σ t_k G_k / (a + k + 1), G_k = Σ_{j=1..k+1} 1/(a + j): their waits, × θ/a. */
  servedWait: number;
  /** Σ t_k J_k / (a + k + 1), J_k = Σ_{j=1..k+1} j/(a + j): waits of abandoning callers, × θ. */
  abandonWait: number;
  /** Σ k t_k: callers waiting. */
  length: number;
  rescales: number;
}

/**
 * Walks the queue states k = 0, 1, 2, … with t_0 = 1, t_{k+1} = t_k · x/(a + k + 1). The terms
 * rise while x > a + k + 1 and then fall faster than geometrically, so once the ratio r is
 * below 1 the rest of every sum (weights at most k + 1) is bounded by
 * t_k · (r(k + 1)/(1 − r) + r/(1 − r)²).
 */
function sumQueueStates(a: number, x: number): QueueSums {
  let term = 1;
  let total = 0;
  let abandon = 0;
  let served = 0;
  let servedWait = 0;
  let abandonWait = 0;
  let length = 0;
  let rescales = 0;
  let harmonic = 0; // G_k
  let weighted = 0; // J_k
  for (let k = 0; ; k++) {
    const c = a + k + 1;
    harmonic += 1 / c;
    weighted += (k + 1) / c;
    total += term;
    abandon += term * ((k + 1) / c); // weight exactly 1 when a = 0: everyone abandons
    served += term / c;
    servedWait += (term * harmonic) / c;
    abandonWait += (term * weighted) / c;
    length += k * term;

    const ratio = x / c;
    if (ratio < 1) {
      const rest = 1 - ratio;
      const tailBound = term * ((ratio * (k + 1)) / rest + ratio / (rest * rest));
      if (tailBound <= TAIL_TOLERANCE * total) break;
    }
    term *= ratio;
    if (term > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      total /= RESCALE_ABOVE;
      abandon /= RESCALE_ABOVE;
      served /= RESCALE_ABOVE;
      servedWait /= RESCALE_ABOVE;
      abandonWait /= RESCALE_ABOVE;
      length /= RESCALE_ABOVE;
      rescales++;
    }
  }
  return { total, abandon, served, servedWait, abandonWait, length, rescales };
}

/**
 * Σ_{k≥0} z^k / ((a+1)(a+2)…(a+k+1)) = e^z z^{−(a+1)} γ(a+1, z): the series of the lower
 * incomplete gamma function, as sum · RESCALE_ABOVE^rescales.
 */
function sumSeries(a: number, z: number): { sum: number; rescales: number } {
  let term = 1; // z^k / ((a+1)…(a+k))
  let sum = 0;
  let rescales = 0;
  for (let k = 0; ; k++) {
    const c = a + k + 1;
    sum += term / c;
    const ratio = z / c;
    if (ratio < 1) {
      const tailBound = (term * ratio) / (1 - ratio);
      if (tailBound <= TAIL_TOLERANCE * sum * c) break;
    }
    term *= ratio;
    if (term > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      sum /= RESCALE_ABOVE;
      rescales++;
    }
  }
  return { sum, rescales };
}
