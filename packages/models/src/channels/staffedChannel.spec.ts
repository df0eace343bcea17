import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentsPerOpenHour,
  hourlyArrivalRates,
  openHoursPerDay,
  paidAgentHoursPerMonth,
  staffingCostPerMonth,
} from './staffedChannel.ts';

/** |a − b| within `rel` of |b| (floating-point sums and products are exact only to rounding). */
function expectClose(a: number, b: number, rel = 1e-12): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b) + 1e-300);
}

/** The doc examples' channel: open 8–10, 10 agents, 20 days, 20 % shrinkage. */
const above = { openHour: 8, closeHour: 10, agents: 10, openDaysPerMonth: 20, shrinkage: 0.2 };

describe('openHoursPerDay and agentsPerOpenHour', () => {
  it('count the open hours', () => {
    expect(openHoursPerDay({ openHour: 8, closeHour: 20 })).toBe(12);
    expect(openHoursPerDay({ openHour: 0, closeHour: 24 })).toBe(24);
  });

  it('repeat `agents` every open hour (the doc example)', () => {
    expect(agentsPerOpenHour({ openHour: 8, closeHour: 11, agents: 12 })).toEqual([12, 12, 12]);
  });

  it('take agentsByHour when given, one number per open hour', () => {
    expect(
      agentsPerOpenHour({ openHour: 8, closeHour: 11, agents: 12, agentsByHour: [5, 20, 9] }),
    ).toEqual([5, 20, 9]);
    // A roster that does not cover the opening hours is an error, not a silent fall-back to
    // `agents` (checkModel reports it in a scenario file; this says so to any other caller).
    expect(() =>
      agentsPerOpenHour({ openHour: 8, closeHour: 11, agents: 12, agentsByHour: [5] }),
    ).toThrow('agentsByHour: expected one number per open hour (3), got an array of 1');
  });

  it('name a bad opening hour, closing hour or roster', () => {
    expect(() => openHoursPerDay({ openHour: 20, closeHour: 8 })).toThrow(
      'closeHour: expected a whole number ≥ 21, got 8',
    );
    expect(() => openHoursPerDay({ openHour: 8, closeHour: 25 })).toThrow(
      'closeHour: expected an hour from 9 to 24, got 25',
    );
    expect(() => openHoursPerDay({ openHour: 24, closeHour: 25 })).toThrow(
      'openHour: expected an hour from 0 to 23, got 24',
    );
    expect(() => openHoursPerDay({ openHour: 7.5, closeHour: 20 })).toThrow(
      'openHour: expected a whole number ≥ 0, got 7.5',
    );
    expect(() => agentsPerOpenHour({ openHour: 8, closeHour: 9, agents: -1 })).toThrow(
      'agents: expected a whole number ≥ 0, got -1',
    );
    expect(() =>
      agentsPerOpenHour({ openHour: 8, closeHour: 10, agents: 1, agentsByHour: [3, 2.5] }),
    ).toThrow('agentsByHour[1]: expected a whole number ≥ 0, got 2.5');
  });
});

