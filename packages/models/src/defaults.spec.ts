/**
 * Calibration check: what the defaults imply, computed with the model functions themselves, set
 * against the published figures they cite. docs/model.md ("Calibration") walks through the same
 * arithmetic for readers. The assertions are the claims (ranges), computed from whatever the
 * defaults are, so a recalibration that keeps the claims passes and one that breaks a claim says
 * which; the comments show the arithmetic with the values of defaults.ts at the time of writing.
 */
import { describe, expect, it } from 'vitest';
import { monthlyChurnProbability, nonRenewalProbability } from './behaviour/churn.ts';
import { crossSellProbability } from './behaviour/crossSell.ts';
import { contactSatisfactionDelta, driftSatisfaction } from './behaviour/satisfaction.ts';
import { paidAgentHoursPerMonth, staffingCostPerMonth } from './channels/staffedChannel.ts';
import { selfServiceOutcomes, type SelfServiceOutcomes } from './channels/selfService.ts';
import {
  APP_DEFAULTS,
  CALL_CENTRE_DEFAULTS,
  DEFAULT_BEHAVIOUR,
  DEFAULT_EXPERIENCE,
} from './defaults.ts';
import { resolutionProbability } from './experience/qualityEffect.ts';
import { selfServiceFirstProbability } from './journeys/touchpoint.ts';
import { erlangA } from './staffing/erlangA.ts';
import { agentsForServiceLevel, erlangC } from './staffing/erlangC.ts';

const B = DEFAULT_BEHAVIOUR;
const E = DEFAULT_EXPERIENCE;
const CC = CALL_CENTRE_DEFAULTS;
const FCR = CC.firstContactResolution; // 0.7, SQM Group's industry average
const d = B.satisfactionDriftPerMonth;
const odds = (p: number) => p / (1 - p);

/** A tenured retail customer (Northbank's "everyday" segment) with a yearly renewal point. */
const segment = {
  baseMonthlyChurn: 0.01,
  earlyLifeMonths: 6,
  earlyLifeChurnMultiplier: 2,
  baselineSatisfaction: 7,
  crossSellMonthly: 0.008,
  maxProducts: 4,
  renewal: { everyMonths: 12, baseNonRenewal: 0.2 },
};

/** The design brief's claim, read as an odds ratio: 30–50 % more likely. */
const CLAIM = { low: 1.3, high: 1.5 };

/**
 * Δ: what one contact at excellent quality adds over one at average quality, in satisfaction
 * points, averaged over its outcome: the quality term plus the extra chance of resolving times the
 * gap between a resolved and an unresolved contact. With the defaults:
 * (1.3 − 0) + (0.784 − 0.7) · (0.3 − (−1.0)) = 1.3 + 0.084 · 1.3 = 1.4092.
 */
function excellentAdvantagePerContact(): number {
  const expected = (level: 'average' | 'excellent') => {
    const p = resolutionProbability(FCR, E[level]);
    const contact = (resolved: boolean) =>
      contactSatisfactionDelta(
        { resolved, abandoned: false, waitMinutes: 0, expectedWaitMinutes: 1 },
        E[level],
        B,
      );
    return p * contact(true) + (1 - p) * contact(false);
  };
  return expected('excellent') - expected('average');
}

/**
 * The satisfaction gap between two otherwise equal customers, one served at excellent quality and
 * one at average, after `months` months of `contactsPerMonth` contacts each, in the engine's
 * order: the month's contacts move satisfaction, then it fades toward the baseline, then
 * behaviour is drawn. Returns the gap just after the contacts and after the fading.
 */
function steadyStateGap(contactsPerMonth: number, months = 400) {
  const perMonth = contactsPerMonth * excellentAdvantagePerContact();
  let afterDrift = 0;
  let afterContacts = 0;
  for (let m = 0; m < months; m++) {
    afterContacts = afterDrift + perMonth;
    afterDrift = driftSatisfaction(afterContacts, 0, d);
  }
  return { afterContacts, afterDrift };
}

