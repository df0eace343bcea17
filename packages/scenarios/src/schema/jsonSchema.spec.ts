import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../cli/schemaFile.ts';
import { JSON_SCHEMA_DIALECT, scenarioJsonSchema } from './jsonSchema.ts';

describe('schema/scenario.schema.json', () => {
  it('is what the source generates (run `npm run build` in packages/scenarios after changing a schema)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(JSON.parse(committed)).toEqual(scenarioJsonSchema());
    expect(committed).toBe(await schemaFileText());
  });

  it('is a draft 2020-12 schema with an $id, whose every $ref resolves', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$schema).toBe(JSON_SCHEMA_DIALECT);
    expect(schema.$id).toBe('https://journeycast.dev/schema/scenario.schema.json');
    const defs = schema.$defs as Record<string, unknown>;
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/\$defs\/[A-Za-z]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(defs).toHaveProperty(ref.slice('"$ref":"#/$defs/'.length, -1));
  });

  it("describes a variant's overrides as the deep partial of the model", () => {
    const defs = scenarioJsonSchema().$defs as Record<string, any>;
    expect(defs.Variant.properties.overrides).toEqual({ $ref: '#/$defs/ModelSpecOverride' });
    expect(defs.ModelSpecOverride.required).toBeUndefined();
    expect(defs.ModelSpecOverride.additionalProperties).toBe(false);
    expect(defs.ModelSpecOverride.properties.channels.patternProperties).toEqual({
      '^[A-Za-z][A-Za-z0-9_-]{0,63}$': { $ref: '#/$defs/ChannelSpecOverride' },
    });
    expect(defs.StaffedChannelSpecOverride.required).toBeUndefined();
    expect(defs.StaffedChannelSpec.required).toContain('agents');
  });
});
