/**
 * What a variant's `overrides` may say: any part of the model, nested like it, with every key
 * optional — the "deep partial" of ModelSpec. Objects merge key by key (so each of their keys
 * becomes optional, at every depth, records included); arrays and plain values replace what they
 * override, so they keep their full schema. A new record entry (a channel the baseline lacks) must
 * be complete once merged: the validator checks the merged model against the full ModelSpec.
 */
import { ModelSpec } from '@journeycast/models';
import type { SchemaNode } from '../validate/describe.ts';

const memo = new WeakMap<object, SchemaNode>();

/** The deep partial of a schema (see above); the same input always gives the same object. */
export function deepPartial(schema: SchemaNode): SchemaNode {
  const known = memo.get(schema);
  if (known !== undefined) return known;
  let out: SchemaNode;
  if (schema.anyOf !== undefined) {
    out = { ...schema, anyOf: schema.anyOf.map(deepPartial) };
  } else if (schema.type === 'object') {
    const { required: _required, minProperties: _min, ...rest } = schema;
    out = { ...rest };
    if (schema.properties !== undefined) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, deepPartial(value)]),
      );
    }
    if (schema.patternProperties !== undefined) {
      out.patternProperties = Object.fromEntries(
        Object.entries(schema.patternProperties).map(([key, value]) => [key, deepPartial(value)]),
      );
    }
  } else {
    out = schema;
  }
  memo.set(schema, out);
  return out;
}

/** The schema of a variant's overrides: the deep partial of the model. */
export const ModelOverrides: SchemaNode = {
  ...deepPartial(ModelSpec as unknown as SchemaNode),
  description:
    'Changes to the baseline model, nested like it: any key may be left out; objects merge key by key, arrays and values replace (e.g. { "channels": { "callCentre": { "agents": 48 } } }).',
};