/** Odds ratios of renewing and of buying another product at `gap` points above the baseline. */
function oddsRatiosAt(gap: number) {
  const s = segment.baselineSatisfaction + gap;
  const renew = 1 - nonRenewalProbability(segment, B, s, 12, false);
  const crossSell = crossSellProbability(segment, B, s, 1);
  return {
    renewal: odds(renew) / odds(1 - segment.renewal.baseNonRenewal),
    crossSell: odds(crossSell) / odds(segment.crossSellMonthly),
  };
}

/** The brief's reading: the gap r·Δ/d just after the month's contacts is 1.3 points. */
const BRIEF_GAP = 1.3;
/** Where behaviour is drawn, after the month's fading: (1 − d) · 1.3 = 1.105 at d = 0.15. */
const GAP_AT_BEHAVIOUR = (1 - d) * BRIEF_GAP;

describe('calibration: from "average" to "wow" lifts renewal and cross-sell odds by 30–50 %', () => {
  it('an excellent contact is worth Δ = quality gap + resolution gap × 1.3 points more (1.41)', () => {
    const pGap = resolutionProbability(FCR, E.excellent) - resolutionProbability(FCR, E.average);
    const qualityGap = E.excellent.satisfactionDelta - E.average.satisfactionDelta;
    const resolutionValue = B.resolvedDelta - B.unresolvedDelta;
    expect(excellentAdvantagePerContact()).toBeCloseTo(qualityGap + pGap * resolutionValue, 12);
    expect(excellentAdvantagePerContact()).toBeGreaterThan(qualityGap);
  });

  it('in steady state the gap is r·Δ/d after the contacts, and (1 − d)·r·Δ/d after the fading', () => {
    // Gap g after the fading: g = (1 − d)·(g + rΔ) ⇒ g = (1 − d)·rΔ/d; just after the contacts
    // it is g + rΔ = rΔ/d. At d = 0.15: 9.4·r and 8.0·r points for r contacts a month.
    for (const r of [0.05, 0.14, 0.3]) {
      const { afterContacts, afterDrift } = steadyStateGap(r);
      const perMonth = r * excellentAdvantagePerContact();
      expect(afterContacts).toBeCloseTo(perMonth / d, 9);
      expect(afterDrift).toBeCloseTo(((1 - d) * perMonth) / d, 9);
    }
  });

  it('1.3 points (r·Δ/d) takes r = 1.3·d/Δ contacts a month in the improved journeys: 0.14', () => {
    const r = (BRIEF_GAP * d) / excellentAdvantagePerContact(); // 1.3 · 0.15 / 1.4092 = 0.138
    expect(steadyStateGap(r).afterContacts).toBeCloseTo(BRIEF_GAP, 9);
    expect(steadyStateGap(r).afterDrift).toBeCloseTo(GAP_AT_BEHAVIOUR, 9);
    expect(r * 12).toBeGreaterThan(1); // between one and a few contacts a year: a plausible rate
    expect(r * 12).toBeLessThan(6);
  });

  it('that gap raises the odds of renewing (×1.33) and of buying more (×1.46) by 30–50 %', () => {
    // renewal: e^(0.26 · 1.105) = 1.333; cross-sell: e^(0.34 · 1.105) = 1.456.
    const { renewal, crossSell } = oddsRatiosAt(GAP_AT_BEHAVIOUR);
    expect(renewal).toBeCloseTo(Math.exp(B.churnSatisfactionSensitivity * GAP_AT_BEHAVIOUR), 12);
    expect(crossSell).toBeCloseTo(
      Math.exp(B.crossSellSatisfactionSensitivity * GAP_AT_BEHAVIOUR),
      12,
    );
    for (const ratio of [renewal, crossSell]) {
      expect(ratio).toBeGreaterThanOrEqual(CLAIM.low);
      expect(ratio).toBeLessThanOrEqual(CLAIM.high);
    }
  });

  it('both claims hold together for gaps between ln 1.3 / 0.26 = 1.01 and ln 1.5 / 0.34 = 1.19', () => {
    const sensitivities = [B.churnSatisfactionSensitivity, B.crossSellSatisfactionSensitivity];
    const from = Math.max(...sensitivities.map((s) => Math.log(CLAIM.low) / s));
    const to = Math.min(...sensitivities.map((s) => Math.log(CLAIM.high) / s));
    expect(from).toBeLessThan(to);
    expect(GAP_AT_BEHAVIOUR).toBeGreaterThanOrEqual(from);
    expect(GAP_AT_BEHAVIOUR).toBeLessThanOrEqual(to);
    // In probabilities at that gap: cross-sell 0.80 % → 1.16 % a month; non-renewal 20 % → 15.8 %.
    const s = segment.baselineSatisfaction + GAP_AT_BEHAVIOUR;
    expect(crossSellProbability(segment, B, s, 1)).toBeGreaterThan(0.011);
    expect(nonRenewalProbability(segment, B, s, 12, false)).toBeLessThan(0.17);
  });
});

