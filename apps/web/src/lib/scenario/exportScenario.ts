/**
 * The current scenario as a file. Economics lever changes (assumptions about the world, see
 * isSharedLever) are written into the baseline model. Decision lever changes are written as a new
 * variant (first in the list), not as edits of the baseline: the levers are what-ifs on the compared variant, so writing them
 * into the baseline would change every other comparison in the file. The new variant carries the
 * compared variant's own overrides and investments plus the lever values, so opening it reproduces
 * exactly what the workbench showed.
 */
import {
  BASELINE_ID,
  mergeOverrides,
  parsePath,
  setPath,
  type Scenario,
  type Variant,
} from '@journeycast/scenarios';
import {
  CUSTOM_ID,
  comparedModel,
  describeLeverValue,
  isSharedLever,
  leverSets,
  type LeverValues,
} from './levers.ts';

/** Nested overrides that set each path (arrays are replaced whole, as overrides require). */
export function overridesFor(
  model: unknown,
  sets: { path: string; value: unknown }[],
): Record<string, unknown> {
  const changed = structuredClone(model);
  for (const { path, value } of sets) setPath(changed, path, value);
  const out: Record<string, unknown> = {};
  for (const { path } of sets) {
    const parts = parsePath(path);
    // Up to the first array index: below it, the whole array is the override.
    const cut = parts.findIndex((p) => typeof p === 'number');
    const keys = (cut === -1 ? parts : parts.slice(0, cut)) as string[];
    let source: unknown = changed;
    for (const key of keys) source = (source as Record<string, unknown>)[key];
    let node = out;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = structuredClone(source);
      else node = (node[key] ??= {}) as Record<string, unknown>;
    });
  }
  return out;
}

function uniqueId(scenario: Scenario, wanted: string): string {
  const taken = new Set([BASELINE_ID, ...scenario.variants.map((v) => v.id)]);
  let id = wanted.slice(0, 56);
  for (let i = 2; taken.has(id); i++) id = `${wanted.slice(0, 56)}-${i}`;
  return id;
}

export interface ScenarioExport {
  scenario: Scenario;
  /** The variant holding the lever changes, when there are any. */
  leverVariantId: string | undefined;
}

export function scenarioForExport(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): ScenarioExport {
  const out = structuredClone(scenario);
  // Economics levers are assumptions about the world: they are edits of the baseline model.
  for (const { path, value } of leverSets(scenario, levers, 'shared'))
    setPath(out.model, path, value);
  const decisions = Object.fromEntries(
    scenario.levers
      .filter((l) => !isSharedLever(l) && levers[l.path] !== undefined)
      .map((l) => [l.path, levers[l.path]!]),
  );
  const sets = leverSets(scenario, decisions);
  if (sets.length === 0) return { scenario: out, leverVariantId: undefined };
  const source =
    variantId === CUSTOM_ID ? undefined : scenario.variants.find((v) => v.id === variantId);
  const base = comparedModel(scenario, variantId);
  const changes = scenario.levers
    .filter((l) => decisions[l.path] !== undefined)
    // One locale whatever the browser's: the file's text, and so its hash, must not depend on it.
    .map((l) => `${l.label}: ${describeLeverValue(l, decisions[l.path]!, 'en-GB')}`);
  const variant: Variant = {
    id: uniqueId(scenario, source ? `${source.id}-levers` : 'custom-levers'),
    label: `${source ? source.label : 'Baseline'} + lever changes`,
    description:
      `Saved from the Journeycast workbench. ${source ? `Starts from “${source.label}”` : 'Starts from the baseline'}, with ${changes.join('; ')}.`.slice(
        0,
        4000,
      ),
    overrides: mergeOverrides(source?.overrides ?? {}, overridesFor(base, sets)),
    investments: structuredClone(source?.investments ?? []),
  };
  out.variants = [variant, ...out.variants];
  return { scenario: out, leverVariantId: variant.id };
}

export function scenarioFileName(scenario: Scenario): string {
  return `${scenario.id}.scenario.json`;
}
