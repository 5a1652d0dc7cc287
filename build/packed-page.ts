/**
 * The dashboard as one self-contained page (`--mode pack`): vite-plugin-singlefile inlines the
 * scripts (every on-demand part included), the styles, the typeface and the basemap; this
 * plugin adds the bundled consultations as an embedded block (src/lib/data/embedded.ts) and a
 * security policy made for a page with nothing beside it: its one script and its styles allowed
 * by their hashes, fonts, images and the basemap from data: addresses, nothing fetched from
 * anywhere. `npm run build` copies it beside the hosted app as `offline.html` (scripts/pack.ts),
 * which "Download for offline use" fills with the consultation on screen.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DATA_DIR } from './datasets.ts';

/** Where `vite build --mode pack` writes the one-file dashboard (see `npm run pack`). */
export const PACK_DIR = 'dist-pack';

const ROOT = resolve(import.meta.dirname, '..');

/** The bundled files as the page embeds them: a JSON block with no `<` to end the script early (as embeddedBlock() writes it). */
export function embeddedBlock(files: Record<string, string>): string {
  return `<script type="application/json" id="embedded-files">${JSON.stringify(files).replace(/</g, '\\u003c')}</script>`;
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The packed page's policy, read from the page itself: each script (not the JSON block) and
 * each style element allowed by its SHA-256, nothing from anywhere but data: addresses.
 */
export function packedPolicy(html: string): string {
  const scripts = [...html.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
    hash(m[1]!),
  );
  // Styles outside the scripts: the code itself writes `<style` (a picture's SVG, a workbook's XML).
  const outside = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
  const styles = [...outside.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]!));
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    'img-src data: blob: https://tile.openstreetmap.org',
    'font-src data:',
    'connect-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page with its policy first in the head (any policy it had is replaced). */
export function withPackedPolicy(html: string): string {
  const page = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
  const policy = packedPolicy(page);
  return page.replace('<head>', () => `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

export function packedPage(): Plugin {
  const block = () => {
    const read = (name: string) => readFileSync(resolve(DATA_DIR, name), 'utf8');
    const index = JSON.parse(read('index.json')) as { consultations: { file: string }[] };
    const files: Record<string, string> = { 'data/index.json': read('index.json') };
    for (const { file } of index.consultations) files[`data/${file}`] = read(file);
    return embeddedBlock(files);
  };
  return {
    name: 'packed-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        // The icon too: nothing lies beside the page.
        const icon = `data:image/svg+xml;base64,${readFileSync(resolve(ROOT, 'public/favicon.svg')).toString('base64')}`;
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
      if (existsSync(path)) writeFileSync(path, withPackedPolicy(readFileSync(path, 'utf8')));
    },
  };
}
