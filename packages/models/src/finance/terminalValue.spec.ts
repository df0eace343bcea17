import { describe, expect, it } from 'vitest';
import { discountFactors } from './discountFactors.ts';
import { monthlyRate } from './monthlyRate.ts';
import { terminalValue } from './terminalValue.ts';

const base = {
  activeCustomers: 1000,
  monthlyNetValuePerCustomer: 10,
  monthlyChurn: 0.02,
  annualDiscountRate: 0,
  horizonMonths: 36,
};

describe('terminalValue', () => {
  it('is N·M·(1 − c)/(r + c): Gupta & Lehmann (2003) per month, undiscounted at 0 %', () => {
    // 1000 customers · 10 a month · 0.98 retained / 0.02 = 490,000
    expect(terminalValue(base)).toBeCloseTo(490000, 8);
  });

  it("agrees with Gupta & Lehmann's CLV = m·r/(1 + i − r) for one customer", () => {
    // Their annual example form: margin m, retention r, discount i per period. Per month here:
    const i = monthlyRate(0.12);
    const retention = 0.98;
    const clv = (10 * retention) / (1 + i - retention);
    const value = terminalValue({
      ...base,
      activeCustomers: 1,
      annualDiscountRate: 0.12,
      horizonMonths: 0,
    });
    expect(value).toBeCloseTo(clv, 9);
  });

  it('equals the explicit sum of the retained margin discounted month by month', () => {
    const annualDiscountRate = 0.08;
    const horizonMonths = 24;
    const factors = discountFactors(horizonMonths + 2000, annualDiscountRate);
    let explicit = 0;
    let retained = base.activeCustomers;
    for (let t = 1; t <= 2000; t++) {
      retained *= 1 - base.monthlyChurn;
      explicit += retained * base.monthlyNetValuePerCustomer * factors[horizonMonths + t - 1]!;
    }
    const value = terminalValue({ ...base, annualDiscountRate, horizonMonths });
    expect(value).toBeCloseTo(explicit, 6);
  });

  it('discounts back over the horizon with the month-H factor', () => {
    const atZero = terminalValue({ ...base, annualDiscountRate: 0.1, horizonMonths: 0 });
    const atTwoYears = terminalValue({ ...base, annualDiscountRate: 0.1, horizonMonths: 24 });
    expect(atTwoYears).toBeCloseTo(atZero / 1.21, 8);
  });

  it('is 0 when every customer leaves, or there are none', () => {
    expect(terminalValue({ ...base, monthlyChurn: 1 })).toBe(0);
    expect(terminalValue({ ...base, activeCustomers: 0 })).toBe(0);
  });

  it('refuses a perpetuity that does not converge', () => {
    expect(() => terminalValue({ ...base, monthlyChurn: 0 })).toThrow(
      'monthlyChurn: expected a churn above 0 a month, so that the perpetuity converges',
    );
    // a negative discount rate needs churn above the monthly rate's magnitude
    expect(() => terminalValue({ ...base, monthlyChurn: 0.005, annualDiscountRate: -0.5 })).toThrow(
      'monthlyChurn: expected a churn above',
    );
    expect(terminalValue({ ...base, monthlyChurn: 0.1, annualDiscountRate: -0.5 })).toBeGreaterThan(
      0,
    );
  });

  it('checks every parameter', () => {
    expect(() => terminalValue({ ...base, activeCustomers: -1 })).toThrow(
      'activeCustomers: expected a number ≥ 0, got -1',
    );
    expect(() => terminalValue({ ...base, monthlyChurn: 1.5 })).toThrow(
      'monthlyChurn: expected a probability between 0 and 1, got 1.5',
    );
    expect(() => terminalValue({ ...base, horizonMonths: 2.5 })).toThrow(
      'horizonMonths: expected a whole number ≥ 0, got 2.5',
    );
    expect(() => terminalValue({ ...base, monthlyNetValuePerCustomer: NaN })).toThrow(
      'monthlyNetValuePerCustomer: expected a finite number, got NaN',
    );
  });

  it('takes the net value per customer (margin − variable cost-to-serve), negative too', () => {
    // margin 12, cost-to-serve 2 a month: 10 net, as in the base case
    const { monthlyNetValuePerCustomer: _, ...common } = base;
    expect(terminalValue({ ...common, monthlyNetValuePerCustomer: 12 - 2 })).toBe(
      terminalValue(base),
    );
    // customers who cost more than they bring are worth less than nothing
    expect(terminalValue({ ...common, monthlyNetValuePerCustomer: -10 })).toBeCloseTo(-490000, 8);
    // linear in the net value: half the net value, half the terminal value
    expect(terminalValue({ ...common, monthlyNetValuePerCustomer: 5 })).toBeCloseTo(245000, 8);
  });

  it('still accepts the former name monthlyMarginPerCustomer, but not both', () => {
    const { monthlyNetValuePerCustomer: _, ...common } = base;
    expect(terminalValue({ ...common, monthlyMarginPerCustomer: 10 })).toBe(terminalValue(base));
    expect(() =>
      terminalValue({ ...base, monthlyMarginPerCustomer: 10 } as unknown as Parameters<
        typeof terminalValue
      >[0]),
    ).toThrow(
      'monthlyMarginPerCustomer: expected nothing when monthlyNetValuePerCustomer is given (it is its former name), got 10',
    );
    expect(() => terminalValue(common as unknown as Parameters<typeof terminalValue>[0])).toThrow(
      'monthlyNetValuePerCustomer: expected a finite number, got nothing',
    );
  });
});
