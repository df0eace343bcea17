/**
 * One replication of one variant: the monthly step, month after month.
 *
 *   acquisition → needs and contacts → service (self-service, fallback, staffed queues)
 *   → experience → behaviour (churn, renewal, cross-sell, referral) → economics
 *
 * The loops over customers read and write typed-array columns, compare 32-bit random thresholds,
 * call only small module-level functions, and allocate nothing: every buffer lives in `Scratch`
 * and is reused across months, replications and variants.
 */
import { categorical, inverseStandardNormal, poisson } from '../random/distributions.ts';
import {
  agentMonthHash,
  bitsToUniform,
  deriveKey,
  hash3,
  idHash,
  mix32,
  slotBits,
  type StreamKey,
} from '../random/streams.ts';
import { ChannelQueue } from './channelQueue.ts';
import { type CompiledModel, GRID_SIZE, GRID_STEPS_PER_POINT } from './compile.ts';
import { Population } from './population.ts';
import { Q } from './queueKernel.ts';
import {
  C,
  CHANNEL_METRICS,
  G,
  GLOBAL_METRICS,
  scalarIndex,
  SOURCE_METRICS,
  SRC,
  summaryLayout,
  type SummaryLayout,
} from './summaryLayout.ts';

/** How a replication is run (the same for every variant of a run). */
export interface EngineSettings {
  seed: number;
  /** Simulated customers standing for the population at month 0. */
  agents: number;
  /** Customers each simulated customer stands for. */
  customersPerAgent: number;
  /** Representative days per month the queues simulate (at most the open days). */
  queueDaysPerMonth: number;
}

/** Behaviour slots sit above 2^31; touchpoint slots below (compile.ts). */
const BEHAVIOUR_SLOT = 0x80000000;
const SLOT_CHURN = BEHAVIOUR_SLOT + 2;
const SLOT_RENEWAL = BEHAVIOUR_SLOT + 3;
const SLOT_CROSS_SELL = BEHAVIOUR_SLOT + 4;
const SLOT_REFERRAL = BEHAVIOUR_SLOT + 5;
/**
 * Within a touchpoint's 32 slots: a new need uses 0–7, a repeat contact 8–15 (its slot 8 decides
 * whether the customer contacts again or gives up).
 */
const TP_CONTACT = 0;
const TP_SELF_SERVICE_FIRST = 1;
const TP_SELF_SERVICE_OUTCOME = 2;
const TP_STAFFED_CHOICE = 3;
const TP_HOUR = 4;
const TP_CALLER = 5;
const TP_RESOLVE = 6;
const TP_REPEAT_OFFSET = 8;

/** Indices of `Scratch.counts`. */
const N_NEEDS = 0;
const N_REPEATS = 1;
const N_GIVEN_UP = 2;
const N_SS_ATTEMPTS = 3;
const N_SS_RESOLVED = 4;
const N_FALLBACKS = 5;
const N_RESOLVED = 6;
const N_UNRESOLVED = 7;

const INITIAL_SOURCE = idHash('source:#initial');
const REFERRAL_SOURCE = idHash('source:#referral');

/** Identity of the customers a source brings in a month: see random/streams.ts, point 3. */
function cohortId(month: number, sourceHash: number): number {
  return mix32(Math.imul(month + 1, 0x9e3779b9) ^ sourceHash);
}

/** Buffers reused across replications and variants of the same model shape. */
export class Scratch {
  population = new Population(1024);
  contactAgent = new Int32Array(1024);
  contactTouchpoint = new Int32Array(1024);
  contactChannel = new Int32Array(1024);
  contactSlot = new Uint32Array(1024);
  contactCount = 0;
  wait = new Float64Array(1);
  /** The month's counts of sampled customers' events (N_* indices). */
  counts = new Float64Array(8);
  selfServiceAttempts = new Float64Array(0);
  selfServiceResolved = new Float64Array(0);

  prepare(selfServiceChannels: number): void {
    if (this.selfServiceAttempts.length !== selfServiceChannels) {
      this.selfServiceAttempts = new Float64Array(selfServiceChannels);
      this.selfServiceResolved = new Float64Array(selfServiceChannels);
    }
  }

  reset(): void {
    this.population.count = 0;
    this.contactCount = 0;
  }

