/**
 * Scenario and link text is rendered as text, never as HTML or code (issue 8). Svelte escapes every
 * `{expression}` and sets attributes as attributes; the ways around that are `{@html}`, the DOM's
 * HTML sinks and code from strings. None is used in the app's source, so there is nothing to
 * justify: this test keeps it that way. (The built bundle, dependencies included, is scanned by
 * e2e/bundle.test.ts; the Content Security Policy blocks the rest at run time.)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|svelte|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const SINKS: [string, RegExp][] = [
  ['{@html}', /\{@html\b/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write/],
  ['srcdoc', /\bsrcdoc\b/],
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['javascript: URL', /javascript:/i],
  ['createContextualFragment', /createContextualFragment/],
];

describe('the app source', () => {
  it('has no HTML sink and makes no code from text', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(40);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [what, pattern] of SINKS)
        if (pattern.test(text)) found.push(`${file.slice(SRC.length)}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
