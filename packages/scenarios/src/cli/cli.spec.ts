// End-to-end: the real binary, spawned. Runs are kept small (a few replications of a few hundred
// agents) so the whole file takes seconds.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE, hasStackTrace, journeycast } from './testCli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'journeycast-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const defaultText = readFileSync(DEFAULT_FILE, 'utf8');
const SMALL = ['--replications', '3', '--agents', '300'];
const STAMP_HEADER =
  'scenario_id,scenario_hash,currency,engine_version,seed,replications,agents,set';

function writeScenario(name: string, change: (s: Record<string, any>) => void): string {
  const s = JSON.parse(defaultText);
  change(s);
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(s, null, 2));
  return file;
}

describe('journeycast: help and usage', () => {
  it('prints its version', async () => {
    const r = await journeycast(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^journeycast \d+\.\d+\.\d+ \(engine \d+\.\d+\.\d+, scenario schema 2\)\n$/,
    );
  });

  it('prints help for the tool and for each command', async () => {
    for (const args of [
      ['help'],
      ['--help'],
      ['run', '--help'],
      ['help', 'queue'],
      ['replay', '-h'],
    ]) {
      const r = await journeycast(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^(journeycast: Monte Carlo|Usage: journeycast (run|queue|replay))/);
    }
  });

  it('answers misuse with one line and exit status 2', async () => {
    const cases: [string[], string][] = [
      [
        ['rnu'],
        'journeycast: unknown command "rnu" (did you mean "run"?) (see journeycast --help)\n',
      ],
      [
        ['run', DEFAULT_FILE, '--fast'],
        'journeycast: run: unknown option --fast (see journeycast run --help)\n',
      ],
      [
        ['run'],
        'journeycast: run: expected one scenario file, got none (e.g. journeycast run library/default.json)\n',
      ],
      [
        ['run', DEFAULT_FILE, '--replications', 'lots'],
        'journeycast: --replications: expected a whole number between 1 and 100000, got "lots"\n',
      ],
      [
        ['run', DEFAULT_FILE, '--format', 'xml'],
        'journeycast: run: --format xml: expected one of json, csv, md\n',
      ],
      [
        ['run', DEFAULT_FILE, '--variant', 'betterAp'],
        `journeycast: --variant betterAp: no such variant in ${DEFAULT_FILE} (did you mean "betterApp"?)\n`,
      ],
      [
        ['queue', '--arrivals-per-hour', '100', '--aht-minutes', '6'],
        'journeycast: queue: --agents is required (see journeycast queue --help)\n',
      ],
      [
        ['queue', '--arrivals-per-hour', '100', '--aht-minutes', '6', '--agents=-1'],
        'journeycast: --agents: expected a whole number between 0 and 5000, got "-1"\n',
      ],
      [
        ['queue', '--arrivals-per-hour', '100', '--aht-minutes', '6', '--agents', '-1'],
        'journeycast: queue: --agents needs a value (for a value starting with "-", write --agents=-…) (see journeycast queue --help)\n',
      ],
      [['run', join(tmp, 'nope.json')], `journeycast: ${join(tmp, 'nope.json')}: no such file\n`],
    ];
    for (const [args, stderr] of cases) {
      const r = await journeycast(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(stderr);
      expect(r.stdout).toBe('');
    }
    const none = await journeycast([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: journeycast <command>');
  });
});

describe('journeycast validate', () => {
  it('says ok with the hash, also for an older schema version', async () => {
    const v1 = new URL('../fixtures/default.v1.json', import.meta.url).pathname;
    const r = await journeycast(['validate', DEFAULT_FILE, v1]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${DEFAULT_FILE}: ok \\(sha256:[0-9a-f]{16}\\)\\n${v1}: ok \\(sha256:[0-9a-f]{16}, migrated from schema version 1\\)\\n$`,
      ),
    );
  });

  it('takes a library id in place of a file, from any directory', async () => {
    const r = await journeycast(['validate', 'default', 'journey-excellence'], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^default: ok \(sha256:[0-9a-f]{16}\)\njourney-excellence: ok /);
    const missing = await journeycast(['validate', 'no-such-scenario'], tmpdir());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-scenario: no such file');
  });

  it('skips replay snapshots with a note, so validate library/*.json passes', async () => {
    // A library directory as replay --update leaves it: a scenario and its snapshot beside it.
    // (Built here, not read from library/: the unit tests do not depend on the snapshots, which
    // only the replay reads.)
    const library = mkdtempSync(join(tmp, 'library-'));
    const snapshot = {
      scenario: 'default',
      hash: 'sha256:0123456789abcdef',
      engineVersion: '9.9.9',
      seed: 1,
      replications: 4,
      agents: 300,
      figures: { baseline: { 'totals.revenue.mean': { value: 1e6, se: 1e3 } } },
    };
    writeFileSync(join(library, 'default.json'), defaultText);
    writeFileSync(join(library, 'default.expected.json'), JSON.stringify(snapshot, null, 2));
    // What the shell makes of library/*.json.
    const files = readdirSync(library)
      .sort()
      .map((name) => join(library, name));
    const r = await journeycast(['validate', ...files]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^.*default\.json: ok \(sha256:[0-9a-f]{16}\)\n$/);
    expect(r.stderr).toBe(
      `${join(library, 'default.expected.json')}: skipped: the replay snapshot of "default" (engine 9.9.9), not a scenario; journeycast replay checks it\n`,
    );

    // Recognised by its shape under another name too; one that is named like a snapshot but is
    // not one is an error, said as such.
    const renamed = join(tmp, 'figures.json');
    writeFileSync(renamed, JSON.stringify(snapshot));
    const broken = join(tmp, 'default.expected.json');
    writeFileSync(broken, JSON.stringify({ ...snapshot, figures: { baseline: { revenue: 1 } } }));
    const mixed = await journeycast(['validate', renamed, broken]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(
      [
        `${renamed}: skipped: the replay snapshot of "default" (engine 9.9.9), not a scenario; journeycast replay checks it`,
        `${broken}: neither a scenario (no schemaVersion) nor a replay snapshot: figures.baseline["revenue"]: expected {"value": number or null, "se": number or null}`,
        '',
      ].join('\n'),
    );
  });

  it('lists every problem as <file>: <path>: <message> and exits 2, without a stack trace', async () => {
    const bad = writeScenario('bad.json', (s) => {
      s.model.channels.callCentre.agents = -3;
      s.model.channels.callCentre.agnets = 30;
      s.variants[1].overrides.channels.app.successRate = 'high';
    });
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 2,\n  "id": "x"\n  "title": "y"\n}\n');
    const r = await journeycast(['validate', DEFAULT_FILE, bad, broken]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${DEFAULT_FILE}: ok (${/sha256:[0-9a-f]{16}/.exec(r.stdout)?.[0]})\n`);
    expect(r.stderr).toBe(
      [
        `${bad}: model.channels.callCentre.agents: expected a whole number ≥ 0, got -3`,
        `${bad}: model.channels.callCentre: unknown key "agnets" (did you mean "agents"?)`,
        `${bad}: variants[1].overrides.channels.app.successRate: expected a number between 0 and 1, got "high"`,
        `${broken}: JSON syntax error at line 4, column 3: expected "," or "}" after the value of "id", found "\\""`,
        '',
      ].join('\n'),
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('journeycast run', () => {
  it('prints JSON derived from the run, byte-identical from run to run and for any number of workers', async () => {
    const [a, b, one, two] = await Promise.all([
      journeycast(['run', DEFAULT_FILE, ...SMALL, '--workers', '0']),
      journeycast(['run', DEFAULT_FILE, ...SMALL, '--workers', '0']),
      journeycast(['run', DEFAULT_FILE, ...SMALL, '--workers', '1']),
      journeycast(['run', DEFAULT_FILE, ...SMALL, '--workers', '2']),
    ]);
    for (const r of [a, b, one, two]) expect(r.code, r.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(one.stdout).toBe(a.stdout);
    expect(two.stdout).toBe(a.stdout);
    expect(two.stderr).toMatch(
      /^journeycast: default: 3 replications × 4 variants × 300 agents in [\d.]+ s \(2 workers\)\n$/,
    );

    const report = JSON.parse(a.stdout);
    expect(Object.keys(report)).toEqual([
      'scenario',
      'currency',
      'engineVersion',
      'seed',
      'replications',
      'agents',
      'stoppedBy',
      'variants',
    ]);
    expect(report.scenario).toEqual({
      id: 'default',
      title: JSON.parse(defaultText).title,
      hash: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
    });
    expect(report).toMatchObject({
      seed: JSON.parse(defaultText).run.seed,
      replications: 3,
      agents: 300,
      stoppedBy: 'complete',
    });
    expect(Object.keys(report.variants)).toEqual([
      'baseline',
      'moreAgents',
      'betterApp',
      'journeyExcellence',
    ]);
    const stat = {
      mean: expect.any(Number),
      sd: expect.any(Number),
      p10: expect.any(Number),
      p50: expect.any(Number),
      p90: expect.any(Number),
    };
    const baseline = report.variants.baseline;
    for (const name of ['revenue', 'costToServe', 'activeCustomersEnd', 'retention12m', 'npv'])
      expect(baseline.totals[name]).toEqual(stat);
    expect(baseline.monthly.revenue).toHaveLength(JSON.parse(defaultText).model.horizonMonths);
    expect(baseline.channels.callCentre.abandonRate).toEqual(stat);
    expect(baseline.vsBaseline).toBeUndefined();
    const paired = report.variants.betterApp.vsBaseline;
    expect(paired.npv).toEqual(stat);
    expect(paired.pNpvPositive).toEqual(expect.any(Number));
    for (const name of ['roi', 'paybackMonth', 'irr'])
      expect(Object.keys(paired[name])).toEqual(['mean', 'p10', 'p50', 'p90', 'missing']);
    expect(Object.keys(paired.deltas)).toContain('revenuePct');
    expect(a.stdout).not.toMatch(/npvSamples|seconds|elapsed|time/i);
  });

  it('runs chosen variants and prints CSV or Markdown headline tables', async () => {
    const [csv, md] = await Promise.all([
      journeycast([
        'run',
        DEFAULT_FILE,
        ...SMALL,
        '--workers',
        '0',
        '--variant',
        'betterApp',
        '--format',
        'csv',
      ]),
      journeycast([
        'run',
        DEFAULT_FILE,
        ...SMALL,
        '--workers',
        '0',
        '--format',
        'md',
        '--out',
        join(tmp, 'out.md'),
      ]),
    ]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      `variant,revenue,cost_to_serve,net_cash_flow,active_customers_end,retention_12m,mean_satisfaction_end,npv_delta_p50,p_npv_delta_positive,${STAMP_HEADER}`,
    );
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['baseline', 'betterApp']);
    // Every row says where it comes from (the stamp the JSON and Markdown carry).
    const seed = JSON.parse(defaultText).run.seed;
    for (const line of lines.slice(1, -1)) {
      expect(line).toMatch(
        new RegExp(`,default,sha256:[0-9a-f]{16},EUR,\\d+\\.\\d+\\.\\d+,${seed},3,300,$`),
      );
    }
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('');
    const table = readFileSync(join(tmp, 'out.md'), 'utf8');
    expect(table).toMatch(/^\| Variant +\| Revenue \(EUR\) \|/);
    expect(table).toContain('| journeyExcellence |');
  });

  it('--set changes the baseline every variant inherits, and is validated like a file', async () => {
    const [plain, set, badPath, badValue, notJson, noEquals] = await Promise.all([
      journeycast(['run', DEFAULT_FILE, ...SMALL, '--workers', '0', '--variant', 'moreAgents']),
      journeycast([
        'run',
        DEFAULT_FILE,
        ...SMALL,
        '--workers',
        '0',
        '--variant',
        'moreAgents',
        '--set',
        'channels.chat.agents=20',
        '--set',
        'journeys.onboarding.quality=excellent',
      ]),
      journeycast(['run', DEFAULT_FILE, '--set', 'channels.callCenter.agents=40']),
      journeycast(['run', DEFAULT_FILE, '--set', 'channels.callCentre.agents=-3']),
      journeycast(['run', DEFAULT_FILE, '--set', 'journeys.onboarding.quality=great']),
      journeycast(['run', DEFAULT_FILE, '--set', 'channels.callCentre.agents']),
    ]);
    expect(set.code, set.stderr).toBe(0);
    const report = JSON.parse(set.stdout);
    expect(report.set).toEqual([
      { path: 'channels.chat.agents', value: 20 },
      { path: 'journeys.onboarding.quality', value: 'excellent' },
    ]);
    const before = JSON.parse(plain.stdout);
    for (const id of ['baseline', 'moreAgents']) {
      expect(report.variants[id].channels.chat.cost.mean).toBeGreaterThan(
        before.variants[id].channels.chat.cost.mean,
      );
    }
    expect(badPath.stderr).toBe(
      'journeycast: --set channels.callCenter.agents=40: channels.callCenter.agents: the model has no "channels.callCenter" (did you mean "channels.callCentre.agents"?)\n',
    );
    expect(badValue.stderr).toBe(
      'journeycast: --set channels.callCentre.agents=-3: model.channels.callCentre.agents: expected a whole number ≥ 0, got -3\n',
    );
    expect(notJson.stderr).toBe(
      'journeycast: --set journeys.onboarding.quality=great: expected a JSON value (a number, "text" in quotes, true, false or null) or a quality level (poor, average, good, excellent), got great\n',
    );
    expect(noEquals.stderr).toBe(
      'journeycast: --set channels.callCentre.agents: expected PATH=VALUE, e.g. channels.callCentre.agents=32\n',
    );
    for (const r of [badPath, badValue, notJson, noEquals]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('--seed reseeds every stream: the same seed gives the same bytes, another seed other numbers', async () => {
    const run = (seed: string) =>
      journeycast([
        'run',
        DEFAULT_FILE,
        ...SMALL,
        '--workers',
        '0',
        '--variant',
        'betterApp',
        '--seed',
        seed,
      ]);
    const [a, again, b, plain] = await Promise.all([
      run('7'),
      run('7'),
      run('8'),
      journeycast(['run', DEFAULT_FILE, ...SMALL, '--workers', '0', '--variant', 'betterApp']),
    ]);
    for (const r of [a, again, b, plain]) expect(r.code, r.stderr).toBe(0);
    expect(again.stdout).toBe(a.stdout);
    const [ra, rb, rp] = [a, b, plain].map((r) => JSON.parse(r.stdout));
    expect(ra.seed).toBe(7);
    expect(rb.seed).toBe(8);
    expect(rp.seed).toBe(JSON.parse(defaultText).run.seed);
    // The stamp changes with the seed, and so do the simulated numbers (not only the stamp).
    expect(ra.scenario.hash).toBe(rb.scenario.hash);
    expect(ra.variants.baseline.totals.revenue.mean).not.toBe(
      rb.variants.baseline.totals.revenue.mean,
    );
    expect(rp.variants.baseline.totals.revenue.mean).not.toBe(
      ra.variants.baseline.totals.revenue.mean,
    );
    const bad = await journeycast(['run', DEFAULT_FILE, '--seed', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--seed needs a value');
  });

  it('checks that --out can be written before simulating anything', async () => {
    const missing = join(tmp, 'no-such-dir', 'x.json');
    const cases: [string[], string][] = [
      [
        ['run', DEFAULT_FILE, '--out', missing],
        `--out ${missing}: no such directory ${join(tmp, 'no-such-dir')}`,
      ],
      [
        ['compare', DEFAULT_FILE, '--format', 'csv', '--out', tmp],
        `--out ${tmp}: is a directory, not a file`,
      ],
      [
        ['run', DEFAULT_FILE, '--shard', '1/2', '--out', missing],
        `--out ${missing}: no such directory ${join(tmp, 'no-such-dir')}`,
      ],
      [
        [
          'sweep',
          DEFAULT_FILE,
          '--lever',
          'channels.callCentre.agents',
          '--from',
          '20',
          '--to',
          '30',
          '--steps',
          '2',
          '--out',
          missing,
        ],
        `--out ${missing}: no such directory ${join(tmp, 'no-such-dir')}`,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await journeycast(args);
      expect(r.code, args.join(' ')).toBe(2);
      // One line, and no run: a run would have said its timing on stderr first.
      expect(r.stderr, args.join(' ')).toBe(`journeycast: ${message}\n`);
    }
  });

  it('--set echoes the value as typed and refuses one too large to be a finite number', async () => {
    const [huge, decimal] = await Promise.all([
      journeycast(['run', DEFAULT_FILE, '--set', 'channels.callCentre.agents=1e400']),
      journeycast(['run', DEFAULT_FILE, '--set', 'channels.callCentre.agents=2.50']),
    ]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe(
      'journeycast: --set channels.callCentre.agents=1e400: expected a finite number, got 1e400\n',
    );
    expect(decimal.code).toBe(2);
    expect(decimal.stderr).toMatch(
      /^journeycast: --set channels\.callCentre\.agents=2\.50: model\.channels\.callCentre\.agents: expected a whole number .*, got 2\.5\n$/,
    );
  });

  it('refuses an invalid scenario with its problems and exit status 2', async () => {
    const bad = writeScenario('bad-run.json', (s) => {
      s.model.population.segmentMix.everyday = 0.6;
    });
    const r = await journeycast(['run', bad, ...SMALL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${bad}: model.population.segmentMix: expected shares summing to 1, got shares summing to 1.1\njourneycast: ${bad} is not a valid scenario (1 error)\n`,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('journeycast compare', () => {
  it('prints the paired ROI table in Markdown, CSV or JSON', async () => {
    const compare = (format: string) =>
      journeycast(['compare', DEFAULT_FILE, ...SMALL, '--workers', '0', '--format', format]);
    const [md, csv, json] = await Promise.all([compare('md'), compare('csv'), compare('json')]);
    for (const r of [md, csv, json]) expect(r.code, r.stderr).toBe(0);
    const header = md.stdout.split('\n')[0]!;
    for (const title of [
      'NPV P10 (EUR)',
      'NPV P50 (EUR)',
      'NPV P90 (EUR)',
      'P(NPV > 0)',
      'ROI P50',
      'Payback P50 (months)',
      'Revenue Δ',
      'Cost to serve Δ',
      'Retention 12m Δ',
    ]) {
      expect(header).toContain(title);
    }
    expect(
      md.stdout.split('\n').filter((l) => /^\| (moreAgents|betterApp|journeyExcellence) /.test(l)),
    ).toHaveLength(3);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      `variant,npv_p10,npv_p50,npv_p90,p_npv_positive,roi_p50,payback_month_p50,payback_p50_status,revenue_delta_pct,cost_to_serve_delta_pct,retention_12m_delta,${STAMP_HEADER}`,
    );
    const rows = JSON.parse(json.stdout).rows;
    expect(rows.map((r: { variant: string }) => r.variant)).toEqual([
      'moreAgents',
      'betterApp',
      'journeyExcellence',
    ]);
    expect(rows[1].npv_p50).toBe(Number(lines[2]!.split(',')[2]));
    // Payback stays a numeric column: a month or nothing, with the reason in its status column.
    const keys = lines[0]!.split(',');
    const at = (line: string, key: string) => line.split(',')[keys.indexOf(key)]!;
    for (const line of lines.slice(1, -1)) {
      expect(line.split(',')).toHaveLength(keys.length);
      const month = at(line, 'payback_month_p50');
      const status = at(line, 'payback_p50_status');
      if (month === '') expect(status).toBe('not within horizon');
      else {
        expect(Number.isFinite(Number(month))).toBe(true);
        expect(status).toBe('within horizon');
      }
    }
    expect(md.stdout.split('\n')[0]).not.toContain('| Payback |');
  });

  it('writes "not within horizon" as an empty payback and a status in CSV, as text in Markdown', async () => {
    const costly = writeScenario('costly.json', (s) => {
      s.variants[1].investments[0].oneOff = 1e9;
    });
    const compare = (format: string) =>
      journeycast([
        'compare',
        costly,
        ...SMALL,
        '--workers',
        '0',
        '--variant',
        'betterApp',
        '--format',
        format,
      ]);
    const [csv, md] = await Promise.all([compare('csv'), compare('md')]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toMatch(
      /^betterApp,[^,]*,[^,]*,[^,]*,0,[^,]*,,not within horizon,/,
    );
    expect(md.stdout).toMatch(/\| betterApp \|.*\| +not within horizon \|/);
  });
});

describe('journeycast queue', () => {
  const QUEUE = ['queue', '--arrivals-per-hour', '100', '--aht-minutes', '6', '--agents', '11'];
  const FIGURES = ['pWait', 'meanWaitMinutes', 'abandonRate', 'serviceLevel20s'] as const;
  // Simulated and analytic agree within 4 of the run's own batch-means standard errors (an
  // unbiased simulator misses by more than 4 SE about once in 16,000 figures; the seed is fixed).
  const Z = 4;

  /** Each figure within Z standard errors of theory, and each SE small enough to fail a bias. */
  function expectAgreement(out: {
    simulated: Record<string, number>;
    analytic: Record<string, number>;
    standardError: Record<string, number | null>;
  }) {
    for (const name of FIGURES) {
      const sim = out.simulated[name]!;
      const theory = out.analytic[name]!;
      const se = out.standardError[name];
      expect(se, name).toEqual(expect.any(Number));
      const shown = `${name}: simulated ${sim} ± ${se} (SE), theory ${theory}`;
      expect(Math.abs(sim - theory), shown).toBeLessThanOrEqual(Z * se!);
      // The tolerance is a small part of the figure, so a real bias fails (0 only where both are 0).
      if (theory === 0) expect(sim, shown).toBe(0);
      else expect(Z * se!, shown).toBeLessThan(0.1 * Math.abs(theory));
    }
  }

  it('simulates Erlang C: the engine queue matches theory within its standard errors', async () => {
    const r = await journeycast([...QUEUE, '--hours', '20000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['simulated', 'analytic', 'standardError']);
    expect(out.analytic.abandonRate).toBe(0);
    expect(out.simulated.abandonRate).toBe(0);
    expectAgreement(out);
  });

  it('simulates Erlang A with patience, and prints a table with standard errors without --json', async () => {
    const [json, text] = await Promise.all([
      journeycast([...QUEUE, '--patience-minutes', '3', '--json']),
      journeycast([...QUEUE, '--patience-minutes', '3']),
    ]);
    const out = JSON.parse(json.stdout);
    for (const side of ['simulated', 'analytic', 'standardError']) {
      expect(Object.keys(out[side]), side).toEqual([
        'pWait',
        'meanWaitMinutes',
        'abandonRate',
        'serviceLevel20s',
        'occupancy',
      ]);
    }
    expectAgreement(out);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Analytic: Erlang A (M/M/N+M).');
    expect(text.stdout).toContain('Standard errors by batch means: 20 batches of 100 hours');
    const se = out.standardError.abandonRate.toFixed(4).replace('.', '\\.');
    expect(text.stdout).toMatch(
      new RegExp(`\\| Abandon rate +\\| +0\\.\\d{4} \\| +${se} \\| +0\\.1016 \\|`),
    );
  });

  it('gives the zero-load limits on both sides when no calls arrive', async () => {
    const r = await journeycast([
      'queue',
      '--arrivals-per-hour',
      '0',
      '--aht-minutes',
      '6',
      '--agents',
      '11',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const { simulated, analytic, standardError } = JSON.parse(r.stdout);
    for (const side of [simulated, analytic]) {
      expect(side).toMatchObject({
        pWait: 0,
        meanWaitMinutes: 0,
        abandonRate: 0,
        serviceLevel20s: 1,
      });
    }
    expect(standardError.serviceLevel20s).toBeNull();
    expect(r.stderr).toContain('No calls arrived: the figures are the zero-load limits');
  });

  it('refuses an unstable queue without patience', async () => {
    const r = await journeycast([
      'queue',
      '--arrivals-per-hour',
      '100',
      '--aht-minutes',
      '6',
      '--agents',
      '9',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'journeycast: queue: 9 agents cannot carry 10 Erlangs of load without abandonment: the queue grows without bound (add agents or --patience-minutes)\n',
    );
  });
});
