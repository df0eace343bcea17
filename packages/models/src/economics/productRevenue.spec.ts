import { describe, expect, it } from 'vitest';
import { productRevenue } from './productRevenue.ts';

describe('productRevenue', () => {
  it('is products held × margin per product (the doc example)', () => {
    expect(productRevenue(2, 12.5)).toBe(25);
    expect(productRevenue(0, 12.5)).toBe(0);
  });

  it('is negative for a loss-making product, as the margin allows', () => {
    expect(productRevenue(3, -4)).toBe(-12);
  });
});
