/**
 * What one replication of one variant yields: a single Float64Array of monthly series, laid out
 * metric by metric (`values[metric * months + month]`). Small (a few tens of kilobytes), flat, and
 * transferable between threads without copying; summaries of replications merge by index.
 *
 * All figures are for the whole represented population (sampled counts × customers per agent),
 * money in the scenario's currency.
 */

/** Population-wide monthly metrics, in layout order. */
export const GLOBAL_METRICS = [
  'activeCustomers',
  'acquired',
  'referred',
  /** Prospects who would have bought but whose presales call went unanswered (never acquired). */
  'lostConversions',
  'churned',
  'nonRenewals',
  'renewalsDue',
  'crossSells',
  'productsHeld',
  'revenue',
  'staffingCost',
  'handlingCost',
  'digitalCost',
  'costToServe',
  'acquisitionSpend',
  'investment',
  'netCashFlow',
  'needs',
  'repeatContacts',
  'selfServiceAttempts',
  'selfServiceResolved',
  'fallbacks',
  'staffedContacts',
  'resolved',
  'unresolved',
  'givenUp',
  'meanSatisfaction',
  'promoters',
  'detractors',
  'npsProxy',
  'matureCustomers',
  'matureChurned',
] as const;
export type GlobalMetric = (typeof GLOBAL_METRICS)[number];

/**
 * Per channel, per month. Staffed channels: population calls offered, answered, abandoned, total
 * minutes waited (abandoned callers count until they hung up), answered within the service-level
 * threshold, callers who waited at all, handled minutes, cost, paid agent hours (all from the
 * queue at population load, presales calls included); then the customers' contacts resolved and
 * the customers' contacts themselves (from the simulated customers, × customers per agent: the
 * two counts of a resolution rate come from the same customers, so it never exceeds 1).
 * Self-service channels: attempts as contacts and as customer contacts, resolved as answered and
 * resolved, and their cost.
 */
export const CHANNEL_METRICS = [
  'contacts',
  'answered',
  'abandoned',
  'waitMinutes',
  'withinTarget',
  'delayed',
  'handledMinutes',
  'cost',
  'paidHours',
  'resolved',
  'customerContacts',
] as const;
export type ChannelMetric = (typeof CHANNEL_METRICS)[number];

/**
 * Per acquisition source, per month: customers acquired, media spend, prospects lost when their
 * presales call went unanswered, the source's customers active at the end of the month, and the
 * margin they earned (revenue) that month.
 */
export const SOURCE_METRICS = ['acquired', 'spend', 'lost', 'active', 'revenue'] as const;
export type SourceMetric = (typeof SOURCE_METRICS)[number];

export const G = Object.fromEntries(GLOBAL_METRICS.map((m, i) => [m, i])) as Record<
  GlobalMetric,
  number
>;
export const C = Object.fromEntries(CHANNEL_METRICS.map((m, i) => [m, i])) as Record<
  ChannelMetric,
  number
>;
export const SRC = Object.fromEntries(SOURCE_METRICS.map((m, i) => [m, i])) as Record<
  SourceMetric,
  number
>;

/** Scalars stored after the series. */
export const SCALARS = ['initialCustomers', 'customersPerAgent', 'simulatedAgentsPeak'] as const;
export type Scalar = (typeof SCALARS)[number];

export interface SummaryLayout {
  months: number;
  channels: number;
  sources: number;
  /** Number of series (rows of `months`). */
  series: number;
  /** Total length of the Float64Array. */
  size: number;
}

export function summaryLayout(months: number, channels: number, sources: number): SummaryLayout {
  const series =
    GLOBAL_METRICS.length + channels * CHANNEL_METRICS.length + sources * SOURCE_METRICS.length;
  return { months, channels, sources, series, size: series * months + SCALARS.length };
}

/** Row of a global metric. */
export function globalRow(metric: GlobalMetric): number {
  return G[metric];
}

/** Row of a channel metric for channel `c` (index among all channels). */
export function channelRow(layout: SummaryLayout, c: number, metric: ChannelMetric): number {
  return GLOBAL_METRICS.length + c * CHANNEL_METRICS.length + C[metric];
}

/** Row of a source metric for source `s`. */
export function sourceRow(layout: SummaryLayout, s: number, metric: SourceMetric): number {
  return (
    GLOBAL_METRICS.length +
    layout.channels * CHANNEL_METRICS.length +
    s * SOURCE_METRICS.length +
    SRC[metric]
  );
}

export function scalarIndex(layout: SummaryLayout, scalar: Scalar): number {
  return layout.series * layout.months + SCALARS.indexOf(scalar);
}

/** A copy of one row as a Float64Array view (no copy: a subarray). */
export function rowOf(values: Float64Array, layout: SummaryLayout, row: number): Float64Array {
  return values.subarray(row * layout.months, (row + 1) * layout.months);
}
