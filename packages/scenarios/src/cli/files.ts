/** Reading scenario files and writing outputs, with errors as one line each. */
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIBRARY_IDS } from '../library.ts';
import { parseScenarioText } from '../parseScenarioText.ts';
import { RUN_LIMITS, type Scenario } from '../schema/scenarioSchema.ts';
import { formatScenarioError } from '../validate/errors.ts';
import { CliError, EXIT } from './cliError.ts';
import { decodeUtf8 } from '../parse/decodeUtf8.ts';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  hash: string;
  migratedFrom?: number;
}

/** An invalid scenario file: its errors, one `<file>: <path>: <message>` line each. */
export class ScenarioFileError extends CliError {
  constructor(
    readonly file: string,
    lines: string[],
  ) {
    super(
      `${file} is not a valid scenario (${lines.length === 1 ? '1 error' : `${lines.length} errors`})`,
      EXIT.usage,
      lines,
    );
  }
}

function fsMessage(file: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory, not a scenario file`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot be read (${(error as Error).message})`;
}

export function readText(file: string): string {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > RUN_LIMITS.maxFileBytes) {
      throw new ScenarioFileError(file, [
        `${file}: the file is ${Number((size / 1e6).toPrecision(3))} MB; a scenario file may be at most ${RUN_LIMITS.maxFileBytes / 1e6} MB`,
      ]);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(fsMessage(file, error));
  }
  // The same decoder as the app's import: invalid UTF-8 is named with its line and column.
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new ScenarioFileError(file, [`${file}: ${decoded.error.message}`]);
  return decoded.text;
}

/**
 * A scenario argument: a file path, or the id of a library scenario (`journeycast run default`),
 * so the library works from any directory. A file of that name wins over the library.
 */
export function resolveScenarioArgument(argument: string): string {
  if (existsSync(argument) || !(LIBRARY_IDS as readonly string[]).includes(argument))
    return argument;
  return fileURLToPath(new URL(`../../library/${argument}.json`, import.meta.url));
}

/** Reads, migrates and validates a scenario file; throws ScenarioFileError with every problem. */
export function readScenarioFile(argument: string): LoadedScenario {
  const file = resolveScenarioArgument(argument);
  const result = parseScenarioText(readText(file), file);
  if (!result.ok) throw new ScenarioFileError(file, result.errors.map(formatScenarioError));
  return {
    file,
    scenario: result.scenario,
    hash: result.hash,
    ...(result.migratedFrom !== undefined ? { migratedFrom: result.migratedFrom } : {}),
  };
}

/**
 * Fails at once, before any simulation, when `--out FILE` could not be written at the end: its
 * directory missing or not a directory, FILE a directory, no permission to write.
 */
export function checkOutputPath(out: unknown): void {
  if (out === undefined) return;
  const file = String(out);
  const dir = dirname(resolve(file));
  const fail = (why: string) => {
    throw new CliError(`--out ${file}: ${why}`);
  };
  try {
    if (!statSync(dir).isDirectory()) fail(`${dir} is not a directory`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    fail(
      code === 'ENOENT' ? `no such directory ${dir}` : `cannot write (${code ?? String(error)})`,
    );
  }
  const exists = existsSync(file);
  if (exists && statSync(file).isDirectory()) fail('is a directory, not a file');
  try {
    accessSync(exists ? file : dir, constants.W_OK);
  } catch {
    fail(`cannot write (permission denied on ${exists ? file : dir})`);
  }
}

/** Writes a command's output to a file (`--out`) or stdout. */
export function writeOutput(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new CliError(
      `--out ${out}: cannot write (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  }
}
