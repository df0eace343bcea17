import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchitecture, globalsUsed, importsOf, NODE_GLOBALS } from './architecture.ts';

const root = new URL('..', import.meta.url).pathname;

describe('the real repository', () => {
  it('keeps the dependency direction web → scenarios → sim-core → models and pure lower layers', () => {
    expect(checkArchitecture(root)).toEqual([]);
  });
});

describe('the checker', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'journeycast-arch-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  write('packages/models/src/upward.ts', "import { run } from '@journeycast/sim-core';\n");
  write(
    'packages/models/src/fs.ts',
    "// node:fs in a comment is fine\nimport { readFileSync } from 'node:fs';\n",
  );
  write('packages/models/src/dom.ts', 'export const w = () => window.innerWidth;\n');
  write('packages/sim-core/src/escape.ts', "export * from '../../scenarios/src/index.ts';\n");
  write(
    'packages/sim-core/src/worker/node.ts',
    "import { parentPort } from 'node:worker_threads';\n",
  );
  write('packages/sim-core/src/ok.spec.ts', "import { readFileSync } from 'fs';\n");
  write(
    'packages/scenarios/src/cli.ts',
    "import { readFileSync } from 'node:fs';\nimport('@journeycast/web');\n",
  );
  write('apps/web/src/app.ts', "import { x } from '@journeycast/scenarios';\n");

  const violations = checkArchitecture(fixture);
  const messages = violations.map((v) => `${v.file}:${v.line} ${v.message}`);

  it('flags a lower package importing a higher one', () => {
    expect(messages).toContainEqual(
      expect.stringMatching(/models\/src\/upward\.ts:1 .*must not import @journeycast\/sim-core/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/scenarios\/src\/cli\.ts:2 .*must not import @journeycast\/web/),
    );
  });
  it('flags Node built-ins and DOM globals in pure packages, but not in worker entries or tests', () => {
    expect(messages).toContainEqual(
      expect.stringMatching(/models\/src\/fs\.ts:2 .*Node built-in "node:fs"/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/models\/src\/dom\.ts:1 .*DOM global "window"/),
    );
    expect(messages.some((m) => m.includes('worker/node.ts'))).toBe(false);
    expect(messages.some((m) => m.includes('ok.spec.ts'))).toBe(false);
  });
  it('flags relative imports that reach into another package', () => {
    expect(messages).toContainEqual(
      expect.stringMatching(/sim-core\/src\/escape\.ts:1 .*leaves packages\/sim-core/),
    );
  });
  it('allows downward imports and Node in the CLI package', () => {
    expect(messages.some((m) => m.includes('apps/web/src/app.ts'))).toBe(false);
    expect(messages.some((m) => m.includes('scenarios/src/cli.ts:1'))).toBe(false);
    expect(violations).toHaveLength(5);
  });
});

