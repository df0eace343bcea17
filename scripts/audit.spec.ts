import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_DEV_DEPENDENCIES,
  nameOfKey,
  readAuditOutput,
  resolveIn,
  scopeReport,
  shippedPackages,
  type Lockfile,
  type Vulnerability,
} from './auditScope.ts';

const root = new URL('..', import.meta.url).pathname;

/**
 * A small monorepo: workspace `packages/a` (depends on x), app `apps/w` (depends on a and y; its
 * devDependency `rt` ships in its bundle, its devDependency `tool` does not).
 */
const lock: Lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'repo' },
    'packages/a': { name: '@ws/a', dependencies: { x: '^1' } },
    'apps/w': { name: '@ws/w', dependencies: { '@ws/a': '0.1.0', y: '^1' } },
    'node_modules/@ws/a': { link: true, resolved: 'packages/a' },
    'node_modules/@ws/w': { link: true, resolved: 'apps/w' },
    'node_modules/x': { version: '1.0.0', dependencies: { z: '^1' } },
    'node_modules/z': { version: '1.2.0' },
    'node_modules/y': { version: '1.0.0', dependencies: { z: '^2' } },
    'node_modules/y/node_modules/z': { version: '2.0.0' },
    'node_modules/rt': {
      version: '5.0.0',
      dependencies: { q: '^1' },
      optionalDependencies: { 'native-a': '1', 'native-b': '1' },
      // A peer it does not bring: peers are the host's (vite, for svelte), not shipped.
      peerDependencies: { tool: '^3' },
    },
    'node_modules/q': { version: '1.0.0' },
    'node_modules/native-a': { version: '1.0.0' },
    // native-b is for another platform: listed as optional, not in the lockfile here.
    'node_modules/tool': { version: '3.0.0', dependencies: { z: '^3' } },
    'node_modules/tool/node_modules/z': { version: '3.0.0' },
    'apps/w/node_modules/rt-peer': { version: '1.0.0' },
  },
};

const bundled = { 'apps/w': ['rt'] };

describe('resolveIn', () => {
  it('finds the nearest install, as Node does', () => {
    expect(resolveIn(lock, 'node_modules/y', 'z')).toBe('node_modules/y/node_modules/z');
    expect(resolveIn(lock, 'node_modules/x', 'z')).toBe('node_modules/z');
    expect(resolveIn(lock, 'node_modules/y/node_modules/z', 'q')).toBe('node_modules/q');
    expect(resolveIn(lock, 'apps/w', 'rt-peer')).toBe('apps/w/node_modules/rt-peer');
    expect(resolveIn(lock, 'apps/w', 'x')).toBe('node_modules/x');
    expect(resolveIn(lock, 'node_modules/rt', 'native-b')).toBeUndefined();
  });
});

describe('shippedPackages', () => {
  const shipped = shippedPackages(lock, bundled);

  it('is every production dependency and the bundled devDependencies, with all they need', () => {
    expect([...shipped].sort()).toEqual(
      [
        'node_modules/x',
        'node_modules/z',
        'node_modules/y',
        'node_modules/y/node_modules/z',
        'node_modules/rt',
        'node_modules/q',
        'node_modules/native-a',
      ].sort(),
    );
  });

  it('leaves out development tools, their nested installs and peers', () => {
    expect(shipped.has('node_modules/tool')).toBe(false);
    expect(shipped.has('node_modules/tool/node_modules/z')).toBe(false);
    expect(shipped.has('apps/w/node_modules/rt-peer')).toBe(false);
  });

  it('without the bundled devDependencies, misses what `--omit=dev` misses', () => {
    const omitDev = shippedPackages(lock, {});
    expect(omitDev.has('node_modules/rt')).toBe(false);
    expect(omitDev.has('node_modules/q')).toBe(false);
  });

  it('says so when a bundled package is not installed', () => {
    expect(() => shippedPackages(lock, { 'apps/w': ['svelte'] })).toThrow(
      'audit scope: apps/w ships "svelte", but the lockfile installs no svelte for it',
    );
  });
});

