import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitalCost } from './digitalCost.ts';
import { handlingCost } from './handlingCost.ts';
import { monthlyCashFlow } from './monthlyCashFlow.ts';
import { staffingCost } from './staffingCost.ts';

const example = {
  revenue: 700000,
  staffingCost: 528000,
  handlingCost: 2400,
  digitalCost: 2000,
  acquisitionSpend: 120000,
  investment: 50000,
};

describe('monthlyCashFlow', () => {
  it('adds up a month (the doc example): cost-to-serve 532,400, net −2,400', () => {
    // 528,000 + 2,400 + 2,000 = 532,400; 700,000 − 532,400 − 120,000 − 50,000 = −2,400
    expect(monthlyCashFlow(example)).toEqual({
      ...example,
      costToServe: 532400,
      netCashFlow: -2400,
    });
  });

  it('builds on the cost helpers: one staffed channel, one app', () => {
    const flow = monthlyCashFlow({
      revenue: 20000 * 35,
      staffingCost: staffingCost(10560 / 0.7, 35),
      handlingCost: handlingCost(8000 * 6, 0.05),
      digitalCost: digitalCost(20000, 0.1),
      acquisitionSpend: 0,
      investment: 0,
    });
    expect(flow.costToServe).toBeCloseTo(528000 + 2400 + 2000, 6);
    expect(flow.netCashFlow).toBeCloseTo(700000 - 532400, 6);
  });

  it('sums in the engine order, so swapping it in changes no bit', () => {
    const money = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        money,
        money,
        money,
        money,
        money,
        (revenue, staffing, handling, digital, acquisitionSpend, investment) => {
          const flow = monthlyCashFlow({
            revenue,
            staffingCost: staffing,
            handlingCost: handling,
            digitalCost: digital,
            acquisitionSpend,
            investment,
          });
          const costToServe = staffing + handling + digital;
          expect(flow.costToServe).toBe(costToServe);
          expect(flow.netCashFlow).toBe(revenue - costToServe - acquisitionSpend - investment);
          expect(flow.costToServe).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('names the bad part', () => {
    expect(() => monthlyCashFlow({ ...example, revenue: NaN })).toThrow(
      'revenue: expected a finite number, got NaN',
    );
    expect(() => monthlyCashFlow({ ...example, staffingCost: -1 })).toThrow(
      'staffingCost: expected a number ≥ 0, got -1',
    );
    expect(() => monthlyCashFlow({ ...example, handlingCost: -1 })).toThrow('handlingCost:');
    expect(() => monthlyCashFlow({ ...example, digitalCost: -1 })).toThrow('digitalCost:');
    expect(() => monthlyCashFlow({ ...example, acquisitionSpend: -1 })).toThrow(
      'acquisitionSpend: expected a number ≥ 0, got -1',
    );
    expect(() => monthlyCashFlow({ ...example, investment: -1 })).toThrow('investment:');
  });
});
