/**
 * The in-thread runners: the MessageChannel path (every call and result through comlink's
 * structured clone and transfer, as with a real Worker, in the manner of comlink's own
 * same_window tests) gives the very numbers of `runInProcess`, whatever the number of workers and
 * the batch size (DESIGN.md invariant 1). Node worker threads are tested in pool.spec.ts.
 *
 * Also here, because they need no thread: the pool's handling of a worker that ends silently, of
 * a worker failing after a precision stop, of a worker of another engine version, and what its
 * progress reports carry.
 */
import type { Remote } from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { ENGINE_VERSION } from '../engine/version.ts';
import { ResultCollector } from '../stats/collector.ts';
import { studentT975 } from '../stats/precision.ts';
import { summarize } from '../stats/summarize.ts';
import type { EngineWorkerApi } from '../worker/api.ts';
import {
  EnginePool,
  precisionCheckpoints,
  type PoolWorker,
  type RunProgress,
  type WorkerFactory,
} from './pool.ts';
import { PORT_CLOSED, inProcessWorker, messageChannelWorker, runInProcess } from './inProcess.ts';
import type { ReplicationRecord } from './plan.ts';
import { TEST_PRECISION, expectSameReplications, testPlan } from './testPlan.ts';

const plan = testPlan(8);
const reference = await runInProcess(plan);
const referenceJson = JSON.stringify(summarize(plan, reference.collector));

/** A factory that keeps every worker it makes, so a test can reach them. */
function tracked(make: WorkerFactory = messageChannelWorker) {
  const workers: PoolWorker[] = [];
  const factory: WorkerFactory = () => {
    const w = make();
    workers.push(w);
    return w;
  };
  return { factory, workers };
}

