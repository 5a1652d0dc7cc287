/**
 * `npm run gen:synthetic -- --messages N --places P --sessions S --seed K [--out file]`
 * writes a valid synthetic consultation to the file --out names, or to standard output.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatError, validateDataset } from '../src/lib/data/validate';
import { syntheticDataset } from './synthetic';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    places: { type: 'string', default: '1000' },
    sessions: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const numberOf = (name: keyof typeof values, min: number) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}`);
    process.exit(2);
  }
  return n;
};
const dataset = syntheticDataset({
  messages: numberOf('messages', 0),
  places: numberOf('places', 1),
  sessions: numberOf('sessions', 1),
  seed: numberOf('seed', 0),
});
const check = validateDataset(dataset);
if (!check.ok) {
  console.error(check.errors.slice(0, 10).map(formatError).join('\n'));
  process.exit(1);
}
const json = JSON.stringify(dataset);
if (values.out) {
  writeFileSync(values.out, json);
  console.error(
    `${values.out}: ${dataset.messages.length} messages, ${dataset.places.length} places, ${dataset.sessions.length} sessions`,
  );
} else {
  process.stdout.write(json);
}
