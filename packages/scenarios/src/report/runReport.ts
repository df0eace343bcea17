/**
 * A run's result as a stable, self-describing document (what `journeycast run --format json`
 * prints and what an export stamps): the scenario's id, title and hash, the engine version, seed
 * and replications, and per variant its totals, monthly means, channels and, against the baseline,
 * the paired finance. Derived from sim-core's `RunResult`, without per-replication samples and
 * without wall-clock fields, so two runs of the same scenario compare byte for byte.
 */
import {
  DRIVERS,
  TOTALS,
  type OptionalStat,
  type RunResult,
  type Stat,
  type TotalName,
  type VariantResult,
} from '@journeycast/sim-core';
import type { Scenario } from '../schema/scenarioSchema.ts';
import type { BaselineChange } from '../validate/baselineChanges.ts';
import { CHANNEL_STATS, DELTAS } from '../validate/metrics.ts';

/** A distribution in five numbers. */
export interface StatSummary {
  mean: number;
  sd: number;
  p10: number;
  p50: number;
  p90: number;
}

/** A distribution where some replications have no value (`missing` of them). */
export interface OptionalSummary {
  mean: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  missing: number;
}

export interface ChannelReport {
  label: string;
  kind: 'staffed' | 'selfService';
  [stat: string]: StatSummary | string;
}

export interface PairedReport {
  npv: StatSummary;
  pNpvPositive: number;
  roi: OptionalSummary;
  paybackMonth: OptionalSummary;
  discountedPaybackMonth: OptionalSummary;
  irr: OptionalSummary;
  investmentPresentValue: StatSummary;
  deltas: Record<string, StatSummary | null>;
  drivers: Record<string, StatSummary>;
}

export interface VariantReport {
  label: string;
  totals: Record<TotalName, StatSummary>;
  monthly: Record<string, number[]>;
  channels: Record<string, ChannelReport>;
  vsBaseline?: PairedReport;
}

export interface RunReport {
  scenario: { id: string; title: string; hash: string };
  currency: string;
  engineVersion: string;
  seed: number;
  replications: number;
  agents: number;
  /** Why the run stopped: all replications done, or the precision target met. */
  stoppedBy: string;
  /** Changes made to the baseline for this run (CLI --set), when any. */
  set?: BaselineChange[];
  variants: Record<string, VariantReport>;
}

export function statSummary(s: Stat): StatSummary {
  return { mean: s.mean, sd: s.sd, p10: s.p10, p50: s.p50, p90: s.p90 };
}

export function optionalSummary(s: OptionalStat): OptionalSummary {
  return { mean: s.mean, p10: s.p10, p50: s.p50, p90: s.p90, missing: s.missing };
}

function variantReport(result: VariantResult): VariantReport {
  const channels: Record<string, ChannelReport> = {};
  for (const [id, channel] of Object.entries(result.channels)) {
    const entry: ChannelReport = { label: channel.label, kind: channel.kind };
    for (const name of CHANNEL_STATS) entry[name] = statSummary(channel[name]);
    channels[id] = entry;
  }
  const report: VariantReport = {
    label: result.label,
    totals: Object.fromEntries(TOTALS.map((t) => [t, statSummary(result.totals[t])])) as Record<
      TotalName,
      StatSummary
    >,
    monthly: { ...result.monthly },
    channels,
  };
  const paired = result.vsBaseline;
  if (paired !== undefined) {
    report.vsBaseline = {
      npv: statSummary(paired.npv),
      pNpvPositive: paired.pNpvPositive,
      roi: optionalSummary(paired.roi),
      paybackMonth: optionalSummary(paired.paybackMonth),
      discountedPaybackMonth: optionalSummary(paired.discountedPaybackMonth),
      irr: optionalSummary(paired.irr),
      investmentPresentValue: statSummary(paired.investmentPresentValue),
      deltas: Object.fromEntries(
        DELTAS.map((d) => {
          const s = paired.deltas[d];
          return [d, s === null ? null : statSummary(s)];
        }),
      ),
      drivers: Object.fromEntries(DRIVERS.map((d) => [d, statSummary(paired.drivers[d])])),
    };
  }
  return report;
}

export interface RunReportOptions {
  hash: string;
  agents: number;
  stoppedBy: string;
  set?: readonly BaselineChange[];
}

export function runReport(
  scenario: Scenario,
  result: RunResult,
  options: RunReportOptions,
): RunReport {
  return {
    scenario: { id: scenario.id, title: scenario.title, hash: options.hash },
    currency: scenario.currency,
    engineVersion: result.engineVersion,
    seed: result.seed,
    replications: result.replications,
    agents: options.agents,
    stoppedBy: options.stoppedBy,
    ...(options.set !== undefined && options.set.length > 0 ? { set: [...options.set] } : {}),
    variants: Object.fromEntries(
      Object.entries(result.variants).map(([id, v]) => [id, variantReport(v)]),
    ),
  };
}
