/**
 * What a run will ask of the engine, estimated before it starts, so that a scenario the engine
 * would stop on (sim-core's ENGINE_LIMITS) is refused at validation, with its path, instead of
 * minutes into a run:
 *
 * - **The simulated population.** The engine keeps every customer it ever simulated (churned ones
 *   included) in typed-array columns: the agents at month 0, then the month's acquisitions (each
 *   source's customers ÷ customers per agent) and referrals. The estimate follows the expected
 *   path at baseline satisfaction: every segment churns at its base monthly churn and refers at
 *   its base referral rate (early-life and renewal churn left out, so it errs high).
 * - **Each staffed channel's queue.** The queue simulates population-scale calls for its
 *   representative days. The estimate is month 1's expected load, computed as the engine draws
 *   it: the month-0 book with tenures spread evenly over 1 … 2 × initialTenureMonths + 1 (so
 *   tenure windows and renewal months apply as in the run), plus month 1's acquisitions at tenure
 *   0, each need reaching a staffed channel when self-service is not tried or falls back; and the
 *   presales calls of every month.
 *
 * Both are expectations, not bounds: satisfaction that climbs brings more referrals, and a growing
 * book brings more calls in later months, so a run can still pass a limit as it goes; the engine
 * then stops it with the same words. What validation catches is a file that asks for too much
 * from the start (a population of a billion customers, a budget that buys millions a month).
 */
import {
  monthlyAcquisition,
  qualityEffect,
  selfServiceFirstProbability,
  selfServiceOutcomes,
  touchpointQuality,
  type ModelSpec,
} from '@journeycast/models';
import {
  ENGINE_LIMITS,
  maxReplicationsFor,
  resultBytesPerReplication,
  simulatedQueueDays,
} from '@journeycast/sim-core';
import type { RunSettings } from '../schema/scenarioSchema.ts';

/** A load problem: `path` is `run.agents` or a path in the model (`channels.callCentre`). */
export interface LoadProblem {
  path: string;
  message: string;
}

