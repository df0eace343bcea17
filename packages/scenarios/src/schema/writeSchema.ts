// `npm run build`: writes schema/scenario.schema.json from the TypeBox definitions. The file I/O
// lives in src/cli/ (the only place Node built-ins are allowed in this package).
import { SCHEMA_FILE, writeSchemaFile } from '../cli/schemaFile.ts';

const changed = await writeSchemaFile();
console.log(`${changed ? 'wrote' : 'unchanged:'} ${SCHEMA_FILE}`);
