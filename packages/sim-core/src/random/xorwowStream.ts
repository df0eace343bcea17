/**
 * A sequential stream: Marsaglia's xorwow (2003, "Xorshift RNGs", J. Stat. Software 8(14)), the
 * algorithm of seedrandom's `xorwow`, in a plain class so the queue kernel can copy its state into
 * local variables. The tests check it against seedrandom's own implementation, state for state.
 */
import { hash3, mix32, type StreamKey, TWO_POW_M32, TWO_POW_M33 } from './streams.ts';
import { standardExponential } from './ziggurat.ts';

export interface XorwowState {
  x: number;
  y: number;
  z: number;
  w: number;
  v: number;
  d: number;
}

/** hash3's middle coordinate j = 1…6 of the state words, mixed (see XorwowStream.reseed). */
const WORD_1 = mix32(1 ^ 0x85ebca6b);
const WORD_2 = mix32(2 ^ 0x85ebca6b);
const WORD_3 = mix32(3 ^ 0x85ebca6b);
const WORD_4 = mix32(4 ^ 0x85ebca6b);
const WORD_5 = mix32(5 ^ 0x85ebca6b);
const WORD_6 = mix32(6 ^ 0x85ebca6b);

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

  /**
   * Re-derives the state in place (no allocation), e.g. for the next simulated day: word j is
   * hash3(key, hash3(key, a, b, c), j, c). The six words share hash3's first and last
   * coordinates, so those rounds are mixed once (the queue reseeds three streams every simulated
   * hour): the same words in 20 mixing rounds instead of 42.
   */
  reseed(key: StreamKey, a: number, b: number, c: number): void {
    const h = hash3(key, a, b, c);
    // hash3(key, h, j, c) = mix32(mix32(head ^ k1 ^ mix32(j ^ 0x85ebca6b)) ^ tail).
    const head = mix32(key.k0 ^ mix32(h ^ 0x9e3779b9)) ^ key.k1;
    const tail = mix32(c ^ 0xc2b2ae35);
    this.x = mix32(mix32(head ^ WORD_1) ^ tail) | 0;
    this.y = mix32(mix32(head ^ WORD_2) ^ tail) | 0;
    this.z = mix32(mix32(head ^ WORD_3) ^ tail) | 0;
    this.w = mix32(mix32(head ^ WORD_4) ^ tail) | 0;
    this.v = mix32(mix32(head ^ WORD_5) ^ tail) | 0;
    this.d = mix32(mix32(head ^ WORD_6) ^ tail) | 0;
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
