import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvestmentSpec } from '../spec/modelSpec.ts';
import { investmentFlows } from './investmentFlows.ts';

describe('investmentFlows', () => {
  it('pays the one-off in the start month and the recurring cost from then on (the doc example)', () => {
    const training = { label: 'Training', oneOff: 50000, monthly: 2000, startMonth: 2 };
    expect(Array.from(investmentFlows([training], 4))).toEqual([0, 52000, 2000, 2000]);
  });

  it('adds investments together, month by month', () => {
    const app = { label: 'App rebuild', oneOff: 600000, monthly: 15000, startMonth: 1 };
    const pilot = { label: 'Pilot', oneOff: 1000, monthly: 100, startMonth: 2, endMonth: 3 };
    expect(Array.from(investmentFlows([app, pilot], 4))).toEqual([615000, 16100, 15100, 15000]);
  });

  it('stops after endMonth (included) and at the horizon', () => {
    const campaign = { label: 'Campaign', oneOff: 0, monthly: 10, startMonth: 2, endMonth: 3 };
    expect(Array.from(investmentFlows([campaign], 5))).toEqual([0, 10, 10, 0, 0]);
    const long = { label: 'Long', oneOff: 5, monthly: 1, startMonth: 3, endMonth: 99 };
    expect(Array.from(investmentFlows([long], 4))).toEqual([0, 0, 6, 1]);
  });

  it('ignores an investment that starts after the horizon', () => {
    const late = { label: 'Late', oneOff: 1e6, monthly: 1e3, startMonth: 5 };
    expect(Array.from(investmentFlows([late], 4))).toEqual([0, 0, 0, 0]);
  });

  it('pays only the one-off when endMonth is before startMonth (checkModel reports it)', () => {
    const odd = { label: 'Odd', oneOff: 100, monthly: 10, startMonth: 3, endMonth: 2 };
    expect(Array.from(investmentFlows([odd], 4))).toEqual([0, 0, 100, 0]);
  });

  it('is all zeros without investments, and empty for a zero horizon', () => {
    expect(Array.from(investmentFlows([], 3))).toEqual([0, 0, 0]);
    expect(investmentFlows([], 0)).toHaveLength(0);
  });

  it('totals each one-off plus its recurring cost over the months it runs within the horizon', () => {
    const investment = fc.record({
      label: fc.constant('x'),
      oneOff: fc.integer({ min: 0, max: 1e6 }),
      monthly: fc.integer({ min: 0, max: 1e5 }),
      startMonth: fc.integer({ min: 1, max: 60 }),
      endMonth: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(investment, { maxLength: 8 }),
        fc.integer({ min: 1, max: 48 }),
        (list, horizon) => {
          const investments: InvestmentSpec[] = list.map(({ endMonth, ...rest }) =>
            endMonth === undefined ? rest : { ...rest, endMonth },
          );
          const flows = investmentFlows(investments, horizon);
          expect(flows).toHaveLength(horizon);
          let expected = 0;
          for (const i of investments) {
            if (i.startMonth > horizon) continue;
            const end = Math.min(i.endMonth ?? horizon, horizon);
            expected += i.oneOff + i.monthly * Math.max(0, end - i.startMonth + 1);
          }
          expect(flows.reduce((a, b) => a + b, 0)).toBe(expected); // whole numbers: exact
          for (const f of flows) expect(f).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
  it('names a bad amount, month or horizon', () => {
    const ok = { label: 'Ok', oneOff: 1, monthly: 1, startMonth: 1 };
    expect(() => investmentFlows([ok, { ...ok, oneOff: -5 }], 3)).toThrow(
      'investments[1].oneOff: expected a number ≥ 0, got -5',
    );
    expect(() => investmentFlows([{ ...ok, monthly: NaN }], 3)).toThrow(
      'investments[0].monthly: expected a number ≥ 0, got NaN',
    );
    expect(() => investmentFlows([{ ...ok, startMonth: 0 }], 3)).toThrow(
      'investments[0].startMonth: expected a whole number ≥ 1, got 0',
    );
    expect(() => investmentFlows([{ ...ok, endMonth: 2.5 }], 3)).toThrow(
      'investments[0].endMonth: expected a whole number ≥ 1, got 2.5',
    );
    expect(() => investmentFlows([ok], -1)).toThrow(
      'horizonMonths: expected a whole number ≥ 0, got -1',
    );
  });
});
