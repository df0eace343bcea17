import { describe, expect, it } from 'vitest';
import { digitalCost } from './digitalCost.ts';

describe('digitalCost', () => {
  it('is self-service contacts × cost per contact: 20,000 app contacts at 0.10 cost 2,000', () => {
    expect(digitalCost(20000, 0.1)).toBe(2000);
    expect(digitalCost(0, 0.1)).toBe(0);
  });

  it('names the bad parameter', () => {
    expect(() => digitalCost(-1, 0.1)).toThrow(
      'selfServiceContacts: expected a number ≥ 0, got -1',
    );
    expect(() => digitalCost(5, -0.1)).toThrow('costPerContact: expected a number ≥ 0, got -0.1');
  });
});
