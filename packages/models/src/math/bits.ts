/**
 * Bit access to IEEE-754 doubles, the way fdlibm's `EXTRACT_WORDS` / `SET_HIGH_WORD` macros do it:
 * a double is two 32-bit words, the high word holding sign, exponent and the top 20 bits of the
 * fraction, the low word the remaining 32 bits.
 *
 * One module-level `Float64Array(1)` and a `Uint32Array` view over the same 8 bytes do the
 * conversion, so no call allocates. Which of the two 32-bit slots holds the high word depends on
 * the platform's byte order; it is detected once here (every browser and Node platform in use is
 * little-endian, but typed arrays follow the platform, so we do not assume it).
 *
 * These helpers are tiny and monomorphic so V8 inlines them into the callers' hot loops.
 */

const doubleView = new Float64Array(1);
const wordView = new Uint32Array(doubleView.buffer);

/** Index of the high word in `wordView`: 1 on little-endian platforms, 0 on big-endian ones. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Index of the low word in `wordView`. */
const LO = 1 - HI;

/**
 * The high 32 bits of a double as a signed 32-bit integer (fdlibm's `int32_t hx`): negative
 * exactly when the sign bit is set.
 *
 * @example
 * highWord(1); // => 0x3ff00000
 * highWord(-2); // => -1073741824 (0xc0000000 as a signed integer)
 */
export function highWord(x: number): number {
  doubleView[0] = x;
  return wordView[HI]! | 0;
}

/**
 * The low 32 bits of a double as an unsigned integer (fdlibm's `u_int32_t lx`).
 *
 * @example
 * lowWord(1); // => 0
 * lowWord(Number.MIN_VALUE); // => 1
 */
export function lowWord(x: number): number {
  doubleView[0] = x;
  return wordView[LO]!;
}

/**
 * The double whose high and low words are `hi` and `lo` (fdlibm's `INSERT_WORDS`). Both are taken
 * modulo 2^32, so a signed or an unsigned high word gives the same double.
 *
 * @example
 * fromWords(0x3ff00000, 0); // => 1
 * fromWords(0x7ff00000, 0); // => Infinity
 */
export function fromWords(hi: number, lo: number): number {
  wordView[HI] = hi;
  wordView[LO] = lo;
  return doubleView[0]!;
}

/**
 * `x` with its high word replaced by `hi` (fdlibm's `SET_HIGH_WORD`).
 *
 * @example
 * withHighWord(1.5, 0x40000000); // => 2.5 (exponent of 2, fraction of 1.5 kept)
 */
export function withHighWord(x: number, hi: number): number {
  doubleView[0] = x;
  wordView[HI] = hi;
  return doubleView[0]!;
}

/**
 * `x` with its low word replaced by `lo` (fdlibm's `SET_LOW_WORD`); `withLowWord(x, 0)` keeps only
 * the top 21 significant bits of `x`, the usual way to split a double into an exact head and a
 * tail.
 *
 * @example
 * withLowWord(1 + 2 ** -52, 0); // => 1
 */
export function withLowWord(x: number, lo: number): number {
  doubleView[0] = x;
  wordView[LO] = lo;
  return doubleView[0]!;
}

/**
 * 2^k for every integer k in [−1074, 1023], built from bits once at load time (never with `**`,
 * whose result the spec leaves to the engine). Index k + 1074.
 */
const powersOfTwo = new Float64Array(1074 + 1024);
for (let k = -1074; k <= 1023; k++) {
  powersOfTwo[k + 1074] =
    k >= -1022
      ? fromWords((k + 1023) << 20, 0) // normal: biased exponent, zero fraction
      : k >= -1042
        ? fromWords(1 << (k + 1042), 0) // subnormal, the bit in the high word
        : fromWords(0, 1 << (k + 1074)); // subnormal, the bit in the low word
}

/**
 * 2^k, exactly, for an integer k in [−1074, 1023] (the caller guarantees the range: this is a
 * table read for hot loops, with no check). Multiplying by it is exact whenever the product is a
 * normal double, so it scales a number without touching its significand, like C's ldexp, but
 * without the store-to-load stall of rewriting a double's exponent bits through a typed array.
 *
 * @example
 * twoToThe(10); // => 1024
 * twoToThe(-1074); // => 5e-324 (Number.MIN_VALUE)
 */
export function twoToThe(k: number): number {
  return powersOfTwo[k + 1074]!;
}
