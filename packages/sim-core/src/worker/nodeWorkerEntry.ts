/// <reference path="./comlinkNodeAdapter.d.ts" />
/**
 * Inside a Node worker thread: exposes the engine API over comlink's Node adapter, on the
 * MessageChannel port the pool sent in `workerData.port` (node.ts says why not `parentPort`).
 */
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { expose } from 'comlink';
import { MessagePort, isMainThread, workerData } from 'node:worker_threads';
import { createEngineWorkerApi } from './api.ts';

if (isMainThread) throw new Error('nodeWorkerEntry must run in a worker thread');
const port: unknown = (workerData as { port?: unknown } | null)?.port;
if (!(port instanceof MessagePort)) {
  throw new Error(
    `nodeWorkerEntry: workerData.port: expected the MessagePort the pool sends, got ${typeof port}`,
  );
}
expose(
  createEngineWorkerApi({
    exit() {
      process.exit(3);
    },
    close() {
      // Deaf but alive: the channel closes, the thread keeps running (a timer holds it), as a
      // thread stuck after losing its listener would. Only the channel's close tells the pool.
      port.close();
      setInterval(() => undefined, 60_000);
    },
  }),
  nodeEndpoint(port),
);
