/**
 * The model's own rules (`checkModel` from @journeycast/models: ids that must exist, shares that
 * sum to 1, hours that agree …) on a model that may still have schema errors, so that one typo
 * does not hide every other problem of the file.
 *
 * `checkModel` trusts the schema: it reads numbers as numbers and objects as objects. So it is
 * given only what is well-typed:
 * - a key that should not be there (unknown, not an id, a prototype key) is left out: the rest of
 *   its object is sound;
 * - an entry with a schema error is taken out whole: a segment, source, channel, journey,
 *   touchpoint or investment (the "unit" the error is in);
 * - a block the rules read directly (population, referrals, experience, behaviour, a top-level
 *   number) cannot be taken out: the rules run with it as it is, inside a try, and anything they
 *   say about it is dropped.
 *
 * Then what the rules say is dropped where it is about something already invalid: a problem in a
 * unit with a schema error, a total over a subtree that holds one, a reference to an entry taken
 * out (its id is the value found), and the few rules that read another unit (`CROSS_READS`).
 * What is left is about well-typed data only, and is reported beside the schema errors.
 */
import { checkModel, type ModelProblem, type ModelSpec } from '@journeycast/models';
import { cloneJson, parsePath } from '../plan.ts';
import { isPlainObject, type SchemaProblem } from './checkSchema.ts';
import type { PathPart } from './errors.ts';

/** Maps whose entries the model refers to by id elsewhere (shares, channels of touchpoints). */
const REFERENCED_MAPS = new Set(['segments', 'channels']);
/** Maps whose entries are units of their own. */
const ENTRY_MAPS = new Set(['segments', 'sources', 'channels', 'journeys']);

/**
 * Rules of checkModel that read outside the unit their problem is reported in: the problem's path
 * (relative to the model) and the units it reads. A problem is dropped when one of those units has
 * a schema error. (References by id are handled apart, by the id found.)
 */
const CROSS_READS: readonly [RegExp, (unit: string) => boolean][] = [
  // "a month within the horizon (≤ horizonMonths)"
  [/^investments\[\d+\]\.startMonth$/, (unit) => unit === 'horizonMonths'],
  // "a rate above 0 when terminalValue is true"
  [/^annualDiscountRate$/, (unit) => unit === 'terminalValue'],
  // "a segment with `renewal` for renewal-month touchpoints"
  [/\.renewalMonthsOnly$/, (unit) => unit.startsWith('segments.')],
];

/** The unit a path (relative to the model) belongs to, as parts. */
function unitOf(parts: readonly PathPart[]): PathPart[] {
  const [first, second, third, fourth] = parts;
  if (first === undefined) return [];
  if (typeof first === 'string' && ENTRY_MAPS.has(first) && second !== undefined) {
    if (first === 'journeys' && third === 'touchpoints' && fourth !== undefined)
      return [first, second, third, fourth];
    return [first, second];
  }
  if (first === 'investments' && typeof second === 'number') return [first, second];
  return [first];
}

const key = (parts: readonly PathPart[]) => parts.join('.');

function startsWith(path: readonly PathPart[], prefix: readonly PathPart[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/** The object at `parts` inside `root`, or undefined. */
function objectAt(root: unknown, parts: readonly PathPart[]): Record<string, unknown> | undefined {
  let node = root;
  for (const part of parts) {
    if (typeof part === 'number') node = Array.isArray(node) ? node[part] : undefined;
    else node = isPlainObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return isPlainObject(node) ? node : undefined;
}

/**
 * A copy of `model` without the keys its schema problems say should not be there, and the
 * problems that are left (those about values). Paths are relative to the model.
 */
export function withoutExtraKeys(
  model: Record<string, unknown>,
  problems: readonly SchemaProblem[],
): { model: Record<string, unknown>; rest: SchemaProblem[]; dropped: SchemaProblem[] } {
  const copy = cloneJson(model);
  const rest: SchemaProblem[] = [];
  const dropped: SchemaProblem[] = [];
  for (const problem of problems) {
    if (problem.extraKey === undefined) {
      rest.push(problem);
      continue;
    }
    dropped.push(problem);
    const holder = objectAt(copy, problem.path);
    if (holder !== undefined && Object.hasOwn(holder, problem.extraKey))
      delete holder[problem.extraKey];
  }
  return { model: copy, rest, dropped };
}

/**
 * checkModel's problems about the well-typed part of `model`, given the model's schema problems
 * (paths relative to the model). With no schema problem but unknown keys, that is all of them.
 */
export function guardedCheckModel(
  model: Record<string, unknown>,
  problems: readonly SchemaProblem[],
): ModelProblem[] {
  const { model: checked, rest, dropped } = withoutExtraKeys(model, problems);
  if (rest.length === 0) return checkModel(checked as unknown as ModelSpec);

  const badPaths = rest.map((p) => p.path);
  const badUnits = new Set(badPaths.map((path) => key(unitOf(path))));
  if (badUnits.has('')) return []; // the model itself is not an object

  // An id that is not an id (a key against its map's pattern) is as good as taken out.
  const removedIds = new Set<string>();
  for (const problem of dropped) {
    const [map] = problem.path;
    if (problem.path.length === 1 && typeof map === 'string' && REFERENCED_MAPS.has(map))
      removedIds.add(problem.extraKey!);
  }

  // Take out the entries with schema errors; investments by index, keeping the original numbers.
  const investments = Array.isArray(checked.investments) ? checked.investments : undefined;
  const investmentIndex: number[] = [];
  const removedInvestments = new Set<number>();
  for (const path of badPaths) {
    const unit = unitOf(path);
    if (unit.length < 2) continue;
    const [first, id] = unit;
    if (first === 'investments') {
      removedInvestments.add(id as number);
      continue;
    }
    const holder = objectAt(checked, unit.slice(0, -1));
    const entry = unit[unit.length - 1] as string;
    if (holder !== undefined && Object.hasOwn(holder, entry)) delete holder[entry];
    if (unit.length === 2 && REFERENCED_MAPS.has(first as string)) removedIds.add(entry);
  }
  if (investments !== undefined) {
    checked.investments = investments.filter((_, i) => {
      if (removedInvestments.has(i)) return false;
      investmentIndex.push(i);
      return true;
    });
  }

  let found: ModelProblem[];
  try {
    found = checkModel(checked as unknown as ModelSpec);
  } catch {
    // A block the rules read directly is not of its type (population is a number, say): its
    // rules cannot run until the schema error is fixed. The schema errors say what to fix.
    return [];
  }

  const out: ModelProblem[] = [];
  for (const problem of found) {
    let parts: PathPart[];
    try {
      parts = parsePath(problem.path);
    } catch {
      parts = [problem.path];
    }
    let path = problem.path;
    if (parts[0] === 'investments' && typeof parts[1] === 'number') {
      const original = investmentIndex[parts[1]] ?? parts[1];
      path = path.replace(/^investments\[\d+\]/, `investments[${original}]`);
      parts[1] = original;
    }
    if (badUnits.has(key(unitOf(parts)))) continue;
    // Inside something invalid, or a total over a subtree that holds it (a share sum, a count).
    if (badPaths.some((bad) => startsWith(parts, bad) || startsWith(bad, parts))) continue;
    if (removedIds.has(problem.found)) continue;
    if (CROSS_READS.some(([pattern, reads]) => pattern.test(path) && [...badUnits].some(reads)))
      continue;
    out.push(path === problem.path ? problem : { ...problem, path });
  }
  return out;
}
