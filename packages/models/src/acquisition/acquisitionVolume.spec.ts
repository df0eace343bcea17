import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceSpec } from '../spec/modelSpec.ts';
import {
  costPerAcquisitionAtSpend,
  monthlyAcquisition,
  sourceActiveInMonth,
} from './acquisitionVolume.ts';

/** Northbank's paid search: 160 per customer at 120,000 a month, elasticity 0.35. */
const paidSearch: SourceSpec = {
  label: 'Paid search',
  mode: 'budget',
  monthlyBudget: 120000,
  monthlyVolume: 0,
  costPerAcquisition: 160,
  referenceMonthlyBudget: 120000,
  spendElasticity: 0.35,
  segmentMix: { everyday: 1 },
};
/** Northbank's partners: 400 customers a month at 140 each. */
const partners: SourceSpec = {
  label: 'Partners',
  mode: 'volume',
  monthlyBudget: 0,
  monthlyVolume: 400,
  costPerAcquisition: 140,
  referenceMonthlyBudget: 1,
  spendElasticity: 0,
  segmentMix: { everyday: 1 },
};

describe('costPerAcquisitionAtSpend', () => {
  it('grows as (spend / reference)^elasticity (the doc example)', () => {
    const source = {
      costPerAcquisition: 200,
      referenceMonthlyBudget: 100000,
      spendElasticity: 0.3,
    };
    // 200 · 2^0.3 = 200 · 1.231144 = 246.2289
    expect(costPerAcquisitionAtSpend(source, 200000)).toBeCloseTo(246.2288826689833, 10);
    // Half the reference budget: 200 · 0.5^0.3 = 162.4504
    expect(costPerAcquisitionAtSpend(source, 50000)).toBeCloseTo(162.4504792712471, 10);
  });

  it('is costPerAcquisition at the reference budget, at zero spend and at elasticity 0', () => {
    expect(costPerAcquisitionAtSpend(paidSearch, 120000)).toBe(160);
    expect(costPerAcquisitionAtSpend(paidSearch, 0)).toBe(160);
    expect(costPerAcquisitionAtSpend({ ...paidSearch, spendElasticity: 0 }, 480000)).toBe(160);
  });

  it('names the parameter for a negative or missing spend', () => {
    expect(() => costPerAcquisitionAtSpend(paidSearch, -1)).toThrow(
      'monthlySpend: expected a number ≥ 0, got -1',
    );
    expect(() => costPerAcquisitionAtSpend(paidSearch, NaN)).toThrow(
      'monthlySpend: expected a number ≥ 0, got NaN',
    );
  });

  it('names a bad source field: a zero reference budget would divide by zero', () => {
    expect(() =>
      costPerAcquisitionAtSpend({ ...paidSearch, referenceMonthlyBudget: 0 }, 1000),
    ).toThrow('referenceMonthlyBudget: expected a number > 0, got 0');
    expect(() => costPerAcquisitionAtSpend({ ...paidSearch, spendElasticity: 1.5 }, 1000)).toThrow(
      'spendElasticity: expected a number between 0 and 1, got 1.5',
    );
    expect(() => costPerAcquisitionAtSpend({ ...paidSearch, costPerAcquisition: -1 }, 1)).toThrow(
      'costPerAcquisition: expected a number ≥ 0, got -1',
    );
    expect(() => monthlyAcquisition({ ...paidSearch, monthlyBudget: NaN }, 1)).toThrow(
      'monthlyBudget: expected a number ≥ 0, got NaN',
    );
    expect(() => monthlyAcquisition({ ...partners, monthlyVolume: -5 }, 1)).toThrow(
      'monthlyVolume: expected a number ≥ 0, got -5',
    );
  });
});

