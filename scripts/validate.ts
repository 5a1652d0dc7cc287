/**
 * `npm run validate -- <file>`: prints the dataset's errors and exits 1, or a summary and exits 0.
 * A workbook (.xlsx) is checked as the dashboard checks it, each problem named by its cell.
 * `--bundled` checks every consultation `data/index.json` lists: `npm run build` runs it first,
 * so no consultation ships with a problem (the page then need not check their places as it loads).
 */
import { readFileSync } from 'node:fs';
import { formatError, summarise, validateDatasetText } from '../src/lib/data/validate';
import { readWorkbook } from '../src/lib/data/xlsx';
import { placeCheckFromDisk } from './place-check';

const MAX_SHOWN = 50;
const args = process.argv.slice(2);
const files = args.includes('--bundled')
  ? (JSON.parse(readFileSync('data/index.json', 'utf8')) as { consultations: { file: string }[] }).consultations.map(
      (c) => `data/${c.file}`,
    )
  : args;
if (files.length === 0) {
  console.error('usage: npm run validate -- <dataset.json|workbook.xlsx> [more …] | --bundled');
  process.exit(2);
}
let failed = false;
// Every place is checked against its country's shape, as the app checks a consultation from elsewhere.
const check = placeCheckFromDisk();
for (const file of files) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as Error).message}`);
    failed = true;
    continue;
  }
  if (!/\.(json|xlsx)$/i.test(file)) {
    console.error(
      `${file}: not a consultation: check a .json file that follows the data model, or a workbook (.xlsx) made from the template`,
    );
    failed = true;
    continue;
  }
  const result = /\.xlsx$/i.test(file)
    ? await readWorkbook(new Uint8Array(bytes).buffer, check)
    : validateDatasetText(bytes.toString('utf8'), check);
  if (result.ok) {
    console.log(`${file}: valid: ${summarise(result.data)}`);
  } else {
    failed = true;
    console.error(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
    for (const error of result.errors.slice(0, MAX_SHOWN)) console.error(`  ${formatError(error)}`);
    if (result.errors.length > MAX_SHOWN) console.error(`  … and ${result.errors.length - MAX_SHOWN} more`);
  }
}
process.exit(failed ? 1 : 0);
