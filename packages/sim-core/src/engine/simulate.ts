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
import {
  digitalCost as digitalCostOf,
  handlingCost as handlingCostOf,
  monthlyCashFlow,
} from '@journeycast/models';
import {
  categorical,
  categoricalIn,
  inverseStandardNormal,
  poisson,
} from '../random/distributions.ts';
import {
  agentHash,
  bitsToUniform,
  deriveKey,
  hash3,
  idHash,
  mix32,
  monthKey,
  slotBits,
  type StreamKey,
} from '../random/streams.ts';
import { ChannelQueue, simulatedQueueDays } from './channelQueue.ts';
import {
  type CompiledModel,
  type CompiledStaffedChannel,
  CURVE_CHURN,
  CURVE_CROSS_SELL,
  CURVE_REFERRAL,
  CURVE_STRIDE,
  GRID_SIZE,
  GRID_STEPS_PER_POINT,
  PRODUCT_COUNTS,
  tenureMask,
} from './compile.ts';
import { ENGINE_LIMITS, groupDigits } from './limits.ts';
import { ACTIVE, Population, PROSPECT, SOURCE_INITIAL, SOURCE_REFERRAL } from './population.ts';
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
/** A prospect's presales call: its hour (+0), caller (+1) and whether an unanswered one is lost (+2). */
const SLOT_PRESALES = BEHAVIOUR_SLOT + 8;
/** Acquisition draws of a prospect (hash3's last coordinate, beside segment 0xa and baseline 0xb). */
const ACQ_CALLER = 0xd;
const ACQ_REACH = 0xe;
const ACQ_LOST = 0xf;
/** `contactTouchpoint` of a prospect's presales call: −1 − source. */
const PRESALES_TOUCHPOINT = -1;
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

/** Indices of `Scratch.tally`: the behaviour pass's counts of sampled customers. */
const B_ACTIVE = 0;
const B_CHURNED = 1;
const B_NON_RENEWALS = 2;
const B_RENEWALS_DUE = 3;
const B_CROSS_SELLS = 4;
const B_PRODUCTS = 5;
const B_REVENUE = 6;
const B_SATISFACTION = 7;
const B_PROMOTERS = 8;
const B_DETRACTORS = 9;
const B_REFERRALS = 10;
const B_MATURE = 11;
const B_MATURE_CHURNED = 12;
const B_SIZE = 13;

const INITIAL_SOURCE = idHash('source:#initial');
const REFERRAL_SOURCE = idHash('source:#referral');

/** Identity of the customers a source brings in a month: see random/streams.ts, point 3. */
function cohortId(month: number, sourceHash: number): number {
  return mix32(Math.imul(month + 1, 0x9e3779b9) ^ sourceHash);
}

/**
 * The simulated population is about to pass ENGINE_LIMITS.maxSimulatedCustomers (or the arrivals
 * are not a number at all: a model whose acquisitions overflow). Checked before any array grows.
 */
function populationLimit(month: number, count: number, arriving: number, scale: number): Error {
  return new Error(
    `the simulated population would pass the limit of ${groupDigits(ENGINE_LIMITS.maxSimulatedCustomers)} customers in month ${month} (${groupDigits(count)} simulated so far, ${groupDigits(arriving)} more arriving, each standing for ${Number(scale.toPrecision(4))} customer${scale === 1 ? '' : 's'}): simulate fewer agents (run.agents), or let each stand for more customers (run.representedCustomers), or lower the acquisition or referral rates`,
  );
}

