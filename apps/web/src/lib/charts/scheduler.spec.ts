import { describe, expect, it } from 'vitest';
import { cancelChartWork, chartWorkPending, scheduleChartWork } from './scheduler.ts';

/** Resolves once every queued job and step has run. */
async function settled(): Promise<void> {
  while (chartWorkPending()) await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Keeps the thread busy for `ms` (a job that costs more than the scheduler's budget). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('scheduleChartWork', () => {
  it('runs jobs later, in the order they were queued, never in the caller’s task', async () => {
    const log: string[] = [];
    scheduleChartWork({}, () => void log.push('a'));
    scheduleChartWork({}, () => void log.push('b'));
    log.push('caller');
    await settled();
    expect(log).toEqual(['caller', 'a', 'b']);
  });

  it('keeps only the latest job of a key, and drops a cancelled one', async () => {
    const log: string[] = [];
    const chart = {};
    const section = {};
    scheduleChartWork(chart, () => void log.push('old data'));
    scheduleChartWork(section, () => void log.push('section'));
    scheduleChartWork(chart, () => void log.push('new data'));
    const gone = {};
    scheduleChartWork(gone, () => void log.push('destroyed chart'));
    cancelChartWork(gone);
    await settled();
    expect(log).toEqual(['section', 'new data']);
  });

  it('runs a job’s next steps behind the other keys’ jobs', async () => {
    const log: string[] = [];
    scheduleChartWork({}, () => {
      log.push('a: set-up');
      return () => {
        log.push('a: layout');
        return () => void log.push('a: draw');
      };
    });
    scheduleChartWork({}, () => void log.push('b'));
    await settled();
    expect(log).toEqual(['a: set-up', 'b', 'a: layout', 'a: draw']);
  });

  it('lets a newer job of a key replace the next step of the job before it', async () => {
    const log: string[] = [];
    const chart = {};
    scheduleChartWork(chart, () => {
      log.push('create');
      // New data arrives while the chart is being created.
      scheduleChartWork(chart, () => void log.push('update'));
      return () => void log.push('stale step');
    });
    await settled();
    expect(log).toEqual(['create', 'update']);
  });

  it('gives a job that outruns the budget a task of its own', async () => {
    const log: string[] = [];
    scheduleChartWork({}, () => {
      busy(15);
      log.push('heavy');
      // A microtask runs when the task ends: before the next job only if that job is in a later task.
      void Promise.resolve().then(() => log.push('end of task'));
    });
    scheduleChartWork({}, () => void log.push('next'));
    await settled();
    expect(log).toEqual(['heavy', 'end of task', 'next']);
  });
});
