/*
 * Port of fdlibm's s_log1p.c (as kept in FreeBSD msun, lib/msun/src/s_log1p.c) to TypeScript.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Constants: each literal below is the shortest decimal that reads back as exactly the double whose
 * two 32-bit words fdlibm gives in hexadecimal; the words are in the comment beside it.
 */

import { highWord, withHighWord } from './bits.ts';

/*
 * Speed: as in detLog, the constants are declared inside the functions that use them (V8 folds
 * those but reloads module-level ones on every use), and detLog1p is a small dispatch, with the
 * common case −0.29 ≤ x < 0.41 on its own short path, so that V8 can inline it into the caller's
 * loop (fdlibm's function in one piece is over V8's 460-byte limit).
 */

/** High word of −0.2929 (1 + x ≈ √2/2), as a signed integer: fdlibm's `(int32_t)0xbfd2bec4`. */
const MINUS_0_2929_HIGH = 0xbfd2bec4 | 0;

/**
 * ln(1 + x), accurate also when x is tiny (where `detLog(1 + x)` would lose the digits of x in the
 * rounding of 1 + x), computed with IEEE-754 basic operations only so it gives the same bits in
 * every JavaScript engine.
 *
 * Method (fdlibm): find k and f with 1 + x = 2^k·(1 + f), √2/2 < 1 + f < √2; when k ≠ 0 the
 * rounding error of u = 1 + x is kept as a correction c/u; then ln(1 + f) is evaluated as in
 * {@link detLog} (s = f/(2 + f), degree-7 Remez polynomial in s²) and k·ln 2 added in two parts.
 *
 * Accuracy: below 1 ulp (fdlibm's error analysis); checked here against correctly rounded values.
 *
 * Special cases, as `Math.log1p`: log1p(−1) = −Infinity, log1p(x < −1) = NaN,
 * log1p(+Infinity) = +Infinity, log1p(NaN) = NaN, log1p(±0) = ±0, and log1p(x) = x for |x| < 2^-54.
 *
 * @param x - any number
 * @returns ln(1 + x)
 * @example
 * detLog1p(1e-20); // => 1e-20
 * detLog1p(1); // => 0.6931471805599453
 * detLog1p(-1); // => -Infinity
 */
export function detLog1p(x: number): number {
  const hx = highWord(x);
  if (hx < 0x3fda827a && (hx & 0x7fffffff) >= 0x3e200000 && (hx > 0 || hx <= MINUS_0_2929_HIGH)) {
    // √2/2 ≤ 1 + x < √2 and |x| ≥ 2^-29: no reduction needed, f = x exactly
    return log1pOfReduced(x, 0, 0);
  }
  return log1pOfOther(x, hx);
}

/** fdlibm's log1p outside the fast path: x ≤ −1, tiny x, x < −0.2929, x ≥ 0.4142, ∞, NaN. */
function log1pOfOther(x: number, hx: number): number {
  const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
  const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
  const ax = hx & 0x7fffffff;
  if (hx < 0x3fda827a) {
    // 1 + x < √2 (also every negative x)
    if (ax >= 0x3ff00000) {
      // x ≤ −1
      if (x === -1.0) return -Infinity;
      return NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54: ln(1 + x) rounds to x
      return x - x * x * 0.5;
    }
    // −1 < x < −0.2929: reduced below
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN

  // Reduction: 1 + x = 2^k·(1 + f), carrying the rounding error of 1 + x as c.
  let u: number;
  let k: number;
  let c: number;
  let hu: number;
  if (hx < 0x43400000) {
    u = 1.0 + x;
    hu = highWord(u);
    k = (hu >> 20) - 1023;
    c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // rounding error of 1 + x
    c /= u;
  } else {
    // x ≥ 2^53: 1 + x rounds to x
    u = x;
    hu = highWord(u);
    k = (hu >> 20) - 1023;
    c = 0;
  }
  hu &= 0x000fffff;
  // The threshold √2 here is stricter than the fast path's, so k = 0 is never reached from here
  // (this branch has committed to the correction term c, which the k = 0 path does not add).
  if (hu < 0x6a09e) {
    u = withHighWord(u, hu | 0x3ff00000); // normalize u
  } else {
    k += 1;
    u = withHighWord(u, hu | 0x3fe00000); // normalize u/2
    hu = (0x00100000 - hu) >> 2;
  }
  const f = u - 1.0;
  if (hu !== 0) return log1pOfReduced(f, k, c);

  // |f| < 2^-20
  if (f === 0) {
    if (k === 0) return 0;
    c += k * LN2_LO;
    return k * LN2_HI + c;
  }
  const r = 0.5 * f * f * (1.0 - 0.6666666666666666 * f);
  if (k === 0) return f - r;
  return k * LN2_HI - (r - (k * LN2_LO + c) - f);
}

/**
 * ln(2^k·(1 + f)) + c for √2/2 ≤ 1 + f < √2 (c: the rounding error of the reduction, 0 when
 * k = 0), with s = f/(2 + f) and the degree-7 polynomial in s².
 */
function log1pOfReduced(f: number, k: number, c: number): number {
  const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
  const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
  const LP1 = 0.6666666666666735; /* 0x3fe55555 0x55555593 */
  const LP2 = 0.3999999999940942; /* 0x3fd99999 0x9997fa04 */
  const LP3 = 0.2857142874366239; /* 0x3fd24924 0x94229359 */
  const LP4 = 0.22222198432149784; /* 0x3fcc71c5 0x1d8e78af */
  const LP5 = 0.1818357216161805; /* 0x3fc74664 0x96cb03de */
  const LP6 = 0.15313837699209373; /* 0x3fc39a09 0xd078c69f */
  const LP7 = 0.14798198605116586; /* 0x3fc2f112 0xdf3e5244 */
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}
