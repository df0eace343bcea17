/**
 * Shared by the reliability tests (fuzz.spec.ts, extremes.spec.ts, limits.spec.ts); not exported
 * from the package. Browser-safe like the rest of src/ outside cli/ (layering.spec.ts): the
 * library files come in through their JSON imports, not the file system.
 *
 * What "a clear error" and "a sound result" mean here is written down once, in `unclearErrors`
 * and `nonFinite`, so every reliability test holds the code to the same words.
 */
import { runInProcess, summarize, type RunOutcome, type RunResult } from '@journeycast/sim-core';
import V1_DEFAULT from '../fixtures/default.v1.json' with { type: 'json' };
import * as FILES from '../libraryFiles.ts';
import { cloneJson, planFromScenario } from '../plan.ts';
import type { Scenario } from '../schema/scenarioSchema.ts';
import type { ScenarioError } from '../validate/errors.ts';

/** The files mutations start from: every library scenario and the version 1 fixture. */
export const BASES: readonly { name: string; json: Record<string, unknown> }[] = [
  ...Object.entries(FILES as Record<string, unknown>).map(([name, json]) => ({
    name,
    json: json as Record<string, unknown>,
  })),
  { name: 'default.v1 (schema version 1)', json: V1_DEFAULT as Record<string, unknown> },
];

export function baseJson(name: string): Record<string, unknown> {
  const base = BASES.find((b) => b.name === name);
  if (base === undefined) throw new Error(`no base file ${name}`);
  return cloneJson(base.json);
}

/**
 * Messages a validation error may have. Most say `expected …, got …`; the rest name the problem
 * in other plain words (a missing or unknown key, an id used twice). Each must come with a JSON
 * path, except the file-level ones: size, JSON syntax and UTF-8 with their line and column, "not a
 * JSON object", the migration note, the "… and N more" line — and the key problems of the top-level
 * object, whose path is the file itself ('' in the error format): the message names the key.
 */
const PATH_MESSAGES: readonly RegExp[] = [
  /expected .+, got /s,
  /^missing key "[^"]+"/,
  /^unknown key "/,
  /^"(__proto__|constructor|prototype)" is not allowed as a key$/,
  /^key ".*"( \(\d+ characters\))? is not /,
  /^"[^"]+" is already the (id|path) of (variants|levers)\[\d+\]$/,
  /^"baseline" is reserved: it names the scenario's baseline$/,
  /^written by a newer Journeycast: schemaVersion \S+; this build reads up to \d+$/,
  /^missing: every scenario file says its schemaVersion/,
  /^a version \d+ scenario: load it through the migrations/,
  /^version \d+ is too old/,
  /^the model has no "/,
  /^unknown metric "/,
  /^"[^"]+" (goes past a number|compares a variant with the baseline|is not a number: add)/,
];
const FILE_MESSAGES: readonly RegExp[] = [
  /^JSON syntax error at line \d+, column \d+: /,
  /^not UTF-8 text: .* at line \d+, column \d+/,
  /^the file is ([\d.]+ MB|\d+ bytes); a scenario file may be at most ([\d.]+ MB|\d+ bytes \([\d.]+ MB\))$/,
  /^expected a scenario \(a JSON object\), got /,
  /^\(the file is schema version \d+: the paths above are those of version \d+, after migration\)$/,
  /^… and \d+ more$/,
  /^(missing key|unknown key|key) "/,
  /^"(__proto__|constructor|prototype)" is not allowed as a key$/,
];
/** Signs of an internal error leaking into a message: a stack frame, a source file, an object. */
const LEAKS =
  /\n|^\s*at |\bat .+\(.+:\d+:\d+\)|\.ts:\d+|file:\/\/|node:internal|\[object Object\]|\bundefined\b|TypeError|RangeError|ReferenceError|SyntaxError/;

/** What is unclear about each error (empty when every error is clear). */
export function unclearErrors(errors: readonly ScenarioError[]): string[] {
  const out: string[] = [];
  if (errors.length === 0) out.push('no errors for an invalid file');
  for (const e of errors) {
    const shown = `${e.path === '' ? '(file)' : e.path}: ${e.message.slice(0, 300)}`;
    if (typeof e.message !== 'string' || e.message.length === 0)
      out.push(`empty message: ${shown}`);
    else if (e.message.length > 2000)
      out.push(`a message of ${e.message.length} characters: ${shown}`);
    if (LEAKS.test(e.message) || LEAKS.test(e.path)) out.push(`internal text: ${shown}`);
    if (e.path.length > 500) out.push(`a path of ${e.path.length} characters: ${shown}`);
    const forms = e.path === '' ? FILE_MESSAGES : PATH_MESSAGES;
    if (!forms.some((form) => form.test(e.message))) out.push(`not a known form: ${shown}`);
  }
  return out;
}

/** Paths of every number in `value` that is not finite (null is allowed: "never", "undefined"). */
export function nonFinite(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length && out.length < 20; i++)
      nonFinite(items[i], `${path}[${i}]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (out.length >= 20) break;
      nonFinite(child, `${path}.${key}`, out);
    }
  }
  return out;
}

/** Own property names of the built-in prototypes a polluting file would reach. */
export function prototypeState(): string {
  return JSON.stringify(
    [Object.prototype, Array.prototype, Function.prototype].map((p) =>
      Object.getOwnPropertyNames(p).sort(),
    ),
  );
}

/**
 * The engine's limit messages (sim-core engine/simulate.ts): the one way a valid scenario may stop
 * short, when its simulated population or a queue grows past ENGINE_LIMITS as the run goes (the
 * validator estimates both from the expected path; referrals that climb with satisfaction can
 * still outrun it). Anything else stopping a run is a failure.
 */
export const ENGINE_LIMIT_MESSAGE =
  /^variant [A-Za-z][\w-]*: (the simulated population would pass the limit of [\d,]+ customers in month \d+|channels\.[A-Za-z][\w-]*: the queue would simulate [\d,.e+]+ calls in month \d+ .*a queue simulates at most [\d,]+ calls a month)/;

export interface TinyRun {
  outcome: RunOutcome;
  result: RunResult | undefined;
  seconds: number;
}

/**
 * A tiny run of a valid scenario, in this thread: every variant, `replications` replications of at
 * most `agents` simulated customers, no precision target.
 */
export async function tinyRun(
  scenario: Scenario,
  { replications = 1, agents = 300 }: { replications?: number; agents?: number } = {},
): Promise<TinyRun> {
  const plan = planFromScenario(scenario, {
    replications,
    agents: Math.min(agents, scenario.run.agents),
    precision: false,
  });
  const started = performance.now();
  const outcome = await runInProcess(plan);
  const result = outcome.stoppedBy === 'complete' ? summarize(plan, outcome.collector) : undefined;
  return { outcome, result, seconds: (performance.now() - started) / 1000 };
}
