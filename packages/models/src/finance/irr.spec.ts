import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IRR_NEVER_PAYS_BACK, IRR_NO_INVESTMENT, IRR_NO_ROOT, irr } from './irr.ts';
import { npvAtRate } from './npvAtRate.ts';

/** The monthly IRR, failing the test when there is none. */
function monthlyIrr(flows: readonly number[]): number {
  const result = irr(flows);
  if (result.monthly === null) throw new Error(`no IRR: ${result.reason}`);
  return result.monthly;
}

describe('irr', () => {
  /*
   * Microsoft Support, "IRR function" (Excel), examples: a business start-up cost of 70,000 and
   * net income of 12,000, 15,000, 18,000, 21,000 and 26,000 over five years. Excel shows the
   * rates rounded to 0.1 %; the exact roots (mpmath, 40 digits) check the digits beyond.
   */
  it("matches Excel's IRR example after four years: −2.1 %", () => {
    const rate = monthlyIrr([-70000, 12000, 15000, 18000, 21000]);
    expect(rate).toBeCloseTo(-0.021, 3);
    expect(rate).toBeCloseTo(-0.02124484827341099, 14); // mpmath
  });

  it("matches Excel's IRR example after five years: 8.7 %", () => {
    const rate = monthlyIrr([-70000, 12000, 15000, 18000, 21000, 26000]);
    expect(rate).toBeCloseTo(0.087, 3);
    expect(rate).toBeCloseTo(0.08663094803653161, 14); // mpmath
  });

  it("matches Excel's IRR example after two years: −44.4 % (Excel needs a guess of −10 %; no guess here)", () => {
    const rate = monthlyIrr([-70000, 12000, 15000]);
    expect(rate).toBeCloseTo(-0.444, 3);
    expect(rate).toBeCloseTo(-0.4435069413347405, 14); // mpmath
  });

  it('annualizes the monthly rate by compounding: (1 + m)^12 − 1', () => {
    // 1,100 received twelve months after 1,000 was invested: 10 % a year
    const result = irr([-1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1100]);
    expect(result.monthly).toBeCloseTo(Math.pow(1.1, 1 / 12) - 1, 14);
    expect(result.annual).toBeCloseTo(0.1, 13);
  });

  it('is exactly 0 when the flows sum to zero', () => {
    expect(irr([-1000, 500, 500])).toEqual({ monthly: 0, annual: 0 });
  });

  it('says why there is no IRR', () => {
    expect(irr([0, 10, 20])).toEqual({ monthly: null, annual: null, reason: IRR_NO_INVESTMENT });
    expect(irr([])).toEqual({ monthly: null, annual: null, reason: IRR_NO_INVESTMENT });
    expect(irr([-10, 0, -5])).toEqual({ monthly: null, annual: null, reason: IRR_NEVER_PAYS_BACK });
    // roots at −99.5 % and +1,100 % a month: outside the searched range
    expect(irr([-100, 0.5])).toEqual({ monthly: null, annual: null, reason: IRR_NO_ROOT });
    expect(irr([-1, 12])).toEqual({ monthly: null, annual: null, reason: IRR_NO_ROOT });
    expect(IRR_NO_INVESTMENT).toBe('all flows non-negative: no investment to earn a return on');
    expect(IRR_NEVER_PAYS_BACK).toBe('never pays back: flows never turn positive');
  });

  it('gives the rate of a loan too: money first, repayment after', () => {
    // receive 10, repay 11 a month later: 10 % a month is what it costs
    expect(monthlyIrr([10, -11])).toBeCloseTo(0.1, 14);
  });

  it('returns the IRR closest to 0 % when there are several (numpy-financial convention)', () => {
    // −100 + 230/(1+r) − 132/(1+r)² = 0 at r = 10 % and r = 20 %
    expect(monthlyIrr([-100, 230, -132])).toBeCloseTo(0.1, 14);
    // −100 + 190/(1+r) − 88/(1+r)² = 0 at r = −20 % and r = +10 %: +10 % is closer to 0
    expect(monthlyIrr([-100, 190, -88])).toBeCloseTo(0.1, 14);
    // −100 + 205/(1+r) − 104.5/(1+r)² = 0 at r = −5 % and r = +10 %: −5 % is closer to 0
    expect(monthlyIrr([-100, 205, -104.5])).toBeCloseTo(-0.05, 14);
  });

  it('rejects flows that are not finite numbers', () => {
    expect(() => irr([-1, NaN])).toThrow('flows[1]: expected a finite number, got NaN');
  });

  it('makes the NPV zero: conventional flows (investment, then income)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (investments, income) => {
          const flows = [...investments.map((v) => -v), ...income];
          const result = irr(flows);
          fc.pre(result.monthly !== null); // a root beyond +1,000 % a month is legitimately missing
          const rate = result.monthly!;
          // the discounted flows' gross size: what "≈ 0" is relative to
          const gross = npvAtRate(rate, flows.map(Math.abs));
          expect(Math.abs(npvAtRate(rate, flows))).toBeLessThanOrEqual(1e-9 * gross);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('makes the NPV change sign at the IRR: any flows', () => {
    fc.assert(
      fc.property(
        // amounts in cents, as money is
        fc.array(
          fc.integer({ min: -1e8, max: 1e8 }).map((cents) => cents / 100),
          { minLength: 2, maxLength: 48 },
        ),
        (flows) => {
          const result = irr(flows);
          fc.pre(result.monthly !== null);
          const rate = result.monthly!;
          const gross = npvAtRate(rate, flows.map(Math.abs));
          const step = 1e-6 * Math.max(1e-3, 1 + rate);
          const below = npvAtRate(rate - step, flows);
          const above = npvAtRate(rate + step, flows);
          const atRate = npvAtRate(rate, flows);
          // a sign change across the rate, or an NPV at the rate that is zero to rounding
          const changesSign = (below <= 0 && above >= 0) || (below >= 0 && above <= 0);
          expect(changesSign || Math.abs(atRate) <= 1e-9 * gross).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