  pushContact(agent: number, touchpoint: number, channel: number, slot: number): void {
    if (this.contactCount === this.contactAgent.length) {
      const n = this.contactAgent.length * 2;
      const grow = <T extends Int32Array | Uint32Array>(a: T, next: T): T => {
        next.set(a);
        return next;
      };
      this.contactAgent = grow(this.contactAgent, new Int32Array(n));
      this.contactTouchpoint = grow(this.contactTouchpoint, new Int32Array(n));
      this.contactChannel = grow(this.contactChannel, new Int32Array(n));
      this.contactSlot = grow(this.contactSlot, new Uint32Array(n));
    }
    const k = this.contactCount++;
    this.contactAgent[k] = agent;
    this.contactTouchpoint[k] = touchpoint;
    this.contactChannel[k] = channel;
    this.contactSlot[k] = slot;
  }
}

/**
 * A new customer: segment drawn from the source's mix, own baseline satisfaction drawn around the
 * segment's (normal, by inversion so it is monotone in its uniform), all from the customer's identity.
 */
function addCustomer(
  pop: Population,
  model: CompiledModel,
  key: StreamKey,
  cohort: number,
  ordinal: number,
  arrivalMonth: number,
  segmentCdf: Float64Array,
): void {
  const seg = categorical(segmentCdf, bitsToUniform(hash3(key, cohort, ordinal, 0xa)));
  const spread = model.satisfactionSpread[seg]!;
  let baseline = model.baselineSatisfaction[seg]!;
  if (spread > 0) {
    baseline += spread * inverseStandardNormal(bitsToUniform(hash3(key, cohort, ordinal, 0xb)));
  }
  pop.add(
    cohort,
    ordinal,
    arrivalMonth,
    seg,
    model.productsAtStart[seg]!,
    clampSatisfaction(baseline),
  );
}

/** Linear interpolation in a satisfaction table at `offset`. */
function lookup(table: Float64Array, offset: number, satisfaction: number): number {
  const x = satisfaction * GRID_STEPS_PER_POINT;
  let i = x | 0;
  if (i >= GRID_SIZE - 1) return table[offset + GRID_SIZE - 1]!;
  if (i < 0) i = 0;
  const a = table[offset + i]!;
  return a + (x - i) * (table[offset + i + 1]! - a);
}

function clampSatisfaction(s: number): number {
  return s < 0 ? 0 : s > 10 ? 10 : s;
}

export function layoutFor(model: CompiledModel): SummaryLayout {
  return summaryLayout(model.horizon, model.channelIds.length, model.sourceIds.length);
}

/** The replication's stream keys (see random/streams.ts). */
export interface ReplicationKeys {
  acquisition: StreamKey;
  agent: StreamKey;
  queue: StreamKey;
}

export function replicationKeys(seed: number, replication: number): ReplicationKeys {
  return {
    acquisition: deriveKey(seed, replication, 'acquisition'),
    agent: deriveKey(seed, replication, 'agent'),
    queue: deriveKey(seed, replication, 'queue'),
  };
}

/**
 * Simulates one replication of one compiled model and returns its summary (see summaryLayout.ts).
 */
