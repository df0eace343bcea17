/// <reference lib="webworker" />
/**
 * The coordinator: a module Worker that owns the engine pool and summarizes results, so the page's
 * main thread only draws. Engine workers are nested module Workers spawned from here; every
 * summary is computed here (summarize() over a few hundred replications takes tens of
 * milliseconds, far too long for the page's frame budget).
 *
 * Partial results are throttled: at most one update per `throttleMs`, the first as soon as
 * replication 0 is in. Summaries are computed on a timer after the pool has handed out its next
 * batch, so the engine workers never wait for this thread to finish drawing statistics.
 *
 * Faults: a failed engine worker is replaced by the pool, which reports `stoppedBy: 'error'` with
 * the replications merged before the failure; the message is cut to one plain line here
 * (failure.ts) before it crosses to the page.
 *
 * Test hooks: with `init(n, { testHooks: true })` (the page asks for them only when opened with
 * `?test-hooks`), this worker installs `self.__journeycastTest` in its own global scope: arm a
 * fault in an engine worker, read the worker census. Nothing on the page can reach a worker's
 * global scope (the page talks to this worker only through the comlink API below, which has no
 * fault method), so neither a scenario file, a link nor page script can call them; only a
 * debugger can (Playwright's `worker.evaluate`, over the DevTools protocol).
 */
import { expose, releaseProxy } from 'comlink';
import {
  ENGINE_VERSION,
  EnginePool,
  precisionEstimate,
  summarize,
  type RunPlan,
  type RunProgress,
  type RunResult,
} from '@journeycast/sim-core';
import { browserWorker } from '@journeycast/sim-core/browser';
import { trackWorkers } from './census.ts';
import { plainFailure } from './failure.ts';
import type {
  CoordinatorApi,
  CoordinatorTestHooks,
  NpvView,
  PrecisionInfo,
  RunUpdate,
  RunView,
} from './protocol.ts';

let pool: EnginePool | undefined;

/** The part of a result the page asked for. */
function view(result: RunResult, kind: RunView | undefined): Pick<RunUpdate, 'result' | 'npv'> {
  if (kind !== 'npv') return { result };
  const variants: NpvView['variants'] = {};
  for (const [id, v] of Object.entries(result.variants)) {
    if (v.vsBaseline !== undefined) variants[id] = { label: v.label, npv: v.vsBaseline.npv };
  }
  return { npv: { replications: result.replications, variants } };
}
const controllers = new Map<number, AbortController>();

const engines = trackWorkers(() =>
  browserWorker(
    new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'journeycast-engine',
    }),
  ),
);

/** A fault armed by a test: injected into one engine worker once a run has `afterDone` in. */
let armedFault: { mode: 'throw' | 'exit' | 'close'; afterDone: number } | undefined;
let faultsInjected = 0;
/** Runs that ended cancelled (the leak test checks that each quick change cancelled one). */
let runsCancelled = 0;

function injectArmedFault(done: number): void {
  if (armedFault === undefined || done < armedFault.afterDone) return;
  const target = engines.alive()[0];
  if (target === undefined) return;
  const { mode } = armedFault;
  armedFault = undefined;
  faultsInjected += 1;
  // Queued behind the batch the worker is running: its next batch fails. A worker told to exit
  // never answers, so the call is not awaited.
  target.api.injectFault(mode).catch(() => undefined);
}

function installTestHooks(): void {
  const hooks: CoordinatorTestHooks = {
    armFault(mode, afterDone = 1) {
      if (mode !== 'throw' && mode !== 'exit' && mode !== 'close')
        throw new Error(`unknown fault ${String(mode)}`);
      armedFault = { mode, afterDone: Math.max(0, Math.floor(afterDone)) };
    },
    census: () => ({ ...engines.census(pool?.size ?? 0), faultsInjected, runsCancelled }),
    crashCoordinator() {
      setTimeout(() => {
        throw new Error('the coordinator worker crashed on purpose');
      });
    },
  };
  (self as unknown as { __journeycastTest?: CoordinatorTestHooks }).__journeycastTest = hooks;
}

function precisionOf(progress: Pick<RunProgress, 'estimate'>): PrecisionInfo | undefined {
  const e = progress.estimate;
  if (e === undefined) return undefined;
  return {
    n: e.n,
    mean: e.mean,
    halfWidth: e.halfWidth,
    relativeHalfWidth: e.relativeHalfWidth,
    met: e.met,
  };
}

const api: CoordinatorApi = {
  init(workers, options = {}) {
    if (pool === undefined)
      pool = new EnginePool(engines.factory, Math.max(1, Math.floor(workers)));
    if (options.testHooks === true) installTestHooks();
    return { workers: pool.size, engineVersion: ENGINE_VERSION };
  },

  census() {
    return engines.census(pool?.size ?? 0);
  },

  async run(runId, plan: RunPlan, options, onUpdate) {
    if (pool === undefined) throw new Error('the engine is not started: call init() first');
    const started = performance.now();
    const controller = new AbortController();
    controllers.set(runId, controller);
    let latest: RunProgress | undefined;
    let sentDone = 0;
    let lastSent = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const send = () => {
      timer = undefined;
      const progress = latest;
      if (progress === undefined || controller.signal.aborted) return;
      if (progress.done <= sentDone) return;
      sentDone = progress.done;
      lastSent = performance.now();
      const precision = precisionOf(progress);
      const update: RunUpdate = {
        runId,
        final: false,
        done: progress.done,
        target: progress.target,
        ...view(summarize(plan, progress.collector, progress.done), options.view),
        elapsedMs: performance.now() - started,
        ...(precision !== undefined ? { precision } : {}),
      };
      onUpdate(update);
    };

    const outcome = await pool.run(plan, {
      signal: controller.signal,
      onProgress(progress) {
        latest = progress;
        injectArmedFault(progress.done);
        if (progress.done <= sentDone || timer !== undefined) return;
        // Let the pool hand out its next batch first; summarize while the engines compute.
        const wait = Math.max(0, options.throttleMs - (performance.now() - lastSent));
        timer = setTimeout(send, sentDone === 0 ? 0 : wait);
      },
    });
    if (timer !== undefined) clearTimeout(timer);
    controllers.delete(runId);
    // The page's callback travels as a MessagePort; close it now rather than whenever the garbage
    // collector gets to it (100 quick re-runs would otherwise hold 100 open ports for a while).
    // Updates already sent are delivered first: a port keeps its messages in order.
    (onUpdate as unknown as { [releaseProxy]?: () => void })[releaseProxy]?.();
    if (outcome.stoppedBy === 'cancelled') runsCancelled += 1;
    const n = outcome.replications;
    // A cancelled run's numbers are not shown: skip the summary nobody will read.
    const keep = outcome.stoppedBy !== 'cancelled' && n > 0;
    const estimate = keep ? precisionEstimate(outcome.collector, plan, n) : undefined;
    const final: RunUpdate = {
      runId,
      final: true,
      stoppedBy: outcome.stoppedBy,
      done: n,
      target: plan.replications,
      elapsedMs: performance.now() - started,
      ...(outcome.error !== undefined ? { error: plainFailure(outcome.error) } : {}),
      ...(keep ? view(summarize(plan, outcome.collector, n), options.view) : {}),
      ...(estimate !== undefined ? { precision: precisionOf({ estimate }) } : {}),
    };
    return final;
  },

  cancel(runId) {
    controllers.get(runId)?.abort();
  },
};

expose(api);
