import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsProxy } from './npsProxy.ts';

describe('npsProxy', () => {
  it('is % promoters − % detractors (the doc example)', () => {
    expect(npsProxy(300, 200, 1000)).toBe(10); // 30 % − 20 %
    expect(npsProxy(150, 450, 1000)).toBe(-30); // 15 % − 45 %
  });

  it('runs from −100 (all detractors) to 100 (all promoters)', () => {
    expect(npsProxy(1000, 0, 1000)).toBe(100);
    expect(npsProxy(0, 1000, 1000)).toBe(-100);
    expect(npsProxy(0, 0, 1000)).toBe(0); // all passives
  });

  it('is 0 without customers, not NaN', () => {
    expect(npsProxy(0, 0, 0)).toBe(0);
  });

  it('names a count that is not a count, or promoters and detractors beyond the customers', () => {
    expect(() => npsProxy(5, 3, NaN)).toThrow('customers: expected a number ≥ 0, got NaN');
    expect(() => npsProxy(-1, 3, 10)).toThrow('promoters: expected a number ≥ 0, got -1');
    expect(() => npsProxy(1, Infinity, 10)).toThrow(
      'detractors: expected a number ≥ 0, got Infinity',
    );
    // 5 promoters among 2 customers would be an NPS of 250
    expect(() => npsProxy(5, 0, 2)).toThrow(
      'promoters + detractors: expected at most customers (2), got 5',
    );
    expect(() => npsProxy(1, 1, 0)).toThrow(
      'promoters + detractors: expected at most customers (0)',
    );
    // counts scaled from a sample may overshoot their total by an ulp: 0.1 + 0.2 > 0.3 in doubles
    expect(0.1 + 0.2 > 0.3).toBe(true);
    expect(npsProxy(0.1, 0.2, 0.3)).toBeCloseTo(-100 / 3, 12);
  });

  it('stays within −100…100 for any split of the customers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (promoters, detractors, passives) => {
          const customers = promoters + detractors + passives;
          fc.pre(customers > 0);
          const nps = npsProxy(promoters, detractors, customers);
          expect(nps).toBeGreaterThanOrEqual(-100);
          expect(nps).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
