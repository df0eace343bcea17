/**
 * A pool of engine workers (browser Workers or Node worker threads, both over comlink).
 *
 * Replications are handed out by index, one small batch at a time, to whichever worker is free;
 * results are stored by index (`ResultCollector`), so neither the number of workers nor the order
 * in which batches finish can change a number. A precision target is checked only at fixed
 * replication counts on the contiguous prefix 0..n−1 (see plan.ts), so the stopping point is the
 * same for 1 worker or 16.
 *
 * Cancellation stops handing out work at once and resolves the run as cancelled; a worker busy
 * with a batch finishes it (a batch is one replication, well under a second) and is reused by the
 * next run, so no worker is leaked or left running. A worker that throws or dies is replaced; the
 * run reports the error and keeps the replications already merged, labelled partial.
 */
import type { Remote } from 'comlink';
import { ENGINE_LIMITS, groupDigits, maxReplicationsFor } from '../engine/limits.ts';
import { ResultCollector } from '../stats/collector.ts';
import { precisionEstimate, type PrecisionEstimate } from '../stats/precision.ts';
import type { EngineWorkerApi } from '../worker/api.ts';
import type { RunPlan } from './plan.ts';

export interface PoolWorker {
  api: Remote<EngineWorkerApi>;
  /** Rejects when the worker dies (crash, exit, uncaught error). */
  failed: Promise<never>;
  terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

interface FailureWatch {
  failure: { error: unknown } | undefined;
  listeners: Set<(error: unknown) => void>;
}
const watches = new WeakMap<PoolWorker, FailureWatch>();

/**
 * `call`, or the worker's failure if it dies first: what `Promise.race([call, worker.failed])`
 * means, without its leak. Each race adds a reaction to `failed`, which stays pending for the
 * worker's whole life, so every batch a worker ever ran was kept in memory (about 300 bytes each:
 * 30 MB over 100,000 replications, found by runner/leaks.spec.ts). Here `failed` gets one reaction
 * per worker, and each call's listener is removed when the call settles.
 */
export function unlessWorkerFails<T>(worker: PoolWorker, call: Promise<T>): Promise<T> {
  let watch = watches.get(worker);
  if (watch === undefined) {
    const created: FailureWatch = { failure: undefined, listeners: new Set() };
    worker.failed.catch((error: unknown) => {
      created.failure = { error };
      for (const listener of created.listeners) listener(error);
      created.listeners.clear();
    });
    watches.set(worker, created);
    watch = created;
  }
  const { failure, listeners } = watch;
  if (failure !== undefined) {
    call.catch(() => undefined);
    return Promise.reject(failure.error as Error);
  }
  return new Promise<T>((resolve, reject) => {
    listeners.add(reject);
    call.then(resolve, reject).finally(() => listeners.delete(reject));
  });
}

export interface RunProgress {
  /** Replications 0..done−1 are all in. */
  done: number;
  /** Replications received (may run ahead of `done`). */
  received: number;
  /** Replications the run aims for (the most it will run). */
  target: number;
  /** The paired NPV estimate over the first `done` replications. */
  estimate: PrecisionEstimate | undefined;
  collector: ResultCollector;
}

export type StopReason = 'complete' | 'precision' | 'cancelled' | 'error';

export interface RunOutcome {
  collector: ResultCollector;
  /** Replications in the result: 0..replications−1. */
  replications: number;
  stoppedBy: StopReason;
  /** Present when a worker failed; the result then holds only what was merged before. */
  error?: string;
  partial: boolean;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Replications per batch handed to a worker (default 1: the lowest latency for cancel). */
  batchSize?: number;
}

interface Slot {
  worker: PoolWorker | undefined;
  idle: Promise<void>;
  preparedPlan: string | undefined;
}

let planCounter = 0;

export class EnginePool {
  private readonly slots: Slot[] = [];
  private disposed = false;

  constructor(
    private readonly factory: WorkerFactory,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`workers: expected a whole number ≥ 1, got ${size}`);
    for (let i = 0; i < size; i++)
      this.slots.push({ worker: undefined, idle: Promise.resolve(), preparedPlan: undefined });
  }

  /** Workers alive now (for leak tests). */
  get liveWorkers(): number {
    return this.slots.filter((s) => s.worker !== undefined).length;
  }

  private workerOf(slot: Slot): PoolWorker {
    if (slot.worker === undefined) {
      slot.worker = this.factory();
      slot.preparedPlan = undefined;
    }
    return slot.worker;
  }

  private replace(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = undefined;
    slot.preparedPlan = undefined;
  }

