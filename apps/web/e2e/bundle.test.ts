/**
 * No code is ever made from text (issue 8): the built JavaScript (the app, its workers and every
 * dependency bundled into them: svelte, @sveltejs/kit, chart.js, comlink, fflate, the engine) holds
 * no `eval(`, no `new Function`, no `Function(` call and no string-bodied timer, and every worker
 * it starts is one of its own files. The Content Security Policy would block them anyway (no
 * 'unsafe-eval'); this test keeps a dependency upgrade from bringing one in unnoticed, where the
 * policy would turn it into a broken feature.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const BUILD = fileURLToPath(new URL('../build/', import.meta.url));

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return path.endsWith('.js') || path.endsWith('.mjs') ? [path] : [];
  });
}

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  // A call of eval (not a method or property that happens to be called "eval").
  { what: 'eval(', pattern: /(?<![\w$.])eval\s*\(/g },
  { what: 'indirect eval', pattern: /\(\s*0\s*,\s*eval\s*\)/g },
  { what: 'new Function', pattern: /\bnew\s+Function\b/g },
  // Function( as a call of the global constructor (not `_tickFormatFunction(` and the like).
  { what: 'Function(', pattern: /(?<![\w$.])Function\s*\(/g },
  { what: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { what: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/g },
];

test('the built JavaScript makes no code from text', () => {
  const files = scripts(BUILD);
  expect(files.length).toBeGreaterThan(10);
  expect(files.some((f) => f.includes('/workers/coordinator.worker'))).toBe(true);
  expect(files.some((f) => f.includes('/workers/engine.worker'))).toBe(true);
  expect(files.some((f) => f.includes('/workers/export.worker'))).toBe(true);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const { what, pattern } of FORBIDDEN) {
      for (const match of text.matchAll(pattern)) {
        const at = match.index ?? 0;
        found.push(
          `${file.slice(BUILD.length)}: ${what}: …${text.slice(Math.max(0, at - 60), at + 60)}…`,
        );
      }
    }
  }
  expect(found).toEqual([]);
});

test('every worker the bundle starts is its own file, not a blob or data URL', () => {
  const starts: string[] = [];
  for (const file of scripts(BUILD)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/new\s+(?:Shared)?Worker\s*\(([^)]{0,160})/g))
      starts.push(match[1]!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ''));
    expect(text, file).not.toMatch(
      /createObjectURL\s*\(\s*new\s+Blob\s*\(\s*\[[^\]]*importScripts/,
    );
  }
  // The page starts the coordinator and the export worker; the coordinator starts the engine workers.
  expect(starts.length).toBe(3);
  for (const start of starts)
    expect(start).toMatch(
      /^newURL\((?:newURL\()?[`'"](?:\.\.\/workers\/)?\w+\.worker-[\w-]+\.js[`'"],import\.meta\.url/,
    );
});
