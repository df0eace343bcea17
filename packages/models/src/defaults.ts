/**
 * Defaults, each with its source or marked plainly as an assumption. Scenario files state every parameter
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
 * Experience-quality effects. "Average" is the reference (no change).
 *
 * - Satisfaction deltas (poor −0.8, good +0.7, excellent +1.3 points): an assumption, set together
 *   with the behaviour sensitivities below so that the design brief's claim ("moving experience from
 *   average to wow lifts likelihood to renew and to buy another product by 30–50 %") holds for
 *   customers who meet the improved journeys 0.126–0.149 times a month (defaults.spec.ts and
 *   docs/model.md, Calibration, work it out; more often and cross-sell passes 50 %, less often and
 *   renewal stays under 30 %). The 30–50 % is the brief's figure, not a published one. The nearest
 *   published evidence compares the best with the worst experiences, a wider gap than average to
 *   excellent: Kriss (2014), "The Value of Customer Experience, Quantified", Harvard Business
 *   Review (HBR Blog Network, 1 August 2014): in a subscription business 74 % of the members giving
 *   one of the top two experience scores were still members a year later against 43 % of those
 *   with the poorest experience (odds × 3.8); in a transaction business the best experiences spent
 *   140 % more.
 * - Resolution multipliers (poor 0.85, good 1.06, excellent 1.12): excellent takes SQM Group's
 *   industry-average first-call resolution, 70 % ("Call Center Customer Experience Research",
 *   sqmgroup.com/resources/library/blog/call-center-customer-experience-research), to 78.4 %, just
 *   under the 80 % SQM calls world class and finds in 5 % of the call centres it benchmarks ("Top 5
 *   Reasons to Improve First Contact Resolution", sqmgroup.com/resources/library/blog/
 *   top-5-reasons-improve-first-call-resolution). Good and poor are assumptions, spaced in between
 *   and below.
 *
 * The library's journey-excellence scenario is the end-to-end check: its CI expectations are
 * revenue +10–15 %, cost-to-serve per customer −10–20 % and renewal and cross-sell odds × 1.3–1.5
 * (packages/scenarios/library/journey-excellence.json, `expect`).
 */
export const DEFAULT_EXPERIENCE: ExperienceSpec = {
  poor: { satisfactionDelta: -0.8, resolutionMultiplier: 0.85 },
  average: { satisfactionDelta: 0, resolutionMultiplier: 1 },
  good: { satisfactionDelta: 0.7, resolutionMultiplier: 1.06 },
  excellent: { satisfactionDelta: 1.3, resolutionMultiplier: 1.12 },
};

