/**
 * The rules of a model that a JSON Schema cannot say: ids that must exist, shares that must sum to
 * 1, hour ranges that must agree with the arrays describing them, thresholds in order.
 *
 * It assumes the model already matches the schema (types and ranges); the scenario validator runs
 * the schema first and this second, and reports both with the same words. Every problem is
 * returned, not just the first, each with its path relative to the model.
 */
import { costPerAcquisitionAtSpend } from '../acquisition/acquisitionVolume.ts';
import { describeValue } from '../errors.ts';
import { LIMITS, type ModelSpec } from './modelSpec.ts';

export interface ModelProblem {
  /** Path inside the model, e.g. `channels.callCentre.agentsByHour`. */
  path: string;
  expected: string;
  found: string;
}

/** Tolerance for shares: a mix may be written with rounded decimals (0.333 + 0.333 + 0.334). */
export const SHARE_TOLERANCE = 1e-6;

/**
 * The total of a share map (segment mix, channel shares): the sum of its values, read from own keys
 * only. A valid mix totals 1 within SHARE_TOLERANCE (1e-6), so 0.333 + 0.333 + 0.334 passes.
 * Shares are unitless, in [0, 1].
 *
 * @example
 * sumShares({ everyday: 0.6, premier: 0.4 }); // => 1
 */
export function sumShares(shares: Record<string, number>): number {
  let total = 0;
  for (const key of Object.keys(shares)) total += shares[key] ?? 0;
  return total;
}

/**
 * Ids as a message lists them: all of them up to `max`, else the first `max` and a count, so a
 * model with thousands of segments (refused for that) cannot make every message a page long.
 */
