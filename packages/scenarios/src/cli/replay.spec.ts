// Replay on a copy of the default scenario in a temporary directory, made small, so the test can
// record a snapshot, tamper with it and with an expectation, and see replay fail as it should.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../replay/snapshot.ts';
import { DEFAULT_FILE, hasStackTrace, journeycast as spawnCli, PACKAGE_DIR } from './testCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'journeycast-replay-'));
const scenarioFile = join(dir, 'default.json');
const snapshotFile = join(dir, 'default.expected.json');
// The replay cache of these tests lives here, never in the package's node_modules.
const cacheDir = mkdtempSync(join(tmpdir(), 'journeycast-replay-cache-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});
const journeycast = (args: string[], cache = cacheDir) =>
  spawnCli(args, PACKAGE_DIR, { JOURNEYCAST_CACHE_DIR: cache });

const scenario = JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
scenario.run = { seed: 7, replications: 4, agents: 300, queueDaysPerMonth: 1 };
scenario.variants = scenario.variants.slice(0, 2);
scenario.expect = [
  { variant: 'betterApp', metric: 'totals.revenue.mean', min: 0, because: 'revenue is positive' },
];
const scenarioText = JSON.stringify(scenario, null, 2);

describe('journeycast replay', () => {
  beforeAll(async () => {
    writeFileSync(scenarioFile, scenarioText);
    const missing = await journeycast(['replay', dir, '--workers', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(
      '- no snapshot default.expected.json: record one with journeycast replay --update',
    );
    const recorded = await journeycast(['replay', dir, '--update', '--workers', '0']);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stdout).toMatch(
      /\| default \| sha256:[0-9a-f]{16} \| 4 \| \d+ recorded \| 1\/1 hold \| recorded \|/,
    );
  });

  it('records key figures with standard errors, the hash and the engine version, and never rewrites the scenario', () => {
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
    expect(snapshot).toMatchObject({ scenario: 'default', seed: 7, replications: 4, agents: 300 });
    expect(snapshot.hash).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(snapshot.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(snapshot.figures)).toEqual(['baseline', 'moreAgents', 'betterApp']);
    expect(snapshot.figures.betterApp!['totals.revenue.mean']).toEqual({
      value: expect.any(Number),
      se: expect.any(Number),
    });
    expect(snapshot.figures.betterApp!['vsBaseline.npv.mean']!.se).toBeGreaterThan(0);
    expect(readFileSync(scenarioFile, 'utf8')).toBe(scenarioText);
  });

  it('passes when nothing moved, whatever the number of workers, with the same report each time', async () => {
    const [two, none] = await Promise.all([
      journeycast(['replay', dir, '--workers', '2', '--no-cache']),
      journeycast(['replay', dir, '--workers', '0', '--no-cache']),
    ]);
    expect(two.code, two.stdout + two.stderr).toBe(0);
    expect(two.stdout).toMatch(
      /\| default \| sha256:[0-9a-f]{16} \| 4 \| (\d+)\/\1 same \| 1\/1 hold \| ok \|/,
    );
    // No wall-clock time on stdout (it is on stderr): two replays print the same bytes.
    expect(none.stdout).toBe(two.stdout);
    expect(two.stdout).not.toMatch(/\d s\b|Time/);
    expect(two.stderr).toMatch(
      /^journeycast: default: 4 replications × 3 variants × 300 agents in [\d.]+ s/,
    );
  });

  it('does not run again what passed before unchanged; a changed scenario, snapshot or --no-cache runs', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'journeycast-replay-cache-'));
    const other = join(dir, 'other.json');
    try {
      // A second scenario beside the first: editing one must re-run that one only.
      writeFileSync(other, JSON.stringify({ ...scenario, id: 'other' }, null, 2));
      const recorded = await journeycast(['replay', other, '--update', '--workers', '0'], cache);
      expect(recorded.code, recorded.stderr).toBe(0);
      const ran = /^journeycast: (\S+): \d+ replications × /gm;
      const skipped =
        /^journeycast: (\S+): passed before with this scenario, snapshot and code; not run again/gm;
      const names = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

      const first = await journeycast(['replay', dir, '--workers', '0'], cache);
      expect(first.code, first.stderr).toBe(0);
      // `other` passed under --update already; `default` runs once.
      expect(names(first.stderr, ran)).toEqual(['default']);
      expect(names(first.stderr, skipped)).toEqual(['other']);

      const second = await journeycast(['replay', dir, '--workers', '0'], cache);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      expect(names(second.stderr, ran)).toEqual([]);
      expect(names(second.stderr, skipped)).toEqual(['default', 'other']);

      // An expectation changed in one file: that file runs, the other does not.
      const changed = structuredClone(scenario);
      changed.expect[0].because = 'revenue is positive, still';
      writeFileSync(scenarioFile, JSON.stringify(changed, null, 2));
      const edited = await journeycast(['replay', dir, '--workers', '0'], cache);
      expect(names(edited.stderr, ran)).toEqual(['default']);
      expect(names(edited.stderr, skipped)).toEqual(['other']);
      // (Its hash moved away from its snapshot's, so it fails, which is never cached.)
      expect(edited.code).toBe(1);
      writeFileSync(scenarioFile, scenarioText);

      // A snapshot changed by hand runs, and fails.
      const original = readFileSync(snapshotFile, 'utf8');
      try {
        const snapshot = JSON.parse(original) as Snapshot;
        snapshot.figures.betterApp!['totals.revenue.mean']!.value! += 1;
        writeFileSync(snapshotFile, JSON.stringify(snapshot, null, 2));
        const tampered = await journeycast(['replay', scenarioFile, '--workers', '0'], cache);
        expect(tampered.code).toBe(1);
        expect(names(tampered.stderr, ran)).toEqual(['default']);
      } finally {
        writeFileSync(snapshotFile, original);
      }

      const forced = await journeycast(['replay', dir, '--workers', '0', '--no-cache'], cache);
      expect(forced.code).toBe(0);
      expect(names(forced.stderr, ran)).toEqual(['default', 'other']);
      expect(forced.stdout).toBe(first.stdout);
    } finally {
      rmSync(other, { force: true });
      rmSync(join(dir, 'other.expected.json'), { force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('fails when a recorded figure differs: says which, by how much, and by how many standard errors', async () => {
    const original = readFileSync(snapshotFile, 'utf8');
    try {
      const snapshot = JSON.parse(original) as Snapshot;
      const figure = snapshot.figures.betterApp!['totals.revenue.mean']!;
      figure.value = figure.value! + 3 * figure.se!;
      writeFileSync(snapshotFile, JSON.stringify(snapshot, null, 2));
      const r = await journeycast(['replay', dir, '--workers', '0']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('### default: figures that moved');
      expect(r.stdout).toMatch(
        /\| betterApp \| totals\.revenue\.mean \| [\d.e+]+ \| [\d.e+]+ \| −[\d.e+]+ \| [\d.e+]+ \| 3\.00 SE \|/,
      );
      expect(r.stdout).toContain('**FAILED**: 1 moved');
      expect(r.stderr).toContain('journeycast: replay failed in default: 1 figure moved\n');
      expect(hasStackTrace(r.stderr)).toBe(false);
    } finally {
      writeFileSync(snapshotFile, original);
    }
  });

  it('fails when an expectation does not hold', async () => {
    try {
      const tampered = structuredClone(scenario);
      tampered.expect[0].min = 1e15;
      writeFileSync(scenarioFile, JSON.stringify(tampered, null, 2));
      const r = await journeycast(['replay', dir, '--workers', '0']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('### default: expectations that failed');
      expect(r.stdout).toMatch(
        /\| expect\[0\] \| betterApp \| totals\.revenue\.mean \| [\d.e+]+ \| [\d.e+]+ \| ≥ 1000000000000000 \| revenue is positive \|/,
      );
      // The file changed, so its hash no longer matches the snapshot's either.
      expect(r.stdout).toContain('- the scenario changed since its snapshot (hash sha256:');
      expect(r.stderr).toContain('1 expectation failed');
      // --update rewrites the snapshot but never the expectations: it still fails.
      const updated = await journeycast(['replay', dir, '--update', '--workers', '0']);
      expect(updated.code).toBe(1);
      expect(JSON.parse(readFileSync(scenarioFile, 'utf8')).expect[0].min).toBe(1e15);
    } finally {
      writeFileSync(scenarioFile, scenarioText);
      await journeycast(['replay', dir, '--update', '--workers', '0']);
    }
  });

  it('checks one variant against another with the standard error of the paired difference', async () => {
    const compared = mkdtempSync(join(tmpdir(), 'journeycast-replay-compare-'));
    try {
      const file = join(compared, 'default.json');
      const withComparisons = structuredClone(scenario);
      withComparisons.expect = [
        {
          variant: 'betterApp',
          metric: 'vsBaseline.npv.mean',
          compareTo: 'moreAgents',
          min: 0,
          marginSe: 2,
          because: 'the app is worth more than the agents',
        },
        { variant: 'moreAgents', metric: 'vsBaseline.npv.mean', compareTo: 'betterApp', min: 0 },
      ];
      writeFileSync(file, JSON.stringify(withComparisons, null, 2));
      const r = await journeycast(['replay', file, '--update', '--workers', '0']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('### default: variants compared');
      const row = (i: number) =>
        r.stdout
          .split('\n')
          .find((line) => line.startsWith(`| expect[${i}] | `) && line.includes('(paired)'));
      expect(row(0)).toMatch(
        /^\| expect\[0\] \| betterApp \(-?[\d.e+]+\) \| moreAgents \(-?[\d.e+]+\) \| vsBaseline\.npv\.mean \| \+[\d.e+]+ \| [\d.e+]+ \(paired\) \| [\d.]+ SE \| ≥ 0 by 2 SE \| holds \|$/,
      );
      expect(row(1)).toMatch(
        /\| −[\d.e+]+ \| [\d.e+]+ \(paired\) \| −[\d.]+ SE \| ≥ 0 \| \*\*FAILED\*\* \|$/,
      );
      expect(r.stdout).toContain('### default: expectations that failed');
      expect(r.stdout).toMatch(
        /\| expect\[1\] \| moreAgents − betterApp \| vsBaseline\.npv\.mean \| -[\d.e+]+ \| /,
      );
      expect(r.stderr).toContain('1 expectation failed');
      // The compared variant's figure is recorded in the snapshot too, so a move shows there.
      const snapshot = JSON.parse(
        readFileSync(join(compared, 'default.expected.json'), 'utf8'),
      ) as Snapshot;
      expect(snapshot.figures.moreAgents!['vsBaseline.npv.mean']).toBeDefined();
    } finally {
      rmSync(compared, { recursive: true, force: true });
    }
  });

  it('refuses an invalid scenario with exit status 2', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'journeycast-replay-bad-'));
    try {
      writeFileSync(join(bad, 'bad.json'), '{"schemaVersion": 2}');
      const r = await journeycast(['replay', bad, '--workers', '0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${join(bad, 'bad.json')}: missing key "id"`);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