export function simulateReplication(
  model: CompiledModel,
  settings: EngineSettings,
  replication: number,
  scratch: Scratch = new Scratch(),
  keys: ReplicationKeys = replicationKeys(settings.seed, replication),
): Float64Array {
  const layout = layoutFor(model);
  const H = model.horizon;
  const out = new Float64Array(layout.size);
  const S = model.segmentIds.length;
  const K = Math.max(1, model.staffed.length);
  const T = model.tpSlot.length;
  const nSources = model.sourceIds.length;
  const scale = settings.customersPerAgent;
  const globalBase = 0;
  const channelBase = GLOBAL_METRICS.length;
  const sourceBase = GLOBAL_METRICS.length + layout.channels * CHANNEL_METRICS.length;
  const put = (row: number, month: number, value: number) => {
    out[row * H + month] = value;
  };

  scratch.reset();
  const pop = scratch.population;
  const queues = model.staffed.map(
    (c) =>
      new ChannelQueue({
        streamId: c.streamId,
        hours: c.hours,
        profile: c.profile,
        agentsByHour: c.agentsByHour,
        ahtMinutes: c.ahtMinutes,
        patienceMinutes: c.patienceMinutes,
        targetMinutes: c.targetMinutes,
        openDaysPerMonth: c.openDaysPerMonth,
      }),
  );

  // Month 0: the existing book of customers, `settings.agents` of them.
  const initialAgents = model.initialCustomers > 0 ? settings.agents : 0;
  pop.reserve(initialAgents);
  const initialId = cohortId(0, INITIAL_SOURCE);
  // A real book's tenures are spread out (renewal dates and early-life months fall all year round):
  // each customer at month 0 gets a tenure spread evenly from 0 to twice the stated mean.
  const tenureSpan = 2 * model.initialTenureMonths + 1;
  for (let k = 0; k < initialAgents; k++) {
    const tenure = Math.floor(
      bitsToUniform(hash3(keys.acquisition, initialId, k, 0xc)) * tenureSpan,
    );
    addCustomer(pop, model, keys.acquisition, initialId, k, -tenure, model.initialSegmentCdf);
  }
  out[scalarIndex(layout, 'initialCustomers')] = initialAgents * scale;
  out[scalarIndex(layout, 'customersPerAgent')] = scale;

  // Per-month counters (agent counts unless noted), reused each month.
  const staffedAgentContacts = new Float64Array(K);
  const presalesCalls = new Float64Array(K);
  const channelAgentResolved = new Float64Array(layout.channels);
  scratch.prepare(model.selfService.length);
  const queueScale = new Float64Array(K);
  let referralsPending = 0;

  for (let month = 1; month <= H; month++) {
    const m = month - 1;
    staffedAgentContacts.fill(0);
    presalesCalls.fill(0);
    channelAgentResolved.fill(0);
    scratch.contactCount = 0;

    // 1. Acquisition: each source's customers (Poisson by inversion, monotone in the volume) and
    //    last month's referrals.
    let acquiredAgents = 0;
    let acquisitionSpend = 0;
    for (let s = 0; s < nSources; s++) {
      const expected = model.acquisitionCustomers[s * H + m]! / scale;
      const u = bitsToUniform(hash3(keys.acquisition, model.sourceHash[s]!, month, 0xc));
      const n = poisson(expected, u);
      const spend = model.acquisitionSpend[s * H + m]!;
      acquisitionSpend += spend;
      put(sourceBase + s * SOURCE_METRICS.length + SRC.acquired, m, n * scale);
      put(sourceBase + s * SOURCE_METRICS.length + SRC.spend, m, spend);
      const pc = model.presalesChannel[s]!;
      if (pc >= 0)
        presalesCalls[pc] = presalesCalls[pc]! + n * scale * model.presalesPerAcquisition[s]!;
      pop.reserve(n);
      const cohort = cohortId(month, model.sourceHash[s]!);
      const cdf = model.sourceSegmentCdf[s]!;
      for (let k = 0; k < n; k++) addCustomer(pop, model, keys.acquisition, cohort, k, month, cdf);
      acquiredAgents += n;
    }
    const referred = referralsPending;
    referralsPending = 0;
    pop.reserve(referred);
    const referralCohort = cohortId(month, REFERRAL_SOURCE);
    for (let k = 0; k < referred; k++) {
      addCustomer(pop, model, keys.acquisition, referralCohort, k, month, model.referralSegmentCdf);
    }
    acquisitionSpend += referred * scale * model.costPerReferral;
    acquiredAgents += referred;

    // 2. Needs and contacts; self-service is settled here, staffed contacts are queued.
    const n = pop.count;
    const active = pop.active;
    const segment = pop.segment;
    const satisfaction = pop.satisfaction;
    const openNeeds = pop.openNeeds;
    const arrival = pop.arrivalMonth;
    const monthHash = pop.monthHash;
    const counts = scratch.counts;
    counts.fill(0);
    scratch.selfServiceAttempts.fill(0);
    scratch.selfServiceResolved.fill(0);
    for (let i = 0; i < n; i++) {
      if (active[i] === 0) continue;
      const h = agentMonthHash(keys.agent, pop.idHi[i]!, pop.idLo[i]!, month);
      monthHash[i] = h;
      const seg = segment[i]!;
      const tenure = month - arrival[i]!;
      let sat = satisfaction[i]!;

      // Each need left unresolved last month: a repeat contact, or the customer gives up on it.
      // Open needs are one bit per touchpoint, so resolving one never clears another.
      let open = openNeeds[i]!;
      while (open !== 0) {
        const t = 31 - Math.clz32(open & -open);
        open &= open - 1;
        const base = model.tpSlot[t]! + TP_REPEAT_OFFSET;
        if (slotBits(h, base + TP_CONTACT) < model.repeatThreshold) {
          counts[N_REPEATS]!++;
          sat = contact(model, scratch, i, t, seg, h, base, sat);
        } else {
          counts[N_GIVEN_UP]!++;
          openNeeds[i] = openNeeds[i]! & ~(1 << t);
          sat += model.giveUpDelta;
        }
      }

      const renewalEvery = model.renewalEvery[seg]!;
      const renewalMonth = renewalEvery > 0 && tenure > 0 && tenure % renewalEvery === 0;
      for (let t = 0; t < T; t++) {
        if (tenure < model.tpFromTenure[t]! || tenure > model.tpToTenure[t]!) continue;
        if (model.tpRenewalOnly[t] === 1 && !renewalMonth) continue;
        const base = model.tpSlot[t]!;
        if (slotBits(h, base + TP_CONTACT) >= model.tpContactThreshold[t * S + seg]!) continue;
        counts[N_NEEDS]!++;
        sat = contact(model, scratch, i, t, seg, h, base, sat + model.tpEventDelta[t]!);
      }
      satisfaction[i] = clampSatisfaction(sat);
    }
    const ssAttempts = scratch.selfServiceAttempts;
    const ssResolved = scratch.selfServiceResolved;

    // 3. Staffed queues at the whole population's load.
    const contactCount = scratch.contactCount;
    for (let k = 0; k < contactCount; k++) {
      const c = scratch.contactChannel[k]!;
      staffedAgentContacts[c] = staffedAgentContacts[c]! + 1;
    }
    let staffingCost = 0;
    let handlingCost = 0;
    for (let c = 0; c < model.staffed.length; c++) {
      const channel = model.staffed[c]!;
      const calls = staffedAgentContacts[c]! * scale + presalesCalls[c]!;
      const queue = queues[c]!;
      const factor = queue.simulateMonth(keys.queue, month, calls, settings.queueDaysPerMonth);
      queueScale[c] = factor;
      const st = queue.stats;
      const row = channelBase + channel.channelIndex * CHANNEL_METRICS.length;
      put(row + C.contacts, m, st[Q.calls]! * factor);
      put(row + C.answered, m, st[Q.answered]! * factor);
      put(row + C.abandoned, m, st[Q.abandoned]! * factor);
      put(row + C.waitMinutes, m, st[Q.waitAll]! * factor);
      put(row + C.withinTarget, m, st[Q.withinTarget]! * factor);
      put(row + C.delayed, m, st[Q.delayed]! * factor);
      put(row + C.handledMinutes, m, st[Q.busyMinutes]! * factor);
      put(row + C.paidHours, m, channel.paidHoursPerMonth);
      const handling = st[Q.busyMinutes]! * factor * channel.costPerHandledMinute;
      put(row + C.cost, m, channel.staffingCostPerMonth + handling);
      staffingCost += channel.staffingCostPerMonth;
      handlingCost += handling;
    }

    // 4. Service outcomes for the sampled customers' staffed contacts.
    const wait = scratch.wait;
    for (let k = 0; k < contactCount; k++) {
      const i = scratch.contactAgent[k]!;
      const t = scratch.contactTouchpoint[k]!;
      const c = scratch.contactChannel[k]!;
      const base = scratch.contactSlot[k]!;
      const h = monthHash[i]!;
      const channel = model.staffed[c]!;
      const hour = categorical(channel.profileCdf, bitsToUniform(slotBits(h, base + TP_HOUR)));
      const abandoned = queues[c]!.outcome(
        hour,
        bitsToUniform(slotBits(h, base + TP_CALLER)),
        wait,
      );
      const w = wait[0]!;
      const resolved =
        abandoned === 0 && slotBits(h, base + TP_RESOLVE) < model.tpResolveThreshold[t * K + c]!;
      // A caller who hung up never reached the service, so its quality does not apply to them.
      let delta =
        abandoned === 1
          ? model.unresolvedDelta + model.abandonedDelta
          : model.tpQualityDelta[t]! + (resolved ? model.resolvedDelta : model.unresolvedDelta);
      if (w > channel.expectedWaitMinutes) {
        const penalty = model.waitPenaltyPerExpectedWait * (w / channel.expectedWaitMinutes - 1);
        delta -= penalty < model.maxWaitPenalty ? penalty : model.maxWaitPenalty;
      }
      satisfaction[i] = clampSatisfaction(satisfaction[i]! + delta);
      if (resolved) {
        openNeeds[i] = openNeeds[i]! & ~(1 << t);
        counts[N_RESOLVED]!++;
        channelAgentResolved[channel.channelIndex] =
          channelAgentResolved[channel.channelIndex]! + 1;
      } else {
        openNeeds[i] = openNeeds[i]! | (1 << t);
        counts[N_UNRESOLVED]!++;
      }
    }

    // 5. Behaviour: satisfaction fades toward the baseline; churn, renewal, cross-sell, referral.
    let activeEnd = 0;
    let churned = 0;
    let nonRenewals = 0;
    let renewalsDue = 0;
    let crossSells = 0;
    let productsHeld = 0;
    let revenueAgents = 0;
    let satisfactionSum = 0;
    let promoters = 0;
    let detractors = 0;
    let referrals = 0;
    let matureExposed = 0;
    let matureChurned = 0;
    const drift = model.drift;
    for (let i = 0; i < n; i++) {
      if (active[i] === 0) continue;
      const seg = segment[i]!;
      const base = pop.baseline[i]!;
      // Stored as float32, then read back, so every later use sees the same rounded value.
      satisfaction[i] = satisfaction[i]! + drift * (base - satisfaction[i]!);
      const sat = satisfaction[i]!;
      const h = monthHash[i]!;
      const tenure = month - arrival[i]!;
      const products = pop.products[i]!;
      revenueAgents += products * model.marginPerProduct[seg]!;
      const open = openNeeds[i]! !== 0 ? 1 : 0;
      const early = tenure < model.earlyLifeMonths[seg]! ? 1 : 0;
      matureExposed += 1 - early;
      const pChurn = lookup(model.churnTable, ((seg * 2 + early) * 2 + open) * GRID_SIZE, sat);
      if (bitsToUniform(slotBits(h, SLOT_CHURN)) < pChurn) {
        active[i] = 0;
        churned++;
        matureChurned += 1 - early;
        continue;
      }
      const every = model.renewalEvery[seg]!;
      if (every > 0 && tenure > 0 && tenure % every === 0) {
        renewalsDue++;
        const pLeave = lookup(model.nonRenewalTable, (seg * 2 + open) * GRID_SIZE, sat);
        if (bitsToUniform(slotBits(h, SLOT_RENEWAL)) < pLeave) {
          active[i] = 0;
          churned++;
          nonRenewals++;
          matureChurned += 1 - early;
          continue;
        }
      }
      let held = products;
      if (held < model.maxProducts[seg]!) {
        const p = lookup(model.crossSellTable, seg * GRID_SIZE, sat);
        if (bitsToUniform(slotBits(h, SLOT_CROSS_SELL)) < p) {
          held++;
          pop.products[i] = held;
          crossSells++;
        }
      }
      if (
        bitsToUniform(slotBits(h, SLOT_REFERRAL)) <
        lookup(model.referralTable, seg * GRID_SIZE, sat)
      )
        referrals++;
      activeEnd++;
      productsHeld += held;
      satisfactionSum += sat;
      if (sat >= model.promoterThreshold) promoters++;
      else if (sat <= model.detractorThreshold) detractors++;
    }
    referralsPending = referrals;
    if (pop.count > out[scalarIndex(layout, 'simulatedAgentsPeak')]!) {
      out[scalarIndex(layout, 'simulatedAgentsPeak')] = pop.count;
    }

    // 6. Economics for the whole population.
    let digitalCost = 0;
    for (let k = 0; k < model.selfService.length; k++) {
      const ss = model.selfService[k]!;
      const cost = ssAttempts[k]! * scale * ss.costPerContact;
      digitalCost += cost;
      const row = channelBase + ss.channelIndex * CHANNEL_METRICS.length;
      put(row + C.contacts, m, ssAttempts[k]! * scale);
      put(row + C.answered, m, ssResolved[k]! * scale);
      put(row + C.resolved, m, ssResolved[k]! * scale);
      put(row + C.cost, m, cost);
    }
    for (let c = 0; c < model.staffed.length; c++) {
      const channel = model.staffed[c]!;
      put(
        channelBase + channel.channelIndex * CHANNEL_METRICS.length + C.resolved,
        m,
        channelAgentResolved[channel.channelIndex]! * scale,
      );
    }
    const revenue = revenueAgents * scale;
    const costToServe = staffingCost + handlingCost + digitalCost;
    const investment = model.investment[m]!;
    const g = (metric: keyof typeof G, value: number) => put(globalBase + G[metric], m, value);
    g('activeCustomers', activeEnd * scale);
    g('acquired', acquiredAgents * scale);
    g('referred', referred * scale);
    g('churned', churned * scale);
    g('nonRenewals', nonRenewals * scale);
    g('renewalsDue', renewalsDue * scale);
    g('crossSells', crossSells * scale);
    g('productsHeld', productsHeld * scale);
    g('revenue', revenue);
    g('staffingCost', staffingCost);
    g('handlingCost', handlingCost);
    g('digitalCost', digitalCost);
    g('costToServe', costToServe);
    g('acquisitionSpend', acquisitionSpend);
    g('investment', investment);
    g('netCashFlow', revenue - costToServe - acquisitionSpend - investment);
    g('needs', counts[N_NEEDS]! * scale);
    g('repeatContacts', counts[N_REPEATS]! * scale);
    g('selfServiceAttempts', counts[N_SS_ATTEMPTS]! * scale);
    g('selfServiceResolved', counts[N_SS_RESOLVED]! * scale);
    g('fallbacks', counts[N_FALLBACKS]! * scale);
    g('staffedContacts', contactCount * scale);
    g('resolved', counts[N_RESOLVED]! * scale);
    g('unresolved', counts[N_UNRESOLVED]! * scale);
    g('givenUp', counts[N_GIVEN_UP]! * scale);
    g('meanSatisfaction', activeEnd > 0 ? satisfactionSum / activeEnd : 0);
    g('promoters', promoters * scale);
    g('detractors', detractors * scale);
    g('npsProxy', activeEnd > 0 ? (100 * (promoters - detractors)) / activeEnd : 0);
    g('matureCustomers', matureExposed * scale);
    g('matureChurned', matureChurned * scale);
  }
  return out;
}