describe('calibration: revenue +5–10 % within 2–3 years (McKinsey 2016), +10–15 % (design brief)', () => {
  /**
   * Product-months of a closed book of tenured retail customers (1 product each at the start, at
   * most 4) over `months`, with churn and cross-sell drawn at a satisfaction `gap` above the
   * baseline: exact expectations over the product count, no simulation.
   */
  function bookRevenue(gap: number, months: number): number {
    const s = segment.baselineSatisfaction + gap;
    let held = [0, 1, 0, 0, 0]; // share of the book holding 0…4 products
    let revenue = 0;
    for (let m = 1; m <= months; m++) {
      const churn = monthlyChurnProbability(segment, B, s, 48, false);
      const next = [0, 0, 0, 0, 0];
      for (let k = 1; k <= segment.maxProducts; k++) {
        revenue += held[k]! * k;
        const stay = held[k]! * (1 - churn);
        const buy = crossSellProbability(segment, B, s, k);
        next[k]! += stay * (1 - buy);
        next[Math.min(k + 1, segment.maxProducts)]! += stay * buy;
      }
      held = next;
    }
    return revenue;
  }

  it("the wow gap lifts a book's revenue by 6.7 % in 2 years and 10.0 % in 3", () => {
    const lift = (months: number) =>
      bookRevenue(GAP_AT_BEHAVIOUR, months) / bookRevenue(0, months) - 1;
    expect(lift(24)).toBeGreaterThanOrEqual(0.05);
    expect(lift(24)).toBeLessThanOrEqual(0.1);
    expect(lift(36)).toBeGreaterThanOrEqual(0.05);
    expect(lift(36)).toBeLessThanOrEqual(0.15);
  });
});

describe('calibration: cost-to-serve −10–20 % (design brief), −15–25 % (McKinsey 2016)', () => {
  /**
   * Expected contacts per need when each attempt (the first and every repeat) tries self-service
   * with probability q, falls back to staff, and an unresolved need comes back the next month
   * with probability ρ: attempts = 1 / (1 − ρ·P(unresolved)); staffed = attempts · P(staffed).
   * Abandonment is left out (the queue is assumed to answer).
   */
  function workloadPerNeed(q: number, app: SelfServiceOutcomes, fcr: number) {
    const staffed = 1 - q + q * app.fallback;
    const unresolved = 1 - (q * app.resolved + staffed * fcr);
    const attempts = 1 / (1 - B.repeatContactProbability * unresolved);
    return { attempts, staffed: attempts * staffed };
  }
  // An everyday customer's account question: digital propensity 0.65 × suitability 0.7 = 0.455.
  const q = selfServiceFirstProbability(
    { digitalPropensity: 0.65 },
    { selfService: { channel: 'app', suitability: 0.7 }, staffed: { callCentre: 1 } },
  );

  it('excellent journeys cut staffed contacts per need by 9 %; with a better app by 19 %', () => {
    const base = workloadPerNeed(q, selfServiceOutcomes(APP_DEFAULTS, E.average), FCR);
    const excellentFcr = resolutionProbability(FCR, E.excellent);
    const excellent = workloadPerNeed(
      q,
      selfServiceOutcomes(APP_DEFAULTS, E.excellent),
      excellentFcr,
    );
    const betterApp = { ...APP_DEFAULTS, successRate: 0.75 };
    const both = workloadPerNeed(q, selfServiceOutcomes(betterApp, E.excellent), excellentFcr);
    // 0.826 staffed contacts per need today; 0.751 (−9.1 %) and 0.669 (−19.0 %).
    expect(excellent.staffed / base.staffed - 1).toBeLessThan(-0.05);
    expect(both.staffed / base.staffed - 1).toBeGreaterThanOrEqual(-0.2);
    expect(both.staffed / base.staffed - 1).toBeLessThanOrEqual(-0.1);
  });

  it('a staffed-only need takes 1 / (1 − 0.3·0.7) = 1.27 contacts at 70 % FCR, 1.18 at 78.4 %', () => {
    const none: SelfServiceOutcomes = { resolved: 0, fallback: 0, giveUp: 1 };
    const rho = B.repeatContactProbability;
    expect(workloadPerNeed(0, none, FCR).attempts).toBeCloseTo(1 / (1 - rho * (1 - FCR)), 12);
    const excellentFcr = resolutionProbability(FCR, E.excellent);
    expect(workloadPerNeed(0, none, excellentFcr).attempts).toBeCloseTo(
      1 / (1 - rho * (1 - excellentFcr)),
      12,
    );
  });
});

