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
  /** The engine version this worker runs (checked by the pool). */
  version(): string;
  /** Compiles the plan's variants and keeps them under `planId` (one plan at a time). */
  prepare(planId: string, plan: RunPlan): void;
  /** Runs the given replications of the prepared plan. */
  run(planId: string, replications: number[]): ReplicationRecord[];
  /** Fault injection for reliability tests: the next `run` throws (mode 'throw') or the worker exits. */
  injectFault(mode: 'throw' | 'exit'): void;
}

export interface EngineWorkerHooks {
  /** How this environment ends its worker (process exit / self.close). */
  exit(): void;
}

/** The API object a worker exposes. */
export function createEngineWorkerApi(hooks: EngineWorkerHooks): EngineWorkerApi {
  let preparedId: string | undefined;
  let runner: ReplicationRunner | undefined;
  let fault: 'throw' | 'exit' | undefined;
  return {
    version: () => ENGINE_VERSION,
    prepare(planId, plan) {
      if (planId === preparedId) return;
      runner = new ReplicationRunner(plan);
      preparedId = planId;
    },
    run(planId, replications) {
      if (fault === 'exit') hooks.exit();
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
      fault = mode;
    },
  };
}