/** 12345678.9 → "12,345,679"; above 1e15, "1.23e+18". */
function count(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return n.toPrecision(3);
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An own share (segment mixes are maps; "toString" must not read Object.prototype's). */
function share(map: Readonly<Record<string, number>> | undefined, id: string): number {
  return map !== undefined && Object.hasOwn(map, id) ? map[id]! : 0;
}

/** Customers each simulated one stands for (as plan.ts's customersPerAgent). */
function scaleOf(model: ModelSpec, run: RunSettings): number {
  const represented = run.representedCustomers ?? model.population.initialCustomers;
  return represented > 0 ? represented / run.agents : 1;
}

/** Integers k in [lo, hi] with k % every === 0 (lo ≥ 1). */
function multiplesIn(lo: number, hi: number, every: number): number {
  if (hi < lo) return 0;
  return Math.floor(hi / every) - Math.floor((lo - 1) / every);
}

export interface PopulationEstimate {
  /** Customers simulated in all by the horizon (the engine's peak column length). */
  total: number;
  initial: number;
  acquired: number;
  referred: number;
}

/** The expected number of customers a run simulates in all (see the file's comment). */
export function estimatePopulation(model: ModelSpec, run: RunSettings): PopulationEstimate {
  const scale = scaleOf(model, run);
  const segmentIds = Object.keys(model.segments);
  const initial = model.population.initialCustomers > 0 ? run.agents : 0;
  const active = segmentIds.map((id) => initial * share(model.population.segmentMix, id));
  const sources = Object.values(model.sources);
  let acquired = 0;
  let referred = 0;
  let pendingReferrals = 0;
  for (let month = 1; month <= model.horizonMonths; month++) {
    for (const source of sources) {
      const arriving = monthlyAcquisition(source, month).customers / scale;
      acquired += arriving;
      segmentIds.forEach((id, s) => (active[s]! += arriving * share(source.segmentMix, id)));
    }
    referred += pendingReferrals;
    segmentIds.forEach(
      (id, s) => (active[s]! += pendingReferrals * share(model.referrals.segmentMix, id)),
    );
    pendingReferrals = 0;
    segmentIds.forEach((id, s) => {
      const segment = model.segments[id]!;
      active[s]! *= 1 - segment.baseMonthlyChurn;
      pendingReferrals += active[s]! * segment.referralMonthly;
    });
  }
  return { total: initial + acquired + referred, initial, acquired, referred };
}

/** Expected population-scale calls each staffed channel gets in month 1, by channel id. */
export function estimateFirstMonthCalls(model: ModelSpec, run: RunSettings): Map<string, number> {
  const scale = scaleOf(model, run);
  const calls = new Map<string, number>();
  for (const [id, channel] of Object.entries(model.channels)) {
    if (channel.kind === 'staffed') calls.set(id, 0);
  }
  const segmentIds = Object.keys(model.segments);
  const book = model.population.initialCustomers > 0 ? run.agents * scale : 0;
  const span = 2 * model.population.initialTenureMonths + 1;
  const sources = Object.values(model.sources).map((source) => ({
    source,
    customers: monthlyAcquisition(source, 1).customers,
  }));

  for (const journey of Object.values(model.journeys)) {
    for (const tp of Object.values(journey.touchpoints)) {
      if (tp.staffed === undefined) continue;
      const staffed = tp.staffed;
      const quality = qualityEffect(model.experience, touchpointQuality(journey, tp));
      const ssChannel =
        tp.selfService !== undefined ? model.channels[tp.selfService.channel] : undefined;
      const fallback =
        ssChannel?.kind === 'selfService' ? selfServiceOutcomes(ssChannel, quality).fallback : 0;
      const from = tp.fromTenureMonth ?? 0;
      const to = tp.toTenureMonth ?? Infinity;
      // The book's tenures in month 1 run 1 … span; new customers are at tenure 0.
      const lo = Math.max(1, from);
      const hi = Math.min(span, to);
      let staffedTotal = 0;
      for (const shareOf of Object.values(staffed)) staffedTotal += shareOf;
      if (!(staffedTotal > 0)) continue;

      let needsToStaffed = 0;
      for (const id of segmentIds) {
        const segment = model.segments[id]!;
        const every = segment.renewal?.everyMonths ?? 0;
        const inWindow =
          tp.renewalMonthsOnly === true
            ? every > 0
              ? multiplesIn(lo, hi, every)
              : 0
            : Math.max(0, hi - lo + 1);
        let customers = (book * share(model.population.segmentMix, id) * inWindow) / span;
        if (from <= 0 && tp.renewalMonthsOnly !== true) {
          for (const { source, customers: arriving } of sources) {
            customers += arriving * share(source.segmentMix, id);
          }
        }
        const p = Math.min(
          1,
          tp.monthlyProbability *
            segment.contactRateMultiplier *
            (tp.segmentMultipliers !== undefined && Object.hasOwn(tp.segmentMultipliers, id)
              ? tp.segmentMultipliers[id]!
              : 1),
        );
        const selfServiceFirst = selfServiceFirstProbability(segment, tp);
        needsToStaffed += customers * p * (1 - selfServiceFirst + selfServiceFirst * fallback);
      }
      for (const [channelId, shareOf] of Object.entries(staffed)) {
        if (calls.has(channelId)) {
          calls.set(channelId, calls.get(channelId)! + (needsToStaffed * shareOf) / staffedTotal);
        }
      }
    }
  }
  for (const { source, customers } of sources) {
    const c = source.presalesChannel;
    if (c !== undefined && calls.has(c)) {
      calls.set(c, calls.get(c)! + customers * (source.presalesContactsPerAcquisition ?? 0));
    }
  }
  return calls;
}

/** Presales calls of a staffed channel in its busiest month (they follow acquisitions, not the book). */
function peakPresalesCalls(model: ModelSpec, channelId: string): { calls: number; month: number } {
  let peak = { calls: 0, month: 1 };
  for (let month = 1; month <= model.horizonMonths; month++) {
    let calls = 0;
    for (const source of Object.values(model.sources)) {
      if (source.presalesChannel !== channelId) continue;
      calls +=
        monthlyAcquisition(source, month).customers * (source.presalesContactsPerAcquisition ?? 0);
    }
    if (calls > peak.calls) peak = { calls, month };
  }
  return peak;
}

/**
 * Problems of a valid model and run settings against the engine's limits: at `run.agents` for
 * the population, at `channels.<id>` (a model path) for a queue. Empty when the run fits.
 */
export function runLoadProblems(model: ModelSpec, run: RunSettings): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const population = estimatePopulation(model, run);
  const maxCustomers = ENGINE_LIMITS.maxSimulatedCustomers;
  if (!(population.total <= maxCustomers)) {
    problems.push({
      path: 'run.agents',
      message: `expected a run that simulates at most ${count(maxCustomers)} customers in all (the engine's limit), got about ${count(population.total)} by month ${model.horizonMonths} (${count(population.initial)} at month 0, ${count(population.acquired)} acquired and ${count(population.referred)} referred, each standing for ${Number(scaleOf(model, run).toPrecision(4))} customer${scaleOf(model, run) === 1 ? '' : 's'}): simulate fewer agents, or let each stand for more customers (run.representedCustomers), or lower the acquisition volumes or referral rates`,
    });
  }

  const maxCalls = ENGINE_LIMITS.maxQueueCallsPerMonth;
  for (const [id, firstMonth] of estimateFirstMonthCalls(model, run)) {
    const channel = model.channels[id]!;
    if (channel.kind !== 'staffed') continue;
    const days = simulatedQueueDays(channel.openDaysPerMonth, run.queueDaysPerMonth);
    const presales = peakPresalesCalls(model, id);
    const [calls, month] =
      presales.calls > firstMonth ? [presales.calls, presales.month] : [firstMonth, 1];
    const simulated = (calls / channel.openDaysPerMonth) * days;
    if (!(simulated <= maxCalls)) {
      problems.push({
        path: `channels.${id}`,
        message: `expected a load its queue can simulate (at most ${count(maxCalls)} calls a month over the representative days), got about ${count(simulated)} in month ${month} (${count(calls)} calls a month at population scale over ${channel.openDaysPerMonth} open days, ${days} of them simulated): lower run.queueDaysPerMonth, the represented customers or the contact rates`,
      });
    }
  }
  return problems;
}

/**
 * Whether a run's results fit ENGINE_LIMITS.maxResultBytes: every replication's summaries of every
 * model (the baseline and each variant's) are kept until the run is summarised. Without a precision
 * target the run makes all its replications, so they must fit; with one, it may stop earlier, so
 * only the minimum must fit (the engine stops a run that reaches the limit, with the same words).
 */
export function resultProblems(models: readonly ModelSpec[], run: RunSettings): LoadProblem[] {
  const most = maxReplicationsFor(models);
  const perReplication = resultBytesPerReplication(models);
  const why = `each keeps ${models.length} models' summaries, ${count(perReplication / 1e3)} KB; a run keeps at most ${count(ENGINE_LIMITS.maxResultBytes / 1e6)} MB`;
  if (run.precision === undefined && !(run.replications <= most)) {
    return [
      {
        path: 'run.replications',
        message: `expected at most ${count(most)} replications for this scenario (${why}), got ${run.replications}`,
      },
    ];
  }
  if (run.precision !== undefined && !(run.precision.minReplications <= most)) {
    return [
      {
        path: 'run.precision.minReplications',
        message: `expected at most ${count(most)} replications for this scenario (${why}), got ${run.precision.minReplications}`,
      },
    ];
  }
  return [];
}
