/**
 * The engine's benchmark: `npm run bench -w @journeycast/sim-core` (add `-- --json` for JSON).
 *
 * (a) The staffed-channel queue (`simulateQueue`, the kernel of the monthly step): 100 calls/h,
 *     AHT 6 min, 11 agents, patience 3 min, 2,000 hours (≈ 200,000 calls) per run: calls per
 *     second, and the run's waiting probability and abandonment beside Erlang A's.
 * (b) The full monthly step on `exampleModel()` in this thread (20,000 simulated customers
 *     standing for 200,000, 24 months, 2 queue days a month): simulated customer-months
 *     ("agent-months": customers processed by the monthly step, the month's active ones and those
 *     who leave in it) per second.
 * Random numbers per agent-month and the full five-figure suite (SimPy, scaling, latency, memory)
 * are in packages/scenarios/bench/suite.ts, which the root `npm run bench` runs.
 *
 * Timings are medians over repeated runs after a warm-up; nothing here asserts a time.
 */
import { erlangA } from '@journeycast/models';
import {
  channelRow,
  compileModel,
  exampleModel,
  globalRow,
  layoutFor,
  rowOf,
  Scratch,
  simulateQueue,
  simulateReplication,
  type CompiledModel,
  type EngineSettings,
} from '../src/index.ts';

const json = process.argv.includes('--json');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timed<T>(f: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = f();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const settings: EngineSettings = {
  seed: 20261125,
  agents: 20_000,
  customersPerAgent: 10,
  queueDaysPerMonth: 2,
};
const model: CompiledModel = compileModel(exampleModel());
const layout = layoutFor(model);

/** Customers the monthly step processed: each month's active customers plus those who left. */
function agentMonths(summary: Float64Array): number {
  const active = rowOf(summary, layout, globalRow('activeCustomers'));
  const churned = rowOf(summary, layout, globalRow('churned'));
  let total = 0;
  for (let m = 0; m < layout.months; m++) total += active[m]! + churned[m]!;
  return total / settings.customersPerAgent;
}

// ----- (a) the queue
const queueParams = {
  arrivalsPerHour: 100,
  ahtMinutes: 6,
  agents: 11,
  patienceMinutes: 3,
  hours: 2000,
  warmupHours: 0,
};
simulateQueue({ ...queueParams, seed: 999 }); // warm-up
const queueRuns = Array.from({ length: 7 }, (_, r) =>
  timed(() => simulateQueue({ ...queueParams, seed: r + 1 })),
);
const theory = erlangA(queueParams);
type QueueRun = (typeof queueRuns)[number]['value'];
/** Mean over the runs and its standard error (the runs have independent seeds). */
function across(f: (q: QueueRun) => number): { mean: number; se: number } {
  const xs = queueRuns.map((r) => f(r.value));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}
const queue = {
  runs: queueRuns.length,
  callsPerRun: across((q) => q.calls).mean,
  callsPerSecond: median(queueRuns.map((r) => r.value.calls / r.seconds)),
  pWait: across((q) => q.pWait),
  pWaitErlangA: theory.pWait,
  abandonRate: across((q) => q.abandonRate),
  abandonRateErlangA: theory.pAbandon,
  meanWaitMinutes: across((q) => q.meanWaitMinutes),
  meanWaitMinutesErlangA: theory.meanWaitMinutes,
};

// ----- (b) the monthly step
const scratch = new Scratch();
simulateReplication(model, settings, 100, scratch); // warm-up
const stepRuns = Array.from({ length: 5 }, (_, r) =>
  timed(() => simulateReplication(model, settings, r + 1, scratch)),
);
const monthly = {
  agents: settings.agents,
  months: model.horizon,
  agentMonthsPerReplication: median(stepRuns.map((r) => agentMonths(r.value))),
  secondsPerReplication: median(stepRuns.map((r) => r.seconds)),
  agentMonthsPerSecond: median(stepRuns.map((r) => agentMonths(r.value) / r.seconds)),
};

const result = { node: process.version, queue, monthly };

if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (x: number, digits = 0) =>
    x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pm = (x: { mean: number; se: number }) => `${f(x.mean, 4)} ± ${f(x.se, 4)}`;
  const rows: [string, string, string][] = [
    ['(a) queue: 100 calls/h, AHT 6 min, 11 agents, patience 3 min', '', ''],
    ['    calls per run', f(queue.callsPerRun), `${queue.runs} runs; ± is one SE across them`],
    ['    calls per second', f(queue.callsPerSecond), ''],
    ['    P(wait)', pm(queue.pWait), `Erlang A ${f(queue.pWaitErlangA, 4)}`],
    ['    abandonment', pm(queue.abandonRate), `Erlang A ${f(queue.abandonRateErlangA, 4)}`],
    [
      '    mean wait (min)',
      pm(queue.meanWaitMinutes),
      `Erlang A ${f(queue.meanWaitMinutesErlangA, 4)}`,
    ],
    [
      `(b) monthly step: exampleModel(), ${f(monthly.agents)} customers, ${monthly.months} months`,
      '',
      '',
    ],
    ['    agent-months per replication', f(monthly.agentMonthsPerReplication), ''],
    ['    seconds per replication', f(monthly.secondsPerReplication, 3), ''],
    ['    agent-months per second', f(monthly.agentMonthsPerSecond), 'one thread'],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`Journeycast sim-core benchmark (Node ${process.version})`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd());
}
