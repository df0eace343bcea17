/**
 * The staffed-channel queue: first-come-first-served over c(t) agents, exponential handle times,
 * exponential patience (abandonment), piecewise-constant hourly arrivals and staffing.
 *
 * The method: under FCFS a caller's start time depends only on the callers ahead of them, so callers
 * can be processed one at a time in arrival order. Keep each agent's next free time in a min-heap;
 * a caller arriving at `a` would start at `s = max(a, earliest free time)`. If the wait `s − a`
 * exceeds their patience, they hang up at `a + patience` and no agent's time changes; otherwise
 * the earliest-free agent takes the call until `s + handle time`. This is the multi-server
 * generalisation of Lindley's recursion (Kiefer & Wolfowitz 1955, "On the theory of queues with many
 * servers", Trans. AMS 78) with abandonment, exact for FCFS, and costs O(log c) per call: no event
 * list, no allocation per call.
 *
 * Hourly staffing: agent j is on duty in hour h when j < agents[h]. An agent finishes a call that runs
 * past their shift, but starts none while off duty; the heap is fixed lazily (an off-duty agent at
 * the top is re-keyed to their next on-duty time). After closing time, agents of the last hour stay
 * to serve the callers still queued (no new arrivals). A caller whom no agent will reach that day
 * (the last hours unstaffed) counts as abandoned, after their patience or at closing time.
 *
 * Random numbers come from three xorwow streams per simulated hour (arrival gaps, handle times,
 * patience), seeded from (key, channel, month, day, hour), so that a variant with more agents sees
 * exactly the same callers (common random numbers), and a variant whose load differs a little
 * (fewer repeat calls, say) still gives the k-th caller of each hour the same handle time and
 * patience: a change in one hour's volume never shifts the draws of the hours after it. Their state
 * lives in an Int32Array and the generator is inlined. Gaps, handle
 * times and patience are exponential variates by the ziggurat (random/ziggurat.ts): one draw, one
 * multiply and one comparison for 98.9 % of them.
 */
import { type StreamKey } from '../random/streams.ts';
import { XorwowStream } from '../random/xorwowStream.ts';
import { standardExponentialFrom, ZIG_EXP_W, ZIG_EXP_X } from '../random/ziggurat.ts';

/** Indices into a queue statistics array (`Float64Array(QUEUE_STATS)`). */
export const Q = {
  calls: 0,
  answered: 1,
  abandoned: 2,
  /** Sum of waits of all callers (abandoned callers count the time until they hung up). */
  waitAll: 3,
  waitServed: 4,
  waitAbandoned: 5,
  /** Callers who had to wait at all (P(wait) numerator). */
  delayed: 6,
  /** Callers answered within the service-level threshold. */
  withinTarget: 7,
  /** Minutes agents spent handling calls. */
  busyMinutes: 8,
  /** Minutes agents were on duty (open hours × agents). */
  staffedMinutes: 9,
} as const;
export const QUEUE_STATS = 10;

export interface QueueDay {
  /** Open hours in the day (the length of the two arrays below that is used). */
  hours: number;
  /** Calls per hour in each open hour. */
  arrivalsPerHour: ArrayLike<number>;
  /** Agents on duty in each open hour. */
  agentsByHour: ArrayLike<number>;
  ahtMinutes: number;
  /** Mean patience in minutes; Infinity = nobody abandons. */
  patienceMinutes: number;
  /** Service-level threshold in minutes ("answered within T"). */
  targetMinutes: number;
  /** Calls arriving before this minute are simulated but not counted (warm-up); 0 in the engine. */
  countFromMinute: number;
  /** Where the day's random numbers come from: (key, streamId, month, dayIndex, hour). */
  streamKey: StreamKey;
  streamId: number;
  month: number;
  dayIndex: number;
}

/**
 * Where callers' outcomes go: growable typed arrays, reused month after month, so memory is bounded
 * by the calls of the simulated days and never grows with the run.
 */
export class QueueRecorder {
  count = 0;
  waits: Float32Array;
  abandoned: Uint8Array;
  hourOf: Uint16Array;
  /** Arrival minute and start-or-hang-up minute, kept only when `detailed` (theory tests). */
  arrivals: Float64Array;
  leaves: Float64Array;
  services: Float64Array;

  constructor(
    capacity = 4096,
    readonly detailed = false,
  ) {
    this.waits = new Float32Array(capacity);
    this.abandoned = new Uint8Array(capacity);
    this.hourOf = new Uint16Array(capacity);
    const detail = detailed ? capacity : 0;
    this.arrivals = new Float64Array(detail);
    this.leaves = new Float64Array(detail);
    this.services = new Float64Array(detail);
  }

  reset(): void {
    this.count = 0;
  }

