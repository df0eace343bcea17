/**
 * XorwowStream is seedrandom's `xorwow` (Marsaglia 2003), state for state, and the queue kernel's
 * inlined copy of it draws the same numbers. seedrandom's generators accept a saved state as
 * `{ state }` in their second argument, which lets the reference start from exactly our state.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  AgentHeap,
  newQueueStreams,
  QUEUE_STATS,
  QueueRecorder,
  seedQueueStreams,
  simulateQueueDay,
} from '../engine/queueKernel.ts';
import { deriveKey, hash3, TWO_POW_M33 } from './streams.ts';
import { XorwowStream, type XorwowState } from './xorwowStream.ts';

/** This property's number of runs, unless FC_NUM_RUNS (scripts/fastcheck.setup.ts) sets it. */
const runs = (numRuns: number) => ({ numRuns: fc.readConfigureGlobal().numRuns ?? numRuns });

/** seedrandom's xorwow, started from the given state. */
function reference(state: XorwowState): seedrandom.StatefulPRNG<seedrandom.State.Xorwow> {
  return seedrandom.xorwow('', { state: { ...state } });
}

describe('XorwowStream', () => {
  it("reproduces seedrandom's xorwow int32() sequence and state, from derived states", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(1000),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.nat(400),
        (seed, replication, a, day) => {
          const ours = XorwowStream.fromKey(deriveKey(seed, replication, 'queue'), a, 2, day);
          const theirs = reference(ours.state());
          for (let i = 0; i < 2000; i++) expect(ours.nextInt32()).toBe(theirs.int32());
          expect(ours.state()).toEqual(theirs.state());
        },
      ),
      runs(50),
    );
  });

  it('reproduces it from arbitrary states, including negative words', () => {
    const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    fc.assert(
      fc.property(int, int, int, int, int, int, (x, y, z, w, v, d) => {
        fc.pre((x | y | z | w | v) !== 0);
        const ours = new XorwowStream();
        Object.assign(ours, { x, y, z, w, v, d });
        const theirs = reference(ours.state());
        for (let i = 0; i < 200; i++) expect(ours.nextInt32()).toBe(theirs.int32());
      }),
    );
  });

  it("nextUniform is seedrandom's prng() plus half a step, strictly inside (0, 1)", () => {
    const ours = XorwowStream.fromKey(deriveKey(5, 0, 'queue'), 1, 2, 3);
    const theirs = reference(ours.state());
    for (let i = 0; i < 10_000; i++) {
      const u = ours.nextUniform();
      expect(u).toBe(theirs() + TWO_POW_M33);
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  it('never starts from the all-zero state (which xorwow cannot leave)', () => {
    const s = XorwowStream.fromKey(deriveKey(0, 0, 'queue'), 0, 0, 0);
    expect(s.x | s.y | s.z | s.w | s.v).not.toBe(0);
  });

  it('reseed derives the same state as fromKey, and different coordinates give different states', () => {
    const key = deriveKey(3, 1, 'queue');
    const s = XorwowStream.fromKey(key, 9, 9, 9);
    s.reseed(key, 4, 5, 6);
    expect(s.state()).toEqual(XorwowStream.fromKey(key, 4, 5, 6).state());
    expect(s.state()).not.toEqual(XorwowStream.fromKey(key, 4, 5, 7).state());
  });
});

describe('XorwowStream.reseed', () => {
  it('derives word j as hash3(key, hash3(key, a, b, c), j, c), the words written out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer(),
        fc.integer(),
        fc.integer(),
        (k0, k1, a, b, c) => {
          const key = { k0, k1 };
          const s = new XorwowStream();
          s.reseed(key, a, b, c);
          const h = hash3(key, a, b, c);
          const words = [1, 2, 3, 4, 5, 6].map((j) => hash3(key, h, j, c) | 0);
          if ((words[0]! | words[1]! | words[2]! | words[3]! | words[4]!) === 0) words[0] = 1;
          expect([s.x, s.y, s.z, s.w, s.v, s.d]).toEqual(words);
        },
      ),
      runs(2000),
    );
  });
});

describe("the queue kernel's inlined xorwow", () => {
  it("seeds an hour's three streams as XorwowStream (arrivals, handle times, patience)", () => {
    const key = deriveKey(8, 2, 'queue');
    const streams = newQueueStreams();
    seedQueueStreams(streams, key, 77, 5, 13, 2);
    for (let s = 0; s < 3; s++) {
      const st = XorwowStream.fromKey(key, 77, 5 * 4 + s, 13 * 0x10000 + 2).state();
      expect(Array.from(streams.subarray(s * 6, s * 6 + 6))).toEqual([
        st.x,
        st.y,
        st.z,
        st.w,
        st.v,
        st.d,
      ]);
    }
  });

  it('draws the arrivals, handle times and patience XorwowStream would, afresh each hour (two hours replayed by hand)', () => {
    const key = deriveKey(8, 2, 'queue');
    const streams = newQueueStreams();
    const recorder = new QueueRecorder(64, true);
    const ratePerHour = 90;
    const aht = 6;
    const patience = 3;
    simulateQueueDay(
      {
        hours: 2,
        arrivalsPerHour: [ratePerHour, ratePerHour],
        agentsByHour: [1000, 1000], // nobody waits, so every caller is answered at arrival
        ahtMinutes: aht,
        patienceMinutes: patience,
        targetMinutes: 1 / 3,
        countFromMinute: 0,
        streamKey: key,
        streamId: 77,
        month: 5,
        dayIndex: 13,
      },
      streams,
      new AgentHeap(),
      recorder,
      new Float64Array(QUEUE_STATS),
    );
    let n = 0;
    for (let hour = 0; hour < 2; hour++) {
      const arrivals = XorwowStream.fromKey(key, 77, 20, 13 * 0x10000 + hour);
      const handles = XorwowStream.fromKey(key, 77, 21, 13 * 0x10000 + hour);
      const patiences = XorwowStream.fromKey(key, 77, 22, 13 * 0x10000 + hour);
      let t = hour * 60;
      for (;;) {
        t += arrivals.nextExponential() / (ratePerHour / 60);
        if (t >= (hour + 1) * 60) break;
        const service = aht * handles.nextExponential();
        patiences.nextExponential();
        expect(recorder.arrivals[n]).toBe(t);
        expect(recorder.services[n]).toBe(service);
        expect(recorder.waits[n]).toBe(0);
        n++;
      }
    }
    expect(recorder.count).toBe(n);
    expect(n).toBeGreaterThan(120);
  });
});
