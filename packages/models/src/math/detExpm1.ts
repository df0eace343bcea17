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

import { highWord, lowWord, twoToThe } from './bits.ts';

/*
 * Speed: as in detLog, the constants are declared inside the functions that use them (V8 folds
 * those but reloads module-level ones on every use), and detExpm1 is a small dispatch, with the
 * common case |x| ≤ ln2/2 on its own short path, so that V8 can inline it into the caller's loop
 * (fdlibm's function in one piece is over V8's 460-byte limit).
 */

/**
 * e^x − 1, accurate also when x is tiny (where `detExp(x) - 1` would cancel away the digits of
 * x), computed with IEEE-754 basic operations only so it gives the same bits in every JavaScript
 * engine.
 *
 * Method (fdlibm): reduce x = k·ln2 + r with |r| ≤ ln2/2, carrying the rounding error of r as a
 * correction c; approximate
 *   expm1(r) = r + r²/2 + (r³/2)·[(3 − (R1 + R1·r/2)) / (6 − r·(3 − R1·r/2))]
 * with R1 a degree-5 Remez polynomial in r² (error below 2^-61); then
 * expm1(x) = 2^k·(expm1(r) + 1) − 1, arranged per range of k to avoid cancellation.
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
  const ax = highWord(x) & 0x7fffffff; // high word of |x|
  if (ax <= 0x3fd62e42 && ax >= 0x3c900000) {
    // 2^-54 ≤ |x| ≤ ln2/2: no reduction (k = 0)
    const e = expm1Correction(x);
    return x - (x * e - x * (0.5 * x));
  }
  return expm1OfOther(x);
}

/**
 * fdlibm's E for x in [−ln2/2, ln2/2]: with hxs = x²/2, expm1(x) = x − (x·E − hxs), where
 * E = hxs·(R1 − t)/(6 − x·t), t = 3 − R1·x/2, R1 the degree-5 polynomial in hxs.
 */
function expm1Correction(x: number): number {
  // Scaled coefficients: Qn here = 2^n · Qn of the rational approximation, for R(2z), z = x²/2.
  const Q1 = -0.03333333333333313; /* 0xbfa11111 0x111110f4 */
  const Q2 = 0.0015873015872548146; /* 0x3f5a01a0 0x19fe5585 */
  const Q3 = -0.0000793650757867488; /* 0xbf14ce19 0x9eaadbb7 */
  const Q4 = 0.000004008217827329362; /* 0x3ed0cfca 0x86e65239 */
  const Q5 = -2.0109921818362437e-7; /* 0xbe8afdb7 0x6e09c32d */
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3.0 - r1 * hfx;
  return hxs * ((r1 - t) / (6.0 - x * t));
}

/** fdlibm's expm1 outside the fast path: tiny, |x| > ln2/2, ±Infinity, NaN. */
function expm1OfOther(x: number): number {
  const O_THRESHOLD = 709.782712893384; /* 0x40862e42 0xfefa39ef */
  const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
  const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
  const INVLN2 = 1.4426950408889634; /* 0x3ff71547 0x652b82fe */
  const TWO1023 = 8.98846567431158e307; /* 0x7fe00000 0x00000000 = 2^1023 */

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

  if (hx <= 0x3fd62e42) return x; // |x| < 2^-54 (the fast path took the rest): rounds to x

  // Argument reduction: x = k·ln2 + r, r = hi − lo rounded, c its rounding error; k ≠ 0 here.
  let hi: number;
  let lo: number;
  let k: number;
  if (hx < 0x3ff0a2b2) {
    // ln2/2 < |x| < 1.5·ln2
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
  const c = hi - x - lo;

  // x is now in [−ln2/2, ln2/2]; scale back: expm1 = 2^k·(expm1(r) + 1) − 1, per range of k.
  const hxs = x * (0.5 * x);
  let e = expm1Correction(x);
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
    else y = y * twoToThe(k);
    return y - 1.0;
  }
  // 2 ≤ k ≤ 56. fdlibm builds 2^k and 2^-k from exponent bits; the table holds the same doubles.
  if (k < 20) {
    const t = 1 - twoToThe(-k); // 1 − 2^-k, exact
    y = t - (e - x);
    y = y * twoToThe(k);
  } else {
    const t = twoToThe(-k); // 2^-k
    y = x - (e + t);
    y += 1.0;
    y = y * twoToThe(k);
  }
  return y;
}
