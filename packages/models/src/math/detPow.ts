/*
 * Port of fdlibm's e_pow.c (as kept in FreeBSD msun, lib/msun/src/e_pow.c) to TypeScript, with
 * ECMAScript's special values (see detPow's comment).
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

import { fromWords, highWord, lowWord, withHighWord, withLowWord } from './bits.ts';

const DP_H1 = 0.5849624872207642; /* 0x3fe2b803 0x40000000: head of log2(1.5) */
const DP_L1 = 1.350039202129749e-8; /* 0x3e4cfdeb 0x43cfd006: tail of log2(1.5) */
const TWO53 = 9007199254740992; /* 0x43400000 0x00000000 */
const HUGE = 1.0e300;
const TINY = 1.0e-300;
// Polynomial coefficients for (3/2)·(log(x) − 2s − (2/3)·s³).
const L1 = 0.5999999999999946; /* 0x3fe33333 0x33333303 */
const L2 = 0.4285714285785502; /* 0x3fdb6db6 0xdb6fabff */
const L3 = 0.33333332981837743; /* 0x3fd55555 0x518f264d */
const L4 = 0.272728123808534; /* 0x3fd17460 0xa91d4101 */
const L5 = 0.23066074577556175; /* 0x3fcd864a 0x93c9db65 */
const L6 = 0.20697501780033842; /* 0x3fca7e28 0x4a454eef */
const P1 = 0.16666666666666602; /* 0x3fc55555 0x5555553e */
const P2 = -0.0027777777777015593; /* 0xbf66c16c 0x16bebd93 */
const P3 = 0.00006613756321437934; /* 0x3f11566a 0xaf25de2c */
const P4 = -0.0000016533902205465252; /* 0xbebbbd41 0xc5d26bf1 */
const P5 = 4.1381367970572385e-8; /* 0x3e663769 0x72bea4d0 */
const LG2 = 0.6931471805599453; /* 0x3fe62e42 0xfefa39ef */
const LG2_H = 0.6931471824645996; /* 0x3fe62e43 0x00000000 */
const LG2_L = -1.904654299957768e-9; /* 0xbe205c61 0x0ca86c39 */
const OVT = 8.008566259537294e-17; /* −(1024 − log2(overflow threshold + 0.5 ulp)) */
const CP = 0.9617966939259756; /* 0x3feec709 0xdc3a03fd = 2/(3·ln2) */
const CP_H = 0.9617967009544373; /* 0x3feec709 0xe0000000 = (float)cp */
const CP_L = -7.028461650952758e-9; /* 0xbe3e2fe0 0x145b01f5 = tail of cp_h */
const IVLN2 = 1.4426950408889634; /* 0x3ff71547 0x652b82fe = 1/ln2 */
const IVLN2_H = 1.4426950216293335; /* 0x3ff71547 0x60000000 = 24-bit head of 1/ln2 */
const IVLN2_L = 1.9259629911266175e-8; /* 0x3e54ae0b 0xf85ddf44 = tail of 1/ln2 */
const THIRD = 0.3333333333333333; /* 0x3fd55555 0x55555555 */
const TWO1023 = 8.98846567431158e307; /* 0x7fe00000 0x00000000 = 2^1023 */
const TWOM969 = 2.004168360008973e-292; /* 0x03600000 0x00000000 = 2^-969 */

/**
 * Power, x^y, computed with IEEE-754 basic operations only (plus `Math.sqrt`, which IEEE-754
 * requires to be correctly rounded), so it gives the same bits in every JavaScript engine.
 *
 * Method (fdlibm): compute log2|x| as a head and a tail (t1 + t2, the head with 29 trailing zero
 * bits) to about 70 bits, multiply by y split the same way so that y·log2|x| = n + y′ is carried
 * without rounding loss, with n an integer and |y′| ≤ 1/2, then return ±2^n · e^(y′·ln 2).
 *
 * Accuracy: "nearly rounded" (fdlibm): within 1 ulp; integer powers of integers that are
 * representable come out exact. Checked here against correctly rounded values.
 *
 * Special values follow ECMAScript's `Number::exponentiate` (so `detPow` can replace `Math.pow`),
 * which differs from C's pow in two places: 1^NaN and (±1)^±Infinity are NaN (C gives 1).
 * Otherwise as fdlibm: x^±0 = 1 (even NaN^0); x^NaN and NaN^y (y ≠ 0) are NaN; (|x| > 1)^+∞ = +∞,
 * (|x| > 1)^−∞ = +0, (|x| < 1)^+∞ = +0, (|x| < 1)^−∞ = +∞; ±0 and ±∞ to any power by their
 * sign rules (−0^odd keeps the sign); (negative)^(non-integer) = NaN; (negative)^(odd integer) is
 * negative; overflow gives ±Infinity and underflow ±0 or a subnormal rounded once.
 *
 * @param x - the base
 * @param y - the exponent
 * @returns x^y
 * @example
 * detPow(2, 10); // => 1024
 * detPow(1.1, 1 / 12); // => 1.0079741404289038 (monthly growth of 10 % a year)
 * detPow(-8, 1 / 3); // => NaN (a negative base needs an integer exponent)
 */
