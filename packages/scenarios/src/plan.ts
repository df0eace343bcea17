/**
 * From a (validated) scenario to the engine's run plan: the baseline model, each variant as the
 * baseline with its overrides merged in and its investments added, and the run settings.
 */
import type { ModelSpec } from '@journeycast/models';
import type { PrecisionTarget, RunPlan } from '@journeycast/sim-core';
import type { Scenario } from './schema/scenarioSchema.ts';

/** The id the baseline carries in plans and results. */
export const BASELINE_ID = 'baseline';

/** Keys that would reach an object's prototype: never read or written from a file. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON data. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Merges `overrides` into a copy of `base`: objects merge key by key, arrays and values replace.
 * Prototype keys are refused, so no file can pollute Object.prototype.
 */
export function mergeOverrides<T>(base: T, overrides: unknown): T {
  const out = cloneJson(base) as unknown;
  mergeInto(out, overrides, '');
  return out as T;
}

function mergeInto(target: unknown, overrides: unknown, path: string): void {
  if (!isPlainObject(target) || !isPlainObject(overrides)) return;
  for (const key of Object.keys(overrides)) {
    if (FORBIDDEN_KEYS.has(key)) throw new Error(`${path}${key}: this key is not allowed`);
    const value = overrides[key];
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value) && isPlainObject(current)) {
      mergeInto(current, value, `${path}${key}.`);
    } else {
      Object.defineProperty(target, key, {
        value: cloneJson(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
}

/** Splits `channels.callCentre.agentsByHour[3]` into ['channels', 'callCentre', 'agentsByHour', 3]. */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const piece of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (match === null || (match[1] === '' && match[2] === ''))
      throw new Error(`${path}: not a valid path`);
    if (match[1] !== '') parts.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  for (const part of parts) {
    if (typeof part === 'string' && FORBIDDEN_KEYS.has(part))
      throw new Error(`${path}: "${part}" is not allowed in a path`);
  }
  return parts;
}

/** The value at a path, or undefined. */
export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of parsePath(path)) {
    if (typeof part === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[part];
    } else {
      if (!isPlainObject(node) || !Object.hasOwn(node, part)) return undefined;
      node = node[part];
    }
  }
  return node;
}

/** Sets the value at an existing path (in place). Throws when the path does not exist. */
export function setPath(root: unknown, path: string, value: unknown): void {
  const parts = parsePath(path);
  let node: unknown = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    node =
      typeof part === 'number'
        ? Array.isArray(node)
          ? node[part]
          : undefined
        : isPlainObject(node) && Object.hasOwn(node, part)
          ? node[part]
          : undefined;
    if (node === undefined) throw new Error(`${path}: no such path in the model`);
  }
  const last = parts[parts.length - 1]!;
  if (typeof last === 'number') {
    if (!Array.isArray(node) || last >= node.length)
      throw new Error(`${path}: no such path in the model`);
    node[last] = value;
  } else {
    if (!isPlainObject(node)) throw new Error(`${path}: no such path in the model`);
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/** The model of a variant: the baseline with its overrides, and its investments added. */
export function variantModel(
  scenario: Scenario,
  variantId: string,
  baseline: ModelSpec = scenario.model,
): ModelSpec {
  if (variantId === BASELINE_ID) return cloneJson(baseline);
  const variant = scenario.variants.find((v) => v.id === variantId);
  if (variant === undefined) {
    throw new Error(
      `variant "${variantId}" is not in the scenario (it has: ${[BASELINE_ID, ...scenario.variants.map((v) => v.id)].join(', ')})`,
    );
  }
  const model = mergeOverrides(baseline, variant.overrides);
  model.investments = [...model.investments, ...cloneJson(variant.investments)];
  return model;
}

export interface PlanOptions {
  /** Variants to run besides the baseline (default: all). */
  variants?: string[];
  replications?: number;
  agents?: number;
  seed?: number;
  /** Changes applied to the baseline model before the variants' overrides (CLI --set, app levers). */
  set?: { path: string; value: unknown }[];
  /** Changes applied to every variant's model after its overrides (the app's what-if sliders). */
  setOnVariants?: { path: string; value: unknown }[];
  /** Use the scenario's precision target (default true). */
  precision?: boolean;
}

/** Customers each simulated customer stands for. */
export function customersPerAgent(
  scenario: Scenario,
  agents: number,
  model: ModelSpec = scenario.model,
): number {
  const represented = scenario.run.representedCustomers ?? model.population.initialCustomers;
  return represented > 0 ? represented / agents : 1;
}

export function planFromScenario(scenario: Scenario, options: PlanOptions = {}): RunPlan {
  const baseline = cloneJson(scenario.model);
  for (const { path, value } of options.set ?? []) setPath(baseline, path, value);
  const ids = options.variants ?? scenario.variants.map((v) => v.id);
  const variants = [
    { id: BASELINE_ID, label: 'Baseline', model: baseline },
    ...ids
      .filter((id) => id !== BASELINE_ID)
      .map((id) => {
        const model = variantModel(scenario, id, baseline);
        for (const { path, value } of options.setOnVariants ?? []) setPath(model, path, value);
        return { id, label: scenario.variants.find((v) => v.id === id)!.label, model };
      }),
  ];
  const agents = options.agents ?? scenario.run.agents;
  const precision = scenario.run.precision;
  const target: PrecisionTarget | undefined =
    options.precision === false || precision === undefined
      ? undefined
      : {
          minReplications: precision.minReplications,
          checkEvery: precision.checkEvery,
          ...(precision.relativeHalfWidth !== undefined
            ? { relativeHalfWidth: precision.relativeHalfWidth }
            : {}),
          ...(precision.absoluteHalfWidth !== undefined
            ? { absoluteHalfWidth: precision.absoluteHalfWidth }
            : {}),
        };
  return {
    seed: options.seed ?? scenario.run.seed,
    variants,
    agents,
    customersPerAgent: customersPerAgent(scenario, agents, baseline),
    queueDaysPerMonth: scenario.run.queueDaysPerMonth,
    replications: options.replications ?? scenario.run.replications,
    ...(target !== undefined ? { precision: target } : {}),
  };
}
