/**
 * Soak test (issue 8): a long CLI job keeps its memory flat. Not part of `npm test`; run it before
 * a release and put its figures in docs/reliability.md.
 *
 *   npx tsx scripts/soak.ts [--minutes 10] [--warmup 60] [--steps 7] [--replications 12]
 *
 * One process lives the whole time and runs, again and again until the time is up,
 *
 *   journeycast sweep packages/scenarios/library/default.json \
 *     --lever channels.callCentre.agents --from 15 --to 45 --steps 7 --replications 12 --format csv
 *
 * through the CLI's own entry (`cli()` from packages/scenarios/src/cli/cli.ts: the same parsing,
 * worker threads, sweep and report code as the `journeycast` binary), so the process under test is
 * the CLI itself. One sweep keeps every summary until it prints its table (that is its job), so
 * memory is compared across many sweeps rather than within one.
 *
 * It samples resident memory (RSS: the main thread, the worker threads and their heaps) every
 * second and compares the median of the last minute of warm-up (RSS settles as V8 sizes its heaps
 * and the engine's buffers reach their size) with the median of the last minute of the run. It
 * passes when that growth is under 10 %, and prints the figures docs/reliability.md quotes.
 * Exit status 0 pass, 1 fail (memory grew, or a sweep failed).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cli } from '../packages/scenarios/src/cli/cli.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '60' },
    steps: { type: 'string', default: '7' },
    replications: { type: 'string', default: '12' },
  },
});
const minutes = Number(values.minutes);
const warmupSeconds = Number(values.warmup);
if (!(minutes > 0) || !(warmupSeconds > 0) || warmupSeconds >= minutes * 60) {
  process.stderr.write('soak: expected --minutes > 0 and 0 < --warmup < the run, in seconds\n');
  process.exit(2);
}

const GROWTH_LIMIT = 0.1;
const WINDOW_SECONDS = 60;
const scenario = fileURLToPath(
  new URL('../packages/scenarios/library/default.json', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'journeycast-soak-'));
const out = join(dir, 'sweep.csv');
const argv = [
  'sweep',
  scenario,
  '--lever',
  'channels.callCentre.agents',
  '--from',
  '15',
  '--to',
  '45',
  '--steps',
  values.steps!,
  '--replications',
  values.replications!,
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
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const sampler = setInterval(() => {
  samples.push({ t: elapsed(), rss: process.memoryUsage().rss });
  const s = samples.length;
  if (s % 30 === 0) {
    say(
      `soak: ${(elapsed() / 60).toFixed(1)} min, ${sweeps} sweeps, RSS ${(samples[s - 1]!.rss / MiB).toFixed(0)} MiB`,
    );
  }
}, 1000);

say(`soak: journeycast ${argv.join(' ')}`);
say(`soak: repeated for ${minutes} min, RSS sampled every second, warm-up ${warmupSeconds} s`);

let failure: string | undefined;
const sweepSeconds: number[] = [];
while (elapsed() < minutes * 60) {
  const t = performance.now();
  const code = await cli(argv);
  if (code !== 0) {
    failure = `sweep ${sweeps + 1} exited with ${code}: ${lastCliLine}`;
    break;
  }
  const table = readFileSync(out, 'utf8');
  if (table.split('\n').length < 3) {
    failure = `sweep ${sweeps + 1} wrote no table`;
    break;
  }
  sweeps++;
  sweepSeconds.push((performance.now() - t) / 1000);
}
clearInterval(sampler);
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
  `soak: growth ${(growth * 100).toFixed(1)} % (limit ${GROWTH_LIMIT * 100} %); peak ${mib(peak)}; first sample ${mib(samples[0]?.rss ?? 0)}`,
);
if (failure !== undefined) say(`soak: FAIL: ${failure}`);
else say(`soak: ${pass ? 'PASS' : 'FAIL: resident memory grew'}`);
process.exit(pass ? 0 : 1);
