/**
 * Running plans from the command line: in worker threads (`nodeWorkerPool`, one per core by
 * default) or in this thread (`--workers 0`); a progress bar on stderr when it is a terminal;
 * Ctrl-C cancels. Results do not depend on the number of workers (sim-core's invariant 1).
 */
import { availableParallelism } from 'node:os';
import {
  runInProcess,
  summarize,
  type EnginePool,
  type RunOutcome,
  type RunPlan,
  type RunProgress,
  type RunResult,
} from '@journeycast/sim-core';
import { nodeWorkerPool } from '@journeycast/sim-core/node';
import { CliError, EXIT } from './cliError.ts';

export interface Executed {
  outcome: RunOutcome;
  result: RunResult;
  seconds: number;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

function progressBar(label: string): ((p: RunProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.done < p.target) return;
    last = now;
    const width = 30;
    const filled = Math.min(width, Math.round((width * p.done) / Math.max(1, p.target)));
    const precision =
      p.estimate !== undefined && Number.isFinite(p.estimate.relativeHalfWidth)
        ? `  ΔNPV ±${(p.estimate.relativeHalfWidth * 100).toFixed(1)} %`
        : '';
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.target}${precision}\x1b[K`,
    );
  };
}

/** Runs plans one after another on one pool of workers (started on first use). */
export class Runner {
  private pool: EnginePool | undefined;

  constructor(readonly workers: number) {}

  async run(plan: RunPlan, label: string): Promise<Executed> {
    const controller = new AbortController();
    const interrupt = () => {
      controller.abort();
      this.pool?.terminate();
      this.pool = undefined;
    };
    process.once('SIGINT', interrupt);
    const onProgress = progressBar(label);
    const started = performance.now();
    let outcome: RunOutcome;
    try {
      const options = {
        signal: controller.signal,
        ...(onProgress !== undefined ? { onProgress } : {}),
      };
      if (this.workers === 0) {
        outcome = await runInProcess(plan, options);
      } else {
        this.pool ??= nodeWorkerPool(this.workers);
        outcome = await this.pool.run(plan, options);
      }
    } finally {
      process.off('SIGINT', interrupt);
      if (onProgress !== undefined) process.stderr.write('\r\x1b[K');
    }
    if (outcome.stoppedBy === 'cancelled') throw new CliError(`${label}: interrupted`, 130);
    if (outcome.stoppedBy === 'error') {
      throw new CliError(
        `${label}: the run failed: ${outcome.error ?? 'a worker stopped'}`,
        EXIT.failed,
      );
    }
    const result = summarize(plan, outcome.collector);
    const seconds = (performance.now() - started) / 1000;
    const threads =
      this.workers === 0 ? 'in-process' : `${this.workers} worker${this.workers === 1 ? '' : 's'}`;
    process.stderr.write(
      `journeycast: ${label}: ${result.replications} replications × ${plan.variants.length} variants × ${plan.agents} agents in ${seconds.toFixed(1)} s (${threads}${outcome.stoppedBy === 'precision' ? ', precision target met' : ''})\n`,
    );
    return { outcome, result, seconds };
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.dispose();
  }
}
