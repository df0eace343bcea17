/**
 * Cancellation and re-runs leak no workers and no memory (issue 8): the workbench cancels and
 * restarts a run on every slider move, so one pool sees hundreds of cancelled runs a session.
 *
 * 100 re-runs on one `nodeWorkerPool(2)`-style pool of real Node worker threads (nodeWorker, as
 * worker/node.ts builds them, tracked so the test can see each thread end), each cancelled at a
 * different moment: before its plan is even prepared, on its first result, or after a few
 * milliseconds. Throughout, the pool holds at most 2 workers and never replaces one (a cancel is
 * not a fault); after `dispose()` it holds none, and every thread has exited (each PoolWorker's
 * `failed` promise rejects with "exited" when its thread ends, worker/node.ts). On Linux the
 * process's OS thread count also returns to where it was.
 *
 * Memory: heap used, measured after a full collection (`gc`, exposed here through V8's flags so
 * that no vitest option is needed), after a warm-up of 10 re-runs and again after the 100: it may
 * grow by at most HEAP_BOUND_BYTES (8 MB; it measures well under 1 MB, the rest is slack for the
 * allocator and JIT). Resident memory, which counts the worker threads' heaps too, by at most
 * RSS_BOUND_BYTES (64 MB). The same churn on the in-thread runner (`runInProcess`), same bounds.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize } from '../stats/summarize.ts';
import { nodeWorker } from '../worker/node.ts';
import { runInProcess } from './inProcess.ts';
import { EnginePool, type PoolWorker, type RunOptions, type RunOutcome } from './pool.ts';
import { testPlan } from './testPlan.ts';
import type { RunPlan } from './plan.ts';

const RE_RUNS = 100;
const WARM_UP = 10;
const HEAP_BOUND_BYTES = 8 * 1024 * 1024;
const RSS_BOUND_BYTES = 64 * 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap used and resident memory after full collections (twice: weak references, finalizers). */
async function settledMemory(): Promise<{ heap: number; rss: number }> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

