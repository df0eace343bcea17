/**
 * Argument parsing: node:util's parseArgs, with its errors turned into one-line usage errors and
 * helpers that check numeric option values the way the scenario validator checks numbers.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; unknown options and missing values are usage errors. */
export function parseCommand(command: string, argv: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    const e = error as Error & { code?: string };
    const name = /'(--?[A-Za-z][\w-]*)/.exec(e.message)?.[1];
    const see = `(see journeycast ${command} --help)`;
    switch (e.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new CliError(`${command}: unknown option ${name ?? e.message} ${see}`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        // parseArgs takes "--agents -1" for two options; "--agents=-1" says what is meant.
        const dash = e.message.includes('starting with a dash')
          ? ` (for a value starting with "-", write ${name}=-…)`
          : '';
        throw new CliError(`${command}: ${name ?? 'an option'} needs a value${dash} ${see}`);
      }
      default:
        throw new CliError(`${command}: ${e.message} ${see}`);
    }
  }
}

function numberOption(
  name: string,
  text: string,
  what: string,
  ok: (x: number) => boolean,
): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!ok(value)) throw new CliError(`--${name}: expected ${what}, got ${JSON.stringify(text)}`);
  return value;
}

/** A whole number in [min, max] given as `--name N`. */
export function integerOption(
  name: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const what =
    max === Infinity ? `a whole number ≥ ${min}` : `a whole number between ${min} and ${max}`;
  return numberOption(
    name,
    String(value),
    what,
    (x) => Number.isInteger(x) && x >= min && x <= max,
  );
}

/** A finite number above (or at) a bound given as `--name X`. */
export function numberAbove(
  name: string,
  value: unknown,
  bound: number,
  inclusive: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const what = `a number ${inclusive ? '≥' : '>'} ${bound}`;
  return numberOption(
    name,
    String(value),
    what,
    (x) => Number.isFinite(x) && (inclusive ? x >= bound : x > bound),
  );
}

export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
