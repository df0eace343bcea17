import { describe, expect, it } from 'vitest';
import { ulpDistance } from './ulpDistance.ts';

describe('ulpDistance', () => {
  it('counts representable doubles between two numbers', () => {
    expect(ulpDistance(1, 1)).toBe(0);
    expect(ulpDistance(1, 1 + Number.EPSILON)).toBe(1);
    expect(ulpDistance(1 + Number.EPSILON, 1)).toBe(1);
    expect(ulpDistance(1, 1 - Number.EPSILON / 2)).toBe(1); // across a binade
    expect(ulpDistance(0, Number.MIN_VALUE)).toBe(1);
    expect(ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE)).toBe(2); // across zero
    expect(ulpDistance(-0, 0)).toBe(0);
    expect(ulpDistance(Number.MAX_VALUE, Infinity)).toBe(1);
    expect(ulpDistance(NaN, 1)).toBeNaN();
  });
});
