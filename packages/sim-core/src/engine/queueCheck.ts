/**
 * The engine's queue on its own, for theory checks and `journeycast queue`: one long stretch of a
 * call centre with constant arrivals and staffing, simulated by exactly the kernel the monthly step
 * uses (queueKernel.ts), with an initial warm-up left out of the statistics so the figures estimate
 * the steady state that Erlang C and Erlang A describe.
 *
 * With `batches`, each figure comes with a standard error by batch means (Law & Kelton,
 * "Simulation Modeling and Analysis", 5th ed., §9.5.3): the counted hours are cut into that many
 * consecutive stretches, each stretch gives its own figure, and the spread of those figures, which
 * are nearly independent when a stretch is long against the queue's memory (its relaxation time,
 * about 4 hours at ρ = 0.91 with 11 agents: see queueTheory.spec.ts), estimates the error of the
 * whole. Every figure is a ratio of sums (waits per caller, busy minutes per staffed minute), so
 * the standard error is the ratio estimator's (delta method; Cochran, "Sampling Techniques", 3rd
 * ed., §6.4): SE(ΣY/ΣX) = √(Σ_b (Y_b − R·X_b)² / (B(B − 1))) / X̄ with R = ΣY/ΣX.
 */
import { requireInteger, requireNonNegative, requirePositive } from '@journeycast/models';
import { deriveKey } from '../random/streams.ts';
import {
  AgentHeap,
  newQueueStreams,
  Q,
  QUEUE_STATS,
  QueueRecorder,
  simulateQueueDay,
} from './queueKernel.ts';

export interface QueueCheckParams {
  arrivalsPerHour: number;
  ahtMinutes: number;
  agents: number;
  /** Mean patience in minutes; null or absent: nobody abandons (M/M/c). */
  patienceMinutes?: number | null;
  /** Hours simulated after the warm-up (default 2000). */
  hours?: number;
  /** Warm-up hours simulated first and not counted (default 10). */
  warmupHours?: number;
  seed?: number;
  /** Service-level threshold in seconds (default 20). */
  targetSeconds?: number;
  /** Keep each caller's arrival, leave and handle time (for Little's-law checks). */
  detailed?: boolean;
  /**
   * Batches of consecutive hours for batch-means standard errors (at most one per hour; 20 is the
   * usual choice). Without it there are none: they need each caller's outcome kept (7 bytes a
   * call; the kernel's recorder grows, it cannot be emptied as it goes).
   */
  batches?: number;
}

/**
 * Batch-means standard errors of a check's figures; null where they cannot be estimated (fewer
 * than 2 batches, no calls) and for occupancy unless `detailed` kept the handle times.
 */
export interface QueueCheckErrors {
  pWait: number | null;
  meanWaitMinutes: number | null;
  abandonRate: number | null;
  serviceLevel: number | null;
  occupancy: number | null;
}

export interface QueueCheck {
  calls: number;
  /** Share of callers who waited at all. */
  pWait: number;
  /** Mean wait of all callers, minutes (callers who hang up count the time until they did). */
  meanWaitMinutes: number;
  /** Mean wait of callers who were answered, minutes. */
  meanWaitServedMinutes: number;
  /** Share of callers who hung up before being answered (0 without patience). */
  abandonRate: number;
  /**
   * Share of all callers answered within the threshold. With no callers at all (no arrivals) it
   * is 1, the zero-load limit that Erlang C and Erlang A give, as pWait, meanWaitMinutes and
   * abandonRate are 0: nobody waited.
   */
  serviceLevel: number;
  /** Share of agent time spent handling calls. */
  occupancy: number;
  /** With `batches`: the batch-means standard error of each figure above. */
  standardErrors?: QueueCheckErrors;
  /** With `batches`: how many, and the hours in each (the last takes the remainder). */
  batches?: { count: number; hours: number };
  /** Per-caller detail when `detailed` was asked for. */
  recorder?: QueueRecorder;
  /** Minute from which callers were counted. */
  countFromMinute: number;
}

export function simulateQueue(params: QueueCheckParams): QueueCheck {
  const arrivals = requireNonNegative('arrivalsPerHour', params.arrivalsPerHour);
  const aht = requirePositive('ahtMinutes', params.ahtMinutes);
  const agents = requireInteger('agents', params.agents, 0);
  const patience = params.patienceMinutes ?? null;
  if (patience !== null) requirePositive('patienceMinutes', patience);
  const hours = requireInteger('hours', params.hours ?? 2000, 1);
  const warmup = requireInteger('warmupHours', params.warmupHours ?? 10, 0);
  const seed = requireInteger('seed', params.seed ?? 1, 0);
  const targetSeconds = requireNonNegative('targetSeconds', params.targetSeconds ?? 20);
  const batchCount =
    params.batches === undefined
      ? undefined
      : Math.min(requireInteger('batches', params.batches, 1), hours);
  const total = hours + warmup;
  if (total > 60000)
    throw new RangeError(`hours: expected at most ${60000 - warmup} hours, got ${hours}`);

  const streams = newQueueStreams();
  const stats = new Float64Array(QUEUE_STATS);
  const recorder =
    params.detailed === true || batchCount !== undefined
      ? new QueueRecorder(1 << 16, params.detailed === true)
      : new DiscardingRecorder();
  const countFromMinute = warmup * 60;
  simulateQueueDay(
    {
      hours: total,
      arrivalsPerHour: new Float64Array(total).fill(arrivals),
      agentsByHour: new Int32Array(total).fill(agents),
      ahtMinutes: aht,
      patienceMinutes: patience ?? Infinity,
      targetMinutes: targetSeconds / 60,
      countFromMinute,
      streamKey: deriveKey(seed, 0, 'queue-check'),
      streamId: 0,
      month: 0,
      dayIndex: 0,
    },
    streams,
    new AgentHeap(),
    recorder,
    stats,
  );
  const calls = stats[Q.calls]!;
  // With no callers, the shares take their zero-load limits (see `serviceLevel`).
  const share = (x: number, none: number) => (calls > 0 ? x / calls : none);
  return {
    calls,
    pWait: share(stats[Q.delayed]!, 0),
    meanWaitMinutes: share(stats[Q.waitAll]!, 0),
    meanWaitServedMinutes: stats[Q.answered]! > 0 ? stats[Q.waitServed]! / stats[Q.answered]! : 0,
    abandonRate: share(stats[Q.abandoned]!, 0),
    serviceLevel: share(stats[Q.withinTarget]!, 1),
    occupancy: agents > 0 ? stats[Q.busyMinutes]! / (agents * hours * 60) : 0,
    ...(batchCount !== undefined
      ? {
          standardErrors: new BatchMeans(batchCount, hours, warmup, targetSeconds / 60)
            .fold(recorder)
            .standardErrors(agents, recorder.detailed),
          batches: { count: batchCount, hours: Math.floor(hours / batchCount) },
        }
      : {}),
    countFromMinute,
    ...(params.detailed ? { recorder } : {}),
  };
}

