/**
 * The interface's messages, compiled by Paraglide JS into one module per language, in two
 * parts: the first screen's words (`messages/<locale>.json`) and the words of what loads on
 * demand (`messages/later/<locale>.json`), which arrive with that code. English is imported by
 * the page, the other languages on demand (lib/i18n).
 */
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export const messages = (): Plugin[] =>
  [
    ['./project.inlang', './src/paraglide'],
    ['./later.inlang', './src/paraglide-later'],
  ].map(
    ([project, outdir]) =>
      paraglideVitePlugin({
        project: project!,
        outdir: outdir!,
        outputStructure: 'locale-modules',
        emitTsDeclarations: true,
      }) as Plugin,
  );

/** The compiled messages' plural, number and date functions, with their `Intl` objects kept (lib/i18n/registry.ts). */
export function cachedIntl(): Plugin {
  const registry = resolve(import.meta.dirname, '..', 'src/lib/i18n/registry.ts');
  return {
    name: 'messages-cached-intl',
    enforce: 'pre',
    resolveId: (source, importer) =>
      source === '../registry.js' && importer && /[\\/]src[\\/]paraglide(-later)?[\\/]messages[\\/]/.test(importer)
        ? registry
        : undefined,
  };
}
