// Replay on a copy of the default scenario in a temporary directory, made small, so the test can
// record a snapshot, tamper with it and with an expectation, and see replay fail as it should.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../replay/snapshot.ts';
import { DEFAULT_FILE, hasStackTrace, journeycast } from './testCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'journeycast-replay-'));
const scenarioFile = join(dir, 'default.json');
const snapshotFile = join(dir, 'default.expected.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
      /\| default \| sha256:[0-9a-f]{16} \| 4 \| \d+ recorded \| 1\/1 hold \| [\d.]+ s \| recorded \|/,
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

  it('passes when nothing moved, whatever the number of workers', async () => {
    const r = await journeycast(['replay', dir, '--workers', '2']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /\| default \| sha256:[0-9a-f]{16} \| 4 \| (\d+)\/\1 same \| 1\/1 hold \| [\d.]+ s \| ok \|/,
    );
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
        /\| expect\[0\] \| betterApp \| totals\.revenue\.mean \| [\d.e+]+ \| ≥ 1000000000000000 \| revenue is positive \|/,
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
