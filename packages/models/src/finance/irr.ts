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

/**
 * How close to zero the NPV must come, relative to the flows' gross present value
 * Σ |flow_m|·(1 + r)^(−m), for a rate where it only touches zero (a double root: the NPV turns
 * back before crossing) to count as an IRR. 1e-10 is a hundredth of a cent on 100 million: zero
 * for any money amount, yet a million times the rounding error of evaluating the NPV.
 */
export const IRR_TOUCH_TOLERANCE = 1e-10;

/** Monthly rates searched: −99 % to +1,000 % a month. */
const MIN_MONTHLY_RATE = -0.99;
const MAX_MONTHLY_RATE = 10;
const LOG_MIN = detLog1p(MIN_MONTHLY_RATE);
const LOG_MAX = detLog1p(MAX_MONTHLY_RATE);

/** Deepest halving of a grid cell: from ~3 % wide down to below one ulp of the rate. */
const MAX_DEPTH = 64;

const EPSILON = 2 ** -52;

/**
 * Internal rate of return (IRR): the monthly discount rate r at which the NPV of the monthly flows
 * is zero, Σ_m flow_m · (1 + r)^(−m) = 0, and its annual equivalent (1 + r)^12 − 1. The same
 * root as Excel's IRR of the same values: Excel takes the first value undiscounted, which
 * multiplies the NPV by (1 + r) and leaves its zeros where they are.
 *
 * How: no Newton iteration from a guess (which is how Excel's IRR can fail or depend on the guess).
 * With x = 1/(1 + r) the NPV is a polynomial in x of degree n (the months), so its zeros can be
 * isolated with certainty. The rates from −99 % to +1,000 % a month are cut into cells evenly
 * spaced in ln(1 + r) (1/32 apart, or 1/n for more than 32 months), visited outward from 0 %.
 * In each cell, a Taylor bound on the polynomial (its value and slope at an inner point, and a
 * bound on its second derivative over the cell from the absolute values of the flows, plus the
 * rounding error of evaluating it) proves either that the NPV is monotone there (then it has a
 * zero exactly when it changes sign across the cell) or that it stays away from zero; a cell that
 * is neither is halved, nearer half first. So two zeros closer together than a cell, which cancel
 * out in a sign-change scan, are both seen, and the nearer one is returned. A crossing is refined
 * by Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4:
 * bisection safeguarding secant and inverse quadratic steps) to full double precision.
 *
 * A double root (the NPV touches zero and turns back, e.g. −100, +220, −121 at 10 % a month) does
 * not change sign; it is found where the NPV comes within IRR_TOUCH_TOLERANCE (1e-10) of the flows'
 * gross present value of zero, and placed at the turning point (where the slope of the NPV
 * changes sign, again by Brent). Only basic arithmetic is used, so the result is bit-identical in
 * Node and browsers.
 *
 * When the NPV has several zeros (flows that change sign more than once can have several IRRs),
 * the one closest to 0 % is returned, the convention of numpy-financial's `irr`.
 *
 * No IRR (`monthly: null`, with a reason), and these are the only cases:
 * - every flow is ≥ 0 (or there are none): IRR_NO_INVESTMENT;
 * - every flow is ≤ 0 and one is negative: IRR_NEVER_PAYS_BACK;
 * - the NPV neither crosses zero nor touches it (within IRR_TOUCH_TOLERANCE) at any rate from
 *   −99 % to +1,000 % a month: IRR_NO_ROOT. Flows whose only zeros lie outside that range (an
 *   investment of 1 returning 12 a month later: +1,100 %) and flows whose NPV never reaches zero
 *   (−100, +190, −100: the NPV peaks at −9.75 at 5.3 % a month) both land here.
 *
 * Cost: one NPV evaluation (n multiply-adds) per cell up to the IRR, a few more where the NPV is
 * close to zero without crossing it; about 7·n cells when there is no IRR at all.
 *
 * @param flows - net cash flow of each month, index 0 = month 1
 * @example
 * irr([-70000, 12000, 15000, 18000, 21000, 26000]).monthly; // => 0.08663094803653164
 * // Microsoft's Excel IRR example: 8.7 % per period
 * irr([-100, 220, -121]).monthly; // => 0.1 (a double root: the NPV touches zero at 10 %)
 * irr([-100, 190, -100]); // => { monthly: null, annual: null, reason: IRR_NO_ROOT }
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

  const monthly = new RootSearch(flows).closestToZero();
  if (Number.isNaN(monthly)) return { monthly: null, annual: null, reason: IRR_NO_ROOT };
  return { monthly, annual: detExpm1(12 * detLog1p(monthly)) };
}

/**
 * The NPV at monthly rate r, scaled by a positive factor so that it never overflows: for r ≥ 0 the
 * NPV itself, P(x) = Σ f_m·x^m with x = 1/(1 + r) ≤ 1; for r < 0 the NPV times (1 + r)^n,
 * Q(y) = Σ f_m·y^(n−m) with y = 1 + r < 1. Both by Horner's rule, n multiply-adds. The scale
 * changes neither the sign nor the zeros, and the two forms agree at r = 0.
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

/** The variable t of a side's polynomial at rate r: y = 1 + r below 0 %, x = 1/(1 + r) above. */
function variableAt(r: number, negativeSide: boolean): number {
  return negativeSide ? 1 + r : 1 / (1 + r);
}

