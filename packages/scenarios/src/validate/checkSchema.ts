/**
 * Checks a value against a TypeBox (JSON Schema) definition by walking both, and says what is wrong
 * in words: every problem, each with its path.
 *
 * Why not Ajv: it compiles each schema to code with `new Function`, which the app's Content
 * Security Policy forbids; and its messages name schema keywords rather than what an analyst typed.
 * This walker reads a small subset of JSON Schema, the one TypeBox emits for the scenario format:
 * objects (properties, required, additionalProperties: false), records (patternProperties, whose
 * keys must match), arrays, numbers and integers with inclusive or exclusive bounds, strings
 * (length, pattern), literals, and unions (`anyOf`) — discriminated by a literal property such as a
 * channel's `kind` when every branch has one, so an error is about the branch the file meant.
 *
 * The walker never writes to the value and reads only own properties; `__proto__`, `constructor`
 * and `prototype` keys are reported and never followed.
 */
import { describeValue } from '@journeycast/models';
import { FORBIDDEN_KEYS } from '../plan.ts';
import {
  describeNumber,
  describeSchema,
  didYouMean,
  literalList,
  quoteKey,
  suggest,
  patternMeaning,
  type SchemaNode,
} from './describe.ts';
import type { PathPart } from './errors.ts';

export interface SchemaProblem {
  path: PathPart[];
  message: string;
  /**
   * Set when the problem is a key of the object at `path` that should not be there (unknown,
   * not an id, or a prototype key): the key named. Everything else of that object may be sound,
   * so checks of what the value means can go on without the key (validate/guardedCheckModel.ts).
   */
  extraKey?: string;
}

export interface CheckOptions {
  /**
   * The schema to use where the scenario schema says `x-overrides-of` (a variant's overrides), and
   * the value they override, whose `kind`s pick the union branch of an override that names none.
   */
  overrides?: { schema: SchemaNode; base: unknown };
  /** Stop walking after this many problems (bounds the work on a hopeless file). */
  limit?: number;
}

interface Context {
  problems: SchemaProblem[];
  options: CheckOptions;
  limit: number;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Every problem of `value` against `schema`, with paths starting at `path`. */
export function checkSchema(
  value: unknown,
  schema: SchemaNode,
  options: CheckOptions = {},
  path: PathPart[] = [],
): SchemaProblem[] {
  const context: Context = { problems: [], options, limit: options.limit ?? 10_000 };
  walk(value, schema, path, context, undefined);
  return context.problems;
}

function report(context: Context, path: PathPart[], message: string, extraKey?: string): void {
  context.problems.push(extraKey === undefined ? { path, message } : { path, message, extraKey });
}

function expected(context: Context, path: PathPart[], what: string, found: unknown): void {
  report(context, path, `expected ${what}, got ${describeValue(found)}`);
}

function walk(
  value: unknown,
  schema: SchemaNode,
  path: PathPart[],
  context: Context,
  base: unknown,
): void {
  if (context.problems.length >= context.limit) return;
  if (schema['x-overrides-of'] !== undefined && context.options.overrides !== undefined) {
    walk(value, context.options.overrides.schema, path, context, context.options.overrides.base);
    return;
  }
  if (schema.anyOf !== undefined)
    return walkUnion(value, schema, schema.anyOf, path, context, base);
  if (schema.const !== undefined) {
    if (value !== schema.const) expected(context, path, JSON.stringify(schema.const), value);
    return;
  }
  switch (schema.type) {
    case 'object':
      return walkObject(value, schema, path, context, base);
    case 'array':
      return walkArray(value, schema, path, context);
    case 'number':
    case 'integer':
      return walkNumber(value, schema, path, context);
    case 'string':
      return walkString(value, schema, path, context);
    case 'boolean':
      if (typeof value !== 'boolean') expected(context, path, 'true or false', value);
      return;
    case 'null':
      if (value !== null) expected(context, path, 'null', value);
      return;
    default:
      // An unconstrained schema (TypeBox Unknown): anything goes.
      return;
  }
}

function walkObject(
  value: unknown,
  schema: SchemaNode,
  path: PathPart[],
  context: Context,
  base: unknown,
): void {
  if (!isPlainObject(value)) return expected(context, path, 'an object', value);
  const properties = schema.properties ?? {};
  const patterns = Object.entries(schema.patternProperties ?? {});
  const known = Object.keys(properties);
  const keys = Object.keys(value);
  const baseObject = isPlainObject(base) ? base : undefined;
  for (const key of keys) {
    if (context.problems.length >= context.limit) return;
    if (FORBIDDEN_KEYS.has(key)) {
      report(context, path, `"${key}" is not allowed as a key`, key);
      continue;
    }
    const child = value[key];
    const childBase =
      baseObject !== undefined && Object.hasOwn(baseObject, key) ? baseObject[key] : undefined;
    if (Object.hasOwn(properties, key)) {
      walk(child, properties[key]!, [...path, key], context, childBase);
      continue;
    }
    if (patterns.length > 0) {
      const match = patterns.find(([pattern]) => new RegExp(pattern, 'u').test(key));
      if (match !== undefined) walk(child, match[1], [...path, key], context, childBase);
      else
        report(
          context,
          path,
          `key ${quoteKey(key)} is not ${patterns.map(([p]) => patternMeaning(p)).join(' or ')}`,
          key,
        );
      continue;
    }
    if (schema.additionalProperties === false) {
      // A typo usually leaves the key meant missing: prefer those in suggestions.
      const absent = known.filter((k) => !Object.hasOwn(value, k));
      const hint =
        suggest(key, absent) !== undefined ? didYouMean(key, absent) : didYouMean(key, known);
      report(context, path, `unknown key ${quoteKey(key)}${hint}`, key);
    } else if (typeof schema.additionalProperties === 'object') {
      walk(child, schema.additionalProperties, [...path, key], context, childBase);
    }
  }
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      const property = properties[key];
      report(
        context,
        path,
        `missing key "${key}"${property !== undefined ? ` (${describeSchema(property)})` : ''}`,
      );
    }
  }
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
    report(
      context,
      path,
      `expected at least ${schema.minProperties} ${schema.minProperties === 1 ? 'entry' : 'entries'}, got ${keys.length}`,
    );
  }
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    report(context, path, `expected at most ${schema.maxProperties} entries, got ${keys.length}`);
  }
}

