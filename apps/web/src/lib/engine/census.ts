/**
 * A census of the engine workers the coordinator has started: how many are alive now, the most
 * ever alive at once, and how many were started in all. The pool keeps at most one worker per slot
 * by construction; this counts real `Worker` objects (started and not yet terminated), so a leak
 * anywhere (a worker the pool lost track of, a replacement started before the failed one was
 * ended) shows here, and the browser tests read it after 100 cancelled runs.
 */
import type { PoolWorker, WorkerFactory } from '@journeycast/sim-core';

export interface WorkerCensus {
  /** Workers the pool was built with (the most it should ever hold). */
  poolSize: number;
  /** Started and not yet terminated. */
  live: number;
  /** The most alive at any one time since start-up. */
  maxLive: number;
  /** Started since start-up (a replaced worker adds one). */
  spawned: number;
}

export interface TrackedFactory {
  factory: WorkerFactory;
  census(poolSize: number): WorkerCensus;
  /** The workers alive now, oldest first (fault injection picks one). */
  alive(): PoolWorker[];
}

/** Wraps a worker factory so every worker it makes is counted until it is terminated. */
export function trackWorkers(make: WorkerFactory): TrackedFactory {
  const alive = new Set<PoolWorker>();
  let spawned = 0;
  let maxLive = 0;
  const factory: WorkerFactory = () => {
    const worker = make();
    let ended = false;
    const tracked: PoolWorker = {
      api: worker.api,
      failed: worker.failed,
      terminate() {
        if (!ended) {
          ended = true;
          alive.delete(tracked);
        }
        worker.terminate();
      },
    };
    alive.add(tracked);
    spawned += 1;
    maxLive = Math.max(maxLive, alive.size);
    return tracked;
  };
  return {
    factory,
    census: (poolSize) => ({ poolSize, live: alive.size, maxLive, spawned }),
    alive: () => [...alive],
  };
}
