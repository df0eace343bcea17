/// <reference path="./comlinkNodeAdapter.d.ts" />
/**
 * Inside a Node worker thread: exposes the engine API over comlink's Node adapter.
 */
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { expose } from 'comlink';
import { parentPort } from 'node:worker_threads';
import { createEngineWorkerApi } from './api.ts';

if (parentPort === null) throw new Error('nodeWorkerEntry must run in a worker thread');
const port = parentPort;
expose(
  createEngineWorkerApi({
    exit() {
      process.exit(3);
    },
  }),
  nodeEndpoint(port),
);