describe('runInProcess (the reference path)', () => {
  it('runs every replication of the plan', () => {
    expect(reference.stoppedBy).toBe('complete');
    expect(reference.partial).toBe(false);
    expect(reference.replications).toBe(8);
    expect(reference.collector.indices()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the MessageChannel path', () => {
  it('gives bit-identical replications and summarize(...) JSON to runInProcess, with 2 workers', async () => {
    const pool = new EnginePool(messageChannelWorker, 2);
    try {
      const outcome = await pool.run(plan);
      expect(outcome.stoppedBy).toBe('complete');
      expectSameReplications(outcome.collector, reference.collector, 8);
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
      expectSameReplications(outcome.collector, reference.collector, 8);
      expect(JSON.stringify(summarize(plan, outcome.collector))).toBe(referenceJson);
    }
  });

  it('transfers the summaries (the worker side is left with detached buffers), never copies them', async () => {
    const sent: Float64Array[] = [];
    const pool = new EnginePool(
      () =>
        messageChannelWorker({
          onWorkerSide: (records) => sent.push(...records.flatMap((r) => r.summaries)),
        }),
      2,
    );
    const outcome = await pool.run(plan);
    await pool.dispose();
    // Two variants × 8 replications, each sent once.
    expect(sent).toHaveLength(16);
    for (const summary of sent) {
      // A transferred ArrayBuffer is detached on the sending side: no bytes left there.
      expect(summary.byteLength).toBe(0);
      expect(summary.buffer.byteLength).toBe(0);
    }
    // …and whole on the receiving side.
    expectSameReplications(outcome.collector, reference.collector, 8);
  });

  it('reports a worker that exits as an error and keeps what was merged', async () => {
    const { factory, workers } = tracked();
    const pool = new EnginePool(factory, 1);
    let injected = false;
    const outcome = await pool.run(testPlan(20), {
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
    const again = await pool.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expect(workers).toHaveLength(2);
    expect(JSON.stringify(summarize(plan, again.collector))).toBe(referenceJson);
    await pool.dispose();
  });

  it('detects a worker that ends silently mid-batch (its channel closes, no error, no answer)', async () => {
    const { factory, workers } = tracked();
    const pool = new EnginePool(factory, 1);
    let injected = false;
    const outcome = await pool.run(testPlan(20), {
      onProgress: ({ done }) => {
        if (done >= 3 && !injected) {
          injected = true;
          // Queued behind nothing: the worker's next batch closes its end instead of answering.
          void workers[0]!.api.injectFault('close');
        }
      },
    });
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.error).toBe(PORT_CLOSED);
    expect(outcome.partial).toBe(true);
    const n = outcome.replications;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThan(20);
    // What was kept is exactly what those replications give anywhere.
    expectSameReplications(outcome.collector, reference.collector, Math.min(n, 8));
    // The silent worker was let go; the next run gets a fresh one and the reference numbers.
    const again = await pool.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expect(workers).toHaveLength(2);
    expectSameReplications(again.collector, reference.collector, 8);
    await pool.dispose();
  });

  it('replaces, before its next run, a worker that ended silently while idle', async () => {
    const { factory, workers } = tracked();
    const pool = new EnginePool(factory, 1);
    expect((await pool.run(plan)).stoppedBy).toBe('complete');
    // The idle worker goes silent: its next batch would never be answered.
    await workers[0]!.api.injectFault('close');
    // Never answered (that is the fault); its channel's close is what tells.
    void workers[0]!.api.run('no-plan', [0]);
    await expect(workers[0]!.failed).rejects.toThrow(PORT_CLOSED);
    // The next run is not failed by a death it took no part in.
    const again = await pool.run(plan);
    expect(again.stoppedBy).toBe('complete');
    expect(again.partial).toBe(false);
    expect(workers).toHaveLength(2);
    expectSameReplications(again.collector, reference.collector, 8);
    await pool.dispose();
  });
});

describe('progress', () => {
  it('carries, from 2 replications on, the paired NPV estimate with its standard error and t half-width', async () => {
    const reports: RunProgress[] = [];
    const pool = new EnginePool(messageChannelWorker, 2);
    const outcome = await pool.run(plan, {
      onProgress: (progress) => reports.push({ ...progress }),
    });
    await pool.dispose();
    expect(outcome.stoppedBy).toBe('complete');
    expect(reports.length).toBeGreaterThanOrEqual(8);
    expect(reports.at(-1)!.done).toBe(8);
    for (const { done, target, estimate } of reports) {
      expect(target).toBe(8);
      if (done < 2) {
        expect(estimate).toBeUndefined();
        continue;
      }
      // The reference: summarize's statistics of the paired NPV over the same prefix.
      const npv = summarize(plan, reference.collector, done).variants.excellentServicing!
        .vsBaseline!.npv;
      expect(estimate!.n).toBe(done);
      expect(estimate!.variant).toBe('excellentServicing');
      expect(Math.abs(estimate!.mean - npv.mean)).toBeLessThan(1e-9 * Math.abs(npv.mean));
      expect(estimate!.standardError).toBeGreaterThan(0);
      expect(Math.abs(estimate!.standardError - npv.se)).toBeLessThan(1e-9 * npv.se);
      expect(estimate!.tQuantile).toBe(studentT975(done - 1));
      expect(estimate!.halfWidth).toBe(estimate!.tQuantile * estimate!.standardError);
    }
  });

  it('reads each replication once over a whole run, however many progress reports it makes', async () => {
    const n = 12;
    const reads = vi.spyOn(ResultCollector.prototype, 'get');
    try {
      let reports = 0;
      const outcome = await runInProcess(testPlan(n), { onProgress: () => reports++ });
      expect(outcome.replications).toBe(n);
      expect(reports).toBe(n);
      // Recomputing the estimate from scratch after each batch would read 2 + 3 + … + 12 = 77.
      expect(reads).toHaveBeenCalledTimes(n);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('the engine version', () => {
  it('refuses a worker of another engine version, with a message that says what to do', async () => {
    const { factory, workers } = tracked(() => {
      const real = messageChannelWorker();
      const api = {
        version: async () => '0.9.9',
        prepare: (id: string, p: typeof plan) => real.api.prepare(id, p),
        run: (id: string, replications: number[]) => real.api.run(id, replications),
        injectFault: real.api.injectFault,
      } as unknown as Remote<EngineWorkerApi>;
      return { ...real, api };
    });
    const pool = new EnginePool(factory, 1);
    const outcome = await pool.run(plan);
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBe(0);
    expect(outcome.error).toBe(
      `engine worker: expected engine version ${ENGINE_VERSION}, got 0.9.9: the worker comes from another build of Journeycast, whose numbers would differ; reload the page (or reinstall) so that both come from the same build`,
    );
    // It was let go, not kept.
    expect(pool.liveWorkers).toBe(0);
    expect(workers).toHaveLength(1);
    await pool.dispose();
  });

  it('asks each worker once, not once per run', async () => {
    let asked = 0;
    const pool = new EnginePool(() => {
      const real = messageChannelWorker();
      const api = {
        version: async () => {
          asked++;
          return real.api.version();
        },
        prepare: (id: string, p: typeof plan) => real.api.prepare(id, p),
        run: (id: string, replications: number[]) => real.api.run(id, replications),
        injectFault: real.api.injectFault,
      } as unknown as Remote<EngineWorkerApi>;
      return { ...real, api };
    }, 2);
    for (let i = 0; i < 3; i++) expect((await pool.run(plan)).stoppedBy).toBe('complete');
    await pool.dispose();
    expect(asked).toBe(2);
  });
});

describe('the precision target', () => {
  it('is checked only at fixed counts (minReplications, then every checkEvery)', () => {
    expect(precisionCheckpoints(testPlan(12, TEST_PRECISION))).toEqual([4, 6, 8, 10]);
    expect(precisionCheckpoints(testPlan(12))).toEqual([]);
  });

  const precisionPlan = testPlan(40, TEST_PRECISION);

  it('stops at the same replication count, with the same bytes, for 1, 2 and 4 in-thread workers', async () => {
    const first = await runInProcess(precisionPlan);
    expect(first.stoppedBy).toBe('precision');
    expect(first.replications).toBeLessThan(40);
    for (const workers of [1, 2, 4]) {
      const pool = new EnginePool(messageChannelWorker, workers);
      const outcome = await pool.run(precisionPlan);
      await pool.dispose();
      expect(outcome.stoppedBy).toBe('precision');
      expect(outcome.replications).toBe(first.replications);
      expectSameReplications(outcome.collector, first.collector, first.replications);
    }
  });

  /**
   * Workers that end silently on any batch from replication `from` on, once the target has been
   * met (so they fail while running replications past the stop, never before it).
   */
  function failingPast(from: number, stopped: Promise<void>): WorkerFactory {
    return () => {
      const real = messageChannelWorker();
      const api = {
        version: () => real.api.version(),
        prepare: (id: string, p: typeof plan) => real.api.prepare(id, p),
        run: async (id: string, replications: number[]): Promise<ReplicationRecord[]> => {
          if (replications.some((r) => r >= from)) {
            await stopped;
            await real.api.injectFault('close');
          }
          return real.api.run(id, replications);
        },
        injectFault: real.api.injectFault,
      } as unknown as Remote<EngineWorkerApi>;
      return { ...real, api };
    };
  }

  it.each([1, 2, 4])(
    'returns exactly the stopping prefix, whole, when workers fail past the stop (%i workers)',
    async (size) => {
      const stop = await runInProcess(precisionPlan);
      const k = stop.replications;
      // From k: every replication a worker was still running at the stop fails. From k + 1: k
      // itself may arrive (past the stop), the later ones fail.
      for (const from of [k, k + 1]) {
        let stopped: () => void = () => undefined;
        const seen = new Promise<void>((resolve) => (stopped = resolve));
        const { factory, workers } = tracked(failingPast(from, seen));
        const pool = new EnginePool(factory, size);
        const outcome = await pool.run(precisionPlan, {
          onProgress: ({ done }) => {
            if (done >= k) stopped();
          },
        });
        expect(outcome.stoppedBy).toBe('precision');
        expect(outcome.partial).toBe(false);
        expect(outcome.error).toBeUndefined();
        expect(outcome.replications).toBe(k);
        expectSameReplications(outcome.collector, stop.collector, k);
        // At the stop every other worker is busy with a replication ≥ k (all below k are in): with
        // 2 workers one of them fails for from = k; with 4, three are busy, so one has one ≥ k + 1.
        const failedLate = size >= 2 && (from === k || size === 4);
        if (failedLate) expect(outcome.lateFailure).toBe(PORT_CLOSED);
        if (size === 1) expect(outcome.lateFailure).toBeUndefined();
        // The failed workers were replaced: the pool runs on, on fresh workers.
        const again = await pool.run(plan);
        expect(again.stoppedBy).toBe('complete');
        expectSameReplications(again.collector, reference.collector, 8);
        if (failedLate) expect(workers.length).toBeGreaterThan(size);
        if (size === 1) expect(workers).toHaveLength(1);
        await pool.dispose();
      }
    },
  );
});

describe('in-process worker', () => {
  it('turns an injected fault into a failed call, not a hang', async () => {
    for (const mode of ['throw', 'exit', 'close'] as const) {
      const worker = inProcessWorker();
      await worker.api.prepare('p', plan);
      await worker.api.injectFault(mode);
      await expect(worker.api.run('p', [0])).rejects.toThrow(/injected fault/);
    }
  });

  it('names the fault it does not know', async () => {
    const worker = inProcessWorker();
    await expect(worker.api.injectFault('explode' as 'throw')).rejects.toThrow(
      'fault: expected one of throw, exit, close, got explode',
    );
  });
});
