import { describe, expect, it } from 'vitest';
import { terminalValue } from '../finance/terminalValue.ts';
import { netValuePerCustomer } from './netValuePerCustomer.ts';

describe('netValuePerCustomer', () => {
  it('is (revenue − variable cost-to-serve) / customers (the doc example): 34.78', () => {
    // 700,000 of margin less 2,400 of handled minutes and 2,000 of app contacts, over 20,000
    expect(
      netValuePerCustomer({ revenue: 700000, variableCostToServe: 4400, customers: 20000 }),
    ).toBeCloseTo(34.78, 12);
  });

  it('is 0 without customers, and negative when serving costs more than the margin', () => {
    expect(netValuePerCustomer({ revenue: 0, variableCostToServe: 0, customers: 0 })).toBe(0);
    expect(netValuePerCustomer({ revenue: 100, variableCostToServe: 300, customers: 10 })).toBe(
      -20,
    );
  });

  it('feeds the terminal value: net of cost-to-serve, the customers left are worth less', () => {
    const common = {
      activeCustomers: 1000,
      monthlyChurn: 0.02,
      annualDiscountRate: 0.08,
      horizonMonths: 36,
    };
    const gross = terminalValue({
      ...common,
      monthlyNetValuePerCustomer: netValuePerCustomer({
        revenue: 35000,
        variableCostToServe: 0,
        customers: 1000,
      }),
    });
    const net = terminalValue({
      ...common,
      monthlyNetValuePerCustomer: netValuePerCustomer({
        revenue: 35000,
        variableCostToServe: 3500,
        customers: 1000,
      }),
    });
    expect(net / gross).toBeCloseTo(0.9, 12); // 31.5 of 35 a month
  });

  it('names the bad parameter', () => {
    expect(() =>
      netValuePerCustomer({ revenue: 1, variableCostToServe: -1, customers: 1 }),
    ).toThrow('variableCostToServe: expected a number ≥ 0, got -1');
    expect(() =>
      netValuePerCustomer({ revenue: 1, variableCostToServe: 0, customers: -1 }),
    ).toThrow('customers: expected a number ≥ 0, got -1');
    expect(() =>
      netValuePerCustomer({ revenue: Infinity, variableCostToServe: 0, customers: 1 }),
    ).toThrow('revenue: expected a finite number, got Infinity');
  });
});
