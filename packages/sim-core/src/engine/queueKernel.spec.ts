/**
 * The queue kernel beyond the flat rosters of queueTheory.spec.ts: hourly staffing (agents coming
 * on and going off duty), callers nobody will answer, and the per-hour random streams that keep
 * variants paired when the load changes.
 */
import { erlangC } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { deriveKey } from '../random/streams.ts';
import {
  AgentHeap,
  newQueueStreams,
  Q,
  QUEUE_STATS,
  QueueRecorder,
  simulateQueueDay,
  type QueueDay,
} from './queueKernel.ts';

const Z = 4;

function day(
  arrivalsPerHour: number[],
  agentsByHour: number[],
  options: Partial<QueueDay> & { seed?: number } = {},
): QueueDay {
  return {
    hours: arrivalsPerHour.length,
    arrivalsPerHour,
    agentsByHour,
    ahtMinutes: 6,
    patienceMinutes: Infinity,
    targetMinutes: 1 / 3,
    countFromMinute: 0,
    streamKey: deriveKey(options.seed ?? 1, 0, 'queue-kernel-spec'),
    streamId: 3,
    month: 1,
    dayIndex: 0,
    ...options,
  };
}

function simulate(d: QueueDay) {
  const recorder = new QueueRecorder(1024, true);
  const stats = new Float64Array(QUEUE_STATS);
  simulateQueueDay(d, newQueueStreams(), new AgentHeap(), recorder, stats);
  const callers = Array.from({ length: recorder.count }, (_, n) => ({
    arrival: recorder.arrivals[n]!,
    leave: recorder.leaves[n]!,
    service: recorder.services[n]!,
    wait: recorder.waits[n]!,
    abandoned: recorder.abandoned[n]!,
    hour: recorder.hourOf[n]!,
  }));
  return { callers, stats };
}

