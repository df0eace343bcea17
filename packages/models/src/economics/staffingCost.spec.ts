import { describe, expect, it } from 'vitest';
import { paidAgentHoursPerMonth, staffingCostPerMonth } from '../channels/staffedChannel.ts';
import { CALL_CENTRE_DEFAULTS } from '../defaults.ts';
import { staffingCost } from './staffingCost.ts';

describe('staffingCost', () => {
  it('is paid hours × cost per hour: the default centre costs 528,000 a month', () => {
    // 40 agents × 12 open hours × 22 days = 10,560 hours on duty; / (1 − 0.3) = 15,085.7 paid
    expect(staffingCost(10560 / 0.7, 35)).toBeCloseTo(528000, 6);
  });

  it('is what the channel helpers give for a whole channel, to the bit', () => {
    const paid = paidAgentHoursPerMonth(CALL_CENTRE_DEFAULTS);
    expect(staffingCost(paid, CALL_CENTRE_DEFAULTS.costPerAgentHour)).toBe(
      staffingCostPerMonth(CALL_CENTRE_DEFAULTS),
    );
  });

  it('does not depend on how busy the agents are: there is no such input', () => {
    expect(staffingCost.length).toBe(2); // paid hours and their price, nothing about calls
  });

  it('names the bad parameter', () => {
    expect(() => staffingCost(-5, 35)).toThrow('paidAgentHours: expected a number ≥ 0, got -5');
    expect(() => staffingCost(100, Infinity)).toThrow(
      'costPerAgentHour: expected a number ≥ 0, got Infinity',
    );
  });
});
