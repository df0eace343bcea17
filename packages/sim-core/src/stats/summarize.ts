/**
 * From replication summaries to the figures people read: each variant's totals and monthly bands,
 * its channels, and, paired against the baseline, NPV, ROI, payback and IRR as distributions, the
 * deltas of revenue, cost-to-serve and retention, and a waterfall of NPV by driver.
 *
 * Every statistic is computed from per-replication values taken in replication order, so the
 * result is a pure function of the replications present: independent of workers, batches and
 * shards. Quantiles are simple-statistics' `quantileSorted` (nearest rank, averaging at exact
 * ranks); means use Kahan–Babuška summation (simple-statistics `sum`).
 */
import { discountFactors, yearlyTable, type YearlyRow } from '@journeycast/models';
import { quantileSorted, sum } from 'simple-statistics';
import { compileModel, type CompiledModel } from '../engine/compile.ts';
import { layoutFor } from '../engine/simulate.ts';
import {
  C,
  channelRow,
  G,
  GLOBAL_METRICS,
  rowOf,
  scalarIndex,
  sourceRow,
  type GlobalMetric,
  type SummaryLayout,
} from '../engine/summaryLayout.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import type { RunPlan } from '../runner/plan.ts';
import type { ResultCollector } from './collector.ts';
import { ownNpv, pairedReplication, terminalValueOf } from './paired.ts';

