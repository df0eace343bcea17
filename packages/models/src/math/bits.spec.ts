import { describe, expect, it } from 'vitest';
import { fromWords, highWord, lowWord, withHighWord, withLowWord } from './bits.ts';

describe('bit access to doubles', () => {
  it('reads the IEEE-754 words whatever the platform byte order', () => {
    expect(highWord(1)).toBe(0x3ff00000);
    expect(lowWord(1)).toBe(0);
    expect(highWord(-2)).toBe(0xc0000000 | 0); // signed, as fdlibm's int32_t
    expect(lowWord(Number.MIN_VALUE)).toBe(1);
    expect(lowWord(1 + Number.EPSILON)).toBe(1);
    expect(highWord(Infinity)).toBe(0x7ff00000);
    expect(highWord(-0)).toBe(0x80000000 | 0);
  });

  it('builds doubles from words', () => {
    expect(fromWords(0x3ff00000, 0)).toBe(1);
    expect(fromWords(0x7ff00000, 0)).toBe(Infinity);
    expect(fromWords(0x80000000 | 0, 0)).toBe(-0);
    expect(fromWords(0xfff00000, 0)).toBe(-Infinity); // unsigned high word works too
    expect(fromWords(0, 1)).toBe(Number.MIN_VALUE);
    expect(withHighWord(1.5, 0x40000000 | 0x80000)).toBe(3);
    expect(withLowWord(1 + 2 ** -52, 0)).toBe(1);
  });

  it('round-trips every word pair', () => {
    for (const x of [Math.PI, -Math.E, 1e-310, 1.7976931348623157e308, 0.1]) {
      expect(fromWords(highWord(x), lowWord(x))).toBe(x);
    }
  });
});
