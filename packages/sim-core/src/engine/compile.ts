/**
 * Compiles a model into flat typed arrays the monthly step reads without allocating: indices
 * instead of ids, probabilities as 32-bit thresholds, and behaviour curves tabulated over the
 * satisfaction scale by the model functions themselves (packages/models), so the hot loop makes
 * array lookups where the models would call exp.
 *
 * Tabulation: churn, non-renewal, cross-sell and referral probabilities are evaluated at every
 * 0.01 satisfaction point (1,001 points on 0–10) and linearly interpolated between. The curves are
 * logistic with slopes of at most a few log-odds per point, so interpolation error is below 1e-6
 * in probability: far below Monte Carlo error, and identical on every machine.
 */
import {
  agentsPerOpenHour,
  crossSellProbability,
  investmentFlows,
  monthlyAcquisition,
  productRevenue,
  monthlyChurnProbability,
  nonRenewalProbability,
  paidAgentHoursPerMonth,
  qualityEffect,
  referralProbability,
  resolutionProbability,
  selfServiceFirstProbability,
  selfServiceOutcomes,
  staffingCost,
  touchpointContactProbability,
  touchpointQuality,
  type ModelSpec,
  type SegmentSpec,
  type StaffedChannelSpec,
} from '@journeycast/models';
import { categoricalGuide, cumulative } from '../random/distributions.ts';
import { idHash, probabilityThreshold } from '../random/streams.ts';

/** Satisfaction grid: 0–10 in steps of 0.01. */
export const GRID_STEPS_PER_POINT = 100;
export const GRID_SIZE = 10 * GRID_STEPS_PER_POINT + 1;

/**
 * `behaviourCurves` row layout: at each grid point, the value and the slope to the next point of
 * the three curves every customer reads each month, side by side, so one customer's lookups read
 * 48 contiguous bytes (one or two cache lines) instead of three places in three tables.
 */
export const CURVE_CHURN = 0;
export const CURVE_CROSS_SELL = 2;
export const CURVE_REFERRAL = 4;
export const CURVE_STRIDE = 6;
/** `revenueByProducts` holds 256 entries per segment: one for every count a Uint8 column holds. */
export const PRODUCT_COUNTS = 256;

export interface CompiledStaffedChannel {
  id: string;
  /** Index among all channels (the summary's channel order). */
  channelIndex: number;
  streamId: number;
  hours: number;
  profile: Float64Array;
  profileCdf: Float64Array;
  /** `categoricalGuide(profileCdf)`: a caller's hour from their 32 random bits, mostly without search. */
  hourGuide: Int32Array;
  agentsByHour: Int32Array;
  ahtMinutes: number;
  patienceMinutes: number;
  targetMinutes: number;
  openDaysPerMonth: number;
  expectedWaitMinutes: number;
  costPerHandledMinute: number;
  staffingCostPerMonth: number;
  paidHoursPerMonth: number;
}

export interface CompiledSelfService {
  id: string;
  channelIndex: number;
  costPerContact: number;
}

/** Longest tenure table kept; gates further out are checked one by one (tenureMask). */
const MAX_TENURE_MASK_LENGTH = 1200;

/** The touchpoints whose tenure gates a customer of tenure τ passes, one bit each. */
export function tenureMask(from: Int32Array, to: Int32Array, tenure: number): number {
  let mask = 0;
  for (let t = 0; t < from.length; t++) {
    if (tenure >= from[t]! && tenure <= to[t]!) mask |= 1 << t;
  }
  return mask;
}

function tenureMasks(from: Int32Array, to: Int32Array, renewalOnly: Uint8Array) {
  // Past the last finite gate boundary every customer sees the same touchpoints.
  let boundary = 0;
  for (let t = 0; t < from.length; t++) {
    boundary = Math.max(boundary, from[t]! + 1);
    if (to[t]! !== 0x7fffffff) boundary = Math.max(boundary, to[t]! + 1);
  }
  const capped = boundary > MAX_TENURE_MASK_LENGTH;
  const length = Math.min(boundary, MAX_TENURE_MASK_LENGTH);
  const table = new Int32Array(length);
  for (let tenure = 0; tenure < length; tenure++) table[tenure] = tenureMask(from, to, tenure);
  let renewal = 0;
  for (let t = 0; t < renewalOnly.length; t++) if (renewalOnly[t] === 1) renewal |= 1 << t;
  return {
    tpTenureMask: table,
    tpTenureMaskLength: length,
    tpTenureMaskCapped: capped,
    tpSteadyMask: tenureMask(from, to, length),
    tpRenewalMask: renewal,
  };
}

