/**
 * The bundled files the build checked: each file's SHA-256 as the build found it valid (build/checked-data.ts)
 * (the contract, ids and references). A bundled file that arrives with the same bytes needs no
 * check in the page, so the validator loads only for a file that differs (or one opened from
 * elsewhere); the first screen does not carry it. Where the browser cannot hash (an insecure
 * context), every file is checked.
 */
declare const __CHECKED_DATA__: Record<string, { sha256: string; length: number }> | undefined;

const CHECKED: Record<string, { sha256: string; length: number }> =
  typeof __CHECKED_DATA__ === 'object' && __CHECKED_DATA__ ? __CHECKED_DATA__ : {};

/** Is `text` the very file `name` the build checked? */
export async function checkedAtBuild(name: string, text: string): Promise<boolean> {
  const want = CHECKED[name];
  const subtle = globalThis.crypto?.subtle;
  // A text of another length is another file: not hashed (a big one would take seconds).
  if (!want || !subtle || text.length !== want.length) return false;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('') === want.sha256;
}
