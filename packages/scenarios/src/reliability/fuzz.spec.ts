/**
 * Hostile scenario files (issue 8): mutants of the real library files — wrong types, missing and
 * extra keys, NaN, ±Infinity, -0, huge and tiny numbers, negative rates, probabilities above 1,
 * shares that no longer sum to 1, dangling ids, ids named like Object.prototype members, 10,000
 * levels of nesting, 4 MB and 10 MB strings, `__proto__` / `constructor` / `prototype` keys
 * written as JSON text (so they are own keys), invalid UTF-8 and byte order marks at the byte
 * level, and schema versions 0, 1, 99 — each read the way a file is (`parseScenarioBytes`, the
 * bytes of a file) and, in a second property, validated as an object (`validateScenario`, what
 * forms and code hand it, where NaN and ±Infinity are real numbers).
 *
 * For every mutant, one of:
 * - errors, each clear (harness.ts `unclearErrors`: a JSON path and an "expected …, got …"
 *   sentence or another known plain form; file-level errors with their line and column; no stack
 *   trace, no megabyte echo), and invalid UTF-8 always reported as such, never replaced; or
 * - a valid scenario whose tiny run (every variant, 1–2 replications, ≤ 300 agents, in this thread)
 *   completes with every number of the result finite — or stops with the engine's own limit
 *   message (ENGINE_LIMIT_MESSAGE), the one documented way a valid file may stop short;
 * and never a thrown exception, never more than a few seconds, never a new property on
 * Object.prototype, Array.prototype or Function.prototype.
 *
 * Default runs are small (the suite takes well under a minute); run deeper with
 * `FC_NUM_RUNS=10000 npx vitest run src/reliability` in packages/scenarios, replay a failure with
 * the printed `FC_SEED=…`.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, journeycast } from '../cli/testCli.ts';
import { parseScenarioBytes } from '../parseScenarioText.ts';
import { FORBIDDEN_KEYS } from '../plan.ts';
import { RUN_LIMITS, Scenario } from '../schema/scenarioSchema.ts';
import { schemaAt } from '../validate/checkSchema.ts';
import type { SchemaNode } from '../validate/describe.ts';
import { validateScenario } from '../validate/validateScenario.ts';
import {
  BASES,
  baseJson,
  ENGINE_LIMIT_MESSAGE,
  nonFinite,
  prototypeState,
  tinyRun,
  unclearErrors,
  type TinyRun,
} from './harness.ts';

const envRuns = process.env.FC_NUM_RUNS;
/** Runs per property: small by default, FC_NUM_RUNS when set (it overrides every property). */
const runs = (n: number) => (envRuns !== undefined && envRuns !== '' ? Number(envRuns) : n);
/**
 * A property's time limit: 2 minutes, or a second a case when run deeper. (Each case has its own
 * budget too, PARSE_BUDGET_MS and RUN_BUDGET_S below, so one slow case fails on its own.)
 */
const timeFor = (n: number) => Math.max(120_000, runs(n) * 1_000);

// ---------------------------------------------------------------------------------------------
// Mutations of a parsed file. Values that JSON.stringify cannot write (NaN, -0, 1e309, a 10 MB
// string, 10,000 brackets) travel as raw tokens: a placeholder string replaced by the token's text
// after serialization.

/** A token spliced into the JSON text as is; shown shortened when fast-check prints a case. */
class Raw {
  constructor(readonly raw: string) {}
  [fc.toStringMethod](): string {
    const r = this.raw;
    return r.length <= 40 ? `raw(${r})` : `raw(${r.slice(0, 12)}… ${r.length} characters)`;
  }
}
type Value = Raw | null | boolean | number | string | unknown[] | Record<string, unknown>;

const MARK = '\uE000';
const SCENARIO_SCHEMA = Scenario as unknown as SchemaNode;
const raw = (text: string): Raw => new Raw(text);
const isRaw = (v: unknown): v is Raw => v instanceof Raw;

const TEN_MB = `"${'x'.repeat(10_000_000)}"`;
const FOUR_MB = `"${'y'.repeat(4_000_000)}"`;
const DEEP_ARRAYS = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const DEEP_OBJECTS = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

