import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountFactors } from './discountFactors.ts';
import { npv } from './npv.ts';
import { terminalValue } from './terminalValue.ts';
import { yearlyTable } from './yearlyTable.ts';

const fill = (months: number, value: number) => new Array<number>(months).fill(value);

describe('yearlyTable', () => {
  it('groups months into years, with a partial last year', () => {
    const rows = yearlyTable({
      monthly: {
        revenue: fill(30, 100),
        costToServe: fill(30, 20),
        acquisition: [500, ...fill(29, 0)],
        investment: [1000, ...fill(29, 0)],
      },
      annualDiscountRate: 0,
    });
    expect(rows.map((r) => [r.year, r.months])).toEqual([
      [1, 12],
      [2, 12],
      [3, 6],
    ]);
    expect(rows[0]).toEqual({
      year: 1,
      months: 12,
      revenue: 1200,
      costToServe: 240,
      acquisition: 500,
      investment: 1000,
      net: -540,
      cumulative: -540,
      discountedNet: -540,
      cumulativeDiscounted: -540,
    });
    expect(rows[2]!.net).toBe(480);
    expect(rows[2]!.cumulative).toBe(-540 + 960 + 480);
  });

  it('discounts year 1 by less than year 2', () => {
    const rows = yearlyTable({
      monthly: {
        revenue: fill(24, 100),
        costToServe: fill(24, 0),
        acquisition: fill(24, 0),
        investment: fill(24, 0),
      },
      annualDiscountRate: 0.1,
    });
    expect(rows[0]!.discountedNet).toBeLessThan(1200);
    expect(rows[1]!.discountedNet).toBeCloseTo(rows[0]!.discountedNet / 1.1, 9);
  });

  it('carries the terminal value on its last row, so that the table reconciles to the NPV', () => {
    const months = 30;
    const monthly = {
      revenue: fill(months, 100),
      costToServe: fill(months, 20),
      acquisition: [500, ...fill(months - 1, 0)],
      investment: [1000, ...fill(months - 1, 0)],
    };
    const annualDiscountRate = 0.08;
    // 400 customers left, 3 a month net each (margin 5 − cost-to-serve 2), 2 % churn
    const tv = terminalValue({
      activeCustomers: 400,
      monthlyNetValuePerCustomer: 3,
      monthlyChurn: 0.02,
      annualDiscountRate,
      horizonMonths: months,
    });
    const rows = yearlyTable({ monthly, annualDiscountRate, terminalValue: tv });
    const last = rows.at(-1)!;
    const net = monthly.revenue.map(
      (r, i) => r - monthly.costToServe[i]! - monthly.acquisition[i]! - monthly.investment[i]!,
    );
    // the NPV with terminal value, as the engine adds it: flows to the horizon + terminal value
    expect(last.npvWithTerminalValue).toBe(npv({ monthlyFlows: net, annualDiscountRate }) + tv);
    expect(last.npvWithTerminalValue).toBe(
      last.cumulativeDiscounted + last.discountedTerminalValue!,
    );
    expect(last.discountedTerminalValue).toBe(tv);
    // at the horizon: 400 · 3 · 0.98 / (r + 0.02), r the monthly rate of 8 % a year
    const r = Math.pow(1.08, 1 / 12) - 1;
    expect(last.terminalValueAtHorizon).toBeCloseTo((400 * 3 * 0.98) / (r + 0.02), 8);
    expect(
      last.terminalValueAtHorizon! * discountFactors(months, annualDiscountRate)[months - 1]!,
    ).toBeCloseTo(tv, 8);
    // only the last row carries it
    for (const row of rows.slice(0, -1)) {
      expect(row).not.toHaveProperty('discountedTerminalValue');
      expect(row).not.toHaveProperty('npvWithTerminalValue');
    }
  });

  it('has no terminal-value fields without a terminal value, and checks the one it is given', () => {
    const monthly = {
      revenue: [1, 2],
      costToServe: [0, 0],
      acquisition: [0, 0],
      investment: [0, 0],
    };
    const rows = yearlyTable({ monthly, annualDiscountRate: 0.1 });
    expect(rows[0]).not.toHaveProperty('terminalValueAtHorizon');
    expect(rows[0]).not.toHaveProperty('npvWithTerminalValue');
    expect(() => yearlyTable({ monthly, annualDiscountRate: 0.1, terminalValue: NaN })).toThrow(
      'terminalValue: expected a finite number, got NaN',
    );
    expect(() =>
      yearlyTable({
        monthly: { revenue: [], costToServe: [], acquisition: [], investment: [] },
        annualDiscountRate: 0.1,
        terminalValue: 5,
      }),
    ).toThrow('terminalValue: expected no terminal value for a table of 0 months, got 5');
  });

  it('is empty for no months', () => {
    expect(
      yearlyTable({
        monthly: { revenue: [], costToServe: [], acquisition: [], investment: [] },
        annualDiscountRate: 0.1,
      }),
    ).toEqual([]);
  });

  it('names the series whose length does not match', () => {
    expect(() =>
      yearlyTable({
        monthly: { revenue: [1, 2], costToServe: [1], acquisition: [0, 0], investment: [0, 0] },
        annualDiscountRate: 0.1,
      }),
    ).toThrow(
      'monthly.costToServe: expected a series of 2 months, as long as monthly.revenue, got an array of 1',
    );
  });

  it('has yearly sums equal to the monthly sums, and its last cumulative discounted net is the NPV', () => {
    const cents = fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 61 })
          .chain((n) =>
            fc.tuple(
              fc.array(cents, { minLength: n, maxLength: n }),
              fc.array(cents, { minLength: n, maxLength: n }),
              fc.array(cents, { minLength: n, maxLength: n }),
              fc.array(cents, { minLength: n, maxLength: n }),
            ),
          ),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: undefined }),
        ([revenue, costToServe, acquisition, investment], annualDiscountRate, tv) => {
          const rows = yearlyTable({
            monthly: { revenue, costToServe, acquisition, investment },
            annualDiscountRate,
            ...(tv === undefined ? {} : { terminalValue: tv }),
          });
          const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
          const close = (a: number, b: number, scale: number) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * (scale + 1));
          expect(rows).toHaveLength(Math.ceil(revenue.length / 12));
          expect(sum(rows.map((r) => r.months))).toBe(revenue.length);
          const scale = sum(revenue) + sum(costToServe) + sum(acquisition) + sum(investment);
          close(sum(rows.map((r) => r.revenue)), sum(revenue), scale);
          close(sum(rows.map((r) => r.costToServe)), sum(costToServe), scale);
          close(sum(rows.map((r) => r.acquisition)), sum(acquisition), scale);
          close(sum(rows.map((r) => r.investment)), sum(investment), scale);
          const net = revenue.map((r, i) => r - costToServe[i]! - acquisition[i]! - investment[i]!);
          close(sum(rows.map((r) => r.net)), sum(net), scale);
          close(rows.at(-1)!.cumulative, sum(net), scale);
          close(sum(rows.map((r) => r.discountedNet)), rows.at(-1)!.cumulativeDiscounted, scale);
          // same factors, same order of summation: the NPV to the last bit
          expect(rows.at(-1)!.cumulativeDiscounted).toBe(
            npv({ monthlyFlows: net, annualDiscountRate }),
          );
          // and with a terminal value, the NPV plus it, to the last bit too
          if (tv !== undefined) {
            expect(rows.at(-1)!.npvWithTerminalValue).toBe(
              npv({ monthlyFlows: net, annualDiscountRate }) + tv,
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