/** A queue month above ENGINE_LIMITS.maxQueueCallsPerMonth (or a load that is not a number). */
function queueLimit(
  channel: string,
  month: number,
  callsPerMonth: number,
  openDays: number,
  days: number,
): Error {
  const simulated = (callsPerMonth / openDays) * days;
  return new Error(
    `channels.${channel}: the queue would simulate ${groupDigits(simulated)} calls in month ${month} (${groupDigits(callsPerMonth)} calls a month at population scale over ${openDays} open days, ${days} of them simulated); a queue simulates at most ${groupDigits(ENGINE_LIMITS.maxQueueCallsPerMonth)} calls a month: lower run.queueDaysPerMonth, the represented customers or the contact rates`,
  );
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
  /** The month's behaviour tallies (B_* indices). */
  tally = new Float64Array(B_SIZE);

  /** Resolved staffed contacts by channel index (sampled customers). */
  channelResolved = new Float64Array(0);
  /** Staffed contacts by channel index (sampled customers; abandoned ones included). */
  channelContacts = new Float64Array(0);
  /** The month's customers eligible for each touchpoint's need [segment * T + touchpoint]. */
  eligibleNeeds = new Float64Array(0);
  /** The month's open needs carried over, by [segment * T + touchpoint]. */
  openNeedsCarried = new Float64Array(0);
  /**
   * The month's customers by [segment][tenure row][renewal month 0/1], the tenure row being the
   * tenure below `tpTenureMaskLength`, or that length for the steady mask: each row opens a fixed
   * set of touchpoints, so counting customers once per row (and expanding into `eligibleNeeds`
   * after the pass) spares the contacts pass a count per open touchpoint. The counts are whole
   * numbers, so the expanded sums are exact whatever their order.
   */
  customersByTenure = new Float64Array(0);
  /** The month's would-be customers by source, and those lost with their presales call. */
  sourceDrawn = new Float64Array(0);
  sourceLost = new Float64Array(0);
  /** Presales calls of this month's prospects in the contact list (they come first). */
  prospectCalls = 0;
  /**
   * The behaviour pass's active customers and their margin by `Population.source` (256 cells, so
   * the book at month 0 and referrals index it too, without a branch).
   */
  sourceActive = new Float64Array(256);
  sourceRevenue = new Float64Array(256);
  /** The staffed channels' queues, kept for the model they were made for. */
  private queuesFor: CompiledModel | undefined;
  private queueList: ChannelQueue[] = [];

  prepare(model: CompiledModel): void {
    const selfServiceChannels = model.selfService.length;
    if (this.selfServiceAttempts.length !== selfServiceChannels) {
      this.selfServiceAttempts = new Float64Array(selfServiceChannels);
      this.selfServiceResolved = new Float64Array(selfServiceChannels);
    }
    if (this.sourceDrawn.length !== model.sourceIds.length) {
      this.sourceDrawn = new Float64Array(model.sourceIds.length);
      this.sourceLost = new Float64Array(model.sourceIds.length);
    }
    const needCells = model.segmentIds.length * model.tpSlot.length;
    if (this.eligibleNeeds.length !== needCells) {
      this.eligibleNeeds = new Float64Array(needCells);
      this.openNeedsCarried = new Float64Array(needCells);
    }
    const tenureCells = model.segmentIds.length * (model.tpTenureMaskLength + 1) * 2;
    if (this.customersByTenure.length !== tenureCells) {
      this.customersByTenure = new Float64Array(tenureCells);
    }
    if (this.channelResolved.length !== model.channelIds.length) {
      this.channelResolved = new Float64Array(model.channelIds.length);
      this.channelContacts = new Float64Array(model.channelIds.length);
    }
  }

  /** The queues of a model's staffed channels (made once per model, reused after). */
  queues(model: CompiledModel): ChannelQueue[] {
    if (this.queuesFor !== model) {
      this.queueList = model.staffed.map(
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
      this.queuesFor = model;
    }
    return this.queueList;
  }

  reset(): void {
    this.population.clear();
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
  source: number,
): number {
  const seg = categorical(segmentCdf, bitsToUniform(hash3(key, cohort, ordinal, 0xa)));
  const spread = model.satisfactionSpread[seg]!;
  let baseline = model.baselineSatisfaction[seg]!;
  if (spread > 0) {
    baseline += spread * inverseStandardNormal(bitsToUniform(hash3(key, cohort, ordinal, 0xb)));
  }
  return pop.add(
    cohort,
    ordinal,
    arrivalMonth,
    seg,
    source,
    model.productsAtStart[seg]!,
    clampSatisfaction(baseline),
  );
}

/**
 * The `n` would-be customers a source whose conversions hang on a presales call brings this month.
 * Each wants to call first (probability min(1, calls per acquisition)); a caller who finds no number
 * is lost at once with the source's lost share; one who does becomes a prospect (`PROSPECT`) whose
 * call joins the queue and is settled in the service pass. A prospect's journey starts the month
 * after (arrival month + 1): the month of the purchase is spent buying. Returns the customers lost
 * now. Every draw is the would-be customer's own (their cohort and ordinal), so a variant and its
 * baseline lose the same people for the same reason.
 */
function addProspects(
  model: CompiledModel,
  scratch: Scratch,
  keys: ReplicationKeys,
  agentMonthKey: number,
  s: number,
  cohort: number,
  n: number,
  month: number,
): number {
  const pop = scratch.population;
  const key = keys.acquisition;
  const cdf = model.sourceSegmentCdf[s]!;
  const channel = model.presalesChannel[s]!;
  let lost = 0;
  for (let k = 0; k < n; k++) {
    if (hash3(key, cohort, k, ACQ_CALLER) >= model.presalesCallerThreshold[s]!) {
      addCustomer(pop, model, key, cohort, k, month, cdf, s);
      continue;
    }
    if (hash3(key, cohort, k, ACQ_REACH) >= model.presalesReachThreshold[s]!) {
      const lostNow = hash3(key, cohort, k, ACQ_LOST) < model.presalesLostThreshold[s]!;
      const i = addCustomer(pop, model, key, cohort, k, month, cdf, s);
      if (lostNow) {
        pop.active[i] = 0;
        lost++;
      }
      continue;
    }
    const i = addCustomer(pop, model, key, cohort, k, month + 1, cdf, s);
    pop.active[i] = PROSPECT;
    // The month hash the contacts pass would have computed (it skips prospects).
    pop.monthHash[i] = agentHash(agentMonthKey, keys.agent.k1, pop.idHi[i]!, pop.idLo[i]!);
    scratch.pushContact(i, PRESALES_TOUCHPOINT - s, channel, SLOT_PRESALES);
    scratch.prospectCalls++;
  }
  return lost;
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
 * The month is split into passes, each a separate function called once a month, so the engine
 * optimises each loop on its own (one giant function's loops run in on-stack-replacement code,
 * which V8 optimises less well).
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
  const K = Math.max(1, model.staffed.length);
  const nSources = model.sourceIds.length;
  const scale = settings.customersPerAgent;
  const channelBase = GLOBAL_METRICS.length;
  const sourceBase = GLOBAL_METRICS.length + layout.channels * CHANNEL_METRICS.length;
  const put = (row: number, month: number, value: number) => {
    out[row * H + month] = value;
  };

  scratch.reset();
  scratch.prepare(model);
  const pop = scratch.population;
  const queues = scratch.queues(model);

  // Month 0: the existing book of customers, `settings.agents` of them.
  const initialAgents = model.initialCustomers > 0 ? settings.agents : 0;
  if (!(initialAgents <= ENGINE_LIMITS.maxSimulatedCustomers)) {
    throw populationLimit(0, 0, initialAgents, scale);
  }
  pop.reserve(initialAgents);
  const initialId = cohortId(0, INITIAL_SOURCE);
  // A real book's tenures are spread out (renewal dates and early-life months fall all year round):
  // each customer at month 0 gets a tenure spread evenly from 0 to twice the stated mean.
  const tenureSpan = 2 * model.initialTenureMonths + 1;
  for (let k = 0; k < initialAgents; k++) {
    const tenure = Math.floor(
      bitsToUniform(hash3(keys.acquisition, initialId, k, 0xc)) * tenureSpan,
    );
    addCustomer(
      pop,
      model,
      keys.acquisition,
      initialId,
      k,
      -tenure,
      model.initialSegmentCdf,
      SOURCE_INITIAL,
    );
  }
  out[scalarIndex(layout, 'initialCustomers')] = initialAgents * scale;
  out[scalarIndex(layout, 'customersPerAgent')] = scale;

  const staffedAgentContacts = new Float64Array(K);
  const presalesCalls = new Float64Array(K);
  let referralsPending = 0;
  let peak = 0;

  for (let month = 1; month <= H; month++) {
    const m = month - 1;
    staffedAgentContacts.fill(0);
    presalesCalls.fill(0);
    scratch.contactCount = 0;
    scratch.sourceLost.fill(0);
    scratch.prospectCalls = 0;
    const agentMonthKey = monthKey(keys.agent, month);

    // 1. Acquisition: each source's customers (Poisson by inversion, monotone in the volume) and
    //    last month's referrals. Where a source's conversions hang on a presales call, a would-be
    //    customer who calls is a prospect until the call's outcome is known (step 4).
    let acquiredAgents = 0;
    let acquisitionSpend = 0;
    for (let s = 0; s < nSources; s++) {
      const expected = model.acquisitionCustomers[s * H + m]! / scale;
      const u = bitsToUniform(hash3(keys.acquisition, model.sourceHash[s]!, month, 0xc));
      const n = poisson(expected, u);
      const spend = model.acquisitionSpend[s * H + m]!;
      acquisitionSpend += spend;
      put(sourceBase + s * SOURCE_METRICS.length + SRC.spend, m, spend);
      if (!(pop.count + n <= ENGINE_LIMITS.maxSimulatedCustomers)) {
        throw populationLimit(month, pop.count, n, scale);
      }
      const pc = model.presalesChannel[s]!;
      if (pc >= 0) {
        // Expected, like the customers' contacts (step 3): the prospects' calls at population scale.
        presalesCalls[pc] =
          presalesCalls[pc]! +
          model.acquisitionCustomers[s * H + m]! * model.presalesPerAcquisition[s]!;
      }
      pop.reserve(n);
      const cohort = cohortId(month, model.sourceHash[s]!);
      const cdf = model.sourceSegmentCdf[s]!;
      if (model.presalesLosesConversions[s] === 0) {
        for (let k = 0; k < n; k++) {
          addCustomer(pop, model, keys.acquisition, cohort, k, month, cdf, s);
        }
      } else {
        scratch.sourceLost[s] = addProspects(
          model,
          scratch,
          keys,
          agentMonthKey,
          s,
          cohort,
          n,
          month,
        );
      }
      scratch.sourceDrawn[s] = n;
      acquiredAgents += n;
    }
    const referred = referralsPending;
    if (!(pop.count + referred <= ENGINE_LIMITS.maxSimulatedCustomers)) {
      throw populationLimit(month, pop.count, referred, scale);
    }
    pop.reserve(referred);
    const referralCohort = cohortId(month, REFERRAL_SOURCE);
    for (let k = 0; k < referred; k++) {
      addCustomer(
        pop,
        model,
        keys.acquisition,
        referralCohort,
        k,
        month,
        model.referralSegmentCdf,
        SOURCE_REFERRAL,
      );
    }
    acquisitionSpend += referred * scale * model.costPerReferral;
    acquiredAgents += referred;

    // 2. Needs and contacts; self-service is settled here, staffed contacts are queued.
    pop.admitNew();
    contactsPass(model, scratch, month, agentMonthKey, keys.agent.k1);

    // 3. Staffed queues at the whole population's load: the expected contacts of the customers
    //    simulated (who is active, in which segment and month of tenure, with which needs open),
    //    not the count they happened to draw. The sampled count carries the sample's binomial noise
    //    times the customers each stands for, and waits are convex in load, so a queue fed the
    //    sampled count waits longer the smaller the sample (DESIGN.md invariant 4); the queue's own
    //    Poisson arrivals already give the population's noise.
    const contactCount = scratch.contactCount;
    expectedStaffedContacts(model, scratch, staffedAgentContacts);
    let staffingCost = 0;
    let handlingCost = 0;
    for (let c = 0; c < model.staffed.length; c++) {
      const channel = model.staffed[c]!;
      const calls = staffedAgentContacts[c]! * scale + presalesCalls[c]!;
      const days = simulatedQueueDays(channel.openDaysPerMonth, settings.queueDaysPerMonth);
      if (!((calls / channel.openDaysPerMonth) * days <= ENGINE_LIMITS.maxQueueCallsPerMonth)) {
        throw queueLimit(channel.id, month, calls, channel.openDaysPerMonth, days);
      }
      const queue = queues[c]!;
      const factor = queue.simulateMonth(keys.queue, month, calls, settings.queueDaysPerMonth);
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
      const handling = handlingCostOf(st[Q.busyMinutes]! * factor, channel.costPerHandledMinute);
      put(row + C.cost, m, channel.staffingCostPerMonth + handling);
      staffingCost += channel.staffingCostPerMonth;
      handlingCost += handling;
    }

    // 4. Service outcomes for the sampled customers' staffed contacts (and prospects' calls).
    servicePass(model, scratch, queues);
    let lostAgents = 0;
    for (let s = 0; s < nSources; s++) {
      const lost = scratch.sourceLost[s]!;
      lostAgents += lost;
      const row = sourceBase + s * SOURCE_METRICS.length;
      put(row + SRC.lost, m, lost * scale);
      put(row + SRC.acquired, m, (scratch.sourceDrawn[s]! - lost) * scale);
    }
    acquiredAgents -= lostAgents;

    // 5. Behaviour: satisfaction fades toward the baseline; churn, renewal, cross-sell, referral.
    behaviourPass(model, scratch, month);
    const b = scratch.tally;
    referralsPending = b[B_REFERRALS]!;
    for (let s = 0; s < nSources; s++) {
      const row = sourceBase + s * SOURCE_METRICS.length;
      put(row + SRC.active, m, scratch.sourceActive[s]! * scale);
      put(row + SRC.revenue, m, scratch.sourceRevenue[s]! * scale);
    }
    if (pop.count > peak) peak = pop.count;

    // 6. Economics for the whole population.
    const counts = scratch.counts;
    const ssAttempts = scratch.selfServiceAttempts;
    const ssResolved = scratch.selfServiceResolved;
    let digitalCost = 0;
    for (let k = 0; k < model.selfService.length; k++) {
      const ss = model.selfService[k]!;
      const cost = digitalCostOf(ssAttempts[k]! * scale, ss.costPerContact);
      digitalCost += cost;
      const row = channelBase + ss.channelIndex * CHANNEL_METRICS.length;
      put(row + C.contacts, m, ssAttempts[k]! * scale);
      put(row + C.answered, m, ssResolved[k]! * scale);
      put(row + C.resolved, m, ssResolved[k]! * scale);
      put(row + C.customerContacts, m, ssAttempts[k]! * scale);
      put(row + C.cost, m, cost);
    }
    for (let c = 0; c < model.staffed.length; c++) {
      const index = model.staffed[c]!.channelIndex;
      const row = channelBase + index * CHANNEL_METRICS.length;
      put(row + C.resolved, m, scratch.channelResolved[index]! * scale);
      put(row + C.customerContacts, m, scratch.channelContacts[index]! * scale);
    }
    const activeEnd = b[B_ACTIVE]!;
    const revenue = b[B_REVENUE]! * scale;
    // The month's money for the whole population (models/economics/monthlyCashFlow).
    const cash = monthlyCashFlow({
      revenue,
      staffingCost,
      handlingCost,
      digitalCost,
      acquisitionSpend,
      investment: model.investment[m]!,
    });
    const g = (metric: keyof typeof G, value: number) => put(G[metric], m, value);
    g('activeCustomers', activeEnd * scale);
    g('acquired', acquiredAgents * scale);
    g('referred', referred * scale);
    g('lostConversions', lostAgents * scale);
    g('churned', b[B_CHURNED]! * scale);
    g('nonRenewals', b[B_NON_RENEWALS]! * scale);
    g('renewalsDue', b[B_RENEWALS_DUE]! * scale);
    g('crossSells', b[B_CROSS_SELLS]! * scale);
    g('productsHeld', b[B_PRODUCTS]! * scale);
    g('revenue', revenue);
    g('staffingCost', staffingCost);
    g('handlingCost', handlingCost);
    g('digitalCost', digitalCost);
    g('costToServe', cash.costToServe);
    g('acquisitionSpend', acquisitionSpend);
    g('investment', cash.investment);
    g('netCashFlow', cash.netCashFlow);
    g('needs', counts[N_NEEDS]! * scale);
    g('repeatContacts', counts[N_REPEATS]! * scale);
    g('selfServiceAttempts', counts[N_SS_ATTEMPTS]! * scale);
    g('selfServiceResolved', counts[N_SS_RESOLVED]! * scale);
    g('fallbacks', counts[N_FALLBACKS]! * scale);
    // The customers' own staffed contacts: prospects' presales calls are queue load, not contacts.
    g('staffedContacts', (contactCount - scratch.prospectCalls) * scale);
    g('resolved', counts[N_RESOLVED]! * scale);
    g('unresolved', counts[N_UNRESOLVED]! * scale);
    g('givenUp', counts[N_GIVEN_UP]! * scale);
    g('meanSatisfaction', activeEnd > 0 ? b[B_SATISFACTION]! / activeEnd : 0);
    g('promoters', b[B_PROMOTERS]! * scale);
    g('detractors', b[B_DETRACTORS]! * scale);
    g('npsProxy', activeEnd > 0 ? (100 * (b[B_PROMOTERS]! - b[B_DETRACTORS]!)) / activeEnd : 0);
    g('matureCustomers', b[B_MATURE]! * scale);
    g('matureChurned', b[B_MATURE_CHURNED]! * scale);
  }
  out[scalarIndex(layout, 'simulatedAgentsPeak')] = peak;
  return out;
}

/**
 * Pass 2, every active customer: last month's open needs (repeat contact or give up), this month's
 * needs, and their self-service outcomes; staffed contacts are queued in `scratch`.
 */
function contactsPass(
  model: CompiledModel,
  scratch: Scratch,
  month: number,
  agentMonthKey: number,
  agentK1: number,
): void {
  const pop = scratch.population;
  const live = pop.live;
  const nLive = pop.liveCount;
  const active = pop.active;
  const segment = pop.segment;
  const satisfaction = pop.satisfaction;
  const openNeeds = pop.openNeeds;
  const arrival = pop.arrivalMonth;
  const monthHash = pop.monthHash;
  const idHi = pop.idHi;
  const idLo = pop.idLo;
  const counts = scratch.counts;
  counts.fill(0);
  const eligibleNeeds = scratch.eligibleNeeds;
  const openNeedsCarried = scratch.openNeedsCarried;
  const customersByTenure = scratch.customersByTenure;
  eligibleNeeds.fill(0);
  openNeedsCarried.fill(0);
  customersByTenure.fill(0);
  scratch.selfServiceAttempts.fill(0);
  scratch.selfServiceResolved.fill(0);
  const S = model.segmentIds.length;
  const T = model.tpSlot.length;
  const tpSlot = model.tpSlot;
  const tenureMaskTable = model.tpTenureMask;
  const tenureMaskLength = model.tpTenureMaskLength;
  const steadyMask = model.tpSteadyMask;
  const renewalMask = model.tpRenewalMask;
  const capped = model.tpTenureMaskCapped;
  const tenureRows = (tenureMaskLength + 1) * 2;
  const tpThreshold = model.tpContactThresholdBySegment;
  const rowStart = model.tpRowStart;
  const rowTouchpoint = model.tpRowTouchpoint;
  const rowMix = model.tpRowMix;
  const rowLimit = model.tpRowLimit;
  const tpEventDelta = model.tpEventDelta;
  const tpQualityDelta = model.tpQualityDelta;
  const resolvedDelta = model.resolvedDelta;
  const unresolvedDelta = model.unresolvedDelta;
  const renewalEveryOf = model.renewalEvery;
  const repeatThreshold = model.repeatThreshold;
  const giveUpDelta = model.giveUpDelta;
  const driftKeepsRange = model.drift >= 0 && model.drift <= 1;
  for (let k = 0; k < nLive; k++) {
    const i = live[k]!;
    // Customers only: prospects wait on their presales call (their hash is set in addProspects).
    if (active[i] !== ACTIVE) continue;
    const h = agentHash(agentMonthKey, agentK1, idHi[i]!, idLo[i]!);
    monthHash[i] = h;
    const seg = segment[i]!;
    const tenure = month - arrival[i]!;
    const thresholdRow = seg * T;

    // Without renewal-only touchpoints the renewal month changes nothing: skip its division.
    let renewalMonth = 0;
    if (renewalMask !== 0) {
      const every = renewalEveryOf[seg]!;
      if (every > 0 && tenure > 0 && tenure % every === 0) renewalMonth = 1;
    }
    // This month's needs, one bit per touchpoint: first the draws (a loop without calls, so V8
    // keeps the arrays in registers), then, below, the contacts they raise in touchpoint order.
    let needs = 0;
    if (tenure < tenureMaskLength || !capped) {
      // The touchpoints open at this tenure, in touchpoint order, listed for the customer's tenure
      // row (compile.ts); the customer is counted once for the row (expanded into eligibleNeeds
      // after the pass).
      const row =
        seg * tenureRows +
        (tenure < tenureMaskLength ? tenure : tenureMaskLength) * 2 +
        renewalMonth;
      customersByTenure[row]!++;
      const last = rowStart[row + 1]!;
      for (let j = rowStart[row]!; j < last; j++) {
        // slotBits(h, tpSlot[t] + TP_CONTACT), with its slot constant precomputed.
        let x = h ^ rowMix[j]!;
        x ^= x >>> 16;
        x = Math.imul(x, 0x21f0aaad);
        x ^= x >>> 15;
        x = Math.imul(x, 0x735a2d97);
        x ^= x >>> 15;
        if (x >>> 0 <= rowLimit[j]!) needs |= 1 << rowTouchpoint[j]!;
      }
    } else {
      // Past the tabulated tenures with gates still ahead: the gates one by one (the same draws).
      let eligible = tenureMask(model.tpFromTenure, model.tpToTenure, tenure);
      if (renewalMonth === 0) eligible &= ~renewalMask;
      while (eligible !== 0) {
        const t = 31 - Math.clz32(eligible & -eligible);
        eligible &= eligible - 1;
        eligibleNeeds[thresholdRow + t]!++;
        if (slotBits(h, tpSlot[t]! + TP_CONTACT) < tpThreshold[thresholdRow + t]!) needs |= 1 << t;
      }
    }

    // Most customers have no need this month and none left open: their satisfaction stays as it
    // is (already within 0–10: every write clamps, and a drift between 0 and 1 stays between two
    // values in range), so it is neither read nor written.
    let open = openNeeds[i]!;
    if ((open | needs) === 0 && driftKeepsRange) continue;
    let sat = satisfaction[i]!;

    // Each need left unresolved last month: a repeat contact, or the customer gives up on it.
    // Open needs are one bit per touchpoint, so resolving one never clears another.
    while (open !== 0) {
      const t = 31 - Math.clz32(open & -open);
      open &= open - 1;
      openNeedsCarried[thresholdRow + t]!++;
      const base = tpSlot[t]! + TP_REPEAT_OFFSET;
      if (slotBits(h, base + TP_CONTACT) < repeatThreshold) {
        counts[N_REPEATS]!++;
        const outcome = contact(model, scratch, i, t, seg, TP_REPEAT_OFFSET);
        if (outcome === SETTLED_RESOLVED) sat = sat + tpQualityDelta[t]! + resolvedDelta;
        else if (outcome === SETTLED_UNRESOLVED) sat = sat + tpQualityDelta[t]! + unresolvedDelta;
      } else {
        counts[N_GIVEN_UP]!++;
        openNeeds[i] = openNeeds[i]! & ~(1 << t);
        sat += giveUpDelta;
      }
    }

    while (needs !== 0) {
      const t = 31 - Math.clz32(needs & -needs);
      needs &= needs - 1;
      counts[N_NEEDS]!++;
      sat += tpEventDelta[t]!;
      const outcome = contact(model, scratch, i, t, seg, 0);
      if (outcome === SETTLED_RESOLVED) sat = sat + tpQualityDelta[t]! + resolvedDelta;
      else if (outcome === SETTLED_UNRESOLVED) sat = sat + tpQualityDelta[t]! + unresolvedDelta;
    }
    satisfaction[i] = clampSatisfaction(sat);
  }

  // Each tenure row's customers were eligible for every touchpoint the row opens.
  for (let seg = 0; seg < S; seg++) {
    for (let row = 0; row <= tenureMaskLength; row++) {
      for (let renewal = 0; renewal < 2; renewal++) {
        const customers = customersByTenure[seg * tenureRows + row * 2 + renewal]!;
        if (customers === 0) continue;
        let mask = row < tenureMaskLength ? tenureMaskTable[row]! : steadyMask;
        if (renewal === 0) mask &= ~renewalMask;
        for (; mask !== 0; mask &= mask - 1) {
          const cell = seg * T + 31 - Math.clz32(mask & -mask);
          eligibleNeeds[cell] = eligibleNeeds[cell]! + customers;
        }
      }
    }
  }
}

/**
 * The month's expected staffed contacts per channel, in simulated customers: each eligible need's
 * contact probability and each open need's repeat probability, times the share of such contacts
 * reaching each staffed channel (self-service first, fallback, channel choice: compile.ts).
 */
function expectedStaffedContacts(model: CompiledModel, scratch: Scratch, out: Float64Array): void {
  const K = Math.max(1, model.staffed.length);
  const cells = scratch.eligibleNeeds.length;
  const eligible = scratch.eligibleNeeds;
  const carried = scratch.openNeedsCarried;
  const contactProbability = model.tpContactProbability;
  const repeat = model.repeatProbability;
  const load = model.tpStaffedLoad;
  for (let cell = 0; cell < cells; cell++) {
    const expected = eligible[cell]! * contactProbability[cell]! + carried[cell]! * repeat;
    if (expected === 0) continue;
    for (let k = 0; k < K; k++) out[k] = out[k]! + expected * load[cell * K + k]!;
  }
}

/**
 * `categorical(channel.profileCdf, bitsToUniform(bits))`, the hour of a staffed contact, through
 * the channel's guide table (the same index; the binary search, whose branches the processor
 * cannot predict, only where an hour boundary falls inside the bits' bucket).
 */
function hourOf(channel: CompiledStaffedChannel, bits: number): number {
  const guide = channel.hourGuide;
  const b = (bits >>> 24) * 2;
  const lo = guide[b]!;
  const hi = guide[b + 1]!;
  return lo === hi ? lo : categoricalIn(channel.profileCdf, bitsToUniform(bits), lo, hi);
}

/** Pass 4: each queued staffed contact takes its wait and outcome from its channel's queue. */
function servicePass(model: CompiledModel, scratch: Scratch, queues: ChannelQueue[]): void {
  const pop = scratch.population;
  const satisfaction = pop.satisfaction;
  const openNeeds = pop.openNeeds;
  const monthHash = pop.monthHash;
  const counts = scratch.counts;
  const channelResolved = scratch.channelResolved;
  const channelContacts = scratch.channelContacts;
  channelResolved.fill(0);
  channelContacts.fill(0);
  const K = Math.max(1, model.staffed.length);
  const wait = scratch.wait;
  const contactCount = scratch.contactCount;
  const active = pop.active;
  for (let k = 0; k < contactCount; k++) {
    const i = scratch.contactAgent[k]!;
    const t = scratch.contactTouchpoint[k]!;
    const c = scratch.contactChannel[k]!;
    const base = scratch.contactSlot[k]!;
    const h = monthHash[i]!;
    const channel = model.staffed[c]!;
    if (t < 0) {
      // A prospect's presales call: answered, they buy; hung up, they may buy elsewhere.
      const hour = hourOf(channel, slotBits(h, base));
      const hungUp = queues[c]!.outcome(hour, bitsToUniform(slotBits(h, base + 1)), wait);
      const s = PRESALES_TOUCHPOINT - t;
      if (hungUp === 1 && slotBits(h, base + 2) < model.presalesLostThreshold[s]!) {
        active[i] = 0;
        scratch.sourceLost[s] = scratch.sourceLost[s]! + 1;
      } else {
        active[i] = ACTIVE;
      }
      continue;
    }
    const hour = hourOf(channel, slotBits(h, base + TP_HOUR));
    const abandoned = queues[c]!.outcome(hour, bitsToUniform(slotBits(h, base + TP_CALLER)), wait);
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
    channelContacts[channel.channelIndex] = channelContacts[channel.channelIndex]! + 1;
    if (resolved) {
      openNeeds[i] = openNeeds[i]! & ~(1 << t);
      counts[N_RESOLVED]!++;
      channelResolved[channel.channelIndex] = channelResolved[channel.channelIndex]! + 1;
    } else {
      openNeeds[i] = openNeeds[i]! | (1 << t);
      counts[N_UNRESOLVED]!++;
    }
  }
}

/**
 * Pass 5, every active customer: satisfaction fades toward their own baseline; churn, renewal,
 * cross-sell and referral are drawn from the tabulated curves; the month's tallies go to
 * `scratch.tally`. (Fusing this into the contacts pass, for customers without a staffed contact,
 * measured no faster: the second sequential sweep is cheap.)
 */
function behaviourPass(model: CompiledModel, scratch: Scratch, month: number): void {
  const pop = scratch.population;
  const live = pop.live;
  const nLive = pop.liveCount;
  let kept = 0;
  const active = pop.active;
  const segment = pop.segment;
  const satisfaction = pop.satisfaction;
  const openNeeds = pop.openNeeds;
  const arrival = pop.arrivalMonth;
  const monthHash = pop.monthHash;
  const baseline = pop.baseline;
  const products = pop.products;
  const drift = model.drift;
  const revenueByProducts = model.revenueByProducts;
  const earlyLife = model.earlyLifeMonths;
  const renewalEveryOf = model.renewalEvery;
  const maxProducts = model.maxProducts;
  const curves = model.behaviourCurves;
  const nonRenewalCurve = model.nonRenewalCurve;
  const promoterThreshold = model.promoterThreshold;
  const detractorThreshold = model.detractorThreshold;
  const source = pop.source;
  const sourceActive = scratch.sourceActive;
  const sourceRevenue = scratch.sourceRevenue;
  sourceActive.fill(0);
  sourceRevenue.fill(0);
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
  for (let k = 0; k < nLive; k++) {
    const i = live[k]!;
    const state = active[i]!;
    if (state !== ACTIVE) {
      // Gone (churned, or a prospect lost with their call): dropped from the visit list.
      if (state !== 0) live[kept++] = i;
      continue;
    }
    const seg = segment[i]!;
    const src = source[i]!;
    // Rounded to float32 as the column stores it, so every later use sees the stored value.
    const before = satisfaction[i]!;
    const sat = Math.fround(before + drift * (baseline[i]! - before));
    satisfaction[i] = sat;
    const h = monthHash[i]!;
    const tenure = month - arrival[i]!;
    const held = products[i]!;
    // productRevenue(held, margin), tabulated by compile.ts.
    const earned = revenueByProducts[seg * PRODUCT_COUNTS + held]!;
    revenueAgents += earned;
    sourceRevenue[src] = sourceRevenue[src]! + earned;
    const open = +(openNeeds[i]! !== 0);
    const early = +(tenure < earlyLife[seg]!);
    matureExposed += 1 - early;
    // Linear interpolation in the curves tabulated by compile.ts: the grid point below `sat` and
    // the distance past it, shared by the curves; at or past the last point, its value.
    const x = sat * GRID_STEPS_PER_POINT;
    let g = x | 0;
    let dx = 0;
    if (g >= GRID_SIZE - 1) g = GRID_SIZE - 1;
    else {
      if (g < 0) g = 0;
      dx = x - g;
    }
    const at = (((seg * 2 + early) * 2 + open) * GRID_SIZE + g) * CURVE_STRIDE;
    const pChurn = curves[at + CURVE_CHURN]! + dx * curves[at + CURVE_CHURN + 1]!;
    if (bitsToUniform(slotBits(h, SLOT_CHURN)) < pChurn) {
      active[i] = 0;
      churned++;
      matureChurned += 1 - early;
      continue;
    }
    const every = renewalEveryOf[seg]!;
    if (every > 0 && tenure > 0 && tenure % every === 0) {
      renewalsDue++;
      const leaveAt = ((seg * 2 + open) * GRID_SIZE + g) * 2;
      const pLeave = nonRenewalCurve[leaveAt]! + dx * nonRenewalCurve[leaveAt + 1]!;
      if (bitsToUniform(slotBits(h, SLOT_RENEWAL)) < pLeave) {
        active[i] = 0;
        churned++;
        nonRenewals++;
        matureChurned += 1 - early;
        continue;
      }
    }
    let nowHeld = held;
    if (held < maxProducts[seg]!) {
      const p = curves[at + CURVE_CROSS_SELL]! + dx * curves[at + CURVE_CROSS_SELL + 1]!;
      if (bitsToUniform(slotBits(h, SLOT_CROSS_SELL)) < p) {
        nowHeld = held + 1;
        products[i] = nowHeld;
        crossSells++;
      }
    }
    const pRefer = curves[at + CURVE_REFERRAL]! + dx * curves[at + CURVE_REFERRAL + 1]!;
    if (bitsToUniform(slotBits(h, SLOT_REFERRAL)) < pRefer) {
      referrals++;
    }
    live[kept++] = i;
    activeEnd++;
    sourceActive[src] = sourceActive[src]! + 1;
    productsHeld += nowHeld;
    satisfactionSum += sat;
    // Counted without branches: whether a customer is a promoter is a coin toss the processor
    // cannot predict (the same for `open` and `early` above).
    const promoter = +(sat >= promoterThreshold);
    promoters += promoter;
    detractors += (1 - promoter) & +(sat <= detractorThreshold);
  }
  pop.liveCount = kept;
  const b = scratch.tally;
  b[B_ACTIVE] = activeEnd;
  b[B_CHURNED] = churned;
  b[B_NON_RENEWALS] = nonRenewals;
  b[B_RENEWALS_DUE] = renewalsDue;
  b[B_CROSS_SELLS] = crossSells;
  b[B_PRODUCTS] = productsHeld;
  b[B_REVENUE] = revenueAgents;
  b[B_SATISFACTION] = satisfactionSum;
  b[B_PROMOTERS] = promoters;
  b[B_DETRACTORS] = detractors;
  b[B_REFERRALS] = referrals;
  b[B_MATURE] = matureExposed;
  b[B_MATURE_CHURNED] = matureChurned;
}

/** What `contact` did: queued for a staffed channel (settled later), or settled now. */
const QUEUED = 0;
const SETTLED_RESOLVED = 1;
const SETTLED_UNRESOLVED = 2;

/**
 * One contact about the need of touchpoint `t`: self-service first when the customer is inclined
 * and the need suits it (it resolves, falls back to a staffed channel, or fails), else straight to
 * a staffed channel. Self-service outcomes are settled here (the caller adds their satisfaction
 * change: returning a small integer rather than the new satisfaction keeps the call free of
 * allocation); staffed contacts are queued in `scratch` and settled in the service pass.
 */
function contact(
  model: CompiledModel,
  scratch: Scratch,
  agent: number,
  t: number,
  seg: number,
  repeatOffset: number,
): number {
  // The month hash and the slot base are read here, not passed: V8 does not inline this function,
  // and a 32-bit hash passed as an argument is boxed as a heap number half the time.
  const h = scratch.population.monthHash[agent]!;
  const base = model.tpSlot[t]! + repeatOffset;
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
      return SETTLED_RESOLVED;
    }
    if (bits >= model.tpSelfServiceFallbackThreshold[t]!) {
      counts[N_UNRESOLVED]!++;
      scratch.population.openNeeds[agent] = scratch.population.openNeeds[agent]! | (1 << t);
      return SETTLED_UNRESOLVED;
    }
    counts[N_FALLBACKS]!++;
  }
  if (model.tpHasStaffed[t] === 0) {
    counts[N_UNRESOLVED]!++;
    scratch.population.openNeeds[agent] = scratch.population.openNeeds[agent]! | (1 << t);
    return SETTLED_UNRESOLVED;
  }
  const K = Math.max(1, model.staffed.length);
  const u = bitsToUniform(slotBits(h, base + TP_STAFFED_CHOICE));
  let c = 0;
  for (; c < K - 1; c++) if (u < model.tpStaffedCdf[t * K + c]!) break;
  scratch.pushContact(agent, t, c, base);
  return QUEUED;
}
