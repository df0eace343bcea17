/**
 * `journeycast queue`: one staffed queue on its own, simulated by the engine's kernel
 * (sim-core's `simulateQueue`) beside its analytic answer — Erlang C (M/M/N) without patience,
 * Erlang A (M/M/N+M) with exponential patience — so anyone can see the engine reproduce theory.
 */
import { erlangA, erlangC } from '@journeycast/models';
import { simulateQueue } from '@journeycast/sim-core';
import { integerOption, numberAbove, parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';

export const QUEUE_HELP = `Usage: journeycast queue --arrivals-per-hour λ --aht-minutes AHT --agents N [options]

Simulates one call-centre queue with constant arrivals and staffing (the engine's own queue) and
prints it beside theory: Erlang C when callers never hang up, Erlang A with --patience-minutes.

Options:
  --arrivals-per-hour λ   calls offered per hour (Poisson)
  --aht-minutes AHT       mean handle time, minutes (exponential)
  --agents N              agents answering
  --patience-minutes P    mean patience, minutes (exponential); default: callers never hang up
  --hours H               hours simulated (default 2000)
  --seed S                seed (default 1)
  --json                  print {"simulated": {...}, "analytic": {...}, "standardError": {...}}

Each side gives pWait (share of callers who wait), meanWaitMinutes (over all callers),
abandonRate (0 without patience), serviceLevel20s (share answered within 20 seconds) and
occupancy. Each simulated figure but occupancy has a standard error by batch means: the hours
are cut into 20 batches, and the spread of the batches' figures estimates the error of the whole;
a simulated figure within about 2 standard errors of theory agrees with it. With no calls (an arrival rate of
0) both sides give the zero-load limits: nobody waits, everybody is answered within 20 seconds.

Example:
  journeycast queue --arrivals-per-hour 100 --aht-minutes 6 --agents 11 --patience-minutes 3
`;

const TARGET_SECONDS = 20;
/** Batches of hours for the standard errors: 20 keeps each long against the queue's memory. */
const BATCHES = 20;

export interface QueueFigures {
  pWait: number;
  meanWaitMinutes: number | null;
  abandonRate: number;
  serviceLevel20s: number;
  occupancy: number;
}

/** Batch-means standard errors of the simulated figures (null: too few batches or no calls). */
export type StandardErrors = { [K in keyof QueueFigures]: number | null };

function required<T>(name: string, value: T | undefined): T {
  if (value === undefined)
    throw new CliError(`queue: --${name} is required (see journeycast queue --help)`);
  return value;
}

export async function queueCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('queue', argv, {
    'arrivals-per-hour': { type: 'string' },
    'aht-minutes': { type: 'string' },
    agents: { type: 'string' },
    'patience-minutes': { type: 'string' },
    hours: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0)
    throw new CliError(
      `queue: unexpected argument ${positionals[0]} (see journeycast queue --help)`,
    );
  const arrivalsPerHour = required(
    'arrivals-per-hour',
    numberAbove('arrivals-per-hour', values['arrivals-per-hour'], 0, true),
  );
  const ahtMinutes = required(
    'aht-minutes',
    numberAbove('aht-minutes', values['aht-minutes'], 0, false),
  );
  const agents = required('agents', integerOption('agents', values.agents, 0, 5000));
  const patienceMinutes = numberAbove('patience-minutes', values['patience-minutes'], 0, false);
  const hours = integerOption('hours', values.hours, 1, 50_000) ?? 2000;
  const seed = integerOption('seed', values.seed, 0, 4294967295) ?? 1;
  const load = (arrivalsPerHour / 60) * ahtMinutes;
  if (patienceMinutes === undefined && load >= agents) {
    throw new CliError(
      `queue: ${agents} agents cannot carry ${Number(load.toPrecision(4))} Erlangs of load without abandonment: the queue grows without bound (add agents or --patience-minutes)`,
    );
  }

  const started = performance.now();
  const sim = simulateQueue({
    arrivalsPerHour,
    ahtMinutes,
    agents,
    patienceMinutes: patienceMinutes ?? null,
    hours,
    seed,
    targetSeconds: TARGET_SECONDS,
    batches: BATCHES,
  });
  const seconds = (performance.now() - started) / 1000;
  const simulated: QueueFigures = {
    pWait: sim.pWait,
    meanWaitMinutes: sim.meanWaitMinutes,
    abandonRate: sim.abandonRate,
    serviceLevel20s: sim.serviceLevel,
    occupancy: sim.occupancy,
  };
  const se = sim.standardErrors;
  const standardError: StandardErrors = {
    pWait: se?.pWait ?? null,
    meanWaitMinutes: se?.meanWaitMinutes ?? null,
    abandonRate: se?.abandonRate ?? null,
    serviceLevel20s: se?.serviceLevel ?? null,
    occupancy: se?.occupancy ?? null,
  };
  let analytic: QueueFigures;
  if (patienceMinutes === undefined) {
    const c = erlangC({ arrivalsPerHour, ahtMinutes, agents, targetSeconds: TARGET_SECONDS });
    analytic = {
      pWait: c.pWait,
      meanWaitMinutes: c.meanWaitMinutes,
      abandonRate: 0,
      serviceLevel20s: c.serviceLevel,
      occupancy: c.occupancy,
    };
  } else {
    const a = erlangA({
      arrivalsPerHour,
      ahtMinutes,
      agents,
      patienceMinutes,
      targetSeconds: TARGET_SECONDS,
    });
    analytic = {
      pWait: a.pWait,
      meanWaitMinutes: a.meanWaitMinutes,
      abandonRate: a.pAbandon,
      serviceLevel20s: a.serviceLevel,
      occupancy: a.occupancy,
    };
  }
  process.stderr.write(
    `journeycast: queue: ${sim.calls} calls over ${hours} hours simulated in ${seconds.toFixed(1)} s\n`,
  );
  const noCalls =
    sim.calls === 0
      ? 'No calls arrived: the figures are the zero-load limits (nobody waits, everybody is answered within 20 s), on both sides.'
      : undefined;

  if (values.json === true) {
    if (noCalls !== undefined) process.stderr.write(`journeycast: queue: ${noCalls}\n`);
    process.stdout.write(`${JSON.stringify({ simulated, analytic, standardError }, null, 2)}\n`);
    return EXIT.ok;
  }
  const model = patienceMinutes === undefined ? 'Erlang C (M/M/N)' : 'Erlang A (M/M/N+M)';
  const rows: [string, keyof QueueFigures, (x: number) => string][] = [
    ['P(wait)', 'pWait', (x) => x.toFixed(4)],
    ['Mean wait, all callers (min)', 'meanWaitMinutes', (x) => x.toFixed(4)],
    ['Abandon rate', 'abandonRate', (x) => x.toFixed(4)],
    ['Answered within 20 s', 'serviceLevel20s', (x) => x.toFixed(4)],
    ['Occupancy', 'occupancy', (x) => x.toFixed(4)],
  ];
  const show = (x: number | null, f: (x: number) => string) =>
    x === null || !Number.isFinite(x) ? '—' : f(x);
  const { count, hours: perBatch } = sim.batches ?? { count: 0, hours: 0 };
  const lines = [
    `Queue: ${arrivalsPerHour} calls/hour, AHT ${ahtMinutes} min, ${agents} agents, ${patienceMinutes === undefined ? 'no abandonment' : `patience ${patienceMinutes} min`} (load ${Number(load.toPrecision(4))} Erlangs)`,
    `Simulated: ${hours} hours, ${sim.calls} calls, seed ${seed}. Analytic: ${model}.`,
    count >= 2
      ? `Standard errors by batch means: ${count} batches of ${perBatch} hour${perBatch === 1 ? '' : 's'} (none for occupancy: the check keeps no handle time per call).`
      : 'No standard errors: a single hour makes one batch (give --hours 2 or more).',
    ...(noCalls !== undefined ? [noCalls] : []),
    '',
    '| Measure                      | Simulated |        SE |  Analytic |',
    '| ---------------------------- | --------: | --------: | --------: |',
    ...rows.map(
      ([label, key, f]) =>
        `| ${label.padEnd(28)} | ${show(simulated[key], f).padStart(9)} | ${show(standardError[key], f).padStart(9)} | ${show(analytic[key], f).padStart(9)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