function meanAndSe(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('random streams per hour (common random numbers when the load changes)', () => {
  it("a busier hour leaves the later hours' callers identical, and its own k-th caller's handle time", () => {
    // Enough agents that everyone is answered at once, so every caller's handle time is recorded.
    const agents = [200, 200, 200];
    const base = simulate(day([60, 60, 60], agents)).callers;
    const busier = simulate(day([60, 66, 60], agents)).callers;
    const inHour = (cs: typeof base, h: number) => cs.filter((c) => c.hour === h);
    // Hours 0 and 2: the same callers, bit for bit.
    expect(inHour(busier, 0)).toEqual(inHour(base, 0));
    expect(inHour(busier, 2)).toEqual(inHour(base, 2));
    // Hour 1: 10 % more callers, arriving at scaled times; the k-th caller is the same person.
    const a = inHour(base, 1);
    const b = inHour(busier, 1);
    expect(b.length).toBeGreaterThan(a.length);
    for (let k = 0; k < a.length; k++) {
      expect(b[k]!.service).toBe(a[k]!.service);
      expect(b[k]!.arrival - 60).toBeCloseTo(((a[k]!.arrival - 60) * 60) / 66, 9);
    }
  });

  it('a different day, month or channel draws different callers', () => {
    const d = day([60], [200]);
    const first = simulate(d).callers;
    expect(simulate({ ...d, dayIndex: 1 }).callers).not.toEqual(first);
    expect(simulate({ ...d, month: 2 }).callers).not.toEqual(first);
    expect(simulate({ ...d, streamId: 4 }).callers).not.toEqual(first);
  });
});

describe('hourly staffing', () => {
  it('callers of an unstaffed hour wait until the first agent comes on duty', () => {
    const { callers } = simulate(day([30, 30], [0, 500]));
    const early = callers.filter((c) => c.hour === 0);
    expect(early.length).toBeGreaterThan(10);
    for (const c of early) {
      expect(c.abandoned).toBe(0);
      expect(c.leave).toBe(60); // answered the moment the shift starts
      expect(c.wait).toBeCloseTo(60 - c.arrival, 4); // float32 storage
    }
    for (const c of callers.filter((x) => x.hour === 1)) expect(c.wait).toBe(0);
  });

  it('nobody on duty again today: callers hang up at closing time, or when their patience ends', () => {
    // One agent in hour 0, nobody after: callers of the later hours are never answered.
    for (const patience of [Infinity, 3]) {
      const { callers, stats } = simulate(
        day([30, 30, 30], [1, 0, 0], { patienceMinutes: patience }),
      );
      const lost = callers.filter((c) => c.hour >= 1);
      expect(lost.length).toBeGreaterThan(20);
      for (const c of lost) {
        expect(c.abandoned).toBe(1);
        // Without patience they wait until closing; with it (mean 3 minutes, each caller their own),
        // until they give up, never past closing.
        if (patience === Infinity) expect(c.leave).toBe(180);
        else expect(c.leave).toBeLessThanOrEqual(180);
        expect(c.wait).toBeGreaterThan(0);
      }
      const abandoned = callers.filter((c) => c.abandoned === 1);
      expect(stats[Q.abandoned]).toBe(abandoned.length);
      const waited = callers.reduce((a, c) => a + (c.leave - c.arrival), 0);
      expect(stats[Q.waitAll]).toBeCloseTo(waited, 6);
      expect(stats[Q.answered]! + stats[Q.abandoned]!).toBe(callers.length);
    }
  });

  it('a line nobody staffs all day is closed: without patience the caller is told at once', () => {
    const { callers, stats } = simulate(day([30, 30], [0, 0]));
    expect(callers.length).toBeGreaterThan(20);
    for (const c of callers) {
      expect(c.abandoned).toBe(1);
      expect(c.wait).toBe(0);
    }
    expect(stats[Q.abandoned]).toBe(callers.length);
  });

  it('no agent takes a call while off duty, and no more calls run at once than agents on duty', () => {
    const agentsByHour = [3, 6, 2, 0, 5, 1];
    const { callers } = simulate(day([40, 70, 30, 20, 60, 30], agentsByHour, { seed: 9 }));
    const answered = callers.filter((c) => c.abandoned === 0);
    expect(answered.length).toBeGreaterThan(100);
    const onDuty = (t: number) =>
      agentsByHour[Math.min(Math.floor(t / 60), agentsByHour.length - 1)]!;
    for (const c of answered) {
      // A call starts only when someone is on duty (after closing, the last hour's agents stay).
      expect(onDuty(c.leave)).toBeGreaterThan(0);
      // Calls started since the last roster change and still running when this one starts never
      // outnumber the agents on duty (calls carried over from a larger earlier shift may).
      const hourStart = Math.min(Math.floor(c.leave / 60), agentsByHour.length - 1) * 60;
      const running = answered.filter(
        (o) => o.leave >= hourStart && o.leave <= c.leave && o.leave + o.service > c.leave,
      ).length;
      expect(running).toBeLessThanOrEqual(
        Math.max(onDuty(c.leave), 1) + carriedOver(answered, hourStart),
      );
    }
  });

  it('after a roster change settles, the queue matches Erlang C within 4 SE (the non-flat path)', () => {
    // Three short-staffed hours, then 4,000 hours of 11 agents at 100 calls/h (ρ = 0.91); counted
    // after 50 hours of the new roster.
    const hours = 3 + 4000;
    const arrivals = new Array<number>(hours).fill(100);
    const agents = [4, 4, 4, ...new Array<number>(4000).fill(11)];
    const waits: number[] = [];
    const pWaits: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const stats = new Float64Array(QUEUE_STATS);
      simulateQueueDay(
        day(arrivals, agents, { seed, countFromMinute: (3 + 50) * 60 }),
        newQueueStreams(),
        new AgentHeap(),
        new QueueRecorder(1024),
        stats,
      );
      waits.push(stats[Q.waitAll]! / stats[Q.calls]!);
      pWaits.push(stats[Q.delayed]! / stats[Q.calls]!);
    }
    const theory = erlangC({ arrivalsPerHour: 100, ahtMinutes: 6, agents: 11 });
    for (const [name, xs, value] of [
      ['mean wait', waits, theory.meanWaitMinutes],
      ['P(wait)', pWaits, theory.pWait],
    ] as const) {
      const e = meanAndSe(xs);
      expect(
        Math.abs(e.mean - value),
        `${name}: ${e.mean} ± ${e.se}, Erlang C ${value}`,
      ).toBeLessThanOrEqual(Z * e.se);
      expect(Z * e.se).toBeLessThan(0.05 * value);
    }
  });

  it('two more agents in the busy hours shorten the mean wait (paired days, 4 SE)', () => {
    // A day's roster with a peak, repeated: 100 days of [8, 10, 12, 10, 8] agents at 90 calls/h.
    const pattern = [8, 10, 12, 10, 8];
    const hours = pattern.length * 100;
    const arrivals = new Array<number>(hours).fill(90);
    const fewer = Array.from({ length: hours }, (_, h) => pattern[h % pattern.length]!);
    const more = fewer.map((a, h) =>
      h % pattern.length === 1 || h % pattern.length === 3 ? a + 2 : a,
    );
    const differences: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const few = simulate(day(arrivals, fewer, { seed })).stats;
      const many = simulate(day(arrivals, more, { seed })).stats;
      differences.push(many[Q.waitAll]! / many[Q.calls]! - few[Q.waitAll]! / few[Q.calls]!);
    }
    const e = meanAndSe(differences);
    expect(e.mean + Z * e.se, `difference ${e.mean} ± ${e.se}`).toBeLessThan(0);
  });
});

/** Calls answered before `hourStart` still running at it (they keep their agents busy). */
function carriedOver(answered: { leave: number; service: number }[], hourStart: number): number {
  return answered.filter((o) => o.leave < hourStart && o.leave + o.service > hourStart).length;
}
