/**
 * The SHA-256 of each file in `data/` that is valid (the contract, ids, references), as the
 * page receives it: a bundled file that arrives with the same bytes is read without the
 * validator (src/lib/data/checked.ts), which then stays out of the first load. A file edited
 * after this was computed differs, and is checked in the page.
 *
 * The validator is the app's own (src/lib/data/validate.ts), loaded through Vite's module runner
 * when the config is resolved, so the config itself imports nothing from the app.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type * as Validate from '../src/lib/data/validate';
import { DATA_DIR, dataFiles } from './datasets.ts';

type Validator = Pick<typeof Validate, 'parseJson' | 'validateDataset' | 'validateIndex'>;

/** A checked file: its SHA-256 (hex), and its length as the page reads it (UTF-16 code units). */
export interface CheckedFile {
  sha256: string;
  length: number;
}

/** Each valid file, by name. */
export function checkedData(validator: Validator, dir = DATA_DIR): Record<string, CheckedFile> {
  const out: Record<string, CheckedFile> = {};
  for (const name of dataFiles(dir)) {
    const bytes = readFileSync(resolve(dir, name));
    const text = bytes.toString('utf8');
    const json = validator.parseJson(text);
    if (!json.ok) continue;
    const valid =
      name === 'index.json' ? validator.validateIndex(json.data).ok : validator.validateDataset(json.data).ok;
    if (valid) out[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), length: text.length };
  }
  return out;
}

/** Defines `__CHECKED_DATA__` for the page (and the unit tests, which read it the same way). */
export function checkedDataPlugin(): Plugin {
  return {
    name: 'checked-data',
    async config() {
      const { module } = await runnerImport<Validator>(resolve(import.meta.dirname, '..', 'src/lib/data/validate.ts'));
      return { define: { __CHECKED_DATA__: JSON.stringify(checkedData(module)) } };
    },
  };
}
