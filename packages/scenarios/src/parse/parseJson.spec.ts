import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from './parseJson.ts';

const errorOf = (text: string, maxDepth?: number) => {
  const result = parseJson(text, maxDepth !== undefined ? { maxDepth } : {});
  if (result.ok) throw new Error('expected a syntax error');
  return `${result.error.line}:${result.error.column} ${result.error.message}`;
};

describe('parseJson', () => {
  it('reads what JSON.parse reads, to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const result = parseJson(text, { maxDepth: 1000 });
        expect(result).toEqual({ ok: true, value: JSON.parse(text) });
      }),
    );
  });

  it('says where a file is wrong, by line and column', () => {
    expect(errorOf('{\n  "a": 1\n  "b": 2\n}')).toBe(
      '3:3 expected "," or "}" after the value of "a", found "\\""',
    );
    expect(errorOf('{"a": [1, 2,]}')).toBe('1:13 a trailing comma before ] (remove it)');
    expect(errorOf('{"a": 1,}')).toBe('1:9 a trailing comma before } (remove it)');
    expect(errorOf("{'a': 1}")).toBe('1:2 strings and keys need double quotes (") in JSON');
    expect(errorOf('{"a": 1} // note')).toBe('1:10 comments are not allowed in JSON');
    expect(errorOf('{"a": NaN}')).toBe('1:7 expected a value, found NaN (not a JSON number)');
    expect(errorOf('{"a": 012}')).toBe(
      '1:7 numbers cannot start with 0 (leading zeros are not JSON)',
    );
    expect(errorOf('{"a": "line\nbreak"}')).toBe(
      '1:12 a line break inside a string (write it as an escape such as \\n)',
    );
    expect(errorOf('{"a": "open')).toBe('1:7 a string that never ends (missing closing ")');
    expect(errorOf('{"a": 1}}')).toBe('1:9 unexpected "}" after the end of the JSON value');
    expect(errorOf('')).toBe('1:1 the file is empty: expected a JSON object');
    expect(errorOf('{"a": tru}')).toBe('1:7 expected a value, found tru');
  });

  it('refuses a key written twice (JSON.parse would keep the last silently)', () => {
    expect(errorOf('{\n  "agents": 26,\n  "agents": 30\n}')).toBe(
      '3:3 the key "agents" appears twice in this object',
    );
  });

  it('refuses nesting deeper than the limit', () => {
    expect(errorOf(`${'['.repeat(5)}${']'.repeat(5)}`, 4)).toBe('1:5 nesting deeper than 4 levels');
    expect(parseJson(`${'['.repeat(4)}${']'.repeat(4)}`, { maxDepth: 4 }).ok).toBe(true);
    expect(errorOf('['.repeat(100_000))).toBe('1:65 nesting deeper than 64 levels');
  });

  it('keeps "__proto__" as a plain own key, never a prototype', () => {
    const result = parseJson('{"__proto__": {"polluted": true}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('decodes escapes, surrogate pairs included', () => {
    expect(parseJson('"\\u00e9\\ud83d\\ude00\\n\\t\\"\\/"')).toEqual({
      ok: true,
      value: 'é😀\n\t"/',
    });
  });
});
