/**
 * Benchmark, Chromium part: latency of the built workbench in real Chromium, driven by Playwright.
 * Started by the root `npm run bench` after the app is built (or `npm run bench -w @journeycast/web`
 * after `npm run build -w @journeycast/web`). Prints one JSON object with `--json`, else a table.
 *
 *   - page load → first estimate of the default scenario, and → precision target;
 *   - a lever moved with the keyboard → first estimate of the new run, and → precision target
 *     (median of several moves), plus the main-thread long tasks (> 50 ms) seen while runs stream;
 *   - the ROI page from a fresh start: the paired run at the scenario's full settings and the
 *     tornado sweep stream at once. Its longest main-thread task while they stream, and at
 *     start-up, from a Chromium trace: wall-clock length and the CPU time the main thread spent
 *     in it (a busy machine stretches the first, not the second; the load average is printed).
 *     JOURNEYCAST_BENCH_TRACE=<file.json> keeps that trace (it opens in Chrome's Performance panel).
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import {
  LONG_TASK_OBSERVER,
  STREAMING_MARK,
  describeTasks,
  longest,
  mainThreadTasks,
  readLongTasks,
  type MainThreadTask,
  type TraceEvent,
} from '../e2e/mainThread.ts';

const json = process.argv.includes('--json');
const BENCH_END_MARK = 'journeycast:bench-end';
const port = 4175;
const root = fileURLToPath(new URL('..', import.meta.url));

function round1(x: number | undefined): number | null {
  return x === undefined ? null : Math.round(x * 10) / 10;
}

/** "31.2 ms (its CPU 12.0 ms)". */
function task(t: MainThreadTask | undefined): string {
  if (t === undefined) return '—';
  return `${t.wall.toFixed(1)} ms${t.cpu !== undefined ? ` (its CPU ${t.cpu.toFixed(1)} ms)` : ''}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`the preview server did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Its own process group, so stopping it also stops the vite process npx starts.
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
const base = `http://localhost:${port}`;

try {
  await waitForServer(base, 60_000);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  `);

  const done = () =>
    page.locator('[data-run-status="done"]').filter({ hasText: 'Live estimate' }).first();
  const started = Date.now();
  await page.goto(base + '/');
  // A function predicate, not source text: Playwright evaluates a string predicate with eval in the
  // page, which the app's Content Security Policy (rightly) refuses.
  await page.waitForFunction(
    () => {
      const v = document.querySelector('[data-metric="npv-p50"]')?.getAttribute('data-value');
      return v !== null && v !== undefined && v !== '' && !Number.isNaN(Number(v));
    },
    undefined,
    { timeout: 120_000 },
  );
  const loadFirst = Date.now() - started;
  await done().waitFor({ timeout: 300_000 });
  const loadSettled = Date.now() - started;
  const loadLongTasks = (await page.evaluate('window.__longTasks.splice(0)')) as number[];

  const slider = page.getByLabel('Call-centre agents (agents per hour)', { exact: true });
  const firsts: number[] = [];
  const settled: number[] = [];
  const streamingLongTasks: number[] = [];
  for (let k = 0; k < 3; k++) {
    // Sent as source text: tsx would wrap the named inner function in a helper the page lacks.
    await page.evaluate(`(() => {
      const old = document.querySelector('[data-metric="npv-p50"]')?.getAttribute('data-value');
      let pressed = 0;
      document.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
      window.__first = new Promise((resolve) => {
        const check = () => {
          const v = document.querySelector('[data-metric="npv-p50"]')?.getAttribute('data-value');
          if (pressed > 0 && v !== old) resolve(performance.now() - pressed);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    })()`);
    await slider.focus();
    const pressAt = Date.now();
    await page.keyboard.press(k % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    firsts.push((await page.evaluate('window.__first')) as number);
    await page.waitForTimeout(50);
    await done().waitFor({ timeout: 300_000 });
    settled.push(Date.now() - pressAt);
    streamingLongTasks.push(...((await page.evaluate('window.__longTasks.splice(0)')) as number[]));
  }

  // The ROI page, in a context of its own (the workbench's moves above saved a draft).
  const roiContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const roi = await roiContext.newPage();
  await roi.addInitScript(LONG_TASK_OBSERVER);
  const cdp = await roiContext.newCDPSession(roi);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  // 'toplevel' has every task of every thread (with its thread time); 'blink.user_timing' the
  // navigation start and the page's marks. Nothing finer: tracing must not slow the page down.
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] },
  });
  const loadBefore = loadavg()[0]!;
  await roi.goto(base + '/roi');
  for (const label of ['ROI run', 'Tornado sweep'])
    await roi
      .locator('[data-run-status="done"]')
      .filter({ hasText: label })
      .first()
      .waitFor({ timeout: 300_000 });
  // Where streaming ends: ending the trace makes the renderer flush its trace buffers in tasks
  // of its own, which are the tracing's, not the page's.
  await roi.evaluate(`performance.mark(${JSON.stringify(BENCH_END_MARK)})`);
  await cdp.send('Tracing.end');
  await traced;
  const loadAfter = loadavg()[0]!;
  // The trace behind the figures, for a look in Chrome's Performance panel.
  const tracePath = process.env.JOURNEYCAST_BENCH_TRACE;
  if (tracePath) writeFileSync(tracePath, JSON.stringify({ traceEvents: events }));
  const roiLongTasks = await readLongTasks(roi);
  const { tasks, marks } = mainThreadTasks(events, '/roi');
  const streamingFrom = marks.get(STREAMING_MARK);
  const streamingTo = marks.get(BENCH_END_MARK);
  if (streamingFrom === undefined || streamingTo === undefined)
    throw new Error('the ROI page never marked a run streaming, or the end of the measurement');
  const streamingTasks = tasks.filter(
    (t) => t.start >= streamingFrom && t.start + t.wall <= streamingTo,
  );
  const startupTasks = tasks.filter((t) => t.start < streamingFrom);
  const roiStreaming = longest(streamingTasks);
  const roiStartup = longest(startupTasks);
  const mostCpu = (ts: MainThreadTask[]) => round1(Math.max(0, ...ts.map((t) => t.cpu ?? 0)));
  await browser.close();

  const result = {
    loadFirstEstimateMs: loadFirst,
    loadPrecisionTargetMs: loadSettled,
    loadLongTasksMs: loadLongTasks,
    leverFirstEstimateMs: Math.round(median(firsts)),
    leverPrecisionTargetMs: Math.round(median(settled)),
    leverMoves: firsts.length,
    longTasksWhileStreamingMs: streamingLongTasks,
    roiLongestStreamingTaskMs: round1(roiStreaming?.wall),
    roiLongestStreamingTaskCpuMs: round1(roiStreaming?.cpu),
    roiMostCpuStreamingTaskMs: mostCpu(streamingTasks),
    roiStreamingLongTasksMs: roiLongTasks.streaming,
    roiLongestStartupTaskMs: round1(roiStartup?.wall),
    roiLongestStartupTaskCpuMs: round1(roiStartup?.cpu),
    roiMostCpuStartupTaskMs: mostCpu(startupTasks),
    roiStartupLongTasksMs: roiLongTasks.startup,
    loadAverage: round1((loadBefore + loadAfter) / 2),
    cores: cpus().length,
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(`Chromium, built workbench, default scenario\n`);
    process.stdout.write(`  page load → first estimate     ${result.loadFirstEstimateMs} ms\n`);
    process.stdout.write(`  page load → precision target   ${result.loadPrecisionTargetMs} ms\n`);
    process.stdout.write(
      `  lever moved → first estimate   ${result.leverFirstEstimateMs} ms (median of ${result.leverMoves})\n`,
    );
    process.stdout.write(`  lever moved → precision target ${result.leverPrecisionTargetMs} ms\n`);
    process.stdout.write(
      `  long tasks while streaming     ${streamingLongTasks.length === 0 ? 'none' : streamingLongTasks.join(', ') + ' ms'}\n`,
    );
    process.stdout.write(`Chromium, built ROI page, default scenario (run and tornado sweep)\n`);
    process.stdout.write(
      `  ROI page: longest main-thread task while streaming  ${task(roiStreaming)}; most CPU in one task ${result.roiMostCpuStreamingTaskMs} ms; over 50 ms: ${describeTasks(roiLongTasks.streaming)}\n`,
    );
    process.stdout.write(
      `  ROI page: longest main-thread task at start-up      ${task(roiStartup)}; most CPU in one task ${result.roiMostCpuStartupTaskMs} ms; over 50 ms: ${describeTasks(roiLongTasks.startup)}\n`,
    );
    process.stdout.write(
      `  machine load average ${result.loadAverage} on ${result.cores} cores (wall-clock lengths grow with it, CPU times do not)\n`,
    );
  }
} finally {
  stopServer();
}
