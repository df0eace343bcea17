/**
 * A pool of engine workers (browser Workers or Node worker threads, both over comlink).
 *
 * Replications are handed out by index, one small batch at a time, to whichever worker is free;
 * results are stored by index (`ResultCollector`), so neither the number of workers nor the order
 * in which batches finish can change a number. A precision target is checked only at fixed
 * replication counts on the contiguous prefix 0..n−1 (see plan.ts), so the stopping point is the
 * same for 1 worker or 16, and the result is exactly that prefix: replications that other workers
 * were still running when the target was met are dropped, and a worker that fails while running
 * them does not make the result partial.
 *
 * Cancellation stops handing out work at once and resolves the run as cancelled; a worker busy
 * with a batch finishes it (a batch is one replication, well under a second) and is reused by the
 * next run, so no worker is leaked or left running. A worker that throws or dies is replaced; the
 * run reports the error and keeps the replications already merged, labelled partial.
 *
 * Dying includes dying silently (a browser worker that calls `self.close()`, a thread that closes
 * its channel): each binding turns that into its worker's `failed` signal without any timer
 * (worker/browserPool.ts, worker/node.ts), so a slow worker is never mistaken for a dead one.
 * A worker that answers with another engine version than this pool's is refused.
 */
import type { Remote } from 'comlink';
import { ENGINE_LIMITS, groupDigits, maxReplicationsFor } from '../engine/limits.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { ResultCollector } from '../stats/collector.ts';
import { PrecisionTracker, type PrecisionEstimate } from '../stats/precision.ts';
import type { EngineWorkerApi } from '../worker/api.ts';
import type { RunPlan } from './plan.ts';

