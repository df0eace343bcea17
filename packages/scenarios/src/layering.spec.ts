// The browser-safe core (everything in src/ but src/cli/) must not import Node built-ins: the app
// bundles it. The repository's architecture test (scripts/architecture.ts) checks the packages'
// directions; this checks the split inside this package, and proves on a fixture that it fails.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const builtins = new Set(builtinModules);

/** The core's source files under `src`: every .ts but tests, and nothing in `src/cli/`. */
function coreSources(src: string, dir = src): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return path === join(src, 'cli') ? [] : coreSources(src, path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Imports in the core that bring Node in: a Node built-in (`node:fs`, `fs`), a module of
 * `src/cli/`, or sim-core's Node entry. As `file: specifier`, paths relative to `src`.
 */
function nodeInCore(src: string): { files: string[]; offenders: string[] } {
  const files = coreSources(src);
  const offenders: string[] = [];
  for (const file of files) {
    // Comments go first, so prose about `node:fs` is not an import.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const specifier = match[1]!;
      if (
        specifier.startsWith('node:') ||
        builtins.has(specifier.split('/')[0]!) ||
        specifier.includes('/cli/') ||
        specifier.startsWith('@journeycast/sim-core/node')
      ) {
        offenders.push(`${relative(src, file).split(sep).join('/')}: ${specifier}`);
      }
    }
  }
  return { files, offenders };
}

describe('layering inside @journeycast/scenarios', () => {
  it('keeps Node built-ins in src/cli/ only', () => {
    const { files, offenders } = nodeInCore(new URL('.', import.meta.url).pathname);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.includes(`${sep}cli${sep}`))).toBe(false);
    // writeSchema.ts is the build script: it reaches the file system only through src/cli/.
    expect(offenders).toEqual(['schema/writeSchema.ts: ../cli/schemaFile.ts']);
  });

  describe('the check, on a fixture', () => {
    const src = mkdtempSync(join(tmpdir(), 'journeycast-layering-'));
    afterAll(() => rmSync(src, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(src, path)), { recursive: true });
      writeFileSync(join(src, path), text);
    };
    write('validate/readsFiles.ts', "import { readFileSync } from 'node:fs';\n");
    write('parse/bare.ts', "import { createHash } from 'crypto';\nexport { createHash };\n");
    write('report/dynamic.ts', "export const load = () => import('node:path');\n");
    write('scale/usesCli.ts', "export { runUnits } from '../cli/runUnits.ts';\n");
    write('plan.ts', "import { nodeWorkerPool } from '@journeycast/sim-core/node';\n");
    // Allowed: the CLI itself, tests, prose in comments, the browser-safe sim-core entry.
    write('cli/main.ts', "import { readFileSync } from 'node:fs';\n");
    write('cli/commands/run.ts', "import { argv } from 'node:process';\n");
    write('library.spec.ts', "import { readFileSync } from 'node:fs';\n");
    write(
      'canonical.ts',
      "// unlike import { createHash } from 'node:crypto', @noble/hashes runs in browsers\n/* import 'node:fs' */\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { summarize } from '@journeycast/sim-core';\n",
    );

    it('fails on a Node built-in, a CLI module or sim-core/node in the core, and on nothing else', () => {
      const { files, offenders } = nodeInCore(src);
      expect(files.some((f) => f.includes(`${sep}cli${sep}`))).toBe(false);
      expect(offenders.sort()).toEqual(
        [
          'validate/readsFiles.ts: node:fs',
          'parse/bare.ts: crypto',
          'report/dynamic.ts: node:path',
          'scale/usesCli.ts: ../cli/runUnits.ts',
          'plan.ts: @journeycast/sim-core/node',
        ].sort(),
      );
    });
  });
});
