import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The Chromium part of `npm run bench` (bench/latency.ts, against the built app with its Content
 * Security Policy) must keep running and report its figures. Nothing is asserted about speed: the
 * bench prints the figures; this keeps it from breaking unseen (it once stopped at a string
 * predicate that Playwright evaluates with eval, which the CSP refuses).
 */
test('the Chromium latency benchmark runs against the built app and reports its figures', async () => {
  test.setTimeout(300_000);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/latency.ts', '--json'],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), maxBuffer: 4 * 1024 * 1024 },
  );
  const r = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<string, unknown>;
  for (const figure of [
    'loadFirstEstimateMs',
    'loadPrecisionTargetMs',
    'leverFirstEstimateMs',
    'leverPrecisionTargetMs',
    // The ROI page's main thread, from a trace: wall-clock and CPU time of its longest tasks.
    'roiLongestStreamingTaskMs',
    'roiLongestStreamingTaskCpuMs',
    'roiMostCpuStreamingTaskMs',
    'roiLongestStartupTaskMs',
    'roiMostCpuStartupTaskMs',
  ]) {
    const value = r[figure];
    expect(typeof value === 'number' && Number.isFinite(value) && value > 0, figure).toBe(true);
  }
  expect(r.leverMoves).toBe(3);
  expect(Array.isArray(r.longTasksWhileStreamingMs)).toBe(true);
  expect(Array.isArray(r.roiStreamingLongTasksMs)).toBe(true);
  expect(Array.isArray(r.roiStartupLongTasksMs)).toBe(true);
  // CPU time is part of a task's wall-clock time, never more.
  expect(r.roiLongestStreamingTaskCpuMs as number).toBeLessThanOrEqual(
    (r.roiLongestStreamingTaskMs as number) + 0.1,
  );
});
