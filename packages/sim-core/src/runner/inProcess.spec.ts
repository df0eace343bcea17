/**
 * The in-thread runners: the MessageChannel path (every call and result through comlink's
 * structured clone and transfer, as with a real Worker, in the manner of comlink's own
 * same_window tests) gives the very numbers of `runInProcess`, whatever the number of workers and
 * the batch size (DESIGN.md invariant 1). Node worker threads are tested in pool.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../stats/summarize.ts';
import { EnginePool, precisionCheckpoints, type PoolWorker } from './pool.ts';
import { inProcessWorker, messageChannelWorker, runInProcess } from './inProcess.ts';
import { TEST_PRECISION, testPlan } from './testPlan.ts';

const plan = testPlan(8);
const reference = await runInProcess(plan);
const referenceJson = JSON.stringify(summarize(plan, reference.collector));

describe('runInProcess (the reference path)', () => {
  it('runs every replication of the plan', () => {
    expect(reference.stoppedBy).toBe('complete');
    expect(reference.partial).toBe(false);
    expect(reference.replications).toBe(8);
    expect(reference.collector.indices()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the MessageChannel path', () => {
  it('gives bit-identical summarize(...) JSON to runInProcess, with 2 workers', async () => {
    const pool = new EnginePool(messageChannelWorker, 2);
    try {
      const outcome = await pool.run(plan);
      expect(outcome.stoppedBy).toBe('complete');
      expect(JSON.stringify(summarize(plan, outcome.collector))).toBe(referenceJson);
    } finally {
      await pool.dispose();
    }
    expect(pool.liveWorkers).toBe(0);
  });

  it('is independent of the batch size and the number of workers', async () => {
    for (const [workers, batchSize] of [
      [1, 8],
      [3, 3],
      [4, 1],
    ] as const) {
      const pool = new EnginePool(messageChannelWorker, workers);
      const outcome = await pool.run(plan, { batchSize });
      await pool.dispose();
      expect(JSON.stringify(summarize(plan, outcome.collector))).toBe(referenceJson);
    }
  });

  it('reports a worker that exits as an error and keeps what was merged', async () => {
    const workers: PoolWorker[] = [];
    const tracked = new EnginePool(() => {
      const w = messageChannelWorker();
      workers.push(w);
      return w;
    }, 1);
    let injected = false;
    const outcome = await tracked.run(testPlan(20), {
      onProgress: ({ done }) => {
        if (done >= 3 && !injected) {
          injected = true;
          void workers[0]!.api.injectFault('exit');
        }
      },
    });
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.error).toMatch(/exited/);
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBeGreaterThanOrEqual(3);
    expect(outcome.replications).toBeLessThan(20);
    const again = await tracked.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expect(workers).toHaveLength(2);
    expect(JSON.stringify(summarize(plan, again.collector))).toBe(referenceJson);
    await tracked.dispose();
  });
});

describe('the precision target', () => {
  it('is checked only at fixed counts (minReplications, then every checkEvery)', () => {
    expect(precisionCheckpoints(testPlan(12, TEST_PRECISION))).toEqual([4, 6, 8, 10]);
    expect(precisionCheckpoints(testPlan(12))).toEqual([]);
  });

  it('stops at the same replication count for 1, 2 and 4 in-thread workers', async () => {
    const p = testPlan(40, TEST_PRECISION);
    const counts: number[] = [];
    for (const workers of [1, 2, 4]) {
      const pool = new EnginePool(inProcessWorker, workers);
      const outcome = await pool.run(p);
      await pool.dispose();
      expect(outcome.stoppedBy).toBe('precision');
      counts.push(outcome.replications);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThan(40);
  });
});
