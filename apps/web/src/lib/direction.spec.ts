import { describe, expect, it } from 'vitest';
import { judge } from './direction.ts';

describe('judge', () => {
  it('calls a cost that falls favourable and one that rises unfavourable', () => {
    expect(judge(-13_766, 'lower')).toBe('favourable');
    expect(judge(5_762, 'lower')).toBe('unfavourable');
  });

  it('calls revenue that rises favourable, whatever the sign convention of costs', () => {
    expect(judge(110_742, 'higher')).toBe('favourable');
    expect(judge(-21_703, 'higher')).toBe('unfavourable');
  });

  it('calls zero and missing differences neutral', () => {
    for (const v of [0, -0, null, undefined, NaN, Infinity])
      expect(judge(v, 'higher')).toBe('neutral');
  });
});
