import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_EXPERIENCE } from '../testFixtures.ts';
import { selfServiceOutcomes } from './selfService.ts';

const AVERAGE = TEST_EXPERIENCE.average;
/** An app that resolves 60 % of attempts; 75 % of the failures move on to a staffed channel. */
const APP = { successRate: 0.6, fallbackRate: 0.75 };

describe('selfServiceOutcomes', () => {
  it('splits attempts into resolved, fallback and give-up (the doc example)', () => {
    // resolved 0.6; of the 0.4 that fail, 75 % fall back (0.3) and 25 % give up (0.1).
    const o = selfServiceOutcomes({ successRate: 0.6, fallbackRate: 0.75 }, AVERAGE);
    expect(o.resolved).toBe(0.6);
    expect(o.fallback).toBeCloseTo(0.3, 15);
    expect(o.giveUp).toBeCloseTo(0.1, 15);
    expect(o.resolved + o.fallback + o.giveUp).toBe(1);
  });

  it('raises success with quality: the excellent app resolves 0.6 × 1.12 = 67.2 %', () => {
    const o = selfServiceOutcomes(APP, TEST_EXPERIENCE.excellent);
    expect(o.resolved).toBeCloseTo(0.672, 15);
    expect(o.fallback).toBeCloseTo(0.328 * 0.75, 15); // 0.246
    expect(o.giveUp).toBeCloseTo(0.328 * 0.25, 15); // 0.082
  });

  it('caps success at 1: nothing falls back, nobody gives up', () => {
    const o = selfServiceOutcomes(
      { successRate: 0.95, fallbackRate: 0.75 },
      TEST_EXPERIENCE.excellent,
    );
    expect(o).toEqual({ resolved: 1, fallback: 0, giveUp: 0 });
  });

  it('sends every failure on with fallback 1, and none with fallback 0', () => {
    expect(selfServiceOutcomes({ successRate: 0.6, fallbackRate: 1 }, AVERAGE).giveUp).toBe(0);
    const none = selfServiceOutcomes({ successRate: 0.6, fallbackRate: 0 }, AVERAGE);
    expect(none.fallback).toBe(0);
    expect(none.giveUp).toBeCloseTo(0.4, 15);
  });

  it("shows why digital drives calls: at Gartner's 9 % full resolution, 68 % of attempts call", () => {
    // 0.91 fail × 0.75 move on = 0.6825 of attempts reach a staffed channel anyway.
    const o = selfServiceOutcomes({ successRate: 0.09, fallbackRate: 0.75 }, AVERAGE);
    expect(o.fallback).toBeCloseTo(0.6825, 15);
  });

  it('gives shares that are ≥ 0 and sum to 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (successRate, fallbackRate, resolutionMultiplier) => {
          const o = selfServiceOutcomes(
            { successRate, fallbackRate },
            { satisfactionDelta: 0, resolutionMultiplier },
          );
          expect(o.resolved).toBeGreaterThanOrEqual(0);
          expect(o.fallback).toBeGreaterThanOrEqual(0);
          expect(o.giveUp).toBeGreaterThanOrEqual(0);
          expect(o.resolved + o.fallback + o.giveUp).toBeCloseTo(1, 15);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('selfServiceOutcomes: checks', () => {
  it('names a rate that is not a probability, or a negative multiplier', () => {
    expect(() => selfServiceOutcomes({ ...APP, successRate: 1.2 }, AVERAGE)).toThrow(
      'successRate: expected a probability between 0 and 1, got 1.2',
    );
    expect(() => selfServiceOutcomes({ ...APP, fallbackRate: NaN }, AVERAGE)).toThrow(
      'fallbackRate: expected a probability between 0 and 1, got NaN',
    );
    expect(() =>
      selfServiceOutcomes(APP, { satisfactionDelta: 0, resolutionMultiplier: -1 }),
    ).toThrow('quality.resolutionMultiplier: expected a number ≥ 0, got -1');
  });
});
