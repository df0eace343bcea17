/*
 * Port of fdlibm's e_exp.c (as kept in FreeBSD msun, lib/msun/src/e_exp.c) to TypeScript.
 *
 * ====================================================
 * Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
 *
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
 * those but reloads module-level ones on every use), and detExp is a small dispatch that V8 can
 * inline into the caller's loop (fdlibm's function in one piece is over V8's 460-byte limit).
 */

/**
 * Exponential, e^x, computed with IEEE-754 basic operations only, so it gives the same bits in
 * every JavaScript engine (Node's V8 and Chromium's V8 can differ in the last bit of `Math.exp`).
 *
 * Method (fdlibm): reduce x = k·ln2 + r with |r| ≤ ln2/2 (r carried as hi − lo for accuracy);
 * approximate e^r by the rational form e^r = 1 + r + r·c/(2 − c), where c = r − r²·P(r²) and P is
 * a degree-5 Remez fit (error below 2^-59) to r·(e^r + 1)/(e^r − 1); scale by 2^k.
 *
 * Accuracy: below 1 ulp (fdlibm's error analysis); checked here against correctly rounded values.
 *
 * Special cases, as `Math.exp`: e^NaN = NaN, e^+Infinity = +Infinity, e^−Infinity = +0;
 * e^x = +Infinity for x > 709.782712893384 and +0 for x < −745.1332191019411; results below
 * 2^-1022 are subnormal, rounded once.
 *
 * @param x - any number
 * @returns e^x
 * @example
 * detExp(0); // => 1
 * detExp(1); // => 2.7182818284590455 (1 ulp above Math.E, the double nearest e: within the bound)
 * detExp(-Infinity); // => 0
 */
export function detExp(x: number): number {
  const hx = highWord(x) & 0x7fffffff; // high word of |x|
  if (hx >= 0x40862e42) return expOfLarge(x, hx); // |x| ≥ 709.78…, ±Infinity, NaN
  if (hx < 0x3e300000) return 1 + x; // |x| < 2^-28: e^x rounds to 1 + x
  return expOfModerate(x, hx);
}

/** fdlibm's exp for |x| ≥ 709.78…: NaN, ±Infinity, overflow, underflow, or a finite result. */
function expOfLarge(x: number, hx: number): number {
  const O_THRESHOLD = 709.782712893384; /* 0x40862e42 0xfefa39ef */
  const U_THRESHOLD = -745.1332191019411; /* 0xc0874910 0xd52d3051 */
  if (hx >= 0x7ff00000) {
    if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
    return x < 0 ? 0 : x; // e^+∞ = +∞, e^−∞ = +0
  }
  if (x > O_THRESHOLD) return Infinity;
  if (x < U_THRESHOLD) return 0;
  return expOfModerate(x, hx);
}

/** fdlibm's exp for 2^-28 ≤ |x| ≤ 745.13…, hx the high word of |x|. */
function expOfModerate(x: number, hx: number): number {
  const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
  const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
  const INVLN2 = 1.4426950408889634; /* 0x3ff71547 0x652b82fe */
  const P1 = 0.16666666666666602; /* 0x3fc55555 0x5555553e */
  const P2 = -0.0027777777777015593; /* 0xbf66c16c 0x16bebd93 */
  const P3 = 0.00006613756321437934; /* 0x3f11566a 0xaf25de2c */
  const P4 = -0.0000016533902205465252; /* 0xbebbbd41 0xc5d26bf1 */
  const P5 = 4.1381367970572385e-8; /* 0x3e663769 0x72bea4d0 */
  const TWOM1000 = 9.332636185032189e-302; /* 0x01700000 0x00000000 = 2^-1000 */
  const TWO1023 = 8.98846567431158e307; /* 0x7fe00000 0x00000000 = 2^1023 */

  // Argument reduction: x = k·ln2 + (hi − lo), |hi − lo| ≤ ln2/2.
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    const negative = x < 0;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2: k = ±1
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
  }

  // x is now in [−ln2/2, ln2/2].
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO1023;
    // y · 2^k: fdlibm builds 2^k from its exponent bits (INSERT_WORDS); the table holds the same
    // doubles without a store-to-load stall.
    return y * twoToThe(k);
  }
  // Subnormal result: scale by 2^(k+1000) (still normal), then by 2^-1000, rounding once.
  return y * twoToThe(k + 1000) * TWOM1000;
}