/**
 * Behaviour. Satisfaction is on the 0–10 "likely to recommend" scale. Sourced or assumed, item by
 * item:
 * - unresolved −1.0 (and resolved +0.3): SQM Group, "Employee Satisfaction for FCR
 *   Effectiveness" (benchmarking-study page, sqmgroup.com/employee-satisfaction-for-fcr-effectiveness,
 *   undated): "for each additional call, customer satisfaction drops by 15%"; on a baseline of 7,
 *   −1 point is 14 %. The +0.3 for a resolved contact is an assumption.
 * - abandoned −0.5 and give up −0.8: assumptions. A hang-up is a failed contact (it also takes the
 *   unresolved −1.0 and the wait penalty), so its own term is small; giving up on a need is a
 *   little less than a failed contact, which it follows.
 * - wait penalty 0.4 a multiple of the expected wait, at most 2: assumptions; the form follows
 *   expectation–disconfirmation (Oliver 1980, J. Marketing Research 17(4)).
 * - drift 0.15 a month: an assumption; a service experience half-fades in ~4.3 months
 *   (ln 2 / −ln 0.85), so a memorable one still weighs on the next renewal or purchase decision.
 * - churn sensitivity 0.26 log-odds per point (odds × 1.30 per point), cross-sell 0.34 (× 1.40),
 *   referral 0.3 (× 1.35): assumptions, kept to odds ratios of 1.2–1.5 per point, fixed with the
 *   experience effects above (see there). That satisfaction lowers actual churn is established
 *   (Gustafsson, Johnson & Roos 2005, J. Marketing 69(4): 210–218, telecommunications); how much
 *   per point in a given business is for its own data to say.
 * - open-issue churn odds × 1.5: an assumption, deliberately conservative. SQM Group's survey
 *   ("Call Centers are the Last Line of Defense for Stopping Customers from Defecting", blog,
 *   19 April 2022) found 25 % of customers intending to defect after an unresolved call against 5 %
 *   after first-call resolution (odds × 6.3); stated intentions overstate what customers do, and
 *   an unresolved contact already lowers satisfaction, which raises churn through the sensitivity.
 * - repeat contact 0.7: an assumption: 70 % of unresolved needs come back the next month (at 70 %
 *   FCR, 21 % of calls are callbacks).
 * - NPS thresholds 9 / 6: Reichheld (2003), "The One Number You Need to Grow", HBR 81(12).
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
 * A retail-banking call centre. Sourced or assumed, item by item:
 * - AHT 6 minutes: ContactBabel's 2014 "US Contact Center HR and Operational Benchmarking Report"
 *   put the average customer-service call at 6 minutes 21 seconds of talk time (reported by
 *   L. Klie, "Call Handling Time Continues to Rise", CRM magazine, 1 September 2014); 6 minutes
 *   rounds that down and leaves out wrap-up, so it is a lean figure.
 * - FCR 70 %: SQM Group's industry average ("Call Center Customer Experience Research", see
 *   DEFAULT_EXPERIENCE; other SQM pages give 67 % and 72 %).
 * - 80 % within 20 s: the most popular service-level target, though no standard (Fonolo, "Why 80/20
 *   is Probably the Wrong Service Level for Your Call Center", June 2014).
 * - shrinkage 30 %: half the workforce planners SWPP surveyed assume 26–35 % for long-term planning
 *   (Society of Workforce Planning Professionals, "WFM Survey Results", On Target, summer 2024).
 * - patience 3 minutes (mean, exponential): an assumption. Brown et al. (2005, "Statistical analysis
 *   of a telephone call center: a queueing-science perspective", JASA 100(469)) estimate patience
 *   from a bank's call records; under Erlang A a centre's own figures give it, mean patience =
 *   mean wait / P(abandon) (Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to
 *   call centers", 2005, §4.6). Their bank's figures are not copied here.
 * - expected wait 1 minute: an assumption, in line with "nearly 60% of consumers are not willing
 *   to wait on hold for customer service for more than one minute" (a Velaro study, as quoted in
 *   Talkdesk's "Call center benchmarks by industry" infographic).
 * - cost per agent hour 35 and per handled minute 0.05 (telephony, systems): assumptions, in the
 *   scenario's currency; replace them with the company's own fully loaded figures.
 * - open 8:00–20:00 on 22 days a month (weekdays: 365.25 · 5/7 / 12 = 21.7) with 40 agents, and
 *   an intraday profile in percent of the day with a late-morning peak that declines through the
 *   afternoon: assumptions describing a typical weekday operation; the profile should come from
 *   the centre's own arrival data.
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
 * A banking app. Gartner's 2019 Customer Service and Support Leader poll (reported by L. Klie,
 * "Gartner Survey Finds Self-Service Insufficient", CRM magazine, 26 November 2019): self-service
 * costs about 0.10 per contact against 8.01 for live channels, and only 9 % of customers resolve an
 * issue completely in self-service. The 60 % success rate is an assumption for the needs routed
 * to the app (balances, addresses, card controls), tasks an app does far better than Gartner's
 * whole-journey 9 %. 75 % of customers move to another channel when online service fails (Call
 * Insite, "Current company channels vs customer channel preference", callinsite.com).
 */
export const APP_DEFAULTS: SelfServiceChannelSpec = {
  kind: 'selfService',
  label: 'App',
  successRate: 0.6,
  costPerContact: 0.1,
  fallbackRate: 0.75,
};
