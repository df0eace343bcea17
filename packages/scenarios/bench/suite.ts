/**
 * The benchmark suite, Node part: `npm run bench` (root) runs this and the Chromium latency
 * measurement (apps/web/bench) and prints one table; `--json` prints JSON.
 *
 *   1. Queue versus SimPy: the engine's staffed-channel queue and SimPy 3 simulating the same
 *      M/M/c+M call centre (100 calls/h, AHT 6 min, 11 agents, patience 3 min, 200,000 calls),
 *      calls per second and their ratio, with both runs' P(wait) and abandonment beside Erlang A.
 *   2. Agent-months per second of the full monthly step on the default scenario, one thread;
 *      random numbers per agent-month and the ratio to the generator's raw rate.
 *   3. Scaling: the same fixed run with 1 and 2 worker threads.
 *   4. Latency in Node: time to the first estimate and to the precision target.
 *   5. Memory: bytes per simulated agent and peak memory for 1 million agents.
 *
 * Ratios are measured within one run (the machines are noisy); every time is the median of
 * repeats after a warm-up. Nothing here asserts a time: the figures are printed, and
 * docs/performance.md records them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { erlangA } from '@journeycast/models';
import {
  compileModel,
  ENGINE_VERSION,
  globalRow,
  Population,
  Scratch,
  simulateQueue,
  simulateReplication,
  slotBits,
  type RunPlan,
} from '@journeycast/sim-core';
import { nodeWorkerPool } from '@journeycast/sim-core/node';
import { libraryScenario } from '../src/library.ts';
import { planFromScenario } from '../src/plan.ts';
import { validateScenario } from '../src/validate/validateScenario.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const log = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// ---------------------------------------------------------------------------------------------
// 1. Queue versus SimPy
const QUEUE = { arrivalsPerHour: 100, ahtMinutes: 6, agents: 11, patienceMinutes: 3 };
const CALLS = 200_000;

function simpyAvailable(): boolean {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import simpy'], { stdio: 'ignore' });
  if (probe.status === 0) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/etc/debian_version')) {
    log(
      '[bench] SimPy missing: installing Debian python3-simpy3 (apt-get install -y python3-simpy3)',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'python3-simpy3'], { stdio: 'ignore', env });
    return spawnSync('/usr/bin/python3', ['-c', 'import simpy'], { stdio: 'ignore' }).status === 0;
  }
  return false;
}

function queueBenchmark() {
  log('[bench] 1/5 queue against SimPy');
  const hours = Math.round(CALLS / QUEUE.arrivalsPerHour);
  simulateQueue({ ...QUEUE, hours: 200, seed: 99 }); // warm-up
  const rates: number[] = [];
  let sim = simulateQueue({ ...QUEUE, hours, warmupHours: 0, seed: 1 });
  for (let r = 0; r < (quick ? 3 : 7); r++) {
    const start = process.hrtime.bigint();
    sim = simulateQueue({ ...QUEUE, hours, warmupHours: 0, seed: 1 + r });
    rates.push(sim.calls / seconds(start));
  }
  const analytic = erlangA(QUEUE);
  let simpy: { callsPerSecond: number; pWait: number; abandonRate: number } | null = null;
  let simpyNote = '';
  if (simpyAvailable()) {
    const script = fileURLToPath(
      new URL('../../sim-core/bench/simpy_call_centre.py', import.meta.url),
    );
    const runs: { callsPerSecond: number; pWait: number; abandonRate: number }[] = [];
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      const out = execFileSync('/usr/bin/python3', [
        script,
        '--arrivals-per-hour',
        String(QUEUE.arrivalsPerHour),
        '--aht-minutes',
        String(QUEUE.ahtMinutes),
        '--agents',
        String(QUEUE.agents),
        '--patience-minutes',
        String(QUEUE.patienceMinutes),
        '--calls',
        String(CALLS),
        '--seed',
        String(1 + r),
      ]).toString();
      runs.push(JSON.parse(out) as { callsPerSecond: number; pWait: number; abandonRate: number });
    }
    const best = runs.map((x) => x.callsPerSecond);
    simpy = { ...runs[0]!, callsPerSecond: median(best) };
  } else {
    simpyNote =
      'SimPy not available: apt-get install -y python3-simpy3 (Debian), run by /usr/bin/python3';
  }
  const engineRate = median(rates);
  return {
    calls: sim.calls,
    engineCallsPerSecond: engineRate,
    simpyCallsPerSecond: simpy?.callsPerSecond ?? null,
    ratio: simpy ? engineRate / simpy.callsPerSecond : null,
    target: 50,
    engine: { pWait: sim.pWait, abandonRate: sim.abandonRate },
    simpy: simpy ? { pWait: simpy.pWait, abandonRate: simpy.abandonRate } : null,
    erlangA: { pWait: analytic.pWait, abandonRate: analytic.pAbandon },
    note: simpyNote,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Agent-months per second on the default scenario, one thread
const scenario = libraryScenario('default');

/** Customers the step processed in a replication: each month's active ones plus those who left. */
function agentMonthsOf(summary: Float64Array, months: number, scale: number): number {
  let total = 0;
  const active = globalRow('activeCustomers') * months;
  const churned = globalRow('churned') * months;
  for (let m = 0; m < months; m++) total += summary[active + m]! + summary[churned + m]!;
  return total / scale;
}

