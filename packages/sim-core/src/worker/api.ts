/**
 * The engine's worker API: what a browser Worker or a Node worker thread exposes over comlink.
 * A tiny surface in comlink's manner: prepare a plan once, then run replications by index.
 *
 * Summaries travel back as transferred ArrayBuffers (comlink's `transfer`), never copied.
 * This file is environment-neutral; `browser.ts` and `node.ts` bind it to their endpoints.
 */
import { transfer } from 'comlink';
import { ReplicationRunner } from '../engine/replicate.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import type { ReplicationRecord, RunPlan } from '../runner/plan.ts';

export interface EngineWorkerApi {
  /**
   * The engine version this worker runs. The pool asks each worker once, before its first plan,
   * and refuses one of another version (runner/pool.ts): its numbers would not be this engine's.
   */
  version(): string;
  /** Compiles the plan's variants and keeps them under `planId` (one plan at a time). */
  prepare(planId: string, plan: RunPlan): void;
  /**
   * Runs the given replications of the prepared plan. (A promise only under the 'close' fault,
   * which never answers.)
   */
  run(planId: string, replications: number[]): ReplicationRecord[] | Promise<ReplicationRecord[]>;
  /** Fault injection for reliability tests: what the next `run` does instead of running. */
  injectFault(mode: EngineFault): void;
}

/**
 * The faults a test can inject (never used outside tests):
 * - 'throw': the call throws, the worker lives on (a bug in the engine);
 * - 'exit': the worker dies loudly (an uncaught error, then it is gone; a thread exits with code 3);
 * - 'close': the worker ends without a word mid-batch: a browser worker calls only `self.close()`,
 *   which fires no `error` event (nor does a worker the browser kills); a Node thread closes its
 *   channel and stays alive but deaf. The batch is never answered: only the binding's liveness
 *   check (worker/browserPool.ts, worker/node.ts) can tell the pool.
 */
export type EngineFault = 'throw' | 'exit' | 'close';

export const ENGINE_FAULTS: readonly EngineFault[] = ['throw', 'exit', 'close'];

export interface EngineWorkerHooks {
  /** How this environment ends its worker loudly (process exit / an uncaught error). */
  exit(): void;
  /** How this environment ends its worker silently (self.close() only / closing its channel). */
  close(): void;
}

/** The API object a worker exposes. */
export function createEngineWorkerApi(hooks: EngineWorkerHooks): EngineWorkerApi {
  let preparedId: string | undefined;
  let runner: ReplicationRunner | undefined;
  let fault: EngineFault | undefined;
  return {
    version: () => ENGINE_VERSION,
    prepare(planId, plan) {
      if (planId === preparedId) return;
      runner = new ReplicationRunner(plan);
      preparedId = planId;
    },
    run(planId, replications) {
      if (fault === 'exit') hooks.exit();
      if (fault === 'close') {
        hooks.close();
        // Nothing is ever sent back: the batch stays unanswered, as with a worker that is gone.
        return new Promise<never>(() => undefined);
      }
      if (fault === 'throw') {
        fault = undefined;
        throw new Error('injected fault: the engine worker failed on purpose');
      }
      if (runner === undefined || planId !== preparedId) {
        throw new Error(`plan ${planId} was not prepared in this worker`);
      }
      const records = replications.map((r) => runner!.run(r));
      const buffers = records.flatMap((rec) => rec.summaries.map((s) => s.buffer as ArrayBuffer));
      return transfer(records, buffers);
    },
    injectFault(mode) {
      if (!ENGINE_FAULTS.includes(mode)) {
        throw new Error(`fault: expected one of ${ENGINE_FAULTS.join(', ')}, got ${String(mode)}`);
      }
      fault = mode;
    },
  };
}
