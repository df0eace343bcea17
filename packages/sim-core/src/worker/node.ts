/// <reference path="./comlinkNodeAdapter.d.ts" />
/**
 * The engine in Node worker threads: `nodeWorker()` starts a thread running the engine and binds it
 * to the pool over comlink's Node adapter. The thread loads TypeScript through tsx (see
 * nodeWorkerBootstrap.mjs), so the CLI runs straight from source after `npm ci`.
 */
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { wrap } from 'comlink';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PoolWorker } from '../runner/pool.ts';
import { EnginePool } from '../runner/pool.ts';
import type { EngineWorkerApi } from './api.ts';

const bootstrap = new URL('./nodeWorkerBootstrap.mjs', import.meta.url);

export function nodeWorker(): PoolWorker {
  const worker = new Worker(bootstrap, {
    workerData: { entry: new URL('./nodeWorkerEntry.ts', import.meta.url).href },
  });
  const failed = new Promise<never>((_, reject) => {
    worker.on('error', (error) => reject(new Error(`the engine worker failed: ${error.message}`)));
    worker.on('exit', (code) => reject(new Error(`the engine worker exited (code ${code})`)));
  });
  failed.catch(() => undefined);
  return {
    api: wrap<EngineWorkerApi>(nodeEndpoint(worker)),
    failed,
    terminate: () => {
      void worker.terminate();
    },
  };
}

/** A pool of Node worker threads (default: one per available core). */
export function nodeWorkerPool(size = availableParallelism()): EnginePool {
  return new EnginePool(nodeWorker, size);
}
