/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** A check failed: a replay figure moved, an expectation failed, a run failed. */
  failed: 1,
  /** Bad input or usage: an invalid file, an unknown option, a bad value. */
  usage: 2,
} as const;

/**
 * An error the CLI reports as one line, `journeycast: <message>`, after its details (one line
 * each, e.g. `<file>: <path>: <message>`), and exits with.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