function walkArray(value: unknown, schema: SchemaNode, path: PathPart[], context: Context): void {
  if (!Array.isArray(value)) return expected(context, path, 'an array', value);
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    report(
      context,
      path,
      `expected at least ${schema.minItems} ${schema.minItems === 1 ? 'item' : 'items'}, got ${value.length}`,
    );
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    report(context, path, `expected at most ${schema.maxItems} items, got ${value.length}`);
    return;
  }
  if (schema.items === undefined) return;
  for (let i = 0; i < value.length; i++) {
    if (context.problems.length >= context.limit) return;
    walk(value[i], schema.items, [...path, i], context, undefined);
  }
}

function walkNumber(value: unknown, schema: SchemaNode, path: PathPart[], context: Context): void {
  if (typeof value !== 'number') return expected(context, path, describeNumber(schema), value);
  // NaN and ±Infinity cannot come from JSON text, but can from code and forms.
  if (!Number.isFinite(value)) return expected(context, path, 'a finite number', value);
  if (schema.type === 'integer' && !Number.isInteger(value)) {
    return expected(context, path, describeNumber(schema), value);
  }
  // -0 compares equal to 0, so it passes wherever 0 does (and canonical JSON writes it as 0).
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (minimum !== undefined && value < minimum) {
    return expected(context, path, describeNumber({ type: schema.type, minimum }), value);
  }
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) {
    return expected(context, path, describeNumber({ type: schema.type, exclusiveMinimum }), value);
  }
  if (maximum !== undefined && value > maximum) {
    return expected(context, path, describeNumber({ type: schema.type, maximum }), value);
  }
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) {
    return expected(context, path, describeNumber({ type: schema.type, exclusiveMaximum }), value);
  }
}

function walkString(value: unknown, schema: SchemaNode, path: PathPart[], context: Context): void {
  if (typeof value !== 'string') return expected(context, path, describeSchema(schema), value);
  // JSON Schema counts characters as code points, not UTF-16 units.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    return expected(
      context,
      path,
      schema.minLength === 1 ? 'non-empty text' : `text of at least ${schema.minLength} characters`,
      value,
    );
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    return report(
      context,
      path,
      `expected text of at most ${schema.maxLength} characters, got ${length}`,
    );
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    return expected(context, path, patternMeaning(schema.pattern), value);
  }
}

