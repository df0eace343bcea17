import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IRR_NEVER_PAYS_BACK,
  IRR_NO_INVESTMENT,
  IRR_NO_ROOT,
  IRR_TOUCH_TOLERANCE,
  irr,
} from './irr.ts';
import { npvAtRate } from './npvAtRate.ts';

/** The monthly IRR, failing the test when there is none. */
function monthlyIrr(flows: readonly number[]): number {
  const result = irr(flows);
  if (result.monthly === null) throw new Error(`no IRR: ${result.reason}`);
  return result.monthly;
}

/**
 * An independent look for the zeros of the NPV between −99 % and +1,000 % a month, to check irr
 * against: the NPV Σ f_m·(1 + r)^(−m) and its slope Σ −m·f_m·(1 + r)^(−m−1) on a grid of
 * `points` rates evenly spaced in ln(1 + r) (plain Math.pow, none of irr's code). A zero is a
 * sign change between grid points (bisected), or a turning point (the slope changes sign between
 * grid points, bisected on the slope) where |NPV| is at most `touch` times the gross value
 * Σ |f_m|·(1 + r)^(−m). Returns the zeros found, nearest 0 % first.
 */
function referenceZeros(flows: readonly number[], touch: number, points = 20000): number[] {
  const at = (r: number) => {
    let value = 0;
    let slope = 0;
    let gross = 0;
    flows.forEach((f, i) => {
      const m = i + 1;
      const factor = Math.pow(1 + r, -m);
      value += f * factor;
      gross += Math.abs(f) * factor;
      slope -= (m * f * factor) / (1 + r);
    });
    return { value, slope, gross };
  };
  const bisect = (lo: number, hi: number, f: (r: number) => number) => {
    const fLo = f(lo);
    for (let i = 0; i < 200 && lo < hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (mid === lo || mid === hi) break;
      if (f(mid) > 0 === fLo > 0) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  const zeros: number[] = [];
  const lo = Math.log(0.01);
  const hi = Math.log(11);
  let previous = { r: -0.99, ...at(-0.99) };
  if (previous.value === 0) zeros.push(previous.r);
  for (let k = 1; k <= points; k++) {
    const r = k === points ? 10 : Math.expm1(lo + ((hi - lo) * k) / points);
    const here = { r, ...at(r) };
    if (here.value === 0) zeros.push(r);
    else if (previous.value !== 0 && previous.value > 0 !== here.value > 0) {
      zeros.push(bisect(previous.r, r, (x) => at(x).value));
    } else if (previous.slope > 0 !== here.slope > 0) {
      const turning = bisect(previous.r, r, (x) => at(x).slope);
      const t = at(turning);
      if (t.value === 0) zeros.push(turning);
      else if (t.value > 0 !== here.value > 0) {
        // the NPV crosses zero twice between two grid points: both are zeros
        zeros.push(bisect(previous.r, turning, (x) => at(x).value));
        zeros.push(bisect(turning, r, (x) => at(x).value));
      } else if (Math.abs(t.value) <= touch * t.gross) zeros.push(turning);
    }
    previous = here;
  }
  return zeros.sort((a, b) => Math.abs(a) - Math.abs(b));
}

/**
 * Checks irr's answer against referenceZeros: null only when the reference finds no zero even
 * with a tolerance half irr's; otherwise a zero (a sign change within a few ulp, or an NPV within
 * twice irr's tolerance of zero) with no reference zero nearer 0 % (beyond the grid's bisection
 * precision).
 */
function expectHonestIrr(flows: readonly number[]): void {
  const result = irr(flows);
  if (result.monthly === null) {
    if (result.reason !== IRR_NO_ROOT) return; // all flows of one sign: checked elsewhere
    expect(referenceZeros(flows, 0.5 * IRR_TOUCH_TOLERANCE)).toEqual([]);
    return;
  }
  const rate = result.monthly;
  const gross = npvAtRate(rate, flows.map(Math.abs));
  const step = 1e-12 * Math.max(1e-3, 1 + rate);
  const below = npvAtRate(rate - step, flows);
  const above = npvAtRate(rate + step, flows);
  const changesSign = (below <= 0 && above >= 0) || (below >= 0 && above <= 0);
  const touches = Math.abs(npvAtRate(rate, flows)) <= 2 * IRR_TOUCH_TOLERANCE * gross;
  expect(changesSign || touches).toBe(true);
  const nearest = referenceZeros(flows, 0.5 * IRR_TOUCH_TOLERANCE)[0];
  if (nearest !== undefined) {
    // 1e-7: where two zeros merge, rounding moves them by about √ε (1e-8) of 1 + r
    expect(Math.abs(rate)).toBeLessThanOrEqual(Math.abs(nearest) + 1e-7 * (1 + Math.abs(nearest)));
  }
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

  it('finds both of two zeros closer together than its grid: −100, 203, −103.02 at 1 % and 3.02 %', () => {
    // −100 + 203x − 103.02x² = 0 with x = 1/(1 + r): x = (203 ± 1)/206.04, r = 1 % and 3.02 %.
    // A sign-change scan with 3 % steps sees −0.02 at 0 % and −0.03 at 3.2 % and misses both.
    expect(npvAtRate(0.01, [-100, 203, -103.02])).toBe(0);
    expect(monthlyIrr([-100, 203, -103.02])).toBeCloseTo(0.01, 13); // 103.02 is not exact in binary
    // the far zero alone, when the near one is gone: −100·(1 − 1.0302x)(1 − 1.02x)… shifted
    expect(monthlyIrr([-100, 205.02, -105.0804])).toBeCloseTo(0.02, 13); // zeros at 2 % and 3.02 %
  });

  it('finds a double zero, where the NPV touches 0 without crossing: −100, 220, −121 at 10 %', () => {
    // −100 + 220x − 121x² = −(11x − 10)²/1: zero only at x = 10/11, r = 10 % a month.
    expect(npvAtRate(0.1, [-100, 220, -121])).toBe(0);
    const result = irr([-100, 220, -121]);
    expect(result.monthly).toBeCloseTo(0.1, 12);
    expect(result.annual).toBeCloseTo(Math.pow(1.1, 12) - 1, 10);
    // a touch within the tolerance counts: the NPV peaks at −8.3e-9 on a gross of ~400
    expect(monthlyIrr([-100, 220, -121.00000001])).toBeCloseTo(0.1, 7);
    // pushed a little further down the NPV never reaches zero: no IRR, and it says why
    expect(irr([-100, 220, -121.0001])).toEqual({
      monthly: null,
      annual: null,
      reason: IRR_NO_ROOT,
    });
    // pushed up, it crosses twice, at 9.9 % and 10.1 %: the nearer one
    expect(monthlyIrr([-100, 220, -120.9999])).toBeCloseTo(0.099, 9);
  });

  it('says there is no IRR when the NPV stays below zero: −100, +190, −100', () => {
    // −100 + 190x − 100x² peaks at x = 0.95 at −9.75: no rate makes the NPV zero
    expect(irr([-100, 190, -100])).toEqual({ monthly: null, annual: null, reason: IRR_NO_ROOT });
    expect(referenceZeros([-100, 190, -100], 1e-3)).toEqual([]);
  });

  it('agrees with the independent reference on its own worked cases', () => {
    for (const flows of [
      [-100, 203, -103.02],
      [-100, 220, -121],
      [-100, 230, -132],
      [-100, 190, -88],
      [-100, 205, -104.5],
      [-70000, 12000, 15000, 18000, 21000, 26000],
    ]) {
      expectHonestIrr(flows);
    }
  });

  it('makes the NPV zero: conventional flows (investment, then income)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (investments, income) => {
          const flows = [...investments.map((v) => -v), ...income];
          const result = irr(flows);
          if (result.monthly === null) {
            // One sign change: one zero at most (Descartes), so null means it lies outside
            // −99 % … +1,000 %: the NPV has the same sign at both ends.
            if (result.reason === IRR_NO_ROOT) {
              expect(npvAtRate(-0.99, flows) > 0).toBe(npvAtRate(10, flows) > 0);
            } else expect(income.every((v) => v === 0)).toBe(true);
            return;
          }
          const rate = result.monthly;
          // the discounted flows' gross size: what "≈ 0" is relative to
          const gross = npvAtRate(rate, flows.map(Math.abs));
          expect(Math.abs(npvAtRate(rate, flows))).toBeLessThanOrEqual(1e-9 * gross);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('returns a zero, the nearest to 0 %, or null only when there is none: any flows', () => {
    fc.assert(
      fc.property(
        // amounts in cents, as money is; short series, where zeros are few and close
        fc.array(
          fc.integer({ min: -1e8, max: 1e8 }).map((cents) => cents / 100),
          { minLength: 2, maxLength: 8 },
        ),
        (flows) => expectHonestIrr(flows),
      ),
      { numRuns: 300 },
    );
  });

  it('tells a double zero from two close zeros and from none: flows built around a touch', () => {
    // NPV = −A·x·(1 − kx)²·(1 + cx) + δ·x³: a double zero at r = k − 1 when δ = 0, split into two
    // close zeros by δ of one sign and lifted off zero by the other.
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.double({ min: -0.2, max: 2, noNaN: true }),
        fc.constantFrom(0, 1e-12, -1e-12, 1e-9, -1e-9, 1e-6, -1e-6, 1e-3, -1e-3),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (k, c, delta, scale) => {
          const a = [-1, 2 * k, -k * k + delta];
          const flows = [a[0]!, a[1]! + c * a[0]!, a[2]! + c * a[1]!, c * a[2]!].map(
            (v) => v * scale,
          );
          expectHonestIrr(flows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('makes the NPV change sign at the IRR, or touch zero: any flows', () => {
    fc.assert(
      fc.property(
        // amounts in cents, as money is
        fc.array(
          fc.integer({ min: -1e8, max: 1e8 }).map((cents) => cents / 100),
          { minLength: 2, maxLength: 48 },
        ),
        (flows) => {
          const result = irr(flows);
          if (result.monthly === null) {
            // checked against the reference zeros in the property above; here at least the
            // NPV must keep one sign across the range
            if (result.reason === IRR_NO_ROOT) {
              expect(npvAtRate(-0.99, flows) > 0).toBe(npvAtRate(10, flows) > 0);
            }
            return;
          }
          const rate = result.monthly;
          const gross = npvAtRate(rate, flows.map(Math.abs));
          const step = 1e-6 * Math.max(1e-3, 1 + rate);
          const below = npvAtRate(rate - step, flows);
          const above = npvAtRate(rate + step, flows);
          const atRate = npvAtRate(rate, flows);
          // a sign change across the rate, or an NPV at the rate that is zero to the tolerance
          const changesSign = (below <= 0 && above >= 0) || (below >= 0 && above <= 0);
          expect(changesSign || Math.abs(atRate) <= 2 * IRR_TOUCH_TOLERANCE * gross).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