function stepBenchmark(agents: number) {
  const plan = planFromScenario(scenario, { replications: 1, agents });
  const model = compileModel(plan.variants[0]!.model);
  const scratch = new Scratch();
  const settings = {
    seed: plan.seed,
    agents,
    customersPerAgent: plan.customersPerAgent,
    queueDaysPerMonth: plan.queueDaysPerMonth,
  };
  simulateReplication(model, settings, 0, scratch); // warm-up
  const rates: number[] = [];
  let perRep = 0;
  for (let r = 1; r <= (quick ? 3 : 7); r++) {
    const start = process.hrtime.bigint();
    const summary = simulateReplication(model, settings, r, scratch);
    const s = seconds(start);
    perRep = agentMonthsOf(summary, model.horizon, settings.customersPerAgent);
    rates.push(perRep / s);
  }
  return {
    agents,
    agentMonthsPerReplication: Math.round(perRep),
    agentMonthsPerSecond: median(rates),
  };
}

/**
 * Random numbers per agent-month, counted in a child process (so the counting cannot touch the
 * timed code): every 32-bit random value is one round of the mixer, whose last multiply by
 * 0x735a2d97 marks it; Math.imul is wrapped to count those.
 */
function countDraws(): { mixerRoundsPerAgentMonth: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--count-draws'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    },
  ).toString();
  return JSON.parse(out.trim().split('\n').pop()!) as { mixerRoundsPerAgentMonth: number };
}

if (args.includes('--count-draws')) {
  const original = Math.imul;
  let rounds = 0;
  Math.imul = (a: number, b: number) => {
    if (b === 0x735a2d97) rounds++;
    return original(a, b);
  };
  const plan = planFromScenario(scenario, { replications: 1 });
  const model = compileModel(plan.variants[0]!.model);
  const settings = {
    seed: plan.seed,
    agents: plan.agents,
    customersPerAgent: plan.customersPerAgent,
    queueDaysPerMonth: plan.queueDaysPerMonth,
  };
  const summary = simulateReplication(model, settings, 0, new Scratch());
  const agentMonths = agentMonthsOf(summary, model.horizon, settings.customersPerAgent);
  process.stdout.write(`${JSON.stringify({ mixerRoundsPerAgentMonth: rounds / agentMonths })}\n`);
  process.exit(0);
}

/** The generator's raw rate: 32-bit decision draws per second in a tight loop. */
function rawDrawRate(): number {
  const rates: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const n = 20_000_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink ^= slotBits(i, 7);
    rates.push(n / seconds(start));
  }
  if (sink === 0.5) log('');
  return median(rates);
}

