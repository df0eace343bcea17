/**
 * Standard exponential variates by the ziggurat method (Marsaglia & Tsang 2000, "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Software 5(8)), 256 layers, in the layout of
 * Doornik (2005) and Rust's `rand_distr`: the layer index and the position in the layer come from
 * different bits of one 32-bit draw (8 low bits, 24 high bits), so they are not correlated.
 *
 * Why: the queue kernel draws three exponentials per caller. `-ln U` costs a deterministic log
 * (`detLog`, the fdlibm port: Math.log differs between Node and Chromium in its last bits); the
 * ziggurat needs one multiply and one comparison for 98.9 % of draws, and `detExp` / `detLog` only
 * in the wedges and the tail. The tables are computed once with `detExp` / `detLog`, so they, and
 * every variate, are bit-identical in Node and in Chromium.
 *
 * Each variate consumes one or more draws from its own stream (more only when the fast test
 * fails); a stream that serves one purpose (a queue's handle times, say) therefore gives the same
 * sequence whatever else the simulation does (common random numbers are kept).
 */
import { detExp, detLog } from '@journeycast/models';
import { TWO_POW_M32, TWO_POW_M33 } from './streams.ts';

/** Where the tail starts (the base layer's right edge), and the area of every layer. */
const R = 7.69711747013104972;
const V = 0.0039496598225815571993;
const TWO_POW_M24 = 5.9604644775390625e-8;

/**
 * Layer edges: `ZIG_EXP_X[0]` is the base layer's width (V / f(R)), `ZIG_EXP_X[1] = R`, then each
 * layer's upper edge, down to `ZIG_EXP_X[256] = 0`. Layer i spans x < ZIG_EXP_X[i], and a point
 * left of ZIG_EXP_X[i + 1] lies under the density whatever its height.
 */
export const ZIG_EXP_X = new Float64Array(257);
/** f(x) = e^−x at each edge. */
export const ZIG_EXP_F = new Float64Array(257);
/** ZIG_EXP_X[i] / 2^24: the width of one step of the 24-bit position in layer i. */
export const ZIG_EXP_W = new Float64Array(256);

ZIG_EXP_X[0] = V / detExp(-R);
ZIG_EXP_X[1] = R;
for (let i = 1; i < 255; i++) {
  const x = ZIG_EXP_X[i]!;
  ZIG_EXP_X[i + 1] = -detLog(detExp(-x) + V / x);
}
ZIG_EXP_X[256] = 0;
for (let i = 0; i <= 256; i++) ZIG_EXP_F[i] = detExp(-ZIG_EXP_X[i]!);
for (let i = 0; i < 256; i++) ZIG_EXP_W[i] = ZIG_EXP_X[i]! * TWO_POW_M24;

/** The squeeze's margins (see standardExponentialFrom): 1 ∓ 2^-30. */
const SQUEEZE_BELOW = 1 - 2 ** -30;
const SQUEEZE_ABOVE = 1 + 2 ** -30;

/** A source of 32-bit draws (an XorwowStream). */
export interface Int32Source {
  nextInt32(): number;
}

/**
 * A standard exponential variate (mean 1) whose first 32-bit draw, already taken from `source`,
 * is `first`; further draws (after a failed fast test) come from `source`. Callers with the draw in
 * hand test the fast case inline: `x = ((first >>> 8) + 0.5) * ZIG_EXP_W[first & 255]`, accepted
 * when `x < ZIG_EXP_X[(first & 255) + 1]`.
 */
export function standardExponentialFrom(source: Int32Source, first: number): number {
  let bits = first;
  for (;;) {
    const i = bits & 255;
    const x = ((bits >>> 8) + 0.5) * ZIG_EXP_W[i]!;
    if (x < ZIG_EXP_X[i + 1]!) return x;
    if (i === 0) {
      // The tail beyond R: exponential again (memorylessness), from a fresh uniform.
      return R - detLog(uniformOf(source.nextInt32()));
    }
    // The wedge between the layer's inner rectangle and the density.
    const fIn = ZIG_EXP_F[i + 1]!;
    const fOut = ZIG_EXP_F[i]!;
    const y = fIn + (fOut - fIn) * uniformOf(source.nextInt32());
    // A squeeze (Marsaglia 1977, "The squeeze method for generating gamma variates", Comp. & Maths.
    // with Appls. 3(4)): e^−x is convex, so on the layer [X[i+1], X[i]] it lies
    // above its tangent at X[i] and below the chord joining the layer's ends. A point well below
    // the tangent is under the density and one well above the chord is over it, whatever the last
    // bits of e^−x; only points between the two (with a margin of 2^−30, far above the rounding
    // of either bound) need `detExp`, whose test they then take. The answer is the same as
    // `y < detExp(-x)` in every case; it is only cheaper (detExp was 3 % of a replication).
    const xOut = ZIG_EXP_X[i]!;
    const xIn = ZIG_EXP_X[i + 1]!;
    const tangent = fOut * (1 + (xOut - x));
    if (y < tangent * SQUEEZE_BELOW) return x;
    const chord = fIn + (fOut - fIn) * ((x - xIn) / (xOut - xIn));
    if (!(y > chord * SQUEEZE_ABOVE) && y < detExp(-x)) return x;
    bits = source.nextInt32();
  }
}

/** A standard exponential variate from `source` (one draw for 98.9 % of variates). */
export function standardExponential(source: Int32Source): number {
  return standardExponentialFrom(source, source.nextInt32());
}

function uniformOf(bits: number): number {
  return (bits >>> 0) * TWO_POW_M32 + TWO_POW_M33;
}
