/**
 * Running without workers: the same pool, scheduling and precision logic, with the engine called
 * directly in this thread. What the CLI uses for `--workers 0`, the tests use as the reference, and
 * any environment without Workers can fall back to.
 */
import { expose, wrap, type Remote } from 'comlink';
import { createEngineWorkerApi, type EngineWorkerApi } from '../worker/api.ts';
import { EnginePool, type PoolWorker, type RunOptions, type RunOutcome } from './pool.ts';
import type { RunPlan } from './plan.ts';

/** A pool worker that runs in this thread, with no serialization (the reference path). */
export function inProcessWorker(): PoolWorker {
  const api = createEngineWorkerApi({
    exit() {
      throw new Error('injected fault: the in-process engine stopped');
    },
  });
  const remote = {
    version: async () => api.version(),
    prepare: async (id: string, plan: RunPlan) => api.prepare(id, plan),
    run: async (id: string, replications: number[]) => {
      // Yield to the event loop so a cancel can be seen between batches.
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 0));
      return api.run(id, replications);
    },
    injectFault: async (mode: 'throw' | 'exit') => api.injectFault(mode),
  } as unknown as Remote<EngineWorkerApi>;
  // Its own never-settling promise (not one shared by every in-process worker), so what a pool
  // attaches to it goes away with the worker.
  return { api: remote, failed: new Promise<never>(() => undefined), terminate: () => undefined };
}

/**
 * A pool worker in this thread whose every call and result goes through comlink over a
 * MessageChannel: the same structured-clone and transfer path as a real Worker, without one
 * (comlink's own tests use this trick). Used to prove the wire format changes no number.
 */
export function messageChannelWorker(): PoolWorker {
  const channel = new MessageChannel();
  let failed: (reason: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failure.catch(() => undefined);
  expose(
    createEngineWorkerApi({
      exit() {
        channel.port2.close();
        failed(new Error('the engine worker exited'));
      },
    }),
    channel.port2,
  );
  const api = wrap<EngineWorkerApi>(channel.port1);
  return {
    api,
    failed: failure,
    terminate() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** Runs a plan in this thread. */
export async function runInProcess(plan: RunPlan, options: RunOptions = {}): Promise<RunOutcome> {
  const pool = new EnginePool(inProcessWorker, 1);
  try {
    return await pool.run(plan, options);
  } finally {
    await pool.dispose();
  }
}
