import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_BEHAVIOUR } from '../testFixtures.ts';
import type { SegmentSpec } from '../spec/modelSpec.ts';
import {
  churnLogOddsShift,
  isRenewalMonth,
  monthlyChurnProbability,
  nonRenewalProbability,
} from './churn.ts';

/** Northbank's "everyday" segment: 1 % a month, doubled in the first 6 months, baseline 7. */
const retail = {
  baseMonthlyChurn: 0.01,
  earlyLifeMonths: 6,
  earlyLifeChurnMultiplier: 2,
  baselineSatisfaction: 7,
} satisfies Partial<SegmentSpec>;
/** An insurance-like segment: a yearly contract that 20 % do not renew at baseline. */
const insured = {
  ...retail,
  renewal: { everyMonths: 12, baseNonRenewal: 0.2 },
} satisfies Partial<SegmentSpec>;
const behaviour = TEST_BEHAVIOUR; // 0.3 log-odds per point; open issue ×1.5 odds

describe('monthlyChurnProbability: worked values', () => {
  it('is the base rate at the baseline (the doc example)', () => {
    expect(monthlyChurnProbability(retail, behaviour, 7, 24, false)).toBe(0.01);
  });

  it('doubles the base in the early-life months, tenure 0 to 5, and not from month 6', () => {
    for (let tenure = 0; tenure < 6; tenure++) {
      expect(monthlyChurnProbability(retail, behaviour, 7, tenure, false)).toBe(0.02);
    }
    expect(monthlyChurnProbability(retail, behaviour, 7, 6, false)).toBe(0.01);
  });

  it('lowers the odds by e^0.3 per point above the baseline', () => {
    // s = 8: odds 0.01/0.99 · e^−0.3 = 0.0074830 → p = 0.0074274.
    expect(monthlyChurnProbability(retail, behaviour, 8, 24, false)).toBeCloseTo(
      0.0074274327592,
      12,
    );
    // s = 5, early life: odds 0.02/0.98 · e^0.6 = 0.0371863 → p = 0.0358529.
    expect(monthlyChurnProbability(retail, behaviour, 5, 0, false)).toBeCloseTo(
      0.0358528696442,
      12,
    );
  });

  it('multiplies the odds by 1.5 while a need is unresolved', () => {
    // odds 0.01/0.99 · 1.5 → p = 0.015 / 1.005 = 0.0149254.
    expect(monthlyChurnProbability(retail, behaviour, 7, 24, true)).toBeCloseTo(0.015 / 1.005, 15);
    // s = 5 and an open issue: odds 0.01/0.99 · e^0.6 · 1.5 → p = 0.0268661.
    expect(monthlyChurnProbability(retail, behaviour, 5, 24, true)).toBeCloseTo(
      0.0268661438572,
      12,
    );
  });

  it('never churns with an open-issue multiplier of 0, and ignores one of 1', () => {
    const never = { ...behaviour, openIssueChurnOddsMultiplier: 0 };
    expect(monthlyChurnProbability(retail, never, 7, 24, true)).toBe(0);
    expect(monthlyChurnProbability(retail, never, 2, 0, true)).toBe(0);
    const neutral = { ...behaviour, openIssueChurnOddsMultiplier: 1 };
    expect(monthlyChurnProbability(retail, neutral, 7, 24, true)).toBe(0.01);
  });

  it('caps an early-life base of 1 or more at certainty, whatever the satisfaction', () => {
    const leaky = { ...retail, baseMonthlyChurn: 0.6, earlyLifeChurnMultiplier: 2 };
    expect(monthlyChurnProbability(leaky, behaviour, 10, 0, false)).toBe(1);
    expect(monthlyChurnProbability(leaky, behaviour, 10, 6, false)).toBeLessThan(0.6);
  });

  it('stays at 0 for a segment that never churns, and at 1 for one that always does', () => {
    expect(monthlyChurnProbability({ ...retail, baseMonthlyChurn: 0 }, behaviour, 0, 0, true)).toBe(
      0,
    );
    const always = { ...retail, baseMonthlyChurn: 1, earlyLifeMonths: 0 };
    expect(monthlyChurnProbability(always, behaviour, 10, 24, false)).toBe(1);
  });
});

