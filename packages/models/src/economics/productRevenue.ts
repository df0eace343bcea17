/**
 * A customer's revenue in a month: the products they hold times the margin per product,
 * revenue = productsHeld · marginPerProductMonthly. "Revenue" in Journeycast is contribution
 * margin before cost-to-serve (docs/model.md, "Net cash flow"), so a segment whose products lose
 * money (a negative margin, a loss leader) brings negative revenue.
 *
 * The engine adds this up over its simulated customers every month, in its hot loop, so it does
 * no checks: it trusts a validated model (the scenario validator bounds the margin to ±10¹² and
 * products to whole numbers from 0 to 20).
 *
 * @param productsHeld - products the customer holds this month, a whole number ≥ 0
 * @param marginPerProductMonthly - contribution margin per product per month, in the scenario's
 *   currency (the segment's `marginPerProductMonthly`)
 * @returns the month's margin from this customer, in the scenario's currency
 * @example
 * productRevenue(2, 12.5); // => 25 (two products at 12.50 a month each)
 */
export function productRevenue(productsHeld: number, marginPerProductMonthly: number): number {
  return productsHeld * marginPerProductMonthly;
}
