import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PaybackMonth, paybackMonth, paybackMonthFromFactors } from './paybackMonth.ts';

/** True when b is no earlier than a (a later month, or no payback at all). */
function noEarlier(a: PaybackMonth, b: PaybackMonth): boolean {
  if (b.month === null) return true;
  if (a.month === null) return false;
  return b.month >= a.month && b.fractionalMonth >= a.fractionalMonth;
}

describe('paybackMonth', () => {
  it('finds the month the cumulative flow turns non-negative, and where within it', () => {
    // cumulative: −1000, −600, −200, +200: paid back half-way through month 4
    expect(paybackMonth([-1000, 400, 400, 400])).toEqual({ month: 4, fractionalMonth: 3.5 });
    // exactly zero at the end of month 3 counts as paid back, at the very end of the month
    expect(paybackMonth([-1000, 500, 500])).toEqual({ month: 3, fractionalMonth: 3 });
  });

  it('requires the cumulative flow to stay non-negative to the horizon', () => {
    // back to +100 in month 2, under again with a second investment in month 3, back in month 5
    expect(paybackMonth([-100, 200, -300, 100, 200, 50])).toEqual({
      month: 5,
      fractionalMonth: 4.5,
    });
  });

  it('pays back at month 0 when there is nothing to pay back', () => {
    expect(paybackMonth([100, 200])).toEqual({ month: 0, fractionalMonth: 0 });
    expect(paybackMonth([0, 0, 0])).toEqual({ month: 0, fractionalMonth: 0 });
    expect(paybackMonth([])).toEqual({ month: 0, fractionalMonth: 0 });
  });

  it('says so when the horizon ends before payback', () => {
    expect(paybackMonth([-1000, 400, 400])).toEqual({
      month: null,
      fractionalMonth: null,
      reason: 'not within horizon',
    });
  });

  it('discounts with a rate: later than simple payback', () => {
    const flows = [-1000, ...new Array<number>(24).fill(50)];
    const simple = paybackMonth(flows);
    const discounted = paybackMonth(flows, { annualDiscountRate: 0.1 });
    expect(simple).toEqual({ month: 21, fractionalMonth: 21 });
    // Σ_{m=2..k} 50·1.1^(−m/12) reaches 1000·1.1^(−1/12) in month 23
    expect(discounted.month).toBe(23);
    // Independently, mpmath at 50 digits: 22 + (1000·1.1^(−1/12) − Σ_{m=2..22} 50·1.1^(−m/12)) /
    // (50·1.1^(−23/12)) = 22.8748511219621396235…: the deficit left after month 22 over month 23's
    // discounted flow. The function's double is one ulp (3.6e-15) below the nearest double to
    // that, from rounding in the cumulative sum; it is asserted exactly, as it is deterministic.
    expect(discounted.fractionalMonth).toBe(22.874851121962138);
    expect(Math.abs(discounted.fractionalMonth! - 22.8748511219621396235)).toBeLessThanOrEqual(
      3.6e-15,
    );
  });

  it('uses the factors it is given, or none (the doc comment examples)', () => {
    expect(paybackMonthFromFactors([-1000, 400, 400, 400], null)).toEqual({
      month: 4,
      fractionalMonth: 3.5,
    });
    // −100, −40 after month 2; month 3 brings 100 · 0.5 = 50, of which 40 are needed: 0.8 of it
    expect(paybackMonthFromFactors([-100, 60, 100], [1, 1, 0.5])).toEqual({
      month: 3,
      fractionalMonth: 2.8,
    });
  });

  it('rejects a bad rate or flow', () => {
    expect(() => paybackMonth([1], { annualDiscountRate: -2 })).toThrow(
      'annualDiscountRate: expected a number between -0.99 and 10, got -2',
    );
    expect(() => paybackMonth([-1, NaN])).toThrow('flows[1]: expected a finite number, got NaN');
  });

  it('is never earlier when a flow is reduced (simple and discounted)', () => {
    const cents = fc.integer({ min: -1e7, max: 1e7 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.option(fc.double({ min: -0.5, max: 2, noNaN: true }), { nil: undefined }),
        (flows, at, reduction, annualDiscountRate) => {
          const reduced = flows.slice();
          const i = at % flows.length;
          reduced[i] = reduced[i]! - reduction;
          const options = annualDiscountRate === undefined ? {} : { annualDiscountRate };
          const before = paybackMonth(flows, options);
          const after = paybackMonth(reduced, options);
          expect(noEarlier(before, after)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('puts fractionalMonth within its month: month − 1 < fractionalMonth ≤ month', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 48 }), (flows) => {
        const result = paybackMonth(flows);
        if (result.month === null || result.month === 0) return;
        expect(result.fractionalMonth).toBeGreaterThan(result.month - 1);
        expect(result.fractionalMonth).toBeLessThanOrEqual(result.month);
      }),
      { numRuns: 2000 },
    );
  });
});
