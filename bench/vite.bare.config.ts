import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the bare Leaflet page the benchmark compares load time with. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'bare'),
  base: './',
  build: { outDir: resolve(import.meta.dirname, '../dist-bench-bare'), emptyOutDir: true },
  logLevel: 'warn',
});
