/**
 * Soak test (issue 8): a long CLI job keeps its memory flat. Not part of `npm test`; run it before
 * a release and put its figures in docs/reliability.md.
 *
 *   npx tsx scripts/soak.ts [--pool long-lived|per-sweep] [--minutes 10] [--warmup 60]
 *                           [--steps 7] [--replications 12] [--workers N]
 *
 * One process lives the whole time and runs, again and again until the time is up, the sweep
 *
 *   journeycast sweep packages/scenarios/library/default.json \
 *     --lever channels.callCentre.agents --from 15 --to 45 --steps 7 --replications 12 --format csv
 *
 * in one of two ways:
 *
 *   - `--pool long-lived` (the default): ONE engine pool (sim-core's `EnginePool` over Node worker
 *     threads, `nodeWorkerPool`) lives through the whole soak and runs every sweep; each sweep is
 *     prepared, summarized and written by the CLI's own sweep code (`prepareSweep`, `sweepOutput`
 *     from packages/scenarios/src/cli/commands/sweep.ts). The same worker threads prepare a new
 *     plan and run its replications hundreds of times, so what a worker keeps by mistake
 *     accumulates for ten minutes, as it would in the app or a job queue. Before the soak, one
 *     sweep runs through `cli()` as well and the two tables must be the same bytes, so the soak is
 *     known to do the CLI's work.
 *   - `--pool per-sweep`: each sweep goes through the CLI's entry (`cli()` from
 *     packages/scenarios/src/cli/cli.ts: the same parsing, worker threads, sweep and report code as
 *     the `journeycast` binary), which starts its worker threads and ends them when the sweep is
 *     done (about every 3 s), so it measures the main thread's memory but wipes the workers'.
 *
 * One sweep keeps every summary until it prints its table (that is its job), so memory is compared
 * across many sweeps rather than within one. It samples resident memory (RSS: the main thread, the
 * worker threads and their heaps) every second and compares the median of the last minute of
 * warm-up (RSS settles as V8 sizes its heaps and the engine's buffers reach their size) with the
 * median of the last minute of the run. It passes when that growth is under 10 %, and prints the
 * figures docs/reliability.md quotes. Exit status 0 pass, 1 fail (memory grew, a sweep failed, or
 * the long-lived pool's table differs from the CLI's), 2 bad options.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cli } from '../packages/scenarios/src/cli/cli.ts';
import { prepareSweep, sweepOutput } from '../packages/scenarios/src/cli/commands/sweep.ts';
import { readScenarioFile } from '../packages/scenarios/src/cli/files.ts';
import { EnginePool, summarize } from '../packages/sim-core/src/index.ts';
import { nodeWorker } from '../packages/sim-core/src/worker/node.ts';

const { values } = parseArgs({
  options: {
    pool: { type: 'string', default: 'long-lived' },
    minutes: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '60' },
    steps: { type: 'string', default: '7' },
    replications: { type: 'string', default: '12' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const minutes = Number(values.minutes);
const warmupSeconds = Number(values.warmup);
const steps = Number(values.steps);
const replications = Number(values.replications);
const workers = Number(values.workers);
const mode = values.pool;
const usage = (line: string): never => {
  process.stderr.write(`soak: ${line}\n`);
  process.exit(2);
};
if (mode !== 'long-lived' && mode !== 'per-sweep')
  usage(`--pool: expected long-lived or per-sweep, got ${JSON.stringify(mode)}`);
if (!(minutes > 0) || !(warmupSeconds > 0) || warmupSeconds >= minutes * 60)
  usage('expected --minutes > 0 and 0 < --warmup < the run, in seconds');
if (!Number.isInteger(workers) || workers < 1)
  usage(`--workers: expected a whole number ≥ 1, got ${JSON.stringify(values.workers)}`);

const GROWTH_LIMIT = 0.1;
const WINDOW_SECONDS = 60;
const LEVER = 'channels.callCentre.agents';
const FROM = 15;
const TO = 45;
const scenario = fileURLToPath(
  new URL('../packages/scenarios/library/default.json', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'journeycast-soak-'));
const out = join(dir, 'sweep.csv');
const argv = [
  'sweep',
  scenario,
  '--lever',
  LEVER,
  '--from',
  String(FROM),
  '--to',
  String(TO),
  '--steps',
  values.steps!,
  '--replications',
  values.replications!,
  '--workers',
  String(workers),
  '--format',
  'csv',
  '--out',
  out,
];

// The CLI reports each sweep on stderr: keep the last line, show nothing.
let lastCliLine = '';
const stderrWrite = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const line = text.trim().split('\n').pop();
  if (line !== undefined && line !== '') lastCliLine = line;
  return true;
}) as typeof process.stderr.write;
const say = (line: string) => stderrWrite(`${line}\n`);

const MiB = 2 ** 20;
let sweeps = 0;
const samples: { t: number; rss: number }[] = [];

/** Worker threads the long-lived pool started: more than `workers` means one was replaced. */
let threadsStarted = 0;
const pool =
  mode === 'long-lived'
    ? new EnginePool(() => {
        threadsStarted++;
        return nodeWorker();
      }, workers)
    : undefined;

