/**
 * The dependency rule of the monorepo, checked on the source text:
 *
 *   web → scenarios → sim-core → models   (and web → sim-core for the worker)
 *
 * A package may import only packages below it. `models` and `sim-core` are pure: they import no
 * Node built-in and touch no DOM global, except in sim-core's worker entries (`src/worker/`),
 * which adapt the engine to `node:worker_threads` and to browser Workers. Tests and benchmarks
 * (`*.spec.ts`, `bench/`) may use Node.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

interface Layer {
  name: string;
  dir: string;
  rank: number;
  pure: boolean;
}

export const LAYERS: readonly Layer[] = [
  { name: '@journeycast/models', dir: 'packages/models', rank: 0, pure: true },
  { name: '@journeycast/sim-core', dir: 'packages/sim-core', rank: 1, pure: true },
  { name: '@journeycast/scenarios', dir: 'packages/scenarios', rank: 2, pure: false },
  { name: '@journeycast/web', dir: 'apps/web', rank: 3, pure: false },
];

const SKIP_DIRS = new Set([
  'node_modules',
  'build',
  'dist',
  '.svelte-kit',
  '.turbo',
  'test-results',
]);
const SOURCE = /\.(ts|js|mjs|cjs|svelte)$/;
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const DOM_GLOBALS =
  /\b(window|document|localStorage|sessionStorage|navigator|HTMLElement|XMLHttpRequest|indexedDB)\b/;

function walk(dir: string, out: string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(entry)) out.push(path);
  }
  return out;
}

/** Removes comments (keeping line breaks) so prose about `window` or `node:fs` is not flagged. */
export function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+)?from\s+['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importsOf(source: string): { specifier: string; line: number }[] {
  const code = stripComments(source);
  const found: { specifier: string; line: number }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1];
      if (specifier === undefined) continue;
      const line = code.slice(0, match.index).split('\n').length;
      found.push({ specifier, line });
    }
  }
  return found;
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier.split('/')[0] ?? '');
}

function isExempt(layer: Layer, relFile: string): boolean {
  // Node may appear in tests, benchmarks, configs, and sim-core's worker entries.
  if (/\.spec\.ts$|\.test\.ts$/.test(relFile)) return true;
  if (!relFile.startsWith(`src${sep}`)) return true;
  return layer.name === '@journeycast/sim-core' && relFile.startsWith(join('src', 'worker') + sep);
}

export function checkArchitecture(root: string, layers: readonly Layer[] = LAYERS): Violation[] {
  const violations: Violation[] = [];
  const byName = new Map(layers.map((l) => [l.name, l]));
  for (const layer of layers) {
    const pkgDir = resolve(root, layer.dir);
    for (const file of walk(pkgDir, [])) {
      const relFile = relative(pkgDir, file);
      const shown = relative(root, file);
      const source = readFileSync(file, 'utf8');
      for (const { specifier, line } of importsOf(source)) {
        const target = [...byName.values()].find(
          (l) => specifier === l.name || specifier.startsWith(`${l.name}/`),
        );
        if (target && target.rank > layer.rank) {
          violations.push({
            file: shown,
            line,
            message: `${layer.name} must not import ${target.name} (dependency direction is web → scenarios → sim-core → models)`,
          });
        }
        if (specifier.startsWith('.')) {
          const resolved = resolve(file, '..', specifier);
          if (!resolved.startsWith(pkgDir + sep) && resolved !== pkgDir) {
            violations.push({
              file: shown,
              line,
              message: `relative import "${specifier}" leaves ${layer.dir}; import the package by name`,
            });
          }
        }
        if (layer.pure && isNodeBuiltin(specifier) && !isExempt(layer, relFile)) {
          violations.push({
            file: shown,
            line,
            message: `${layer.name} is pure and must not import the Node built-in "${specifier}"`,
          });
        }
      }
      if (layer.pure && !isExempt(layer, relFile)) {
        const lines = stripComments(source).split('\n');
        lines.forEach((text, index) => {
          const dom = DOM_GLOBALS.exec(text);
          if (dom) {
            violations.push({
              file: shown,
              line: index + 1,
              message: `${layer.name} is pure and must not use the DOM global "${dom[1]}"`,
            });
          }
        });
      }
    }
  }
  return violations;
}