/**
 * The search for the IRR of one series of flows. `probe` evaluates a side's polynomial at a rate
 * and leaves the results in fields (no allocation per evaluation): its value (bit for bit
 * scaledNpv's), its slope in t, and the same sums over |flows| (the gross value G0 and bounds G1,
 * G2 on the first two derivatives for every t up to this one, since t > 0).
 */
class RootSearch {
  private readonly n: number;
  /** Bound on the relative rounding error of a Horner evaluation of degree ≤ n, with margin. */
  private readonly rounding: number;
  private value = 0;
  private slope = 0;
  private gross = 0;
  private grossSlope = 0;
  private grossCurvature = 0;
  private t = 0;

  constructor(private readonly flows: ArrayLike<number>) {
    this.n = flows.length;
    this.rounding = 4 * (this.n + 2) * EPSILON;
  }

  private probe(r: number, negativeSide: boolean): void {
    const flows = this.flows;
    const t = variableAt(r, negativeSide);
    // Horner's rule for the value, the first derivative and half the second, on the flows and on
    // their absolute values, highest power first.
    let v = 0;
    let d1 = 0;
    let d2 = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    if (negativeSide) {
      for (let i = 0; i < this.n; i++) {
        const c = flows[i]!;
        d2 = d2 * t + d1;
        d1 = d1 * t + v;
        v = v * t + c;
        g2 = g2 * t + g1;
        g1 = g1 * t + g0;
        g0 = g0 * t + Math.abs(c);
      }
    } else {
      for (let i = this.n - 1; i >= -1; i--) {
        const c = i >= 0 ? flows[i]! : 0; // the constant term: no flow at month 0
        d2 = d2 * t + d1;
        d1 = d1 * t + v;
        v = v * t + c;
        g2 = g2 * t + g1;
        g1 = g1 * t + g0;
        g0 = g0 * t + Math.abs(c);
      }
    }
    this.value = v;
    this.slope = d1;
    this.gross = g0;
    this.grossSlope = g1;
    this.grossCurvature = 2 * g2;
    this.t = t;
  }

  /** The NPV's slope in r (its sign only matters): dt/dr is −t² above 0 %, 1 below. */
  private slopeInRate(r: number): number {
    const negativeSide = r < 0;
    this.probe(r, negativeSide);
    return negativeSide ? this.slope : -this.slope * this.t * this.t;
  }

