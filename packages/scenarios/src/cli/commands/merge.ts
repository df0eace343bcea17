/**
 * `journeycast merge`: the part files of a sharded run or sweep, checked to belong together,
 * joined replication by replication, and printed through the same report function as an unsharded
 * `run` or `sweep` — so the output is byte-identical to one machine's.
 */
import {
  compileModel,
  ENGINE_VERSION,
  layoutFor,
  ResultCollector,
  summarize,
  type RunPlan,
} from '@journeycast/sim-core';
import { canonicalJson, scenarioHash } from '../../canonical.ts';
import { parseScenarioText } from '../../parseScenarioText.ts';
import { shardOf, shardText } from '../../scale/shards.ts';
import { formatScenarioError } from '../../validate/errors.ts';
import { parseCommand } from '../args.ts';
import { CliError, EXIT } from '../cliError.ts';
import { checkOutputPath, writeOutput, type LoadedScenario } from '../files.ts';
import {
  decodeSummary,
  readPart,
  type Part,
  type RunPartRecord,
  type SweepPartRecord,
} from '../partFile.ts';
import { runOutput, type RunFormat } from './run.ts';
import { formatOption, prepareLoaded } from './shared.ts';
import { prepareSweep, sweepOutput, sweepResult, type SweepFormat } from './sweep.ts';

export const MERGE_HELP = `Usage: journeycast merge <part files> [options]

Joins the part files of a sharded run or sweep (journeycast run|sweep … --shard i/n --out FILE)
and prints the result: byte for byte what the unsharded command prints, i.e. journeycast run with
the same options and --no-precision, or journeycast sweep with the same options.

The parts must come from the same scenario, options, engine version and number of shards; every
shard must be there (a shard given twice must hold the same numbers). The order does not matter.

Options:
  --format FORMAT  a run: json (default), csv, md; a sweep: md (default), csv, json
  --out FILE       write the output to FILE instead of stdout

Example:
  journeycast merge part-*.json --format md
`;

interface LoadedPart {
  file: string;
  part: Part;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? 'absent' : canonicalJson(value);
}

/** The fields every part of one run must agree on, in the order they are checked. */
function fieldsOf(part: Part): [string, unknown][] {
  const fields: [string, unknown][] = [
    ['kind', part.kind],
    ['engineVersion', part.engineVersion],
    ['scenarioHash', part.scenarioHash],
    ['options.variants', part.options.variants],
    ['options.replications', part.options.replications],
    ['options.agents', part.options.agents],
    ['options.seed', part.options.seed],
    ['options.set', part.options.set],
  ];
  if (part.kind === 'sweep') {
    for (const key of ['path', 'from', 'to', 'steps', 'variant', 'values'] as const)
      fields.push([`sweep.${key}`, part.sweep[key]]);
  }
  fields.push(['shard.count', part.shard.count]);
  return fields;
}

