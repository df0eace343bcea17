import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handlingCost } from './handlingCost.ts';

describe('handlingCost', () => {
  it('is handled minutes × cost per minute: 8,000 six-minute calls at 0.05 cost 2,400', () => {
    expect(handlingCost(8000 * 6, 0.05)).toBeCloseTo(2400, 9);
    expect(handlingCost(0, 0.05)).toBe(0);
  });

  it('grows in proportion to the minutes handled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }), // minutes
        fc.integer({ min: 0, max: 10000 }).map((cents) => cents / 100),
        (minutes, cost) => {
          expect(handlingCost(2 * minutes, cost)).toBe(2 * handlingCost(minutes, cost));
          expect(handlingCost(minutes, cost)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('names the bad parameter', () => {
    expect(() => handlingCost(-1, 0.05)).toThrow('handledMinutes: expected a number ≥ 0, got -1');
    expect(() => handlingCost(10, NaN)).toThrow(
      'costPerHandledMinute: expected a number ≥ 0, got NaN',
    );
  });
});
