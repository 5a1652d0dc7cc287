/**
 * `npm run schema`: writes `data/schema.json`, the data model as a JSON Schema, from the app's
 * own valibot schema (formatted as the repository formats its JSON). The build and the tests
 * run it first; a unit test fails if the file and the schema ever disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { datasetJsonSchema } from '../src/lib/data/json-schema';

const path = 'data/schema.json';
const text = await format(JSON.stringify(datasetJsonSchema()), { parser: 'json' });
let before = '';
try {
  before = readFileSync(path, 'utf8');
} catch {
  // Not written yet.
}
if (before !== text) {
  writeFileSync(path, text);
  console.log(`Wrote ${path}.`);
}
