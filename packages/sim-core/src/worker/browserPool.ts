/// <reference lib="dom" />
/**
 * Binds browser Workers to the engine pool: wraps a Worker with comlink and turns the worker's end
 * into the pool's `failed` signal.
 *
 * A worker can end in two ways the page can see: an uncaught error (the `error` event) or a
 * message it cannot read (`messageerror`). It can also end in silence: a worker that calls
 * `self.close()`, or one the browser kills (out of memory), fires no event at all, and a batch
 * sent to it would stay pending for ever. A timer cannot tell such a worker from a slow one (a
 * worker deep in a long replication answers nothing either, for as long as the replication takes),
 * and `MessagePort` close events are not in Chromium. Web Locks can: the worker takes a lock of a
 * name only it and its pool know (browser.ts) and holds it for its whole life; the pool asks for
 * the same lock. The browser grants it to the pool exactly when the worker's scope ends, whatever
 * ends it, and never while the worker lives, however long it is busy. A granted lock is a dead
 * worker, known within milliseconds, with no threshold to tune.
 */
import { wrap } from 'comlink';
import type { PoolWorker } from '../runner/pool.ts';
import type { EngineWorkerApi } from './api.ts';
import { lifelineHeldName, lifelineRequest } from './browserLifeline.ts';

/** What the pool reports when a worker ended without an error. */
export const SILENT_END =
  'the engine worker stopped without an error (it closed itself or the browser ended it)';

export function browserWorker(worker: Worker): PoolWorker {
  let reject: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, r) => {
    reject = r;
  });
  failed.catch(() => undefined);
  // Ended by the pool: the lock it is then granted says nothing about a failure.
  const ended = new AbortController();
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    reject(new Error(`the engine worker failed: ${event.message || 'it stopped unexpectedly'}`));
  });
  worker.addEventListener('messageerror', () =>
    reject(new Error('the engine worker sent a message that could not be read')),
  );
  holdLifeline(worker, ended.signal, () => reject(new Error(SILENT_END)));
  return {
    api: wrap<EngineWorkerApi>(worker),
    failed,
    terminate: () => {
      ended.abort();
      worker.terminate();
    },
  };
}

/** Asks `worker` to hold a fresh lock, then waits for that lock: granted ⇒ the worker has ended. */
function holdLifeline(worker: Worker, ended: AbortSignal, onEnd: () => void): void {
  const locks = globalThis.navigator?.locks as LockManager | undefined;
  // Web Locks exist only in secure contexts (https, localhost), as does randomUUID.
  if (locks === undefined || typeof crypto.randomUUID !== 'function') return;
  // Lock names are shared by every tab of the origin: a random name is this worker's alone.
  const name = `journeycast-engine-${crypto.randomUUID()}`;
  const onHeld = (event: MessageEvent<unknown>) => {
    if (lifelineHeldName(event.data) !== name) return;
    worker.removeEventListener('message', onHeld);
    // Asked for only once the worker holds it, or the pool could be granted it first.
    locks
      .request(name, { signal: ended }, () => {
        if (!ended.aborted) onEnd();
      })
      // AbortError once the pool ends the worker itself: nothing to report.
      .catch(() => undefined);
  };
  worker.addEventListener('message', onHeld, { signal: ended });
  worker.postMessage(lifelineRequest(name));
}