  async run(plan: RunPlan, options: RunOptions = {}): Promise<RunOutcome> {
    if (this.disposed) throw new Error('the engine pool was disposed');
    const planId = `plan-${++planCounter}`;
    const collector = new ResultCollector(plan.variants.length);
    // Every replication's summaries are kept until the run is summarised: a run stops with an
    // error (keeping what it has, labelled partial) before they pass ENGINE_LIMITS.maxResultBytes.
    // Checked as results arrive, not up front, so a precision target may still stop well before.
    const maxKept = maxReplicationsFor(plan.variants.map((v) => v.model));
    const batchSize = Math.max(1, options.batchSize ?? 1);
    let stopAt = plan.replications;
    let next = 0;
    // Written by the workers' loops below, read after they finish (an object, so TypeScript does
    // not narrow it at its declaration).
    const state: { stoppedBy: StopReason; error: string | undefined } = {
      stoppedBy: 'complete',
      error: undefined,
    };
    let checked = 0;
    const checkpoints = precisionCheckpoints(plan);
    const signal = options.signal;

    const stopped = () => state.stoppedBy !== 'complete' || (signal?.aborted ?? false);

    const evaluate = () => {
      const contiguous = collector.contiguousCount();
      for (; checked < checkpoints.length; checked++) {
        const n = checkpoints[checked]!;
        if (n > contiguous || n >= stopAt) break;
        const estimate = precisionEstimate(collector, plan, n);
        if (estimate !== undefined && estimate.met) {
          stopAt = n;
          state.stoppedBy = 'precision';
          checked = checkpoints.length;
          break;
        }
      }
      options.onProgress?.({
        done: Math.min(contiguous, stopAt),
        received: collector.size,
        target: plan.replications,
        estimate: precisionEstimate(collector, plan, Math.min(contiguous, stopAt)),
        collector,
      });
    };

    const drive = async (slot: Slot) => {
      while (!stopped() && next < stopAt) {
        const batch: number[] = [];
        while (batch.length < batchSize && next < stopAt) batch.push(next++);
        const worker = this.workerOf(slot);
        try {
          if (slot.preparedPlan !== planId) {
            await unlessWorkerFails(worker, worker.api.prepare(planId, plan));
            slot.preparedPlan = planId;
          }
          const records = await unlessWorkerFails(worker, worker.api.run(planId, batch));
          if (signal?.aborted) return;
          if (collector.size + records.length > maxKept) {
            if (state.stoppedBy === 'complete') {
              state.stoppedBy = 'error';
              const models = `${plan.variants.length} variant${plan.variants.length === 1 ? '' : 's'}`;
              state.error = `the run stopped at ${groupDigits(collector.size)} replications: ${groupDigits(maxKept)} replications of its ${models} are all the results a run may keep (${groupDigits(ENGINE_LIMITS.maxResultBytes / 1e6)} MB of replication summaries); run fewer replications, variants or months`;
            }
            return;
          }
          for (const record of records) collector.add(record);
          evaluate();
        } catch (failure) {
          this.replace(slot);
          if (state.stoppedBy === 'complete' || state.stoppedBy === 'precision') {
            state.stoppedBy = 'error';
            state.error = failure instanceof Error ? failure.message : String(failure);
          }
          return;
        }
      }
    };

    const runs = this.slots.map((slot) => {
      const done = slot.idle.then(() => drive(slot));
      slot.idle = done.catch(() => undefined);
      return done;
    });
    const aborted = new Promise<void>((resolve) => {
      if (signal === undefined) return;
      if (signal.aborted) resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await Promise.race([Promise.all(runs), aborted]);

    if (signal?.aborted) state.stoppedBy = 'cancelled';
    const { stoppedBy, error } = state;
    const contiguous = collector.contiguousCount();
    const partial = stoppedBy === 'error' || stoppedBy === 'cancelled';
    const replications = partial ? contiguous : Math.min(stopAt, contiguous);
    collector.truncate(replications);
    return {
      collector,
      replications,
      stoppedBy,
      partial,
      ...(error !== undefined ? { error } : {}),
    };
  }

  /** Waits for running batches, then terminates every worker. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.slots.map((s) => s.idle));
    for (const slot of this.slots) this.replace(slot);
  }

  /** Terminates every worker at once, even mid-batch. */
  terminate(): void {
    this.disposed = true;
    for (const slot of this.slots) this.replace(slot);
  }
}

/** The replication counts at which the precision target is checked. */
export function precisionCheckpoints(plan: RunPlan): number[] {
  const p = plan.precision;
  if (p === undefined) return [];
  const out: number[] = [];
  const start = Math.max(2, p.minReplications);
  const step = Math.max(1, p.checkEvery);
  for (let n = start; n < plan.replications; n += step) out.push(n);
  return out;
}
