/**
 * The engine pool over real Node worker threads (worker/node.ts: comlink over worker_threads, the
 * engine loaded through tsx): the same numbers as in this thread whatever the number of workers,
 * the same precision stop, prompt cancellation without leaked threads, and recovery from a worker
 * that throws or dies. Plans are tiny (two variants, 12 months, 500 customers), so most of the
 * time here is thread start-up.
 *
 * Leak checks: every PoolWorker's `failed` promise rejects when its thread exits (node.ts), so
 * awaiting them all after `dispose()` proves every thread ended; a leaked thread would hang the
 * test until vitest's timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../stats/summarize.ts';
import { nodeWorker } from '../worker/node.ts';
import { runInProcess } from './inProcess.ts';
import { EnginePool, type PoolWorker } from './pool.ts';
import { TEST_PRECISION, testPlan } from './testPlan.ts';

/** A pool of Node worker threads whose workers the test can reach. */
function trackedPool(size: number) {
  const workers: PoolWorker[] = [];
  const pool = new EnginePool(() => {
    const w = nodeWorker();
    workers.push(w);
    return w;
  }, size);
  return { pool, workers };
}

/** Resolves once every thread has exited (each `failed` rejects on exit). */
async function allExited(workers: PoolWorker[]): Promise<void> {
  const results = await Promise.allSettled(workers.map((w) => w.failed));
  for (const r of results) {
    expect(r.status).toBe('rejected');
    if (r.status === 'rejected') expect(String(r.reason)).toMatch(/exited/);
  }
}

const plan = testPlan(8);
const precisionPlan = testPlan(40, TEST_PRECISION);
let referenceJson = '';
let precisionReference: { replications: number; json: string };

beforeAll(async () => {
  const reference = await runInProcess(plan);
  referenceJson = JSON.stringify(summarize(plan, reference.collector));
  const precise = await runInProcess(precisionPlan);
  expect(precise.stoppedBy).toBe('precision');
  precisionReference = {
    replications: precise.replications,
    json: JSON.stringify(summarize(precisionPlan, precise.collector)),
  };
});

describe.each([1, 2, 4])('%i Node worker thread(s)', (size) => {
  const { pool, workers } = trackedPool(size);

  afterAll(async () => {
    await pool.dispose();
    expect(pool.liveWorkers).toBe(0);
    await allExited(workers);
  });

  it('give bit-identical summarize(...) JSON to runInProcess', async () => {
    const outcome = await pool.run(plan);
    expect(outcome.stoppedBy).toBe('complete');
    expect(outcome.replications).toBe(8);
    expect(JSON.stringify(summarize(plan, outcome.collector))).toBe(referenceJson);
    expect(pool.liveWorkers).toBe(size);
  });

  it('stop at the same replication count for a precision target, with the same numbers', async () => {
    const outcome = await pool.run(precisionPlan);
    expect(outcome.stoppedBy).toBe('precision');
    expect(outcome.replications).toBe(precisionReference.replications);
    expect(outcome.replications).toBeLessThan(precisionPlan.replications);
    expect(JSON.stringify(summarize(precisionPlan, outcome.collector))).toBe(
      precisionReference.json,
    );
    // The workers were reused for the second plan, not replaced.
    expect(workers).toHaveLength(size);
  });
});

describe('cancellation', () => {
  it('resolves as cancelled, keeps the merged prefix, and leaks no thread', async () => {
    const { pool, workers } = trackedPool(2);
    // Far more replications than the test could run before vitest's timeout: only a prompt
    // cancel lets it finish.
    const long = testPlan(100_000);
    const controller = new AbortController();
    const outcome = await pool.run(long, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 3) controller.abort();
      },
    });
    expect(outcome.stoppedBy).toBe('cancelled');
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBeGreaterThanOrEqual(3);
    expect(outcome.replications).toBeLessThan(100);
    expect(outcome.collector.indices()).toEqual(
      Array.from({ length: outcome.replications }, (_, r) => r),
    );
    // What was kept is exactly what those replications give anywhere.
    const n = outcome.replications;
    const prefix = await runInProcess(testPlan(n));
    expect(JSON.stringify(summarize(long, outcome.collector, n))).toBe(
      JSON.stringify(summarize(long, prefix.collector, n)),
    );

    // A run cancelled before it starts returns at once.
    const early = new AbortController();
    early.abort();
    const none = await pool.run(long, { signal: early.signal });
    expect(none.stoppedBy).toBe('cancelled');

    // The pool is still usable: a follow-up run on it gives the reference numbers.
    const again = await pool.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expect(JSON.stringify(summarize(plan, again.collector))).toBe(referenceJson);
    expect(workers).toHaveLength(2);

    await pool.dispose();
    expect(pool.liveWorkers).toBe(0);
    await allExited(workers);
    await expect(pool.run(plan)).rejects.toThrow(/disposed/);
  });
});

describe.each(['throw', 'exit'] as const)('a worker fault (%s)', (mode) => {
  it('stops the run with an error, keeps what was merged, replaces the worker, and the next run succeeds', async () => {
    const { pool, workers } = trackedPool(2);
    const faulty = testPlan(40);
    let injected = false;
    const outcome = await pool.run(faulty, {
      onProgress: ({ done }) => {
        if (done >= 3 && !injected) {
          injected = true;
          void workers[0]!.api.injectFault(mode);
        }
      },
    });
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.error).toMatch(mode === 'throw' ? /injected fault/ : /exited \(code 3\)/);
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBeGreaterThanOrEqual(3);
    expect(outcome.replications).toBeLessThan(40);
    const n = outcome.replications;
    const prefix = await runInProcess(testPlan(n));
    expect(JSON.stringify(summarize(faulty, outcome.collector, n))).toBe(
      JSON.stringify(summarize(faulty, prefix.collector, n)),
    );

    // The faulty worker was let go (its thread has ended) and its slot is empty until needed.
    await allExited([workers[0]!]);
    expect(pool.liveWorkers).toBe(1);

    const again = await pool.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expect(JSON.stringify(summarize(plan, again.collector))).toBe(referenceJson);
    expect(workers).toHaveLength(3); // one replacement
    expect(pool.liveWorkers).toBe(2);

    await pool.dispose();
    expect(pool.liveWorkers).toBe(0);
    await allExited(workers);
  });
});
