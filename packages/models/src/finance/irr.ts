import { detExpm1 } from '../math/detExpm1.ts';
import { detLog1p } from '../math/detLog1p.ts';
import { requireSeries } from './checks.ts';

/** Internal rate of return, per month and per year, or why there is none. */
export type IrrResult =
  { monthly: number; annual: number } | { monthly: null; annual: null; reason: string };

/** Why an IRR is missing; the texts are part of the API (the app shows them). */
export const IRR_NO_INVESTMENT = 'all flows non-negative: no investment to earn a return on';
export const IRR_NEVER_PAYS_BACK = 'never pays back: flows never turn positive';
export const IRR_NO_ROOT =
  'no rate between -99 % and +1,000 % a month makes the NPV zero: the flows have no IRR';

/** Monthly rates searched: −99 % to +1,000 % a month. */
const MIN_MONTHLY_RATE = -0.99;
const MAX_MONTHLY_RATE = 10;

/**
 * The scan grid: rates evenly spaced in ln(1 + r), 1/32 apart (about 3 % a month near 0 %),
 * starting at 0 % and going out to +1,000 % (POSITIVE_RATES) and to −99 % (NEGATIVE_RATES).
 * Built once, with detExpm1, so the grid itself is bit-identical everywhere.
 */
const GRID_STEP = 1 / 32;
const POSITIVE_RATES = rateGrid(MAX_MONTHLY_RATE);
const NEGATIVE_RATES = rateGrid(MIN_MONTHLY_RATE);

function rateGrid(limit: number): Float64Array {
  const steps = Math.ceil(Math.abs(detLog1p(limit)) / GRID_STEP);
  const direction = limit > 0 ? GRID_STEP : -GRID_STEP;
  const rates = new Float64Array(steps + 1);
  for (let k = 1; k < steps; k++) rates[k] = detExpm1(k * direction);
  rates[steps] = limit;
  return rates;
}

/**
 * Internal rate of return (IRR): the monthly discount rate r at which the NPV of the monthly flows
 * is zero, Σ_m flow_m · (1 + r)^(−m) = 0, and its annual equivalent (1 + r)^12 − 1. The same
 * root as Excel's IRR of the same values: Excel takes the first value undiscounted, which
 * multiplies the NPV by (1 + r) and leaves its zeros where they are.
 *
 * How: no Newton iteration from a guess (which is how Excel's IRR can fail or depend on the guess).
 * The NPV is scanned on a fixed grid of rates from −99 % to +1,000 % a month, working outward
 * from 0 %, and every sign change is refined by Brent's method (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4: bisection safeguarding secant and inverse quadratic
 * steps) to full double precision. Only basic arithmetic is used, so the result is bit-identical in
 * Node and browsers.
 *
 * When the NPV has several zeros (flows that change sign more than once can have several IRRs),
 * the one closest to 0 % is returned, the convention of numpy-financial's `irr`. Two zeros closer
 * together than one grid step (about 3 %) cancel out and are not seen.
 *
 * No IRR (`monthly: null`, with a reason) when no flow is negative ("no investment to earn a return
 * on"), when no flow is positive ("never pays back"), or when the NPV does not change sign between
 * −99 % and +1,000 % a month.
 *
 * @param flows - net cash flow of each month, index 0 = month 1
 * @example
 * irr([-70000, 12000, 15000, 18000, 21000, 26000]).monthly; // => 0.08663094803653164
 * // Microsoft's Excel IRR example: 8.7 % per period
 */
export function irr(flows: ArrayLike<number>): IrrResult {
  requireSeries('flows', flows);
  let hasNegative = false;
  let hasPositive = false;
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    if (flow < 0) hasNegative = true;
    else if (flow > 0) hasPositive = true;
  }
  if (!hasNegative) return { monthly: null, annual: null, reason: IRR_NO_INVESTMENT };
  if (!hasPositive) return { monthly: null, annual: null, reason: IRR_NEVER_PAYS_BACK };

  const monthly = rootClosestToZero(flows);
  if (Number.isNaN(monthly)) return { monthly: null, annual: null, reason: IRR_NO_ROOT };
  return { monthly, annual: detExpm1(12 * detLog1p(monthly)) };
}

/**
 * The zero of the NPV closest to 0 %, or NaN. Cells of the grid are visited in order of their
 * nearest point to 0 %, alternating sides, and the search stops as soon as no unvisited cell can
 * hold a zero closer than the best one found: the usual case (one zero, a few % a month) costs a
 * handful of NPV evaluations.
 */