describe('calibration: service operations', () => {
  /** The most calls an hour the default centre answers 80 % within 20 s (Erlang C): 344. */
  function capacityAt8020(): number {
    let capacity = 0;
    for (let calls = 1; calls <= 2000; calls++) {
      const needed = agentsForServiceLevel({
        arrivalsPerHour: calls,
        ahtMinutes: CC.ahtMinutes,
        targetSeconds: CC.serviceLevelTargetSeconds,
        serviceLevelTarget: 0.8,
      });
      if (needed <= CC.agents) capacity = calls;
      else break;
    }
    return capacity;
  }

  it("FCR: SQM's 70 % average × excellent 1.12 ≈ 78 %, near the 80 % world-class mark", () => {
    expect(FCR).toBe(0.7);
    const excellent = resolutionProbability(FCR, E.excellent);
    expect(excellent).toBeCloseTo(0.784, 12);
    expect(excellent).toBeLessThanOrEqual(0.8);
    expect(resolutionProbability(FCR, E.poor)).toBeCloseTo(0.595, 12);
  });

  it('80/20: 40 agents with a 6-minute AHT answer 80 % within 20 s up to 344 calls an hour', () => {
    expect(CC.serviceLevelTargetSeconds).toBe(20);
    const capacity = capacityAt8020();
    expect(capacity).toBe(344);
    const c = erlangC({
      arrivalsPerHour: capacity,
      ahtMinutes: CC.ahtMinutes,
      agents: CC.agents,
      targetSeconds: 20,
    });
    expect(c.serviceLevel).toBeGreaterThanOrEqual(0.8); // 0.806
    expect(c.occupancy).toBeCloseTo(0.86, 12); // 34.4 Erlangs on 40 agents
  });

  it('patience 3 minutes: 2.2 % hang up at that load, and mean wait = P(abandon) × patience', () => {
    const patience = CC.patienceMinutes!;
    const a = erlangA({
      arrivalsPerHour: capacityAt8020(),
      ahtMinutes: CC.ahtMinutes,
      agents: CC.agents,
      patienceMinutes: patience,
    });
    expect(a.pAbandon).toBeCloseTo(0.0221, 4);
    // The Erlang A identity behind the estimate of patience from data (Brown et al. 2005).
    expect(a.meanWaitMinutes).toBeCloseTo(a.pAbandon * patience, 12);
  });

  it('30 % shrinkage: 1.43 paid hours per hour on duty; the default centre costs 528,000 a month', () => {
    expect(CC.shrinkage).toBe(0.3);
    const onDuty = CC.agents * (CC.closeHour - CC.openHour) * CC.openDaysPerMonth; // 10,560
    expect(paidAgentHoursPerMonth(CC) / onDuty).toBeCloseTo(1 / (1 - CC.shrinkage), 12);
    expect(staffingCostPerMonth(CC)).toBeCloseTo(528000, 6); // 10,560 / 0.7 × 35
  });

  it('the default intraday profile is written in percent of the day', () => {
    expect(CC.intradayProfile).toHaveLength(CC.closeHour - CC.openHour);
    expect(CC.intradayProfile.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("Gartner: a staffed call costs 6.11 at the 80/20 load, 61× the app's 0.10 (Gartner: 8.01, 80×)", () => {
    const openHours = (CC.closeHour - CC.openHour) * CC.openDaysPerMonth;
    const perHour = staffingCostPerMonth(CC) / openHours; // 2,000 an open hour
    const perCall = perHour / capacityAt8020() + CC.ahtMinutes * CC.costPerHandledMinute;
    expect(perCall).toBeCloseTo(6.114, 3); // 5.81 staff + 0.30 handling
    expect(APP_DEFAULTS.costPerContact).toBe(0.1); // Gartner's self-service figure
    const ratio = perCall / APP_DEFAULTS.costPerContact; // 61
    expect(ratio).toBeGreaterThan(8.01 / 0.1 / 2);
    expect(ratio).toBeLessThan((8.01 / 0.1) * 2);
  });

  it("Gartner's 9 % vs the app's 60 %: the app's tasks suit it; 75 % of failures move on (Call Insite)", () => {
    const app = selfServiceOutcomes(APP_DEFAULTS, E.average);
    expect(app.resolved).toBe(0.6);
    expect(app.fallback / (1 - app.resolved)).toBeCloseTo(0.75, 15);
    const gartner = selfServiceOutcomes({ ...APP_DEFAULTS, successRate: 0.09 }, E.average);
    expect(gartner.fallback).toBeCloseTo(0.6825, 15); // 0.91 × 0.75 of attempts call anyway
  });
});

describe('calibration: behaviour', () => {
  it('drift 0.15 a month: an experience half-fades in ln 2 / −ln 0.85 = 4.3 months', () => {
    const halfLife = Math.log(2) / -Math.log(1 - d);
    let s = 5; // 2 points below a baseline of 7
    for (let m = 1; m <= Math.ceil(halfLife); m++) {
      s = driftSatisfaction(s, 7, d);
      if (m < halfLife) expect(7 - s).toBeGreaterThan(1); // more than half the shock left
    }
    expect(7 - s).toBeLessThanOrEqual(1); // half or less once the half-life has passed
    expect(halfLife).toBeGreaterThan(2); // long enough to reach the next renewal or purchase
  });

  it('an unresolved contact costs 1 point: 14 % of a baseline of 7 (SQM: about 15 % per extra call)', () => {
    const share = -B.unresolvedDelta / 7;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
  });

  it('per point, the odds of leaving fall ×1.30 and of buying more rise ×1.40: inside 1.2–1.5', () => {
    for (const s of [B.churnSatisfactionSensitivity, B.crossSellSatisfactionSensitivity]) {
      expect(Math.exp(s)).toBeGreaterThanOrEqual(1.2);
      expect(Math.exp(s)).toBeLessThanOrEqual(1.5);
    }
    const churnAt = (s: number) => monthlyChurnProbability(segment, B, s, 48, false);
    expect(odds(churnAt(6)) / odds(churnAt(7))).toBeCloseTo(
      Math.exp(B.churnSatisfactionSensitivity),
      12,
    );
  });

  it('promoters refer more than they stay: referral is at least as sensitive as churn', () => {
    expect(B.referralSatisfactionSensitivity).toBeGreaterThanOrEqual(
      B.churnSatisfactionSensitivity,
    );
  });

  it('repeat contact 0.7 at 70 % FCR: 21 % of calls are callbacks', () => {
    expect((1 - FCR) * B.repeatContactProbability).toBeCloseTo(0.21, 15);
  });

  it('NPS thresholds 9 and 6, as in Reichheld (2003)', () => {
    expect(B.promoterThreshold).toBe(9);
    expect(B.detractorThreshold).toBe(6);
  });
});
