/// <reference path="./comlinkNodeAdapter.d.ts" />
/**
 * The engine in Node worker threads: `nodeWorker()` starts a thread running the engine and binds it
 * to the pool over comlink's Node adapter. The thread loads TypeScript through tsx (see
 * nodeWorkerBootstrap.mjs), so the CLI runs straight from source after `npm ci`.
 *
 * The engine speaks over a MessageChannel of its own rather than the thread's `parentPort`,
 * because a channel tells when its other end goes away: the port here emits `close` when the
 * thread ends or when the thread closes its end and stops listening while staying alive, which
 * nothing else reports (a deaf thread fires no `exit`). No timer is involved, so a thread busy
 * with a long replication (its port still open) is never taken for a dead one.
 */
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { wrap } from 'comlink';
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { PoolWorker } from '../runner/pool.ts';
import { EnginePool } from '../runner/pool.ts';
import type { EngineWorkerApi } from './api.ts';

const bootstrap = new URL('./nodeWorkerBootstrap.mjs', import.meta.url);

/** What the pool reports when a thread closed its channel and had to be stopped. */
export const CHANNEL_CLOSED =
  'the engine worker stopped answering: it closed its channel while still running, and was stopped';

export interface NodePoolWorker extends PoolWorker {
  /** Resolves with the thread's exit code once it has ended (leak tests wait for it). */
  exited: Promise<number>;
}

export function nodeWorker(): NodePoolWorker {
  const channel = new MessageChannel();
  const worker = new Worker(bootstrap, {
    workerData: {
      entry: new URL('./nodeWorkerEntry.ts', import.meta.url).href,
      port: channel.port2,
    },
    transferList: [channel.port2],
  });
  // Set when the pool ends the thread (then the channel's close is expected).
  let terminating = false;
  // Set when the thread's end of the channel closed first: the thread is ending, or it is deaf.
  let channelClosed = false;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const failed = new Promise<never>((_, reject) => {
    worker.on('error', (error) => reject(new Error(`the engine worker failed: ${error.message}`)));
    worker.on('exit', (code) =>
      reject(
        new Error(
          // Code 1 after a closed channel is the terminate() below: the thread was deaf, not dying.
          channelClosed && code === 1 ? CHANNEL_CLOSED : `the engine worker exited (code ${code})`,
        ),
      ),
    );
  });
  failed.catch(() => undefined);
  channel.port1.once('close', () => {
    if (terminating) return;
    // Whether the thread is exiting (its `exit` event follows within milliseconds, with its own
    // code) or lives on deaf, it can answer nothing more: end it, and let `exit` report it.
    channelClosed = true;
    void worker.terminate();
  });
  return {
    api: wrap<EngineWorkerApi>(nodeEndpoint(channel.port1)),
    failed,
    exited,
    terminate: () => {
      terminating = true;
      channel.port1.close();
      void worker.terminate();
    },
  };
}

/** A pool of Node worker threads (default: one per available core). */
export function nodeWorkerPool(size = availableParallelism()): EnginePool {
  return new EnginePool(nodeWorker, size);
}
