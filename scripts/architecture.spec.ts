import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchitecture, importsOf } from './architecture.ts';

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
