/**
 * The engine's queue on its own, for theory checks and `journeycast queue`: one long stretch of a
 * call centre with constant arrivals and staffing, simulated by exactly the kernel the monthly step
 * uses (queueKernel.ts), with an initial warm-up left out of the statistics so the figures estimate
 * the steady state that Erlang C and Erlang A describe.
 */
import { requireInteger, requireNonNegative, requirePositive } from '@journeycast/models';
import { deriveKey } from '../random/streams.ts';
import {
  AgentHeap,
  newQueueStreams,
  Q,
  QUEUE_STATS,
  QueueRecorder,
  seedQueueStreams,
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
  /** Share of all callers answered within the threshold. */
  serviceLevel: number;
  /** Share of agent time spent handling calls. */
  occupancy: number;
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
  const total = hours + warmup;
  if (total > 60000)
    throw new RangeError(`hours: expected at most ${60000 - warmup} hours, got ${hours}`);

  const streams = newQueueStreams();
  seedQueueStreams(streams, deriveKey(seed, 0, 'queue-check'), 0, 0, 0);
  const stats = new Float64Array(QUEUE_STATS);
  const recorder = new QueueRecorder(params.detailed ? 1 << 16 : 1024, params.detailed === true);
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
    },
    streams,
    new AgentHeap(),
    params.detailed ? recorder : new DiscardingRecorder(),
    stats,
  );
  const calls = stats[Q.calls]!;
  const share = (x: number) => (calls > 0 ? x / calls : 0);
  return {
    calls,
    pWait: share(stats[Q.delayed]!),
    meanWaitMinutes: share(stats[Q.waitAll]!),
    meanWaitServedMinutes: stats[Q.answered]! > 0 ? stats[Q.waitServed]! / stats[Q.answered]! : 0,
    abandonRate: share(stats[Q.abandoned]!),
    serviceLevel: share(stats[Q.withinTarget]!),
    occupancy: agents > 0 ? stats[Q.busyMinutes]! / (agents * hours * 60) : 0,
    countFromMinute,
    ...(params.detailed ? { recorder } : {}),
  };
}

/** A recorder that keeps nothing: a long check needs only the running totals. */
class DiscardingRecorder extends QueueRecorder {
  constructor() {
    super(1024, false);
  }
  override grow(): void {
    this.count = 0;
  }
}
