import type { ModelSpec } from '@journeycast/models';

/** One variant of a run: a full model (baseline overrides already applied). */
export interface PlanVariant {
  id: string;
  label: string;
  model: ModelSpec;
}

/**
 * Stop early once the paired NPV estimate is precise enough: the 95 % confidence half-width of the
 * mean incremental NPV of every non-baseline variant (or of the baseline's own NPV when the run has
 * no variant) is below the target. Checked only at fixed replication counts (minReplications, then
 * every checkEvery) on the first n replications, so the stopping point never depends on how many
 * workers ran or in which order they finished.
 */
export interface PrecisionTarget {
  /** Target half-width as a share of |mean| (e.g. 0.05 = ±5 %). */
  relativeHalfWidth?: number;
  /** Target half-width in money. */
  absoluteHalfWidth?: number;
  minReplications: number;
  checkEvery: number;
}

/** Everything a run needs; plain data, so it crosses to workers by structured clone. */
export interface RunPlan {
  seed: number;
  /** variants[0] is the baseline every other variant is paired against. */
  variants: PlanVariant[];
  /** Simulated customers standing for the population at month 0. */
  agents: number;
  /** Customers each simulated customer stands for. */
  customersPerAgent: number;
  queueDaysPerMonth: number;
  /** Replications to run (the most, when a precision target may stop earlier). */
  replications: number;
  precision?: PrecisionTarget;
}

/** One replication's summaries, one Float64Array per variant in plan order (see summaryLayout.ts). */
export interface ReplicationRecord {
  replication: number;
  summaries: Float64Array[];
}
