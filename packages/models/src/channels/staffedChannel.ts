import { requireNonNegative } from '../errors.ts';
import type { StaffedChannelSpec } from '../spec/modelSpec.ts';

/** Open hours per day. */
export function openHoursPerDay(
  channel: Pick<StaffedChannelSpec, 'openHour' | 'closeHour'>,
): number {
  return channel.closeHour - channel.openHour;
}

/**
 * Agents on duty in each open hour: `agentsByHour` when given, else `agents` every hour.
 *
 * @example
 * agentsPerOpenHour({ openHour: 8, closeHour: 11, agents: 12 }); // => [12, 12, 12]
 */
export function agentsPerOpenHour(
  channel: Pick<StaffedChannelSpec, 'openHour' | 'closeHour' | 'agents' | 'agentsByHour'>,
): number[] {
  const hours = openHoursPerDay(channel);
  const out: number[] = [];
  for (let h = 0; h < hours; h++) out.push(channel.agentsByHour?.[h] ?? channel.agents);
  return out;
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
  let total = 0;
  for (const w of channel.intradayProfile) total += w;
  const perDay = contactsPerMonth / channel.openDaysPerMonth;
  return channel.intradayProfile.map((w) => (total > 0 ? (perDay * w) / total : 0));
}

/**
 * Paid agent hours in a month: hours on duty divided by (1 − shrinkage), since breaks, training
 * and absence are paid but not available for contacts. Typical shrinkage is 30–35 % (Reynolds,
 * "The Complete Guide to Workforce Management", ch. 4; ICMI).
 *
 * @example
 * paidAgentHoursPerMonth({ openHour: 8, closeHour: 10, agents: 10, openDaysPerMonth: 20, shrinkage: 0.2 }); // => 500
 */
export function paidAgentHoursPerMonth(
  channel: Pick<
    StaffedChannelSpec,
    'openHour' | 'closeHour' | 'agents' | 'agentsByHour' | 'openDaysPerMonth' | 'shrinkage'
  >,
): number {
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
  return paidAgentHoursPerMonth(channel) * channel.costPerAgentHour;
}