/** Number tokens as JSON text: the edges of doubles, of integers, of probabilities and of zero. */
const NUMBER_TOKENS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '1e308',
  '-1e308',
  '1e309',
  '9007199254740993',
  '4294967296',
  '5e-324',
  '1e-400',
  '-1',
  '-0.5',
  '0.999999',
  '1.0000001',
  '1.5',
  '2',
  '1e9',
  '1e12',
  '1e13',
  '01',
  '1.',
  '.5',
];

const STRINGS = [
  '',
  'ghost',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'constructor',
  '__proto__',
  'prototype',
  'baseline',
  'excellent',
  'channels.ghost.agents',
  'channels.callCentre.__proto__',
  'journeys.onboarding.quality',
  'totals.npv.mean',
  '=HYPERLINK("http://evil.example","x")',
  '\u202Eevil',
  '\uFEFF',
  'a'.repeat(201),
  'EUR',
];

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBER_TOKENS).map(raw) },
  { weight: 3, arbitrary: fc.constantFrom<Value>(...STRINGS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Value>(null, true, false, {}, [], [1, 2, 3], { a: 1 }, [null]),
  },
  {
    weight: 2,
    arbitrary: fc
      .double()
      .map((x) =>
        Number.isFinite(x) && !Object.is(x, -0) ? x : raw(Object.is(x, -0) ? '-0' : String(x)),
      ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(TEN_MB, FOUR_MB, DEEP_ARRAYS, DEEP_OBJECTS).map(raw) },
);

const keyArb = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'agnets',
    'extra',
    'ghost',
    'x'.repeat(100),
    '',
  ),
  fc.string({ maxLength: 12 }),
);

type Mutation =
  | { kind: 'boundary'; at: number; where: 'min' | 'max' | 'inside' }
  | { kind: 'replace'; at: number; value: Value }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: Value }
  | { kind: 'renameKey'; at: number; to: string }
  | { kind: 'scale'; at: number; factor: number }
  | { kind: 'schemaVersion'; value: Value };

/** A number set to an edge its schema allows: valid in itself, extreme for the model. */
const boundaryArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('boundary' as const),
  at: fc.nat(),
  where: fc.constantFrom('min' as const, 'max' as const, 'inside' as const),
});

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: boundaryArb },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: valueArb }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('addKey' as const),
      at: fc.nat(),
      key: keyArb,
      value: valueArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('renameKey' as const),
      at: fc.nat(),
      to: fc.constantFrom('ghost', 'toString', 'valueOf', '__proto__', 'constructor', 'Seg-2', ''),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('scale' as const),
      at: fc.nat(),
      factor: fc.constantFrom(-1, 0, 0.5, 1.01, 2, 10, 1e3, 1e6, 1e9),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('schemaVersion' as const),
      value: fc.constantFrom<Value>(0, 1, 2, 3, 99, -1, 2.5, '2', null, raw('1e400')),
    }),
  },
);

type Path = (string | number)[];
type Container = Record<string, unknown> | unknown[];