describe('churnLogOddsShift', () => {
  it('is −sensitivity · (s − baseline), plus ln(multiplier) with an open issue', () => {
    expect(churnLogOddsShift(retail, behaviour, 9, false)).toBeCloseTo(-0.6, 15);
    expect(churnLogOddsShift(retail, behaviour, 6, false)).toBeCloseTo(0.3, 15);
    expect(churnLogOddsShift(retail, behaviour, 7, true)).toBeCloseTo(Math.log(1.5), 15);
    expect(
      churnLogOddsShift(retail, { ...behaviour, openIssueChurnOddsMultiplier: 0 }, 7, true),
    ).toBe(-745);
  });
});

describe('churn: checks and doc examples', () => {
  it('gives the doc examples of churnLogOddsShift and isRenewalMonth', () => {
    const b = { churnSatisfactionSensitivity: 0.3, openIssueChurnOddsMultiplier: 1.5 };
    expect(churnLogOddsShift({ baselineSatisfaction: 7 }, b, 9, false)).toBeCloseTo(-0.6, 15);
    expect(churnLogOddsShift({ baselineSatisfaction: 7 }, b, 7, true)).toBe(Math.log(1.5));
    const yearly = { renewal: { everyMonths: 12, baseNonRenewal: 0.2 } };
    expect(isRenewalMonth(yearly, 24)).toBe(true);
    expect(isRenewalMonth(yearly, 0)).toBe(false);
    expect(isRenewalMonth({}, 12)).toBe(false);
  });

  it('names the bad parameter instead of returning NaN', () => {
    expect(() => monthlyChurnProbability(retail, behaviour, NaN, 24, false)).toThrow(
      'satisfaction: expected a finite number, got NaN',
    );
    expect(() => monthlyChurnProbability(retail, behaviour, 7, 2.5, false)).toThrow(
      'tenureMonths: expected a whole number ≥ 0, got 2.5',
    );
    expect(() =>
      monthlyChurnProbability({ ...retail, baseMonthlyChurn: 1.2 }, behaviour, 7, 24, false),
    ).toThrow('segment.baseMonthlyChurn: expected a probability between 0 and 1, got 1.2');
    expect(() =>
      monthlyChurnProbability({ ...retail, earlyLifeChurnMultiplier: -1 }, behaviour, 7, 0, false),
    ).toThrow('segment.earlyLifeChurnMultiplier: expected a number ≥ 0, got -1');
    expect(() =>
      churnLogOddsShift(retail, { ...behaviour, churnSatisfactionSensitivity: NaN }, 7, false),
    ).toThrow('behaviour.churnSatisfactionSensitivity: expected a finite number, got NaN');
    expect(() =>
      churnLogOddsShift(retail, { ...behaviour, openIssueChurnOddsMultiplier: -2 }, 7, true),
    ).toThrow('behaviour.openIssueChurnOddsMultiplier: expected a number ≥ 0, got -2');
    expect(() => isRenewalMonth(insured, -12)).toThrow(
      'tenureMonths: expected a whole number ≥ 0, got -12',
    );
    expect(() => isRenewalMonth({ renewal: { everyMonths: 0, baseNonRenewal: 0.1 } }, 12)).toThrow(
      'segment.renewal.everyMonths: expected a whole number ≥ 1, got 0',
    );
    expect(() =>
      nonRenewalProbability(
        { ...insured, renewal: { everyMonths: 12, baseNonRenewal: 2 } },
        behaviour,
        7,
        12,
        false,
      ),
    ).toThrow('segment.renewal.baseNonRenewal: expected a probability between 0 and 1, got 2');
  });
});