describe('scopeReport', () => {
  const shipped = shippedPackages(lock, bundled);
  const vulnerability = (name: string, severity: string, nodes: string[]): Vulnerability => ({
    name,
    severity,
    nodes,
    via: [{ title: `${name} is bad`, url: `https://example.org/${name}` }],
    fixAvailable: true,
  });

  it('fails on a high or critical advisory of a shipped install, by where it is installed', () => {
    const { serious, devOnly } = scopeReport(
      {
        q: vulnerability('q', 'critical', ['node_modules/q']),
        // z 2.0.0 ships (under y); z 3.0.0 only under the tool.
        z: vulnerability('z', 'high', ['node_modules/y/node_modules/z']),
        tool: vulnerability('tool', 'critical', ['node_modules/tool']),
        x: vulnerability('x', 'moderate', ['node_modules/x']),
      },
      shipped,
    );
    expect(serious.map((v) => v.name)).toEqual(['q', 'z']);
    expect(devOnly.map((v) => v.name)).toEqual(['tool']);
  });

  it('keeps an advisory of a development-only copy out of the failures', () => {
    const { serious, devOnly } = scopeReport(
      { z: vulnerability('z', 'high', ['node_modules/tool/node_modules/z']) },
      shipped,
    );
    expect(serious).toEqual([]);
    expect(devOnly.map((v) => v.name)).toEqual(['z']);
  });

  it('matches by name when the report gives no install paths', () => {
    const { serious } = scopeReport({ rt: { name: 'rt', severity: 'high' } }, shipped);
    expect(serious.map((v) => v.name)).toEqual(['rt']);
  });
});

describe('readAuditOutput', () => {
  it('reads the refusal of this registry as "no audit", with the reason', () => {
    // What `npm audit --json` prints here (npm 11, the registry answering 405 to the bulk POST).
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    expect(readAuditOutput(refused, 'npm error audit endpoint returned an error', 1)).toEqual({
      unavailable:
        'the registry did not answer the audit (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk)',
    });
  });

  it('reads output that is not JSON as "no audit", quoting npm', () => {
    expect(readAuditOutput('', 'npm error code ENOLOCK\nnpm error audit This command…', 1)).toEqual(
      { unavailable: 'npm audit gave no report (npm error code ENOLOCK)' },
    );
  });

  it('reads a report, clean or not (npm exits 1 when it finds anything)', () => {
    const report = { auditReportVersion: 2, vulnerabilities: {}, metadata: {} };
    expect(readAuditOutput(JSON.stringify(report), '', 0)).toEqual({ report });
    expect(readAuditOutput(JSON.stringify({ auditReportVersion: 2 }), '', 0)).toEqual({
      unavailable:
        'the registry did not answer the audit (npm audit exited with 0 and no vulnerabilities table)',
    });
  });
});

describe('this repository', () => {
  const repoLock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as Lockfile;
  const names = new Set([...shippedPackages(repoLock)].map(nameOfKey));

  it('ships what the built app and the CLI run, and none of the development tools', () => {
    // In the bundle (measured, docs/reliability.md), and tsx for the CLI.
    for (const name of [
      'svelte',
      'clsx',
      '@sveltejs/kit',
      'chart.js',
      '@kurkle/color',
      'comlink',
      'fflate',
      '@noble/hashes',
      '@sinclair/typebox',
      'seedrandom',
      'simple-statistics',
      'tsx',
    ])
      expect(names, name).toContain(name);
    for (const name of [
      'vite',
      'vitest',
      '@playwright/test',
      'typescript',
      'prettier',
      'turbo',
      'svelte-check',
      'fast-check',
      '@sveltejs/adapter-static',
    ])
      expect(names, name).not.toContain(name);
  });

  it('lists as bundled only devDependencies (a dependency is covered anyway)', () => {
    for (const [workspace, bundledNames] of Object.entries(BUNDLED_DEV_DEPENDENCIES)) {
      const pkg = JSON.parse(readFileSync(`${root}${workspace}/package.json`, 'utf8')) as {
        devDependencies?: Record<string, string>;
      };
      for (const name of bundledNames)
        expect(Object.keys(pkg.devDependencies ?? {})).toContain(name);
    }
  });
});
