// End-to-end: shards and merges through the real binary. Small runs (a few replications of a few
// hundred agents, in-process) keep the file to seconds; the claim tested is exact, so small is enough:
// shard + merge prints the same bytes as one machine.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE, hasStackTrace, journeycast, type CliRun } from './testCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'journeycast-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SMALL = ['--replications', '7', '--agents', '200', '--workers', '0'];
// A --set travels in the part too, and must come out of the merge as it does out of the run.
const RUN = [...SMALL, '--set', 'channels.chat.agents=20'];
const part = (name: string) => join(tmp, name);

function ok(r: CliRun): CliRun {
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** A copy of a part with `change` applied, its digest recomputed as journeycast computes it. */
function forge(from: string, to: string, change: (p: Record<string, any>) => void): string {
  const { digest: _digest, ...content } = JSON.parse(readFileSync(from, 'utf8'));
  change(content);
  const { format, formatVersion, ...rest } = content;
  const body = { format, formatVersion, ...rest };
  const digest = `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
  writeFileSync(to, JSON.stringify({ format, formatVersion, digest, ...rest }));
  return to;
}

describe('journeycast run --shard and merge', () => {
  beforeAll(async () => {
    const shards = await Promise.all(
      [1, 2, 3].map((i) =>
        journeycast([
          'run',
          DEFAULT_FILE,
          ...RUN,
          '--shard',
          `${i}/3`,
          '--out',
          part(`run-${i}.json`),
          // Shard 2 on two worker threads: how a shard is computed never shows in its numbers.
          ...(i === 2 ? ['--workers', '2'] : []),
        ]),
      ),
    );
    for (const r of shards) ok(r);
    expect(shards[0]!.stderr).toMatch(
      /^journeycast: default: shard 1\/3: the precision target is ignored: a fixed 7 replications in 3 shards, 3 in this one \(replication r is in shard \(r mod 3\) \+ 1\)\njourneycast: default: shard 1\/3: 3 replications × 4 variants × 200 agents in [\d.]+ s \(in-process\); wrote .*run-1\.json\n$/,
    );
    expect(shards[0]!.stdout).toBe('');
  });

  it('merges to the bytes one machine prints, in JSON, CSV and Markdown, in any order', async () => {
    const parts = [1, 2, 3].map((i) => part(`run-${i}.json`));
    for (const format of ['json', 'csv', 'md']) {
      const [single, merged, reversed] = await Promise.all([
        journeycast(['run', DEFAULT_FILE, ...RUN, '--format', format]),
        journeycast(['merge', ...parts, '--format', format]),
        journeycast(['merge', parts[2]!, parts[0]!, parts[1]!, '--format', format]),
      ]);
      for (const r of [single, merged, reversed]) ok(r);
      expect(merged.stdout, format).toBe(single.stdout);
      expect(reversed.stdout, format).toBe(single.stdout);
      if (format === 'md')
        expect(merged.stdout).toContain(
          'Baseline changed for this run: channels.chat.agents = 20.',
        );
    }
  });

  it('merges with json by default and says what it merged', async () => {
    const [single, merged] = await Promise.all([
      journeycast(['run', DEFAULT_FILE, ...RUN, '--no-precision']),
      journeycast(['merge', ...[1, 2, 3].map((i) => part(`run-${i}.json`))]),
    ]);
    expect(ok(merged).stdout).toBe(ok(single).stdout);
    expect(JSON.parse(merged.stdout)).toMatchObject({ replications: 7, stoppedBy: 'complete' });
    expect(merged.stderr).toBe(
      'journeycast: merged 3 parts (3 shards): 7 replications × 4 variants of default\n',
    );
  });

  it('writes a self-contained part: format, engine, scenario and hash, options, shard, summaries', () => {
    const p = JSON.parse(readFileSync(part('run-2.json'), 'utf8'));
    expect(Object.keys(p)).toEqual([
      'format',
      'formatVersion',
      'digest',
      'kind',
      'engineVersion',
      'scenarioHash',
      'shard',
      'options',
      'encoding',
      'scenario',
      'records',
    ]);
    const scenario = JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
    expect(p).toMatchObject({
      format: 'journeycast-part',
      formatVersion: 1,
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      kind: 'run',
      engineVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      scenarioHash: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
      shard: { index: 2, count: 3 },
      options: {
        variants: ['moreAgents', 'betterApp', 'journeyExcellence'],
        replications: 7,
        agents: 200,
        seed: scenario.run.seed,
        set: [{ path: 'channels.chat.agents', value: 20 }],
      },
    });
    expect(p.encoding).toContain('little-endian');
    expect(p.scenario.id).toBe('default');
    // Shard 2 of 3 holds replications 1 and 4, in order, a summary per variant.
    expect(p.records.map((r: { replication: number }) => r.replication)).toEqual([1, 4]);
    const bytes = Buffer.from(p.records[0].summaries[0], 'base64');
    expect(p.records[0].summaries).toHaveLength(4);
    expect(bytes.byteLength % 8).toBe(0);
    const numbers = new Float64Array(new Uint8Array(bytes).buffer);
    expect(numbers.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('refuses parts that do not belong together, naming the file and the field (exit 2)', async () => {
    const other = join(tmp, 'other.json');
    const s = JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
    s.title = 'Another bank';
    writeFileSync(other, JSON.stringify(s, null, 2));
    await Promise.all([
      journeycast(['run', other, ...RUN, '--shard', '2/3', '--out', part('other-2.json')]),
      journeycast([
        ...['run', DEFAULT_FILE, ...RUN, '--seed', '7'],
        ...['--shard', '2/3', '--out', part('seed-2.json')],
      ]),
      journeycast([
        ...['run', DEFAULT_FILE, ...RUN, '--replications', '8'],
        ...['--shard', '2/3', '--out', part('reps-2.json')],
      ]),
    ]).then((rs) => rs.forEach(ok));
    const [r1, r3] = [part('run-1.json'), part('run-3.json')];
    const [missing, scenario, seed, reps] = await Promise.all([
      journeycast(['merge', r3, r1]),
      journeycast(['merge', r1, part('other-2.json'), r3]),
      journeycast(['merge', r1, part('seed-2.json'), r3]),
      journeycast(['merge', r1, part('reps-2.json'), r3]),
    ]);
    expect(missing.stderr).toBe(
      'journeycast: merge: shard 2/3 is missing (given: 1/3, 3/3); every shard of the run is needed\n',
    );
    expect(scenario.stderr).toMatch(
      new RegExp(
        `^journeycast: ${part('other-2.json')}: scenarioHash is sha256:[0-9a-f]{16}, but ${r1} has sha256:[0-9a-f]{16}: parts merge only with parts of the same run \\(same scenario, options, engine and number of shards\\)\\n$`,
      ),
    );
    expect(seed.stderr).toBe(
      `journeycast: ${part('seed-2.json')}: options.seed is 7, but ${r1} has ${JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')).run.seed}: parts merge only with parts of the same run (same scenario, options, engine and number of shards)\n`,
    );
    expect(reps.stderr).toContain(
      `${part('reps-2.json')}: options.replications is 8, but ${r1} has 7`,
    );
    for (const r of [missing, scenario, seed, reps]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('catches a tampered or damaged part, and a shard given twice with other numbers (exit 2)', async () => {
    const r2 = part('run-2.json');
    const text = readFileSync(r2, 'utf8');
    // One character of one summary changed: the digest no longer matches.
    const at = text.indexOf('"summaries"') + 40;
    const flipped = part('flipped-2.json');
    writeFileSync(flipped, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    // A summary cut short, digest recomputed: the length its model's layout gives catches it.
    const short = forge(r2, part('short-2.json'), (p) => {
      p.records[1].summaries[2] = p.records[1].summaries[2].slice(0, -12);
    });
    // Shard 2 twice, one copy with another number in it (a forged but well-formed part).
    const other = forge(r2, part('other-numbers-2.json'), (p) => {
      const bytes = Buffer.from(p.records[0].summaries[0], 'base64');
      bytes[8] = bytes[8]! ^ 1;
      p.records[0].summaries[0] = bytes.toString('base64');
    });
    const [r1, r3] = [part('run-1.json'), part('run-3.json')];
    const [tampered, truncated, twice, sameTwice, notPart, noParts] = await Promise.all([
      journeycast(['merge', r1, flipped, r3]),
      journeycast(['merge', r1, short, r3]),
      journeycast(['merge', r1, r2, other, r3]),
      journeycast(['merge', r1, r2, r2, r3, '--format', 'csv']),
      journeycast(['merge', r1, DEFAULT_FILE]),
      journeycast(['merge']),
    ]);
    expect(tampered.stderr).toMatch(
      new RegExp(
        `^journeycast: ${flipped}: the content does not match its digest \\(sha256:[0-9a-f]{64}\\): the file was changed or damaged after journeycast wrote it\\n$`,
      ),
    );
    expect(truncated.stderr).toMatch(
      new RegExp(
        `^journeycast: ${short}: records\\[1\\]: summary 2: expected \\d+ numbers \\(\\d+ bytes\\) in base64, got something else\\n$`,
      ),
    );
    expect(twice.stderr).toBe(
      `journeycast: ${other}: records[0]: replication 1 differs from ${r2}: records[0]: shard 2/3 given twice, with different numbers\n`,
    );
    expect(notPart.stderr).toBe(
      `journeycast: ${DEFAULT_FILE}: not a journeycast part file (no "format": "journeycast-part"; parts are what journeycast run|sweep --shard i/n --out FILE writes)\n`,
    );
    expect(noParts.stderr).toBe(
      'journeycast: merge: expected part files, got none (e.g. journeycast merge part-*.json)\n',
    );
    for (const r of [tampered, truncated, twice, notPart, noParts]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    // The same shard twice, identical: accepted, as the union it is.
    expect(ok(sameTwice).stdout).toBe(
      ok(await journeycast(['run', DEFAULT_FILE, ...RUN, '--format', 'csv'])).stdout,
    );
  });

  it('needs --out with --shard, and a shard i/n (exit 2)', async () => {
    const cases: [string[], string][] = [
      [
        ['run', DEFAULT_FILE, '--shard', '1/3'],
        'journeycast: run: --shard needs --out FILE, the part file journeycast merge reads (e.g. --shard 1/3 --out part-1.json)\n',
      ],
      [
        ['run', DEFAULT_FILE, '--shard', '4/3', '--out', part('x.json')],
        'journeycast: --shard 4/3: expected i/n with 1 ≤ i ≤ n ≤ 10000, e.g. 2/4, got "4/3"\n',
      ],
      [
        ['run', DEFAULT_FILE, '--shard', '1/3', '--out', part('x.json'), '--format', 'md'],
        'journeycast: run: --format does not apply with --shard (a part file is JSON); give it to journeycast merge\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const r = await journeycast(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(stderr);
    }
  });
});

describe('journeycast sweep', () => {
  const SWEEP = [
    ...['sweep', DEFAULT_FILE, '--lever', 'channels.callCentre.agents'],
    ...['--from', '20', '--to', '40', '--steps', '5'],
    ...['--replications', '3', '--agents', '200', '--workers', '0'],
  ];

  it('prints NPV against staffing, the best value marked; sharded and merged, the same bytes', async () => {
    const shards = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        journeycast([...SWEEP, '--shard', `${i}/4`, '--out', part(`sweep-${i}.json`)]),
      ),
    );
    for (const r of shards) ok(r);
    expect(shards[0]!.stderr).toMatch(
      /^journeycast: default: sweep shard 1\/4: a fixed 3 replications × 6 models \(the baseline and 5 values\) = 18 units in 4 shards, 5 in this one/,
    );
    const parts = [4, 2, 1, 3].map((i) => part(`sweep-${i}.json`));
    for (const format of ['md', 'csv', 'json']) {
      const [single, merged] = await Promise.all([
        journeycast([...SWEEP, '--format', format]),
        journeycast(['merge', ...parts, '--format', format]),
      ]);
      expect(ok(merged).stdout, format).toBe(ok(single).stdout);
    }
    const md = await journeycast(SWEEP);
    const lines = ok(md).stdout.split('\n');
    expect(lines[0]).toMatch(
      /^\| Call-centre agents \| NPV mean \(EUR\) \| NPV P10 \(EUR\) \| NPV P50 \(EUR\) \| NPV P90 \(EUR\) \| ΔNPV P50 \(EUR\) \| P\(ΔNPV > 0\) \| Cost to serve \(EUR\) \| Abandonment \(callCentre\) \| Retention 12m \| Best +\|$/,
    );
    expect(lines.slice(2, 7).map((l) => Number(l.split('|')[1]))).toEqual([20, 25, 30, 35, 40]);
    expect(lines.filter((l) => l.includes('| max mean NPV |'))).toHaveLength(1);
    // The default merge format of a sweep is its table.
    expect(ok(await journeycast(['merge', ...parts])).stdout).toBe(md.stdout);
  });

  it('marks the value that maximises mean NPV', async () => {
    const r = ok(await journeycast([...SWEEP, '--format', 'json']));
    const report = JSON.parse(r.stdout);
    const means: number[] = report.points.map((p: { npv: { mean: number } }) => p.npv.mean);
    const best = means.indexOf(Math.max(...means));
    expect(report.points.map((p: { best: boolean }) => p.best)).toEqual(
      means.map((_, i) => i === best),
    );
    expect(report.best).toBe(report.points[best].value);
    expect(report.sweep).toMatchObject({
      path: 'channels.callCentre.agents',
      label: 'Call-centre agents',
      current: 26,
      channel: 'callCentre',
    });
    // Staffing up: cost to serve rises and abandonment falls, point by point.
    const cost = report.points.map((p: { costToServe: { mean: number } }) => p.costToServe.mean);
    const abandon = report.points.map((p: { abandonRate: { mean: number } }) => p.abandonRate.mean);
    for (let i = 1; i < cost.length; i++) {
      expect(cost[i]).toBeGreaterThan(cost[i - 1]);
      expect(abandon[i]).toBeLessThan(abandon[i - 1]);
    }
  });

  it('refuses parts of a sweep and of a run together, and a bad lever (exit 2)', async () => {
    const mixed = await journeycast(['merge', part('sweep-1.json'), part('run-2.json')]);
    expect(mixed.stderr).toBe(
      `journeycast: ${part('run-2.json')}: kind is run, but ${part('sweep-1.json')} has sweep: parts merge only with parts of the same sweep (same scenario, options, engine and number of shards)\n`,
    );
    const cases: [string[], string][] = [
      [
        ['sweep', DEFAULT_FILE, '--from', '1', '--to', '2', '--steps', '2'],
        'journeycast: sweep: --lever is required (see journeycast sweep --help)\n',
      ],
      [
        [...SWEEP.slice(0, 2), '--lever', 'channels.callCenter.agents', ...SWEEP.slice(4)],
        'journeycast: --lever channels.callCenter.agents: the model has no "channels.callCenter" (did you mean "channels.callCentre.agents"?)\n',
      ],
      [
        [...SWEEP, '--steps', '1'],
        'journeycast: --steps: expected a whole number between 2 and 25, got "1"\n',
      ],
      [
        [...SWEEP, '--from=-4'],
        'journeycast: --lever channels.callCentre.agents = -4: model.channels.callCentre.agents: expected a whole number ≥ 0, got -4\n',
      ],
      [
        [...SWEEP, '--variant', 'betterAp'],
        `journeycast: --variant betterAp: no such variant in ${DEFAULT_FILE} (did you mean "betterApp"?)\n`,
      ],
      [
        [...SWEEP, '--shard', '1/2'],
        'journeycast: sweep: --shard needs --out FILE, the part file journeycast merge reads (e.g. --shard 1/2 --out part-1.json)\n',
      ],
    ];
    for (const [args, stderr] of [...cases]) {
      const r = await journeycast(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(stderr);
    }
    expect(mixed.code).toBe(2);
  });
});

describe('help for sweep and merge', () => {
  it('prints usage with an example, and lists both commands in journeycast help', async () => {
    const [sweep, merge, help, topic] = await Promise.all([
      journeycast(['sweep', '--help']),
      journeycast(['merge', '-h']),
      journeycast(['help']),
      journeycast(['help', 'merge']),
    ]);
    for (const r of [sweep, merge, help, topic]) ok(r);
    expect(sweep.stdout).toMatch(
      /^Usage: journeycast sweep <file> --lever PATH --from A --to B --steps K/,
    );
    expect(sweep.stdout).toContain(
      'journeycast sweep library/default.json --lever channels.callCentre.agents --from 20 --to 40 --steps 5',
    );
    expect(merge.stdout).toMatch(/^Usage: journeycast merge <part files>/);
    expect(topic.stdout).toBe(merge.stdout);
    expect(help.stdout).toMatch(/\n {2}sweep {5}one lever over a range/);
    expect(help.stdout).toMatch(/\n {2}merge {5}join the part files/);
    const run = await journeycast(['run', '--help']);
    expect(run.stdout).toContain('--shard i/n');
  });
});
