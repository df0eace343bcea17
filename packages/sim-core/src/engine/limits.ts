import { summaryLayout } from './summaryLayout.ts';

/**
 * What one replication may hold, and what a run may keep, so that no model — however it was written
 * or whatever a slider asks — can exhaust a worker's memory or run for hours. The scenario validator checks what it can
 * foresee (packages/scenarios, validate/runLoad.ts); the engine enforces both limits as it runs and
 * stops the replication with a message naming the limit, which the pool reports as the run's error.
 */
export const ENGINE_LIMITS = {
  /**
   * Customers one replication simulates in all: those at month 0, acquired and referred, churned
   * ones included (the engine keeps their columns). About 34 bytes each (population.ts), so the
   * limit is some 340 MB of columns, 570 MB at most with the doubling slack (16.8 M rows).
   */
  maxSimulatedCustomers: 10_000_000,
  /**
   * Population-scale calls one staffed channel's queue simulates in a month: calls per open day ×
   * representative days simulated. Each costs 12 bytes of outcome pools and a heap operation, so
   * the limit keeps a channel's month under about 25 MB and a fraction of a second.
   */
  maxQueueCallsPerMonth: 2_000_000,
  /**
   * Bytes of replication summaries a run keeps (the pool's ResultCollector holds every
   * replication's summary of every variant until the run is summarised): replications × Σ over
   * variants of its summary (summaryLayout.ts: about 25 KB for 36 months and a few channels,
   * 190 KB for 120 months, 12 channels and 24 sources). Without it, 100,000 replications of 13
   * variants over 120 months would ask for 250 GB.
   */
  maxResultBytes: 1_000_000_000,
} as const;

/** What a variant's summary size depends on. */
export interface SummaryShape {
  horizonMonths: number;
  channels: Readonly<Record<string, unknown>>;
  sources: Readonly<Record<string, unknown>>;
}

/** Bytes of one replication's summaries, all variants together (Float64Array, 8 bytes a value). */
export function resultBytesPerReplication(models: readonly SummaryShape[]): number {
  let bytes = 0;
  for (const m of models) {
    bytes +=
      8 *
      summaryLayout(m.horizonMonths, Object.keys(m.channels).length, Object.keys(m.sources).length)
        .size;
  }
  return bytes;
}

/** The most replications whose summaries fit ENGINE_LIMITS.maxResultBytes. */
export function maxReplicationsFor(models: readonly SummaryShape[]): number {
  return Math.floor(ENGINE_LIMITS.maxResultBytes / Math.max(1, resultBytesPerReplication(models)));
}

/** 12345678 → "12,345,678" (messages only; no locale, the same everywhere). */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n);
  if (Math.abs(rounded) >= 1e15) return n.toPrecision(3);
  return String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
