/**
 * Running without workers: the same pool, scheduling and precision logic, with the engine called
 * directly in this thread. What the CLI uses for `--workers 0`, the tests use as the reference, and
 * any environment without Workers can fall back to.
 */
import { expose, wrap, type Remote } from 'comlink';
import {
  createEngineWorkerApi,
  type EngineFault,
  type EngineWorkerApi,
  type EngineWorkerHooks,
} from '../worker/api.ts';
import { EnginePool, type PoolWorker, type RunOptions, type RunOutcome } from './pool.ts';
import type { ReplicationRecord, RunPlan } from './plan.ts';

/** A pool worker that runs in this thread, with no serialization (the reference path). */
export function inProcessWorker(): PoolWorker {
  const stop = () => {
    throw new Error('injected fault: the in-process engine stopped');
  };
  const api = createEngineWorkerApi({ exit: stop, close: stop });
  const remote = {
    version: async () => api.version(),
    prepare: async (id: string, plan: RunPlan) => api.prepare(id, plan),
    run: async (id: string, replications: number[]) => {
      // Yield to the event loop so a cancel can be seen between batches.
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 0));
      return api.run(id, replications);
    },
    injectFault: async (mode: EngineFault) => api.injectFault(mode),
  } as unknown as Remote<EngineWorkerApi>;
  // Its own never-settling promise (not one shared by every in-process worker), so what a pool
  // attaches to it goes away with the worker.
  return { api: remote, failed: new Promise<never>(() => undefined), terminate: () => undefined };
}

/** The `close` event of a MessagePort, which the web globals of this package do not declare. */
interface ClosingPort {
  addEventListener(type: 'close', listener: () => void, options?: { once?: boolean }): void;
}

/** What the pool reports when the worker's end of the channel closed. */
export const PORT_CLOSED =
  'the engine worker stopped answering: its end of the channel closed without an error';

export interface MessageChannelWorkerOptions {
  /**
   * Called on the worker's side with each batch's records just before comlink sends them, so a
   * test can keep them and see that sending detached their buffers (transferred, not copied).
   */
  onWorkerSide?: (records: readonly ReplicationRecord[]) => void;
}

/**
 * A pool worker in this thread whose every call and result goes through comlink over a
 * MessageChannel: the same structured-clone and transfer path as a real Worker, without one
 * (comlink's own tests use this trick). Used to prove the wire format changes no number.
 *
 * Its liveness check is the channel itself: when the worker's end closes (fault 'close'), the
 * pool's end emits `close` (Node's MessagePort does; browsers' do not, which is why
 * worker/browserPool.ts uses a Web Lock instead).
 */
export function messageChannelWorker(options: MessageChannelWorkerOptions = {}): PoolWorker {
  const channel = new MessageChannel();
  let failed: (reason: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failure.catch(() => undefined);
  (channel.port1 as unknown as ClosingPort).addEventListener(
    'close',
    () => failed(new Error(PORT_CLOSED)),
    { once: true },
  );
  const hooks: EngineWorkerHooks = {
    exit() {
      failed(new Error('the engine worker exited'));
      channel.port2.close();
    },
    close() {
      // Only the channel closes: no error, no message; the pool must notice on its own.
      channel.port2.close();
    },
  };
  const api = createEngineWorkerApi(hooks);
  const { onWorkerSide } = options;
  if (onWorkerSide !== undefined) {
    const run = api.run.bind(api);
    api.run = (planId, replications) => {
      const records = run(planId, replications);
      // The very object comlink sends (it finds the buffers to transfer by that object).
      if (Array.isArray(records)) onWorkerSide(records);
      return records;
    };
  }
  expose(api, channel.port2);
  return {
    api: wrap<EngineWorkerApi>(channel.port1),
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