/** The property every branch pins to a distinct literal (a channel's `kind`), if any. */
export function discriminatorOf(branches: readonly SchemaNode[]): string | undefined {
  const first = branches[0];
  if (first?.type !== 'object' || first.properties === undefined) return undefined;
  for (const [key, property] of Object.entries(first.properties)) {
    if (property.const === undefined) continue;
    const tags = branches.map((b) =>
      b.type === 'object' ? b.properties?.[key]?.const : undefined,
    );
    if (tags.every((t) => t !== undefined) && new Set(tags).size === tags.length) return key;
  }
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function branchAccepts(schema: SchemaNode, value: unknown): boolean {
  const type = jsonType(value);
  if (schema.const !== undefined) return typeof schema.const === type;
  if (schema.type === 'integer') return type === 'number';
  return schema.type === undefined || schema.type === type;
}

function walkUnion(
  value: unknown,
  schema: SchemaNode,
  branches: readonly SchemaNode[],
  path: PathPart[],
  context: Context,
  base: unknown,
): void {
  if (branches.every((b) => b.const !== undefined)) {
    if (!branches.some((b) => b.const === value)) {
      expected(context, path, `one of ${literalList(branches.map((b) => b.const))}`, value);
    }
    return;
  }
  const tagKey = discriminatorOf(branches);
  if (tagKey !== undefined) {
    if (!isPlainObject(value)) return expected(context, path, 'an object', value);
    const tags = branches.map((b) => b.properties![tagKey]!.const);
    // An override may leave the tag out: it keeps the kind of what it overrides.
    const own = Object.hasOwn(value, tagKey);
    const tag = own
      ? value[tagKey]
      : isPlainObject(base) && Object.hasOwn(base, tagKey)
        ? base[tagKey]
        : undefined;
    if (tag === undefined) {
      return report(context, path, `missing key "${tagKey}" (one of ${literalList(tags)})`);
    }
    const branch = branches.find((b) => b.properties![tagKey]!.const === tag);
    if (branch === undefined) {
      // A kind inherited from what is overridden is that value's error, said there once; the
      // override is checked when the kind is fixed.
      if (!own) return;
      return expected(context, [...path, tagKey], `one of ${literalList(tags)}`, tag);
    }
    return walk(value, branch, path, context, base);
  }
  const trials = branches.map((branch) => {
    const trial: Context = { problems: [], options: context.options, limit: context.limit };
    walk(value, branch, path, trial, base);
    return trial.problems;
  });
  if (trials.some((problems) => problems.length === 0)) return;
  // Report the branch the value's type points to (a number that is out of range, not "or null").
  const plausible = branches
    .map((b, i) => [b, i] as const)
    .filter(([b]) => branchAccepts(b, value));
  if (plausible.length === 1) {
    context.problems.push(...trials[plausible[0]![1]]!);
    return;
  }
  expected(context, path, describeSchema(schema), value);
}

/**
 * The schema of the value at `parts` inside a value matching `schema` (records, arrays, and
 * unions resolved by the value itself), or undefined when the path leaves the schema.
 */
export function schemaAt(
  schema: SchemaNode,
  parts: readonly PathPart[],
  value: unknown,
): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  let current: unknown = value;
  for (const part of parts) {
    node = resolveUnion(node, current);
    if (node === undefined) return undefined;
    if (typeof part === 'number') {
      if (node.type !== 'array' || node.items === undefined) return undefined;
      node = node.items;
      current = Array.isArray(current) ? current[part] : undefined;
      continue;
    }
    if (node.type !== 'object') return undefined;
    const own: SchemaNode | undefined =
      node.properties !== undefined && Object.hasOwn(node.properties, part)
        ? node.properties[part]
        : undefined;
    const patterned: SchemaNode | undefined = Object.entries(node.patternProperties ?? {}).find(
      ([p]) => new RegExp(p, 'u').test(part),
    )?.[1];
    node = own ?? patterned;
    current = isPlainObject(current) && Object.hasOwn(current, part) ? current[part] : undefined;
  }
  return node === undefined ? undefined : resolveUnion(node, current);
}

function resolveUnion(node: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  if (node?.anyOf === undefined) return node;
  if (node.anyOf.every((b) => b.const !== undefined)) return node;
  const tagKey = discriminatorOf(node.anyOf);
  if (tagKey !== undefined) {
    const tag = isPlainObject(value) ? value[tagKey] : undefined;
    return node.anyOf.find((b) => b.properties![tagKey]!.const === tag);
  }
  return node.anyOf.find((b) => branchAccepts(b, value)) ?? node;
}