describe('monthlyAcquisition', () => {
  it('brings monthlyVolume customers at costPerAcquisition each in volume mode (the doc example)', () => {
    const source: SourceSpec = { ...partners, monthlyVolume: 500, costPerAcquisition: 80 };
    expect(monthlyAcquisition(source, 1)).toEqual({ customers: 500, spend: 40000 });
    expect(monthlyAcquisition(partners, 7)).toEqual({ customers: 400, spend: 56000 });
  });

  it('buys budget / CPA(budget) customers in budget mode', () => {
    // At the reference: 120,000 / 160 = 750 customers.
    expect(monthlyAcquisition(paidSearch, 1)).toEqual({ customers: 750, spend: 120000 });
    // Double the budget: CPA 160 · 2^0.35 = 203.93, customers 240,000 / 203.93 = 1,176.88
    // (= 750 · 2^0.65: twice the money, 1.57× the customers).
    const doubled = monthlyAcquisition({ ...paidSearch, monthlyBudget: 240000 }, 1);
    expect(doubled.spend).toBe(240000);
    expect(doubled.customers).toBeCloseTo(750 * 2 ** 0.65, 9);
    expect(doubled.customers).toBeCloseTo(1176.8761, 4);
  });

  it('buys nothing and spends nothing with a zero budget', () => {
    expect(monthlyAcquisition({ ...paidSearch, monthlyBudget: 0 }, 1)).toEqual({
      customers: 0,
      spend: 0,
    });
  });

  it('is silent outside the months the source runs, start and end months included', () => {
    const campaign: SourceSpec = { ...partners, startMonth: 4, endMonth: 6 };
    const customers = [3, 4, 5, 6, 7].map((m) => monthlyAcquisition(campaign, m).customers);
    expect(customers).toEqual([0, 400, 400, 400, 0]);
    expect(monthlyAcquisition(campaign, 3).spend).toBe(0);
  });
});

describe('sourceActiveInMonth', () => {
  it('is always on without start or end, and honours each alone', () => {
    expect(sourceActiveInMonth({}, 1)).toBe(true);
    expect(sourceActiveInMonth({}, 120)).toBe(true);
    expect(sourceActiveInMonth({ startMonth: 13 }, 12)).toBe(false);
    expect(sourceActiveInMonth({ startMonth: 13 }, 13)).toBe(true);
    expect(sourceActiveInMonth({ endMonth: 12 }, 12)).toBe(true);
    expect(sourceActiveInMonth({ endMonth: 12 }, 13)).toBe(false);
  });

  it('gives the doc examples, and names a month that is not one', () => {
    expect(sourceActiveInMonth({ startMonth: 4, endMonth: 9 }, 9)).toBe(true);
    expect(sourceActiveInMonth({ startMonth: 4, endMonth: 9 }, 10)).toBe(false);
    expect(() => sourceActiveInMonth({}, 0)).toThrow('month: expected a whole number ≥ 1, got 0');
    expect(() => monthlyAcquisition(partners, 1.5)).toThrow(
      'month: expected a whole number ≥ 1, got 1.5',
    );
  });
});

describe('diminishing returns', () => {
  const budgets = fc.double({ min: 1, max: 1e9, noNaN: true });
  const elasticity = fc.double({ min: 0.01, max: 1, noNaN: true });

  it('customers bought per unit of spend fall as spend rises (elasticity > 0)', () => {
    fc.assert(
      fc.property(budgets, budgets, elasticity, (a, b, e) => {
        fc.pre(Math.abs(a - b) > 1e-9 * Math.max(a, b));
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const source = { ...paidSearch, spendElasticity: e };
        const perUnit = (spend: number) =>
          monthlyAcquisition({ ...source, monthlyBudget: spend }, 1).customers / spend;
        expect(perUnit(hi)).toBeLessThan(perUnit(lo));
      }),
      { numRuns: 3000 },
    );
  });

  it('more spend never buys fewer customers (elasticity ≤ 1)', () => {
    fc.assert(
      fc.property(budgets, budgets, elasticity, (a, b, e) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const source = { ...paidSearch, spendElasticity: e };
        const bought = (spend: number) =>
          monthlyAcquisition({ ...source, monthlyBudget: spend }, 1).customers;
        expect(bought(hi)).toBeGreaterThanOrEqual(bought(lo) * (1 - 1e-12));
      }),
      { numRuns: 3000 },
    );
  });

  it('buys customers in proportion to spend at elasticity 0, and a fixed number at 1', () => {
    const linear = { ...paidSearch, spendElasticity: 0 };
    expect(monthlyAcquisition({ ...linear, monthlyBudget: 360000 }, 1).customers).toBe(2250);
    const saturated = { ...paidSearch, spendElasticity: 1 };
    // customers = reference / CPA = 120,000 / 160 = 750 whatever the budget
    for (const budget of [1000, 120000, 1e7]) {
      expect(monthlyAcquisition({ ...saturated, monthlyBudget: budget }, 1).customers).toBeCloseTo(
        750,
        9,
      );
    }
  });
});