/** Every path in a document, and the paths of its objects (where keys can be added or renamed). */
function pathsOf(doc: unknown): { all: Path[]; objects: Path[]; numbers: Path[] } {
  const all: Path[] = [];
  const objects: Path[] = [];
  const numbers: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    if (path.length > 0) all.push(path);
    if (typeof node === 'number') numbers.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (typeof node === 'object' && node !== null && !isRaw(node)) {
      objects.push(path);
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(doc, []);
  return { all, objects, numbers };
}

function parentOf(doc: unknown, path: Path): Container | undefined {
  let node: unknown = doc;
  for (const part of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return typeof node === 'object' && node !== null ? (node as Container) : undefined;
}

/** Sets an own data property (never the `__proto__` setter): JSON.stringify writes it as a key. */
function define(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function apply(doc: Record<string, unknown>, mutation: Mutation): void {
  const { all, objects, numbers } = pathsOf(doc);
  const pick = <T>(list: T[], at: number): T | undefined =>
    list.length === 0 ? undefined : list[at % list.length];
  switch (mutation.kind) {
    case 'boundary': {
      const path = pick(numbers, mutation.at);
      const parent = path && parentOf(doc, path);
      const node = path && schemaAt(SCENARIO_SCHEMA, path, doc);
      if (!path || !parent || node === undefined) return;
      const integer = node.type === 'integer';
      const step = integer ? 1 : 1e-9;
      const lo =
        node.minimum ??
        (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + step : undefined);
      const hi =
        node.maximum ??
        (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - step : undefined);
      const value =
        mutation.where === 'min'
          ? lo
          : mutation.where === 'max'
            ? hi
            : lo !== undefined && hi !== undefined
              ? integer
                ? Math.floor((lo + hi) / 2)
                : (lo + hi) / 2
              : undefined;
      if (value !== undefined) define(parent, path[path.length - 1]!, value);
      return;
    }
    case 'schemaVersion':
      define(doc, 'schemaVersion', mutation.value);
      return;
    case 'replace': {
      const path = pick(all, mutation.at);
      const parent = path && parentOf(doc, path);
      if (path && parent) define(parent, path[path.length - 1]!, mutation.value);
      return;
    }
    case 'delete': {
      const path = pick(all, mutation.at);
      const parent = path && parentOf(doc, path);
      if (!path || !parent) return;
      const key = path[path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    }
    case 'addKey': {
      const path = pick(objects, mutation.at);
      if (path === undefined) return;
      const target = path.length === 0 ? doc : parentOf(doc, [...path, '']);
      if (target && !Array.isArray(target)) define(target, mutation.key, mutation.value);
      return;
    }
    case 'renameKey': {
      const path = pick(
        all.filter((p) => typeof p[p.length - 1] === 'string'),
        mutation.at,
      );
      const parent = path && parentOf(doc, path);
      if (!path || !parent || Array.isArray(parent)) return;
      const key = path[path.length - 1] as string;
      // Rebuilt in order, so the renamed key keeps its place.
      const entries = Object.entries(parent);
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, v] of entries) define(parent, k === key ? mutation.to : k, v);
      return;
    }
    case 'scale': {
      const path = pick(numbers, mutation.at);
      const parent = path && parentOf(doc, path);
      if (!path || !parent) return;
      const key = path[path.length - 1]!;
      const x = (parent as Record<string | number, number>)[key]! * mutation.factor;
      define(parent, key, Number.isFinite(x) ? x : raw(String(x)));
      return;
    }
  }
}

/** JSON text of a mutated document, raw tokens spliced in. */
function serialize(doc: unknown): string {
  const tokens: string[] = [];
  const text = JSON.stringify(
    doc,
    (_key, value: unknown) => {
      if (isRaw(value)) {
        tokens.push(value.raw);
        return `${MARK}${tokens.length - 1}${MARK}`;
      }
      return value;
    },
    2,
  );
  return text.replace(
    new RegExp(`"${MARK}(\\d+)${MARK}"`, 'g'),
    (_m, i: string) => tokens[Number(i)]!,
  );
}

// ---------------------------------------------------------------------------------------------
// Byte-level mutations: what arrives by mail from another editor or platform.

const INVALID_SEQUENCES = [
  [0xff],
  [0xfe],
  [0x80],
  [0xbf],
  [0xc0, 0x80], // overlong NUL
  [0xc1, 0xbf], // overlong
  [0xe0, 0x80, 0xaf], // overlong "/"
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf5, 0x80, 0x80, 0x80],
  [0xe2, 0x82], // cut short
  [0xf0, 0x9f, 0x98], // an emoji cut short
  [0xe9], // "é" in Latin-1
  [0x92], // a Windows-1252 apostrophe
];
const VALID_SEQUENCES = [
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0x00],
  [0x7f],
];

type ByteMutation =
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'bom'; bom: 'utf8' | 'utf8-twice' | 'utf16le' | 'utf16be' | 'utf32le' }
  | { kind: 'truncate'; at: number }
  | { kind: 'overwrite'; at: number; byte: number };