/** A distribution across replications. */
export interface Stat {
  mean: number;
  sd: number;
  /** Standard error of the mean (sd / √n). */
  se: number;
  p10: number;
  p50: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

/**
 * A distribution where some replications have no value (payback never reached, IRR undefined):
 * quantiles treat "never" as later than any month (null where it falls in the quantile), and
 * `missing` counts them.
 */
export interface OptionalStat {
  mean: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Replications without a value. */
  missing: number;
  n: number;
  /** Why a value can be missing. */
  missingMeans: string;
}

export interface Band {
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface ChannelResult {
  label: string;
  kind: 'staffed' | 'selfService';
  contacts: Stat;
  answered: Stat;
  /** Staffed: share of calls abandoned; self-service: share of attempts that failed. */
  abandonRate: Stat;
  /** Mean wait of all callers, minutes (staffed). */
  meanWaitMinutes: Stat;
  /** Share answered within the service-level threshold (staffed). */
  serviceLevel: Stat;
  /** Share of callers who waited at all (staffed). */
  pWait: Stat;
  /** Share of on-duty agent time spent handling contacts (staffed). */
  occupancy: Stat;
  /** Share of the customers' contacts (presales calls excluded) that resolved the need; ≤ 1. */
  resolutionRate: Stat;
  cost: Stat;
  monthly: {
    contacts: number[];
    abandonRate: number[];
    meanWaitMinutes: number[];
    serviceLevel: number[];
  };
}

export interface PairedResult {
  npv: Stat;
  /** Samples of incremental NPV in replication order (for histograms). */
  npvSamples: number[];
  pNpvPositive: number;
  roi: OptionalStat;
  paybackMonth: OptionalStat;
  discountedPaybackMonth: OptionalStat;
  irr: OptionalStat;
  investmentPresentValue: Stat;
  deltas: {
    revenue: Stat;
    revenuePct: Stat;
    costToServe: Stat;
    costToServePct: Stat;
    /** Change of cost-to-serve per customer per year, % (the unit cost the CX literature quotes). */
    costToServePerCustomerPct: Stat;
    retention12m: Stat;
    activeCustomersEnd: Stat;
    /** Ratio of the odds of renewing at a renewal point (variant / baseline). */
    renewalOddsRatio: Stat | null;
    /** Ratio of cross-sell rates per customer-month (variant / baseline). */
    crossSellRateRatio: Stat | null;
  };
  /** Incremental NPV by driver; the drivers sum to the incremental NPV in every replication. */
  drivers: Record<Driver, Stat>;
  /** Cumulative incremental net cash by month. */
  cumulativeIncrementalNet: Band;
}

/**
 * What moves NPV between baseline and variant. `terminalValue` is the difference in the value of
 * the customers still active at the horizon (zero unless the model turns terminal value on).
 */
export const DRIVERS = [
  'retention',
  'crossSell',
  'referral',
  'acquisition',
  'costToServe',
  'investment',
  'terminalValue',
] as const;
export type Driver = (typeof DRIVERS)[number];

export interface VariantResult {
  id: string;
  label: string;
  totals: Record<TotalName, Stat>;
  monthly: Record<GlobalMetric, number[]>;
  bands: Record<BandName, Band>;
  channels: Record<string, ChannelResult>;
  sources: Record<string, SourceResult>;
  yearly: YearlyRow[];
  vsBaseline?: PairedResult;
}

/**
 * One acquisition source over the horizon: customers acquired, media spend, prospects lost with an
 * unanswered presales call, its customers still active at the horizon, and the margin its
 * customers earned.
 */
export interface SourceResult {
  label: string;
  acquired: Stat;
  spend: Stat;
  lost: Stat;
  activeEnd: Stat;
  revenue: Stat;
}

export const TOTALS = [
  'revenue',
  'costToServe',
  'acquisitionSpend',
  'investment',
  'netCashFlow',
  'npv',
  'activeCustomersEnd',
  'retention12m',
  'acquired',
  'lostConversions',
  'churned',
  'crossSells',
  'referred',
  'contacts',
  'staffedContacts',
  'repeatContacts',
  'costToServePerCustomerYear',
  'meanSatisfactionEnd',
  'npsEnd',
] as const;
export type TotalName = (typeof TOTALS)[number];

export const BANDS = [
  'activeCustomers',
  'cumulativeNetCash',
  'revenue',
  'costToServe',
  'meanSatisfaction',
  'npsProxy',
] as const;
export type BandName = (typeof BANDS)[number];

export interface RunResult {
  engineVersion: string;
  seed: number;
  replications: number;
  months: number;
  baseline: string;
  variants: Record<string, VariantResult>;
}

/** Distribution of values (any order; sorted internally). */
export function stat(values: readonly number[]): Stat {
  const n = values.length;
  if (n === 0)
    return { mean: NaN, sd: NaN, se: NaN, p10: NaN, p50: NaN, p90: NaN, min: NaN, max: NaN, n: 0 };
  const mean = sum(values as number[]) / n;
  const squares = values.map((x) => (x - mean) * (x - mean));
  const sd = n > 1 ? Math.sqrt(sum(squares) / (n - 1)) : 0;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean,
    sd,
    se: sd / Math.sqrt(n),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    n,
  };
}

/** Distribution where null means "never / undefined", ranked after every number. */
export function optionalStat(
  values: readonly (number | null)[],
  missingMeans: string,
): OptionalStat {
  const n = values.length;
  const present = values.filter((v): v is number => v !== null);
  const missing = n - present.length;
  const sorted = [...present].sort((a, b) => a - b);
  const q = (p: number): number | null => {
    if (n === 0) return null;
    const rank = Math.ceil(p * n);
    return rank <= sorted.length ? sorted[Math.max(0, rank - 1)]! : null;
  };
  return {
    mean: missing === 0 && n > 0 ? sum(present) / n : null,
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    missing,
    n,
    missingMeans,
  };
}

function band(series: readonly Float64Array[] | readonly number[][], months: number): Band {
  const out: Band = { mean: [], p10: [], p50: [], p90: [] };
  for (let m = 0; m < months; m++) {
    const s = stat(series.map((x) => x[m]!));
    out.mean.push(s.mean);
    out.p10.push(s.p10);
    out.p50.push(s.p50);
    out.p90.push(s.p90);
  }
  return out;
}

function ratio(a: number, b: number): number {
  return b !== 0 ? a / b : 0;
}

/** Customers the month's revenue was earned on: active at the month's end plus those who left in it. */
function revenueCustomers(summary: Float64Array, layout: SummaryLayout, m: number): number {
  const H = layout.months;
  return summary[G.activeCustomers * H + m]! + summary[G.churned * H + m]!;
}

/** Per-replication horizon totals of one variant. */
function totalsOf(
  model: CompiledModel,
  summary: Float64Array,
  layout: SummaryLayout,
  factors: Float64Array,
): Record<TotalName, number> {
  const H = layout.months;
  const row = (metric: GlobalMetric) => rowOf(summary, layout, G[metric]);
  const total = (metric: GlobalMetric) => {
    const r = row(metric);
    let s = 0;
    for (let m = 0; m < H; m++) s += r[m]!;
    return s;
  };
  const initial = summary[scalarIndex(layout, 'initialCustomers')]!;
  const retentionMonths = Math.min(12, H);
  let churned12 = 0;
  let acquired12 = 0;
  for (let m = 0; m < retentionMonths; m++) {
    churned12 += row('churned')[m]!;
    acquired12 += row('acquired')[m]!;
  }
  let customerMonths = 0;
  for (let m = 0; m < H; m++) customerMonths += revenueCustomers(summary, layout, m);
  const costToServe = total('costToServe');
  return {
    revenue: total('revenue'),
    costToServe,
    acquisitionSpend: total('acquisitionSpend'),
    investment: total('investment'),
    netCashFlow: total('netCashFlow'),
    npv: ownNpv(model, summary, layout, factors),
    activeCustomersEnd: row('activeCustomers')[H - 1]!,
    retention12m: 1 - ratio(churned12, initial + acquired12),
    acquired: total('acquired'),
    lostConversions: total('lostConversions'),
    churned: total('churned'),
    crossSells: total('crossSells'),
    referred: total('referred'),
    contacts: total('needs') + total('repeatContacts'),
    staffedContacts: total('staffedContacts'),
    repeatContacts: total('repeatContacts'),
    costToServePerCustomerYear: customerMonths > 0 ? (costToServe / customerMonths) * 12 : 0,
    meanSatisfactionEnd: row('meanSatisfaction')[H - 1]!,
    npsEnd: row('npsProxy')[H - 1]!,
  };
}

/**
 * NPV contributions by driver for one replication (see DRIVERS). With R(m) the customers revenue
 * was earned on and rpc the baseline's revenue per such customer:
 *   Δrevenue = ΔR·rpc_b + R_v·(rpc_v − rpc_b)
 * and, customers being conserved (R = initial + Σ acquired − Σ earlier churn),
 *   ΔR = Δ cumulative acquisitions (paid) + Δ cumulative referrals − Δ cumulative earlier churn.
 * So retention = −Δchurn·rpc_b, referral = Δreferrals·rpc_b, acquisition = Δpaid acquisitions·rpc_b
 * − Δacquisition spend, cross-sell = R_v·Δrpc (products and mix per customer), cost-to-serve =
 * −Δcost, investment = −Δinvestment, and terminalValue = the difference in the value of customers
 * still active at the horizon. Each is discounted like the NPV; they sum to it exactly in exact
 * arithmetic (to rounding here).
 */
function driversOf(
  baselineModel: CompiledModel,
  variantModel: CompiledModel,
  baseline: Float64Array,
  variant: Float64Array,
  layout: SummaryLayout,
  factors: Float64Array,
): Record<Driver, number> {
  const H = layout.months;
  const at = (s: Float64Array, metric: GlobalMetric, m: number) => s[G[metric] * H + m]!;
  const out: Record<Driver, number> = {
    retention: 0,
    crossSell: 0,
    referral: 0,
    acquisition: 0,
    costToServe: 0,
    investment: 0,
    terminalValue:
      terminalValueOf(variantModel, variant, layout) -
      terminalValueOf(baselineModel, baseline, layout),
  };
  let cumReferred = 0;
  let cumPaid = 0;
  for (let m = 0; m < H; m++) {
    const f = factors[m]!;
    cumReferred += at(variant, 'referred', m) - at(baseline, 'referred', m);
    cumPaid +=
      at(variant, 'acquired', m) -
      at(variant, 'referred', m) -
      (at(baseline, 'acquired', m) - at(baseline, 'referred', m));
    const rb = revenueCustomers(baseline, layout, m);
    const rv = revenueCustomers(variant, layout, m);
    const rpcB = rb > 0 ? at(baseline, 'revenue', m) / rb : 0;
    const rpcV = rv > 0 ? at(variant, 'revenue', m) / rv : 0;
    // Whatever the customer count change does not explain (numerically) goes to retention, so the
    // drivers always add up to the revenue difference.
    const dR = rv - rb;
    const referral = cumReferred * rpcB;
    const acquisition = cumPaid * rpcB;
    const retention = dR * rpcB - referral - acquisition;
    out.retention += retention * f;
    out.referral += referral * f;
    out.acquisition +=
      (acquisition - (at(variant, 'acquisitionSpend', m) - at(baseline, 'acquisitionSpend', m))) *
      f;
    out.crossSell += rv * (rpcV - rpcB) * f;
    out.costToServe -= (at(variant, 'costToServe', m) - at(baseline, 'costToServe', m)) * f;
    out.investment -= (at(variant, 'investment', m) - at(baseline, 'investment', m)) * f;
  }
  return out;
}

/** Odds of renewing at a renewal point, over the horizon. */
function renewalOdds(summary: Float64Array, layout: SummaryLayout): number | null {
  const due = sum(Array.from(rowOf(summary, layout, G.renewalsDue)));
  if (!(due > 0)) return null;
  const lost = sum(Array.from(rowOf(summary, layout, G.nonRenewals)));
  const renewed = due - lost;
  return lost > 0 ? renewed / lost : null;
}

function crossSellRate(summary: Float64Array, layout: SummaryLayout): number {
  let customerMonths = 0;
  for (let m = 0; m < layout.months; m++) customerMonths += revenueCustomers(summary, layout, m);
  return ratio(sum(Array.from(rowOf(summary, layout, G.crossSells))), customerMonths);
}

/**
 * The result of a run over replications 0..n−1 of the collector (n defaults to all contiguous ones).
 */
export function summarize(
  plan: RunPlan,
  collector: ResultCollector,
  n = collector.contiguousCount(),
): RunResult {
  const models = plan.variants.map((v) => compileModel(v.model));
  const baselineModel = models[0]!;
  const baseLayout = layoutFor(baselineModel);
  const H = baseLayout.months;
  for (const model of models) {
    if (model.horizon !== H) {
      throw new Error(
        `every variant must share the baseline's horizon (${H} months); one has ${model.horizon}`,
      );
    }
  }
  const factors = discountFactors(H, baselineModel.annualDiscountRate);
  const reps = Array.from({ length: n }, (_, r) => collector.get(r));

  const variants: Record<string, VariantResult> = {};
  plan.variants.forEach((variant, v) => {
    const model = models[v]!;
    const summaries = reps.map((s) => s[v]!);
    // A variant may add channels or sources, so it reads its summaries with its own layout (the
    // global rows, which pairing uses, sit at the same place in every layout).
    const layout = layoutFor(model);
    const perRep = summaries.map((s) => totalsOf(model, s, layout, factors));
    const totals = Object.fromEntries(
      TOTALS.map((t) => [t, stat(perRep.map((x) => x[t]))]),
    ) as Record<TotalName, Stat>;

    const monthly = Object.fromEntries(
      GLOBAL_METRICS.map((metric) => {
        const mean: number[] = [];
        for (let m = 0; m < H; m++)
          mean.push(n > 0 ? sum(summaries.map((s) => s[G[metric] * H + m]!)) / n : NaN);
        return [metric, mean];
      }),
    ) as Record<GlobalMetric, number[]>;

    const cumulativeNet = summaries.map((s) => {
      const out: number[] = [];
      let c = 0;
      for (let m = 0; m < H; m++) out.push((c += s[G.netCashFlow * H + m]!));
      return out;
    });
    const bands: Record<BandName, Band> = {
      activeCustomers: band(
        summaries.map((s) => rowOf(s, layout, G.activeCustomers)),
        H,
      ),
      cumulativeNetCash: band(cumulativeNet, H),
      revenue: band(
        summaries.map((s) => rowOf(s, layout, G.revenue)),
        H,
      ),
      costToServe: band(
        summaries.map((s) => rowOf(s, layout, G.costToServe)),
        H,
      ),
      meanSatisfaction: band(
        summaries.map((s) => rowOf(s, layout, G.meanSatisfaction)),
        H,
      ),
      npsProxy: band(
        summaries.map((s) => rowOf(s, layout, G.npsProxy)),
        H,
      ),
    };

    const channels: Record<string, ChannelResult> = {};
    model.channelIds.forEach((id, c) => {
      const spec = model.spec.channels[id]!;
      const r = (metric: keyof typeof C) => channelRow(layout, c, metric);
      const total = (s: Float64Array, metric: keyof typeof C) => {
        const row = r(metric);
        let t = 0;
        for (let m = 0; m < H; m++) t += s[row * H + m]!;
        return t;
      };
      const onDutyShare = spec.kind === 'staffed' ? 1 - spec.shrinkage : 1;
      const monthlyOf = (num: keyof typeof C, den: keyof typeof C) => {
        const out: number[] = [];
        for (let m = 0; m < H; m++) {
          out.push(
            n > 0
              ? sum(summaries.map((s) => ratio(s[r(num) * H + m]!, s[r(den) * H + m]!))) / n
              : NaN,
          );
        }
        return out;
      };
      channels[id] = {
        label: spec.label,
        kind: spec.kind,
        contacts: stat(summaries.map((s) => total(s, 'contacts'))),
        answered: stat(summaries.map((s) => total(s, 'answered'))),
        abandonRate: stat(
          summaries.map((s) =>
            spec.kind === 'staffed'
              ? ratio(total(s, 'abandoned'), total(s, 'contacts'))
              : 1 - ratio(total(s, 'resolved'), total(s, 'contacts')),
          ),
        ),
        meanWaitMinutes: stat(
          summaries.map((s) => ratio(total(s, 'waitMinutes'), total(s, 'contacts'))),
        ),
        serviceLevel: stat(
          summaries.map((s) => ratio(total(s, 'withinTarget'), total(s, 'contacts'))),
        ),
        pWait: stat(summaries.map((s) => ratio(total(s, 'delayed'), total(s, 'contacts')))),
        occupancy: stat(
          summaries.map((s) =>
            ratio(total(s, 'handledMinutes') / 60, total(s, 'paidHours') * onDutyShare),
          ),
        ),
        // Resolved over the customers' own contacts (not the queue's calls, which include
        // presales calls and come from another estimate): both counts from the same customers.
        resolutionRate: stat(
          summaries.map((s) => ratio(total(s, 'resolved'), total(s, 'customerContacts'))),
        ),
        cost: stat(summaries.map((s) => total(s, 'cost'))),
        monthly: {
          contacts: Array.from({ length: H }, (_, m) =>
            n > 0 ? sum(summaries.map((s) => s[r('contacts') * H + m]!)) / n : NaN,
          ),
          abandonRate: monthlyOf('abandoned', 'contacts'),
          meanWaitMinutes: monthlyOf('waitMinutes', 'contacts'),
          serviceLevel: monthlyOf('withinTarget', 'contacts'),
        },
      };
    });

    const sources: VariantResult['sources'] = {};
    model.sourceIds.forEach((id, s) => {
      const total = (summary: Float64Array, metric: 'acquired' | 'spend' | 'lost' | 'revenue') => {
        const row = sourceRow(layout, s, metric);
        let t = 0;
        for (let m = 0; m < H; m++) t += summary[row * H + m]!;
        return t;
      };
      const activeRow = sourceRow(layout, s, 'active');
      sources[id] = {
        label: model.spec.sources[id]!.label,
        acquired: stat(summaries.map((x) => total(x, 'acquired'))),
        spend: stat(summaries.map((x) => total(x, 'spend'))),
        lost: stat(summaries.map((x) => total(x, 'lost'))),
        activeEnd: stat(summaries.map((x) => x[activeRow * H + H - 1]!)),
        revenue: stat(summaries.map((x) => total(x, 'revenue'))),
      };
    });

    const yearly = yearlyTable({
      monthly: {
        revenue: monthly.revenue,
        costToServe: monthly.costToServe,
        acquisition: monthly.acquisitionSpend,
        investment: monthly.investment,
      },
      annualDiscountRate: model.annualDiscountRate,
      // With a terminal value, the table's last row carries it (the mean over replications, as
      // the rows are means), so cumulative discounted + discounted terminal value = the NPV.
      ...(model.terminalValue && n > 0
        ? { terminalValue: sum(summaries.map((x) => terminalValueOf(model, x, layout))) / n }
        : {}),
    });

    const result: VariantResult = {
      id: variant.id,
      label: variant.label,
      totals,
      monthly,
      bands,
      channels,
      sources,
      yearly,
    };

    if (v > 0) {
      const baselineSummaries = reps.map((s) => s[0]!);
      const paired = summaries.map((s, r) =>
        pairedReplication(baselineModel, model, baselineSummaries[r]!, s, layout),
      );
      const basePerRep = baselineSummaries.map((s) =>
        totalsOf(baselineModel, s, baseLayout, factors),
      );
      const npvSamples = paired.map((p) => p.npv);
      const drivers = summaries.map((s, r) =>
        driversOf(baselineModel, model, baselineSummaries[r]!, s, layout, factors),
      );
      const cumulativeIncremental = summaries.map((s, r) => {
        const b = baselineSummaries[r]!;
        const out: number[] = [];
        let c = 0;
        for (let m = 0; m < H; m++)
          out.push((c += s[G.netCashFlow * H + m]! - b[G.netCashFlow * H + m]!));
        return out;
      });
      const renewal = summaries.map((s, r) => {
        const a = renewalOdds(s, layout);
        const b = renewalOdds(baselineSummaries[r]!, layout);
        return a !== null && b !== null && b > 0 ? a / b : null;
      });
      const crossSell = summaries.map((s, r) => {
        const b = crossSellRate(baselineSummaries[r]!, layout);
        return b > 0 ? crossSellRate(s, layout) / b : null;
      });
      const presentOnly = (xs: (number | null)[]) =>
        xs.every((x) => x !== null) ? stat(xs as number[]) : null;
      result.vsBaseline = {
        npv: stat(npvSamples),
        npvSamples,
        pNpvPositive: n > 0 ? npvSamples.filter((x) => x > 0).length / n : NaN,
        roi: optionalStat(
          paired.map((p) => p.roi.ratio),
          'no investment: ROI is undefined',
        ),
        paybackMonth: optionalStat(
          paired.map((p) => p.paybackMonth.fractionalMonth),
          'not within horizon',
        ),
        discountedPaybackMonth: optionalStat(
          paired.map((p) => p.discountedPaybackMonth.fractionalMonth),
          'not within horizon',
        ),
        irr: optionalStat(
          paired.map((p) => p.irr.annual),
          'no IRR: the incremental flows do not change sign',
        ),
        investmentPresentValue: stat(paired.map((p) => p.investmentPresentValue)),
        deltas: {
          revenue: stat(perRep.map((x, r) => x.revenue - basePerRep[r]!.revenue)),
          revenuePct: stat(
            perRep.map(
              (x, r) => 100 * ratio(x.revenue - basePerRep[r]!.revenue, basePerRep[r]!.revenue),
            ),
          ),
          costToServe: stat(perRep.map((x, r) => x.costToServe - basePerRep[r]!.costToServe)),
          costToServePct: stat(
            perRep.map(
              (x, r) =>
                100 * ratio(x.costToServe - basePerRep[r]!.costToServe, basePerRep[r]!.costToServe),
            ),
          ),
          costToServePerCustomerPct: stat(
            perRep.map(
              (x, r) =>
                100 *
                ratio(
                  x.costToServePerCustomerYear - basePerRep[r]!.costToServePerCustomerYear,
                  basePerRep[r]!.costToServePerCustomerYear,
                ),
            ),
          ),
          retention12m: stat(perRep.map((x, r) => x.retention12m - basePerRep[r]!.retention12m)),
          activeCustomersEnd: stat(
            perRep.map((x, r) => x.activeCustomersEnd - basePerRep[r]!.activeCustomersEnd),
          ),
          renewalOddsRatio: presentOnly(renewal),
          crossSellRateRatio: presentOnly(crossSell),
        },
        drivers: Object.fromEntries(
          DRIVERS.map((d) => [d, stat(drivers.map((x) => x[d]))]),
        ) as Record<Driver, Stat>,
        cumulativeIncrementalNet: band(cumulativeIncremental, H),
      };
    }
    variants[variant.id] = result;
  });

  return {
    engineVersion: ENGINE_VERSION,
    seed: plan.seed,
    replications: n,
    months: H,
    baseline: plan.variants[0]!.id,
    variants,
  };
}