  grow(): void {
    const capacity = this.waits.length * 2;
    const waits = new Float32Array(capacity);
    waits.set(this.waits);
    this.waits = waits;
    const abandoned = new Uint8Array(capacity);
    abandoned.set(this.abandoned);
    this.abandoned = abandoned;
    const hourOf = new Uint16Array(capacity);
    hourOf.set(this.hourOf);
    this.hourOf = hourOf;
    if (this.detailed) {
      for (const name of ['arrivals', 'leaves', 'services'] as const) {
        const next = new Float64Array(capacity);
        next.set(this[name]);
        this[name] = next;
      }
    }
  }
}

/** State of the three streams of an hour: arrivals at 0, handle times at 6, patience at 12. */
export type QueueStreams = Int32Array;

export function newQueueStreams(): QueueStreams {
  return new Int32Array(18);
}

const scratchStream = new XorwowStream();
/** The stream a variate's slow path (ziggurat wedge or tail) continues on; see simulateQueueDay. */
const slow = new XorwowStream();
const zigW = ZIG_EXP_W;
const zigX = ZIG_EXP_X;

/**
 * Seeds an hour's three streams from (key, channel, month, day, hour). Day and hour share one
 * coordinate (day · 2^16 + hour: a day has at most 24 open hours, the long checks of queueCheck.ts
 * at most 60,000 hours in one "day").
 */
export function seedQueueStreams(
  streams: QueueStreams,
  key: StreamKey,
  channel: number,
  month: number,
  day: number,
  hour: number,
): void {
  const dayHour = (day * 0x10000 + hour) | 0;
  for (let s = 0; s < 3; s++) {
    scratchStream.reseed(key, channel, month * 4 + s, dayHour);
    const o = s * 6;
    streams[o] = scratchStream.x;
    streams[o + 1] = scratchStream.y;
    streams[o + 2] = scratchStream.z;
    streams[o + 3] = scratchStream.w;
    streams[o + 4] = scratchStream.v;
    streams[o + 5] = scratchStream.d;
  }
}

/** Reusable heap storage for up to `capacity` agents. */
export class AgentHeap {
  keys: Float64Array;
  agents: Int32Array;
  constructor(capacity = 64) {
    this.keys = new Float64Array(capacity);
    this.agents = new Int32Array(capacity);
  }
  ensure(capacity: number): void {
    if (this.keys.length >= capacity) return;
    this.keys = new Float64Array(capacity);
    this.agents = new Int32Array(capacity);
  }
}

function siftDown(keys: Float64Array, agents: Int32Array, size: number, index: number): void {
  const key = keys[index]!;
  const agent = agents[index]!;
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    let child = left;
    // Ties break on the agent number so the schedule never depends on heap history.
    if (
      right < size &&
      (keys[right]! < keys[left]! || (keys[right] === keys[left] && agents[right]! < agents[left]!))
    ) {
      child = right;
    }
    const ck = keys[child]!;
    if (ck < key || (ck === key && agents[child]! < agent)) {
      keys[i] = ck;
      agents[i] = agents[child]!;
      i = child;
    } else break;
  }
  keys[i] = key;
  agents[i] = agent;
}

/**
 * `siftDown` from the top, on the keys alone, after the top key became `key`: for a flat roster.
 * There the agents are interchangeable (who is on duty never changes, so `nextOnDuty` is never
 * asked), and which of two agents free at the same minute takes a call changes nothing: the state
 * that decides every later wait is the multiset of free times, and it is the same whichever agent
 * is picked. So the tie-break by agent number, and the agents array with it, can be left out: one
 * array to load and store, one comparison per child instead of up to three.
 */
function siftDownKeys(keys: Float64Array, size: number, key: number): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    let child = left;
    let ck = keys[left]!;
    if (right < size) {
      const kr = keys[right]!;
      if (kr < ck) {
        child = right;
        ck = kr;
      }
    }
    if (ck < key) {
      keys[i] = ck;
      i = child;
    } else break;
  }
  keys[i] = key;
}

/** The first minute ≥ t at which agent j is on duty (Infinity if never again today). */
function nextOnDuty(j: number, t: number, day: QueueDay): number {
  const hours = day.hours;
  const hour = Math.floor(t / 60);
  if (hour >= hours) return j < (day.agentsByHour[hours - 1] ?? 0) ? t : Infinity;
  if (j < (day.agentsByHour[hour] ?? 0)) return t;
  for (let h = hour + 1; h < hours; h++) {
    if (j < (day.agentsByHour[h] ?? 0)) return h * 60;
  }
  return Infinity;
}

/**
 * Simulates one day of the queue, appending each caller's outcome to `out` and adding the day's
 * totals to `stats` (see `Q`).
 */
