import { requireNonNegative } from '../errors.ts';

/**
 * What a self-service channel (app, web, community) costs in a month:
 * digitalCost = selfServiceContacts · costPerContact, every attempt counted, whether it resolved
 * the need or sent the customer on to a staffed channel.
 *
 * @param selfServiceContacts - self-service attempts in the month, ≥ 0
 * @param costPerContact - cost per attempt in the scenario's currency, ≥ 0
 * @returns the month's cost of the channel, in the scenario's currency
 * @example
 * digitalCost(20000, 0.1); // => 2000 (20,000 app contacts at 0.10)
 */
export function digitalCost(selfServiceContacts: number, costPerContact: number): number {
  requireNonNegative('selfServiceContacts', selfServiceContacts);
  requireNonNegative('costPerContact', costPerContact);
  return selfServiceContacts * costPerContact;
}
