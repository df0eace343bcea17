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
    expect(npsProxy(5, 3, NaN)).toBe(0);
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
