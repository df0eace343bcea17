/// <reference lib="webworker" />
/**
 * The engine as a browser Web Worker (module worker). Create it from app code with
 *   new Worker(new URL('@journeycast/sim-core/worker', import.meta.url), { type: 'module' })
 * or through a small local module that imports this one, and hand it to `browserWorker()`.
 *
 * Besides the engine API, the worker holds its lifeline: the Web Lock its pool names
 * (browserPool.ts). A lock is released when the worker that holds it ends, however it ends.
 */
import { expose } from 'comlink';
import { createEngineWorkerApi } from './api.ts';
import { lifelineHeld, lifelineRequested } from './browserLifeline.ts';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const name = lifelineRequested(event.data);
  // No Web Locks outside a secure context: the pool then has only the worker's error events.
  if (name === undefined || self.navigator.locks === undefined) return;
  void self.navigator.locks.request(
    name,
    // Never settles: the lock is held until this worker ends.
    () =>
      new Promise<never>(() => {
        self.postMessage(lifelineHeld(name));
      }),
  );
});

expose(
  createEngineWorkerApi({
    exit() {
      // A crash as the page sees it: an uncaught error, then the worker is gone.
      setTimeout(() => {
        throw new Error('the engine worker exited');
      });
      setTimeout(() => self.close(), 10);
    },
    close() {
      // A silent end, and nothing else: no error event reaches the page, no message says goodbye;
      // the worker's scope simply stops (as when the browser kills a worker). Only its lifeline
      // tells the pool.
      self.close();
    },
  }),
);
