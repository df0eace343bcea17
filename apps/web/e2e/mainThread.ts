/**
 * The page's main thread, as the browser tests and the benchmark see it (issue 6: no main-thread
 * task longer than 50 ms while a run streams). Two views:
 *
 *   - the Long Tasks API, in the page: every task over 50 ms, split into start-up (before the first
 *     run starts streaming) and streaming. The browser tests report these and never assert on
 *     them: a task's length is wall-clock time, which a busy machine stretches (CONTRIBUTING: no
 *     timed assertions in tests);
 *   - a Chromium trace (the benchmark): every task, over 50 ms or not, with its wall-clock length
 *     and the CPU time the main thread spent in it. Their ratio says how much of a task's length
 *     was the machine's load rather than the page's work.
 *
 * The page marks the moment the first run starts streaming with `performance.mark(STREAMING_MARK)`
 * (from this init script, not from the app), so both views split at the same instant.
 */
import type { Page } from '@playwright/test';

export const STREAMING_MARK = 'journeycast:first-run-streaming';

/**
 * Init script (source text: the bench runs under tsx, which would wrap a function's inner helpers
 * in code the page lacks): records long tasks from the start, and marks when any run status first
 * reads 'running'.
 */
export const LONG_TASK_OBSERVER = `(() => {
  const state = { tasks: [], streamingFrom: undefined };
  window.__journeycastMainThread = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (state.streamingFrom !== undefined) return;
    if (document.querySelector('[data-run-status="running"]') === null) return;
    state.streamingFrom = performance.now();
    performance.mark(${JSON.stringify(STREAMING_MARK)});
    watch.disconnect();
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-run-status'] });
})()`;

export interface LongTasks {
  /** Lengths (ms, rounded) of the tasks over 50 ms that started before the first run streamed. */
  startup: number[];
  /** … and of those that started once it streamed. */
  streaming: number[];
}

/** The long tasks the page has seen so far (LONG_TASK_OBSERVER must have been added). */
export async function readLongTasks(page: Page): Promise<LongTasks> {
  const state = (await page.evaluate(
    '({ tasks: window.__journeycastMainThread.tasks, streamingFrom: window.__journeycastMainThread.streamingFrom })',
  )) as { tasks: [number, number][]; streamingFrom: number | undefined };
  const from = state.streamingFrom ?? Infinity;
  const lengths = (tasks: [number, number][]) => tasks.map(([, d]) => Math.round(d));
  return {
    startup: lengths(state.tasks.filter(([start]) => start < from)),
    streaming: lengths(state.tasks.filter(([start]) => start >= from)),
  };
}

/** "none", or "72, 55 ms". */
export function describeTasks(lengths: number[]): string {
  return lengths.length === 0 ? 'none' : `${lengths.join(', ')} ms`;
}

/** A Chromium trace event (the fields used here). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { documentLoaderURL?: string } };
}

export interface MainThreadTask {
  /** Milliseconds from the navigation to the task's start. */
  start: number;
  /** Wall-clock length, ms. */
  wall: number;
  /** CPU time of the main thread in the task, ms (when the trace has thread times). */
  cpu: number | undefined;
}

/**
 * The main-thread tasks of the document loaded from a URL ending in `path`, from a trace recorded
 * with the 'toplevel' and 'blink.user_timing' categories: the outermost events on the renderer
 * thread that navigated to it (nested events are parts of their task), timed from its navigation
 * start; and the page's performance marks, by name, on the same clock.
 */
export function mainThreadTasks(
  events: readonly TraceEvent[],
  path: string,
): { tasks: MainThreadTask[]; marks: Map<string, number> } {
  const navigation = events.find(
    (e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').endsWith(path),
  );
  if (navigation === undefined)
    throw new Error(`trace: no navigationStart for a document at …${path}`);
  const { pid, tid, ts: t0 } = navigation;
  const ms = (us: number) => (us - t0) / 1000;
  const mine = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: MainThreadTask[] = [];
  let end = -Infinity;
  for (const e of mine) {
    if (e.ts < end) continue;
    const dur = e.dur ?? 0;
    end = e.ts + dur;
    tasks.push({
      start: ms(e.ts),
      wall: dur / 1000,
      cpu: e.tdur !== undefined ? e.tdur / 1000 : undefined,
    });
  }
  const marks = new Map<string, number>();
  // A performance.mark is an instant event (ph 'I'; older Chromium wrote 'R', as for navigationStart).
  for (const e of events)
    if (
      e.pid === pid &&
      e.cat === 'blink.user_timing' &&
      (e.ph === 'I' || e.ph === 'R') &&
      e.name !== 'navigationStart' &&
      e.ts >= t0
    )
      marks.set(e.name, ms(e.ts));
  return { tasks, marks };
}

/** The longest of `tasks` (by wall-clock time), or undefined when there is none. */
export function longest(tasks: readonly MainThreadTask[]): MainThreadTask | undefined {
  return tasks.reduce<MainThreadTask | undefined>(
    (best, t) => (best === undefined || t.wall > best.wall ? t : best),
    undefined,
  );
}
