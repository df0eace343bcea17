import { requireFinite, requireNonNegative } from '../errors.ts';

export interface NetValuePerCustomerParams {
  /** The month's revenue (margin on products held), in the scenario's currency. */
  revenue: number;
  /**
   * The month's cost-to-serve that moves with the customers: handled minutes and digital
   * contacts (handlingCost + digitalCost), ≥ 0. Staffing is left out: it is paid by the rostered
   * hour, whatever the number of customers, so one customer more or less does not change it.
   */
  variableCostToServe: number;
  /** Customers served in the month (active at its end plus those who left in it), ≥ 0. */
  customers: number;
}

/**
 * What a customer is worth a month, net of what serving them costs at the margin:
 * (revenue − variable cost-to-serve) / customers. This is the monthly value per customer that
 * finance/terminalValue capitalises (Gupta & Lehmann's margin m is net of the cost of serving the
 * customer; see terminalValue), so the value of the customers left at the horizon is not
 * overstated by the cost of their calls and app contacts. 0 when there are no customers.
 *
 * @example
 * netValuePerCustomer({ revenue: 700000, variableCostToServe: 2400 + 2000, customers: 20000 });
 * // => 34.78 (35 of margin a customer, 0.22 of handled minutes and app contacts)
 */
export function netValuePerCustomer({
  revenue,
  variableCostToServe,
  customers,
}: NetValuePerCustomerParams): number {
  requireFinite('revenue', revenue);
  requireNonNegative('variableCostToServe', variableCostToServe);
  requireNonNegative('customers', customers);
  if (customers === 0) return 0;
  return (revenue - variableCostToServe) / customers;
}