  /**
   * The zero closest to 0 %, or NaN. Cells are visited in order of their nearest point to 0 %,
   * alternating sides, and the search stops as soon as no unvisited cell can hold a zero closer
   * than the best one found: the usual case (one zero, a few % a month) costs a handful of cells.
   */
  closestToZero(): number {
    this.probe(0, false);
    const valueAtZero = this.value;
    if (valueAtZero === 0) return 0;
    if (Math.abs(valueAtZero) <= IRR_TOUCH_TOLERANCE * this.gross) {
      return this.touchingRoot(0, valueAtZero);
    }
    const step = Math.min(1 / 32, 1 / this.n);
    // Each side's next cell runs from its near end (rate, value, curvature bound) outward.
    const up = { k: 0, rate: 0, value: valueAtZero, curvature: this.grossCurvature, done: false };
    this.probe(0, true);
    const down = { k: 0, rate: 0, value: this.value, curvature: this.grossCurvature, done: false };

    let best = NaN;
    while (!up.done || !down.done) {
      const nearUp = up.done ? Infinity : up.rate;
      const nearDown = down.done ? Infinity : -down.rate;
      if (!Number.isNaN(best) && Math.abs(best) <= Math.min(nearUp, nearDown)) break;
      const side = nearUp <= nearDown ? up : down;
      const negativeSide = side === down;
      side.k++;
      const logFar = side.k * step * (negativeSide ? -1 : 1);
      const last = negativeSide ? logFar <= LOG_MIN : logFar >= LOG_MAX;
      const far = last ? (negativeSide ? MIN_MONTHLY_RATE : MAX_MONTHLY_RATE) : detExpm1(logFar);
      this.probe(far, negativeSide);
      const valueFar = this.value;
      const curvatureFar = this.grossCurvature;
      const root = this.searchCell(
        side.rate,
        far,
        side.value,
        valueFar,
        side.curvature,
        negativeSide,
        0,
      );
      if (!Number.isNaN(root) && (Number.isNaN(best) || Math.abs(root) < Math.abs(best))) {
        best = root;
      }
      side.rate = far;
      side.value = valueFar;
      side.curvature = curvatureFar;
      side.done = last;
    }
    return best;
  }

  /**
   * The zero of the NPV in the cell from `near` (the end nearer 0 %) to `far` that is nearest to
   * 0 %, or NaN. A zero exactly at `near` belongs to the previous cell. `curvature` bounds the
   * second derivative of the side's polynomial over the cell (G2 at the near end, where t is
   * largest).
   */
  private searchCell(
    near: number,
    far: number,
    valueNear: number,
    valueFar: number,
    curvature: number,
    negativeSide: boolean,
    depth: number,
  ): number {
    const crosses = valueNear !== 0 && valueFar !== 0 && valueNear > 0 !== valueFar > 0;
    const none = valueFar === 0 ? far : NaN;
    const tNear = variableAt(near, negativeSide);
    const tFar = variableAt(far, negativeSide);
    const tMid = 0.5 * (tNear + tFar);
    const mid = negativeSide ? tMid - 1 : 1 / tMid - 1;
    if (!(near < mid === mid < far) || depth >= MAX_DEPTH) {
      // Nothing left to halve: a crossing is refined, anything else is below resolution.
      return crosses ? this.brent(near, far, valueNear, valueFar) : none;
    }

    this.probe(mid, negativeSide);
    const value = this.value;
    const gross = this.gross;
    const curvatureMid = this.grossCurvature;
    const valueError = this.rounding * gross;
    const slopeError = this.rounding * this.grossSlope;
    const slope = Math.abs(this.slope);
    const h = Math.max(tNear - this.t, this.t - tFar); // farthest point of the cell from mid, in t

    // |P'(t) − P'(mid)| ≤ curvature·h: a slope bounded away from 0 means monotone, one zero at most.
    if (slope - slopeError > curvature * h) {
      return crosses ? this.brent(near, far, valueNear, valueFar) : none;
    }
    // |P(t) − P(mid)| ≤ |P'(mid)|·h + curvature·h²/2: a value further from 0 than that, no zero.
    if (
      !crosses &&
      Math.abs(value) - valueError > (slope + slopeError) * h + 0.5 * curvature * h * h
    ) {
      return none;
    }
    const inNearHalf = this.searchCell(
      near,
      mid,
      valueNear,
      value,
      curvature,
      negativeSide,
      depth + 1,
    );
    if (!Number.isNaN(inNearHalf)) return inNearHalf;
    if (Math.abs(value) <= IRR_TOUCH_TOLERANCE * gross) {
      return this.touchingRoot(mid, value);
    }
    return this.searchCell(mid, far, value, valueFar, curvatureMid, negativeSide, depth + 1);
  }

