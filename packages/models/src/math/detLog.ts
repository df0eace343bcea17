/*
 * Port of fdlibm's e_log.c (as kept in FreeBSD msun, lib/msun/src/e_log.c) to TypeScript.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Constants: each literal below is the shortest decimal that reads back as exactly the double whose
 * two 32-bit words fdlibm gives in hexadecimal (fdlibm: "the hexadecimal values are the intended
 * ones"); the words are in the comment beside it.
 */

import { highWord, lowWord, twoToThe } from './bits.ts';

/*
 * Speed: the constants are declared inside the functions that use them, because V8's optimizing
 * compiler folds a function's own constants into the machine code but reloads module-level ones
 * from the module context on every use (about 15 % of detLog's time). And detLog itself is only a
 * dispatch to small functions, so that V8 inlines it into the caller's loop.
 */

/**
 * Natural logarithm, ln x, computed with IEEE-754 basic operations only, so it gives the same
 * bits in every JavaScript engine (Node's V8 and Chromium's V8 can differ in the last bit of
 * `Math.log`).
 *
 * Method (fdlibm): write x = 2^k · (1 + f) with √2/2 < 1 + f < √2; with s = f / (2 + f),
 * ln(1 + f) = 2s + 2s³/3 + 2s⁵/5 + … = 2s + s·R(s²), where R is a degree-7 polynomial in s² fitted
 * by Remez to 2^-58.45; then ln x = k·ln2_hi + (f − (f²/2 − (s·(f²/2 + R) + k·ln2_lo))), with ln 2
 * split in two so that k·ln2_hi is exact.
 *
 * Accuracy: below 1 ulp (fdlibm's error analysis); checked here against correctly rounded values.
 *
 * Special cases, as `Math.log`: ln(±0) = −Infinity, ln(x < 0) = NaN, ln(+Infinity) = +Infinity,
 * ln(NaN) = NaN, ln(1) = +0; subnormal x are scaled by 2^54 first.
 *
 * @param x - any number
 * @returns ln x
 * @example
 * detLog(1); // => 0
 * detLog(2); // => 0.6931471805599453 (= Math.LN2)
 * detLog(Math.E); // => 1
 */
export function detLog(x: number): number {
  const hx = highWord(x);
  // Zero, negative, subnormal, +Infinity and NaN leave the fast path. Keeping the fast path small
  // lets V8 inline detLog into the caller's loop (its limit is 460 bytes of bytecode; fdlibm's
  // function in one piece is 584); a call that is not inlined boxes its double argument and result
  // on the heap.
  if (hx < 0x00100000 || hx >= 0x7ff00000) return logOfSpecial(x, hx);
  return logOfNormal(x, hx, 0);
}

/** fdlibm's log for x = 0, x < 0, subnormal x, +Infinity and NaN. */
function logOfSpecial(x: number, hx: number): number {
  const TWO54 = 18014398509481984; /* 0x43500000 0x00000000 */
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN (a negative NaN has hx < 0 and stays NaN)
  if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity; // ln(±0) = −∞
  if (hx < 0) return NaN; // ln(negative) = NaN
  const scaled = x * TWO54; // subnormal: scale up into the normal range, take 54·ln2 back off
  return logOfNormal(scaled, highWord(scaled), -54);
}

/** fdlibm's log for a positive normal x whose high word is hx, plus k0·ln 2. */
function logOfNormal(x: number, hx: number, k0: number): number {
  const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
  const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
  const LG1 = 0.6666666666666735; /* 0x3fe55555 0x55555593 */
  const LG2 = 0.3999999999940942; /* 0x3fd99999 0x9997fa04 */
  const LG3 = 0.2857142874366239; /* 0x3fd24924 0x94229359 */
  const LG4 = 0.22222198432149784; /* 0x3fcc71c5 0x1d8e78af */
  const LG5 = 0.1818357216161805; /* 0x3fc74664 0x96cb03de */
  const LG6 = 0.15313837699209373; /* 0x3fc39a09 0xd078c69f */
  const LG7 = 0.14798198605116586; /* 0x3fc2f112 0xdf3e5244 */
  // Exponent e such that x·2^-e is in [√2/2, √2): the binary exponent of x, plus 1 when the
  // significand is at least √2 (i is then 0x100000).
  const i = ((hx & 0x000fffff) + 0x95f64) & 0x100000;
  const e = (hx >> 20) - 1023 + (i >> 20);
  const k = k0 + e;
  hx &= 0x000fffff; // the top 20 bits of the fraction
  // fdlibm rewrites the exponent bits (SET_HIGH_WORD); multiplying by 2^-e is the same exact
  // operation without a store-to-load stall, so it gives the same bits, faster.
  const f = x * twoToThe(-e) - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) return logOfNearPowerOfTwo(f, k); // −2^-20 ≤ f < 2^-20
  const dk = k;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    // f far from 0: the more accurate form
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/** ln(2^k·(1 + f)) for |f| < 2^-20, by the series f − f²/2 + f³/3. */
function logOfNearPowerOfTwo(f: number, k: number): number {
  const LN2_HI = 0.6931471803691238; /* 0x3fe62e42 0xfee00000 */
  const LN2_LO = 1.9082149292705877e-10; /* 0x3dea39ef 0x35793c76 */
  const dk = k;
  if (f === 0) {
    if (k === 0) return 0;
    return dk * LN2_HI + dk * LN2_LO;
  }
  const r = f * f * (0.5 - 0.3333333333333333 * f);
  if (k === 0) return f - r;
  return dk * LN2_HI - (r - dk * LN2_LO - f);
}
