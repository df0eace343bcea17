/**
 * The page's handle on the engine: one coordinator Worker (which owns the engine workers), started
 * on first use. Runs are identified by a number so a superseded run can be cancelled.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { RunPlan } from '@journeycast/sim-core';
import { Lifeline } from './lifeline.ts';
import type { CoordinatorApi, CoordinatorInfo, RunUpdate, RunView } from './protocol.ts';

interface Coordinator {
  api: Remote<CoordinatorApi>;
  info: Promise<CoordinatorInfo>;
  /** Fails every call in flight when the worker dies (see lifeline.ts). */
  lifeline: Lifeline;
}

let coordinator: Coordinator | undefined;
let nextRunId = 1;

/** What a page says when the coordinator worker itself stops (a crash or a failed start). */
export const COORDINATOR_FAILED =
  'the simulation stopped unexpectedly; it starts again with your next change';

/**
 * Engine workers: one per spare core, at most four. The main thread keeps a core to draw, the
 * coordinator is mostly idle between batches.
 */
export function engineWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 2) : 2;
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * Whether the page was opened with `?test-hooks`: the coordinator then installs its fault and
 * census hooks in its own global scope, where only a debugger (the browser tests) can call them.
 * A link can set the flag but cannot call anything: it carries data, never code.
 */
function testHooksWanted(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('test-hooks');
}

function start(): Coordinator {
  if (coordinator === undefined) {
    const worker = new Worker(new URL('./coordinator.worker.ts', import.meta.url), {
      type: 'module',
      name: 'journeycast-coordinator',
    });
    const api = wrap<CoordinatorApi>(worker);
    const lifeline = new Lifeline();
    // A dead coordinator never answers: without this, every run after a crash would wait forever.
    // On its first error it is forgotten (and ended), so the next run starts a fresh one.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (coordinator?.api === api) coordinator = undefined;
      worker.terminate();
      lifeline.fail(new Error(COORDINATOR_FAILED));
    });
    const info = lifeline.watch(
      Promise.resolve(api.init(engineWorkerCount(), { testHooks: testHooksWanted() })),
    );
    coordinator = { api, info, lifeline };
  }
  return coordinator;
}

/** Starts the workers ahead of the first run (so their start-up is not on the first estimate). */
export function engineInfo(): Promise<CoordinatorInfo> {
  return start().info;
}

export interface RunHandle {
  runId: number;
  /** Resolves with the final update (also passed to onUpdate). */
  finished: Promise<RunUpdate>;
  cancel(): void;
}

export function startRun(
  plan: RunPlan,
  onUpdate: (update: RunUpdate) => void,
  throttleMs = 150,
  view: RunView = 'full',
): RunHandle {
  const { api, info: ready, lifeline } = start();
  const runId = nextRunId++;
  let cancelled = false;
  const finished = ready.then(async () => {
    const final = await lifeline.watch(
      api.run(
        runId,
        plan,
        { throttleMs, view },
        proxy((update: RunUpdate) => {
          if (!cancelled) onUpdate(update);
        }),
      ),
    );
    if (!cancelled) onUpdate(final);
    return final;
  });
  return {
    runId,
    finished,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      void ready.then(() => api.cancel(runId));
    },
  };
}