// ---------------------------------------------------------------------------------------------
// 3. Scaling and 4. latency (Node worker threads)
/** Times a run on a pool whose threads are already started (`warm`) or started by the run. */
async function timedRun(plan: RunPlan, workers: number, warm: boolean) {
  const pool = nodeWorkerPool(workers);
  try {
    if (warm) await pool.run({ ...plan, replications: workers, precision: undefined });
    const start = process.hrtime.bigint();
    let first = NaN;
    const outcome = await pool.run(plan, {
      onProgress: (p) => {
        if (Number.isNaN(first) && p.done >= 1) first = seconds(start);
      },
    });
    return {
      seconds: seconds(start),
      firstEstimateSeconds: first,
      replications: outcome.replications,
      stoppedBy: outcome.stoppedBy,
    };
  } finally {
    await pool.dispose();
  }
}

async function scalingBenchmark() {
  log('[bench] 3/5 scaling with 1 and 2 worker threads');
  const plan = planFromScenario(scenario, { replications: quick ? 8 : 16, precision: false });
  const one = await timedRun(plan, 1, true);
  const two = await timedRun(plan, 2, true);
  return {
    replications: plan.replications,
    variants: plan.variants.length,
    oneWorkerSeconds: one.seconds,
    twoWorkersSeconds: two.seconds,
    speedup: one.seconds / two.seconds,
    target: 1.8,
    cores: availableParallelism(),
  };
}

async function latencyBenchmark() {
  log('[bench] 4/5 latency in Node (the default scenario, precision target on)');
  const plan = planFromScenario(scenario);
  const workers = Math.max(1, Math.min(availableParallelism(), 4));
  const cold = await timedRun(plan, workers, false);
  const warm = await timedRun(plan, workers, true);
  // Validation runs on every keystroke in the app's number fields and on every file imported.
  validateScenario(scenario);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 5 : 21); i++) {
    const start = process.hrtime.bigint();
    validateScenario(scenario);
    times.push(seconds(start));
  }
  return {
    validationMs: median(times) * 1000,
    workers,
    firstEstimateSeconds: warm.firstEstimateSeconds,
    precisionTargetSeconds: warm.seconds,
    coldFirstEstimateSeconds: cold.firstEstimateSeconds,
    replications: warm.replications,
    stoppedBy: warm.stoppedBy,
  };
}

// ---------------------------------------------------------------------------------------------
// 5. Memory for 1 million agents (a child process, so the figure is not mixed with the others)
function memoryBenchmark() {
  log('[bench] 5/5 memory for 1,000,000 agents');
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), '--memory'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    },
  ).toString();
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

