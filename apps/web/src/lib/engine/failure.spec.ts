import { describe, expect, it } from 'vitest';
import { isPartial, plainFailure, runOutcomeText, type RunOutcomeInfo } from './failure.ts';

describe('plainFailure', () => {
  it('keeps one plain line: no stack, no "Uncaught Error:" noise', () => {
    expect(plainFailure('the engine worker failed: Uncaught Error: the engine worker exited')).toBe(
      'the engine worker exited',
    );
    expect(
      plainFailure(
        "TypeError: Cannot read properties of undefined (reading 'x')\n    at run (http://localhost/_app/engine.worker.js:1:2)",
      ),
    ).toBe("Cannot read properties of undefined (reading 'x')");
    const error = new Error('injected fault: the engine worker failed on purpose');
    expect(plainFailure(error)).toBe('injected fault: the engine worker failed on purpose');
    expect(plainFailure('')).toBe('it stopped without saying why');
    expect(plainFailure('x'.repeat(1000))).toHaveLength(300);
  });
});

describe('runOutcomeText and isPartial', () => {
  const run = (over: Partial<RunOutcomeInfo>): RunOutcomeInfo => ({
    status: 'done',
    stoppedBy: 'complete',
    done: 30,
    target: 30,
    error: undefined,
    ...over,
  });

  it('labels a run a worker failure cut short as partial, with the reason', () => {
    const failed = run({ status: 'error', stoppedBy: 'error', done: 12, error: 'it exited' });
    expect(runOutcomeText(failed)).toBe(
      'Partial: 12 of 30 replications; an engine worker failed: it exited',
    );
    expect(isPartial(failed)).toBe(true);
    const nothing = run({ status: 'error', stoppedBy: 'error', done: 0, error: 'it exited' });
    expect(runOutcomeText(nothing)).toBe(
      'Failed before the first replication; an engine worker failed: it exited',
    );
    expect(isPartial(nothing)).toBe(false);
  });

  it('labels cancelled runs partial, finished ones complete', () => {
    expect(runOutcomeText(run({ status: 'cancelled', stoppedBy: 'cancelled', done: 7 }))).toBe(
      'Partial: 7 of 30 replications (cancelled)',
    );
    expect(isPartial(run({ status: 'cancelled', stoppedBy: 'cancelled', done: 7 }))).toBe(true);
    expect(runOutcomeText(run({}))).toBe('Complete: 30 of 30 replications');
    expect(runOutcomeText(run({ stoppedBy: 'precision', done: 20, target: 200 }))).toBe(
      'Complete: precision target met after 20 replications (at most 200)',
    );
    expect(isPartial(run({ stoppedBy: 'precision', done: 20, target: 200 }))).toBe(false);
    expect(runOutcomeText(run({ status: 'error', stoppedBy: undefined, error: 'bad plan' }))).toBe(
      'Failed: bad plan',
    );
  });
});
