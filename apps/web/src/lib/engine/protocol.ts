/**
 * What crosses between the page and the coordinator worker. Plain data only (structured clone):
 * a run plan goes in, summarized results and progress come back.
 */
import type { RunPlan, RunResult, Stat, StopReason } from '@journeycast/sim-core';
import type { WorkerCensus } from './census.ts';

export type { WorkerCensus };

/** The running precision of the paired NPV estimate (95 % interval half-width). */
export interface PrecisionInfo {
  n: number;
  mean: number;
  halfWidth: number;
  /** halfWidth / |mean| (Infinity when the mean is 0). */
  relativeHalfWidth: number;
  /** Whether the scenario's precision target is met. */
  met: boolean;
}

export interface RunUpdate {
  runId: number;
  /** True for the last update of a run (complete, stopped by precision, cancelled or failed). */
  final: boolean;
  stoppedBy?: StopReason;
  error?: string;
  /** Replications 0..done−1 are in the result. */
  done: number;
  target: number;
  precision?: PrecisionInfo;
  /** Summary of replications 0..done−1; absent until the first replication is in. */
  result?: RunResult;
  /** With `view: 'npv'`: each variant's incremental NPV only (instead of `result`). */
  npv?: NpvView;
  /** Milliseconds since the coordinator received the run. */
  elapsedMs: number;
}

/** Incremental NPV by variant: what a sweep (the tornado) needs, a few bytes per variant. */
export interface NpvView {
  replications: number;
  variants: Record<string, { label: string; npv: Stat }>;
}

/** What a run sends back: everything, or incremental NPV only (for large sweeps). */
export type RunView = 'full' | 'npv';

export interface CoordinatorInfo {
  workers: number;
  engineVersion: string;
}

/**
 * What the coordinator installs as `self.__journeycastTest` in its own global scope when started
 * with `testHooks` (see coordinator.worker.ts): reachable from a debugger only, never from the page.
 */
export interface CoordinatorTestHooks {
  /**
   * Makes one engine worker fail once a run has `afterDone` replications merged: 'throw' makes
   * its next batch throw, 'exit' makes it die (an uncaught error, then the worker closes), 'close'
   * makes it end silently (self.close(), no error event: found by the pool's Web Lock lifeline).
   */
  armFault(mode: 'throw' | 'exit' | 'close', afterDone?: number): void;
  census(): WorkerCensus & { faultsInjected: number; runsCancelled: number };
  /** Makes the coordinator worker itself die (an uncaught error), as a crash would. */
  crashCoordinator(): void;
}

export interface CoordinatorApi {
  /** Spawns the engine workers (idempotent); `testHooks` installs the test hooks above. */
  init(workers: number, options?: { testHooks?: boolean }): CoordinatorInfo;
  /** Engine workers alive now, the most alive at once, and started in all (for leak checks). */
  census(): WorkerCensus;
  /**
   * Runs a plan, calling `onUpdate` with throttled partial results (at most one per `throttleMs`,
   * the first as soon as replication 0 is in) and once more at the end. Resolves with the last update.
   */
  run(
    runId: number,
    plan: RunPlan,
    options: { throttleMs: number; view?: RunView },
    onUpdate: (update: RunUpdate) => void,
  ): Promise<RunUpdate>;
  /** Stops handing out work for a run; it resolves as cancelled with what it has. */
  cancel(runId: number): void;
}
