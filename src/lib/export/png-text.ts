/**
 * Words written into a PNG file's metadata (PNG 1.2, §11.3.4): a `tEXt` chunk per entry, in
 * Latin-1 as the standard asks (characters beyond it written as their nearest Latin-1), and an
 * `iTXt` chunk with the exact words in UTF-8 where they differ. Any image viewer, file manager or
 * digital-asset tool then shows the picture's title, description and source.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let table: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The nearest Latin-1 text: typographic dashes and quotes as their plain forms, anything else beyond as "?". */
export function toLatin1(text: string): string {
  return text
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u0100-\u{10ffff}]/gu, '?');
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A PNG's bytes with `entries` (keyword → words) written after its header. */
export function withText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG file');
  // The signature, then IHDR: 4 bytes of length, 4 of type, 13 of data, 4 of CRC.
  const afterHeader = 8 + 25;
  const chunks: Uint8Array[] = [];
  for (const [keyword, words] of Object.entries(entries)) {
    const plain = toLatin1(words);
    chunks.push(chunk('tEXt', latin1(`${keyword}\0${plain}`)));
    if (plain !== words) {
      const head = latin1(`${keyword}\0\0\0\0\0`);
      const body = new TextEncoder().encode(words);
      const data = new Uint8Array(head.length + body.length);
      data.set(head);
      data.set(body, head.length);
      chunks.push(chunk('iTXt', data));
    }
  }
  const size = png.length + chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, afterHeader));
  let at = afterHeader;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(afterHeader), at);
  return out;
}

/** The `tEXt` entries of a PNG (keyword → words): what a reader of the file's metadata sees. */
export function readText(png: Uint8Array): Record<string, string> {
  const entries: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'tEXt') {
      const text = String.fromCharCode(...png.subarray(at + 8, at + 8 + length));
      const zero = text.indexOf('\0');
      entries[text.slice(0, zero)] = text.slice(zero + 1);
    }
    at += 12 + length;
  }
  return entries;
}
