/**
 * `journeycast replay`: runs each library scenario with its own run settings and checks it against
 * its recorded snapshot (`<id>.expected.json` beside the file) and its `expect` assertions.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '@journeycast/sim-core';
import { planFromScenario } from '../../plan.ts';
import {
  checkExpectations,
  compareSnapshots,
  expectedRange,
  snapshotOf,
  snapshotProblem,
  type ExpectationOutcome,
  type FigureChange,
  type Snapshot,
} from '../../replay/snapshot.ts';
import { integerOption, parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { defaultWorkers, Runner } from '../execute.ts';
import { readScenarioFile } from '../files.ts';
import { readCached, replayCacheDir, replayKey, writeCached } from '../replayCache.ts';

export const LIBRARY_DIR = fileURLToPath(new URL('../../../library', import.meta.url));

export const REPLAY_HELP = `Usage: journeycast replay [file|dir...] [--update] [--workers N]

Runs each scenario with its own run settings (default: every scenario in the package's library/)
and checks
  - its recorded snapshot <id>.expected.json beside the file: key figures per variant with their
    standard errors, the scenario hash and the engine version. The engine is deterministic, so any
    difference fails, with the figure, how much it moved and by how many standard errors;
  - its "expect" assertions; one that compares two variants (compareTo) is listed with the
    difference, its standard error (paired replication by replication where the result keeps
    each replication's value) and how many standard errors it clears its bound by.
Prints a Markdown report on stdout (the same bytes from run to run; timings go to stderr).
Exit status: 0 all pass, 1 a figure moved or an expectation failed, 2 a file is invalid.

A scenario that passed before with the same canonical scenario, snapshot bytes, engine version
and engine and CLI sources is not run again: its recorded outcome is printed (stderr says so).
The cache is node_modules/.cache/journeycast/replay under the nearest package directory
(JOURNEYCAST_CACHE_DIR sets another); a fresh clone has none and runs everything.

Options:
  --update      rewrite the snapshots from this run (never the expectations)
  --no-cache    run every scenario, even one that passed before unchanged
  --workers N   worker threads (default: one per core; 0 = run in this thread)
`;

/** Scenario files named by the arguments: files as given, directories' *.json (not snapshots). */
function scenarioFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new CliError(`replay: ${path}: no such file or directory`);
    }
    if (!isDir) {
      files.push(path);
      continue;
    }
    const found = readdirSync(path)
      .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
      .sort();
    if (found.length === 0) throw new CliError(`replay: ${path}: no scenario files (*.json) in it`);
    files.push(...found.map((name) => join(path, name)));
  }
  return files;
}

interface Outcome {
  id: string;
  hash: string;
  replications: number;
  figures: number;
  stamp: string[];
  changes: FigureChange[];
  expectations: ExpectationOutcome[];
  problem?: string;
  updated: boolean;
}

function figure(x: number | null): string {
  if (x === null) return '—';
  return String(Number(x.toPrecision(8)));
}

function signedFigure(x: number | null): string {
  if (x === null) return '—';
  const text = String(Number(Math.abs(x).toPrecision(4)));
  return `${x < 0 ? '−' : '+'}${text}`;
}

