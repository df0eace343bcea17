import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareToBaseline } from './compareToBaseline.ts';
import { irr } from './irr.ts';
import { npv } from './npv.ts';
import { paybackMonth } from './paybackMonth.ts';

describe('compareToBaseline', () => {
  it('works the small example: break-even over three months at 0 %', () => {
    expect(
      compareToBaseline({
        baseline: [100, 100, 100],
        variant: [-900, 600, 600], // 100 − 1,000 invested, then 100 + 500 a month
        variantInvestment: [1000, 0, 0],
        annualDiscountRate: 0,
      }),
    ).toEqual({
      incrementalNpv: 0,
      investmentPresentValue: 1000,
      roi: { ratio: 0 },
      paybackMonth: { month: 3, fractionalMonth: 3 },
      discountedPaybackMonth: { month: 3, fractionalMonth: 3 },
      irr: { monthly: 0, annual: 0 },
    });
  });

  it('does not subtract the investment twice: it is already in the variant net', () => {
    const result = compareToBaseline({
      baseline: [0, 0],
      variant: [-50, 80],
      variantInvestment: [50, 0],
      annualDiscountRate: 0,
    });
    expect(result.incrementalNpv).toBe(30);
    expect(result.roi).toEqual({ ratio: 0.6 });
  });

  it('reports no ROI when the variant invests nothing', () => {
    const result = compareToBaseline({
      baseline: [10, 10],
      variant: [12, 12],
      variantInvestment: [0, 0],
      annualDiscountRate: 0.08,
    });
    expect(result.roi.ratio).toBeNull();
    expect(result.paybackMonth).toEqual({ month: 0, fractionalMonth: 0 });
    expect(result.irr.monthly).toBeNull();
  });

  it('checks lengths and investments, naming the series', () => {
    expect(() =>
      compareToBaseline({
        baseline: [1, 2, 3],
        variant: [1, 2],
        variantInvestment: [0, 0, 0],
        annualDiscountRate: 0.08,
      }),
    ).toThrow('variant: expected a series of 3 months, as long as baseline, got an array of 2');
    expect(() =>
      compareToBaseline({
        baseline: [1, 2],
        variant: [1, 2],
        variantInvestment: [0, -5],
        annualDiscountRate: 0.08,
      }),
    ).toThrow('variantInvestment[1]: expected a number ≥ 0, got -5');
  });

  it('agrees with the separate functions on the incremental flow', () => {
    const cents = fc.integer({ min: -1e8, max: 1e8 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 48 })
          .chain((n) =>
            fc.tuple(
              fc.array(cents, { minLength: n, maxLength: n }),
              fc.array(cents, { minLength: n, maxLength: n }),
              fc.array(cents.map(Math.abs), { minLength: n, maxLength: n }),
            ),
          ),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        ([baseline, variant, variantInvestment], annualDiscountRate) => {
          const result = compareToBaseline({
            baseline,
            variant,
            variantInvestment,
            annualDiscountRate,
          });
          const incremental = variant.map((v, i) => v - baseline[i]!);
          expect(result.incrementalNpv).toBe(
            npv({ monthlyFlows: incremental, annualDiscountRate }),
          );
          expect(result.investmentPresentValue).toBe(
            npv({ monthlyFlows: variantInvestment, annualDiscountRate }),
          );
          expect(result.paybackMonth).toEqual(paybackMonth(incremental));
          expect(result.discountedPaybackMonth).toEqual(
            paybackMonth(incremental, { annualDiscountRate }),
          );
          expect(result.irr).toEqual(irr(incremental));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never pays back sooner when discounted at a positive rate (invest first, then income)', () => {
    // Not a theorem for any flows: discounting also shrinks a later cost. With one investment up
    // front and non-negative income after it, it is.
    const income = fc.integer({ min: 0, max: 1e8 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc.array(income, { minLength: 1, maxLength: 48 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (later, annualDiscountRate) => {
          const variant = [-1e5, ...later];
          const zeros = variant.map(() => 0);
          const result = compareToBaseline({
            baseline: zeros,
            variant,
            variantInvestment: zeros,
            annualDiscountRate,
          });
          const simple = result.paybackMonth;
          const discounted = result.discountedPaybackMonth;
          if (discounted.month === null) return;
          expect(simple.month).not.toBeNull();
          expect(discounted.fractionalMonth).toBeGreaterThanOrEqual(simple.fractionalMonth!);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
