/**
 * Chart work in small tasks: creating a chart.js chart costs tens of milliseconds and a page holds
 * up to eight of them, so creating or updating them all in the task that delivered a result would
 * block the main thread for well over 50 ms. Jobs are queued by chart (the latest job wins) and run
 * in tasks of at most ~12 ms, yielding to input and painting in between.
 */
const BUDGET_MS = 8;
const queue = new Map<object, () => void>();
let pending = false;

const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : undefined;
if (channel) channel.port1.onmessage = () => drain();

function later(): void {
  // A message is a new task without setTimeout's 4 ms clamp.
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drain, 0);
}

function drain(): void {
  const start = performance.now();
  for (const [key, job] of queue) {
    queue.delete(key);
    job();
    if (performance.now() - start > BUDGET_MS) break;
  }
  if (queue.size > 0) later();
  else pending = false;
}

/** Runs `job` soon, in its own small task; a later job for the same key replaces it. */
export function scheduleChartWork(key: object, job: () => void): void {
  queue.delete(key);
  queue.set(key, job);
  if (!pending) {
    pending = true;
    later();
  }
}

/** Drops a chart's pending job (when it is destroyed). */
export function cancelChartWork(key: object): void {
  queue.delete(key);
}