function table(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function failed(o: Outcome): boolean {
  return (
    o.problem !== undefined ||
    o.stamp.length > 0 ||
    o.changes.length > 0 ||
    o.expectations.some((e) => !e.ok)
  );
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function readSnapshot(path: string): Snapshot | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return `no snapshot ${basename(path)}: record one with journeycast replay --update`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `the snapshot ${basename(path)} is not readable JSON: re-record it with journeycast replay --update`;
  }
  const problem = snapshotProblem(value);
  if (problem !== undefined)
    return `the snapshot ${basename(path)} is not a snapshot (${problem}): re-record it with journeycast replay --update`;
  return value as Snapshot;
}

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('replay', argv, {
    update: { type: 'boolean' },
    workers: { type: 'string' },
    'no-cache': { type: 'boolean' },
  });
  const update = values.update === true;
  const cache = values['no-cache'] === true ? undefined : replayCacheDir();
  const workers = integerOption('workers', values.workers, 0, 256) ?? defaultWorkers();
  const files = scenarioFiles(positionals.length > 0 ? positionals : [LIBRARY_DIR]);

  let code: number = EXIT.ok;
  const invalid: string[] = [];
  const outcomes: Outcome[] = [];
  const seen = new Map<string, string>();
  const runner = new Runner(workers);
  try {
    for (const file of files) {
      let loaded;
      try {
        loaded = readScenarioFile(file);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        for (const line of error.details) process.stderr.write(`${line}\n`);
        process.stderr.write(`journeycast: ${error.message}\n`);
        invalid.push(file);
        continue;
      }
      const { scenario, hash } = loaded;
      const snapshotPath = join(dirname(file), `${scenario.id}.expected.json`);
      if (seen.has(snapshotPath)) {
        throw new CliError(
          `replay: ${file} and ${seen.get(snapshotPath)} have the same id "${scenario.id}", so one snapshot file`,
        );
      }
      seen.set(snapshotPath, file);

      // Passed before with this scenario, snapshot and code: the same run would pass again.
      const snapshotBytes = readBytes(snapshotPath);
      if (!update && cache !== undefined) {
        const cached = readCached<Outcome>(cache, replayKey(scenario, snapshotBytes));
        if (cached !== undefined) {
          process.stderr.write(
            `journeycast: ${scenario.id}: passed before with this scenario, snapshot and code; not run again (cache ${cache}; --no-cache runs it)\n`,
          );
          outcomes.push(cached);
          continue;
        }
      }

      const plan = planFromScenario(scenario);
      // The runner writes the timing on stderr: the report on stdout is the same bytes every run.
      const { result } = await runner.run(plan, scenario.id);
      const actual = snapshotOf(scenario, hash, result, plan.agents);
      const expectations = checkExpectations(scenario, result);
      const outcome: Outcome = {
        id: scenario.id,
        hash,
        replications: result.replications,
        figures: Object.values(actual.figures).reduce((n, f) => n + Object.keys(f).length, 0),
        stamp: [],
        changes: [],
        expectations,
        updated: false,
      };
      const expected = readSnapshot(snapshotPath);
      if (update) {
        const text = `${JSON.stringify(actual, null, 2)}\n`;
        const before = (() => {
          try {
            return readFileSync(snapshotPath, 'utf8');
          } catch {
            return undefined;
          }
        })();
        if (before !== text) {
          writeFileSync(snapshotPath, text);
          outcome.updated = true;
        }
      } else if (typeof expected === 'string') {
        outcome.problem = expected;
      } else {
        const comparison = compareSnapshots(expected, actual);
        outcome.stamp = comparison.stamp;
        outcome.changes = comparison.changes;
      }
      outcomes.push(outcome);
      if (cache !== undefined && !failed(outcome)) {
        // What a replay without --update would print now, under the snapshot now on disk.
        const snapshot = update
          ? Buffer.from(`${JSON.stringify(actual, null, 2)}\n`)
          : snapshotBytes;
        writeCached(cache, replayKey(scenario, snapshot), { ...outcome, updated: false });
      }
    }
  } finally {
    await runner.close();
  }

  process.stdout.write(report(outcomes, update));
  const failures = outcomes.filter(failed);
  if (failures.length > 0) {
    code = EXIT.failed;
    const moved = failures.reduce((n, o) => n + o.changes.length, 0);
    const broken = failures.reduce((n, o) => n + o.expectations.filter((e) => !e.ok).length, 0);
    const parts = [
      moved > 0 ? `${moved} figure${moved === 1 ? '' : 's'} moved` : '',
      broken > 0 ? `${broken} expectation${broken === 1 ? '' : 's'} failed` : '',
      failures.some((o) => o.stamp.length > 0 || o.problem !== undefined)
        ? 'snapshots out of date'
        : '',
    ].filter(Boolean);
    process.stderr.write(
      `journeycast: replay failed in ${failures.map((o) => o.id).join(', ')}: ${parts.join(', ')}\n`,
    );
  }
  if (invalid.length > 0) code = EXIT.usage;
  return code;
}