const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.constantFrom(...INVALID_SEQUENCES, ...VALID_SEQUENCES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bom' as const),
      bom: fc.constantFrom(
        'utf8' as const,
        'utf8-twice' as const,
        'utf16le' as const,
        'utf16be' as const,
        'utf32le' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('truncate' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('overwrite' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
  },
);

const BOMS = {
  utf8: [0xef, 0xbb, 0xbf],
  'utf8-twice': [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  utf32le: [0xff, 0xfe, 0x00, 0x00],
} as const;

function applyBytes(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const at = (f: number) => Math.min(bytes.length, Math.floor(f * bytes.length));
  switch (mutation.kind) {
    case 'insert': {
      const i = at(mutation.at);
      return Uint8Array.from([...bytes.subarray(0, i), ...mutation.bytes, ...bytes.subarray(i)]);
    }
    case 'bom':
      return Uint8Array.from([...BOMS[mutation.bom], ...bytes]);
    case 'truncate':
      return bytes.slice(0, at(mutation.at));
    case 'overwrite': {
      const out = bytes.slice();
      if (out.length > 0) out[Math.min(out.length - 1, at(mutation.at))] = mutation.byte;
      return out;
    }
  }
}

/** Whether bytes are UTF-8, by a reference independent of decodeUtf8: Node's lenient decoder
 * replaces invalid bytes with U+FFFD, so they do not survive the round trip. */
function isUtf8(bytes: Uint8Array): boolean {
  return Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8').equals(Buffer.from(bytes));
}

// ---------------------------------------------------------------------------------------------
// The assertions.

const PARSE_BUDGET_MS = 3_000;
const RUN_BUDGET_S = 30;
const tally = { invalid: 0, valid: 0, limitStops: 0 };

async function checkValid(scenario: Parameters<typeof tinyRun>[0], replications: number) {
  let run: TinyRun;
  try {
    run = await tinyRun(scenario, { replications, agents: 300 });
  } catch (error) {
    throw new Error(`a valid scenario's run threw: ${(error as Error).stack ?? String(error)}`);
  }
  expect(run.seconds).toBeLessThan(RUN_BUDGET_S);
  if (run.outcome.stoppedBy !== 'complete') {
    // The one documented way a valid file may stop short (see harness.ts).
    expect(run.outcome.stoppedBy).toBe('error');
    expect(run.outcome.error).toMatch(ENGINE_LIMIT_MESSAGE);
    tally.limitStops++;
    return;
  }
  expect(nonFinite(run.result)).toEqual([]);
}

describe('mutated scenario files (parseScenarioBytes)', () => {
  it(
    'give clear errors or a finite run; never a throw, a hang or a polluted prototype',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...BASES.map((b) => b.name)),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: byteMutationArb },
          ),
          fc.constantFrom(1, 2),
          async (base, mutations, byteMutation, replications) => {
            const before = prototypeState();
            const doc = baseJson(base);
            for (const m of mutations) apply(doc, m);
            let bytes: Uint8Array = new TextEncoder().encode(serialize(doc));
            if (byteMutation !== null) bytes = applyBytes(bytes, byteMutation);

            const started = performance.now();
            const parsed = parseScenarioBytes(bytes, 'mutant.json');
            expect(performance.now() - started).toBeLessThan(PARSE_BUDGET_MS);
            expect(prototypeState()).toBe(before);

            if (!parsed.ok) {
              tally.invalid++;
              expect(unclearErrors(parsed.errors)).toEqual([]);
              expect(parsed.errors.every((e) => e.file === 'mutant.json')).toBe(true);
              // Never decoded leniently: bytes that are not UTF-8 are reported as such (once the
              // file is within the size limit, which is checked first).
              if (!isUtf8(bytes) && bytes.length <= RUN_LIMITS.maxFileBytes)
                expect(parsed.errors[0]!.message).toMatch(/^not UTF-8 text/);
              return;
            }
            tally.valid++;
            expect(isUtf8(bytes)).toBe(true);
            expect(parsed.hash).toMatch(/^sha256:[0-9a-f]{16}$/);
            await checkValid(parsed.scenario, replications);
            expect(prototypeState()).toBe(before);
          },
        ),
        { numRuns: runs(80) },
      );
      // The mix is worth having only if both outcomes occur.
      expect(tally.invalid).toBeGreaterThan(0);
      expect(tally.valid).toBeGreaterThan(0);
      console.info(`parseScenarioBytes mutants: ${JSON.stringify(tally)}`);
    },
    timeFor(80),
  );
});

describe('files pushed to the edges their schema allows', () => {
  it(
    'mostly validate, and then run to finite results (or are refused by a model rule)',
    async () => {
      const counts = { invalid: 0, valid: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...BASES.filter((b) => !b.name.includes('v1')).map((b) => b.name)),
          fc.array(boundaryArb, { minLength: 1, maxLength: 4 }),
          async (base, mutations) => {
            const before = prototypeState();
            const doc = baseJson(base);
            for (const m of mutations) apply(doc, m);
            const parsed = parseScenarioBytes(new TextEncoder().encode(serialize(doc)));
            if (!parsed.ok) {
              counts.invalid++;
              expect(unclearErrors(parsed.errors)).toEqual([]);
              return;
            }
            counts.valid++;
            await checkValid(parsed.scenario, 1);
            expect(prototypeState()).toBe(before);
          },
        ),
        { numRuns: runs(25) },
      );
      console.info(`edge mutants: ${JSON.stringify(counts)}`);
      expect(counts.valid).toBeGreaterThan(0);
    },
    timeFor(25),
  );
});

