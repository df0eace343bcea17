/**
 * Running a chosen list of work units — (plan, replication) pairs — on engine workers: what a shard
 * and a sweep need and sim-core's pool does not offer (the pool runs replications 0..n−1 of one
 * plan, with a precision stop). It speaks the same tiny worker API as the pool (`prepare` a plan,
 * `run` replications by index), so every unit is computed by the same engine code; results are
 * returned by unit, so neither the number of workers nor the order they finish in changes anything.
 */
import {
  ENGINE_LIMITS,
  inProcessWorker,
  resultBytesPerReplication,
  unlessWorkerFails,
  type PoolWorker,
  type RunPlan,
} from '@journeycast/sim-core';
import { nodeWorker } from '@journeycast/sim-core/node';
import { CliError, EXIT } from './cliError.ts';

/** One replication of one plan. */
export interface WorkUnit {
  plan: number;
  replication: number;
}

export interface UnitsRun {
  /** Summaries of each unit (one Float64Array per variant of its plan), in the units' order. */
  summaries: Float64Array[][];
  seconds: number;
}

let runCounter = 0;

function progress(label: string, total: number): ((done: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const filled = Math.min(width, Math.round((width * done) / Math.max(1, total)));
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\x1b[K`,
    );
  };
}

/**
 * Runs `units` with `workers` engine threads (0: in this thread). Units are handed out one at a
 * time in the given order (a unit is one replication: well under a few seconds), so list them
 * grouped by plan: a worker prepares a plan only when its next unit needs another one.
 * Throws a CliError when a worker fails (exit 1) or on Ctrl-C (exit 130).
 */
export async function runUnits(
  plans: readonly RunPlan[],
  units: readonly WorkUnit[],
  workers: number,
  label: string,
): Promise<UnitsRun> {
  const started = performance.now();
  if (units.length === 0) return { summaries: [], seconds: 0 };
  // Every unit's summaries are kept until the shard or sweep is written: the same bound as a run.
  const bytesPerPlan = plans.map((plan) =>
    resultBytesPerReplication(plan.variants.map((v) => v.model)),
  );
  let keptBytes = 0;
  for (const unit of units) keptBytes += bytesPerPlan[unit.plan]!;
  if (keptBytes > ENGINE_LIMITS.maxResultBytes) {
    throw new CliError(
      `${label}: ${units.length.toLocaleString('en')} replications would keep ${Math.ceil(keptBytes / 1e6).toLocaleString('en')} MB of results; at most ${ENGINE_LIMITS.maxResultBytes / 1e6} MB: fewer replications, steps or variants, or more shards`,
      EXIT.usage,
    );
  }
  const ids = plans.map((_, p) => `units-${++runCounter}-${p}`);
  const summaries: Float64Array[][] = new Array<Float64Array[]>(units.length);
  const threads = workers === 0 ? 1 : Math.max(1, Math.min(workers, units.length));
  const live: PoolWorker[] = [];
  let next = 0;
  let done = 0;
  let failure: string | undefined;
  let interrupted = false;
  const onProgress = progress(label, units.length);

  const drive = async () => {
    const worker = workers === 0 ? inProcessWorker() : nodeWorker();
    live.push(worker);
    let prepared = -1;
    while (failure === undefined && !interrupted && next < units.length) {
      const i = next++;
      const unit = units[i]!;
      try {
        if (prepared !== unit.plan) {
          // One failure watch per worker (not a race per call, which would keep a handler per
          // batch for the worker's whole life).
          await unlessWorkerFails(worker, worker.api.prepare(ids[unit.plan]!, plans[unit.plan]!));
          prepared = unit.plan;
        }
        const [record] = await unlessWorkerFails(
          worker,
          worker.api.run(ids[unit.plan]!, [unit.replication]),
        );
        summaries[i] = record!.summaries;
        onProgress?.(++done);
      } catch (error) {
        failure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const interrupt = () => {
    interrupted = true;
    for (const w of live) w.terminate();
    stop();
  };
  process.once('SIGINT', interrupt);
  try {
    await Promise.race([Promise.all(Array.from({ length: threads }, drive)), stopped]);
  } finally {
    process.off('SIGINT', interrupt);
    for (const w of live) w.terminate();
    if (onProgress !== undefined) process.stderr.write('\r\x1b[K');
  }
  if (interrupted) throw new CliError(`${label}: interrupted`, 130);
  if (failure !== undefined)
    throw new CliError(`${label}: the run failed: ${failure}`, EXIT.failed);
  return { summaries, seconds: (performance.now() - started) / 1000 };
}

/** `in-process` or `2 workers`, for the timing line. */
export function threadsText(workers: number, units: number): string {
  if (workers === 0) return 'in-process';
  const n = Math.max(1, Math.min(workers, units));
  return `${n} worker${n === 1 ? '' : 's'}`;
}
