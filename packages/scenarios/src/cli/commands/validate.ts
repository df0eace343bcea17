import { parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { readScenarioFile, ScenarioFileError } from '../files.ts';

export const VALIDATE_HELP = `Usage: journeycast validate <file...>

Checks scenario files: JSON syntax, schema (types, ranges, unknown and missing keys), the model's
rules (ids that exist, shares that sum to 1 …), variants, levers and expectations. Older schema
versions are migrated first.

Prints "<file>: ok (<hash>)" for each valid file; each problem of an invalid one as
"<file>: <path>: <message>" on stderr. Exit status: 0 all valid, 2 otherwise.

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