function rootClosestToZero(flows: ArrayLike<number>): number {
  let best = NaN;
  const atZero = scaledNpv(0, flows);
  if (atZero === 0) return 0;

  let up = 0; // the positive side's next cell is [POSITIVE_RATES[up], POSITIVE_RATES[up + 1]]
  let down = 0; // the negative side's next cell is [NEGATIVE_RATES[down + 1], NEGATIVE_RATES[down]]
  let valueUp = atZero;
  let valueDown = atZero;
  const lastUp = POSITIVE_RATES.length - 1;
  const lastDown = NEGATIVE_RATES.length - 1;
  while (up < lastUp || down < lastDown) {
    const nearUp = up < lastUp ? POSITIVE_RATES[up]! : Infinity;
    const nearDown = down < lastDown ? -NEGATIVE_RATES[down]! : Infinity;
    const nearest = Math.min(nearUp, nearDown);
    if (!Number.isNaN(best) && Math.abs(best) <= nearest) break; // nothing closer remains
    if (nearUp <= nearDown) {
      const a = POSITIVE_RATES[up]!;
      const b = POSITIVE_RATES[up + 1]!;
      const valueB = scaledNpv(b, flows);
      const root = zeroInCell(a, b, valueUp, valueB, flows);
      if (!Number.isNaN(root) && (Number.isNaN(best) || Math.abs(root) < Math.abs(best)))
        best = root;
      up++;
      valueUp = valueB;
    } else {
      const a = NEGATIVE_RATES[down]!;
      const b = NEGATIVE_RATES[down + 1]!;
      const valueB = scaledNpv(b, flows);
      const root = zeroInCell(a, b, valueDown, valueB, flows);
      if (!Number.isNaN(root) && (Number.isNaN(best) || Math.abs(root) < Math.abs(best)))
        best = root;
      down++;
      valueDown = valueB;
    }
  }
  return best;
}

/**
 * A zero of the NPV in the cell from a (nearer to 0 %) to b, or NaN when the NPV keeps its sign.
 * A zero exactly at a was already reported by the previous cell (or is 0 % itself).
 */
function zeroInCell(
  a: number,
  b: number,
  fa: number,
  fb: number,
  flows: ArrayLike<number>,
): number {
  if (fb === 0) return b;
  if (fa === 0 || fa > 0 === fb > 0) return NaN;
  return brentZero(a, b, fa, fb, flows);
}

/**
 * The NPV at monthly rate r, scaled by a positive factor so that it never overflows: for r ≥ 0 the
 * NPV itself, Σ f_m·x^m with x = 1/(1 + r) ≤ 1; for r < 0 the NPV times (1 + r)^n,
 * Σ f_m·(1 + r)^(n−m), powers of a number below 1. Both by Horner's rule, n multiply-adds. The
 * scale changes neither the sign nor the zeros, and the two forms agree at r = 0.
 */
function scaledNpv(r: number, flows: ArrayLike<number>): number {
  const n = flows.length;
  if (r >= 0) {
    const x = 1 / (1 + r);
    let acc = flows[n - 1]!;
    for (let i = n - 2; i >= 0; i--) acc = acc * x + flows[i]!;
    return acc * x;
  }
  const y = 1 + r;
  let acc = flows[0]!;
  for (let i = 1; i < n; i++) acc = acc * y + flows[i]!;
  return acc;
}

/**
 * Tolerances on the rate: relative, a few ulp (full double precision); absolute, 1e-18 a month,
 * which only matters for a rate within a hair of 0 % and is far below anything a CFO reads.
 */
const EPSILON = 2 ** -52;
const ABSOLUTE_TOLERANCE = 1e-18;

/**
 * Brent's zero finder (the classic "zeroin", Brent 1973, ch. 4, as in Netlib's zeroin.f) on
 * [a, b] where fa and fb have opposite signs. Converges superlinearly, never slower than
 * bisection; stops when the bracket is within 2·ε·|b| + 1e-18/2.
 */
function brentZero(a: number, b: number, fa: number, fb: number, flows: ArrayLike<number>): number {
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (Math.abs(fc) < Math.abs(fb)) {
      // make b the best estimate so far
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * EPSILON * Math.abs(b) + 0.5 * ABSOLUTE_TOLERANCE;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // try interpolation: secant when only two points are known, else inverse quadratic
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d; // accept interpolation
        d = p / q;
      } else {
        d = half; // fall back to bisection
        e = d;
      }
    } else {
      d = half; // bisection
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = scaledNpv(b, flows);
    if (fb > 0 === fc > 0) {
      // keep the zero between b and c
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return b;
}