function status(o: Outcome, update: boolean): string {
  if (!failed(o)) return update ? (o.updated ? 'recorded' : 'ok (unchanged)') : 'ok';
  const parts: string[] = [];
  if (o.problem !== undefined) parts.push('no snapshot');
  if (o.stamp.length > 0) parts.push('snapshot out of date');
  if (o.changes.length > 0) parts.push(`${o.changes.length} moved`);
  const broken = o.expectations.filter((e) => !e.ok).length;
  if (broken > 0) parts.push(`${broken} expectation${broken === 1 ? '' : 's'} failed`);
  return `**FAILED**: ${parts.join(', ')}`;
}

function report(outcomes: Outcome[], update: boolean): string {
  const out: string[] = [
    `## Replay: ${outcomes.length} scenario${outcomes.length === 1 ? '' : 's'}, engine ${ENGINE_VERSION}${update ? ' (--update)' : ''}`,
    '',
  ];
  out.push(
    table(
      ['Scenario', 'Hash', 'Replications', 'Figures', 'Expectations', 'Result'],
      outcomes.map((o) => [
        o.id,
        o.hash,
        String(o.replications),
        update ? `${o.figures} recorded` : `${o.figures - o.changes.length}/${o.figures} same`,
        `${o.expectations.filter((e) => e.ok).length}/${o.expectations.length} hold`,
        status(o, update),
      ]),
    ),
  );
  for (const o of outcomes) {
    if (o.problem !== undefined || o.stamp.length > 0) {
      out.push(
        '',
        `### ${o.id}: snapshot`,
        '',
        ...[o.problem, ...o.stamp]
          .filter((x): x is string => x !== undefined)
          .map((line) => `- ${line}`),
      );
      if (o.stamp.length > 0)
        out.push('- if the change is intended, re-record with `journeycast replay --update`');
    }
    if (o.changes.length > 0) {
      out.push('', `### ${o.id}: figures that moved`, '');
      out.push(
        table(
          ['Variant', 'Figure', 'Snapshot', 'Now', 'Change', 'SE', 'Change / SE'],
          o.changes.map((c) => [
            c.variant,
            c.metric,
            figure(c.before),
            figure(c.after),
            signedFigure(c.change),
            c.se === null ? '—' : String(Number(c.se.toPrecision(3))),
            c.standardErrors === null ? '—' : `${c.standardErrors.toFixed(2)} SE`,
          ]),
        ),
      );
    }
    const compared = o.expectations.filter((e) => e.expectation.compareTo !== undefined);
    if (compared.length > 0) {
      out.push('', `### ${o.id}: variants compared`, '');
      out.push(
        table(
          [
            '#',
            'Variant',
            'Compared to',
            'Metric',
            'Difference',
            'SE',
            'Clears by',
            'Expected',
            'Result',
          ],
          compared.map((e) => [
            `expect[${e.index}]`,
            `${e.expectation.variant} (${figure(e.sides?.variant ?? null)})`,
            `${e.expectation.compareTo!} (${figure(e.sides?.compareTo ?? null)})`,
            e.expectation.metric,
            e.value === null ? 'no value' : signedFigure(e.value),
            standardErrorText(e),
            e.clearance === null
              ? '—'
              : `${e.clearance < 0 ? '−' : ''}${Math.abs(e.clearance).toFixed(2)} SE`,
            expectedRange(e.expectation),
            e.ok ? 'holds' : '**FAILED**',
          ]),
        ),
      );
    }
    const broken = o.expectations.filter((e) => !e.ok);
    if (broken.length > 0) {
      out.push('', `### ${o.id}: expectations that failed`, '');
      out.push(
        table(
          ['#', 'Variant', 'Metric', 'Value', 'SE', 'Expected', 'Because'],
          broken.map((e) => [
            `expect[${e.index}]`,
            e.expectation.compareTo !== undefined
              ? `${e.expectation.variant} − ${e.expectation.compareTo}`
              : e.expectation.variant,
            e.expectation.metric,
            e.value === null ? 'no value' : figure(e.value),
            standardErrorText(e),
            expectedRange(e.expectation),
            e.expectation.because ?? '',
          ]),
        ),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** `1234 (paired)`, `56.7 (unpaired)`, `0.01`, or — when the result gives none. */
function standardErrorText(e: ExpectationOutcome): string {
  if (e.se === null) return '—';
  const se = String(Number(e.se.toPrecision(3)));
  return e.seKind === 'paired' || e.seKind === 'unpaired' ? `${se} (${e.seKind})` : se;
}
