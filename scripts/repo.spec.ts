import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFromTextIn, scanForCodeFromText } from './codeFromText.ts';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(root + path, 'utf8');

/** The commands in the README's "Quick start" section, in order. */
function quickStartCommands(): string[] {
  const readme = read('README.md');
  const section = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/```sh\n([^\n]+?)\s*(?:#[^\n]*)?\n```/g)].map((m) => m[1]!.trim());
}

describe('README and CI agree', () => {
  it('says what Journeycast is in three lines, then one line per workspace', () => {
    const readme = read('README.md');
    const intro = readme.split('\n## ')[0]!.split('\n| ')[0]!;
    const lines = intro.split('\n').filter((line) => line.trim() !== '');
    expect(lines[0]).toBe('# Journeycast');
    expect(lines.slice(1), 'the intro, between the title and the workspace table').toHaveLength(3);
    const rows = [...readme.matchAll(/^\| \[`([^`]+)`\]/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(workspaces(root).sort());
  });

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

  it('a scenario snapshot is an input of the replay alone; scenario files, of the replay', () => {
    // Unit tests read the library files (fixtures, the fuzz suite), so a scenario file is their
    // input too; its recorded snapshot (`<id>.expected.json`) only the replay reads.
    expect(turbo.tasks.replay?.inputs).toContain('library/**');
    for (const task of ['test', 'check', 'transit'])
      expect(turbo.tasks[task]?.inputs, task).toContain('!library/*.expected.json');
    expect(turbo.tasks.build?.inputs).toContain('!library/**');
  });
});

/** The workspaces the root package.json's globs (`apps/*`, `packages/*`) match, as npm reads them. */
function workspaces(at: string): string[] {
  const pkg = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return pkg.workspaces.flatMap((glob) => {
    const parent = glob.replace(/\/\*$/, '');
    if (glob !== `${parent}/*`)
      throw new Error(`workspaces: expected globs like "apps/*", got "${glob}"`);
    return readdirSync(join(at, parent))
      .sort()
      .map((name) => `${parent}/${name}`)
      .filter((dir) =>
        statSync(join(at, dir, 'package.json'), { throwIfNoEntry: false })?.isFile(),
      );
  });
}

/**
 * What each workspace's README lacks: the file itself, a title naming the package, how to test it
 * (`npm test`), and each public subpath of its exports map (by import specifier or by the file it
 * maps to). Empty when every README is complete.
 */
function readmeProblems(at: string): string[] {
  const problems: string[] = [];
  for (const dir of workspaces(at)) {
    const pkg = JSON.parse(readFileSync(join(at, dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, string | Record<string, string>>;
    };
    const path = join(at, dir, 'README.md');
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
      problems.push(
        `${dir}/README.md: expected a README (what it is, its entry points, how to test it, where it sits), found none`,
      );
      continue;
    }
    const readme = readFileSync(path, 'utf8');
    const title = readme.split('\n')[0];
    if (title !== `# ${pkg.name}`)
      problems.push(`${dir}/README.md: expected the title "# ${pkg.name}", got "${title}"`);
    if (!readme.includes('npm test'))
      problems.push(`${dir}/README.md: expected how to test it (npm test), found no "npm test"`);
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (subpath === '.' || subpath === './package.json') continue;
      const file = (typeof target === 'string' ? target : (target.default ?? '')).replace(
        /^\.\//,
        '',
      );
      if (!readme.includes(`${pkg.name}${subpath.slice(1)}`) && !readme.includes(file))
        problems.push(
          `${dir}/README.md: expected the export "${subpath}" (${pkg.name}${subpath.slice(1)} or ${file}) to be named, found neither`,
        );
    }
  }
  return problems;
}

describe('every workspace has a README', () => {
  it('the globs find the four workspaces of the design', () => {
    expect(workspaces(root).sort()).toEqual(
      ['apps/web', 'packages/models', 'packages/scenarios', 'packages/sim-core'].sort(),
    );
  });

  it('each README names its package, its exports and how to test it', () => {
    expect(readmeProblems(root)).toEqual([]);
  });

  describe('the check', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'journeycast-readme-'));
    afterAll(() => rmSync(fixture, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(fixture, path)), { recursive: true });
      writeFileSync(join(fixture, path), text);
    };
    write('package.json', JSON.stringify({ workspaces: ['packages/*', 'apps/*'] }));
    write('packages/a/package.json', JSON.stringify({ name: '@x/a' }));
    write('packages/a/README.md', '# @x/a\n\n`npm test -w @x/a`\n');
    write('packages/b/package.json', JSON.stringify({ name: '@x/b' }));
    write('packages/notes/todo.md', 'not a workspace: no package.json\n');
    write(
      'apps/c/package.json',
      JSON.stringify({
        name: '@x/c',
        exports: { '.': './src/index.ts', './worker': { default: './src/w.ts' } },
      }),
    );
    write('apps/c/README.md', '# c\n\nIts entry point is src/index.ts.\n');

    it('fails on a missing README, a wrong title, no test command and an unnamed export', () => {
      expect(readmeProblems(fixture)).toEqual([
        'packages/b/README.md: expected a README (what it is, its entry points, how to test it, where it sits), found none',
        'apps/c/README.md: expected the title "# @x/c", got "# c"',
        'apps/c/README.md: expected how to test it (npm test), found no "npm test"',
        'apps/c/README.md: expected the export "./worker" (@x/c/worker or src/w.ts) to be named, found neither',
      ]);
    });
  });
});

describe('no code from text in any package or the app (eval, new Function, string timers)', () => {
  it('finds none in packages/*/src and apps/web/src, the CLI included', () => {
    const { findings, files } = scanForCodeFromText(root);
    expect(files).toBeGreaterThan(200);
    expect(findings).toEqual([]);
  });

  it('flags each form, in TypeScript and JavaScript', () => {
    const source = [
      'export const a = eval(text);',
      'export const b = (0, eval)(text);',
      'const e = eval; e(text);',
      'export const c = globalThis.eval(text);',
      "export const d = new Function('a', body);",
      'export const f = Function(body)();',
      'export const g = new globalThis.Function(body);',
      "setTimeout('run()', 10);",
      'setInterval(`tick(${n})`, 10);',
      "window.setTimeout('a' + b, 0);",
    ].join('\n');
    expect(codeFromTextIn('x.ts', source).map((f) => `${f.line} ${f.what}`)).toEqual([
      '1 eval',
      '2 eval',
      '3 eval',
      '4 globalThis.eval',
      '5 new Function',
      '6 Function(',
      '7 new Function',
      '8 setTimeout with text',
      '9 setInterval with text',
      '10 setTimeout with text',
    ]);
    expect(codeFromTextIn('x.mjs', 'export default eval("1");').map((f) => f.what)).toEqual([
      'eval',
    ]);
  });

  it('does not flag comments, strings, property names or timers with a function', () => {
    const source = [
      '// eval(text) and new Function(body) in a comment',
      '/* setTimeout("x()") */',
      "export const words = ['eval(x)', `new Function(${1})`, \"Function('x')\"];",
      'export const o = { eval: 1, Function: 2 };',
      'export const p = o.eval + o.Function;',
      'class Scorer { eval(): number { return 1; } }',
      'export const q = new Scorer().eval();',
      'setTimeout(() => undefined, 10);',
      'export const isFn = (x: unknown) => x instanceof Function || Function.prototype === x;',
    ].join('\n');
    expect(codeFromTextIn('x.ts', source)).toEqual([]);
  });

  it('reads a Svelte component: its scripts and the expressions in its markup, not its text', () => {
    const component = [
      '<script lang="ts">',
      '  let body: string = $state("");',
      '  const run = () => new Function(body);',
      '</script>',
      '<p>Never eval(text) or new Function(body) here: this is text.</p>',
      '<!-- eval(x) in a comment -->',
      '<button onclick={() => eval(body)}>Run</button>',
      "{#if setTimeout('x()', 1)}<span>{body}</span>{/if}",
    ].join('\n');
    expect(codeFromTextIn('X.svelte', component).map((f) => `${f.line} ${f.what}`)).toEqual([
      '3 new Function',
      '7 eval',
      '8 setTimeout with text',
    ]);
  });

  describe('over a repository', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'journeycast-eval-'));
    afterAll(() => rmSync(fixture, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(fixture, path)), { recursive: true });
      writeFileSync(join(fixture, path), text);
    };
    write(
      'packages/scenarios/src/cli/commands/run.ts',
      'export const x = eval(process.argv[2]!);\n',
    );
    write('packages/models/src/ok.ts', 'export const y = 1; // eval(y)\n');
    write('apps/web/src/lib/Bad.svelte', '<p>{new Function("return 1")()}</p>\n');
    write('apps/web/node_modules/dep/index.js', 'eval("1");\n');

    it('fails on a violation in a package (the CLI) and in the app, and skips node_modules', () => {
      const { findings, files } = scanForCodeFromText(fixture);
      expect(files).toBe(3);
      const byFile = [...findings].sort((x, y) => x.file.localeCompare(y.file));
      expect(byFile).toEqual([
        { file: 'apps/web/src/lib/Bad.svelte', line: 1, what: 'new Function' },
        { file: 'packages/scenarios/src/cli/commands/run.ts', line: 1, what: 'eval' },
      ]);
    });
  });
});
