import { requireNonNegative } from '../errors.ts';

/**
 * The variable cost of a staffed channel's handled contacts in a month:
 * handlingCost = handledMinutes · costPerHandledMinute (telephony, systems, anything paid by the
 * minute of handling rather than by the agent hour). It moves with the calls; the agents'
 * wages do not (see staffingCost).
 *
 * @param handledMinutes - minutes agents spent handling contacts in the month (talk, hold and
 *   wrap-up: contacts answered × their handle time), ≥ 0
 * @param costPerHandledMinute - cost per handled minute in the scenario's currency, ≥ 0
 * @returns the month's handling cost, in the scenario's currency
 * @example
 * handlingCost(8000 * 6, 0.05); // => 2400 (8,000 calls of 6 minutes at 0.05 a minute)
 */
export function handlingCost(handledMinutes: number, costPerHandledMinute: number): number {
  requireNonNegative('handledMinutes', handledMinutes);
  requireNonNegative('costPerHandledMinute', costPerHandledMinute);
  return handledMinutes * costPerHandledMinute;
}
