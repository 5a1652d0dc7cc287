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
import { domToCanvas } from 'modern-screenshot';
import { withText } from './png-text';
import { m } from '../i18n/later.svelte';

/**
 * What a picture leaves out: the view's toolbar, the map's zoom and layer buttons, and whatever
 * a view marks `no-picture` (a button or a closed disclosure below a chart).
 */
const CONTROLS = '.region-header .tools, .leaflet-control-container, .visually-hidden, .no-picture';

const unquote = (family: string) => family.replace(/^["']|["']$/g, '');
const faceKey = (family: string, weight: string, style: string, range: string) =>
  `${unquote(family)}|${weight}|${style}|${range}`;

/** A file's bytes as a `data:` address (a font written into a picture, a picture into a slide); `failed` says what could not be read. */
export function dataUrl(blob: Blob, failed: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(failed));
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
          .then((blob) => dataUrl(blob, m.export_error_font()))
          .then(
            (data) =>
              `@font-face{font-family:${get('font-family')};font-style:${get('font-style')};font-weight:${get('font-weight')};unicode-range:${get('unicode-range')};src:url(${data})}`,
          ),
      );
    }
  }
  return (await Promise.all(rules)).join('\n');
}

/** The colour behind an element (its own, else its nearest ancestor's): a transparent view is not drawn on black. */
export function background(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/** What a picture says about itself: lines drawn under the view, and its file's metadata. */
export interface Caption {
  /** The consultation, the view and its filters, the source: the first line in bold. */
  lines: readonly string[];
  /** The PNG's own text entries (Title, Description, Source…). */
  metadata: Record<string, string>;
}

/** Words cut into lines that fit `width` on the canvas, word by word (a word longer than a line stands alone). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The view's picture with a band under it, holding the caption's lines in the app's typeface. */
function captioned(
  image: HTMLCanvasElement,
  lines: readonly string[],
  scale: number,
  colours: { bg: string; text: string },
) {
  const size = 14 * scale;
  const pad = 12 * scale;
  const leading = size * 1.35;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const measure = document.createElement('canvas').getContext('2d')!;
  const width = image.width - 2 * pad;
  const laid = lines.map((text, i) => {
    measure.font = `${i === 0 ? 700 : 400} ${size}px ${family}`;
    return { font: measure.font, lines: wrap(measure, text, width) };
  });
  const rows = laid.reduce((n, l) => n + l.lines.length, 0);
  const band = Math.ceil(2 * pad + rows * leading);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + band;
  const context = canvas.getContext('2d')!;
  context.fillStyle = colours.bg;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  context.fillStyle = colours.text;
  context.fillRect(pad, image.height, canvas.width - 2 * pad, Math.max(1, scale));
  context.textBaseline = 'top';
  let y = image.height + pad;
  for (const part of laid) {
    context.font = part.font;
    for (const line of part.lines) {
      context.fillText(line, pad, y);
      y += leading;
    }
  }
  return canvas;
}

/**
 * The element drawn at twice its size at least (sharp on a projector and in print), never
 * past what a canvas holds; with a caption, a band under it says what it shows and where it
 * comes from, and the file's metadata says the same.
 */
export async function viewImage(
  element: HTMLElement,
  caption?: Caption,
  scale = Math.max(2, window.devicePixelRatio),
): Promise<Blob> {
  const bg = background(element);
  const canvas = await domToCanvas(element, {
    scale,
    backgroundColor: bg,
    filter: (node) => !(node instanceof Element && node.matches(CONTROLS)),
    timeout: 10_000,
    font: { cssText: await loadedFaces() },
  });
  if (!canvas.width || !canvas.height) throw new Error(m.export_error_empty_picture());
  const text = getComputedStyle(element).color || '#000000';
  const drawn = caption?.lines.length ? captioned(canvas, caption.lines, scale, { bg, text }) : canvas;
  const blob = await new Promise<Blob | null>((resolve) => drawn.toBlob(resolve, 'image/png'));
  if (!blob || blob.size === 0) throw new Error(m.export_error_empty_picture());
  if (!caption) return blob;
  const bytes = withText(new Uint8Array(await blob.arrayBuffer()), caption.metadata);
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}
