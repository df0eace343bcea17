/**
 * One staffed channel's month: the queue at the load of the whole represented population, and the
 * outcome pools the simulated customers draw their own wait from.
 *
 * Why pools: the engine may follow a sample of customers (say 20,000 standing for 500,000). The
 * queue must face the whole population's calls, or waits would depend on the sample size. So the
 * queue is simulated at population scale for `simulatedDays` representative days (days of a month
 * are alike: same staffing, same profile, the queue empties overnight), and each sampled
 * customer's contact takes the outcome of a caller drawn from the same hour of those days. Waits
 * and abandonment therefore depend on the population's load only, never on the sample size.
 */
import type { StreamKey } from '../random/streams.ts';
import {
  AgentHeap,
  newQueueStreams,
  Q,
  QUEUE_STATS,
  QueueRecorder,
  simulateQueueDay,
  type QueueDay,
} from './queueKernel.ts';

export interface ChannelQueueConfig {
  /** Stable number of the channel (a hash of its id): its queue streams. */
  streamId: number;
  hours: number;
  /** Normalised intraday profile: share of a day's calls in each open hour. */
  profile: Float64Array;
  agentsByHour: Int32Array;
  ahtMinutes: number;
  patienceMinutes: number;
  targetMinutes: number;
  openDaysPerMonth: number;
}

/**
 * Representative days a queue simulates in a month: the days asked for, at most the open days
 * (rounded up), at least one.
 */
export function simulatedQueueDays(openDaysPerMonth: number, days: number): number {
  return Math.max(1, Math.min(days, Math.ceil(openDaysPerMonth)));
}

export class ChannelQueue {
  readonly stats = new Float64Array(QUEUE_STATS);
  private readonly recorder = new QueueRecorder(1024);
  private readonly heap = new AgentHeap();
  private readonly streams = newQueueStreams();
  private readonly day: QueueDay;
  private readonly arrivals: Float64Array;
  /** Outcomes sorted by hour: the pool of hour h is [poolStart[h], poolStart[h + 1]). */
  poolStart: Int32Array;
  poolWait: Float32Array = new Float32Array(1024);
  poolAbandoned: Uint8Array = new Uint8Array(1024);
  /** Days simulated this month (the statistics cover them; scale by openDays / days). */
  daysSimulated = 0;

  constructor(readonly config: ChannelQueueConfig) {
    this.arrivals = new Float64Array(config.hours);
    this.poolStart = new Int32Array(config.hours + 1);
    this.day = {
      hours: config.hours,
      arrivalsPerHour: this.arrivals,
      agentsByHour: config.agentsByHour,
      ahtMinutes: config.ahtMinutes,
      patienceMinutes: config.patienceMinutes,
      targetMinutes: config.targetMinutes,
      countFromMinute: 0,
      streamKey: { k0: 0, k1: 0 },
      streamId: config.streamId,
      month: 0,
      dayIndex: 0,
    };
  }

  /**
   * Simulates the month for `callsPerMonth` population calls over `days` representative days.
   * Returns the factor that scales the simulated days' statistics to the whole month.
   */
  simulateMonth(key: StreamKey, month: number, callsPerMonth: number, days: number): number {
    const { config, stats, recorder } = this;
    stats.fill(0);
    recorder.reset();
    const perDay = callsPerMonth / config.openDaysPerMonth;
    for (let h = 0; h < config.hours; h++) this.arrivals[h] = perDay * config.profile[h]!;
    const simulated = simulatedQueueDays(config.openDaysPerMonth, days);
    this.day.streamKey = key;
    this.day.month = month;
    for (let d = 0; d < simulated; d++) {
      this.day.dayIndex = d;
      simulateQueueDay(this.day, this.streams, this.heap, recorder, stats);
    }
    this.daysSimulated = simulated;
    this.buildPools();
    return config.openDaysPerMonth / simulated;
  }

  /** Counting sort of the month's callers by hour, so each hour's outcomes are contiguous. */
  private buildPools(): void {
    const { recorder, config } = this;
    const n = recorder.count;
    if (this.poolWait.length < n) {
      let capacity = this.poolWait.length;
      while (capacity < n) capacity *= 2;
      this.poolWait = new Float32Array(capacity);
      this.poolAbandoned = new Uint8Array(capacity);
    }
    const start = this.poolStart;
    start.fill(0);
    for (let i = 0; i < n; i++) start[recorder.hourOf[i]! + 1]!++;
    for (let h = 0; h < config.hours; h++) start[h + 1] = start[h + 1]! + start[h]!;
    const cursor = start.slice(0, config.hours);
    for (let i = 0; i < n; i++) {
      const slot = cursor[recorder.hourOf[i]!]!++;
      this.poolWait[slot] = recorder.waits[i]!;
      this.poolAbandoned[slot] = recorder.abandoned[i]!;
    }
  }

  /**
   * The outcome a sampled customer's contact gets in hour `hour`, picked by the uniform `u` among
   * the simulated callers of that hour. Writes the wait to `result[0]` and returns 1 if abandoned.
   * An hour without simulated callers (a tiny load) answers at once when staffed, and is closed
   * (the contact is lost) when nobody is on duty.
   */
  outcome(hour: number, u: number, result: Float64Array): number {
    const from = this.poolStart[hour]!;
    const count = this.poolStart[hour + 1]! - from;
    if (count === 0) {
      result[0] = 0;
      return (this.config.agentsByHour[hour] ?? 0) > 0 ? 0 : 1;
    }
    const index = from + Math.floor(u * count);
    result[0] = this.poolWait[index]!;
    return this.poolAbandoned[index]!;
  }

  get answered(): number {
    return this.stats[Q.answered]!;
  }
}
