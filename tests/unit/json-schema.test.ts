import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../src/lib/data/json-schema';

const FILE = JSON.parse(readFileSync('data/schema.json', 'utf8'));
const PUEBLA = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(FILE);
const clone = () => structuredClone(PUEBLA);

describe('the published JSON Schema (data/schema.json)', () => {
  it('is the app’s own schema, generated: the file and the schema agree', () => {
    expect(FILE).toEqual(datasetJsonSchema());
  });

  it('accepts the bundled dataset, which names it in $schema', () => {
    expect(PUEBLA.$schema).toBe('./schema.json');
    expect(validate(PUEBLA), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a missing title', (d: typeof PUEBLA) => delete d.meta.title, '/meta'],
    ['an unknown kind of message', (d: typeof PUEBLA) => (d.messages[3].kind = 'opinion'), '/messages/3/kind'],
    ['themes that are not a list', (d: typeof PUEBLA) => (d.messages[0].themeIds = 'health'), '/messages/0/themeIds'],
    ['a date in another shape', (d: typeof PUEBLA) => (d.sessions[0].date = '4 June 2020'), '/sessions/0/date'],
    ['an unknown schema version', (d: typeof PUEBLA) => (d.schemaVersion = 2), '/schemaVersion'],
  ])('rejects %s, at its place', (_, breakIt, path) => {
    const doc = clone();
    breakIt(doc);
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
  });
});