/** The contact draws per tenure row (see CompiledModel.tpRowStart). */
function contactRows(
  masks: ReturnType<typeof tenureMasks>,
  S: number,
  T: number,
  mix: Int32Array,
  thresholdBySegment: Float64Array,
) {
  const L = masks.tpTenureMaskLength;
  const rowCount = S * (L + 1) * 2;
  const start = new Int32Array(rowCount + 1);
  const touchpoint: number[] = [];
  for (let s = 0; s < S; s++) {
    for (let r = 0; r <= L; r++) {
      for (let renewal = 0; renewal < 2; renewal++) {
        start[(s * (L + 1) + r) * 2 + renewal] = touchpoint.length;
        let mask = r < L ? masks.tpTenureMask[r]! : masks.tpSteadyMask;
        if (renewal === 0) mask &= ~masks.tpRenewalMask;
        for (let t = 0; t < T; t++) {
          if ((mask & (1 << t)) !== 0 && thresholdBySegment[s * T + t]! > 0) touchpoint.push(t);
        }
      }
    }
  }
  start[rowCount] = touchpoint.length;
  const tpRowTouchpoint = Int32Array.from(touchpoint);
  const tpRowMix = new Int32Array(touchpoint.length);
  const tpRowLimit = new Uint32Array(touchpoint.length);
  let k = 0;
  for (let row = 0; row < rowCount; row++) {
    const s = Math.floor(row / ((L + 1) * 2));
    for (; k < start[row + 1]!; k++) {
      const t = tpRowTouchpoint[k]!;
      tpRowMix[k] = mix[t]!;
      tpRowLimit[k] = thresholdBySegment[s * T + t]! - 1;
    }
  }
  return { tpRowStart: start, tpRowTouchpoint, tpRowMix, tpRowLimit };
}

export interface CompiledModel {
  horizon: number;
  annualDiscountRate: number;
  terminalValue: boolean;
  segmentIds: string[];
  channelIds: string[];
  sourceIds: string[];
  touchpointIds: string[];
  staffed: CompiledStaffedChannel[];
  selfService: CompiledSelfService[];

  // Segments (index = segment)
  marginPerProduct: Float64Array;
  productsAtStart: Uint8Array;
  maxProducts: Uint8Array;
  baselineSatisfaction: Float64Array;
  satisfactionSpread: Float64Array;
  earlyLifeMonths: Int32Array;
  renewalEvery: Int32Array;
  /** [segment][early 0/1][any open need 0/1][grid] */
  churnTable: Float64Array;
  /** [segment][any open need 0/1][grid] */
  nonRenewalTable: Float64Array;
  /** [segment][early 0/1][grid] */
  crossSellTable: Float64Array;
  /** [segment][early 0/1][grid] */
  referralTable: Float64Array;
  /**
   * The churn, cross-sell and referral tables interleaved, [segment][early][open][grid][CURVE_*]:
   * at each point the table's value and then its slope to the next point, `table[g + 1] − table[g]`
   * (0 at the last point). The slope is the difference the interpolation would take, computed once:
   * the same double, so `value + (x − g) × slope` is bit for bit the interpolation of the tables.
   */
  behaviourCurves: Float64Array;
  /** The non-renewal table likewise, [segment][open][grid][value, slope]. */
  nonRenewalCurve: Float64Array;
  /** A month's margin for a customer holding n products, [segment * PRODUCT_COUNTS + n]. */
  revenueByProducts: Float64Array;

