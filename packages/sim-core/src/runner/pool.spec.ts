/**
 * The engine pool over real Node worker threads (worker/node.ts: comlink over worker_threads, the
 * engine loaded through tsx): the same numbers as in this thread whatever the number of workers,
 * the same precision stop, prompt cancellation without leaked threads, and recovery from a worker
 * that throws, dies, or goes silent (closes its channel and lives on without answering). Plans are
 * tiny (two variants, 12 months, 500 customers), so most of the time here is thread start-up.
 *
 * Leak checks: every Node worker's `exited` promise resolves when its thread has ended (node.ts),
 * so awaiting them all after `dispose()` proves every thread ended; a leaked thread would hang the
 * test until vitest's timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../stats/summarize.ts';
import { CHANNEL_CLOSED, nodeWorker, type NodePoolWorker } from '../worker/node.ts';
import { runInProcess } from './inProcess.ts';
import { EnginePool } from './pool.ts';
import { TEST_PRECISION, expectSameReplications, testPlan } from './testPlan.ts';
import type { ResultCollector } from '../stats/collector.ts';

/** A pool of Node worker threads whose workers the test can reach. */
function trackedPool(size: number) {
  const workers: NodePoolWorker[] = [];
  const pool = new EnginePool(() => {
    const w = nodeWorker();
    workers.push(w);
    return w;
  }, size);
  return { pool, workers };
}

/** Resolves once every thread has ended; each worker's `failed` has rejected by then. */
async function allExited(workers: NodePoolWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.exited));
  const results = await Promise.allSettled(workers.map((w) => w.failed));
  for (const r of results) expect(r.status).toBe('rejected');
}

const plan = testPlan(8);
const precisionPlan = testPlan(40, TEST_PRECISION);
let referenceJson = '';
let reference: ResultCollector;
let precisionReference: { replications: number; json: string; collector: ResultCollector };

beforeAll(async () => {
  reference = (await runInProcess(plan)).collector;
  referenceJson = JSON.stringify(summarize(plan, reference));
  const precise = await runInProcess(precisionPlan);
  expect(precise.stoppedBy).toBe('precision');
  precisionReference = {
    replications: precise.replications,
    json: JSON.stringify(summarize(precisionPlan, precise.collector)),
    collector: precise.collector,
  };
});

describe.each([1, 2, 4])('%i Node worker thread(s)', (size) => {
  const { pool, workers } = trackedPool(size);

  afterAll(async () => {
    await pool.dispose();
    expect(pool.liveWorkers).toBe(0);
    await allExited(workers);
  });

  it('give bit-identical replications and summarize(...) JSON to runInProcess', async () => {
    const outcome = await pool.run(plan);
    expect(outcome.stoppedBy).toBe('complete');
    expect(outcome.replications).toBe(8);
    expectSameReplications(outcome.collector, reference, 8);
    expect(JSON.stringify(summarize(plan, outcome.collector))).toBe(referenceJson);
    expect(pool.liveWorkers).toBe(size);
  });

  it('stop at the same replication count for a precision target, with the same numbers', async () => {
    const outcome = await pool.run(precisionPlan);
    expect(outcome.stoppedBy).toBe('precision');
    expect(outcome.replications).toBe(precisionReference.replications);
    expect(outcome.replications).toBeLessThan(precisionPlan.replications);
    expectSameReplications(
      outcome.collector,
      precisionReference.collector,
      precisionReference.replications,
    );
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
    expectSameReplications(outcome.collector, prefix.collector, n);
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

describe('a thread busy with one long batch', () => {
  it('is never taken for dead: the batch is answered, however long it takes', async () => {
    const { pool, workers } = trackedPool(1);
    // All 8 replications in one call: the thread answers nothing until it has run them all.
    const outcome = await pool.run(plan, { batchSize: 8 });
    expect(outcome.stoppedBy).toBe('complete');
    expect(outcome.lateFailure).toBeUndefined();
    expectSameReplications(outcome.collector, reference, 8);
    expect(workers).toHaveLength(1);
    await pool.dispose();
    await allExited(workers);
  });
});

const FAULT_MESSAGES = {
  throw: /^injected fault: the engine worker failed on purpose$/,
  exit: /^the engine worker exited \(code 3\)$/,
  // Deaf but alive: no error, no exit; only its channel's close can tell.
  close: new RegExp(`^${CHANNEL_CLOSED.replace(/[()]/g, '\\$&')}$`),
} as const;

describe.each(['throw', 'exit', 'close'] as const)('a worker fault (%s)', (mode) => {
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
    expect(outcome.error).toMatch(FAULT_MESSAGES[mode]);
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBeGreaterThanOrEqual(3);
    expect(outcome.replications).toBeLessThan(40);
    const n = outcome.replications;
    const prefix = await runInProcess(testPlan(n));
    expectSameReplications(outcome.collector, prefix.collector, n);
    expect(JSON.stringify(summarize(faulty, outcome.collector, n))).toBe(
      JSON.stringify(summarize(faulty, prefix.collector, n)),
    );

    // The faulty worker was let go (its thread has ended) and its slot is empty until needed.
    await allExited([workers[0]!]);
    expect(pool.liveWorkers).toBe(1);

    const again = await pool.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expectSameReplications(again.collector, reference, 8);
    expect(JSON.stringify(summarize(plan, again.collector))).toBe(referenceJson);
    expect(workers).toHaveLength(3); // one replacement
    expect(pool.liveWorkers).toBe(2);

    await pool.dispose();
    expect(pool.liveWorkers).toBe(0);
    await allExited(workers);
  });
});
