/**
 * Serves the datasets in `data/` at `data/` beside the page and copies them into the build,
 * so the app fetches them at run time (never inlined into its JS) and the folder a user edits
 * stays the top-level `data/`. The built page preloads the list of consultations, the first
 * consultation, the basemap, the typeface and the map's declutter code, so they arrive while the
 * script is still loading, not after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

export const DATA_DIR = resolve(import.meta.dirname, '..', 'data');

/** The JSON files in `data/`. */
export const dataFiles = (dir = DATA_DIR): string[] => readdirSync(dir).filter((f) => f.endsWith('.json'));

/** The first consultation `data/index.json` lists, if any. */
export function firstConsultation(dir = DATA_DIR): string | undefined {
  const index = JSON.parse(readFileSync(resolve(dir, 'index.json'), 'utf8')) as { consultations?: { file?: string }[] };
  return index.consultations?.[0]?.file;
}

interface BuiltFile {
  fileName: string;
  type: 'chunk' | 'asset';
  isDynamicEntry?: boolean;
  facadeModuleId?: string | null;
}

const headLink = (attrs: Record<string, string>): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });

/** The preload links for a built page: what every first screen waits on, fetched at once. */
export function preloads(files: readonly BuiltFile[], first: string | undefined): HtmlTagDescriptor[] {
  const basemap = files.find((f) => /countries-110m[^/]*\.json$/.test(f.fileName));
  // The map's declutter code is loaded on demand, but every map needs it at once.
  const force = files.find(
    (f) => f.type === 'chunk' && f.isDynamicEntry && /scales\/force\.ts$/.test(f.facadeModuleId ?? ''),
  );
  // The app's typeface, regular weight, Latin: every view's text waits on it.
  const font = files.find((f) => /atkinson-hyperlegible-latin-400-normal[^/]*\.woff2$/.test(f.fileName));
  return [
    ...['data/index.json', first && `data/${first}`, basemap?.fileName]
      .filter((href): href is string => Boolean(href))
      .map((href) => headLink({ rel: 'preload', as: 'fetch', href, crossorigin: '' })),
    ...(font
      ? [headLink({ rel: 'preload', as: 'font', type: 'font/woff2', href: font.fileName, crossorigin: '' })]
      : []),
    ...(force ? [headLink({ rel: 'modulepreload', href: force.fileName, crossorigin: '' })] : []),
  ];
}

export function datasets(): Plugin {
  return {
    name: 'consultation-datasets',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        if (!dataFiles().includes(name)) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(resolve(DATA_DIR, name)));
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => (context.bundle ? preloads(Object.values(context.bundle), firstConsultation()) : []),
    },
    generateBundle() {
      for (const name of dataFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(resolve(DATA_DIR, name)) });
      }
    },
  };
}
