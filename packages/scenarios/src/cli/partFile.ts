/**
 * Part files: what `journeycast run|sweep --shard i/n --out FILE` writes and `journeycast merge`
 * reads. One JSON document, self-contained (the scenario travels inside it, so merging needs no
 * other file), holding every replication summary of its shard bit for bit: each Float64Array as
 * base64 of its bytes, little-endian, so a merge sees exactly the numbers a single machine would.
 *
 * The scenario keeps the key order of its file. The numbers do not depend on it (the engine takes
 * ids in sorted order: sim-core keyOrder.spec.ts), but the reports list variants, channels and
 * sources in the file's order, so a merge is byte-identical to a one-machine run of the same file
 * only when every part carries that order. A digest (SHA-256 of the part's JSON without it, keys in
 * file order)
 * catches a part edited, reordered or damaged on its way between machines. docs/scaling.md
 * describes the format field by field.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Shard } from '../scale/shards.ts';
import type { BaselineChange } from '../validate/baselineChanges.ts';
import { CliError } from './cliError.ts';

export const PART_FORMAT = 'journeycast-part';
export const PART_FORMAT_VERSION = 1;
export const SUMMARY_ENCODING =
  'base64 of each summary Float64Array: IEEE 754 binary64, little-endian, in sim-core summaryLayout order';

/** The settings every part of one run or sweep must share (resolved: no defaults left). */
export interface PartOptions {
  /** Variants besides the baseline, in plan order (a sweep's are its points: empty here). */
  variants: string[];
  /** Replications of the whole run, over all shards. */
  replications: number;
  agents: number;
  seed: number;
  /** --set changes to the baseline, in order. */
  set: BaselineChange[];
}

/** What a sweep part adds: the sweep as asked for, and the values that gave. */
export interface PartSweep {
  path: string;
  from: number;
  to: number;
  steps: number;
  variant: string | null;
  values: (number | string)[];
}

interface PartHeader {
  format: typeof PART_FORMAT;
  formatVersion: typeof PART_FORMAT_VERSION;
  digest: string;
  engineVersion: string;
  scenarioHash: string;
  shard: Shard;
  options: PartOptions;
  encoding: string;
  /** The scenario as read (before --set), keys in its file's order. */
  scenario: unknown;
}

export interface RunPartRecord {
  replication: number;
  /** One per variant, baseline first. */
  summaries: string[];
}

export interface SweepPartRecord {
  replication: number;
  /** 0: the unchanged baseline; k: the k-th value. */
  point: number;
  summary: string;
}

export interface RunPart extends PartHeader {
  kind: 'run';
  records: RunPartRecord[];
}

export interface SweepPart extends PartHeader {
  kind: 'sweep';
  sweep: PartSweep;
  records: SweepPartRecord[];
}

export type Part = RunPart | SweepPart;

/** A part without its digest: what `writePart` completes. */
export type PartContent = Omit<RunPart, 'digest'> | Omit<SweepPart, 'digest'>;

const bigEndian = endianness() === 'BE';

/** A summary's bytes as base64, little-endian on any machine. */
export function encodeSummary(summary: Float64Array): string {
  const bytes = Buffer.from(summary.buffer, summary.byteOffset, summary.byteLength);
  return (bigEndian ? Buffer.from(bytes).swap64() : bytes).toString('base64');
}

/** base64 back to a summary of `length` numbers, or undefined when the length is wrong. */
export function decodeSummary(text: string, length: number): Float64Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength !== length * 8 || bytes.toString('base64') !== text) return undefined;
  // Copied into a fresh, aligned buffer: a Float64Array needs an offset divisible by 8.
  const copy = new Uint8Array(bytes);
  if (bigEndian) Buffer.from(copy.buffer).swap64();
  return new Float64Array(copy.buffer);
}

