import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(root + path, 'utf8');

/** The commands in the README's "Quick start" section, in order. */
function quickStartCommands(): string[] {
  const readme = read('README.md');
  const section = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/```sh\n([^\n]+?)\s*(?:#[^\n]*)?\n```/g)].map((m) => m[1]!.trim());
}

describe('README and CI agree', () => {
  it('the quick start has exactly two commands: install + start, install + test', () => {
    expect(quickStartCommands()).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it('.ci/run is executable, strict, and runs exactly the README test command', () => {
    const ci = read('.ci/run');
    expect(statSync(root + '.ci/run').mode & 0o111).not.toBe(0);
    expect(ci).toContain('set -euo pipefail');
    expect(ci).toContain('TURBO_TELEMETRY_DISABLED=1');
    const commands = ci
      .split('\n')
      .filter((line) => /^\s*npm /.test(line))
      .map((line) => line.trim());
    expect(commands).toEqual([quickStartCommands()[1]]);
  });
});

describe('turbo pipeline', () => {
  const turbo = JSON.parse(read('turbo.json')) as {
    tasks: Record<string, { dependsOn?: string[]; inputs?: string[] }>;
  };
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  it('declares the tasks the project runs', () => {
    for (const task of [
      'build',
      'test',
      'check',
      'bench',
      'e2e',
      'dev',
      'replay',
      '//#format',
      '//#check',
    ]) {
      expect(turbo.tasks, task).toHaveProperty([task]);
    }
  });

  it('npm test runs format, types, unit and property tests, replay and browser tests', () => {
    expect(pkg.scripts.test).toMatch(/turbo run/);
    for (const task of ['format', 'check', 'test', 'replay', 'e2e'])
      expect(pkg.scripts.test).toContain(task);
  });

  it('a scenario file is an input of the replay and not of the unit tests', () => {
    expect(turbo.tasks.replay?.inputs).toContain('library/**');
    expect(turbo.tasks.test?.inputs).toContain('!library/**');
  });
});