describe('renewal', () => {
  it('falls in every positive multiple of the contract length', () => {
    expect(isRenewalMonth(insured, 12)).toBe(true);
    expect(isRenewalMonth(insured, 24)).toBe(true);
    expect(isRenewalMonth(insured, 0)).toBe(false); // the month acquired is not a renewal
    expect(isRenewalMonth(insured, 11)).toBe(false);
    expect(isRenewalMonth(insured, 13)).toBe(false);
    expect(isRenewalMonth({}, 12)).toBe(false); // no contract
    const monthly = { renewal: { everyMonths: 1, baseNonRenewal: 0.1 } };
    expect(isRenewalMonth(monthly, 1)).toBe(true);
    expect(isRenewalMonth(monthly, 0)).toBe(false);
  });

  it('is baseNonRenewal at the baseline in a renewal month (the doc example), else 0', () => {
    expect(nonRenewalProbability(insured, behaviour, 7, 12, false)).toBe(0.2);
    expect(nonRenewalProbability(insured, behaviour, 7, 36, false)).toBe(0.2);
    expect(nonRenewalProbability(insured, behaviour, 7, 11, false)).toBe(0);
    expect(nonRenewalProbability(insured, behaviour, 2, 0, true)).toBe(0);
    expect(nonRenewalProbability(retail, behaviour, 2, 12, true)).toBe(0);
  });

  it('raises the odds of renewing by e^(0.3 · 1.3) = 1.48 for 1.3 points above the baseline', () => {
    // Odds of not renewing 0.2/0.8 = 0.25, × e^−0.39 = 0.16924 → p = 0.144761.
    const p = nonRenewalProbability(insured, behaviour, 8.3, 12, false);
    expect(p).toBeCloseTo(0.1447613088, 9);
    const renewOdds = (1 - p) / p;
    expect(renewOdds / (0.8 / 0.2)).toBeCloseTo(Math.exp(0.39), 12); // 1.4770
  });

  it('takes the same open-issue shift as monthly churn', () => {
    // odds 0.25 · 1.5 = 0.375 → p = 0.375 / 1.375 = 3/11.
    expect(nonRenewalProbability(insured, behaviour, 7, 12, true)).toBeCloseTo(3 / 11, 15);
  });
});

describe('churn: properties', () => {
  const satisfaction = fc.double({ min: 0, max: 10, noNaN: true });
  const segment = fc.record({
    baseMonthlyChurn: fc.double({ min: 0, max: 1, noNaN: true }),
    earlyLifeMonths: fc.integer({ min: 0, max: 24 }),
    earlyLifeChurnMultiplier: fc.double({ min: 0, max: 50, noNaN: true }),
    baselineSatisfaction: satisfaction,
    renewal: fc.record({
      everyMonths: fc.integer({ min: 1, max: 60 }),
      baseNonRenewal: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  });
  const sensitivities = fc.record({
    churnSatisfactionSensitivity: fc.double({ min: 0, max: 5, noNaN: true }),
    openIssueChurnOddsMultiplier: fc.double({ min: 0, max: 50, noNaN: true }),
  });

  it('more satisfaction never raises churn or non-renewal', () => {
    fc.assert(
      fc.property(
        segment,
        sensitivities,
        satisfaction,
        satisfaction,
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        (seg, b, s1, s2, tenure, open) => {
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          expect(monthlyChurnProbability(seg, b, hi, tenure, open)).toBeLessThanOrEqual(
            monthlyChurnProbability(seg, b, lo, tenure, open),
          );
          expect(nonRenewalProbability(seg, b, hi, tenure, open)).toBeLessThanOrEqual(
            nonRenewalProbability(seg, b, lo, tenure, open),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is a probability, and an open issue with a multiplier ≥ 1 never lowers it', () => {
    fc.assert(
      fc.property(
        segment,
        sensitivities,
        satisfaction,
        fc.integer({ min: 0, max: 120 }),
        (seg, b, s, tenure) => {
          const closed = monthlyChurnProbability(seg, b, s, tenure, false);
          const open = monthlyChurnProbability(seg, b, s, tenure, true);
          for (const p of [closed, open]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          if (b.openIssueChurnOddsMultiplier >= 1) expect(open).toBeGreaterThanOrEqual(closed);
        },
      ),
    );
  });

  it('an early-life multiplier ≥ 1 never lowers churn in the early months', () => {
    fc.assert(
      fc.property(segment, sensitivities, satisfaction, (seg, b, s) => {
        fc.pre(seg.earlyLifeMonths > 0 && seg.earlyLifeChurnMultiplier >= 1);
        expect(monthlyChurnProbability(seg, b, s, 0, false)).toBeGreaterThanOrEqual(
          monthlyChurnProbability(seg, b, s, seg.earlyLifeMonths, false),
        );
      }),
    );
  });
});
