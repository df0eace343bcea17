import { requireNonNegative } from '../errors.ts';

/**
 * What a staffed channel's agents cost in a month: staffingCost = paidAgentHours ·
 * costPerAgentHour. Agents are paid for every rostered hour, busy or idle, and for the shrinkage
 * on top (breaks, training, absence: channels/staffedChannel.ts `paidAgentHoursPerMonth`), so
 * the cost follows the rosters, not the calls: fewer calls save nothing until the rosters shrink.
 *
 * @param paidAgentHours - agent hours paid in the month (hours on duty / (1 − shrinkage)), ≥ 0
 * @param costPerAgentHour - fully loaded cost of an agent hour in the scenario's currency, ≥ 0
 * @returns the month's staffing cost, in the scenario's currency
 * @example
 * staffingCost(10560 / 0.7, 35); // => 528000 (40 agents × 12 h × 22 days, 30 % shrinkage, 35 an hour)
 */
export function staffingCost(paidAgentHours: number, costPerAgentHour: number): number {
  requireNonNegative('paidAgentHours', paidAgentHours);
  requireNonNegative('costPerAgentHour', costPerAgentHour);
  return paidAgentHours * costPerAgentHour;
}
