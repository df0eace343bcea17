/**
 * schema/scenario.schema.json: the committed JSON Schema of scenario files, formatted as the
 * repository's Prettier would format it, so `npm run build` and `prettier --check` agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../schema/jsonSchema.ts';

export const SCHEMA_FILE = fileURLToPath(
  new URL('../../schema/scenario.schema.json', import.meta.url),
);

/** The schema file's text as the source generates it. */
export async function schemaFileText(): Promise<string> {
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
    return await prettier.format(text, { ...config, plugins: [], filepath: SCHEMA_FILE });
  } catch {
    // Prettier is a development tool of the repository; without it the plain JSON is still valid.
    return text;
  }
}

/** Writes the schema file; returns whether it changed. */
export async function writeSchemaFile(path = SCHEMA_FILE): Promise<boolean> {
  const text = await schemaFileText();
  let before: string | undefined;
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    before = undefined;
  }
  if (before === text) return false;
  writeFileSync(path, text);
  return true;
}
