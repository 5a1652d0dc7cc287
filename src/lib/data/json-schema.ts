/**
 * The data model as a JSON Schema (`data/schema.json`), generated from the app's own valibot
 * schema by `npm run schema` (which the build and the tests run first), never written by hand: a dataset that names it in `$schema` is
 * checked by an editor as it is typed. It checks the shape (fields, types, patterns, kinds);
 * what JSON Schema cannot say (that an id refers to something, that a date is a real day) the
 * app checks when it opens the dataset, naming each problem's path.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema } from './schema';

export function datasetJsonSchema(): Record<string, unknown> {
  // `ignore`: the checks JSON Schema cannot express are left to the app's own validation.
  const { $schema, ...body } = toJsonSchema(DatasetSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    $schema: $schema ?? 'http://json-schema.org/draft-07/schema#',
    title: 'A Consultation Atlas dataset',
    description:
      'One consultation, following DATA-MODEL.md. Generated from the app’s schema; the app also checks references and dates when it opens a dataset.',
    ...body,
  };
}
