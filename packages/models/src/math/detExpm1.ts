/*
 * Port of fdlibm's s_expm1.c (as kept in FreeBSD msun, lib/msun/src/s_expm1.c) to TypeScript.
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

import { fromWords, highWord, lowWord } from './bits.ts';

const O_THRESHOLD = 709.782712893384; /* 0x40862e42 0xfefa39ef */
const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
const INVLN2 = 1.4426950408889634; /* 0x3ff71547 0x652b82fe */
// Scaled coefficients: Qn here = 2^n · Qn of the rational approximation, for R(2z), z = x²/2.
const Q1 = -0.03333333333333313; /* 0xbfa11111 0x111110f4 */
const Q2 = 0.0015873015872548146; /* 0x3f5a01a0 0x19fe5585 */
const Q3 = -0.0000793650757867488; /* 0xbf14ce19 0x9eaadbb7 */
const Q4 = 0.000004008217827329362; /* 0x3ed0cfca 0x86e65239 */
const Q5 = -2.0109921818362437e-7; /* 0xbe8afdb7 0x6e09c32d */
const TWO1023 = 8.98846567431158e307; /* 0x7fe00000 0x00000000 = 2^1023 */

/**
 * e^x − 1, accurate also when x is tiny (where `detExp(x) - 1` would cancel away the digits of x),
 * computed with IEEE-754 basic operations only so it gives the same bits in every JavaScript engine.
 *
 * Method (fdlibm): reduce x = k·ln2 + r with |r| ≤ ln2/2, carrying the rounding error of r as a
 * correction c; approximate expm1(r) = r + r²/2 + (r³/2)·[(3 − (R1 + R1·r/2)) / (6 − r·(3 − R1·r/2))]
 * with R1 a degree-5 Remez polynomial in r² (error below 2^-61); then expm1(x) = 2^k·(expm1(r) + 1) − 1,
 * arranged per range of k to avoid cancellation.
 *
 * Accuracy: below 1 ulp (fdlibm's error analysis); checked here against correctly rounded values.
 *
 * Special cases, as `Math.expm1`: expm1(NaN) = NaN, expm1(+Infinity) = +Infinity,
 * expm1(−Infinity) = −1, expm1(±0) = ±0; expm1(x) = −1 for x < −56·ln 2 and +Infinity for
 * x > 709.782712893384.
 *
 * @param x - any number
 * @returns e^x − 1
 * @example
 * detExpm1(1e-20); // => 1e-20
 * detExpm1(1); // => 1.718281828459045
 * detExpm1(-Infinity); // => -1
 */
export function detExpm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff; // high word of |x|

  // Huge and non-finite argument.
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln2
    if (hx >= 0x40862e42) {
      // |x| ≥ 709.78…
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return negative ? -1 : x; // expm1(+∞) = +∞, expm1(−∞) = −1
      }
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative) return -1; // x < −56·ln2: e^x is below half an ulp of 1
  }

  // Argument reduction: x = k·ln2 + r, r = hi − lo rounded, c its rounding error.
  let k: number;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      if (negative) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      }
    } else {
      k = (INVLN2 * x + (negative ? -0.5 : 0.5)) | 0; // truncation, as C's (int) conversion
      const t = k;
      hi = x - t * LN2_HI; // exact: t·ln2_hi has trailing zeros
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^-54: expm1(x) rounds to x
    return x;
  } else {
    k = 0;
  }

  // x is now in [−ln2/2, ln2/2].
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs); // c is 0
  const twopk = fromWords(0x3ff00000 + (k << 20), 0); // 2^k (meaningless when k = 1024; see below)
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1.0 + 2.0 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    // e^x − 1 is e^x, or −1, to working precision: return exp(x) − 1 directly
    y = 1.0 - (e - x);
    if (k === 1024) y = y * 2.0 * TWO1023;
    else y = y * twopk;
    return y - 1.0;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // t = 1 − 2^-k
    y = t - (e - x);
    y = y * twopk;
  } else {
    t = fromWords((0x3ff - k) << 20, 0); // t = 2^-k
    y = x - (e + t);
    y += 1.0;
    y = y * twopk;
  }
  return y;
}
