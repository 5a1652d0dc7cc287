/**
 * `npm run convert -- <in> <out>`: a consultation from its .json file to a workbook (.xlsx), or
 * back, chosen by the files' extensions. Either way it is checked first: a problem is printed
 * with its place (its JSON path, or its sheet and cell) and nothing is written.
 * A dataset written to a workbook and read back is the same JSON, byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatError, summarise, validateDatasetText, type ValidationError } from '../src/lib/data/validate';
import { readWorkbook, writeWorkbook } from '../src/lib/data/xlsx';
import { placeCheckFromDisk } from './place-check';

const MAX_SHOWN = 50;
const [input, output, ...rest] = process.argv.slice(2);
const kind = (file: string | undefined) => /\.(json|xlsx)$/i.exec(file ?? '')?.[1]?.toLowerCase();

if (!input || !output || rest.length || !kind(input) || !kind(output) || kind(input) === kind(output)) {
  console.error(
    'usage: npm run convert -- <consultation.json> <consultation.xlsx>\n' +
      '       npm run convert -- <consultation.xlsx> <consultation.json>',
  );
  process.exit(2);
}

function fail(errors: readonly ValidationError[]): never {
  console.error(`${input}: ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was written`);
  for (const error of errors.slice(0, MAX_SHOWN)) console.error(`  ${formatError(error)}`);
  if (errors.length > MAX_SHOWN) console.error(`  … and ${errors.length - MAX_SHOWN} more`);
  process.exit(1);
}

let bytes: Buffer;
try {
  bytes = readFileSync(input);
} catch (error) {
  console.error(`${input}: cannot read: ${(error as Error).message}`);
  process.exit(1);
}

if (kind(input) === 'json') {
  const result = validateDatasetText(bytes.toString('utf8'), placeCheckFromDisk());
  if (!result.ok) fail(result.errors);
  // The file as written (its keys in its own order), not the schema's output.
  const { blob, leftOut } = await writeWorkbook(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
  writeFileSync(output, Buffer.from(await blob.arrayBuffer()));
  console.log(`Wrote ${output} (${Math.round(blob.size / 1024)} KB): ${summarise(result.data)}.`);
  if (leftOut.length)
    console.warn(
      `Left out, having no column in the workbook: ${leftOut.slice(0, 10).join(', ')}${leftOut.length > 10 ? ` and ${leftOut.length - 10} more` : ''}.`,
    );
} else {
  const result = await readWorkbook(new Uint8Array(bytes).buffer, placeCheckFromDisk());
  if (!result.ok) fail(result.errors);
  writeFileSync(output, `${JSON.stringify(result.data, null, 2)}\n`);
  console.log(`Wrote ${output}: ${summarise(result.data)}.`);
}
