/**
 * From the text of a scenario file to a validated scenario and its hash: size limit, UTF-8 byte
 * order mark, JSON syntax (with line and column), nesting depth, migrations from older schema
 * versions, then validation. The one entry point for files, uploads, pasted text and shared URLs.
 */
import { scenarioHash } from './canonical.ts';
import { migrateScenario } from './migrations.ts';
import { decodeUtf8 } from './parse/decodeUtf8.ts';
import { parseJson } from './parse/parseJson.ts';
import { RUN_LIMITS, SCHEMA_VERSION, type Scenario } from './schema/scenarioSchema.ts';
import type { ScenarioError } from './validate/errors.ts';
import { validateScenario } from './validate/validateScenario.ts';

/** How deep a scenario file may nest objects and arrays (the schema needs about 8). */
export const MAX_JSON_DEPTH = 64;

export type ParseScenarioResult =
  | { ok: true; scenario: Scenario; hash: string; migratedFrom?: number }
  | { ok: false; errors: ScenarioError[] };

function megabytes(bytes: number): string {
  return `${Number((bytes / 1e6).toPrecision(3))} MB`;
}

/** "the file is 9.6 MB; … at most 5 MB", in bytes when the rounded sizes would read the same. */
function sizeMessage(bytes: number, limit: number): string {
  return megabytes(bytes) === megabytes(limit)
    ? `the file is ${bytes} bytes; a scenario file may be at most ${limit} bytes (${megabytes(limit)})`
    : `the file is ${megabytes(bytes)}; a scenario file may be at most ${megabytes(limit)}`;
}

/** Bytes of a string in UTF-8, without allocating it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * @param fileName shown with every error (`default.json: run.agents: …`), when given.
 * @example
 * parseScenarioText('{ "schemaVersion": 2, …')
 * // => { ok: false, errors: [{ path: '', message: 'JSON syntax error at line 1, column 23: …' }] }
 */
export function parseScenarioText(text: string, fileName?: string): ParseScenarioResult {
  const fail = (errors: ScenarioError[]): ParseScenarioResult => ({
    ok: false,
    errors: fileName === undefined ? errors : errors.map((e) => ({ ...e, file: fileName })),
  });
  const limit = RUN_LIMITS.maxFileBytes;
  // UTF-8 never takes fewer bytes than UTF-16 units, so a long string is too big without counting.
  const bytes = text.length > limit ? text.length : utf8Length(text);
  if (bytes > limit) {
    return fail([
      {
        path: '',
        message: sizeMessage(bytes, limit),
      },
    ]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJson(body, { maxDepth: MAX_JSON_DEPTH });
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return fail([
      { path: '', message: `JSON syntax error at line ${line}, column ${column}: ${message}` },
    ]);
  }
  const migrated = migrateScenario(parsed.value);
  if (!migrated.ok) return fail(migrated.errors);
  const validated = validateScenario(migrated.scenario);
  if (!validated.ok) {
    if (migrated.migratedFrom === undefined) return fail(validated.errors);
    // Paths refer to the migrated (current) form; say so, since the file may spell them otherwise.
    return fail([
      ...validated.errors,
      {
        path: '',
        message: `(the file is schema version ${migrated.migratedFrom}: the paths above are those of version ${SCHEMA_VERSION}, after migration)`,
      },
    ]);
  }
  return {
    ok: true,
    scenario: validated.scenario,
    hash: scenarioHash(validated.scenario),
    ...(migrated.migratedFrom !== undefined ? { migratedFrom: migrated.migratedFrom } : {}),
  };
}

/**
 * From the bytes of a scenario file (a CLI read, a dropped or uploaded file's ArrayBuffer): the
 * size limit on the bytes, strict UTF-8 (the first invalid byte reported with its line and
 * column, never replaced by U+FFFD; see parse/decodeUtf8.ts), then `parseScenarioText`. Prefer it
 * to decoding first: `Blob.text()` and `readFileSync(…, 'utf8')` replace invalid bytes silently.
 *
 * @example
 * parseScenarioBytes(new Uint8Array(await file.arrayBuffer()), file.name);
 */
export function parseScenarioBytes(bytes: Uint8Array, fileName?: string): ParseScenarioResult {
  const withFile = (message: string): ParseScenarioResult => ({
    ok: false,
    errors: [{ path: '', message, ...(fileName !== undefined ? { file: fileName } : {}) }],
  });
  const limit = RUN_LIMITS.maxFileBytes;
  if (bytes.length > limit) {
    return withFile(sizeMessage(bytes.length, limit));
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return withFile(decoded.error.message);
  return parseScenarioText(decoded.text, fileName);
}
