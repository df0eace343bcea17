/// <reference lib="dom" />
/**
 * Binds browser Workers to the engine pool: wraps a Worker with comlink and turns its `error`
 * event (an uncaught error or a crash) into the pool's `failed` signal.
 */
import { wrap } from 'comlink';
import type { PoolWorker } from '../runner/pool.ts';
import type { EngineWorkerApi } from './api.ts';

export function browserWorker(worker: Worker): PoolWorker {
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`the engine worker failed: ${event.message || 'it stopped unexpectedly'}`));
    });
    worker.addEventListener('messageerror', () =>
      reject(new Error('the engine worker sent a message that could not be read')),
    );
  });
  failed.catch(() => undefined);
  return { api: wrap<EngineWorkerApi>(worker), failed, terminate: () => worker.terminate() };
}