/**
 * Per-batch sums of the counted callers, read from the recorder the kernel fills (so the figures
 * come from the engine's own kernel, not from a second implementation): calls, callers who
 * waited, waits, abandons, answers within the threshold, and busy minutes.
 *
 * The recorder keeps waits as 32-bit floats; a wait within a few parts in 10⁸ of the threshold
 * may fall on the other side of it here. That moves a batch's count by a caller at most once in
 * millions and the standard error not at all; the figures themselves come from the kernel's exact
 * totals.
 */
class BatchMeans {
  readonly calls: Float64Array;
  readonly delayed: Float64Array;
  readonly waits: Float64Array;
  readonly abandoned: Float64Array;
  readonly withinTarget: Float64Array;
  readonly busy: Float64Array;
  /** First hour of each batch, counted from the end of the warm-up, and one past the last. */
  private readonly starts: Int32Array;

  constructor(
    private readonly count: number,
    private readonly hours: number,
    private readonly warmup: number,
    private readonly targetMinutes: number,
  ) {
    this.calls = new Float64Array(count);
    this.delayed = new Float64Array(count);
    this.waits = new Float64Array(count);
    this.abandoned = new Float64Array(count);
    this.withinTarget = new Float64Array(count);
    this.busy = new Float64Array(count);
    this.starts = new Int32Array(count + 1);
    // Equal batches of ⌊hours / count⌋; the last takes the remainder.
    const size = Math.floor(hours / count);
    for (let b = 0; b < count; b++) this.starts[b] = b * size;
    this.starts[count] = hours;
  }

  /** Adds the counted callers in `recorder` (handle times only when it kept them). */
  fold(recorder: QueueRecorder): this {
    const size = Math.floor(this.hours / this.count);
    const last = this.count - 1;
    const target = this.targetMinutes;
    for (let i = 0; i < recorder.count; i++) {
      const hour = recorder.hourOf[i]! - this.warmup;
      if (hour < 0) continue;
      const b = Math.min(Math.floor(hour / size), last);
      const wait = recorder.waits[i]!;
      this.calls[b]!++;
      this.waits[b] = this.waits[b]! + wait;
      if (wait > 0) this.delayed[b]!++;
      if (recorder.abandoned[i] === 1) {
        this.abandoned[b]!++;
      } else {
        if (recorder.detailed) this.busy[b] = this.busy[b]! + recorder.services[i]!;
        if (wait <= target) this.withinTarget[b]!++;
      }
    }
    return this;
  }

  standardErrors(agents: number, withBusy: boolean): QueueCheckErrors {
    const staffed = new Float64Array(this.count);
    for (let b = 0; b < this.count; b++)
      staffed[b] = agents * (this.starts[b + 1]! - this.starts[b]!) * 60;
    return {
      pWait: ratioStandardError(this.delayed, this.calls),
      meanWaitMinutes: ratioStandardError(this.waits, this.calls),
      abandonRate: ratioStandardError(this.abandoned, this.calls),
      serviceLevel: ratioStandardError(this.withinTarget, this.calls),
      occupancy: withBusy ? ratioStandardError(this.busy, staffed) : null,
    };
  }
}

/**
 * The standard error of ΣY/ΣX from B batches (the ratio estimator's, by the delta method):
 * √(Σ_b (Y_b − R·X_b)² / (B(B − 1))) / X̄. Null with fewer than 2 batches or when ΣX is 0.
 *
 * @example
 * ratioStandardError(new Float64Array([1, 3]), new Float64Array([2, 2])); // => 0.5
 */
export function ratioStandardError(y: ArrayLike<number>, x: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  let sumY = 0;
  let sumX = 0;
  for (let b = 0; b < n; b++) {
    sumY += y[b]!;
    sumX += x[b]!;
  }
  if (!(sumX > 0)) return null;
  const ratio = sumY / sumX;
  let squares = 0;
  for (let b = 0; b < n; b++) {
    const e = y[b]! - ratio * x[b]!;
    squares += e * e;
  }
  return Math.sqrt(squares / (n * (n - 1))) / (sumX / n);
}

/** A recorder that keeps nothing: a long check without standard errors needs only the totals. */
class DiscardingRecorder extends QueueRecorder {
  constructor() {
    super(1024, false);
  }
  override grow(): void {
    this.count = 0;
  }
}
