import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from './canonical.ts';
import { libraryScenario } from './library.ts';
import { cloneJson } from './plan.ts';

/** The same data with every object's keys in a shuffled order (by a seeded permutation). */
function shuffleKeys(value: unknown, rand: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rand));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const k of keys)
    Object.defineProperty(out, k, {
      value: shuffleKeys((value as Record<string, unknown>)[k], rand),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every path to a number, string or boolean in a value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

const scenario = libraryScenario('default');

describe('canonicalJson', () => {
  it('sorts keys recursively, drops whitespace and the top-level $schema', () => {
    expect(
      canonicalJson({ b: [1, { d: 2, c: -0 }], a: 'x', $schema: '../schema/scenario.schema.json' }),
    ).toBe('{"a":"x","b":[1,{"c":0,"d":2}]}');
    expect(canonicalJson({ nested: { $schema: 'kept below the top' } })).toBe(
      '{"nested":{"$schema":"kept below the top"}}',
    );
    expect(canonicalJson({ z: 1, Z: 2, é: 3, a: undefined })).toBe('{"Z":2,"z":1,"é":3}');
    expect(canonicalJson([0.1, 1e21, 1e-7, -1.5, true, null, 'q"\n'])).toBe(
      '[0.1,1e+21,1e-7,-1.5,true,null,"q\\"\\n"]',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(
      'canonicalJson: a is NaN, which JSON cannot hold',
    );
    expect(() => canonicalJson({ a: [Infinity] })).toThrow('a[0] is Infinity');
    expect(() => canonicalJson([undefined])).toThrow('[0] is undefined');
  });

  it('holds the same data, with keys in order, and is its own canonical form (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const back = JSON.parse(text) as unknown;
        expect(back).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(back)).toBe(text);
        expect(text).not.toMatch(/^\s|\s$/);
      }),
    );
  });
});

describe('scenarioHash', () => {
  it('is sha256: and 16 hex digits', () => {
    expect(scenarioHash(scenario)).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('does not depend on key order or formatting (property)', () => {
    const hash = scenarioHash(scenario);
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 8 }), (seed, indent) => {
        const reordered = shuffleKeys(scenario, mulberry32(seed));
        const reformatted = JSON.parse(JSON.stringify(reordered, null, indent));
        expect(scenarioHash(reordered)).toBe(hash);
        expect(scenarioHash(reformatted)).toBe(hash);
        expect(scenarioHash({ ...(reformatted as object), $schema: 'elsewhere.json' })).toBe(hash);
      }),
      { numRuns: 30 },
    );
  });

  it('changes when any value changes (property)', () => {
    const paths = leaves(scenario).filter((p) => p[0] !== '$schema');
    const hash = scenarioHash(scenario);
    fc.assert(
      fc.property(fc.constantFrom(...paths), (path) => {
        const changed = cloneJson(scenario) as unknown as Record<string | number, unknown>;
        let node: Record<string | number, unknown> = changed;
        for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        const old = node[last];
        node[last] =
          typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}!`;
        expect(scenarioHash(changed)).not.toBe(hash);
      }),
      { numRuns: 200 },
    );
  });
});
