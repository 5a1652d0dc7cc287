/// <reference types="vitest/config" />
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { parseJson, validateDataset, validateIndex } from './src/lib/data/validate';

const DATA_DIR = resolve(import.meta.dirname, 'data');

/**
 * Serves the datasets in `data/` at `data/` beside the page and copies them into the build,
 * so the app fetches them at run time (never inlined into its JS) and the folder a user edits
 * stays the top-level `data/`. The built page preloads the list of consultations, the first
 * consultation, the basemap, the typeface and the map's declutter code, so they arrive while the
 * script is still loading, not after.
 */
function datasets(): Plugin {
  const jsonFiles = () => readdirSync(DATA_DIR).filter((f) => f.endsWith('.json'));
  return {
    name: 'consultation-datasets',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        if (!jsonFiles().includes(name)) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(resolve(DATA_DIR, name)));
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle) return [];
        const index = JSON.parse(readFileSync(resolve(DATA_DIR, 'index.json'), 'utf8')) as {
          consultations?: { file?: string }[];
        };
        const first = index.consultations?.[0]?.file;
        const files = Object.values(context.bundle);
        const basemap = files.find((f) => /countries-110m[^/]*\.json$/.test(f.fileName));
        // The map's declutter code is loaded on demand, but every map needs it at once.
        const force = files.find(
          (f) => f.type === 'chunk' && f.isDynamicEntry && /scales\/force\.ts$/.test(f.facadeModuleId ?? ''),
        );
        const fetches = ['data/index.json', first && `data/${first}`, basemap?.fileName]
          .filter((href): href is string => Boolean(href))
          .map((href) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', href, crossorigin: '' },
            injectTo: 'head' as const,
          }));
        // The app's typeface, regular weight, Latin: every view's text waits on it.
        const font = files.find((f) => /atkinson-hyperlegible-latin-400-normal[^/]*\.woff2$/.test(f.fileName));
        const fonts = font
          ? [
              {
                tag: 'link',
                attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: font.fileName, crossorigin: '' },
                injectTo: 'head' as const,
              },
            ]
          : [];
        const modules = force
          ? [
              {
                tag: 'link',
                attrs: { rel: 'modulepreload', href: force.fileName, crossorigin: '' },
                injectTo: 'head' as const,
              },
            ]
          : [];
        return [...fetches, ...fonts, ...modules];
      },
    },
    generateBundle() {
      for (const name of jsonFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(resolve(DATA_DIR, name)) });
      }
    },
  };
}

/**
 * World regions after UN M49, from Unicode CLDR's territory containment (the `cldr-core`
 * package): each country's sub-region, and each sub-region's group. The Americas are grouped
 * as M49 does for development statistics (Latin America and the Caribbean, Northern America);
 * every other sub-region is grouped by its continent. Written into the bundle as a compact
 * string (a few hundred bytes), never hand-typed; the regions' names in the interface's four
 * languages come from CLDR's `cldr-localenames-modern`.
 */
function worldRegions(): Plugin {
  const id = 'virtual:m49';
  return {
    name: 'world-regions',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return;
      const path = resolve(import.meta.dirname, 'node_modules/cldr-core/supplemental/territoryContainment.json');
      const containment = (
        JSON.parse(readFileSync(path, 'utf8')) as {
          supplemental: { territoryContainment: Record<string, { _contains: string[]; _grouping?: string }> };
        }
      ).supplemental.territoryContainment;
      const contains = (code: string) => (containment[code]?._grouping ? [] : (containment[code]?._contains ?? []));
      const groups: Record<string, string> = {};
      let pairs = '';
      for (const continent of contains('001')) {
        for (const sub of contains(continent)) {
          groups[sub] = continent !== '019' ? continent : sub === '021' ? '021' : '419';
          for (const country of contains(sub)) if (/^[A-Z]{2}$/.test(country)) pairs += country + sub;
        }
      }
      // Their names in each interface language, from CLDR too (a browser may lack names for numeric regions).
      const codes = [...new Set([...Object.keys(groups), ...Object.values(groups)])];
      const names = Object.fromEntries(
        ['en', 'es', 'fr', 'pt'].map((locale) => {
          const territories = (
            JSON.parse(
              readFileSync(
                resolve(import.meta.dirname, `node_modules/cldr-localenames-modern/main/${locale}/territories.json`),
                'utf8',
              ),
            ) as { main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> }
          ).main[locale]!.localeDisplayNames.territories;
          return [locale, Object.fromEntries(codes.map((code) => [code, territories[code] ?? code]))];
        }),
      );
      return (
        `export const SUBREGIONS = ${JSON.stringify(pairs)};\n` +
        `export const GROUPS = ${JSON.stringify(groups)};\n` +
        `export const NAMES = ${JSON.stringify(names)};\n`
      );
    },
  };
}