function checkTogether(parts: LoadedPart[]): void {
  const first = parts[0]!;
  const reference = fieldsOf(first.part);
  for (const { file, part } of parts.slice(1)) {
    const fields = fieldsOf(part);
    for (const [name, value] of reference) {
      const other = fields.find(([n]) => n === name)?.[1];
      if (canonicalJson(other ?? null) !== canonicalJson(value ?? null)) {
        throw new CliError(
          `${file}: ${name} is ${show(other)}, but ${first.file} has ${show(value)}: parts merge only with parts of the same ${first.part.kind} (same scenario, options, engine and number of shards)`,
        );
      }
    }
  }
  for (const { file, part } of parts) {
    const hash = scenarioHash(part.scenario);
    if (hash !== part.scenarioHash) {
      throw new CliError(
        `${file}: the scenario it carries hashes to ${hash}, not to its scenarioHash ${part.scenarioHash}`,
      );
    }
  }
  // Same hash, same order: the reports list variants, channels and sources in the file's order,
  // so only parts of the same file merge to the bytes one machine would print (see partFile.ts).
  const order = JSON.stringify(first.part.scenario);
  for (const { file, part } of parts.slice(1)) {
    if (JSON.stringify(part.scenario) !== order) {
      throw new CliError(
        `${file}: scenario has the same hash as ${first.file}'s, but its keys are in another order, which changes the order of the report's rows: run every shard from the same scenario file`,
      );
    }
  }
  if (first.part.engineVersion !== ENGINE_VERSION) {
    throw new CliError(
      `${first.file}: engineVersion is ${first.part.engineVersion}, but this journeycast runs engine ${ENGINE_VERSION}: merge with the journeycast that ran the shards`,
    );
  }
  const count = first.part.shard.count;
  const have = new Set(parts.map((p) => p.part.shard.index));
  const missing: string[] = [];
  for (let i = 1; i <= count; i++) if (!have.has(i)) missing.push(`${i}/${count}`);
  if (missing.length > 0) {
    const present = [...have].sort((a, b) => a - b).map((i) => `${i}/${count}`);
    throw new CliError(
      `merge: ${missing.length === 1 ? `shard ${missing[0]} is` : `shards ${missing.join(', ')} are`} missing (given: ${present.join(', ')}); every shard of the ${first.part.kind} is needed`,
    );
  }
}

/** The scenario a part carries (its hash checked in checkTogether), validated again. */
function scenarioOf({ file, part }: LoadedPart): LoadedScenario {
  const parsed = parseScenarioText(JSON.stringify(part.scenario));
  if (!parsed.ok) {
    throw new CliError(
      `${file}: the scenario it carries is not valid here (${formatScenarioError(parsed.errors[0]!)})`,
    );
  }
  return {
    file: `${file} (scenario ${parsed.scenario.id})`,
    scenario: parsed.scenario,
    hash: parsed.hash,
  };
}

/**
 * Every unit's summaries, from the parts: each part must hold exactly its shard's units, a unit
 * given by two parts (a shard merged twice) must be the same bytes, and every summary must have the
 * length its model's layout gives. A run's unit is a replication (a summary per variant); a sweep's
 * is replication × models + point (one summary, of that point's model).
 */
function gatherUnits(parts: LoadedPart[], plan: RunPlan): (unit: number) => Float64Array[] {
  const sweep = parts[0]!.part.kind === 'sweep';
  const models = sweep ? plan.variants.length : 1;
  const total = plan.replications * models;
  const lengths = plan.variants.map((v) => layoutFor(compileModel(v.model)).size);
  const byUnit = new Map<number, { where: string; texts: string[] }>();
  for (const { file, part } of parts) {
    const { index, count } = part.shard;
    const seen = new Set<number>();
    part.records.forEach((record, i) => {
      const where = `${file}: records[${i}]`;
      const point = part.kind === 'sweep' ? (record as SweepPartRecord).point : 0;
      const texts =
        part.kind === 'sweep'
          ? [(record as SweepPartRecord).summary]
          : (record as RunPartRecord).summaries;
      const unit = record.replication * models + point;
      if (
        record.replication < 0 ||
        record.replication >= plan.replications ||
        point < 0 ||
        point >= models ||
        shardOf(unit, count) !== index ||
        seen.has(unit)
      ) {
        throw new CliError(
          `${where}: replication ${record.replication}${sweep ? `, point ${point},` : ''} is not a unit of shard ${shardText(part.shard)}, or appears twice`,
        );
      }
      const want = sweep ? 1 : plan.variants.length;
      if (texts.length !== want) {
        throw new CliError(
          `${where}: expected ${want} ${sweep ? 'summary' : 'summaries (one per variant)'}, got ${texts.length}`,
        );
      }
      seen.add(unit);
      const earlier = byUnit.get(unit);
      if (earlier === undefined) byUnit.set(unit, { where, texts });
      else if (canonicalJson(earlier.texts) !== canonicalJson(texts)) {
        throw new CliError(
          `${where}: replication ${record.replication}${sweep ? ` of point ${point}` : ''} differs from ${earlier.where}: shard ${shardText(part.shard)} given twice, with different numbers`,
        );
      }
    });
    let expected = 0;
    for (let u = index - 1; u < total; u += count) expected++;
    if (seen.size !== expected) {
      throw new CliError(
        `${file}: holds ${seen.size} of the ${expected} units of shard ${shardText(part.shard)}: the part is incomplete`,
      );
    }
  }
  return (unit) => {
    const { where, texts } = byUnit.get(unit)!;
    const firstVariant = sweep ? unit % models : 0;
    return texts.map((text, k) => {
      const length = lengths[firstVariant + k]!;
      const summary = decodeSummary(text, length);
      if (summary === undefined) {
        throw new CliError(
          `${where}: summary ${k}: expected ${length} numbers (${length * 8} bytes) in base64, got something else`,
        );
      }
      return summary;
    });
  };
}

