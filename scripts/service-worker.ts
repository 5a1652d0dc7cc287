/**
 * Builds the hosted dashboard's service worker (src/sw.ts) into `dist/sw.js`, with the list of
 * every file of the build (each with a hash of its content, so a new build replaces exactly
 * what changed). Run by `npm run build` after both builds, so the one-file copy the app offers
 * (`offline.html`) is kept too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

const DIST = 'dist';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const precache = files(DIST)
  .filter((path) => !/(^|\/)sw\.js$/.test(path))
  .map((path) => ({
    url: relative(DIST, path).split('\\').join('/'),
    revision: createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16),
  }));

await build({
  configFile: false,
  logLevel: 'warn',
  define: {
    // Workbox's production build: no development logging.
    'process.env.NODE_ENV': JSON.stringify('production'),
    __PRECACHE__: JSON.stringify(precache),
    __BUILT__: JSON.stringify(new Date().toUTCString()),
  },
  build: {
    outDir: DIST,
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    lib: { entry: 'src/sw.ts', formats: ['iife'], name: 'serviceWorker', fileName: () => 'sw.js' },
  },
});
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `Wrote ${DIST}/sw.js: ${precache.length} files kept for offline use (${kb(precache.reduce((n, f) => n + statSync(join(DIST, f.url)).size, 0))}).`,
);
