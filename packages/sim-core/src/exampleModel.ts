/**
 * A small but complete retail-bank model: the engine's own test and benchmark subject, and a worked
 * example of every part of a model. (The app's default scenario lives in packages/scenarios.)
 */
import {
  APP_DEFAULTS,
  CALL_CENTRE_DEFAULTS,
  DEFAULT_BEHAVIOUR,
  DEFAULT_EXPERIENCE,
  type ModelSpec,
} from '@journeycast/models';

export function exampleModel(): ModelSpec {
  return {
    horizonMonths: 24,
    annualDiscountRate: 0.08,
    terminalValue: false,
    population: {
      initialCustomers: 200_000,
      segmentMix: { mass: 0.7, affluent: 0.3 },
      initialTenureMonths: 36,
    },
    segments: {
      mass: {
        label: 'Mass market',
        marginPerProductMonthly: 9,
        productsAtStart: 1,
        maxProducts: 4,
        baseMonthlyChurn: 0.012,
        earlyLifeMonths: 6,
        earlyLifeChurnMultiplier: 2,
        contactRateMultiplier: 1.2,
        digitalPropensity: 0.6,
        baselineSatisfaction: 7,
        satisfactionSpread: 1.5,
        crossSellMonthly: 0.01,
        referralMonthly: 0.004,
      },
      affluent: {
        label: 'Affluent',
        marginPerProductMonthly: 25,
        productsAtStart: 2,
        maxProducts: 6,
        baseMonthlyChurn: 0.006,
        earlyLifeMonths: 6,
        earlyLifeChurnMultiplier: 1.5,
        contactRateMultiplier: 0.8,
        digitalPropensity: 0.75,
        baselineSatisfaction: 7.5,
        satisfactionSpread: 1.3,
        crossSellMonthly: 0.015,
        referralMonthly: 0.006,
      },
    },
    sources: {
      paidSearch: {
        label: 'Paid search',
        mode: 'budget',
        monthlyBudget: 150_000,
        monthlyVolume: 0,
        costPerAcquisition: 150,
        referenceMonthlyBudget: 150_000,
        spendElasticity: 0.3,
        segmentMix: { mass: 0.8, affluent: 0.2 },
      },
      branch: {
        label: 'Branch',
        mode: 'volume',
        monthlyBudget: 0,
        monthlyVolume: 600,
        costPerAcquisition: 90,
        referenceMonthlyBudget: 1,
        spendElasticity: 0,
        segmentMix: { mass: 0.5, affluent: 0.5 },
      },
    },
    referrals: { costPerReferral: 50, segmentMix: { mass: 0.6, affluent: 0.4 } },
    channels: {
      callCentre: { ...CALL_CENTRE_DEFAULTS, agents: 20 },
      app: { ...APP_DEFAULTS },
    },
    journeys: {
      onboarding: {
        label: 'Onboarding',
        kind: 'onboarding',
        quality: 'average',
        touchpoints: {
          setup: {
            label: 'Account set-up help',
            monthlyProbability: 0.35,
            toTenureMonth: 2,
            selfService: { channel: 'app', suitability: 0.6 },
            staffed: { callCentre: 1 },
          },
        },
      },
      servicing: {
        label: 'Servicing',
        kind: 'servicing',
        quality: 'average',
        touchpoints: {
          question: {
            label: 'Account question',
            monthlyProbability: 0.12,
            selfService: { channel: 'app', suitability: 0.7 },
            staffed: { callCentre: 1 },
          },
          cardDeclined: {
            label: 'Card declined abroad',
            monthlyProbability: 0.01,
            eventSatisfactionDelta: -1.5,
            quality: 'poor',
            staffed: { callCentre: 1 },
          },
        },
      },
    },
    experience: JSON.parse(JSON.stringify(DEFAULT_EXPERIENCE)) as typeof DEFAULT_EXPERIENCE,
    behaviour: { ...DEFAULT_BEHAVIOUR },
    investments: [],
  };
}