/** SHA-256 of the JSON of everything but the digest, as JSON.stringify writes it (key order kept). */
function digestOf(content: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`;
}

/** Writes a part with its digest (keys in reading order: the header first, summaries last). */
export function writePart(file: string, content: PartContent): void {
  const { format, formatVersion, ...rest } = content;
  // The digest covers the fields in the order they are written, which is the order read back.
  const digest = digestOf({ format, formatVersion, ...rest });
  const part = { format, formatVersion, digest, ...rest };
  try {
    writeFileSync(file, `${JSON.stringify(part, null, 1)}\n`);
  } catch (error) {
    throw new CliError(
      `--out ${file}: cannot write (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a part file: JSON, the format marker and version, the digest, then the shape. */
export function readPart(file: string): Part {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? error})`,
    );
  }
  const notPart = (why: string) =>
    new CliError(
      `${file}: not a journeycast part file (${why}; parts are what journeycast run|sweep --shard i/n --out FILE writes)`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notPart(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value) || value.format !== PART_FORMAT)
    throw notPart(`no "format": "${PART_FORMAT}"`);
  if (value.formatVersion !== PART_FORMAT_VERSION) {
    throw new CliError(
      `${file}: part format version ${JSON.stringify(value.formatVersion)}; this journeycast reads version ${PART_FORMAT_VERSION}`,
    );
  }
  const { digest, ...content } = value;
  if (typeof digest !== 'string' || digest !== digestOf(content)) {
    throw new CliError(
      `${file}: the content does not match its digest (${typeof digest === 'string' ? digest : 'none'}): the file was changed or damaged after journeycast wrote it`,
    );
  }
  // The digest vouches for the bytes; these checks catch a part written by something else.
  const problem = shapeProblem(value);
  if (problem !== undefined) throw notPart(problem);
  return value as unknown as Part;
}

function shapeProblem(part: Record<string, unknown>): string | undefined {
  if (part.kind !== 'run' && part.kind !== 'sweep')
    return `kind: expected "run" or "sweep", got ${JSON.stringify(part.kind)}`;
  for (const key of ['engineVersion', 'scenarioHash', 'encoding'] as const)
    if (typeof part[key] !== 'string') return `${key}: expected text`;
  const shard = part.shard;
  if (
    !isObject(shard) ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    (shard.index as number) < 1 ||
    (shard.index as number) > (shard.count as number)
  )
    return 'shard: expected {"index": i, "count": n} with 1 ≤ i ≤ n';
  const options = part.options;
  if (
    !isObject(options) ||
    !Array.isArray(options.variants) ||
    !options.variants.every((v) => typeof v === 'string') ||
    !Number.isInteger(options.replications) ||
    !Number.isInteger(options.agents) ||
    !Number.isInteger(options.seed) ||
    !Array.isArray(options.set) ||
    !options.set.every((c) => isObject(c) && typeof c.path === 'string')
  )
    return 'options: expected variants, replications, agents, seed and set';
  if (!isObject(part.scenario)) return 'scenario: expected the scenario (an object)';
  if (part.kind === 'sweep') {
    const sweep = part.sweep;
    if (
      !isObject(sweep) ||
      typeof sweep.path !== 'string' ||
      typeof sweep.from !== 'number' ||
      typeof sweep.to !== 'number' ||
      !Number.isInteger(sweep.steps) ||
      !(sweep.variant === null || typeof sweep.variant === 'string') ||
      !Array.isArray(sweep.values)
    )
      return 'sweep: expected path, from, to, steps, variant and values';
  }
  if (!Array.isArray(part.records)) return 'records: expected a list';
  for (const [i, record] of part.records.entries()) {
    const ok =
      isObject(record) &&
      Number.isInteger(record.replication) &&
      (part.kind === 'run'
        ? Array.isArray(record.summaries) && record.summaries.every((s) => typeof s === 'string')
        : Number.isInteger(record.point) && typeof record.summary === 'string');
    if (!ok)
      return `records[${i}]: expected {"replication", ${part.kind === 'run' ? '"summaries"' : '"point", "summary"'}}`;
  }
  return undefined;
}
