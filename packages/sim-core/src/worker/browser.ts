/// <reference lib="webworker" />
/**
 * The engine as a browser Web Worker (module worker). Create it from app code with
 *   new Worker(new URL('@journeycast/sim-core/worker', import.meta.url), { type: 'module' })
 * or through a small local module that imports this one, and hand it to `browserWorker()`.
 */
import { expose } from 'comlink';
import { createEngineWorkerApi } from './api.ts';

declare const self: DedicatedWorkerGlobalScope;

expose(
  createEngineWorkerApi({
    exit() {
      // A crash as the page sees it: an uncaught error, then the worker is gone.
      setTimeout(() => {
        throw new Error('the engine worker exited');
      });
      setTimeout(() => self.close(), 10);
    },
  }),
);