if (args.includes('--memory')) {
  const agents = 1_000_000;
  const plan = planFromScenario(scenario, { replications: 1, agents });
  const model = compileModel(plan.variants[0]!.model);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const scratch = new Scratch();
  const start = process.hrtime.bigint();
  simulateReplication(
    model,
    {
      seed: plan.seed,
      agents,
      customersPerAgent: plan.customersPerAgent,
      queueDaysPerMonth: plan.queueDaysPerMonth,
    },
    0,
    scratch,
  );
  const s = seconds(start);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const pop: Population = scratch.population;
  process.stdout.write(
    `${JSON.stringify({
      agents,
      simulatedCustomersAtPeak: pop.count,
      engineBytesPerAgent: pop.bytes() / pop.capacity,
      engineBytesPerAgentWithSlack: pop.bytes() / pop.count,
      engineStateMB: pop.bytes() / 1e6,
      peakRssMB: peakRss / 1e6,
      rssBeforeMB: before.rss / 1e6,
      replicationSeconds: s,
      target: 64,
    })}\n`,
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
const queue = queueBenchmark();
log('[bench] 2/5 agent-months per second (one thread)');
const step = stepBenchmark(scenario.run.agents);
const stepLarge = stepBenchmark(40_000);
const draws = countDraws();
const raw = rawDrawRate();
const scaling = await scalingBenchmark();
const latency = await latencyBenchmark();
const memory = memoryBenchmark();

const result = {
  engineVersion: ENGINE_VERSION,
  node: process.version,
  cores: availableParallelism(),
  queue,
  step: {
    defaultScenario: step,
    larger: stepLarge,
    target: 10_000_000,
    randomNumbersPerAgentMonth: draws.mixerRoundsPerAgentMonth,
    rawDrawsPerSecond: raw,
    // Share of the generator's raw rate the step achieves: 1 would mean the step did nothing but
    // draw random numbers.
    shareOfRawRate: (step.agentMonthsPerSecond * draws.mixerRoundsPerAgentMonth) / raw,
  },
  scaling,
  latency,
  memory,
};

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const f = (x: number | null | undefined, digits = 2) =>
    x === null || x === undefined || Number.isNaN(x)
      ? '—'
      : x.toLocaleString('en', { maximumFractionDigits: digits });
  const rows: [string, string, string][] = [
    [
      '1. Queue: engine calls/s',
      f(queue.engineCallsPerSecond, 0),
      `P(wait) ${f(queue.engine.pWait, 4)}, abandon ${f(queue.engine.abandonRate, 4)}`,
    ],
    [
      '   SimPy 3 calls/s',
      f(queue.simpyCallsPerSecond, 0),
      queue.simpy
        ? `P(wait) ${f(queue.simpy.pWait, 4)}, abandon ${f(queue.simpy.abandonRate, 4)}`
        : queue.note,
    ],
    [
      '   engine / SimPy',
      queue.ratio === null ? '—' : `${f(queue.ratio, 1)}×`,
      `target ≥ 50×; Erlang A: P(wait) ${f(queue.erlangA.pWait, 4)}, abandon ${f(queue.erlangA.abandonRate, 4)}`,
    ],
    [
      '2. Agent-months/s, default scenario',
      f(step.agentMonthsPerSecond, 0),
      `${f(step.agents, 0)} agents, 1 thread; target ≥ 10,000,000`,
    ],
    [
      '   at 40,000 agents',
      f(stepLarge.agentMonthsPerSecond, 0),
      'the queues are a fixed cost per month, amortised over more agents',
    ],
    [
      '   random numbers per agent-month',
      f(draws.mixerRoundsPerAgentMonth, 2),
      `generator raw rate ${f(raw, 0)}/s; step uses ${f(100 * result.step.shareOfRawRate, 1)} % of it`,
    ],
    [
      '3. Scaling, 2 workers vs 1',
      `${f(scaling.speedup, 2)}×`,
      `${f(scaling.oneWorkerSeconds, 2)} s vs ${f(scaling.twoWorkersSeconds, 2)} s, ${scaling.replications} replications × ${scaling.variants} variants; target ≥ 1.8×`,
    ],
    [
      '4. Node: first estimate',
      `${f(latency.firstEstimateSeconds * 1000, 0)} ms`,
      `${latency.workers} worker threads already started; ${f(latency.coldFirstEstimateSeconds * 1000, 0)} ms when the run starts them`,
    ],
    [
      '   Node: precision target',
      `${f(latency.precisionTargetSeconds, 1)} s`,
      `${latency.replications} replications (${latency.stoppedBy})`,
    ],
    [
      '   validating the default scenario',
      `${f(latency.validationMs, 1)} ms`,
      'schema and model rules, as on every keystroke in the app and every import',
    ],
    [
      '5. Engine bytes per agent',
      f(memory.engineBytesPerAgent, 1),
      `target ≤ 64; ${f(memory.engineBytesPerAgentWithSlack, 1)} with growth slack`,
    ],
    [
      '   peak memory, 1,000,000 agents',
      `${f(memory.peakRssMB, 0)} MB`,
      `engine state ${f(memory.engineStateMB, 0)} MB; one replication in ${f(memory.replicationSeconds, 1)} s`,
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(
    `Journeycast benchmarks (engine ${ENGINE_VERSION}, Node ${process.version}, ${availableParallelism()} cores)\n\n`,
  );
  for (const [a, b, c] of rows)
    process.stdout.write(`${a.padEnd(width)}  ${b.padStart(width2)}  ${c}\n`);
}
