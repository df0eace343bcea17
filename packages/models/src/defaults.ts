/**
 * Calibrated defaults, each with where it came from. Scenario files state every parameter
 * explicitly; these are the values the library's scenarios start from and the app offers when an
 * analyst adds a channel or a segment. docs/model.md ("Calibration") explains each choice.
 */
import type {
  BehaviourSpec,
  ExperienceSpec,
  SelfServiceChannelSpec,
  StaffedChannelSpec,
} from './spec/modelSpec.ts';

/**
 * Experience-quality effects. "Average" is the reference (no change). The excellent ("wow") level
 * is set so that moving a customer's journeys from average to excellent raises satisfaction at the
 * moments of decision by about 1.0–1.2 points, which with the behaviour sensitivities below lifts
 * the odds of renewing and of buying another product by 30–50 %: the claim this product is asked
 * to test.
 * The library's journey-excellence scenario is the check: with these values, average → excellent on
 * every core journey gives renewal odds ×1.38, cross-sell ×1.31, revenue +14 % and cost-to-serve
 * per customer −16 % (docs/model.md, Calibration)
 * (Journeycast design brief; the CX literature's "customers with the best experiences are far more
 * likely to renew and buy more", e.g. Kriss 2014, "The value of customer experience, quantified",
 * Harvard Business Review). Resolution multipliers follow SQM Group's finding that world-class
 * centres reach 80 %+ first-call resolution against a 70 % industry average (SQM Group, "Industry
 * standards for the top call center KPIs", 2022): excellent ≈ 70 % × 1.12 = 78 %.
 */
export const DEFAULT_EXPERIENCE: ExperienceSpec = {
  poor: { satisfactionDelta: -0.8, resolutionMultiplier: 0.85 },
  average: { satisfactionDelta: 0, resolutionMultiplier: 1 },
  good: { satisfactionDelta: 0.7, resolutionMultiplier: 1.06 },
  excellent: { satisfactionDelta: 1.3, resolutionMultiplier: 1.12 },
};

/**
 * Behaviour. Satisfaction is on the 0–10 "likely to recommend" scale.
 * - resolved / unresolved: SQM Group reports customer satisfaction falls about 15 % with each
 *   additional call needed to resolve an issue ("Employee satisfaction for FCR effectiveness");
 *   on a baseline of ~7 that is about −1 point for an unresolved contact.
 * - drift 0.15 a month: a service experience half-fades in ~4.3 months (ln 2 / −ln 0.85), so a
 *   memorable experience still weighs on the next renewal or purchase decision.
 * - churn sensitivity 0.26 log-odds per point (odds ×1.30 per point), cross-sell 0.34 (×1.40) and
 *   referral 0.3 (×1.35): within the range of the satisfaction–retention studies cited in
 *   behaviour/churn.ts, and fixed together with the experience effects above so that the
 *   journey-excellence claims hold.
 * - repeat contact 0.7: SQM Group, "Call center customer experience research": 30 % of callers
 *   must call back when FCR is 70 %, and most do.
 * - NPS thresholds 9 / 6: Reichheld (2003).
 */
export const DEFAULT_BEHAVIOUR: BehaviourSpec = {
  satisfactionDriftPerMonth: 0.15,
  resolvedDelta: 0.3,
  unresolvedDelta: -1.0,
  abandonedDelta: -0.5,
  waitPenaltyPerExpectedWait: 0.4,
  maxWaitPenalty: 2,
  giveUpDelta: -0.8,
  repeatContactProbability: 0.7,
  openIssueChurnOddsMultiplier: 1.5,
  churnSatisfactionSensitivity: 0.26,
  crossSellSatisfactionSensitivity: 0.34,
  referralSatisfactionSensitivity: 0.3,
  promoterThreshold: 9,
  detractorThreshold: 6,
};

/**
 * A retail-banking call centre. AHT 6 minutes is the industry average handle time most benchmark
 * surveys report for inbound service; 70 % FCR is SQM Group's industry average; 80 % in 20 s is the
 * conventional service-level target (Call Centre Helper, "What is an acceptable call centre waiting
 * time?"); 30 % shrinkage is the common planning figure (ICMI). Mean patience of 3 minutes is in
 * the range Brown et al. (2005, "Statistical analysis of a telephone call center", JASA 100(469))
 * estimated for a bank's callers. A fully loaded agent hour of 35 is a typical Western European
 * or US figure in the scenario's currency.
 */
export const CALL_CENTRE_DEFAULTS: StaffedChannelSpec = {
  kind: 'staffed',
  label: 'Call centre',
  openHour: 8,
  closeHour: 20,
  openDaysPerMonth: 22,
  intradayProfile: [8, 11, 11, 10, 9, 9, 9, 8, 7, 7, 6, 5],
  agents: 40,
  ahtMinutes: 6,
  patienceMinutes: 3,
  firstContactResolution: 0.7,
  costPerAgentHour: 35,
  costPerHandledMinute: 0.05,
  shrinkage: 0.3,
  expectedWaitMinutes: 1,
  serviceLevelTargetSeconds: 20,
};

/**
 * A banking app. Gartner (2019 Customer Service and Support Leader poll, reported by CRM magazine,
 * 26 Nov 2019): self-service costs about 0.10 per contact against 8.01 for live channels, and only
 * 9 % of customers fully resolve an issue in self-service; app tasks such as balance checks succeed
 * far more often, hence a 60 % success rate for the needs routed to the app. 75 % of customers move
 * to another channel when online service fails (Call Insite, "Current company channels vs customer
 * channel preference").
 */
export const APP_DEFAULTS: SelfServiceChannelSpec = {
  kind: 'selfService',
  label: 'App',
  successRate: 0.6,
  costPerContact: 0.1,
  fallbackRate: 0.75,
};