  // Touchpoints (index = touchpoint; [t * S + s] for per-segment values)
  tpSlot: Uint32Array;
  /** Contact threshold by [segment * T + touchpoint] (segment-major: the loop runs over t). */
  tpContactThresholdBySegment: Float64Array;
  tpFromTenure: Int32Array;
  tpToTenure: Int32Array;
  tpRenewalOnly: Uint8Array;
  /**
   * The touchpoints open to a customer of tenure τ, one bit each: `tpTenureMask[τ]` for
   * τ < `tpTenureMaskLength`, `tpSteadyMask` from there on (every tenure gate has been passed or
   * closed by then), unless `tpTenureMaskCapped`, when the gates are checked one by one. Renewal-only
   * touchpoints are in `tpRenewalMask`, and open only in a renewal month.
   */
  tpTenureMask: Int32Array;
  tpTenureMaskLength: number;
  tpTenureMaskCapped: boolean;
  tpSteadyMask: number;
  tpRenewalMask: number;
  /**
   * The contact draws of a customer's month, listed per tenure row: row
   * `(segment * (tpTenureMaskLength + 1) + r) * 2 + renewal`, r the tenure below
   * `tpTenureMaskLength` or that length for the steady mask, renewal 1 in a renewal month. Row k's
   * entries are [tpRowStart[k], tpRowStart[k + 1]): the touchpoints the row opens, in touchpoint
   * order, less those the segment never contacts (threshold 0), each with its slot constant and its
   * threshold less one as an unsigned 32-bit integer (a draw `bits` contacts when
   * `bits <= tpRowLimit`, the same test as `bits < threshold`; thresholds run up to 2^32, one more
   * than a Uint32Array holds). Not used when `tpTenureMaskCapped` (tenures past the tables).
   */
  tpRowStart: Int32Array;
  tpRowTouchpoint: Int32Array;
  tpRowMix: Int32Array;
  tpRowLimit: Uint32Array;
  tpEventDelta: Float64Array;
  tpQualityDelta: Float64Array;
  tpSelfService: Int32Array;
  tpSelfServiceFirstThreshold: Float64Array;
  tpSelfServiceResolvedThreshold: Float64Array;
  /** Threshold below which a self-service attempt resolves or falls back (resolved + fallback). */
  tpSelfServiceFallbackThreshold: Float64Array;
  /** Staffed-channel choice: cumulative shares over staffed channels [t * K + k]. */
  tpStaffedCdf: Float64Array;
  tpHasStaffed: Uint8Array;
  /** Resolution threshold when answered [t * K + k]: FCR × quality multiplier. */
  tpResolveThreshold: Float64Array;
  /**
   * Expected staffed contacts on channel k of one need of touchpoint t for a customer of segment s
   * [(s * T + t) * K + k]: P(reaches a staffed channel) × the channel's share. With the contact and
   * repeat probabilities below, the queues' load is the expected load of the customers simulated
   * (see simulate.ts), not their sampled count.
   */
  tpStaffedLoad: Float64Array;
  /** Probability of a need of touchpoint t for segment s in an eligible month [s * T + t]. */
  tpContactProbability: Float64Array;
  /** Probability that an open need comes back as a repeat contact (vs giving up). */
  repeatProbability: number;

  // Acquisition [source * horizon + (month − 1)]
  sourceHash: Uint32Array;
  acquisitionCustomers: Float64Array;
  acquisitionSpend: Float64Array;
  sourceSegmentCdf: Float64Array[];
  /** Presales calls per acquisition that reach the queue (contacts × reach share). */
  presalesPerAcquisition: Float64Array;
  presalesChannel: Int32Array;
  /**
   * Conversions that hang on a presales call (0 where a source loses none): a would-be customer
   * wants to call with probability min(1, contacts per acquisition), finds a number with the reach
   * share, and, unanswered (no number, or hung up in the queue), is lost with the lost share.
   */
  presalesLosesConversions: Uint8Array;
  presalesCallerThreshold: Float64Array;
  presalesReachThreshold: Float64Array;
  presalesLostThreshold: Float64Array;
  referralSegmentCdf: Float64Array;
  costPerReferral: number;
  initialSegmentCdf: Float64Array;
  initialCustomers: number;
  initialTenureMonths: number;

  // Behaviour
  repeatThreshold: number;
  giveUpDelta: number;
  resolvedDelta: number;
  unresolvedDelta: number;
  abandonedDelta: number;
  waitPenaltyPerExpectedWait: number;
  maxWaitPenalty: number;
  drift: number;
  promoterThreshold: number;
  detractorThreshold: number;

  investment: Float64Array;
  /** The model this was compiled from (for finance, terminal value and reports). */
  spec: ModelSpec;
}

/** The keys of an id-keyed map in a fixed order (UTF-16 code-unit order, the same everywhere). */
function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort();
}

function tabulate(out: Float64Array, offset: number, f: (satisfaction: number) => number): void {
  for (let g = 0; g < GRID_SIZE; g++) out[offset + g] = f(g / GRID_STEPS_PER_POINT);
}

