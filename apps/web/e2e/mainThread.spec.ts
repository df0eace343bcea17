import { describe, expect, it } from 'vitest';
import { describeTasks, longest, mainThreadTasks, type TraceEvent } from './mainThread.ts';

/** A trace as Chromium writes it (microseconds), trimmed to the fields the parser reads. */
function trace(): TraceEvent[] {
  const page = { pid: 7, tid: 7 };
  const nav = 1_000_000;
  return [
    // An earlier document in the same renderer (about:blank), and another renderer's navigation.
    {
      name: 'navigationStart',
      cat: 'blink.user_timing',
      ph: 'R',
      ...page,
      ts: 400_000,
      args: { data: {} },
    },
    {
      name: 'navigationStart',
      cat: 'blink.user_timing',
      ph: 'R',
      pid: 9,
      tid: 9,
      ts: 900_000,
      args: { data: {} },
    },
    {
      name: 'navigationStart',
      cat: 'blink.user_timing',
      ph: 'R',
      ...page,
      ts: nav,
      args: { data: { documentLoaderURL: 'http://localhost:4173/roi' } },
    },
    // Before the navigation: not the page's.
    { name: 'RunTask', ph: 'X', ...page, ts: 500_000, dur: 90_000, tdur: 80_000 },
    // A task with a nested one (the nested one is part of it).
    {
      name: 'ThreadControllerImpl::RunTask',
      ph: 'X',
      ...page,
      ts: nav + 10_000,
      dur: 62_000,
      tdur: 20_000,
    },
    { name: 'RunTask', ph: 'X', ...page, ts: nav + 10_000, dur: 61_000, tdur: 19_500 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: nav + 12_000, dur: 40_000, tdur: 15_000 },
    // Not a mark: an instant event of another category.
    {
      name: 'journeycast:first-run-streaming',
      cat: 'devtools.timeline',
      ph: 'I',
      ...page,
      ts: nav + 80_000,
    },
    {
      name: 'journeycast:first-run-streaming',
      cat: 'blink.user_timing',
      ph: 'I',
      ...page,
      ts: nav + 100_000,
    },
    { name: 'older mark', cat: 'blink.user_timing', ph: 'R', ...page, ts: nav + 110_000 },
    { name: 'RunTask', ph: 'X', ...page, ts: nav + 120_000, dur: 30_500, tdur: 9_000 },
    // Another thread (a worker) of the same renderer: not the main thread.
    { name: 'RunTask', ph: 'X', pid: 7, tid: 8, ts: nav + 130_000, dur: 500_000, tdur: 500_000 },
  ];
}

describe('mainThreadTasks', () => {
  it('keeps the outermost tasks of the navigated document’s main thread, timed from its start', () => {
    const { tasks, marks } = mainThreadTasks(trace(), '/roi');
    expect(tasks).toEqual([
      { start: 10, wall: 62, cpu: 20 },
      { start: 120, wall: 30.5, cpu: 9 },
    ]);
    expect(marks.get('journeycast:first-run-streaming')).toBe(100);
    expect(marks.get('older mark')).toBe(110);
    expect(longest(tasks)).toEqual({ start: 10, wall: 62, cpu: 20 });
    expect(longest(tasks.filter((t) => t.start >= 100))?.wall).toBe(30.5);
    expect(longest([])).toBeUndefined();
  });

  it('says which navigation it could not find', () => {
    expect(() => mainThreadTasks(trace(), '/compare')).toThrow(
      'trace: no navigationStart for a document at …/compare',
    );
  });
});

describe('describeTasks', () => {
  it('lists lengths, or says none', () => {
    expect(describeTasks([])).toBe('none');
    expect(describeTasks([72, 55])).toBe('72, 55 ms');
  });
});
