/**
 * A scenario's canonical form and the hash that stamps every result and export.
 *
 * The canonical form is JSON with object keys sorted (by UTF-16 code units, recursively), no
 * whitespace, numbers as JavaScript writes them (shortest round-trip form, -0 as 0) and the
 * top-level `$schema` left out (it only tells editors where the schema is). This is the JSON
 * Canonicalization Scheme of RFC 8785 for the data a scenario can hold, so two files that say the
 * same thing have the same hash, however they are formatted or ordered.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Keys left out of the canonical form at the top level. */
const IGNORED_TOP_LEVEL_KEYS = new Set(['$schema']);

/**
 * @example
 * canonicalJson({ b: [1, { d: 2, c: -0 }], a: 'x', $schema: '../schema/scenario.schema.json' });
 * // => '{"a":"x","b":[1,{"c":0,"d":2}]}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, true, '');
}

function write(value: unknown, top: boolean, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(
          `canonicalJson: ${path || 'the value'} is ${value}, which JSON cannot hold`,
        );
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => write(item, false, `${path}[${i}]`)).join(',')}]`;
      }
      const keys = Object.keys(value)
        .filter((key) => !(top && IGNORED_TOP_LEVEL_KEYS.has(key)))
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort();
      const parts = keys.map(
        (key) =>
          `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], false, path ? `${path}.${key}` : key)}`,
      );
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(
        `canonicalJson: ${path || 'the value'} is ${typeof value}, which JSON cannot hold`,
      );
  }
}

/**
 * `sha256:` and the first 16 hex digits (64 bits) of the SHA-256 of the canonical JSON: enough to
 * tell scenarios apart, short enough to print on every result.
 *
 * @example
 * scenarioHash(libraryScenario('default')); // => 'sha256:…' (16 hex digits)
 */
export function scenarioHash(scenario: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(scenario)))).slice(0, 16)}`;
}
