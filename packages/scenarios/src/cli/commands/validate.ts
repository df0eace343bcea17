import { basename } from 'node:path';
import { looksLikeSnapshot, SNAPSHOT_SUFFIX, snapshotProblem } from '../../replay/snapshot.ts';
import { parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import {
  readScenarioFile,
  readText,
  resolveScenarioArgument,
  ScenarioFileError,
} from '../files.ts';

export const VALIDATE_HELP = `Usage: journeycast validate <file...>

Checks scenario files: JSON syntax, schema (types, ranges, unknown and missing keys), the model's
rules (ids that exist, shares that sum to 1 …), variants, levers and expectations. Older schema
versions are migrated first.

Prints "<file>: ok (<hash>)" for each valid file; each problem of an invalid one as
"<file>: <path>: <message>" on stderr. Exit status: 0 all valid, 2 otherwise.

Replay snapshots (<id>.expected.json beside a scenario, which library/*.json also matches) are
recognised by their name or shape, checked as snapshots, and skipped with a note on stderr:
journeycast replay compares them with the scenario's results.

Example:
  journeycast validate library/*.json
`;

export async function validateCommand(argv: string[]): Promise<number> {
  const { positionals } = parseCommand('validate', argv, {});
  if (positionals.length === 0)
    throw new CliError(
      'validate: expected one or more scenario files (e.g. journeycast validate library/default.json)',
    );
  let code: number = EXIT.ok;
  for (const file of positionals) {
    try {
      const snapshot = snapshotNote(file);
      if (snapshot !== undefined) {
        process.stderr.write(`${snapshot}\n`);
        continue;
      }
      const loaded = readScenarioFile(file);
      const migrated =
        loaded.migratedFrom !== undefined
          ? `, migrated from schema version ${loaded.migratedFrom}`
          : '';
      process.stdout.write(`${file}: ok (${loaded.hash}${migrated})\n`);
    } catch (error) {
      if (error instanceof ScenarioFileError) {
        for (const line of error.details) process.stderr.write(`${line}\n`);
      } else if (error instanceof CliError) {
        process.stderr.write(`${error.message}\n`);
      } else {
        throw error;
      }
      code = EXIT.usage;
    }
  }
  return code;
}

/**
 * For a replay snapshot (named `*.expected.json`, or shaped like one): the note that it was
 * skipped, or a ScenarioFileError saying what is wrong with it as a snapshot. Undefined for any
 * other file, which is then read as a scenario. A file that says its schemaVersion is a scenario,
 * whatever its name.
 */
function snapshotNote(argument: string): string | undefined {
  const file = resolveScenarioArgument(argument);
  const named = basename(file).endsWith(SNAPSHOT_SUFFIX);
  let value: unknown;
  try {
    value = JSON.parse(readText(file)) as unknown;
  } catch {
    return undefined; // unreadable or not JSON: the scenario reader says why, in its words
  }
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'schemaVersion'))
    return undefined;
  if (!named && !looksLikeSnapshot(value)) return undefined;
  const problem = snapshotProblem(value);
  if (problem !== undefined) {
    throw new ScenarioFileError(file, [
      `${file}: neither a scenario (no schemaVersion) nor a replay snapshot: ${problem}`,
    ]);
  }
  const { scenario, engineVersion } = value as { scenario: string; engineVersion: string };
  return `${file}: skipped: the replay snapshot of "${scenario}" (engine ${engineVersion}), not a scenario; journeycast replay checks it`;
}