  /**
   * A rate where the NPV is zero to IRR_TOUCH_TOLERANCE, and nothing nearer 0 % is a zero. Place
   * the root exactly: a crossing next to it (a simple root) is refined by Brent; otherwise the
   * turning point where the NPV's slope changes sign (a double root) is. The bracket grows from a
   * few ulp outward, both ways, while either end is still within the tolerance (the turning point
   * of a double root lies in the middle of that band), and at most 1 % a month.
   */
  private touchingRoot(rate: number, value: number): number {
    if (value === 0) return rate;
    const towardZero = rate > 0 ? -1 : 1;
    const slopeHere = this.slopeInRate(rate);
    const reach = 0.01 * (1 + Math.abs(rate));
    for (let w = 2 ** -40 * (1 + Math.abs(rate)); w <= reach; w *= 2) {
      const nearer = Math.max(MIN_MONTHLY_RATE, rate + towardZero * w);
      const farther = Math.min(MAX_MONTHLY_RATE, Math.max(MIN_MONTHLY_RATE, rate - towardZero * w));
      this.probe(nearer, nearer < 0);
      const valueNearer = this.value;
      const nearerInBand = Math.abs(valueNearer) <= IRR_TOUCH_TOLERANCE * this.gross;
      if (valueNearer !== 0 && valueNearer > 0 !== value > 0) {
        return this.brent(nearer, rate, valueNearer, value);
      }
      this.probe(farther, farther < 0);
      const valueFarther = this.value;
      const fartherInBand = Math.abs(valueFarther) <= IRR_TOUCH_TOLERANCE * this.gross;
      if (valueFarther !== 0 && valueFarther > 0 !== value > 0) {
        return this.brent(rate, farther, value, valueFarther);
      }
      // A turning point between: a double zero there, or, when the NPV turns beyond zero, two
      // crossings either side of it that one doubling of the bracket stepped over.
      const slopeNearer = this.slopeInRate(nearer);
      const slopeFarther = this.slopeInRate(farther);
      const slopeAt = (r: number) => this.slopeInRate(r);
      if (slopeNearer > 0 !== slopeHere > 0) {
        const turning = this.brentOn(slopeAt, nearer, rate, slopeNearer, slopeHere);
        const valueTurning = scaledNpv(turning, this.flows);
        if (valueTurning === 0) return turning;
        if (valueTurning > 0 !== value > 0) {
          return this.brent(nearer, turning, valueNearer, valueTurning);
        }
        return Math.abs(valueTurning) <= Math.abs(value) ? turning : rate;
      }
      if (slopeFarther > 0 !== slopeHere > 0) {
        const turning = this.brentOn(slopeAt, rate, farther, slopeHere, slopeFarther);
        const valueTurning = scaledNpv(turning, this.flows);
        if (valueTurning === 0) return turning;
        if (valueTurning > 0 !== value > 0) return this.brent(rate, turning, value, valueTurning);
        return Math.abs(valueTurning) <= Math.abs(value) ? turning : rate;
      }
      if (!nearerInBand && !fartherInBand) break;
    }
    return rate;
  }

  private brent(a: number, b: number, fa: number, fb: number): number {
    return this.brentOn((r) => scaledNpv(r, this.flows), a, b, fa, fb);
  }

  private brentOn(f: (r: number) => number, a: number, b: number, fa: number, fb: number): number {
    if (fa === 0) return a;
    if (fb === 0) return b;
    return brentZero(f, a, b, fa, fb);
  }
}

/**
 * Tolerance on the rate: relative, a few ulp (full double precision); absolute, 1e-18 a month,
 * which only matters for a rate within a hair of 0 % and is far below anything a CFO reads.
 */
const ABSOLUTE_TOLERANCE = 1e-18;

/**
 * Brent's zero finder (the classic "zeroin", Brent 1973, ch. 4, as in Netlib's zeroin.f) of f on
 * [a, b] where fa and fb have opposite signs. Converges superlinearly, never slower than
 * bisection; stops when the bracket is within 2·ε·|b| + 1e-18/2.
 */
function brentZero(f: (r: number) => number, a: number, b: number, fa: number, fb: number): number {
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
    fb = f(b);
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