/** One sweep on the long-lived pool, through the CLI's sweep code; returns its table. */
async function sweepOnPool(): Promise<string> {
  const prepared = prepareSweep(readScenarioFile(scenario), {
    spec: { path: LEVER, from: FROM, to: TO, steps },
    replications,
    changes: [],
  });
  const t = performance.now();
  const outcome = await pool!.run(prepared.plan);
  if (outcome.stoppedBy !== 'complete') {
    throw new Error(
      `the run stopped (${outcome.stoppedBy})${outcome.error !== undefined ? `: ${outcome.error}` : ''}`,
    );
  }
  const result = summarize(prepared.plan, outcome.collector, prepared.plan.replications);
  const table = sweepOutput(prepared, result, 'csv');
  writeFileSync(out, table);
  lastCliLine = `${prepared.plan.variants.length} models × ${prepared.plan.replications} replications × ${prepared.plan.agents} agents in ${((performance.now() - t) / 1000).toFixed(1)} s (long-lived pool of ${workers} worker thread${workers === 1 ? '' : 's'}, ${threadsStarted} started so far)`;
  return table;
}

let failure: string | undefined;
if (pool !== undefined) {
  // The soak must do the CLI's work: one sweep through cli() and one on the pool give the same table.
  const code = await cli(argv);
  const fromCli = code === 0 ? readFileSync(out, 'utf8') : undefined;
  const fromPool = await sweepOnPool();
  if (fromCli === undefined) failure = `journeycast sweep exited with ${code}: ${lastCliLine}`;
  else if (fromCli !== fromPool) {
    const a = fromCli.split('\n');
    const b = fromPool.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    failure = `the long-lived pool's table differs from journeycast sweep's at line ${line + 1}: expected ${JSON.stringify(a[line])}, got ${JSON.stringify(b[line])}`;
  } else say(`soak: the long-lived pool's table is byte-identical to journeycast sweep's`);
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
say(`soak: journeycast ${argv.join(' ')}`);
say(
  mode === 'long-lived'
    ? `soak: on ONE long-lived pool of ${workers} worker threads (--pool long-lived), repeated for ${minutes} min`
    : `soak: through cli(), worker threads started and ended by each sweep (--pool per-sweep), repeated for ${minutes} min`,
);
say(
  `soak: RSS sampled every second, warm-up ${warmupSeconds} s; ${cpus().length} cores, load average ${load()}`,
);

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const sampler = setInterval(() => {
  samples.push({ t: elapsed(), rss: process.memoryUsage().rss });
  const s = samples.length;
  if (s % 30 === 0) {
    say(
      `soak: ${(elapsed() / 60).toFixed(1)} min, ${sweeps} sweeps, RSS ${(samples[s - 1]!.rss / MiB).toFixed(0)} MiB, load ${load()}`,
    );
  }
}, 1000);

const sweepSeconds: number[] = [];
while (failure === undefined && elapsed() < minutes * 60) {
  const t = performance.now();
  let table: string;
  if (pool !== undefined) {
    try {
      table = await sweepOnPool();
    } catch (error) {
      failure = `sweep ${sweeps + 1} failed: ${(error as Error).message}`;
      break;
    }
    if (threadsStarted > workers) {
      failure = `sweep ${sweeps + 1}: a worker thread was replaced (${threadsStarted} started for ${workers})`;
      break;
    }
  } else {
    const code = await cli(argv);
    if (code !== 0) {
      failure = `sweep ${sweeps + 1} exited with ${code}: ${lastCliLine}`;
      break;
    }
    table = readFileSync(out, 'utf8');
  }
  if (table.split('\n').length < 3) {
    failure = `sweep ${sweeps + 1} wrote no table`;
    break;
  }
  sweeps++;
  sweepSeconds.push((performance.now() - t) / 1000);
}
clearInterval(sampler);
await pool?.dispose();
process.stderr.write = stderrWrite;
rmSync(dir, { recursive: true, force: true });

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const window = (from: number, to: number) =>
  samples.filter((s) => s.t >= from && s.t < to).map((s) => s.rss);
const total = elapsed();
const warm = window(Math.max(0, warmupSeconds - WINDOW_SECONDS), warmupSeconds);
const end = window(total - WINDOW_SECONDS, total + 1);
const warmMedian = median(warm);
const endMedian = median(end);
const growth = (endMedian - warmMedian) / warmMedian;
const peak = Math.max(...samples.map((s) => s.rss));
const pass = failure === undefined && growth < GROWTH_LIMIT;

const mib = (b: number) => `${(b / MiB).toFixed(0)} MiB`;
say('');
say(
  `soak: ${sweeps} sweeps in ${(total / 60).toFixed(1)} min (median ${median(sweepSeconds).toFixed(1)} s a sweep); last: ${lastCliLine}`,
);
say(
  `soak: RSS after warm-up (median of ${warm.length} samples, ${Math.max(0, warmupSeconds - WINDOW_SECONDS)}–${warmupSeconds} s): ${mib(warmMedian)}`,
);
say(`soak: RSS at the end (median of the last ${end.length} samples): ${mib(endMedian)}`);
say(
  `soak: growth ${(growth * 100).toFixed(1)} % (limit ${GROWTH_LIMIT * 100} %); peak ${mib(peak)}; first sample ${mib(samples[0]?.rss ?? 0)}; load average at the end ${load()}`,
);
if (pool !== undefined)
  say(`soak: worker threads started over the soak: ${threadsStarted} (pool of ${workers})`);
if (failure !== undefined) say(`soak: FAIL: ${failure}`);
else say(`soak: ${pass ? 'PASS' : 'FAIL: resident memory grew'}`);
process.exit(pass ? 0 : 1);
