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
 */
import { expose } from 'comlink';
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
import type { CoordinatorApi, NpvView, PrecisionInfo, RunUpdate, RunView } from './protocol.ts';

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

function spawnEngine() {
  return browserWorker(
    new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'journeycast-engine',
    }),
  );
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
  init(workers) {
    if (pool === undefined) pool = new EnginePool(spawnEngine, Math.max(1, Math.floor(workers)));
    return { workers: pool.size, engineVersion: ENGINE_VERSION };
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
        if (progress.done <= sentDone || timer !== undefined) return;
        // Let the pool hand out its next batch first; summarize while the engines compute.
        const wait = Math.max(0, options.throttleMs - (performance.now() - lastSent));
        timer = setTimeout(send, sentDone === 0 ? 0 : wait);
      },
    });
    if (timer !== undefined) clearTimeout(timer);
    controllers.delete(runId);
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
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
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
