/**
 * Differences between scenario documents: JSON Merge Patch (RFC 7386) for share links, and a flat
 * list of changed parameters for the ROI case's assumptions.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equalJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a JSON value holds a null anywhere (merge patches cannot carry nulls). */
export function containsNull(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.some(containsNull);
  if (isObject(value)) return Object.values(value).some(containsNull);
  return false;
}

/**
 * The merge patch that turns `from` into `to` (undefined when they are equal). Objects are
 * compared key by key; arrays and values are replaced whole; removed keys become null.
 */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return equalJson(from, to) ? undefined : to;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) patch[key] = null;
  for (const key of Object.keys(to)) {
    const sub = Object.hasOwn(from, key) ? createMergePatch(from[key], to[key]) : to[key];
    if (sub !== undefined) patch[key] = sub;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Applies a merge patch to a copy of `target` (RFC 7386). Prototype keys are refused. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? structuredClone(target) : {};
  for (const key of Object.keys(patch)) {
    if (FORBIDDEN.has(key)) throw new Error(`${key}: this key is not allowed`);
    const value = patch[key];
    if (value === null) delete out[key];
    else
      Object.defineProperty(out, key, {
        value: applyMergePatch(out[key], value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

/** Leaves of a JSON document as `a.b[2].c` → value. */
export function flatten(
  value: unknown,
  prefix = '',
  out = new Map<string, Json>(),
): Map<string, Json> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, []);
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix !== '') out.set(prefix, {});
    for (const key of keys) flatten(value[key], prefix === '' ? key : `${prefix}.${key}`, out);
  } else {
    out.set(prefix, value as Json);
  }
  return out;
}

export interface ParameterDifference {
  path: string;
  baseline: Json | undefined;
  variant: Json | undefined;
}

/**
 * Parameters whose value differs between two models, in document order. An empty list or map on
 * one side and entries on the other (a variant that adds the first investment) show as the
 * entries' leaves, each missing (undefined) on the empty side: never as "[] against nothing".
 */
export function differences(baseline: unknown, variant: unknown): ParameterDifference[] {
  const a = flatten(baseline);
  const b = flatten(variant);
  const hasBelow = (leaves: Map<string, Json>, path: string) => {
    for (const key of leaves.keys())
      if (key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) return true;
    return false;
  };
  const isEmptyContainer = (value: Json | undefined) =>
    value !== null && typeof value === 'object' && Object.keys(value).length === 0;
  // An empty container stands for "no entries" only while the other side has none either.
  const skip = (path: string, value: Json | undefined, other: Map<string, Json>) =>
    isEmptyContainer(value) && hasBelow(other, path);
  const out: ParameterDifference[] = [];
  const seen = new Set<string>();
  for (const [path, value] of b) {
    seen.add(path);
    if (skip(path, value, a)) continue;
    const before = a.get(path);
    if (!equalJson(before, value)) out.push({ path, baseline: before, variant: value });
  }
  for (const [path, value] of a) {
    if (!seen.has(path) && !skip(path, value, b))
      out.push({ path, baseline: value, variant: undefined });
  }
  return out;
}
