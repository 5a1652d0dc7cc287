/**
 * `npm run template [-- <file.xlsx>]`: writes the workbook a new consultation starts from (the
 * same one the dashboard's Open… gives): a Read me, a sheet per collection with the data
 * model's field names, drop-downs for kinds and ids, and a note on every column.
 */
import { writeFileSync } from 'node:fs';
import { writeWorkbook } from '../src/lib/data/xlsx';

const output = process.argv[2] ?? 'consultation-template.xlsx';
if (!/\.xlsx$/i.test(output)) {
  console.error('usage: npm run template [-- <file.xlsx>]');
  process.exit(2);
}
const { blob } = await writeWorkbook(null);
writeFileSync(output, Buffer.from(await blob.arrayBuffer()));
console.log(
  `Wrote ${output} (${Math.round(blob.size / 1024)} KB): fill it in, then open it in the dashboard (Open…) or run npm run convert -- ${output} consultation.json.`,
);