export function detPow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  // y = ±0: x^0 = 1, even for NaN.
  if ((iy | ly) === 0) return 1;

  // Either argument NaN: NaN. (ECMAScript: also 1^NaN, which C's pow makes 1.)
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0)) return NaN;
  if (iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) return NaN;

  // Whether y is an odd integer when x < 0: 0 not an integer, 1 odd, 2 even.
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) {
      yisint = 2; // |y| ≥ 2^53: even integer
    } else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff; // unbiased exponent of y
      if (e > 20) {
        const j = ly >>> (52 - e);
        if ((j << (52 - e)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  // Special values of y.
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±∞
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (±1)^±∞: NaN in ECMAScript (C: 1)
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x| > 1)^±∞ = +∞, +0
      return hy < 0 ? -y : 0; // (|x| < 1)^∓∞ = +∞, +0
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x ≥ +0
  }

  // 1^y = 1 for every finite y (NaN and ±∞ were handled above).
  if (hx === 0x3ff00000 && lx === 0) return 1;

  let ax = Math.abs(x);
  // Special values of x: ±0, ±∞, ±1.
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = ax;
    if (hy < 0) z = 1 / z; // 1/|x|
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) return NaN; // (−1)^non-integer
      if (yisint === 1) z = -z; // (x < 0)^odd = −(|x|^odd)
    }
    return z;
  }

  let n = (hx >>> 31) - 1; // 0 when x < 0, −1 otherwise

  // (x < 0)^(non-integer) is NaN.
  if ((n | yisint) === 0) return NaN;

  const s = (n | (yisint - 1)) === 0 ? -1 : 1; // sign of the result: −1 for (negative)^(odd)

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    // Over- or underflow if x is not close to one.
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // Now |1 − x| ≤ 2^-20 is tiny: log2(x) from x − x²/2 + x³/3 − x⁴/4 suffices.
    const t = ax - 1; // t has 20 trailing zeros
    const w = t * t * (0.5 - t * (THIRD - t * 0.25));
    const u = IVLN2_H * t; // ivln2_h has 21 significant bits
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    // Subnormal x: scale up.
    if (ix < 0x00100000) {
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // Interval of the mantissa: k = 0 for [1, √1.5), 1 for [√1.5, √3), else halve into [√3/2, 1).
    let k: number;
    ix = j | 0x3ff00000; // normalize ix
    if (j <= 0x3988e) {
      k = 0; // |x| < √(3/2)
    } else if (j < 0xbb67a) {
      k = 1; // |x| < √3
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    const bp = k === 0 ? 1.0 : 1.5;
    const dpH = k === 0 ? 0 : DP_H1;
    const dpL = k === 0 ? 0 : DP_L1;

    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5).
    let u = ax - bp;
    let v = 1.0 / (ax + bp);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    // t_h = ax + bp, high part.
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax).
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3.0 + s2 + r, 0);
    tL = r - (tH - 3.0 - s2);
    // u + v = ss·(1 + …).
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3·ln2)·(ss + …).
    const pH = withLowWord(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH; // cp_h + cp_l = 2/(3·ln2)
    const zL = CP_L * pH + pL * CP + dpL;
    // log2(ax) = (ss + …)·2/(3·ln2) = n + dp_h + z_h + z_l.
    const t = n;
    t1 = withLowWord(zH + zL + dpH + t, 0);
    t2 = zL - (t1 - t - dpH - zH);
  }

  // Split y into y1 + y2 and compute (y1 + y2)·(t1 + t2) = p_h + p_l without loss.
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  let i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE; // z > 1024: overflow
    if (pL + OVT > z - pH) return s * HUGE * HUGE; // overflow
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - 0xc090cc00) | i) !== 0) return s * TINY * TINY; // z < −1075: underflow
    if (pL <= z - pH) return s * TINY * TINY; // underflow
  }

  // 2^(p_h + p_l): take out the nearest integer n.
  i = j & 0x7fffffff;
  let k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowWord(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tq = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tq) / (tq - 2.0) - (w + z * w);
  z = 1.0 - (r - z);
  j = highWord(z);
  j += n << 20;
  if (j >> 20 <= 0)
    z = scaleByPowerOfTwo(z, n); // subnormal result
  else z = withHighWord(z, j);
  return s * z;
}

/**
 * x · 2^n with a single rounding (C's scalbn, as musl writes it), for the subnormal results of
 * {@link detPow}: pre-scaling by 2^-969 keeps intermediate values normal, so only the last
 * multiplication rounds.
 */
function scaleByPowerOfTwo(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // 2^-1022 · 2^53 = 2^-969: stays normal, so no double rounding in the subnormal range
    y *= TWOM969;
    n += 1022 - 53;
    if (n < -1022) {
      y *= TWOM969;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}