describe('the checker, on Node globals and the worker entries', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'journeycast-arch-globals-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  // What the audit found passing both this checker and tsc (models' vitest.config.ts pulled in
  // @types/node): a Node global read in a pure layer.
  write(
    'packages/models/src/errors.ts',
    'export function home(): string {\n  return process.env.HOME ?? "";\n}\n',
  );
  write(
    'packages/models/src/everyGlobal.ts',
    [
      'export const a = Buffer.from("x");',
      'export const b = __dirname;',
      'export const c = __filename;',
      'export const d = require("./x.js");',
      'export const e = global;',
      'setImmediate(() => undefined);',
      'export const f = globalThis.process;',
      "export const g = globalThis['Buffer'];",
      '',
    ].join('\n'),
  );
  write(
    'packages/models/src/ambient.ts',
    'declare const process: { env: Record<string, string> };\n',
  );
  // Names that are not the globals: properties, keys, methods, comments, strings, own bindings.
  write(
    'packages/models/src/lookalikes.ts',
    [
      '// process.env.HOME in a comment, Buffer too',
      "/* require('node:fs') */",
      'export const words = [\'process\', `global ${1} setImmediate`, "__dirname"];',
      'export const job = { process: 1, global: true, require: () => 2 };',
      'export const step = job.process + Number(job.global) + job.require();',
      'export class Queue { process(): number { return 1; } }',
      'export interface Options { Buffer: number; __filename?: string }',
      'export function run(setImmediate: (f: () => void) => void) { setImmediate(() => undefined); }',
      'export const { process: renamed } = job;',
      'export const w = { window: 1 }.window + step;',
      '',
    ].join('\n'),
  );
  write(
    'packages/models/src/Widget.svelte',
    '<script lang="ts">\n  const home = process.env.HOME;\n</script>\n<p>process {home}</p>\n',
  );
  // sim-core's worker API is imported by the pure core: it is held to the rule …
  write(
    'packages/sim-core/src/worker/api.ts',
    "import { cpus } from 'node:os';\nexport const exit = () => process.exit(3);\nexport const n = cpus().length;\n",
  );
  write('packages/sim-core/src/worker/pool.ts', 'export const doc = document.title;\n');
  // … while the entries that bind the engine to Node and to browsers are not.
  write(
    'packages/sim-core/src/worker/node.ts',
    "import { Worker } from 'node:worker_threads';\nexport const n = process.pid + (Worker ? 1 : 0);\n",
  );
  write(
    'packages/sim-core/src/worker/nodeWorkerEntry.ts',
    "import { parentPort } from 'node:worker_threads';\nif (!parentPort) process.exit(1);\n",
  );
  write(
    'packages/sim-core/src/worker/nodeWorkerBootstrap.mjs',
    "import { workerData } from 'node:worker_threads';\nawait import(workerData.entry);\n",
  );
  write('packages/sim-core/src/worker/browserPool.ts', 'export const w = window.name;\n');
  write('packages/sim-core/src/worker/browser.ts', 'export const s = document.title;\n');
  // A file called like an entry but outside src/worker/ is not one.
  write('packages/sim-core/src/engine/node.ts', 'export const v = process.version;\n');

  const messages = checkArchitecture(fixture).map((v) => `${v.file}:${v.line} ${v.message}`);
  const inFile = (file: string) => messages.filter((m) => m.startsWith(`${file}:`));

  it('flags process in a pure layer, with its line and column', () => {
    expect(inFile('packages/models/src/errors.ts')).toEqual([
      'packages/models/src/errors.ts:2 @journeycast/models is pure and must not use the Node global "process" (at column 10)',
    ]);
  });
  it('flags every Node global, also through globalThis', () => {
    expect(inFile('packages/models/src/everyGlobal.ts').map((m) => m.split(' ')[0])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((line) => `packages/models/src/everyGlobal.ts:${line}`),
    );
    for (const name of NODE_GLOBALS)
      expect(inFile('packages/models/src/everyGlobal.ts').join('\n')).toContain(`"${name}"`);
    expect(inFile('packages/models/src/everyGlobal.ts')[6]).toContain(
      '(globalThis.process at column 18)',
    );
  });
  it('flags an ambient declaration that would let a Node global type-check', () => {
    expect(inFile('packages/models/src/ambient.ts')).toEqual([
      'packages/models/src/ambient.ts:1 @journeycast/models is pure and must not declare the Node global "process" (declare … at column 15: it would let uses type-check)',
    ]);
  });
  it('does not flag property names, keys, methods, comments, strings or own bindings', () => {
    expect(inFile('packages/models/src/lookalikes.ts')).toEqual([]);
  });
  it('reads the scripts of a Svelte component, not its markup', () => {
    expect(inFile('packages/models/src/Widget.svelte')).toEqual([
      'packages/models/src/Widget.svelte:2 @journeycast/models is pure and must not use the Node global "process" (at column 16)',
    ]);
  });
  it('holds sim-core/src/worker/ to the rule except the Node and browser entries', () => {
    expect(inFile('packages/sim-core/src/worker/api.ts')).toEqual([
      'packages/sim-core/src/worker/api.ts:1 @journeycast/sim-core is pure and must not import the Node built-in "node:os"',
      'packages/sim-core/src/worker/api.ts:2 @journeycast/sim-core is pure and must not use the Node global "process" (at column 27)',
    ]);
    expect(inFile('packages/sim-core/src/worker/pool.ts')).toEqual([
      'packages/sim-core/src/worker/pool.ts:1 @journeycast/sim-core is pure and must not use the DOM global "document" (at column 20)',
    ]);
    expect(inFile('packages/sim-core/src/engine/node.ts')).toHaveLength(1);
    for (const entry of [
      'node.ts',
      'nodeWorkerEntry.ts',
      'nodeWorkerBootstrap.mjs',
      'browserPool.ts',
      'browser.ts',
    ])
      expect(inFile(`packages/sim-core/src/worker/${entry}`)).toEqual([]);
  });
});

describe('globalsUsed', () => {
  it('finds a global used in a type position and in typeof, but not a shadowing local', () => {
    const source = [
      'export type Env = typeof process.env;',
      'export let b: Buffer | undefined;',
      'export function f() { const global = 1; return global; }',
    ].join('\n');
    expect(globalsUsed('x.ts', source, NODE_GLOBALS).map((u) => `${u.line}:${u.name}`)).toEqual([
      '1:process',
      '2:Buffer',
    ]);
  });
});

describe('importsOf', () => {
  it('reads static, type-only, re-export, dynamic and require imports with their lines', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import * as b from 'b';",
      "export { c } from 'c';",
      "const d = await import('d');",
      "const e = require('e');",
      "import 'side-effect';",
    ].join('\n');
    expect(
      importsOf(source)
        .map((i) => `${i.line}:${i.specifier}`)
        .sort(),
    ).toEqual(['1:./a.ts', '2:b', '3:c', '4:d', '5:e', '6:side-effect'].sort());
  });
});