export function simulateQueueDay(
  day: QueueDay,
  streams: QueueStreams,
  heap: AgentHeap,
  out: QueueRecorder,
  stats: Float64Array,
): void {
  const hours = day.hours;
  let maxAgents = 0;
  for (let h = 0; h < hours; h++) {
    const a = day.agentsByHour[h] ?? 0;
    if (a > maxAgents) maxAgents = a;
    stats[Q.staffedMinutes] = stats[Q.staffedMinutes]! + a * 60;
  }
  const size = maxAgents > 0 ? maxAgents : 1;
  heap.ensure(size);
  const keys = heap.keys;
  const agents = heap.agents;
  if (maxAgents === 0) {
    keys[0] = Infinity;
    agents[0] = 0;
  } else {
    for (let j = 0; j < maxAgents; j++) {
      keys[j] = nextOnDuty(j, 0, day);
      agents[j] = j;
    }
    for (let i = (size >>> 1) - 1; i >= 0; i--) siftDown(keys, agents, size, i);
  }

  const closeMinute = hours * 60;
  const aht = day.ahtMinutes;
  const patienceMean = day.patienceMinutes;
  const hasPatience = patienceMean !== Infinity;
  const target = day.targetMinutes;
  const countFrom = day.countFromMinute;
  const detailed = out.detailed;
  // With the same roster every hour, every agent in the heap is always on duty: skip the check.
  let flat = true;
  for (let h = 1; h < hours; h++) if (day.agentsByHour[h] !== day.agentsByHour[0]) flat = false;

  // Running totals in locals (written to `stats` once, at the end of the day).
  let calls = 0;
  let answered = 0;
  let abandonedCount = 0;
  let waitAll = 0;
  let waitServed = 0;
  let waitAbandoned = 0;
  let delayed = 0;
  let withinTarget = 0;
  let busy = 0;

  // The three xorwow streams' states in locals, seeded afresh each hour (XorwowStream.nextExponential,
  // inlined: the ziggurat's fast case here, its wedges and tail in standardExponentialFrom on
  // `slow`): a: arrival gaps, s: handle times, p: patience. The slow path's result is taken with a
  // unary plus: where V8 does not inline standardExponentialFrom, its result is a boxed number, and
  // without the plus the variable `e` became a boxed number on the fast path too (a heap number
  // allocated per caller, 4 MB a replication of the default scenario).
  let ax = 0,
    ay = 0,
    az = 0,
    aw = 0,
    av = 0,
    ad = 0;
  let sx = 0,
    sy = 0,
    sz = 0,
    sw = 0,
    sv = 0,
    sd = 0;
  let px = 0,
    py = 0,
    pz = 0,
    pw = 0,
    pv = 0,
    pd = 0;
  let count = out.count;
  let waits = out.waits;
  let abandonedOf = out.abandoned;
  let hourOf = out.hourOf;
  let capacity = waits.length;

  for (let h = 0; h < hours; h++) {
    const ratePerMinute = (day.arrivalsPerHour[h] ?? 0) / 60;
    if (!(ratePerMinute > 0)) continue;
    seedQueueStreams(streams, day.streamKey, day.streamId, day.month, day.dayIndex, h);
    ax = streams[0]!;
    ay = streams[1]!;
    az = streams[2]!;
    aw = streams[3]!;
    av = streams[4]!;
    ad = streams[5]!;
    sx = streams[6]!;
    sy = streams[7]!;
    sz = streams[8]!;
    sw = streams[9]!;
    sv = streams[10]!;
    sd = streams[11]!;
    px = streams[12]!;
    py = streams[13]!;
    pz = streams[14]!;
    pw = streams[15]!;
    pv = streams[16]!;
    pd = streams[17]!;
    const end = (h + 1) * 60;
    let t = h * 60;
    for (;;) {
      let x = 0;
      let bits = 0;
      let layer = 0;
      let e = 0;
      x = ax ^ (ax >>> 2);
      ax = ay;
      ay = az;
      az = aw;
      aw = av;
      av = av ^ (av << 4) ^ (x ^ (x << 1));
      ad = (ad + 362437) | 0;
      bits = (ad + av) | 0;
      layer = bits & 255;
      e = ((bits >>> 8) + 0.5) * zigW[layer]!;
      if (!(e < zigX[layer + 1]!)) {
        slow.x = ax;
        slow.y = ay;
        slow.z = az;
        slow.w = aw;
        slow.v = av;
        slow.d = ad;
        e = +standardExponentialFrom(slow, bits);
        ax = slow.x;
        ay = slow.y;
        az = slow.z;
        aw = slow.w;
        av = slow.v;
        ad = slow.d;
      }
      t += e / ratePerMinute;
      if (t >= end) break;
      x = sx ^ (sx >>> 2);
      sx = sy;
      sy = sz;
      sz = sw;
      sw = sv;
      sv = sv ^ (sv << 4) ^ (x ^ (x << 1));
      sd = (sd + 362437) | 0;
      bits = (sd + sv) | 0;
      layer = bits & 255;
      e = ((bits >>> 8) + 0.5) * zigW[layer]!;
      if (!(e < zigX[layer + 1]!)) {
        slow.x = sx;
        slow.y = sy;
        slow.z = sz;
        slow.w = sw;
        slow.v = sv;
        slow.d = sd;
        e = +standardExponentialFrom(slow, bits);
        sx = slow.x;
        sy = slow.y;
        sz = slow.z;
        sw = slow.w;
        sv = slow.v;
        sd = slow.d;
      }
      const service = aht * e;
      let patience = Infinity;
      if (hasPatience) {
        x = px ^ (px >>> 2);
        px = py;
        py = pz;
        pz = pw;
        pw = pv;
        pv = pv ^ (pv << 4) ^ (x ^ (x << 1));
        pd = (pd + 362437) | 0;
        bits = (pd + pv) | 0;
        layer = bits & 255;
        e = ((bits >>> 8) + 0.5) * zigW[layer]!;
        if (!(e < zigX[layer + 1]!)) {
          slow.x = px;
          slow.y = py;
          slow.z = pz;
          slow.w = pw;
          slow.v = pv;
          slow.d = pd;
          e = +standardExponentialFrom(slow, bits);
          px = slow.x;
          py = slow.y;
          pz = slow.z;
          pw = slow.w;
          pv = slow.v;
          pd = slow.d;
        }
        patience = patienceMean * e;
      }

      // The earliest moment an on-duty agent can take the call.
      let start: number;
      for (;;) {
        const key = keys[0]!;
        if (key === Infinity) {
          start = Infinity;
          break;
        }
        const s = key > t ? key : t;
        if (flat) {
          start = s;
          break;
        }
        const onDuty = nextOnDuty(agents[0]!, s, day);
        if (onDuty === s) {
          start = s;
          break;
        }
        keys[0] = onDuty;
        siftDown(keys, agents, size, 0);
      }

      let wait = start - t;
      let abandoned = 0;
      if (start === Infinity) {
        // No agent comes on duty again today: the caller is never answered. They hang up when
        // their patience runs out, or at the latest when the line closes (never "after 0 minutes":
        // that would understate the wait and P(wait) of a roster that leaves the last hours empty).
        // A line nobody staffs all day is closed: without patience, the caller is told at once.
        abandoned = 1;
        const untilClose = maxAgents === 0 && !hasPatience ? 0 : closeMinute - t;
        wait = patience < untilClose ? patience : untilClose;
      } else if (wait > patience) {
        abandoned = 1;
        wait = patience;
      } else {
        if (flat) siftDownKeys(keys, size, start + service);
        else {
          keys[0] = start + service;
          siftDown(keys, agents, size, 0);
        }
      }

      if (count === capacity) {
        out.count = count;
        out.grow();
        // A recorder may empty itself instead of growing (queueCheck.ts keeps only running totals).
        count = out.count;
        waits = out.waits;
        abandonedOf = out.abandoned;
        hourOf = out.hourOf;
        capacity = waits.length;
      }
      const n = count++;
      waits[n] = wait;
      abandonedOf[n] = abandoned;
      hourOf[n] = h;
      if (detailed) {
        out.arrivals[n] = t;
        out.leaves[n] = t + wait;
        out.services[n] = abandoned ? 0 : service;
      }

      if (t >= countFrom) {
        calls++;
        waitAll += wait;
        if (wait > 0) delayed++;
        if (abandoned) {
          abandonedCount++;
          waitAbandoned += wait;
        } else {
          answered++;
          waitServed += wait;
          busy += service;
          if (wait <= target) withinTarget++;
        }
      }
    }
  }
  out.count = count;
  stats[Q.calls] = stats[Q.calls]! + calls;
  stats[Q.answered] = stats[Q.answered]! + answered;
  stats[Q.abandoned] = stats[Q.abandoned]! + abandonedCount;
  stats[Q.waitAll] = stats[Q.waitAll]! + waitAll;
  stats[Q.waitServed] = stats[Q.waitServed]! + waitServed;
  stats[Q.waitAbandoned] = stats[Q.waitAbandoned]! + waitAbandoned;
  stats[Q.delayed] = stats[Q.delayed]! + delayed;
  stats[Q.withinTarget] = stats[Q.withinTarget]! + withinTarget;
  stats[Q.busyMinutes] = stats[Q.busyMinutes]! + busy;
}