describe('hourlyArrivalRates', () => {
  it('spreads a month over the open days and the intraday profile (the doc example)', () => {
    // 8000 a month / 20 days = 400 a day; weights 1 : 3 → 100 and 300 an hour.
    expect(hourlyArrivalRates({ openDaysPerMonth: 20, intradayProfile: [1, 3] }, 8000)).toEqual([
      100, 300,
    ]);
  });

  it('reads a profile written in percent of the day', () => {
    // Weights summing to 100: 22,000 calls over 22 days = 1,000 a day, 80 in the first hour.
    const profile = [8, 11, 11, 10, 9, 9, 9, 8, 7, 7, 6, 5];
    const rates = hourlyArrivalRates({ openDaysPerMonth: 22, intradayProfile: profile }, 22000);
    expect(rates[0]).toBeCloseTo(80, 12);
    expect(rates[1]).toBeCloseTo(110, 12);
    expect(rates.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
  });

  it('gives zero rates for an all-zero profile or no contacts', () => {
    expect(hourlyArrivalRates({ openDaysPerMonth: 20, intradayProfile: [0, 0] }, 8000)).toEqual([
      0, 0,
    ]);
    expect(hourlyArrivalRates({ openDaysPerMonth: 20, intradayProfile: [1, 3] }, 0)).toEqual([
      0, 0,
    ]);
  });

  it('names the parameter when the volume is negative or not a number', () => {
    const channel = { openDaysPerMonth: 20, intradayProfile: [1] };
    expect(() => hourlyArrivalRates(channel, -1)).toThrow(
      'contactsPerMonth: expected a number ≥ 0, got -1',
    );
    expect(() => hourlyArrivalRates(channel, NaN)).toThrow(
      'contactsPerMonth: expected a number ≥ 0, got NaN',
    );
  });

  it('sums, over the hours of a day, to the daily volume', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 24,
        }),
        fc.double({ min: 1, max: 31, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e8, noNaN: true })),
        (profile, days, contacts) => {
          fc.pre(profile.some((w) => w > 0));
          const rates = hourlyArrivalRates(
            { openDaysPerMonth: days, intradayProfile: profile },
            contacts,
          );
          expect(rates).toHaveLength(profile.length);
          const perDay = rates.reduce((a, b) => a + b, 0);
          expectClose(perDay, contacts / days);
          for (const r of rates) expect(r).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('paid hours and staffing cost', () => {
  it('pays on-duty hours / (1 − shrinkage) (the doc examples)', () => {
    // 10 agents × 2 hours × 20 days = 400 on-duty hours; / 0.8 = 500 paid; × 30 = 15,000.
    expect(paidAgentHoursPerMonth(above)).toBe(500);
    expect(staffingCostPerMonth({ ...above, costPerAgentHour: 30 })).toBe(15000);
  });

  it('names a shrinkage that would make paid hours infinite, and bad days or costs', () => {
    expect(() => paidAgentHoursPerMonth({ ...above, shrinkage: 1 })).toThrow(
      'shrinkage: expected a number between 0 and 0.9, got 1',
    );
    expect(() => paidAgentHoursPerMonth({ ...above, openDaysPerMonth: 0 })).toThrow(
      'openDaysPerMonth: expected a number between 1 and 31, got 0',
    );
    expect(() => staffingCostPerMonth({ ...above, costPerAgentHour: -30 })).toThrow(
      'costPerAgentHour: expected a number ≥ 0, got -30',
    );
    expect(() =>
      hourlyArrivalRates({ openDaysPerMonth: 20, intradayProfile: [1, NaN] }, 100),
    ).toThrow('intradayProfile[1]: expected a number ≥ 0, got NaN');
  });

  it('pays exactly the on-duty hours without shrinkage', () => {
    expect(paidAgentHoursPerMonth({ ...above, shrinkage: 0 })).toBe(400);
  });

  it('adds up agentsByHour', () => {
    // (5 + 15) agent-hours a day × 20 days / 0.8 = 500
    expect(paidAgentHoursPerMonth({ ...above, agentsByHour: [5, 15] })).toBe(500);
  });

  it('prices a 40-agent, 12-hour, 22-day call centre at 528,000 a month', () => {
    // 40 agents × 12 hours × 22 days = 10,560 on-duty hours; / 0.7 = 15,085.7 paid; × 35.
    const centre = { openHour: 8, closeHour: 20, agents: 40, openDaysPerMonth: 22, shrinkage: 0.3 };
    expect(paidAgentHoursPerMonth(centre)).toBeCloseTo(15085.714285714, 8);
    expect(staffingCostPerMonth({ ...centre, costPerAgentHour: 35 })).toBeCloseTo(528000, 6);
  });

  it('costs nothing with no agents', () => {
    expect(staffingCostPerMonth({ ...above, agents: 0, costPerAgentHour: 30 })).toBe(0);
  });

  it('is linear in agents: k agents cost k times one agent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 24 }),
        fc.double({ min: 1, max: 31, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (agents, openHour, hours, days, shrinkage, costPerAgentHour) => {
          fc.pre(openHour + hours <= 24);
          const channel = {
            openHour,
            closeHour: openHour + hours,
            openDaysPerMonth: days,
            shrinkage,
            costPerAgentHour,
          };
          const one = staffingCostPerMonth({ ...channel, agents: 1 });
          const many = staffingCostPerMonth({ ...channel, agents });
          expectClose(many, agents * one);
          // And additive over hours: agentsByHour costs the sum of its hours.
          const byHour = Array.from({ length: hours }, (_, h) => (h % 2 === 0 ? agents : 0));
          const evenHours = Math.ceil(hours / 2);
          expectClose(
            staffingCostPerMonth({ ...channel, agents: 0, agentsByHour: byHour }),
            (evenHours / hours) * many,
          );
        },
      ),
    );
  });

  it('rises with shrinkage: the same on-duty hours cost more when more paid time is lost', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(paidAgentHoursPerMonth({ ...above, shrinkage: hi })).toBeGreaterThanOrEqual(
            paidAgentHoursPerMonth({ ...above, shrinkage: lo }),
          );
        },
      ),
    );
  });
});
