/**
 * The JSON Schema (draft 2020-12) of scenario files, for editors: VS Code and others validate a
 * file as it is typed when it says `"$schema": "../schema/scenario.schema.json"`. Generated from the
 * same TypeBox definitions the validator walks (`npm run build` writes schema/scenario.schema.json;
 * a test fails when the committed file drifts from this).
 *
 * Named model parts become `$defs` (SegmentSpec, StaffedChannelSpec …), and a variant's
 * `overrides` is described as the deep partial of the model (`ModelSpecOverride`: every key
 * optional, at every depth). Records say `additionalProperties: false`, as the validator does:
 * their keys must be identifiers.
 */
import { MODEL_SCHEMAS } from '@journeycast/models';
import type { SchemaNode } from '../validate/describe.ts';
import { deepPartial, ModelOverrides } from './overridesSchema.ts';
import { Expectation, Lever, RunSettings, Scenario, Variant } from './scenarioSchema.ts';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

type Json = Record<string, unknown>;

function definitions(): [string, SchemaNode][] {
  const model = Object.entries(MODEL_SCHEMAS) as [string, SchemaNode][];
  return [
    ...model,
    ...model.map(([name, schema]): [string, SchemaNode] => [
      `${name}Override`,
      name === 'ModelSpec' ? ModelOverrides : deepPartial(schema),
    ]),
    ['RunSettings', RunSettings as unknown as SchemaNode],
    ['Variant', Variant as unknown as SchemaNode],
    ['Lever', Lever as unknown as SchemaNode],
    ['Expectation', Expectation as unknown as SchemaNode],
  ];
}

/** The JSON Schema object of a scenario file. */
export function scenarioJsonSchema(): Json {
  const defs = definitions().map(([name, schema]) => ({
    name,
    schema,
    json: JSON.stringify(schema),
  }));
  const used = new Set<string>();

  const refFor = (node: SchemaNode): string | undefined => {
    if (node['x-overrides-of'] === 'ModelSpec') return 'ModelSpecOverride';
    const json = JSON.stringify(node);
    return defs.find((d) => d.schema === node || d.json === json)?.name;
  };

  const convert = (node: SchemaNode, root: boolean): Json => {
    if (!root) {
      const ref = refFor(node);
      if (ref !== undefined) {
        used.add(ref);
        return { $ref: `#/$defs/${ref}` };
      }
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' || key === 'patternProperties') {
        out[key] = Object.fromEntries(
          Object.entries(value as Record<string, SchemaNode>).map(([k, v]) => [
            k,
            convert(v, false),
          ]),
        );
      } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
        out[key] = convert(value as SchemaNode, false);
      } else if (key === 'anyOf') {
        out[key] = (value as SchemaNode[]).map((v) => convert(v, false));
      } else {
        out[key] = value;
      }
    }
    if (node.patternProperties !== undefined && node.additionalProperties === undefined) {
      out.additionalProperties = false;
    }
    return out;
  };

  const { $id, title, description, ...rest } = convert(Scenario as unknown as SchemaNode, true);
  const $defs: Record<string, Json> = {};
  const pending = [...used];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (Object.hasOwn($defs, name)) continue;
    const def = defs.find((d) => d.name === name)!;
    const before = new Set(used);
    $defs[name] = convert(def.schema, true);
    for (const added of used) if (!before.has(added)) pending.push(added);
  }
  const sorted = Object.fromEntries(
    Object.keys($defs)
      .sort()
      .map((name) => [name, $defs[name]]),
  );
  return { $schema: JSON_SCHEMA_DIALECT, $id, title, description, ...rest, $defs: sorted };
}
