// The browser-safe core (everything in src/ but src/cli/) must not import Node built-ins: the app
// bundles it. The repository's architecture test checks the packages' directions; this checks the
// split inside this package.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('.', import.meta.url).pathname;
const builtins = new Set(builtinModules);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'cli' && dir === src.replace(/\/$/, '') ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('layering inside @journeycast/scenarios', () => {
  it('keeps Node built-ins in src/cli/ only', () => {
    const files = sources(src.replace(/\/$/, ''));
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.includes('/cli/'))).toBe(false);
    const offenders: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      for (const match of code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!;
        if (
          specifier.startsWith('node:') ||
          builtins.has(specifier.split('/')[0]!) ||
          specifier.includes('/cli/') ||
          specifier.startsWith('@journeycast/sim-core/node')
        ) {
          offenders.push(`${relative(src, file)}: ${specifier}`);
        }
      }
    }
    // writeSchema.ts is the build script: it reaches the file system only through src/cli/.
    expect(offenders).toEqual(['schema/writeSchema.ts: ../cli/schemaFile.ts']);
  });
});
