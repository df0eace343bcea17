/**
 * Main-thread drawing work in small tasks. Creating a chart.js chart or mounting a section of a page
 * costs tens of milliseconds, and a page holds several of them: done in the task that delivered a
 * result, they would block the main thread for well over 50 ms (a long task: input waits for it).
 *
 * Jobs are queued by key (a chart, a section; the latest job for a key replaces the one waiting)
 * and run in tasks of their own: a task runs jobs until it has used BUDGET_MS, so a job that costs
 * more than that runs alone, and light jobs (a chart update of a few milliseconds) share a task.
 * A job may return its next step, which is queued behind the other keys' jobs: a chart is created
 * in three steps (set up, lay out, draw), each well under 50 ms even before chart.js's code is
 * compiled, and the charts of a page take turns.
 */
export type ChartJob = () => ChartJob | void;

/** Time a task may spend on jobs before it yields; a job is never cut, so keep jobs small. */
const BUDGET_MS = 6;
const queue = new Map<object, ChartJob>();
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
  // A Map iterates in insertion order and sees keys added while it runs: a job's next step, added
  // at the end, runs in this task only if the budget allows, after the jobs already waiting.
  for (const [key, job] of queue) {
    queue.delete(key);
    const next = job();
    // A newer job for the same key (queued while this one ran) supersedes this one's next step.
    if (typeof next === 'function' && !queue.has(key)) queue.set(key, next);
    if (performance.now() - start > BUDGET_MS) break;
  }
  if (queue.size > 0) later();
  else pending = false;
}

/**
 * Runs `job` soon, in a small task; a later job for the same key replaces it (and its next steps).
 */
export function scheduleChartWork(key: object, job: ChartJob): void {
  queue.delete(key);
  queue.set(key, job);
  if (!pending) {
    pending = true;
    later();
  }
}

/** Drops a key's pending job or step (when its chart or section is destroyed). */
export function cancelChartWork(key: object): void {
  queue.delete(key);
}

/** Whether work is waiting (tests of the scheduler; a page never needs to ask). */
export function chartWorkPending(): boolean {
  return queue.size > 0;
}
