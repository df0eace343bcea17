/**
 * Failures in words a strategist can read: one line, no stack trace, no "Uncaught Error:" noise.
 * An error crosses two worker boundaries before the page sees it (engine worker → coordinator →
 * page); comlink carries an error's stack along with its message, and a worker's `error` event
 * prefixes "Uncaught". Only the first line of the message is kept, so no stack frame (which would
 * leak file paths and mean nothing to the reader) ever reaches the screen or an export.
 */

/** Longest failure message shown (characters). */
export const MAX_FAILURE_CHARS = 300;

const NOISE = [/^uncaught\s+/i, /^(?:[A-Z][A-Za-z]*)?Error:\s*/, /^the engine worker failed:\s*/i];

/**
 * @example
 * plainFailure('the engine worker failed: Uncaught Error: the engine worker exited');
 * // => 'the engine worker exited'
 * plainFailure('TypeError: x is undefined\n    at run (engine.worker.js:1:2)');
 * // => 'x is undefined'
 */
export function plainFailure(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error ?? '');
  let text = (raw.split(/\r?\n/, 1)[0] ?? '').trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const pattern of NOISE) {
      const next = text.replace(pattern, '');
      if (next !== text) {
        text = next.trim();
        changed = true;
      }
    }
  }
  if (text === '') text = 'it stopped without saying why';
  return text.length > MAX_FAILURE_CHARS ? `${text.slice(0, MAX_FAILURE_CHARS - 1)}…` : text;
}

export interface RunOutcomeInfo {
  status: 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';
  stoppedBy: 'complete' | 'precision' | 'cancelled' | 'error' | undefined;
  done: number;
  target: number;
  error: string | undefined;
}

/** Whether the numbers shown are a part of the run asked for (cancelled, or a worker failed). */
export function isPartial(run: RunOutcomeInfo): boolean {
  return (
    run.done > 0 &&
    run.done < run.target &&
    (run.status === 'cancelled' || (run.status === 'error' && run.stoppedBy === 'error'))
  );
}

/**
 * What a finished run amounts to, in one line (the run status and the ROI case's audit stamp).
 *
 * @example
 * runOutcomeText({ status: 'error', stoppedBy: 'error', done: 12, target: 30, error: 'x' });
 * // => 'Partial: 12 of 30 replications; an engine worker failed: x'
 */
export function runOutcomeText(run: RunOutcomeInfo, format = (n: number) => String(n)): string {
  const of = `${format(run.done)} of ${format(run.target)} replications`;
  switch (run.status) {
    case 'error':
      if (run.stoppedBy === 'error') {
        const why = `an engine worker failed: ${run.error ?? 'it stopped without saying why'}`;
        return run.done > 0
          ? `Partial: ${of}; ${why}`
          : `Failed before the first replication; ${why}`;
      }
      return `Failed: ${run.error ?? 'unknown error'}`;
    case 'cancelled':
      return run.done > 0 ? `Partial: ${of} (cancelled)` : 'Cancelled before the first replication';
    case 'done':
      return run.stoppedBy === 'precision'
        ? `Complete: precision target met after ${format(run.done)} replications (at most ${format(run.target)})`
        : `Complete: ${of}`;
    default:
      return `Running: ${of}`;
  }
}
