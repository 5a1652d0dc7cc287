/**
 * Files a packed copy of the dashboard carries inside its own page (`npm run pack`, and
 * "Download for offline use"): the list of consultations and the consultations themselves, in
 * a `<script type="application/json" id="embedded-files">` block, by their path beside the page
 * (`data/index.json`). Opened from a disk, a page may not fetch files beside it; it reads these.
 * A hosted page has no such block, and fetches as usual.
 */
export const EMBEDDED_ID = 'embedded-files';

let files: Map<string, string> | undefined;

function embeddedFiles(): Map<string, string> {
  if (files) return files;
  files = new Map();
  const block = globalThis.document?.getElementById(EMBEDDED_ID);
  if (!block?.textContent) return files;
  try {
    const parsed = JSON.parse(block.textContent) as Record<string, unknown>;
    for (const [path, text] of Object.entries(parsed)) {
      if (typeof text === 'string') files.set(new URL(path, document.baseURI).href, text);
    }
  } catch {
    // A damaged block: the page fetches instead, and says what it could not load.
  }
  return files;
}

/** The text of a file the page carries, by its address; undefined when it carries none. */
export function embeddedText(url: string): string | undefined {
  const map = embeddedFiles();
  return map.size ? map.get(new URL(url, document.baseURI).href) : undefined;
}

/**
 * The block for a page that carries these files: JSON whose `<` are escaped, so no text in a
 * consultation can close the script element early.
 */
export function embeddedBlock(contents: Record<string, string>): string {
  return `<script type="application/json" id="${EMBEDDED_ID}">${JSON.stringify(contents).replace(/</g, '\\u003c')}</script>`;
}
