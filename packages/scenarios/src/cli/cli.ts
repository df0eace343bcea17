/**
 * The `journeycast` command line: dispatch, help, version, and the one place errors become
 * output — one line each (`journeycast: …`), never a stack trace (JOURNEYCAST_DEBUG=1 adds it),
 * with exit status 0 ok, 1 a check failed, 2 bad input or usage.
 */
import { ENGINE_VERSION } from '@journeycast/sim-core';
import pkg from '../../package.json' with { type: 'json' };
import { SCHEMA_VERSION } from '../schema/scenarioSchema.ts';
import { didYouMean } from '../validate/describe.ts';
import { CliError, EXIT } from './cliError.ts';
import { COMPARE_HELP, compareCommand } from './commands/compare.ts';
import { MERGE_HELP, mergeCommand } from './commands/merge.ts';
import { QUEUE_HELP, queueCommand } from './commands/queue.ts';
import { REPLAY_HELP, replayCommand } from './commands/replay.ts';
import { RUN_HELP, runCommand } from './commands/run.ts';
import { SWEEP_HELP, sweepCommand } from './commands/sweep.ts';
import { VALIDATE_HELP, validateCommand } from './commands/validate.ts';

interface Command {
  summary: string;
  help: string;
  run: (argv: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: {
    summary: 'check scenario files and print their hashes',
    help: VALIDATE_HELP,
    run: validateCommand,
  },
  run: {
    summary: 'simulate a scenario; JSON, CSV or Markdown results',
    help: RUN_HELP,
    run: runCommand,
  },
  compare: {
    summary: 'the paired ROI table of each variant against the baseline',
    help: COMPARE_HELP,
    run: compareCommand,
  },
  sweep: {
    summary: 'one lever over a range: NPV against e.g. staffing, best value marked',
    help: SWEEP_HELP,
    run: sweepCommand,
  },
  merge: {
    summary: 'join the part files of a sharded run or sweep (--shard i/n)',
    help: MERGE_HELP,
    run: mergeCommand,
  },
  replay: {
    summary: 'run the scenario library and check snapshots and expectations',
    help: REPLAY_HELP,
    run: replayCommand,
  },
  queue: {
    summary: 'one queue simulated beside Erlang C / Erlang A',
    help: QUEUE_HELP,
    run: queueCommand,
  },
};

export const VERSION_TEXT = `journeycast ${pkg.version} (engine ${ENGINE_VERSION}, scenario schema ${SCHEMA_VERSION})`;

export const HELP = `journeycast: Monte Carlo simulation of customer journeys, from the command line.

Usage: journeycast <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}
  help      this text; journeycast help <command> for a command's

Options: --help (also after a command), --version.
Exit status: 0 ok, 1 a check failed, 2 bad input or usage.

A <file> is a scenario file, or the id of a scenario in the library: default,
acquisition-margin, first-contact-resolution, surge-staffing, card-declined-abroad,
control-tower, personal-onboarding, community-support, digital-drives-calls,
human-or-bot-triage, journey-excellence.

Examples:
  journeycast validate my-scenario.json
  journeycast run default --replications 50 --format md
  journeycast compare journey-excellence --set channels.callCentre.agents=30
  journeycast sweep default --lever channels.callCentre.agents --from 20 --to 40 --steps 5
  journeycast run default --shard 1/4 --out part-1.json   (then 2/4 … 4/4 anywhere)
  journeycast merge part-*.json --format md
  journeycast replay
  journeycast queue --arrivals-per-hour 100 --aht-minutes 6 --agents 11 --json
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(HELP);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) {
      throw new CliError(
        `help: unknown command "${topic}"${didYouMean(topic, Object.keys(COMMANDS))}`,
      );
    }
    process.stdout.write(topic !== undefined ? COMMANDS[topic]!.help : HELP);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`${VERSION_TEXT}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new CliError(
      `unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))} (see journeycast --help)`,
    );
  }
  const command = COMMANDS[name]!;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return EXIT.ok;
  }
  return command.run([...rest]);
}

const debug = () => process.env.JOURNEYCAST_DEBUG === '1';

/** Prints an error as the CLI does and returns its exit status. */
export function reportError(error: unknown): number {
  if (error instanceof CliError) {
    for (const line of error.details) process.stderr.write(`${line}\n`);
    process.stderr.write(`journeycast: ${error.message}\n`);
    if (debug() && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0];
  process.stderr.write(
    `journeycast: ${firstLine} (an internal error${debug() ? '' : '; JOURNEYCAST_DEBUG=1 shows where'})\n`,
  );
  if (debug() && error instanceof Error && error.stack !== undefined)
    process.stderr.write(`${error.stack}\n`);
  return EXIT.failed;
}

/** Runs the CLI and returns its exit status; never throws. */
export async function cli(argv: readonly string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    return reportError(error);
  }
}