// Objects handed to validateScenario (forms, code, the app's state): here NaN, ±Infinity and -0
// are real numbers, and a `__proto__` key is an own property made with defineProperty.
function toObject(value: unknown): unknown {
  if (isRaw(value)) {
    const r = value.raw;
    if (r.length > 100) return r.startsWith('"') ? r.slice(1, -1) : [];
    const n = Number(r);
    return r === 'NaN' ? NaN : Number.isNaN(n) ? r : n;
  }
  if (Array.isArray(value)) return value.map(toObject);
  if (typeof value === 'object' && value !== null) {
    const out = {};
    for (const [k, v] of Object.entries(value)) define(out, k, toObject(v));
    return out;
  }
  return value;
}

const objectTally = { invalid: 0, valid: 0 };

describe('mutated scenario objects (validateScenario)', () => {
  it(
    'give clear errors or a finite run, with NaN, ±Infinity and -0 as real numbers',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...BASES.filter((b) => !b.name.includes('v1')).map((b) => b.name)),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async (base, mutations) => {
            const before = prototypeState();
            const doc = baseJson(base);
            for (const m of mutations) apply(doc, m);
            const input = toObject(doc);
            const started = performance.now();
            const result = validateScenario(input);
            expect(performance.now() - started).toBeLessThan(PARSE_BUDGET_MS);
            expect(prototypeState()).toBe(before);
            if (!result.ok) {
              objectTally.invalid++;
              expect(unclearErrors(result.errors)).toEqual([]);
              return;
            }
            objectTally.valid++;
            await checkValid(result.scenario, 1);
            expect(prototypeState()).toBe(before);
          },
        ),
        { numRuns: runs(40) },
      );
      expect(objectTally.invalid).toBeGreaterThan(0);
      expect(objectTally.valid).toBeGreaterThan(0);
    },
    timeFor(40),
  );
});