/** OS threads of this process (Linux), or undefined elsewhere. */
function osThreads(): number | undefined {
  try {
    const match = /^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Resolves once every thread has exited (each `failed` rejects on exit). */
async function allExited(workers: PoolWorker[]): Promise<void> {
  const results = await Promise.allSettled(workers.map((w) => w.failed));
  for (const r of results) {
    expect(r.status).toBe('rejected');
    if (r.status === 'rejected') expect(String(r.reason)).toMatch(/exited/);
  }
}

/** How re-run i is cancelled: three moments, in turn. */
type CancelAt = 'before-prepare' | 'first-result' | 'after-a-few-ms';
const cancelAt = (i: number): CancelAt =>
  (['before-prepare', 'first-result', 'after-a-few-ms'] as const)[i % 3]!;

/**
 * Starts a run far longer than the test (100,000 replications) and cancels it at `when`; returns
 * its outcome. Each re-run gets a new plan object (a new seed), as a slider move does.
 */
async function cancelledRun(
  run: (plan: RunPlan, options: RunOptions) => Promise<RunOutcome>,
  i: number,
): Promise<RunOutcome> {
  const plan = { ...testPlan(100_000), seed: 1000 + i };
  const controller = new AbortController();
  const when = cancelAt(i);
  const promise = run(plan, {
    signal: controller.signal,
    onProgress: () => {
      if (when === 'first-result') controller.abort();
    },
  });
  if (when === 'before-prepare') controller.abort();
  if (when === 'after-a-few-ms') setTimeout(() => controller.abort(), 2 + (i % 7) * 3);
  // Whatever happens, nothing runs for long: a missed cancel would show as a timeout.
  const guard = setTimeout(() => controller.abort(), 5_000);
  const outcome = await promise;
  clearTimeout(guard);
  return outcome;
}

function expectCancelled(outcome: RunOutcome): void {
  expect(outcome.stoppedBy).toBe('cancelled');
  expect(outcome.partial).toBe(true);
  expect(outcome.error).toBeUndefined();
  // What a cancelled run keeps is a clean prefix 0..n−1.
  expect(outcome.collector.indices()).toEqual(
    Array.from({ length: outcome.replications }, (_, r) => r),
  );
}

const reference = await runInProcess(testPlan(4));
const referenceJson = JSON.stringify(summarize(testPlan(4), reference.collector));

describe(`${RE_RUNS} cancelled re-runs on one pool of 2 Node worker threads`, () => {
  const workers: PoolWorker[] = [];
  const pool = new EnginePool(() => {
    const w = nodeWorker();
    workers.push(w);
    return w;
  }, 2);
  const threadsBefore = osThreads();

  afterAll(async () => {
    await pool.dispose();
  });

  it('keep at most 2 workers, replace none, and leave the pool usable', async () => {
    const maxLive: number[] = [];
    for (let i = 0; i < WARM_UP; i++)
      expectCancelled(await cancelledRun((p, o) => pool.run(p, o), i));
    const before = await settledMemory();
    for (let i = WARM_UP; i < WARM_UP + RE_RUNS; i++) {
      const outcome = await cancelledRun((p, o) => pool.run(p, o), i);
      expectCancelled(outcome);
      maxLive.push(pool.liveWorkers);
      expect(pool.liveWorkers).toBeLessThanOrEqual(2);
    }
    const after = await settledMemory();
    // Two threads were ever started: a cancel never costs a worker.
    expect(workers).toHaveLength(2);
    expect(Math.max(...maxLive)).toBe(2);

    const heapGrowth = after.heap - before.heap;
    const rssGrowth = after.rss - before.rss;
    console.info(
      `node pool: heap ${(before.heap / 2 ** 20).toFixed(1)} → ${(after.heap / 2 ** 20).toFixed(1)} MiB (${(heapGrowth / 2 ** 20).toFixed(2)}), rss ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB over ${RE_RUNS} cancelled re-runs`,
    );
    expect(heapGrowth).toBeLessThan(HEAP_BOUND_BYTES);
    expect(rssGrowth).toBeLessThan(RSS_BOUND_BYTES);

    // Still usable: the next run gives the reference numbers.
    const again = await pool.run(testPlan(4));
    expect(again.stoppedBy).toBe('complete');
    expect(JSON.stringify(summarize(testPlan(4), again.collector))).toBe(referenceJson);
  });

  it('end every thread on dispose', async () => {
    await pool.dispose();
    expect(pool.liveWorkers).toBe(0);
    await allExited(workers);
    const threadsAfter = osThreads();
    if (threadsBefore !== undefined && threadsAfter !== undefined) {
      // Exited worker threads are joined a moment after their exit event.
      for (let i = 0; i < 50 && osThreads()! > threadsBefore; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(osThreads()).toBeLessThanOrEqual(threadsBefore);
    }
  });
});

describe(`${RE_RUNS} cancelled re-runs of the in-thread runner (runInProcess)`, () => {
  it('leak no memory and leave nothing running', async () => {
    for (let i = 0; i < WARM_UP; i++) expectCancelled(await cancelledRun(runInProcess, i));
    const before = await settledMemory();
    for (let i = WARM_UP; i < WARM_UP + RE_RUNS; i++) {
      expectCancelled(await cancelledRun(runInProcess, i));
    }
    const after = await settledMemory();
    const heapGrowth = after.heap - before.heap;
    console.info(
      `runInProcess: heap ${(before.heap / 2 ** 20).toFixed(1)} → ${(after.heap / 2 ** 20).toFixed(1)} MiB (${(heapGrowth / 2 ** 20).toFixed(2)}) over ${RE_RUNS} cancelled re-runs`,
    );
    expect(heapGrowth).toBeLessThan(HEAP_BOUND_BYTES);
    expect(after.rss - before.rss).toBeLessThan(RSS_BOUND_BYTES);
    // Nothing left behind: no timer or handle keeps a cancelled run's work going.
    const again = await runInProcess(testPlan(4));
    expect(JSON.stringify(summarize(testPlan(4), again.collector))).toBe(referenceJson);
  });
});
