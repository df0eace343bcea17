/**
 * Validation of a scenario, in one place, at the boundary (file, URL, form, CLI `--set`): the
 * schema first (types, ranges, unknown and missing keys), then the rules a schema cannot say —
 * the model's own (`checkModel`: ids that must exist, shares summing to 1 …) on the baseline and
 * on every variant's merged model, unique variant ids, levers that point at numbers, expectations
 * that name real metrics. Every problem is reported at once, each with its JSON path: the model's
 * rules run on whatever part of the model is well-typed (guardedCheckModel.ts), so a typo does not
 * hide a share sum or a dangling id. The core then trusts its typed input.
 */
import { describeValue, ModelSpec, QUALITY_LEVELS, type ModelProblem } from '@journeycast/models';
import { OLDEST_SCHEMA_VERSION } from '../migrations.ts';
import { BASELINE_ID, cloneJson, mergeOverrides, parsePath } from '../plan.ts';
import { ModelOverrides } from '../schema/overridesSchema.ts';
import {
  RUN_LIMITS,
  SCHEMA_VERSION,
  Scenario,
  type Expectation,
  type Lever,
  type RunSettings,
  type Variant,
} from '../schema/scenarioSchema.ts';
import { checkSchema, isPlainObject, schemaAt, type SchemaProblem } from './checkSchema.ts';
import { guardedCheckModel, withoutExtraKeys } from './guardedCheckModel.ts';
import { formatBound, nameList, suggest, type SchemaNode } from './describe.ts';
import {
  capErrors,
  formatScenarioError,
  joinPath,
  renderPath,
  type PathPart,
  type ScenarioError,
} from './errors.ts';
import { hasStandardError, metricProblem } from './metrics.ts';
import { lookupPath } from './modelPaths.ts';
import { resultProblems, runLoadProblems, type LoadProblem } from './runLoad.ts';

