/**
 * Leaflet's VML renderer (`SVG.VML.js`) draws vectors in Internet Explorer 8 and older, where
 * SVG is missing: Leaflet uses it only when `Browser.vml` is true, which no browser the app
 * supports is. Vite resolves Leaflet's import of it here (vite.config.ts), leaving about
 * 0.6 KB (gzipped) of dead code out of the first load.
 */
export const vmlMixin = {};
export function vmlCreate(): never {
  throw new Error('VML is not supported: this browser has no SVG');
}
