// @journeycast/models: pure sub-models of the customer journey. No I/O, no randomness of its own.

// Errors
export {
  ParameterError,
  describeValue,
  requireFinite,
  requireInRange,
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireProbability,
} from './errors.ts';

// Model parameters (TypeBox schemas: types, JSON Schema and help text from one source)
export {
  BehaviourSpec,
  ChannelSpec,
  ExperienceSpec,
  InvestmentSpec,
  JOURNEY_KINDS,
  JourneySpec,
  LIMITS,
  MODEL_SCHEMAS,
  ModelSpec,
  PopulationSpec,
  QUALITY_LEVELS,
  QualityEffect,
  QualityLevel,
  ReferralSpec,
  RenewalSpec,
  SegmentSpec,
  SelfServiceChannelSpec,
  Shares,
  SourceSpec,
  StaffedChannelSpec,
  TouchpointSpec,
} from './spec/modelSpec.ts';
export { SHARE_TOLERANCE, checkModel, sumShares, type ModelProblem } from './spec/checkModel.ts';
export {
  APP_DEFAULTS,
  CALL_CENTRE_DEFAULTS,
  DEFAULT_BEHAVIOUR,
  DEFAULT_EXPERIENCE,
} from './defaults.ts';

// Deterministic elementary functions (bit-identical in Node and browsers)
export { detExp, detExpm1, detLog, detLog1p, detPow } from './math/detMath.ts';

// Staffed-channel queueing, analytic (Erlang B, C, A)
export { erlangB, type ErlangBParams } from './staffing/erlangB.ts';
export {
  agentsForServiceLevel,
  erlangC,
  type AgentsForServiceLevelParams,
  type ErlangCParams,
  type ErlangCResult,
} from './staffing/erlangC.ts';
export { erlangA, type ErlangAParams, type ErlangAResult } from './staffing/erlangA.ts';

// Channels
export {
  agentsPerOpenHour,
  hourlyArrivalRates,
  openHoursPerDay,
  paidAgentHoursPerMonth,
  staffingCostPerMonth,
} from './channels/staffedChannel.ts';
export { selfServiceOutcomes, type SelfServiceOutcomes } from './channels/selfService.ts';

// Journeys, touchpoints and experience quality
export {
  selfServiceFirstProbability,
  touchpointContactProbability,
  touchpointQuality,
} from './journeys/touchpoint.ts';
export {
  qualityEffect,
  qualityFromScore,
  qualityScore,
  requireQualityLevel,
  resolutionProbability,
} from './experience/qualityEffect.ts';

// Behaviour
export { adjustOdds } from './behaviour/adjustOdds.ts';
export {
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  clampSatisfaction,
  contactSatisfactionDelta,
  driftSatisfaction,
  waitPenalty,
  type ContactOutcome,
} from './behaviour/satisfaction.ts';
export {
  churnLogOddsShift,
  isRenewalMonth,
  monthlyChurnProbability,
  nonRenewalProbability,
} from './behaviour/churn.ts';
export { crossSellProbability } from './behaviour/crossSell.ts';
export { referralProbability } from './behaviour/referral.ts';
export { npsProxy } from './behaviour/npsProxy.ts';

// Acquisition
export {
  costPerAcquisitionAtSpend,
  monthlyAcquisition,
  sourceActiveInMonth,
  type MonthlyAcquisition,
} from './acquisition/acquisitionVolume.ts';

// Economics
export { productRevenue } from './economics/productRevenue.ts';
export { staffingCost } from './economics/staffingCost.ts';
export { handlingCost } from './economics/handlingCost.ts';
export { digitalCost } from './economics/digitalCost.ts';
export {
  monthlyCashFlow,
  type MonthlyCashFlow,
  type MonthlyCashFlowParams,
} from './economics/monthlyCashFlow.ts';
export {
  netValuePerCustomer,
  type NetValuePerCustomerParams,
} from './economics/netValuePerCustomer.ts';
export { investmentFlows } from './economics/investmentFlows.ts';

// Finance
export { monthlyRate } from './finance/monthlyRate.ts';
export { discountFactors } from './finance/discountFactors.ts';
export { presentValue } from './finance/presentValue.ts';
export { npv, type NpvParams } from './finance/npv.ts';
export { npvAtRate } from './finance/npvAtRate.ts';
export {
  IRR_NEVER_PAYS_BACK,
  IRR_NO_INVESTMENT,
  IRR_NO_ROOT,
  IRR_TOUCH_TOLERANCE,
  irr,
  type IrrResult,
} from './finance/irr.ts';
export {
  paybackMonth,
  paybackMonthFromFactors,
  type PaybackMonth,
  type PaybackMonthOptions,
} from './finance/paybackMonth.ts';
export { roi, type RoiParams, type RoiResult } from './finance/roi.ts';
export { terminalValue, type TerminalValueParams } from './finance/terminalValue.ts';
export { yearlyTable, type YearlyRow, type YearlyTableParams } from './finance/yearlyTable.ts';
export {
  compareToBaseline,
  type BaselineComparison,
  type CompareToBaselineParams,
} from './finance/compareToBaseline.ts';