export type ValidationResult =
  { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const SCENARIO_SCHEMA = Scenario as unknown as SchemaNode;
const MODEL_SCHEMA = ModelSpec as unknown as SchemaNode;

/**
 * Checks a scenario of the current schema version (older files go through `parseScenarioText` or
 * `migrateScenario` first). On success, returns a deep copy the caller may keep.
 *
 * @example
 * validateScenario({ ...scenario, run: { ...scenario.run, agents: -3 } });
 * // => { ok: false, errors: [{ path: 'run.agents', message: 'expected a whole number ≥ 1, got -3' }] }
 */
export function validateScenario(input: unknown): ValidationResult {
  const errors = scenarioErrors(input);
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
  return { ok: true, scenario: cloneJson(input) as Scenario };
}

/** Every problem of a scenario (uncapped), in file order within each kind of check. */
export function scenarioErrors(input: unknown): ScenarioError[] {
  if (!isPlainObject(input)) {
    return [
      { path: '', message: `expected a scenario (a JSON object), got ${describeValue(input)}` },
    ];
  }
  const version = input.schemaVersion;
  // Versions this build knows of get their own sentence; anything else (-2, 2.5, 0) is just not
  // the expected 2, which the schema check says.
  if (
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= OLDEST_SCHEMA_VERSION &&
    version !== SCHEMA_VERSION
  ) {
    return [
      {
        path: 'schemaVersion',
        message:
          version > SCHEMA_VERSION
            ? `written by a newer Journeycast: schemaVersion ${version}; this build reads up to ${SCHEMA_VERSION}`
            : `a version ${version} scenario: load it through the migrations (parseScenarioText or migrateScenario), which bring it to version ${SCHEMA_VERSION}`,
      },
    ];
  }

  const problems = checkSchema(input, SCENARIO_SCHEMA, {
    overrides: { schema: ModelOverrides, base: input.model },
  });
  const errors: ScenarioError[] = problems.map((p) => ({
    path: renderPath(p.path),
    message: p.message,
  }));
  const invalidAt = (...prefix: PathPart[]) => problems.some((p) => startsWith(p.path, prefix));
  // A list over its limit is reported as such and its items are not schema-checked, so they must
  // not be checked one by one either (they may be anything); nor would a 5 MB file of 20,000
  // variants cost 20,000 merged models.
  const tooLong = (key: string) => problems.some((p) => p.path.length === 1 && p.path[0] === key);

  // The model's schema problems, relative to it. Unknown keys are left out of what the rules
  // below see; with nothing else wrong, the model is well-typed (`modelOk`) without them.
  const modelSchemaProblems = problems
    .filter((p) => p.path[0] === 'model')
    .map((p) => ({ ...p, path: p.path.slice(1) }));
  const rawModel = input.model;
  const stripped = isPlainObject(rawModel)
    ? withoutExtraKeys(rawModel, modelSchemaProblems)
    : undefined;
  const model = stripped?.model ?? rawModel;
  const modelOk = stripped !== undefined && stripped.rest.length === 0;
  const baseSchemaProblems = stripped?.rest ?? [];
  const baseProblems = isPlainObject(rawModel)
    ? guardedCheckModel(rawModel, modelSchemaProblems)
    : [];
  for (const problem of baseProblems) errors.push(problemError('model', problem));

  const variants = Array.isArray(input.variants)
    ? (input.variants as unknown[]).slice(0, RUN_LIMITS.maxVariants)
    : [];
  const variantIds = checkVariantIds(variants, errors);
  const variantOk: boolean[] = [];
  if (isPlainObject(model) && !tooLong('variants')) {
    variants.forEach((variant, i) => {
      if (invalidAt('variants', i)) return;
      const merged = mergedModelErrors(
        model as ModelSpec,
        variant as Variant,
        i,
        baseSchemaProblems,
        baseProblems,
      );
      errors.push(...merged);
      variantOk[i] = modelOk && merged.length === 0;
    });
  }

  // What the run would ask of the engine (population, queues), once the model and run are valid.
  const runOk = isPlainObject(input.run) && !invalidAt('run');
  if (modelOk && runOk && baseProblems.length === 0) {
    const run = input.run as RunSettings;
    const baseLoad = runLoadProblems(model as ModelSpec, run);
    for (const problem of baseLoad) {
      errors.push({
        path: problem.path.startsWith('run.') ? problem.path : joinPath('model', problem.path),
        message: problem.message,
      });
    }
    const models: ModelSpec[] = [model as ModelSpec];
    variants.forEach((variant, i) => {
      if (variantOk[i] !== true) return;
      const merged = variantModelOf(model as ModelSpec, variant as Variant);
      models.push(merged);
      for (const problem of runLoadProblems(merged, run)) {
        if (baseLoad.some((b) => sameLoad(b, problem))) continue;
        errors.push({
          path: `variants[${i}] (merged model)`,
          message: problem.path.startsWith('run.')
            ? problem.message
            : `${problem.path}: ${problem.message}`,
        });
      }
    });
    if (models.length === variants.length + 1) errors.push(...resultProblems(models, run));
  }

  const levers =
    Array.isArray(input.levers) && !tooLong('levers') ? (input.levers as unknown[]) : [];
  const leverPaths = new Map<string, number>();
  levers.forEach((lever, i) => {
    if (invalidAt('levers', i) || !isPlainObject(model)) return;
    const { path } = lever as Lever;
    const first = leverPaths.get(path);
    if (first !== undefined) {
      errors.push({
        path: `levers[${i}].path`,
        message: `"${path}" is already the path of levers[${first}]`,
      });
    } else {
      leverPaths.set(path, i);
    }
    errors.push(...leverErrors(lever as Lever, i, model, modelOk));
  });

  const expectations =
    Array.isArray(input.expect) && !tooLong('expect') ? (input.expect as unknown[]) : [];
  expectations.forEach((expectation, i) => {
    if (invalidAt('expect', i)) return;
    errors.push(...expectationErrors(expectation as Expectation, i, model, variants, variantIds));
  });

  const run = input.run;
  if (isPlainObject(run) && isPlainObject(run.precision) && !invalidAt('run', 'precision')) {
    const { relativeHalfWidth, absoluteHalfWidth } = run.precision;
    if (relativeHalfWidth === undefined && absoluteHalfWidth === undefined) {
      errors.push({
        path: 'run.precision',
        message: 'expected relativeHalfWidth, absoluteHalfWidth or both, got neither',
      });
    }
  }

  // The same problem can surface twice (an override's own check and its merged model's): say it once.
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = formatScenarioError(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function startsWith(path: readonly PathPart[], prefix: readonly PathPart[]): boolean {
  return prefix.every((part, i) => path[i] === part);
}

function problemError(prefix: string, problem: ModelProblem): ScenarioError {
  return {
    path: joinPath(prefix, problem.path),
    message: `expected ${problem.expected}, got ${problem.found}`,
  };
}

function sameProblem(a: ModelProblem, b: ModelProblem): boolean {
  return a.path === b.path && a.expected === b.expected && a.found === b.found;
}

/** The same limit passed at the same place (the numbers may differ: said once, for the baseline). */
function sameLoad(a: LoadProblem, b: LoadProblem): boolean {
  return a.path === b.path;
}

/** A variant's model: the baseline with its overrides merged in and its investments appended. */
function variantModelOf(base: ModelSpec, variant: Variant): ModelSpec {
  const merged = mergeOverrides(base, variant.overrides);
  merged.investments = [...merged.investments, ...cloneJson(variant.investments)];
  return merged;
}

function checkVariantIds(variants: unknown[], errors: ScenarioError[]): string[] {
  const seen = new Map<string, number>();
  variants.forEach((variant, i) => {
    if (!isPlainObject(variant) || typeof variant.id !== 'string') return;
    const id = variant.id;
    if (id === BASELINE_ID) {
      errors.push({
        path: `variants[${i}].id`,
        message: `"${BASELINE_ID}" is reserved: it names the scenario's baseline`,
      });
    } else if (seen.has(id)) {
      errors.push({
        path: `variants[${i}].id`,
        message: `"${id}" is already the id of variants[${seen.get(id)}]`,
      });
    } else {
      seen.set(id, i);
    }
  });
  return [...seen.keys()];
}

/** Whether `parts` names something inside `root` (own keys and array indices only). */
function existsIn(root: unknown, parts: readonly PathPart[]): boolean {
  let node = root;
  for (const part of parts) {
    if (typeof part === 'number') {
      if (!Array.isArray(node) || part >= node.length) return false;
      node = node[part];
    } else {
      if (!isPlainObject(node) || !Object.hasOwn(node, part)) return false;
      node = node[part];
    }
  }
  return true;
}

/**
 * Problems of a variant's model (the baseline with its overrides merged in and its investments
 * appended), reported where the variant says them: under `variants[i].overrides…` when the path is
 * one the overrides name, under `variants[i].investments[k]` for its own investments, else as
 * `variants[i] (merged model): path: …`. Problems the baseline already has are not repeated.
 */
function mergedModelErrors(
  base: ModelSpec,
  variant: Variant,
  i: number,
  baseSchemaProblems: readonly SchemaProblem[],
  baseProblems: ModelProblem[],
): ScenarioError[] {
  const merged = mergeOverrides(base, variant.overrides);
  // The baseline's investments may not be a list (a schema error, said for the baseline).
  const baseInvestments = Array.isArray(merged.investments) ? merged.investments : [];
  const inherited = baseInvestments.length;
  merged.investments = [...baseInvestments, ...cloneJson(variant.investments)];
  const overrides = variant.overrides;
  const place = (parts: PathPart[], message: string): ScenarioError => {
    const [first, index] = parts;
    if (first === 'investments' && typeof index === 'number' && index >= inherited) {
      return {
        path: renderPath(['variants', i, 'investments', index - inherited, ...parts.slice(2)]),
        message,
      };
    }
    if (parts.length > 0 && existsIn(overrides, parts)) {
      return { path: renderPath(['variants', i, 'overrides', ...parts]), message };
    }
    return {
      path: `variants[${i}] (merged model)`,
      message: parts.length > 0 ? `${renderPath(parts)}: ${message}` : message,
    };
  };

  // The merged model's schema problems: those the baseline has are said once, for the baseline;
  // the rules then run on what is well-typed (guardedCheckModel.ts) and say only what is new.
  const schemaProblems: SchemaProblem[] = checkSchema(merged, MODEL_SCHEMA);
  // (By place, not by message: the merge copies as JSON, so a NaN of the baseline reads null here.)
  const own = schemaProblems.filter(
    (p) => !baseSchemaProblems.some((b) => startsWith(p.path, b.path)),
  );
  const semantic = guardedCheckModel(merged as unknown as Record<string, unknown>, schemaProblems)
    .filter((problem) => !baseProblems.some((b) => sameProblem(b, problem)))
    .map((problem) => {
      let parts: PathPart[];
      try {
        parts = parsePath(problem.path);
      } catch {
        parts = [];
      }
      return place(parts, `expected ${problem.expected}, got ${problem.found}`);
    });
  return [...own.map((p) => place(p.path, p.message)), ...semantic];
}

/** Rounds away binary noise for messages: 0.9 − 0.5 shows as 0.4. */
function tidy(x: number): string {
  return formatBound(Number(x.toPrecision(12)));
}

const QUALITY_SCALE = QUALITY_LEVELS.map((level, i) => `${i} ${level}`).join(', ');

function leverErrors(
  lever: Lever,
  i: number,
  model: Record<string, unknown>,
  modelOk: boolean,
): ScenarioError[] {
  const at = `levers[${i}]`;
  const errors: ScenarioError[] = [];
  let parts: PathPart[];
  try {
    parts = parsePath(lever.path);
  } catch {
    return [
      {
        path: `${at}.path`,
        message: `expected a path like channels.callCentre.agents, got ${describeValue(lever.path)}`,
      },
    ];
  }

  const lookup = lookupPath(model, parts);
  if (!lookup.found) return [{ path: `${at}.path`, message: lookup.problem }];
  const node = lookup.value;

  if (typeof node === 'string' && (QUALITY_LEVELS as readonly string[]).includes(node)) {
    const want = { min: 0, max: QUALITY_LEVELS.length - 1, step: 1 } as const;
    for (const key of ['min', 'max', 'step'] as const) {
      if (lever[key] !== want[key]) {
        errors.push({
          path: `${at}.${key}`,
          message: `expected ${want[key]} for a quality lever (${QUALITY_SCALE}), got ${describeValue(lever[key])}`,
        });
      }
    }
    return errors;
  }
  if (typeof node !== 'number') {
    // With an invalid model, the value may be the model's error, not the lever's: said once, there.
    if (!modelOk) return [];
    return [
      {
        path: `${at}.path`,
        message: `expected the path of a number or a quality level, got ${describeValue(node)}`,
      },
    ];
  }

  if (lever.min > lever.max) {
    errors.push({
      path: `${at}.max`,
      message: `expected a number ≥ min (${tidy(lever.min)}), got ${tidy(lever.max)}`,
    });
  } else if (lever.max > lever.min && lever.step > lever.max - lever.min) {
    errors.push({
      path: `${at}.step`,
      message: `expected at most max − min (${tidy(lever.max - lever.min)}), got ${tidy(lever.step)}`,
    });
  }

  // A slider must not reach values the model refuses.
  const target = modelOk ? schemaAt(MODEL_SCHEMA, parts, model) : undefined;
  if (target !== undefined && (target.type === 'number' || target.type === 'integer')) {
    const name = lever.path;
    if (target.minimum !== undefined && lever.min < target.minimum) {
      errors.push({
        path: `${at}.min`,
        message: `expected a number ≥ ${formatBound(target.minimum)} (the least ${name} may be), got ${tidy(lever.min)}`,
      });
    }
    if (target.exclusiveMinimum !== undefined && lever.min <= target.exclusiveMinimum) {
      errors.push({
        path: `${at}.min`,
        message: `expected a number > ${formatBound(target.exclusiveMinimum)} (${name} must be above it), got ${tidy(lever.min)}`,
      });
    }
    if (target.maximum !== undefined && lever.max > target.maximum) {
      errors.push({
        path: `${at}.max`,
        message: `expected a number ≤ ${formatBound(target.maximum)} (the most ${name} may be), got ${tidy(lever.max)}`,
      });
    }
    if (target.exclusiveMaximum !== undefined && lever.max >= target.exclusiveMaximum) {
      errors.push({
        path: `${at}.max`,
        message: `expected a number < ${formatBound(target.exclusiveMaximum)} (${name} must be below it), got ${tidy(lever.max)}`,
      });
    }
    if (target.type === 'integer') {
      for (const key of ['min', 'max', 'step'] as const) {
        if (!Number.isInteger(lever[key])) {
          errors.push({
            path: `${at}.${key}`,
            message: `expected a whole number (${name} is a whole number), got ${tidy(lever[key])}`,
          });
        }
      }
    }
  }
  return errors;
}

function idsOf(value: unknown): string[] {
  return isPlainObject(value) ? Object.keys(value) : [];
}

function expectationErrors(
  expectation: Expectation,
  i: number,
  model: unknown,
  variants: unknown[],
  variantIds: string[],
): ScenarioError[] {
  const at = `expect[${i}]`;
  const errors: ScenarioError[] = [];
  const baseModel = isPlainObject(model) ? model : {};
  /** The ids a variant's result has channels and sources for: the baseline's and its overrides'. */
  const contextOf = (id: string) => {
    const variant = variants.find((v): v is Variant => isPlainObject(v) && v.id === id);
    const overrides =
      variant !== undefined && isPlainObject(variant.overrides) ? variant.overrides : {};
    const union = (key: string) => [
      ...new Set([...idsOf(baseModel[key]), ...idsOf(overrides[key])]),
    ];
    return {
      channels: union('channels'),
      sources: union('sources'),
      isBaseline: id === BASELINE_ID,
    };
  };
  /** Why `id` names no result to compare, or undefined. */
  const unknownVariant = (id: string) => {
    if (id === BASELINE_ID || variantIds.includes(id)) return undefined;
    const guess = suggest(id, [BASELINE_ID, ...variantIds]);
    return `expected ${BASELINE_ID}${variantIds.length > 0 ? ` or one of the variants (${nameList(variantIds)})` : ' (the scenario has no variants)'}, got ${describeValue(id)}${guess !== undefined ? ` (did you mean "${guess}"?)` : ''}`;
  };

  const id = expectation.variant;
  const badVariant = unknownVariant(id);
  if (badVariant !== undefined) {
    errors.push({ path: `${at}.variant`, message: badVariant });
  } else {
    const problem = metricProblem(expectation.metric, contextOf(id));
    if (problem !== undefined) errors.push({ path: `${at}.metric`, message: problem });
  }

  const other = expectation.compareTo;
  if (other !== undefined) {
    const badOther = unknownVariant(other);
    if (badOther !== undefined) {
      errors.push({ path: `${at}.compareTo`, message: badOther });
    } else if (other === id) {
      errors.push({
        path: `${at}.compareTo`,
        message: `expected a variant other than ${at}.variant ("${id}"), got "${other}"`,
      });
    } else if (
      badVariant === undefined &&
      metricProblem(expectation.metric, contextOf(id)) === undefined
    ) {
      // The metric must name a number in the other result too (a channel both have, say).
      const problem = metricProblem(expectation.metric, contextOf(other));
      if (problem !== undefined)
        errors.push({ path: `${at}.metric`, message: `for compareTo "${other}": ${problem}` });
    }
  }

  if (expectation.marginSe !== undefined && !hasStandardError(expectation.metric)) {
    errors.push({
      path: `${at}.marginSe`,
      message: `expected a metric with a standard error for a margin in standard errors (a mean such as totals.revenue.mean or vsBaseline.npv.mean, or vsBaseline.pNpvPositive), got "${expectation.metric}"`,
    });
  }

  if (expectation.min === undefined && expectation.max === undefined) {
    errors.push({ path: at, message: 'expected min, max or both, got neither' });
  } else if (
    expectation.min !== undefined &&
    expectation.max !== undefined &&
    expectation.min > expectation.max
  ) {
    errors.push({
      path: `${at}.max`,
      message: `expected a number ≥ min (${tidy(expectation.min)}), got ${tidy(expectation.max)}`,
    });
  }
  return errors;
}
