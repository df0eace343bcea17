/**
 * One stream of runs the page shows (the workbench's live estimate, the compare table, the ROI
 * case, the tornado): asks for a run when its inputs change, debounced, cancelling the run in
 * flight, and keeps the latest summarized result for the page to draw.
 *
 * Debounce is leading and trailing: a single change (a key press, a click) starts at once; a burst
 * of changes (a drag) runs once at its start and once more when it ends.
 */
import { untrack } from 'svelte';
import type { RunPlan, RunResult, StopReason } from '@journeycast/sim-core';
import { startRun, type RunHandle } from './client.ts';
import { isPartial, plainFailure } from './failure.ts';
import type { NpvView, PrecisionInfo, RunUpdate, RunView } from './protocol.ts';

export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';

export class LiveRun {
  status: RunStatus = $state('idle');
  /** The latest result (of the current run, or of the previous one until the first estimate). */
  result: RunResult | undefined = $state.raw(undefined);
  /** The incremental-NPV view, for runs started with view 'npv'. */
  npv: NpvView | undefined = $state.raw(undefined);
  /** True while the shown result belongs to the previous inputs. */
  stale = $state(false);
  done = $state(0);
  target = $state(0);
  precision: PrecisionInfo | undefined = $state.raw(undefined);
  stoppedBy: StopReason | undefined = $state(undefined);
  error: string | undefined = $state(undefined);
  /** Increases with every run started. */
  sequence = $state(0);
  /** When the result was completed (ISO time), for the audit stamp. */
  completedAt: string | undefined = $state(undefined);
  /** Milliseconds from the request to the first estimate of the latest run. */
  firstEstimateMs: number | undefined = $state(undefined);

  private key: string | undefined;
  private makePlan: (() => RunPlan | RunPlan[]) | undefined;
  private handle: RunHandle | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRequest = -Infinity;
  private requestedAt = 0;

  constructor(
    readonly name: string,
    private readonly debounceMs = 150,
    private readonly throttleMs = 150,
    private readonly view: RunView = 'full',
  ) {}

  /**
   * Runs `makePlan()` unless the same key is already running or done. A different key cancels the
   * run in flight.
   */
  request(key: string, makePlan: () => RunPlan | RunPlan[]): void {
    // Called from effects: reading this run's own state must not make the effect depend on it
    // (a Cancel would otherwise re-request the run it just stopped).
    untrack(() => this.requestNow(key, makePlan));
  }

  private requestNow(key: string, makePlan: () => RunPlan | RunPlan[]): void {
    if (key === this.key && this.status !== 'cancelled' && this.status !== 'error') return;
    this.key = key;
    this.makePlan = makePlan;
    this.handle?.cancel();
    this.handle = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const now = performance.now();
    const quiet = now - this.lastRequest > this.debounceMs;
    this.lastRequest = now;
    this.requestedAt = now;
    this.stale = this.result !== undefined || this.npv !== undefined;
    this.status = 'waiting';
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.launch(makePlan);
      },
      quiet ? 0 : this.debounceMs,
    );
  }

  private launch(makePlan: () => RunPlan | RunPlan[]): void {
    let plans: RunPlan[];
    try {
      const made = makePlan();
      plans = Array.isArray(made) ? made : [made];
    } catch (error) {
      this.status = 'error';
      this.stoppedBy = undefined;
      this.error = plainFailure(error);
      return;
    }
    this.sequence += 1;
    this.status = 'running';
    this.error = undefined;
    this.stoppedBy = undefined;
    this.done = 0;
    this.target = plans.reduce((t, p) => t + p.replications, 0);
    this.precision = undefined;
    this.firstEstimateMs = undefined;
    this.runPlan(plans, 0, 0, this.requestedAt, undefined);
  }

  /**
   * Runs plans[index]; a series (the tornado's sweeps that each need their own baseline) runs its
   * plans one after another, adding up progress and merging their NPV views.
   */
  private runPlan(
    plans: RunPlan[],
    index: number,
    doneBefore: number,
    requestedAt: number,
    npvBefore: NpvView | undefined,
  ): void {
    const plan = plans[index]!;
    const last = index === plans.length - 1;
    const handle = startRun(
      plan,
      (update) => {
        if (this.handle !== handle) return;
        const merged: RunUpdate = {
          ...update,
          done: doneBefore + update.done,
          target: this.target,
          ...(update.npv !== undefined
            ? {
                npv: {
                  replications: update.npv.replications,
                  variants: { ...npvBefore?.variants, ...update.npv.variants },
                },
              }
            : {}),
        };
        const finishedOk =
          update.final && (update.stoppedBy === 'complete' || update.stoppedBy === 'precision');
        if (finishedOk && !last) {
          this.apply({ ...merged, final: false }, requestedAt);
          this.runPlan(
            plans,
            index + 1,
            doneBefore + update.done,
            requestedAt,
            merged.npv ?? npvBefore,
          );
          return;
        }
        this.apply(merged, requestedAt);
      },
      this.throttleMs,
      this.view,
    );
    this.handle = handle;
    handle.finished.catch((error: unknown) => {
      if (this.handle !== handle) return;
      this.status = 'error';
      this.stoppedBy = undefined;
      this.error = plainFailure(error);
      this.handle = undefined;
    });
  }

  private apply(update: RunUpdate, requestedAt: number): void {
    if (update.result !== undefined || update.npv !== undefined) {
      if (this.firstEstimateMs === undefined)
        this.firstEstimateMs = performance.now() - requestedAt;
      if (update.result !== undefined) this.result = update.result;
      if (update.npv !== undefined) this.npv = update.npv;
      this.stale = false;
    }
    this.done = update.done;
    this.target = update.target;
    if (update.precision !== undefined) this.precision = update.precision;
    if (update.final) {
      this.stoppedBy = update.stoppedBy;
      if (update.error !== undefined) this.error = update.error;
      this.status =
        update.stoppedBy === 'error'
          ? 'error'
          : update.stoppedBy === 'cancelled'
            ? 'cancelled'
            : 'done';
      if (this.status === 'done') this.completedAt = new Date().toISOString();
      this.handle = undefined;
    }
  }

  /** Stops the run in flight (keeps what it has shown); the same inputs can then run again. */
  cancel(): void {
    untrack(() => this.cancelNow());
  }

  private cancelNow(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const handle = this.handle;
    this.handle = undefined;
    if (handle !== undefined) handle.cancel();
    if (this.status === 'running' || this.status === 'waiting') {
      this.status = 'cancelled';
      this.stoppedBy = 'cancelled';
    }
  }

  /** Runs the last inputs again (after a failure or a Cancel). */
  retry(): void {
    untrack(() => {
      if (this.key !== undefined && this.makePlan !== undefined && !this.busy)
        this.requestNow(this.key, this.makePlan);
    });
  }

  /** Whether the result shown covers only part of the run (cancelled, or a worker failed). */
  get partial(): boolean {
    return isPartial(this);
  }

  get busy(): boolean {
    return this.status === 'running' || this.status === 'waiting';
  }
}