describe('hostile cases, one by one', () => {
  const text = serialize(baseJson('default'));
  const bytesOf = (s: string) => new TextEncoder().encode(s);
  const errorsOf = (input: string | Uint8Array) => {
    const result = parseScenarioBytes(typeof input === 'string' ? bytesOf(input) : input);
    expect(result.ok).toBe(false);
    if (result.ok) return [];
    expect(unclearErrors(result.errors)).toEqual([]);
    return result.errors;
  };

  it('refuses 10,000 levels of nesting at the 65th, with its line and column', () => {
    for (const deep of [DEEP_ARRAYS, DEEP_OBJECTS]) {
      const [error] = errorsOf(text.replace('"horizonMonths": 36', `"horizonMonths": ${deep}`));
      expect(error!.message).toMatch(
        /^JSON syntax error at line \d+, column \d+: nesting deeper than 64 levels$/,
      );
    }
  });

  it('refuses a 10 MB file by its size, before parsing it', () => {
    const [error] = errorsOf(text.replace('"Northbank', `${TEN_MB.slice(0, -1)}Northbank`));
    expect(error!.message).toMatch(/^the file is 10 MB; a scenario file may be at most 5 MB$/);
  });

  it('names a 4 MB string by its length, and quotes a 4 MB key by its start, in milliseconds', () => {
    const started = performance.now();
    const [title] = errorsOf(text.replace(/"title": "[^"]*"/, `"title": ${FOUR_MB}`));
    expect(title).toEqual({
      path: 'title',
      message: 'expected text of at most 200 characters, got 4000000',
    });
    // A key this long once took a minute: the typo suggester compared it with every known key.
    const [key] = errorsOf(text.replace('"horizonMonths"', `${FOUR_MB}: 1, "horizonMonths"`));
    expect(key!.path).toBe('model');
    expect(key!.message).toMatch(/^unknown key "y{40}…" \(4000000 characters\)/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('lists a 4 MB variant id by its start wherever it lists ids, in milliseconds', () => {
    // Found by the mutation property (seed -1608124879): the variant a check named was renamed to
    // 4 MB of text, and the message listing the variants quoted all of it.
    const started = performance.now();
    const errors = errorsOf(text.replace('"id": "moreAgents"', `"id": ${FOUR_MB}`));
    expect(unclearErrors(errors)).toEqual([]);
    const listed = errors.find((e) => e.path === 'expect[0].variant');
    expect(listed!.message).toMatch(
      /^expected baseline or one of the variants \(y{40}… \(4000000 characters\), betterApp, journeyExcellence\), got "moreAgents"/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports __proto__, constructor and prototype keys (own keys from JSON text) and pollutes nothing', () => {
    const before = prototypeState();
    for (const key of FORBIDDEN_KEYS) {
      for (const [where, replaced] of [
        ['the file', text.replace('{', `{"${key}": {"polluted": true},`)],
        [
          'the model',
          text.replace('"horizonMonths"', `"${key}": {"polluted": true}, "horizonMonths"`),
        ],
        [
          'a segment map',
          text.replace('"everyday": {', `"${key}": {"polluted": true}, "everyday": {`),
        ],
        [
          'a variant override',
          text.replace('"overrides": {', `"overrides": {"${key}": {"polluted": true},`),
        ],
      ] as const) {
        const errors = errorsOf(replaced);
        expect(
          errors.map((e) => e.message),
          where,
        ).toContain(`"${key}" is not allowed as a key`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeState()).toBe(before);
  });

  it('reports invalid UTF-8 with its line and column, never as replacement characters', () => {
    const bytes = bytesOf(text);
    const at = text.indexOf('Northbank');
    const latin1 = Uint8Array.from([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at)]);
    const [error] = errorsOf(latin1);
    expect(error!.message).toMatch(
      /^not UTF-8 text: the byte 0xE9 at line 5, column 13 \(byte \d+\) is the start of a sequence that is cut short/,
    );
    const [utf16] = errorsOf(Uint8Array.from([0xff, 0xfe, ...bytes]));
    expect(utf16!.message).toMatch(/UTF-16 \(little-endian\).*save it as UTF-8/);
    // A UTF-8 byte order mark is fine.
    expect(parseScenarioBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])).ok).toBe(true);
  });

  it('the CLI refuses a Latin-1 file as not UTF-8, in one line with its line and column, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeycast-fuzz-'));
    try {
      const file = join(dir, 'latin1.json');
      const bytes = bytesOf(text);
      const at = text.indexOf('Northbank');
      writeFileSync(file, Uint8Array.from([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at)]));
      const run = await journeycast(['validate', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /latin1\.json: not UTF-8 text: the byte 0xE9 at line 5, column 13 \(byte \d+\)/,
      );
      expect(hasStackTrace(run.stderr)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads version 1 files through the migration, and refuses versions 0 and 99 by name', () => {
    const v1 = parseScenarioBytes(bytesOf(serialize(baseJson('default.v1 (schema version 1)'))));
    expect(v1.ok && v1.migratedFrom).toBe(1);
    const [v0] = errorsOf(text.replace('"schemaVersion": 2', '"schemaVersion": 0'));
    expect(v0).toMatchObject({
      path: 'schemaVersion',
      message: expect.stringMatching(
        /^expected a whole number ≥ 1 \(this build reads versions 1 to 2\), got 0$/,
      ),
    });
    const [v99] = errorsOf(text.replace('"schemaVersion": 2', '"schemaVersion": 99'));
    expect(v99!.message).toBe(
      'written by a newer Journeycast: schemaVersion 99; this build reads up to 2',
    );
  });

  it('treats ids named like Object.prototype members as ids (a "toString" segment is a segment)', async () => {
    // Before the fix, compile.ts and touchpointContactProbability read mix["toString"] through the
    // prototype: a segment called "toString" or "valueOf" changed every result.
    const results: string[] = [];
    for (const id of ['plainId', 'toString', 'valueOf', 'hasOwnProperty']) {
      const doc = baseJson('default') as { model: { segments: Record<string, unknown> } };
      define(doc.model.segments, id, {
        ...(doc.model.segments.everyday as object),
        label: 'Extra',
      });
      const parsed = parseScenarioBytes(bytesOf(serialize(doc)));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const run = await tinyRun(parsed.scenario, { replications: 1, agents: 200 });
      expect(run.outcome.stoppedBy).toBe('complete');
      results.push(JSON.stringify(run.result!.variants.baseline!.totals));
    }
    expect(new Set(results).size).toBe(1);
  });
});
