/**
 * Finance of one replication: each variant's own NPV, and each variant against the baseline of the
 * same replication (paired: the two saw the same random numbers, so the difference is the lever).
 */
import {
  compareToBaseline,
  presentValue,
  terminalValue,
  type BaselineComparison,
} from '@journeycast/models';
import type { CompiledModel } from '../engine/compile.ts';
import { G, type SummaryLayout, rowOf } from '../engine/summaryLayout.ts';

/** Net cash flow of each month (a view into the summary, not a copy). */
export function netFlows(summary: Float64Array, layout: SummaryLayout): Float64Array {
  return rowOf(summary, layout, G.netCashFlow);
}

/**
 * Present value, at the horizon's start, of what the customers still active at the horizon bring
 * afterwards (models/finance/terminalValue), using the last month's margin per customer net of
 * the last month's cost-to-serve per customer (staffing, handling and digital: serving them goes
 * on, so a variant that serves them more cheaply, or with more staff, carries that past the
 * horizon too), and the churn rate of mature customers (past their early-life months) over the last twelve months:
 * the customers still active at the horizon are mostly mature, and a blended rate would carry the
 * early-life churn of recent joiners into the perpetuity. Zero unless the model asks for it.
 */
export function terminalValueOf(
  model: CompiledModel,
  summary: Float64Array,
  layout: SummaryLayout,
): number {
  if (!model.terminalValue) return 0;
  const H = layout.months;
  const active = rowOf(summary, layout, G.activeCustomers);
  const revenue = rowOf(summary, layout, G.revenue);
  const costToServe = rowOf(summary, layout, G.costToServe);
  const churned = rowOf(summary, layout, G.churned);
  const mature = rowOf(summary, layout, G.matureCustomers);
  const matureChurned = rowOf(summary, layout, G.matureChurned);
  const activeEnd = active[H - 1]!;
  if (!(activeEnd > 0)) return 0;
  const from = Math.max(0, H - 12);
  let churnedSum = 0;
  let exposed = 0;
  for (let m = from; m < H; m++) {
    churnedSum += matureChurned[m]!;
    exposed += mature[m]!;
  }
  const monthlyChurn = exposed > 0 ? Math.min(1, churnedSum / exposed) : 0;
  const customersLastMonth = active[H - 1]! + churned[H - 1]!;
  // All of cost-to-serve, staffing included (not netValuePerCustomer's variable cost only): the
  // perpetuity carries the last year's churn forward, and that churn is what the rostered agents
  // deliver, so the value of keeping customers past the horizon comes with the cost of the staff
  // who keep them (a variant that adds agents would otherwise bank their retention for free).
  const netValue =
    customersLastMonth > 0 ? (revenue[H - 1]! - costToServe[H - 1]!) / customersLastMonth : 0;
  return terminalValue({
    activeCustomers: activeEnd,
    monthlyNetValuePerCustomer: netValue,
    monthlyChurn,
    annualDiscountRate: model.annualDiscountRate,
    horizonMonths: H,
  });
}

/** A variant's own NPV (plus terminal value when asked). */
export function ownNpv(
  model: CompiledModel,
  summary: Float64Array,
  layout: SummaryLayout,
  factors: Float64Array,
): number {
  return presentValue(netFlows(summary, layout), factors) + terminalValueOf(model, summary, layout);
}

/** Incremental NPV only: what the precision check needs, without IRR and payback. */
export function incrementalNpv(
  baselineModel: CompiledModel,
  variantModel: CompiledModel,
  baseline: Float64Array,
  variant: Float64Array,
  layout: SummaryLayout,
  factors: Float64Array,
): number {
  const b = netFlows(baseline, layout);
  const v = netFlows(variant, layout);
  let pv = 0;
  for (let m = 0; m < layout.months; m++) pv += (v[m]! - b[m]!) * factors[m]!;
  return (
    pv +
    terminalValueOf(variantModel, variant, layout) -
    terminalValueOf(baselineModel, baseline, layout)
  );
}

export interface PairedReplication extends BaselineComparison {
  /** Incremental NPV including the terminal-value difference when the model asks for it. */
  npv: number;
}

/** The full comparison of a variant with the baseline for one replication. */
export function pairedReplication(
  baselineModel: CompiledModel,
  variantModel: CompiledModel,
  baseline: Float64Array,
  variant: Float64Array,
  layout: SummaryLayout,
): PairedReplication {
  const variantInvestment = rowOf(variant, layout, G.investment);
  const baselineInvestment = rowOf(baseline, layout, G.investment);
  // The variant's extra investment; a baseline investment the variant drops shows up as a saving in
  // its net flows instead.
  const extra = new Float64Array(layout.months);
  for (let m = 0; m < layout.months; m++)
    extra[m] = Math.max(0, variantInvestment[m]! - baselineInvestment[m]!);
  const comparison = compareToBaseline({
    baseline: netFlows(baseline, layout),
    variant: netFlows(variant, layout),
    variantInvestment: extra,
    annualDiscountRate: variantModel.annualDiscountRate,
  });
  const terminal =
    terminalValueOf(variantModel, variant, layout) -
    terminalValueOf(baselineModel, baseline, layout);
  const npv = comparison.incrementalNpv + terminal;
  const roi =
    comparison.investmentPresentValue > 0
      ? { ratio: npv / comparison.investmentPresentValue }
      : comparison.roi;
  return { ...comparison, roi, npv };
}