/**
 * The Content-Security-Policy, as a meta tag at the top of the page (the app is static files):
 * scripts, styles and fonts only from the app's own origin, no inline script, no eval, no
 * wildcard. Data may come from the app's own origin and from any https site that allows it
 * (CORS): a secretariat links to the consultations it hosts with `?data=`, with no rebuild; and
 * from the machine itself (`http://localhost`, `http://127.0.0.1`), for development. The one
 * remote origin for images is the optional OpenStreetMap tile layer.
 * Images may also be data: and blob: addresses: a picture of a view (Save image, the briefing's
 * map) is drawn through an SVG data: image and shown from a blob.
 * The development server needs more (its styles are injected, its reload is a WebSocket), so
 * it gets those two allowances and nothing else.
 */
const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Other (plain http) sites whose datasets the page may read, e.g. an intranet's: none unless
 * whoever builds the dashboard lists their origins, e.g.
 * `DATA_ORIGINS="http://intranet.example.org" npm run build`. Any https site is allowed already.
 */
export function dataOrigins(list = process.env.DATA_ORIGINS ?? ''): string[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => {
      const parsed = new URL(origin);
      if (parsed.origin !== origin || !/^https?:$/.test(parsed.protocol))
        throw new Error(`DATA_ORIGINS: "${origin}" is not an origin such as http://intranet.example.org`);
      return origin;
    });
}

export function contentSecurityPolicy(dev = false): string {
  const policy = structuredClone(CSP);
  policy['connect-src']!.push(...dataOrigins());
  if (dev) {
    policy['style-src']!.push("'unsafe-inline'");
    policy['connect-src']!.push('ws://localhost:*', 'ws://127.0.0.1:*');
  }
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

function securityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, context) {
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(Boolean(context.server)) },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/** Where `vite build --mode pack` writes the one-file dashboard (see `npm run pack`). */
export const PACK_DIR = 'dist-pack';

/**
 * The dashboard as one self-contained page (`--mode pack`): vite-plugin-singlefile inlines the
 * scripts (every on-demand part included), the styles, the typeface and the basemap; this
 * plugin adds the bundled consultations as an embedded block (src/lib/data/embedded.ts) and a
 * security policy made for a page with nothing beside it: its one script and its styles allowed
 * by their hashes, fonts, images and the basemap from data: addresses, nothing fetched from
 * anywhere. `npm run build` copies it beside the hosted app as `offline.html` (scripts/pack.ts),
 * which "Download for offline use" fills with the consultation on screen.
 */
