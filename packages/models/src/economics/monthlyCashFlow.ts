import { requireFinite, requireNonNegative } from '../errors.ts';

/** One month's money for the whole population, in the scenario's currency. */
export interface MonthlyCashFlowParams {
  /** Margin on the products held (Σ productRevenue over customers); negative for loss leaders. */
  revenue: number;
  /** Agents' pay over all staffed channels (Σ staffingCost), ≥ 0. */
  staffingCost: number;
  /** Handled minutes' cost over all staffed channels (Σ handlingCost), ≥ 0. */
  handlingCost: number;
  /** Self-service contacts' cost over all self-service channels (Σ digitalCost), ≥ 0. */
  digitalCost: number;
  /** Acquisition spend: media budgets, volume sources' costs and referral bonuses, ≥ 0. */
  acquisitionSpend: number;
  /** Investment paid in the month (economics/investmentFlows), ≥ 0. */
  investment: number;
}

/** The month's cash flow, its parts and the two totals. */
export interface MonthlyCashFlow extends MonthlyCashFlowParams {
  /** staffingCost + handlingCost + digitalCost. */
  costToServe: number;
  /** revenue − costToServe − acquisitionSpend − investment. */
  netCashFlow: number;
}

/**
 * A month's cash flow from its parts:
 *
 *   cost-to-serve  = staffing + handling + digital
 *   net cash flow  = revenue − cost-to-serve − acquisition spend − investment
 *
 * Revenue is contribution margin before cost-to-serve; every cost is a positive number. Cost-to-
 * serve is what serving the customers costs (agents, handled minutes, digital contacts); winning
 * them (acquisition) and changing the experience (investment) are kept apart, so a CFO can see
 * whether a programme pays through cheaper service or through more customers. The operations are
 * done in exactly this order (left to right), as the engine sums them, so the same inputs give the
 * same bits.
 *
 * @example
 * monthlyCashFlow({
 *   revenue: 700000, staffingCost: 528000, handlingCost: 2400, digitalCost: 2000,
 *   acquisitionSpend: 120000, investment: 50000,
 * });
 * // => { ...the inputs, costToServe: 532400, netCashFlow: -2400 }
 */
export function monthlyCashFlow(params: MonthlyCashFlowParams): MonthlyCashFlow {
  const revenue = requireFinite('revenue', params.revenue);
  const staffing = requireNonNegative('staffingCost', params.staffingCost);
  const handling = requireNonNegative('handlingCost', params.handlingCost);
  const digital = requireNonNegative('digitalCost', params.digitalCost);
  const acquisitionSpend = requireNonNegative('acquisitionSpend', params.acquisitionSpend);
  const investment = requireNonNegative('investment', params.investment);
  const costToServe = staffing + handling + digital;
  return {
    revenue,
    staffingCost: staffing,
    handlingCost: handling,
    digitalCost: digital,
    acquisitionSpend,
    investment,
    costToServe,
    netCashFlow: revenue - costToServe - acquisitionSpend - investment,
  };
}
