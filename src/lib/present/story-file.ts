/**
 * A story as a file a presenter can export and import: validated like a dataset, every error
 * naming its path (`scenes[2].view: expected one of "map", …`), and every scene's filters
 * checked against the consultation.
 */
import * as v from 'valibot';
import type { Lookup } from '../data/lookup';
import { formatPath, type ValidationError, type Validated } from '../data/validate';
import { regionCodes } from '../data/regions';
import { m } from '../i18n/later.svelte';
import { paramsToClauses } from '../state/url';
import { STAGE_VIEWS, type Scene } from './story';

// Messages are functions: an error is worded in the interface's language when it is made.
const text = v.string(() => m.story_error_text());

const SceneSchema = v.looseObject({
  id: v.pipe(
    text,
    v.minLength(1, () => m.story_error_id()),
  ),
  title: v.pipe(
    text,
    v.minLength(1, () => m.story_error_title()),
  ),
  filters: text,
  view: v.picklist(STAGE_VIEWS, () => m.story_error_view({ views: STAGE_VIEWS.map((s) => `"${s}"`).join(', ') })),
  notes: text,
});

const StorySchema = v.looseObject(
  {
    consultation: text,
    scenes: v.pipe(
      v.array(SceneSchema, () => m.story_error_scenes()),
      v.minLength(1, () => m.story_error_min_scene()),
    ),
  },
  () => m.story_error_object({ shape: '{ consultation, scenes }' }),
);

export interface StoryFile {
  consultation: string;
  scenes: readonly Scene[];
}

/** Where this browser keeps a consultation's edited story. */
export const storageKey = (consultation: string) => `consultation-atlas:story:${consultation}`;

/** The story kept in this browser for a consultation (edited, imported), as a file's text. */
export function storedStoryText(consultation: string): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey(consultation)) ?? null;
  } catch {
    return null;
  }
}

export function storyToJson(consultation: string, scenes: readonly Scene[]): string {
  return `${JSON.stringify({ consultation, scenes } satisfies StoryFile, null, 2)}\n`;
}

export function parseStory(textIn: string, consultation: string, lookup: Lookup): Validated<Scene[]> {
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: m.story_error_json({ error: (error as Error).message }) }] };
  }
  const parsed = v.safeParse(StorySchema, json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues.map((issue) => ({
        path: formatPath((issue.path ?? []).map((p) => p.key as string | number)),
        message:
          issue.received === 'undefined' && issue.expected?.startsWith('"')
            ? m.story_error_missing({ field: issue.expected })
            : issue.message,
      })),
    };
  }
  const errors: ValidationError[] = [];
  if (parsed.output.consultation !== consultation) {
    errors.push({
      path: 'consultation',
      message: m.story_error_other_consultation({ story: parsed.output.consultation, consultation }),
    });
  }
  parsed.output.scenes.forEach((scene, i) => {
    const { dropped } = paramsToClauses(new URLSearchParams(scene.filters), lookup, regionCodes);
    for (const { what } of dropped)
      errors.push({ path: `scenes[${i}].filters`, message: m.story_error_not_here({ what }) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, data: parsed.output.scenes };
}

/** Text → URL-safe base64 of its deflated bytes (the browser's own compression). */
export async function encodeStoryLink(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The most a story link may unpack to: a story of hundreds of scenes is a few tens of KB. */
export const MAX_STORY_BYTES = 1024 * 1024;

/** A story link that unpacks to more than the limit (a link built to fill the memory). */
export class StoryTooLarge extends Error {
  constructor() {
    super('story link too large');
    this.name = 'StoryTooLarge';
  }
}

/**
 * The reverse of `encodeStoryLink`; throws on anything that is not such a link, and stops
 * unpacking (throwing `StoryTooLarge`) past `max` bytes: a short link may unpack to gigabytes.
 */
export async function decodeStoryLink(encoded: string, max = MAX_STORY_BYTES): Promise<string> {
  // Base64 of more than the limit cannot be a link to a story within it (deflate never grows text 4×).
  if (encoded.length > (max * 4) / 3 + 4) throw new StoryTooLarge();
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new StoryTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}
