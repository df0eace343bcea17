import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from './canonical.ts';
import { parseScenarioText, utf8Length } from './parseScenarioText.ts';
import { RUN_LIMITS } from './schema/scenarioSchema.ts';
import { formatScenarioError } from './validate/errors.ts';

const text = readFileSync(new URL('../library/default.json', import.meta.url), 'utf8');

function errorsOf(input: string, fileName?: string): string[] {
  const result = parseScenarioText(input, fileName);
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

describe('parseScenarioText', () => {
  it('parses, validates and hashes a scenario file', () => {
    const result = parseScenarioText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.hash).toBe(scenarioHash(JSON.parse(text)));
    expect(result.hash).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(result.migratedFrom).toBeUndefined();
  });

  it('strips a UTF-8 byte order mark', () => {
    const result = parseScenarioText(`\uFEFF${text}`);
    expect(result.ok && result.hash).toBe(scenarioHash(JSON.parse(text)));
  });

  it('reports JSON syntax errors with line and column, and the file when given', () => {
    const broken = text.replace('"horizonMonths": 36,', '"horizonMonths": 36');
    const line = text.slice(0, text.indexOf('"horizonMonths": 36,')).split('\n').length + 1;
    expect(errorsOf(broken, 'default.json')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^default\\.json: JSON syntax error at line ${line}, column \\d+: expected "," or "}" after the value of "horizonMonths"`,
        ),
      ),
    ]);
  });

  it('refuses a file over the size limit, with a clear message', () => {
    const huge = `${text.slice(0, -2)}, "pad": "${'x'.repeat(RUN_LIMITS.maxFileBytes)}"}`;
    expect(errorsOf(huge)).toEqual([
      `the file is ${Number((utf8Length(huge) / 1e6).toPrecision(3))} MB; a scenario file may be at most 5 MB`,
    ]);
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('refuses deep nesting before validating', () => {
    const deep = `{"schemaVersion": 2, "x": ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(errorsOf(deep)[0]).toMatch(
      /^JSON syntax error at line 1, column \d+: nesting deeper than 64 levels$/,
    );
  });

  it('migrates older files and says from which version', () => {
    const v1 = readFileSync(new URL('./fixtures/default.v1.json', import.meta.url), 'utf8');
    const result = parseScenarioText(v1);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.migratedFrom).toBe(1);
  });

  it('explains that paths are those of the migrated form when a migrated file is invalid', () => {
    const v1 = JSON.parse(
      readFileSync(new URL('./fixtures/default.v1.json', import.meta.url), 'utf8'),
    );
    v1.run.simulatedAgents = -5;
    expect(errorsOf(JSON.stringify(v1))).toEqual([
      'run.agents: expected a whole number ≥ 1, got -5',
      '(the file is schema version 1: the paths above are those of version 2, after migration)',
    ]);
  });

  it('reports version problems before anything else', () => {
    expect(errorsOf('{"schemaVersion": 3}')).toEqual([
      'schemaVersion: written by a newer Journeycast: schemaVersion 3; this build reads up to 2',
    ]);
    expect(errorsOf('[]')).toEqual(['expected a scenario (a JSON object), got an array of 0']);
  });
});
