/**
 * The replay cache: a scenario whose verification provably cannot have changed is not simulated
 * again. The engine is deterministic (same scenario, seed and engine code ⇒ the same numbers,
 * whatever the number of workers), so a replay's outcome is a function of
 *   - the scenario's canonical form (its run settings, model, variants and expectations),
 *   - the bytes of its snapshot `<id>.expected.json`,
 *   - the code that simulates and checks it: the sources of @journeycast/models, sim-core and
 *     scenarios (every non-test .ts file, hashed, so an engine or CLI change misses even when
 *     ENGINE_VERSION was not bumped), the engine version, and the Node version.
 * The key is the SHA-256 of all of these; an entry holds the outcome of a replay that passed, and
 * is read back in place of running it. Only passes are kept: a failure is always re-run, with its
 * full report.
 *
 * Where: `node_modules/.cache/journeycast/replay` under the nearest directory with a
 * package.json, from the working directory (the convention of find-cache-dir, which Babel and
 * others follow), or `JOURNEYCAST_CACHE_DIR`. A fresh clone (CI) has none, so it runs everything;
 * `journeycast replay --no-cache` runs everything too. At most MAX_ENTRIES entries are kept, the
 * least recently written dropped first.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '@journeycast/sim-core';
import { canonicalJson } from '../canonical.ts';
import type { Scenario } from '../schema/scenarioSchema.ts';

/** Bump when the cached outcome's shape or meaning changes. */
const CACHE_FORMAT = 1;
const MAX_ENTRIES = 500;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The cache directory, or undefined when there is no package directory to put it in. */
export function replayCacheDir(cwd = process.cwd()): string | undefined {
  const configured = process.env.JOURNEYCAST_CACHE_DIR;
  if (configured !== undefined && configured !== '') return configured;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')))
      return join(dir, 'node_modules', '.cache', 'journeycast', 'replay');
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every non-test TypeScript file under `dir`, sorted, for hashing. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '__snapshots__') walk(path);
      } else if (/\.(ts|mjs|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
        out.push(path);
      }
    }
  };
  walk(dir);
  return out.sort();
}

let codeHashMemo: string | undefined;

/**
 * A hash of the code a replay's outcome depends on: the sources of the three packages (src/, and
 * the scenarios package's bin/), their package.json files, and the Node version.
 */
export function codeHash(): string {
  if (codeHashMemo !== undefined) return codeHashMemo;
  const require = createRequire(import.meta.url);
  const own = fileURLToPath(new URL('../../', import.meta.url));
  const packages = [
    own,
    dirname(require.resolve('@journeycast/sim-core/package.json')),
    dirname(require.resolve('@journeycast/models/package.json')),
  ];
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const pkg of packages) {
    const files = [join(pkg, 'package.json'), ...sourceFiles(join(pkg, 'src'))];
    if (pkg === own) files.push(...sourceFiles(join(pkg, 'bin')));
    for (const file of files) {
      hash.update(`${relative(pkg, file)}\n`);
      hash.update(readFileSync(file));
      hash.update('\n');
    }
  }
  codeHashMemo = hash.digest('hex');
  return codeHashMemo;
}

/** The key of a replay: scenario, snapshot bytes (undefined: none), code, engine version. */
export function replayKey(scenario: Scenario, snapshotBytes: Buffer | undefined): string {
  return sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      engineVersion: ENGINE_VERSION,
      code: codeHash(),
      scenario: sha256(canonicalJson(scenario)),
      snapshot: snapshotBytes === undefined ? null : sha256(snapshotBytes),
    }),
  );
}

/** A cached outcome, or undefined (none, unreadable, or written by another format). */
export function readCached<T>(dir: string, key: string): T | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as {
      format?: number;
      outcome?: T;
    };
    return entry.format === CACHE_FORMAT && entry.outcome !== undefined ? entry.outcome : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores an outcome (atomically: a reader never sees half an entry), then keeps the newest
 * MAX_ENTRIES. A cache that cannot be written is no error: the replay has its answer already.
 */
export function writeCached(dir: string, key: string, outcome: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ format: CACHE_FORMAT, outcome })}\n`);
    renameSync(temporary, file);
    const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
    if (entries.length > MAX_ENTRIES) {
      const byAge = entries
        .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
        .sort((a, b) => a.time - b.time);
      for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES))
        rmSync(join(dir, name), { force: true });
    }
  } catch {
    // Read-only or full: the next replay runs again, which is always correct.
  }
}