export function compileModel(spec: ModelSpec): CompiledModel {
  const horizon = spec.horizonMonths;
  // Ids are taken in sorted order, never in the order a file happens to list them: the scenario's
  // content hash ignores key order, so the numbers must too (same scenario ⇒ same numbers).
  const segmentIds = sortedKeys(spec.segments);
  const segments = segmentIds.map((id) => spec.segments[id] as SegmentSpec);
  const S = segmentIds.length;
  const channelIds = sortedKeys(spec.channels);
  const sourceIds = sortedKeys(spec.sources);

  // Own keys only: a segment named like an Object.prototype member ("toString", "valueOf") must not
  // read that member as its share.
  const mixCdf = (mix: Record<string, number>): Float64Array =>
    cumulative(segmentIds.map((id) => (Object.hasOwn(mix, id) ? mix[id]! : 0)));

  const staffed: CompiledStaffedChannel[] = [];
  const selfService: CompiledSelfService[] = [];
  channelIds.forEach((id, channelIndex) => {
    const channel = spec.channels[id]!;
    if (channel.kind === 'staffed') {
      const c: StaffedChannelSpec = channel;
      const hours = c.closeHour - c.openHour;
      const profileCdf = cumulative(c.intradayProfile);
      const profile = new Float64Array(hours);
      let total = 0;
      for (const w of c.intradayProfile) total += w;
      for (let h = 0; h < hours; h++)
        profile[h] = total > 0 ? (c.intradayProfile[h] ?? 0) / total : 0;
      const paid = paidAgentHoursPerMonth(c);
      staffed.push({
        id,
        channelIndex,
        streamId: idHash(id),
        hours,
        profile,
        profileCdf,
        hourGuide: categoricalGuide(profileCdf),
        agentsByHour: Int32Array.from(agentsPerOpenHour(c)),
        ahtMinutes: c.ahtMinutes,
        patienceMinutes: c.patienceMinutes ?? Infinity,
        targetMinutes: c.serviceLevelTargetSeconds / 60,
        openDaysPerMonth: c.openDaysPerMonth,
        expectedWaitMinutes: c.expectedWaitMinutes,
        costPerHandledMinute: c.costPerHandledMinute,
        staffingCostPerMonth: staffingCost(paid, c.costPerAgentHour),
        paidHoursPerMonth: paid,
      });
    } else {
      selfService.push({ id, channelIndex, costPerContact: channel.costPerContact });
    }
  });
  const staffedIndex = new Map(staffed.map((c, k) => [c.id, k]));
  const selfServiceIndex = new Map(selfService.map((c, k) => [c.id, k]));
  const K = Math.max(1, staffed.length);

  // Behaviour tables.
  const b = spec.behaviour;
  const churnTable = new Float64Array(S * 4 * GRID_SIZE);
  const nonRenewalTable = new Float64Array(S * 2 * GRID_SIZE);
  const crossSellTable = new Float64Array(S * 2 * GRID_SIZE);
  const referralTable = new Float64Array(S * 2 * GRID_SIZE);
  segments.forEach((segment, s) => {
    for (let early = 0; early < 2; early++) {
      for (let open = 0; open < 2; open++) {
        const tenure = early === 1 ? 0 : segment.earlyLifeMonths;
        tabulate(churnTable, ((s * 2 + early) * 2 + open) * GRID_SIZE, (sat) =>
          monthlyChurnProbability(segment, b, sat, tenure, open === 1),
        );
      }
    }
    for (let open = 0; open < 2; open++) {
      const renewalTenure = segment.renewal?.everyMonths ?? 0;
      tabulate(nonRenewalTable, (s * 2 + open) * GRID_SIZE, (sat) =>
        renewalTenure > 0 ? nonRenewalProbability(segment, b, sat, renewalTenure, open === 1) : 0,
      );
    }
    for (let early = 0; early < 2; early++) {
      const tenure = early === 1 ? 0 : segment.earlyLifeMonths;
      // Products are checked in the loop; the table is for a customer below the maximum.
      tabulate(crossSellTable, (s * 2 + early) * GRID_SIZE, (sat) =>
        crossSellProbability(segment, b, sat, segment.maxProducts - 1, tenure),
      );
      tabulate(referralTable, (s * 2 + early) * GRID_SIZE, (sat) =>
        referralProbability(segment, b, sat, tenure),
      );
    }
  });

  // The same curves, laid out for the behaviour pass (see CompiledModel.behaviourCurves).
  const behaviourCurves = new Float64Array(S * 4 * GRID_SIZE * CURVE_STRIDE);
  const nonRenewalCurve = new Float64Array(S * 2 * GRID_SIZE * 2);
  const valueAndSlope = (
    out: Float64Array,
    outOffset: number,
    stride: number,
    table: Float64Array,
    offset: number,
  ) => {
    for (let g = 0; g < GRID_SIZE; g++) {
      const a = table[offset + g]!;
      out[outOffset + g * stride] = a;
      out[outOffset + g * stride + 1] = g < GRID_SIZE - 1 ? table[offset + g + 1]! - a : 0;
    }
  };
  for (let s = 0; s < S; s++) {
    for (let early = 0; early < 2; early++) {
      for (let open = 0; open < 2; open++) {
        const row = ((s * 2 + early) * 2 + open) * GRID_SIZE * CURVE_STRIDE;
        const churnRow = ((s * 2 + early) * 2 + open) * GRID_SIZE;
        const earlyRow = (s * 2 + early) * GRID_SIZE;
        valueAndSlope(behaviourCurves, row + CURVE_CHURN, CURVE_STRIDE, churnTable, churnRow);
        valueAndSlope(
          behaviourCurves,
          row + CURVE_CROSS_SELL,
          CURVE_STRIDE,
          crossSellTable,
          earlyRow,
        );
        valueAndSlope(behaviourCurves, row + CURVE_REFERRAL, CURVE_STRIDE, referralTable, earlyRow);
      }
    }
    for (let open = 0; open < 2; open++) {
      const row = (s * 2 + open) * GRID_SIZE;
      valueAndSlope(nonRenewalCurve, row * 2, 2, nonRenewalTable, row);
    }
  }
  const revenueByProducts = new Float64Array(S * PRODUCT_COUNTS);
  segments.forEach((segment, s) => {
    for (let n = 0; n < PRODUCT_COUNTS; n++) {
      revenueByProducts[s * PRODUCT_COUNTS + n] = productRevenue(
        n,
        segment.marginPerProductMonthly,
      );
    }
  });

  // Touchpoints.
  const touchpoints: {
    id: string;
    journey: ModelSpec['journeys'][string];
    tp: ModelSpec['journeys'][string]['touchpoints'][string];
  }[] = [];
  for (const journeyId of sortedKeys(spec.journeys)) {
    const journey = spec.journeys[journeyId]!;
    for (const tpId of sortedKeys(journey.touchpoints)) {
      const tp = journey.touchpoints[tpId]!;
      touchpoints.push({ id: `${journeyId}.${tpId}`, journey, tp });
    }
  }
  const T = touchpoints.length;
  const tpSlot = new Uint32Array(T);
  const tpContactThreshold = new Float64Array(T * S);
  const tpFromTenure = new Int32Array(T);
  const tpToTenure = new Int32Array(T);
  const tpRenewalOnly = new Uint8Array(T);
  const tpEventDelta = new Float64Array(T);
  const tpQualityDelta = new Float64Array(T);
  const tpSelfService = new Int32Array(T).fill(-1);
  const tpSelfServiceFirstThreshold = new Float64Array(T * S);
  const tpSelfServiceResolvedThreshold = new Float64Array(T);
  const tpSelfServiceFallbackThreshold = new Float64Array(T);
  const tpStaffedCdf = new Float64Array(T * K);
  const tpHasStaffed = new Uint8Array(T);
  const tpResolveThreshold = new Float64Array(T * K);

  touchpoints.forEach(({ id, journey, tp }, t) => {
    // Slots are spaced 32 apart from a hash of the touchpoint's id (see random/streams.ts); they
    // stay below 2^31, where the behaviour slots (BEHAVIOUR_SLOT) begin.
    tpSlot[t] = (idHash(id) & 0x3ffffff) * 32;
    tpFromTenure[t] = tp.fromTenureMonth ?? 0;
    tpToTenure[t] = tp.toTenureMonth ?? 0x7fffffff;
    tpRenewalOnly[t] = tp.renewalMonthsOnly === true ? 1 : 0;
    tpEventDelta[t] = tp.eventSatisfactionDelta ?? 0;
    const quality = qualityEffect(spec.experience, touchpointQuality(journey, tp));
    tpQualityDelta[t] = quality.satisfactionDelta;
    segments.forEach((segment, s) => {
      // Tenure and renewal gates are applied in the loop; here the probability for an eligible month.
      const eligibleTenure = tp.fromTenureMonth ?? 0;
      const p = touchpointContactProbability(
        {
          ...tp,
          fromTenureMonth: undefined,
          toTenureMonth: undefined,
          renewalMonthsOnly: undefined,
        },
        segmentIds[s]!,
        segment,
        eligibleTenure,
      );
      tpContactThreshold[t * S + s] = probabilityThreshold(p);
      tpSelfServiceFirstThreshold[t * S + s] = probabilityThreshold(
        selfServiceFirstProbability(segment, tp),
      );
    });
    if (tp.selfService !== undefined) {
      const k = selfServiceIndex.get(tp.selfService.channel);
      if (k === undefined)
        throw new Error(`unknown self-service channel ${tp.selfService.channel}`);
      tpSelfService[t] = k;
      const channel = spec.channels[tp.selfService.channel];
      if (channel?.kind === 'selfService') {
        const outcomes = selfServiceOutcomes(channel, quality);
        const fallback = tp.staffed !== undefined ? outcomes.fallback : 0;
        tpSelfServiceResolvedThreshold[t] = probabilityThreshold(outcomes.resolved);
        tpSelfServiceFallbackThreshold[t] = probabilityThreshold(outcomes.resolved + fallback);
      }
    }
    if (tp.staffed !== undefined) {
      tpHasStaffed[t] = 1;
      const own = tp.staffed;
      const shares = staffed.map((c) => (Object.hasOwn(own, c.id) ? own[c.id]! : 0));
      tpStaffedCdf.set(cumulative(shares), t * K);
      staffed.forEach((c, k) => {
        const channel = spec.channels[c.id] as StaffedChannelSpec;
        tpResolveThreshold[t * K + k] = probabilityThreshold(
          resolutionProbability(channel.firstContactResolution, quality),
        );
      });
    }
  });

  // Acquisition.
  const nSources = sourceIds.length;
  const acquisitionCustomers = new Float64Array(nSources * horizon);
  const acquisitionSpend = new Float64Array(nSources * horizon);
  const presalesPerAcquisition = new Float64Array(nSources);
  const presalesChannel = new Int32Array(nSources).fill(-1);
  const presalesLosesConversions = new Uint8Array(nSources);
  const presalesCallerThreshold = new Float64Array(nSources);
  const presalesReachThreshold = new Float64Array(nSources);
  const presalesLostThreshold = new Float64Array(nSources);
  const sourceHash = new Uint32Array(nSources);
  const sourceSegmentCdf: Float64Array[] = [];
  sourceIds.forEach((id, s) => {
    const source = spec.sources[id]!;
    sourceHash[s] = idHash(`source:${id}`);
    sourceSegmentCdf.push(mixCdf(source.segmentMix));
    for (let m = 1; m <= horizon; m++) {
      const a = monthlyAcquisition(source, m);
      acquisitionCustomers[s * horizon + m - 1] = a.customers;
      acquisitionSpend[s * horizon + m - 1] = a.spend;
    }
    const contacts = source.presalesContactsPerAcquisition ?? 0;
    const reach = source.presalesReachShare ?? 1;
    const lost = source.presalesLostIfUnanswered ?? 0;
    presalesPerAcquisition[s] = contacts * reach;
    if (source.presalesChannel !== undefined) {
      presalesChannel[s] = staffedIndex.get(source.presalesChannel) ?? -1;
    }
    if (contacts > 0 && lost > 0 && presalesChannel[s]! >= 0) {
      presalesLosesConversions[s] = 1;
      presalesCallerThreshold[s] = probabilityThreshold(Math.min(1, contacts));
      presalesReachThreshold[s] = probabilityThreshold(reach);
      presalesLostThreshold[s] = probabilityThreshold(lost);
    }
  });

  // The exact probabilities of the loop's integer threshold tests (bits < threshold), for the
  // queues' expected load.
  const P = (threshold: number) => threshold * 2.3283064365386963e-10;
  const tpStaffedLoad = new Float64Array(S * T * K);
  const tpContactProbability = new Float64Array(S * T);
  for (let s = 0; s < S; s++) {
    for (let t = 0; t < T; t++) {
      tpContactProbability[s * T + t] = P(tpContactThreshold[t * S + s]!);
      if (tpHasStaffed[t] === 0) continue;
      let reach = 1;
      if (tpSelfService[t]! >= 0) {
        const first = P(tpSelfServiceFirstThreshold[t * S + s]!);
        const fallback = P(tpSelfServiceFallbackThreshold[t]! - tpSelfServiceResolvedThreshold[t]!);
        reach = 1 - first + first * fallback;
      }
      let before = 0;
      for (let k = 0; k < K; k++) {
        // The channel choice is `u < cdf[k]`, the last channel taking the rest.
        const upTo = k === K - 1 ? 1 : Math.min(1, tpStaffedCdf[t * K + k]!);
        tpStaffedLoad[(s * T + t) * K + k] = reach * Math.max(0, upTo - before);
        before = Math.max(before, upTo);
      }
    }
  }

  const tpContactMix = new Int32Array(T);
  const tpContactThresholdBySegment = new Float64Array(S * T);
  for (let t = 0; t < T; t++) {
    tpContactMix[t] = Math.imul(tpSlot[t]! + 1, 0x9e3779b9);
    for (let s = 0; s < S; s++)
      tpContactThresholdBySegment[s * T + t] = tpContactThreshold[t * S + s]!;
  }
  const masks = tenureMasks(tpFromTenure, tpToTenure, tpRenewalOnly);
  const rows = contactRows(masks, S, T, tpContactMix, tpContactThresholdBySegment);

  return {
    horizon,
    annualDiscountRate: spec.annualDiscountRate,
    terminalValue: spec.terminalValue,
    segmentIds,
    channelIds,
    sourceIds,
    touchpointIds: touchpoints.map((tp) => tp.id),
    staffed,
    selfService,
    marginPerProduct: Float64Array.from(segments.map((s) => s.marginPerProductMonthly)),
    productsAtStart: Uint8Array.from(segments.map((s) => s.productsAtStart)),
    maxProducts: Uint8Array.from(segments.map((s) => s.maxProducts)),
    baselineSatisfaction: Float64Array.from(segments.map((s) => s.baselineSatisfaction)),
    satisfactionSpread: Float64Array.from(segments.map((s) => s.satisfactionSpread)),
    earlyLifeMonths: Int32Array.from(segments.map((s) => s.earlyLifeMonths)),
    ...masks,
    ...rows,
    renewalEvery: Int32Array.from(segments.map((s) => s.renewal?.everyMonths ?? 0)),
    churnTable,
    nonRenewalTable,
    crossSellTable,
    referralTable,
    behaviourCurves,
    nonRenewalCurve,
    revenueByProducts,
    tpSlot,
    tpContactThresholdBySegment,
    tpFromTenure,
    tpToTenure,
    tpRenewalOnly,
    tpEventDelta,
    tpQualityDelta,
    tpSelfService,
    tpSelfServiceFirstThreshold,
    tpSelfServiceResolvedThreshold,
    tpSelfServiceFallbackThreshold,
    tpStaffedCdf,
    tpHasStaffed,
    tpResolveThreshold,
    tpStaffedLoad,
    tpContactProbability,
    repeatProbability: P(probabilityThreshold(b.repeatContactProbability)),
    sourceHash,
    acquisitionCustomers,
    acquisitionSpend,
    sourceSegmentCdf,
    presalesPerAcquisition,
    presalesChannel,
    presalesLosesConversions,
    presalesCallerThreshold,
    presalesReachThreshold,
    presalesLostThreshold,
    referralSegmentCdf: mixCdf(spec.referrals.segmentMix),
    costPerReferral: spec.referrals.costPerReferral,
    initialSegmentCdf: mixCdf(spec.population.segmentMix),
    initialCustomers: spec.population.initialCustomers,
    initialTenureMonths: spec.population.initialTenureMonths,
    repeatThreshold: probabilityThreshold(b.repeatContactProbability),
    giveUpDelta: b.giveUpDelta,
    resolvedDelta: b.resolvedDelta,
    unresolvedDelta: b.unresolvedDelta,
    abandonedDelta: b.abandonedDelta,
    waitPenaltyPerExpectedWait: b.waitPenaltyPerExpectedWait,
    maxWaitPenalty: b.maxWaitPenalty,
    drift: b.satisfactionDriftPerMonth,
    promoterThreshold: b.promoterThreshold,
    detractorThreshold: b.detractorThreshold,
    investment: investmentFlows(spec.investments, horizon),
    spec,
  };
}