export interface PoolWorker {
  api: Remote<EngineWorkerApi>;
  /**
   * Rejects once the worker can no longer answer: it crashed, exited, threw outside a call, or
   * ended without a word (closed itself, closed its channel, was killed). A binding must detect
   * the silent endings too, or a batch sent to such a worker stays pending for ever; it must not
   * use a timer to do so, or a slow worker would be taken for a dead one.
   */
  failed: Promise<never>;
  terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

interface FailureWatch {
  failure: { error: unknown } | undefined;
  listeners: Set<(error: unknown) => void>;
}
const watches = new WeakMap<PoolWorker, FailureWatch>();

/** The one reaction to `worker.failed` (see unlessWorkerFails), made on first need. */
function watchOf(worker: PoolWorker): FailureWatch {
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
  return watch;
}

/**
 * `call`, or the worker's failure if it dies first: what `Promise.race([call, worker.failed])`
 * means, without its leak. Each race adds a reaction to `failed`, which stays pending for the
 * worker's whole life, so every batch a worker ever ran was kept in memory (about 300 bytes each:
 * 30 MB over 100,000 replications, found by runner/leaks.spec.ts). Here `failed` gets one reaction
 * per worker, and each call's listener is removed when the call settles.
 */
export function unlessWorkerFails<T>(worker: PoolWorker, call: Promise<T>): Promise<T> {
  const { failure, listeners } = watchOf(worker);
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
  /**
   * The paired NPV estimate over the first `done` replications, with its standard error and 95 %
   * half-width (undefined before 2).
   */
  estimate: PrecisionEstimate | undefined;
  collector: ResultCollector;
}

export type StopReason = 'complete' | 'precision' | 'cancelled' | 'error';

export interface RunOutcome {
  collector: ResultCollector;
  /** Replications in the result: 0..replications−1. */
  replications: number;
  stoppedBy: StopReason;
  /** Present when the run failed; the result then holds only what was merged before. */
  error?: string;
  /**
   * Present when a worker failed after the result was already whole (while running replications
   * past a precision stop): the worker was replaced, the result is unaffected.
   */
  lateFailure?: string;
  /** The result lacks replications the run meant to have (cancelled or failed). */
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
  /** The worker whose engine version was checked (a replacement is checked again). */
  checked: PoolWorker | undefined;
}

let planCounter = 0;

/** Why a worker of another build is refused (its numbers would not match this engine's). */
export function engineVersionMismatch(found: unknown): string {
  const shown = typeof found === 'string' ? found : `a ${typeof found}`;
  return `engine worker: expected engine version ${ENGINE_VERSION}, got ${shown}: the worker comes from another build of Journeycast, whose numbers would differ; reload the page (or reinstall) so that both come from the same build`;
}

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
      this.slots.push({
        worker: undefined,
        idle: Promise.resolve(),
        preparedPlan: undefined,
        checked: undefined,
      });
  }

  /** Workers alive now (for leak tests). */
  get liveWorkers(): number {
    return this.slots.filter((s) => s.worker !== undefined).length;
  }

  private workerOf(slot: Slot): PoolWorker {
    // A worker that died while idle (between runs) is replaced before it is given work, so its
    // death does not fail a run it never took part in.
    if (slot.worker !== undefined && watchOf(slot.worker).failure !== undefined) this.replace(slot);
    if (slot.worker === undefined) {
      slot.worker = this.factory();
      slot.preparedPlan = undefined;
      // Watched from the start, so a death while idle is known.
      watchOf(slot.worker);
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
    // Written by the workers' loops below, read after they finish (an object, so TypeScript does
    // not narrow it at its declaration).
    const state: {
      /** The run's end: plan.replications, or the checkpoint where the target was met. */
      stopAt: number;
      precisionMet: boolean;
      /** The first worker failure, or the result-size limit. */
      error: string | undefined;
      /** Replications 0..contiguous−1 are all in (kept here: the collector counts from 0). */
      contiguous: number;
    } = { stopAt: plan.replications, precisionMet: false, error: undefined, contiguous: 0 };
    let next = 0;
    let checked = 0;
    const checkpoints = precisionCheckpoints(plan);
    const signal = options.signal;
    // Built only when an estimate is needed (it compiles the plan's models).
    const tracker =
      checkpoints.length > 0 || options.onProgress !== undefined
        ? new PrecisionTracker(plan)
        : undefined;

    const stopped = () =>
      state.precisionMet || state.error !== undefined || (signal?.aborted ?? false);

    const evaluate = () => {
      while (collector.has(state.contiguous)) state.contiguous++;
      const contiguous = state.contiguous;
      if (tracker === undefined) return;
      for (; checked < checkpoints.length; checked++) {
        const n = checkpoints[checked]!;
        if (n > contiguous || n >= state.stopAt) break;
        tracker.advanceTo(collector, n);
        if (tracker.estimate()?.met === true) {
          state.stopAt = n;
          state.precisionMet = true;
          checked = checkpoints.length;
          break;
        }
      }
      if (options.onProgress === undefined) return;
      const done = Math.min(contiguous, state.stopAt);
      tracker.advanceTo(collector, done);
      options.onProgress({
        done,
        received: collector.size,
        target: plan.replications,
        estimate: tracker.estimate(),
        collector,
      });
    };

    const drive = async (slot: Slot) => {
      while (!stopped() && next < state.stopAt) {
        const batch: number[] = [];
        while (batch.length < batchSize && next < state.stopAt) batch.push(next++);
        try {
          const worker = this.workerOf(slot);
          if (slot.checked !== worker) {
            const version = await unlessWorkerFails(worker, worker.api.version());
            if (version !== ENGINE_VERSION) throw new Error(engineVersionMismatch(version));
            slot.checked = worker;
          }
          if (slot.preparedPlan !== planId) {
            await unlessWorkerFails(worker, worker.api.prepare(planId, plan));
            slot.preparedPlan = planId;
          }
          const records = await unlessWorkerFails(worker, worker.api.run(planId, batch));
          if (signal?.aborted) return;
          if (collector.size + records.length > maxKept) {
            if (state.error === undefined) {
              const models = `${plan.variants.length} variant${plan.variants.length === 1 ? '' : 's'}`;
              state.error = `the run stopped at ${groupDigits(collector.size)} replications: ${groupDigits(maxKept)} replications of its ${models} are all the results a run may keep (${groupDigits(ENGINE_LIMITS.maxResultBytes / 1e6)} MB of replication summaries); run fewer replications, variants or months`;
            }
            return;
          }
          for (const record of records) collector.add(record);
          evaluate();
        } catch (failure) {
          this.replace(slot);
          state.error ??= failure instanceof Error ? failure.message : String(failure);
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

    while (collector.has(state.contiguous)) state.contiguous++;
    const { stopAt, precisionMet, error } = state;
    // Whole: every replication of the run's end is in. Whatever else happened (a worker that failed
    // on a replication past a precision stop, a cancel that came after the last batch), the result
    // is then exactly replications 0..stopAt−1, the same for any number of workers.
    const whole = state.contiguous >= stopAt;
    const replications = Math.min(stopAt, state.contiguous);
    collector.truncate(replications);
    const stoppedBy: StopReason = whole
      ? precisionMet
        ? 'precision'
        : 'complete'
      : (signal?.aborted ?? false)
        ? 'cancelled'
        : 'error';
    const partial = !whole;
    if (stoppedBy === 'error') {
      return {
        collector,
        replications,
        stoppedBy,
        partial,
        error: error ?? `the run ended with replication ${state.contiguous} missing`,
      };
    }
    return {
      collector,
      replications,
      stoppedBy,
      partial,
      ...(whole && error !== undefined ? { lateFailure: error } : {}),
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