function packedPage(): Plugin {
  const block = () => {
    const index = JSON.parse(readFileSync(resolve(DATA_DIR, 'index.json'), 'utf8')) as {
      consultations: { file: string }[];
    };
    const files: Record<string, string> = { 'data/index.json': readFileSync(resolve(DATA_DIR, 'index.json'), 'utf8') };
    for (const { file } of index.consultations) files[`data/${file}`] = readFileSync(resolve(DATA_DIR, file), 'utf8');
    // As embeddedBlock() writes it in the page: no `<` to end the script early.
    return `<script type="application/json" id="embedded-files">${JSON.stringify(files).replace(/</g, '\\u003c')}</script>`;
  };
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return {
    name: 'packed-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        // The icon too: nothing lies beside the page.
        const icon = `data:image/svg+xml;base64,${readFileSync(resolve(import.meta.dirname, 'public/favicon.svg')).toString('base64')}`;
        return (
          html
            .replace(/href="[^"]*favicon\.svg"/, `href="${icon}"`)
            // No install manifest or home-screen icon: those belong to the hosted app.
            .replace(/\s*<link rel="(?:manifest|apple-touch-icon)"[^>]*>/g, '')
            .replace('</body>', () => `${block()}\n</body>`)
        );
      },
    },
    closeBundle() {
      const path = resolve(PACK_DIR, 'index.html');
      if (!existsSync(path)) return;
      let html = readFileSync(path, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
      const scripts = [...html.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
        hash(m[1]!),
      );
      // Styles outside the scripts: the code itself writes `<style` (a picture's SVG, a workbook's XML).
      const outside = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
      const styles = [...outside.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]!));
      const policy = [
        "default-src 'none'",
        `script-src ${scripts.join(' ')}`,
        `style-src ${styles.join(' ') || "'none'"}`,
        'img-src data: blob: https://tile.openstreetmap.org',
        'font-src data:',
        'connect-src data:',
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');
      html = html.replace(
        '<head>',
        () => `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
      writeFileSync(path, html);
    },
  };
}

/**
 * The interface's messages, compiled by Paraglide JS into one module per language, in two
 * parts: the first screen's words (`messages/<locale>.json`) and the words of what loads on
 * demand (`messages/later/<locale>.json`), which arrive with that code. English is imported by
 * the page, the other languages on demand (lib/i18n).
 */
const messages = () =>
  [
    ['./project.inlang', './src/paraglide'],
    ['./later.inlang', './src/paraglide-later'],
  ].map(([project, outdir]) =>
    paraglideVitePlugin({
      project: project!,
      outdir: outdir!,
      outputStructure: 'locale-modules',
      emitTsDeclarations: true,
    }),
  );

/** The compiled messages' plural, number and date functions, with their `Intl` objects kept (lib/i18n/registry.ts). */
function cachedIntl(): Plugin {
  const registry = resolve(import.meta.dirname, 'src/lib/i18n/registry.ts');
  return {
    name: 'messages-cached-intl',
    enforce: 'pre',
    resolveId: (source, importer) =>
      source === '../registry.js' && importer && /[\\/]src[\\/]paraglide(-later)?[\\/]messages[\\/]/.test(importer)
        ? registry
        : undefined,
  };
}

/**
 * The SHA-256 of each file in `data/` that is valid (the contract, ids, references), as the
 * page receives it: a bundled file that arrives with the same bytes is read without the
 * validator (src/lib/data/checked.ts), which then stays out of the first load. A file edited
 * after this was computed differs, and is checked in the page.
 */
function checkedData(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(DATA_DIR).filter((f) => f.endsWith('.json'))) {
    const bytes = readFileSync(resolve(DATA_DIR, name));
    const json = parseJson(bytes.toString('utf8'));
    if (!json.ok) continue;
    const valid = name === 'index.json' ? validateIndex(json.data).ok : validateDataset(json.data).ok;
    if (valid) out[name] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}

export default defineConfig(({ mode }) => ({
  define: { __CHECKED_DATA__: JSON.stringify(checkedData()) },
  base: './',
  plugins:
    mode === 'pack'
      ? [
          messages(),
          cachedIntl(),
          svelte(),
          worldRegions(),
          viteSingleFile({ removeViteModuleLoader: true }),
          packedPage(),
        ]
      : [...messages(), cachedIntl(), svelte(), datasets(), securityPolicy(), worldRegions()],
  // The app takes only the Leaflet it uses, from Leaflet's source modules (lib/map/leaflet-core.ts);
  // a whole-Leaflet import (the benchmark's bare page) gets its ES module build, not the UMD one.
  // Leaflet's VML renderer (Internet Explorer 8) is never used: its import resolves to a stand-in.
  resolve: {
    alias: [
      { find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' },
      { find: /^\.\/SVG\.VML$/, replacement: resolve(import.meta.dirname, 'src/lib/map/no-vml.ts') },
    ],
  },
  // No asset becomes a data: address (Leaflet's control icons would): assets stay files, cached and checked.
  // (The packed page inlines everything instead: it has nothing beside it.)
  build:
    mode === 'pack'
      ? { target: 'es2022', sourcemap: false, outDir: PACK_DIR, emptyOutDir: true }
      : { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  preview: { host: '127.0.0.1' },
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts', 'src/**/*.test.ts'],
          setupFiles: ['tests/setup/jest-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/browser-line.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for what the page does next (a consultation opening, a scene drawn): on
          // a busy 2-core machine that can take more than a second, never fifteen.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
}));