function idList(ids: readonly string[], max = 24): string {
  if (ids.length <= max) return ids.join(', ');
  return `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

export function checkModel(model: ModelSpec): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const report = (path: string, expected: string, found: unknown) =>
    problems.push({
      path,
      expected,
      found: typeof found === 'string' ? found : describeValue(found),
    });

  const segmentIds = Object.keys(model.segments);
  const staffedIds = Object.keys(model.channels).filter(
    (id) => model.channels[id]?.kind === 'staffed',
  );
  const selfServiceIds = Object.keys(model.channels).filter(
    (id) => model.channels[id]?.kind === 'selfService',
  );

  const checkShares = (
    path: string,
    shares: Record<string, number>,
    allowed: string[],
    what: string,
  ) => {
    const keys = Object.keys(shares);
    if (keys.length === 0) report(path, `at least one ${what} with a share`, 'an empty map');
    const known = new Set(allowed);
    for (const key of keys) {
      if (!known.has(key)) {
        report(`${path}.${key}`, `one of the ${what}s (${idList(allowed) || 'none defined'})`, key);
      }
    }
    const total = sumShares(shares);
    if (keys.length > 0 && Math.abs(total - 1) > SHARE_TOLERANCE) {
      // 8 significant digits: enough to show any total the tolerance rejects as different from 1
      // (6 digits would print 1.000002 as "1"), short enough to hide float noise (0.30000000000000004).
      report(path, 'shares summing to 1', `shares summing to ${Number(total.toPrecision(8))}`);
    }
  };

  // Counts within the limits that keep memory and run time bounded.
  const counts: [string, number, number][] = [
    ['segments', segmentIds.length, LIMITS.maxSegments],
    ['sources', Object.keys(model.sources).length, LIMITS.maxSources],
    ['channels', Object.keys(model.channels).length, LIMITS.maxChannels],
    ['journeys', Object.keys(model.journeys).length, LIMITS.maxJourneys],
  ];
  for (const [path, count, max] of counts) {
    if (count > max) report(path, `at most ${max} entries`, `${count}`);
  }

  checkShares('population.segmentMix', model.population.segmentMix, segmentIds, 'segment');
  checkShares('referrals.segmentMix', model.referrals.segmentMix, segmentIds, 'segment');

  for (const [id, segment] of Object.entries(model.segments)) {
    if (segment.productsAtStart > segment.maxProducts) {
      report(
        `segments.${id}.productsAtStart`,
        `at most maxProducts (${segment.maxProducts})`,
        segment.productsAtStart,
      );
    }
  }

  for (const [id, source] of Object.entries(model.sources)) {
    const path = `sources.${id}`;
    checkShares(`${path}.segmentMix`, source.segmentMix, segmentIds, 'segment');
    if (source.mode === 'budget' && source.monthlyBudget > 0 && source.costPerAcquisition <= 0) {
      report(
        `${path}.costPerAcquisition`,
        'a cost above 0 for a source that spends a budget (else the budget buys nobody)',
        source.costPerAcquisition,
      );
    }
    if (source.mode === 'budget' && source.monthlyBudget > 0 && source.costPerAcquisition > 0) {
      // spend / CPA(spend): with a tiny cost per acquisition this overflows (1e6 / 1e-300 is
      // Infinity), and the engine would be asked for more customers than any array can hold.
      const bought = source.monthlyBudget / costPerAcquisitionAtSpend(source, source.monthlyBudget);
      if (!(bought <= LIMITS.maxAcquisitionsPerMonth)) {
        report(
          `${path}.costPerAcquisition`,
          `a cost per acquisition at which the budget buys at most ${LIMITS.maxAcquisitionsPerMonth.toExponential().replace('e+', 'e')} customers a month`,
          `${Number(source.costPerAcquisition.toPrecision(6))}, which buys ${Number(bought.toPrecision(2)).toExponential().replace('e+', 'e')} a month`,
        );
      }
    }
    if ((source.presalesContactsPerAcquisition ?? 0) > 0 && source.presalesChannel === undefined) {
      report(
        `${path}.presalesChannel`,
        'a staffed channel id for the presales contacts',
        'nothing',
      );
    }
    if (
      (source.presalesLostIfUnanswered ?? 0) > 0 &&
      !((source.presalesContactsPerAcquisition ?? 0) > 0)
    ) {
      report(
        `${path}.presalesContactsPerAcquisition`,
        'presales contacts above 0 where presalesLostIfUnanswered is set (only prospects who call can lose a sale to an unanswered call)',
        source.presalesContactsPerAcquisition ?? 0,
      );
    }
    if (source.presalesChannel !== undefined && !staffedIds.includes(source.presalesChannel)) {
      report(
        `${path}.presalesChannel`,
        `one of the staffed channels (${idList(staffedIds) || 'none defined'})`,
        source.presalesChannel,
      );
    }
    if (
      source.startMonth !== undefined &&
      source.endMonth !== undefined &&
      source.endMonth < source.startMonth
    ) {
      report(`${path}.endMonth`, `a month ≥ startMonth (${source.startMonth})`, source.endMonth);
    }
  }

  for (const [id, channel] of Object.entries(model.channels)) {
    if (channel.kind !== 'staffed') continue;
    const path = `channels.${id}`;
    const hours = channel.closeHour - channel.openHour;
    if (hours < 1) {
      report(
        `${path}.closeHour`,
        `an hour after openHour (${channel.openHour})`,
        channel.closeHour,
      );
      continue;
    }
    if (channel.intradayProfile.length !== hours) {
      report(
        `${path}.intradayProfile`,
        `${hours} hourly weights (one per open hour ${channel.openHour}–${channel.closeHour})`,
        `${channel.intradayProfile.length}`,
      );
    }
    if (channel.intradayProfile.reduce((total, w) => total + w, 0) <= 0) {
      report(`${path}.intradayProfile`, 'at least one hour with a weight above 0', 'all zero');
    }
    if (channel.agentsByHour !== undefined && channel.agentsByHour.length !== hours) {
      report(
        `${path}.agentsByHour`,
        `${hours} hourly agent counts (one per open hour ${channel.openHour}–${channel.closeHour})`,
        `${channel.agentsByHour.length}`,
      );
    }
  }

  let touchpointCount = 0;
  for (const [journeyId, journey] of Object.entries(model.journeys)) {
    const entries = Object.entries(journey.touchpoints);
    touchpointCount += entries.length;
    if (entries.length > LIMITS.maxTouchpointsPerJourney) {
      report(
        `journeys.${journeyId}.touchpoints`,
        `at most ${LIMITS.maxTouchpointsPerJourney} touchpoints`,
        `${entries.length}`,
      );
    }
    for (const [tpId, tp] of entries) {
      const path = `journeys.${journeyId}.touchpoints.${tpId}`;
      if (tp.selfService === undefined && tp.staffed === undefined) {
        report(path, 'a selfService channel, staffed channels, or both', 'neither');
      }
      if (tp.selfService !== undefined && !selfServiceIds.includes(tp.selfService.channel)) {
        report(
          `${path}.selfService.channel`,
          `one of the self-service channels (${idList(selfServiceIds) || 'none defined'})`,
          tp.selfService.channel,
        );
      }
      if (tp.staffed !== undefined)
        checkShares(`${path}.staffed`, tp.staffed, staffedIds, 'staffed channel');
      for (const key of Object.keys(tp.segmentMultipliers ?? {})) {
        if (!segmentIds.includes(key)) {
          report(
            `${path}.segmentMultipliers.${key}`,
            `one of the segments (${idList(segmentIds)})`,
            key,
          );
        }
      }
      if (
        tp.fromTenureMonth !== undefined &&
        tp.toTenureMonth !== undefined &&
        tp.toTenureMonth < tp.fromTenureMonth
      ) {
        report(
          `${path}.toTenureMonth`,
          `a month ≥ fromTenureMonth (${tp.fromTenureMonth})`,
          tp.toTenureMonth,
        );
      }
      if (tp.renewalMonthsOnly === true && !Object.values(model.segments).some((s) => s.renewal)) {
        report(
          `${path}.renewalMonthsOnly`,
          'a segment with `renewal` for renewal-month touchpoints',
          'none',
        );
      }
    }
  }
  if (touchpointCount > LIMITS.maxTouchpoints) {
    report('journeys', `at most ${LIMITS.maxTouchpoints} touchpoints in all`, `${touchpointCount}`);
  }

  // The terminal value is a perpetuity, N·M·(1 − c) / (r + c) (finance/terminalValue.ts), with c
  // the churn the run observes in its last year: it can be 0 (a small sample, a loyal segment),
  // so only a rate above 0 makes it converge whatever the run does. Without this rule a valid
  // file failed when its results were summarised.
  if (model.terminalValue && !(model.annualDiscountRate > 0)) {
    report(
      'annualDiscountRate',
      'a rate above 0 when terminalValue is true (the value of the customers left at the horizon is a perpetuity that converges only then, whatever their churn)',
      model.annualDiscountRate,
    );
  }

  // Quality levels are a scale: a better journey never moves satisfaction or resolution less than
  // a worse one. Out of order, "higher quality never raises churn" (docs/model.md) fails, and a
  // slider from poor to excellent would not mean what it says.
  const levels = ['poor', 'average', 'good', 'excellent'] as const;
  for (let k = 1; k < levels.length; k++) {
    const lower = model.experience[levels[k - 1]!];
    const higher = model.experience[levels[k]!];
    for (const field of ['satisfactionDelta', 'resolutionMultiplier'] as const) {
      if (higher[field] < lower[field]) {
        report(
          `experience.${levels[k]}.${field}`,
          `at least ${levels[k - 1]}'s ${field} (${lower[field]}): quality levels are ordered poor ≤ average ≤ good ≤ excellent`,
          higher[field],
        );
      }
    }
  }
  if (model.behaviour.resolvedDelta < model.behaviour.unresolvedDelta) {
    report(
      'behaviour.resolvedDelta',
      `at least unresolvedDelta (${model.behaviour.unresolvedDelta}): a resolved contact never leaves a customer less satisfied than an unresolved one`,
      model.behaviour.resolvedDelta,
    );
  }
  if (model.behaviour.openIssueChurnOddsMultiplier < 1) {
    report(
      'behaviour.openIssueChurnOddsMultiplier',
      'a multiplier ≥ 1 (an unresolved issue never makes a customer more likely to stay)',
      model.behaviour.openIssueChurnOddsMultiplier,
    );
  }

  if (model.behaviour.detractorThreshold >= model.behaviour.promoterThreshold) {
    report(
      'behaviour.detractorThreshold',
      `a threshold below promoterThreshold (${model.behaviour.promoterThreshold})`,
      model.behaviour.detractorThreshold,
    );
  }

  model.investments.forEach((investment, index) => {
    const path = `investments[${index}]`;
    if (investment.startMonth > model.horizonMonths) {
      report(
        `${path}.startMonth`,
        `a month within the horizon (≤ ${model.horizonMonths})`,
        investment.startMonth,
      );
    }
    if (investment.endMonth !== undefined && investment.endMonth < investment.startMonth) {
      report(
        `${path}.endMonth`,
        `a month ≥ startMonth (${investment.startMonth})`,
        investment.endMonth,
      );
    }
  });

  return problems;
}
