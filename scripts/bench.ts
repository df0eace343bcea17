/**
 * `npm run bench`: the benchmark suite of issue 7 in one table (or `--json`).
 *
 * Runs the Node suite (packages/scenarios/bench/suite.ts: queue against SimPy, agent-months per
 * second, scaling, Node latency, memory) and the Chromium latency measurement of the built app
 * (apps/web/bench/latency.ts, after building it). Every ratio is measured within one run.
 * `--quick` runs fewer repeats. docs/performance.md records the figures and how to reproduce them.
 */
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const root = new URL('..', import.meta.url).pathname;
const say = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};

function runJson(cwd: string, script: string, extra: string[] = []): unknown {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--json', ...extra], {
    cwd: root + cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  }).toString();
  return JSON.parse(out.slice(out.indexOf('{')));
}

say('[bench] building the web app (turbo, cached when unchanged)');
execFileSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@journeycast/web', '--output-logs=errors-only'],
  {
    cwd: root,
    stdio: ['ignore', json ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);
const node = runJson('packages/scenarios', 'bench/suite.ts', quick ? ['--quick'] : []) as Record<
  string,
  any
>;
say('[bench] Chromium latency (Playwright, built app)');
const chromium = runJson('apps/web', 'bench/latency.ts') as Record<string, any>;

const result = { ...node, chromium };
if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const f = (x: number | null | undefined, digits = 2) =>
    x === null || x === undefined || Number.isNaN(x)
      ? '—'
      : x.toLocaleString('en', { maximumFractionDigits: digits });
  const ok = (met: boolean) => (met ? 'met' : 'NOT met');
  const q = node.queue;
  const s = node.step;
  const sc = node.scaling;
  const l = node.latency;
  const m = node.memory;
  const rows: [string, string, string][] = [
    [
      '1. Queue, engine calls/s',
      f(q.engineCallsPerSecond, 0),
      `P(wait) ${f(q.engine.pWait, 4)}, abandonment ${f(q.engine.abandonRate, 4)}`,
    ],
    [
      '   SimPy 3 calls/s',
      f(q.simpyCallsPerSecond, 0),
      q.simpy ? `P(wait) ${f(q.simpy.pWait, 4)}, abandonment ${f(q.simpy.abandonRate, 4)}` : q.note,
    ],
    [
      '   engine ÷ SimPy',
      q.ratio === null ? '—' : `${f(q.ratio, 1)}×`,
      `target ≥ 50× (${q.ratio === null ? 'not measured' : ok(q.ratio >= 50)}); Erlang A P(wait) ${f(q.erlangA.pWait, 4)}, abandonment ${f(q.erlangA.abandonRate, 4)}`,
    ],
    [
      '2. Agent-months/s, default scenario',
      f(s.defaultScenario.agentMonthsPerSecond, 0),
      `${f(s.defaultScenario.agents, 0)} agents, one thread; target ≥ 10,000,000 (${ok(s.defaultScenario.agentMonthsPerSecond >= 1e7)})`,
    ],
    [
      '   same, 40,000 agents',
      f(s.larger.agentMonthsPerSecond, 0),
      'queues are a fixed cost a month, amortised over more agents',
    ],
    [
      '   random numbers per agent-month',
      f(s.randomNumbersPerAgentMonth, 1),
      `generator alone: ${f(s.rawDrawsPerSecond / 1e6, 0)} M/s; the step uses ${f(100 * s.shareOfRawRate, 1)} % of that`,
    ],
    [
      '3. Scaling, 2 workers ÷ 1',
      `${f(sc.speedup, 2)}×`,
      `${f(sc.oneWorkerSeconds, 2)} s vs ${f(sc.twoWorkersSeconds, 2)} s; target ≥ 1.8× (${ok(sc.speedup >= 1.8)})`,
    ],
    [
      '4. Node: first estimate',
      `${f(l.firstEstimateSeconds * 1000, 0)} ms`,
      `${l.workers} worker threads running; ${f(l.coldFirstEstimateSeconds * 1000, 0)} ms including their start`,
    ],
    [
      '   Node: precision target',
      `${f(l.precisionTargetSeconds, 1)} s`,
      `${l.replications} replications`,
    ],
    [
      '   Chromium: lever → first estimate',
      `${f(chromium.leverFirstEstimateMs, 0)} ms`,
      `median of ${chromium.leverMoves}; app target ≤ 300 ms (${ok(chromium.leverFirstEstimateMs <= 300)})`,
    ],
    [
      '   Chromium: lever → precision target',
      `${f(chromium.leverPrecisionTargetMs / 1000, 1)} s`,
      `long tasks while streaming: ${chromium.longTasksWhileStreamingMs.length === 0 ? 'none' : chromium.longTasksWhileStreamingMs.join(', ') + ' ms'}`,
    ],
    [
      '   Chromium: page load → first estimate',
      `${f(chromium.loadFirstEstimateMs, 0)} ms`,
      `precision target at ${f(chromium.loadPrecisionTargetMs / 1000, 1)} s`,
    ],
    [
      '   Chromium: ROI page, longest task while streaming',
      `${f(chromium.roiLongestStreamingTaskMs, 1)} ms`,
      `its CPU ${f(chromium.roiLongestStreamingTaskCpuMs, 1)} ms; most CPU in one task ${f(chromium.roiMostCpuStreamingTaskMs, 1)} ms; over 50 ms: ${chromium.roiStreamingLongTasksMs.length === 0 ? 'none' : chromium.roiStreamingLongTasksMs.join(', ') + ' ms'}; target ≤ 50 ms (${ok(chromium.roiLongestStreamingTaskMs <= 50)}); load average ${f(chromium.loadAverage, 1)}`,
    ],
    [
      '5. Engine bytes per agent',
      f(m.engineBytesPerAgent, 1),
      `target ≤ 64 (${ok(m.engineBytesPerAgent <= 64)}); ${f(m.engineBytesPerAgentWithSlack, 1)} counting growth slack`,
    ],
    [
      '   peak memory, 1,000,000 agents',
      `${f(m.peakRssMB, 0)} MB`,
      `engine state ${f(m.engineStateMB, 0)} MB; one replication ${f(m.replicationSeconds, 1)} s`,
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(
    `\nJourneycast benchmarks: engine ${node.engineVersion}, Node ${node.node}, ${node.cores} cores\n\n`,
  );
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}\n`);
}
