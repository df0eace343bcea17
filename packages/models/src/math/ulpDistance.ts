const doubleView = new Float64Array(1);
const intView = new BigInt64Array(doubleView.buffer);

/** The position of x on the line of all doubles in order: −0 and +0 share position 0. */
function ordinal(x: number): bigint {
  doubleView[0] = x;
  const bits = intView[0]!;
  // Negative doubles have the sign bit set; their magnitude bits grow away from zero.
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/**
 * How many representable doubles apart a and b are ("units in the last place"): 0 when they are
 * the same number (+0 and −0 count as the same), 1 for neighbours, and so on, across binades and
 * across zero. NaN if either is NaN. Meant for tests of numerical code, not for hot loops (it uses
 * BigInt).
 *
 * @example
 * ulpDistance(1, 1 + Number.EPSILON); // => 1
 * ulpDistance(0, Number.MIN_VALUE); // => 1
 * ulpDistance(-0, 0); // => 0
 */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
