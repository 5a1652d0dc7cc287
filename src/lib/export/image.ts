/**
 * A picture of a view as a PNG, for a slide or a report, through modern-screenshot: it copies the
 * view's elements with their computed styles (Leaflet's panes, the SVG charts) into an SVG, draws
 * that on a canvas and encodes it. The view's own buttons are left out: the picture shows what
 * the view says, not how to work it.
 *
 * The bundled typeface goes into the picture from here, not from the library: its own way reads
 * the page's style sheets through an inline <style>, which the page's security policy forbids.
 * Here, only the faces the page has loaded are fetched (from the app's own origin) and written in
 * as data: addresses, so the text in the picture has the same widths as on screen.
 */
import { domToBlob } from 'modern-screenshot';
import { m } from '../i18n/later.svelte';

/**
 * What a picture leaves out: the view's toolbar, the map's zoom and layer buttons, and whatever
 * a view marks `no-picture` (a button or a closed disclosure below a chart).
 */
const CONTROLS = '.region-header .tools, .leaflet-control-container, .visually-hidden, .no-picture';

const unquote = (family: string) => family.replace(/^["']|["']$/g, '');
const faceKey = (family: string, weight: string, style: string, range: string) =>
  `${unquote(family)}|${weight}|${style}|${range}`;

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(m.export_error_font()));
    reader.readAsDataURL(blob);
  });
}

/** @font-face rules, with their fonts inlined, for the faces the page has loaded. */
async function loadedFaces(): Promise<string> {
  const loaded = new Set(
    [...document.fonts]
      .filter((face) => face.status === 'loaded')
      .map((face) => faceKey(face.family, face.weight, face.style, face.unicodeRange)),
  );
  const rules: Promise<string>[] = [];
  for (const sheet of document.styleSheets) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of list) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const get = (name: string) => rule.style.getPropertyValue(name);
      if (!loaded.has(faceKey(get('font-family'), get('font-weight'), get('font-style'), get('unicode-range'))))
        continue;
      const src = /url\(["']?([^"')]+)["']?\)/.exec(get('src'))?.[1];
      if (!src) continue;
      const address = new URL(src, sheet.href ?? location.href).href;
      rules.push(
        fetch(address)
          .then((response) => response.blob())
          .then(dataUrl)
          .then(
            (data) =>
              `@font-face{font-family:${get('font-family')};font-style:${get('font-style')};font-weight:${get('font-weight')};unicode-range:${get('unicode-range')};src:url(${data})}`,
          ),
      );
    }
  }
  return (await Promise.all(rules)).join('\n');
}

/** The page's background, so a transparent view is not drawn on black. */
function background(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/**
 * The element drawn at twice its size at least (sharp on a projector and in print), never
 * past what a canvas holds.
 */
export async function viewImage(element: HTMLElement, scale = Math.max(2, window.devicePixelRatio)): Promise<Blob> {
  const blob = await domToBlob(element, {
    scale,
    type: 'image/png',
    backgroundColor: background(element),
    filter: (node) => !(node instanceof Element && node.matches(CONTROLS)),
    timeout: 10_000,
    font: { cssText: await loadedFaces() },
  });
  if (!blob || blob.size === 0) throw new Error(m.export_error_empty_picture());
  return blob;
}
