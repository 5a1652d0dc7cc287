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
import type { Plugin } from 'vite';

const CSP: Readonly<Record<string, readonly string[]>> = {
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
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (parsed?.origin !== origin || !/^https?:$/.test(parsed.protocol))
        throw new Error(`DATA_ORIGINS: "${origin}" is not an origin such as http://intranet.example.org`);
      return origin;
    });
}

/** The policy's text: for the built page, or for the development server (`dev`). */
export function contentSecurityPolicy(dev = false, origins = dataOrigins()): string {
  const policy = Object.fromEntries(Object.entries(CSP).map(([directive, sources]) => [directive, [...sources]]));
  policy['connect-src']!.push(...origins);
  if (dev) {
    policy['style-src']!.push("'unsafe-inline'");
    policy['connect-src']!.push('ws://localhost:*', 'ws://127.0.0.1:*');
  }
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Writes the policy into the page's head, first thing. */
export function securityPolicy(): Plugin {
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
