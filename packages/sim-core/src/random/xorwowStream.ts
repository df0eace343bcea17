/**
 * A sequential stream: Marsaglia's xorwow (2003, "Xorshift RNGs", J. Stat. Software 8(14)), the
 * algorithm of seedrandom's `xorwow`, in a plain class so the queue kernel can copy its state into
 * local variables. The tests check it against seedrandom's own implementation, state for state.
 */
import { hash3, type StreamKey, TWO_POW_M32, TWO_POW_M33 } from './streams.ts';
import { standardExponential } from './ziggurat.ts';

export interface XorwowState {
  x: number;
  y: number;
  z: number;
  w: number;
  v: number;
  d: number;
}

export class XorwowStream implements XorwowState {
  x = 0;
  y = 0;
  z = 0;
  w = 0;
  v = 0;
  d = 0;

  /** A stream whose state is derived from a key and three coordinates (e.g. channel, month, day). */
  static fromKey(key: StreamKey, a: number, b: number, c: number): XorwowStream {
    const s = new XorwowStream();
    s.reseed(key, a, b, c);
    return s;
  }

  /** Re-derives the state in place (no allocation), e.g. for the next simulated day. */
  reseed(key: StreamKey, a: number, b: number, c: number): void {
    const h = hash3(key, a, b, c);
    this.x = hash3(key, h, 1, c) | 0;
    this.y = hash3(key, h, 2, c) | 0;
    this.z = hash3(key, h, 3, c) | 0;
    this.w = hash3(key, h, 4, c) | 0;
    this.v = hash3(key, h, 5, c) | 0;
    this.d = hash3(key, h, 6, c) | 0;
    if ((this.x | this.y | this.z | this.w | this.v) === 0) this.x = 1;
  }

  /** The next 32-bit output as a signed int32, exactly as seedrandom's `xorwow.int32()`. */
  nextInt32(): number {
    const t = this.x ^ (this.x >>> 2);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w = this.v;
    this.v = this.v ^ (this.v << 4) ^ (t ^ (t << 1));
    this.d = (this.d + 362437) | 0;
    return (this.d + this.v) | 0;
  }

  /** A uniform strictly inside (0, 1): seedrandom's `prng()` value plus half a step. */
  nextUniform(): number {
    return (this.nextInt32() >>> 0) * TWO_POW_M32 + TWO_POW_M33;
  }

  /** A standard exponential variate (mean 1), by the ziggurat (random/ziggurat.ts). */
  nextExponential(): number {
    return standardExponential(this);
  }

  state(): XorwowState {
    return { x: this.x, y: this.y, z: this.z, w: this.w, v: this.v, d: this.d };
  }
}