/**
 * One contact about the need of touchpoint `t`: self-service first when the customer is inclined
 * and the need suits it (it resolves, falls back to a staffed channel, or fails), else straight to
 * a staffed channel. Self-service outcomes are settled here and return the new satisfaction;
 * staffed contacts are queued in `scratch` and settled in the service pass.
 */
function contact(
  model: CompiledModel,
  scratch: Scratch,
  agent: number,
  t: number,
  seg: number,
  h: number,
  base: number,
  sat: number,
): number {
  const counts = scratch.counts;
  const ss = model.tpSelfService[t]!;
  if (
    ss >= 0 &&
    slotBits(h, base + TP_SELF_SERVICE_FIRST) <
      model.tpSelfServiceFirstThreshold[t * model.segmentIds.length + seg]!
  ) {
    counts[N_SS_ATTEMPTS]!++;
    scratch.selfServiceAttempts[ss]!++;
    const bits = slotBits(h, base + TP_SELF_SERVICE_OUTCOME);
    if (bits < model.tpSelfServiceResolvedThreshold[t]!) {
      counts[N_SS_RESOLVED]!++;
      counts[N_RESOLVED]!++;
      scratch.selfServiceResolved[ss]!++;
      scratch.population.openNeeds[agent] = scratch.population.openNeeds[agent]! & ~(1 << t);
      return sat + model.tpQualityDelta[t]! + model.resolvedDelta;
    }
    if (bits >= model.tpSelfServiceFallbackThreshold[t]!) {
      counts[N_UNRESOLVED]!++;
      scratch.population.openNeeds[agent] = scratch.population.openNeeds[agent]! | (1 << t);
      return sat + model.tpQualityDelta[t]! + model.unresolvedDelta;
    }
    counts[N_FALLBACKS]!++;
  }
  if (model.tpHasStaffed[t] === 0) {
    counts[N_UNRESOLVED]!++;
    scratch.population.openNeeds[agent] = scratch.population.openNeeds[agent]! | (1 << t);
    return sat + model.tpQualityDelta[t]! + model.unresolvedDelta;
  }
  const K = Math.max(1, model.staffed.length);
  const u = bitsToUniform(slotBits(h, base + TP_STAFFED_CHOICE));
  let c = 0;
  for (; c < K - 1; c++) if (u < model.tpStaffedCdf[t * K + c]!) break;
  scratch.pushContact(agent, t, c, base);
  return sat;
}
