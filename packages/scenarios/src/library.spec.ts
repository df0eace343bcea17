import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_ID, LIBRARY, LIBRARY_IDS, libraryScenario } from './library.ts';
import { parseScenarioText } from './parseScenarioText.ts';
import { formatScenarioError } from './validate/errors.ts';

const dir = new URL('../library/', import.meta.url);
const files = readdirSync(dir).filter(
  (name) => name.endsWith('.json') && !name.endsWith('.expected.json'),
);

describe('the scenario library', () => {
  it('lists every file in library/ (one line each in libraryFiles.ts), the default first', () => {
    expect([...LIBRARY_IDS].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    expect(LIBRARY_IDS[0]).toBe(DEFAULT_SCENARIO_ID);
    expect(DEFAULT_SCENARIO_ID).toBe('default');
  });

  it.each(files)('%s validates, is named after its id and points at the schema', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const result = parseScenarioText(text, file);
    expect(result.ok ? [] : result.errors.map(formatScenarioError)).toEqual([]);
    if (!result.ok) return;
    expect(`${result.scenario.id}.json`).toBe(file);
    expect(result.scenario.$schema).toBe('../schema/scenario.schema.json');
    expect(libraryScenario(result.scenario.id)).toEqual(result.scenario);
  });

  it('has a title and description for every entry', () => {
    for (const entry of LIBRARY) {
      expect(entry.title.length, entry.id).toBeGreaterThan(0);
      expect(entry.description.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('hands out copies, so no caller can change the library', () => {
    const a = libraryScenario('default');
    a.run.seed = 1;
    expect(libraryScenario('default').run.seed).not.toBe(1);
  });

  it('says which scenarios exist when asked for one that does not', () => {
    expect(() => libraryScenario('nope')).toThrow(
      /^no library scenario "nope" \(the library has: default, /,
    );
  });
});
