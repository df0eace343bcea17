import { ParameterError, requireInRange, requireInteger, requireNonNegative } from '../errors.ts';
import type { StaffedChannelSpec } from '../spec/modelSpec.ts';

// These helpers run when a model is compiled or checked, never per customer: each checks the
// fields it uses (a few comparisons), so a bad channel fails with its field named here too.

/**
 * How many hours a day a staffed channel is open: closeHour − openHour, on a 24-hour clock
 * (a call centre open 8:00–20:00 is open 12 hours). Every open hour has its own arrival weight
 * (intradayProfile) and, optionally, its own roster (agentsByHour), one per hour from openHour.
 *
 * @param channel - openHour (whole hour, 0–23) and closeHour (whole hour, after openHour, ≤ 24)
 * @returns open hours per day, a whole number from 1 to 24
 * @example
 * openHoursPerDay({ openHour: 8, closeHour: 20 }); // => 12
 */
export function openHoursPerDay(
  channel: Pick<StaffedChannelSpec, 'openHour' | 'closeHour'>,
): number {
  requireInteger('openHour', channel.openHour);
  if (channel.openHour > 23)
    throw new ParameterError('openHour', 'an hour from 0 to 23', channel.openHour);
  requireInteger('closeHour', channel.closeHour, channel.openHour + 1);
  if (channel.closeHour > 24) {
    throw new ParameterError(
      'closeHour',
      `an hour from ${channel.openHour + 1} to 24`,
      channel.closeHour,
    );
  }
  return channel.closeHour - channel.openHour;
}

/**
 * Agents on duty in each open hour: `agentsByHour` when given (one whole number ≥ 0 per open
 * hour), else `agents` every hour.
 *
 * @example
 * agentsPerOpenHour({ openHour: 8, closeHour: 11, agents: 12 }); // => [12, 12, 12]
 */
export function agentsPerOpenHour(
  channel: Pick<StaffedChannelSpec, 'openHour' | 'closeHour' | 'agents' | 'agentsByHour'>,
): number[] {
  const hours = openHoursPerDay(channel);
  const byHour = channel.agentsByHour;
  if (byHour === undefined) {
    requireInteger('agents', channel.agents);
    return new Array<number>(hours).fill(channel.agents);
  }
  if (byHour.length !== hours) {
    throw new ParameterError('agentsByHour', `one number per open hour (${hours})`, byHour);
  }
  byHour.forEach((agents, h) => requireInteger(`agentsByHour[${h}]`, agents));
  return byHour.slice();
}

/**
 * Arrival rate in each open hour (contacts per hour) for a month's contact volume, spread over the
 * open days and shaped by the intraday profile: λ_h = contacts / openDays · w_h / Σw.
 *
 * @param contactsPerMonth - contacts the whole population makes in the month
 * @example
 * hourlyArrivalRates({ openDaysPerMonth: 20, intradayProfile: [1, 3] }, 8000); // => [100, 300]
 */
export function hourlyArrivalRates(
  channel: Pick<StaffedChannelSpec, 'openDaysPerMonth' | 'intradayProfile'>,
  contactsPerMonth: number,
): number[] {
  requireNonNegative('contactsPerMonth', contactsPerMonth);
  requireOpenDays(channel.openDaysPerMonth);
  let total = 0;
  channel.intradayProfile.forEach((w, h) => {
    requireNonNegative(`intradayProfile[${h}]`, w);
    total += w;
  });
  const perDay = contactsPerMonth / channel.openDaysPerMonth;
  return channel.intradayProfile.map((w) => (total > 0 ? (perDay * w) / total : 0));
}

/**
 * Paid agent hours in a month: hours on duty divided by (1 − shrinkage), since breaks, training
 * and absence are paid but not available for contacts. Half the workforce planners SWPP surveyed
 * assume 26–35 % shrinkage (Society of Workforce Planning Professionals, "WFM Survey Results",
 * On Target, summer 2024); there is no industry standard, a centre should measure its own.
 *
 * @example
 * @param channel - open hours and agents on duty (see agentsPerOpenHour), openDaysPerMonth (days,
 *   1–31) and shrinkage (share of paid time not available for contacts, 0–0.9)
 * @returns paid agent hours in the month
 * @example
 * paidAgentHoursPerMonth({ openHour: 8, closeHour: 10, agents: 10, openDaysPerMonth: 20, shrinkage: 0.2 }); // => 500
 */
export function paidAgentHoursPerMonth(
  channel: Pick<
    StaffedChannelSpec,
    'openHour' | 'closeHour' | 'agents' | 'agentsByHour' | 'openDaysPerMonth' | 'shrinkage'
  >,
): number {
  requireOpenDays(channel.openDaysPerMonth);
  // Below 1: a shrinkage of 1 (no paid hour ever available) would make paid hours infinite.
  requireInRange('shrinkage', channel.shrinkage, 0, 0.9);
  let onDuty = 0;
  for (const agents of agentsPerOpenHour(channel)) onDuty += agents;
  return (onDuty * channel.openDaysPerMonth) / (1 - channel.shrinkage);
}

/**
 * Staffing cost of a month: paid agent hours × cost per agent hour, paid whether agents are busy
 * or idle. This is why over-staffing costs money even when waits look great.
 *
 * @example
 * staffingCostPerMonth({ ...above, costPerAgentHour: 30 }); // => 15000
 */
export function staffingCostPerMonth(
  channel: Pick<
    StaffedChannelSpec,
    | 'openHour'
    | 'closeHour'
    | 'agents'
    | 'agentsByHour'
    | 'openDaysPerMonth'
    | 'shrinkage'
    | 'costPerAgentHour'
  >,
): number {
  requireNonNegative('costPerAgentHour', channel.costPerAgentHour);
  return paidAgentHoursPerMonth(channel) * channel.costPerAgentHour;
}

/** Open days a month: 1 to 31, as the scenario schema allows. */
function requireOpenDays(openDaysPerMonth: number): void {
  requireInRange('openDaysPerMonth', openDaysPerMonth, 1, 31);
}
