/**
 * `npm run pack [-- <file.html>]`: the dashboard and its bundled consultations as one HTML
 * file, to open by double-click with no network (see build/packed-page.ts, which
 * builds it). Prints where it wrote the file and how big it is. `npm run build` also puts a
 * copy beside the hosted app, as `dist/offline.html`, for "Download for offline use".
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const output = resolve(process.argv[2] ?? 'consultation-atlas.html');
copyFileSync(resolve('dist-pack/index.html'), output);
const bytes = readFileSync(output);
const mb = (n: number) => `${(n / 1048576).toFixed(2)} MB`;
console.log(
  `Wrote ${output}: ${mb(bytes.length)} (${mb(gzipSync(bytes, { level: 9 }).length)} gzipped). ` +
    'Open it by double-click: it needs no server and no network.',
);