export async function mergeCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('merge', argv, {
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const files = parsed.positionals;
  if (files.length === 0) {
    throw new CliError('merge: expected part files, got none (e.g. journeycast merge part-*.json)');
  }
  checkOutputPath(parsed.values.out);
  const parts: LoadedPart[] = files.map((file) => ({ file, part: readPart(file) }));
  checkTogether(parts);
  // Sorted by shard: nothing below depends on the order the files were given in.
  parts.sort((a, b) => a.part.shard.index - b.part.shard.index);
  const first = parts[0]!.part;
  const loaded = scenarioOf(parts[0]!);
  const { options } = first;
  const out = parsed.values.out as string | undefined;
  let text: string;
  let what: string;
  if (first.kind === 'run') {
    const format = formatOption('merge', parsed.values.format, ['json', 'csv', 'md']) as RunFormat;
    const prepared = prepareLoaded(loaded, {
      variants: options.variants,
      replications: options.replications,
      agents: options.agents,
      seed: options.seed,
      changes: options.set,
      precision: false,
      workers: 0,
    });
    const { plan } = prepared;
    const summariesOf = gatherUnits(parts, plan);
    const collector = new ResultCollector(plan.variants.length);
    for (let r = 0; r < plan.replications; r++)
      collector.add({ replication: r, summaries: summariesOf(r) });
    const result = summarize(plan, collector, plan.replications);
    text = runOutput(prepared, result, 'complete', format);
    what = `${plan.replications} replications × ${plan.variants.length} variants of ${prepared.scenario.id}`;
  } else {
    const format = formatOption('merge', parsed.values.format, [
      'md',
      'csv',
      'json',
    ]) as SweepFormat;
    const { sweep } = first as Extract<Part, { kind: 'sweep' }>;
    const prepared = prepareSweep(loaded, {
      spec: {
        path: sweep.path,
        from: sweep.from,
        to: sweep.to,
        steps: sweep.steps,
        ...(sweep.variant !== null ? { variant: sweep.variant } : {}),
      },
      replications: options.replications,
      agents: options.agents,
      seed: options.seed,
      changes: options.set,
    });
    if (canonicalJson(prepared.axis.values) !== canonicalJson(sweep.values)) {
      throw new CliError(
        `${parts[0]!.file}: sweep.values is ${canonicalJson(sweep.values)}, but this journeycast makes ${canonicalJson(prepared.axis.values)} of the same sweep: merge with the journeycast that ran the shards`,
      );
    }
    const { plan } = prepared;
    const models = plan.variants.length;
    const summaryOf = gatherUnits(parts, plan);
    const result = sweepResult(plan, (p, r) => summaryOf(r * models + p)[0]!);
    text = sweepOutput(prepared, result, format);
    what = `sweep of ${sweep.path}, ${models - 1} values × ${plan.replications} replications of ${prepared.scenario.id}`;
  }
  writeOutput(text, out);
  process.stderr.write(
    `journeycast: merged ${parts.length} part${parts.length === 1 ? '' : 's'} (${first.shard.count} shard${first.shard.count === 1 ? '' : 's'}): ${what}\n`,
  );
  return EXIT.ok;
}
