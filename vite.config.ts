import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { checkedDataPlugin } from './build/checked-data.ts';
import { securityPolicy } from './build/csp.ts';
import { datasets } from './build/datasets.ts';
import { cachedIntl, messages } from './build/messages.ts';
import { PACK_DIR, packedPage } from './build/packed-page.ts';
import { worldRegions } from './build/world-regions.ts';

// The build's plugins live in build/, one file each; the test projects in vitest.config.ts.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins:
    mode === 'pack'
      ? [
          ...messages(),
          cachedIntl(),
          svelte(),
          checkedDataPlugin(),
          worldRegions(),
          viteSingleFile({ removeViteModuleLoader: true }),
          packedPage(),
        ]
      : [...messages(), cachedIntl(), svelte(), checkedDataPlugin(), datasets(), securityPolicy(), worldRegions()],
  // The app takes only the Leaflet it uses, from Leaflet's source modules (lib/map/leaflet-core.ts);
  // a whole-Leaflet import (the benchmark's bare page) gets its ES module build, not the UMD one.
  // Leaflet's VML renderer (Internet Explorer 8) is never used: its import resolves to a stand-in.
  resolve: {
    alias: [
      { find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' },
      { find: /^\.\/SVG\.VML$/, replacement: resolve(import.meta.dirname, 'src/lib/map/no-vml.ts') },
      // TanStack Query's Mutation class: the app makes no mutations (src/lib/data/no-mutations.ts).
      { find: /^\.\/mutation\.js$/, replacement: resolve(import.meta.dirname, 'src/lib/data/no-mutations.ts') },
      // The Markdown reader runs in a worker, which has no DOM: character references are decoded
      // from their table (the package's worker build), not through a DOM element (its browser build).
      {
        find: /^decode-named-character-reference$/,
        replacement: resolve(import.meta.dirname, 'node_modules/decode-named-character-reference/index.js'),
      },
    ],
  },
  // No asset becomes a data: address (Leaflet's control icons would): assets stay files, cached and checked.
  // (The packed page inlines everything instead: it has nothing beside it.)
  build:
    mode === 'pack'
      ? { target: 'es2022', sourcemap: false, outDir: PACK_DIR, emptyOutDir: true }
      : {
          target: 'es2022',
          sourcemap: false,
          assetsInlineLimit: 0,
          // What the first screen loads is one chunk: modules it shares with on-demand code are
          // never split off into small chunks of their own that the first load would fetch too.
          rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first', tags: ['$initial'] }] } } },
        },
  preview: { host: '127.0.0.1' },
}));
