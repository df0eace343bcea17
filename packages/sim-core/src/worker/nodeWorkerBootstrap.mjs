// Runs in a fresh worker thread: registers tsx so the engine's TypeScript loads directly, then
// starts the entry named by the parent.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
