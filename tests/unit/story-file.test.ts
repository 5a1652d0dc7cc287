import { describe, expect, it } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import { formatError } from '../../src/lib/data/validate';
import { defaultStory } from '../../src/lib/present/story';
import { parseStory, storyToJson } from '../../src/lib/present/story-file';
import { tinyDataset } from '../fixtures/tiny';

const data = tinyDataset();
const lookup = buildLookup(data);
const errorsOf = (text: string) => {
  const result = parseStory(text, 'tiny', lookup);
  return result.ok ? [] : result.errors.map(formatError);
};

describe('story files', () => {
  it('round-trips the default story', () => {
    const scenes = defaultStory(data);
    expect(parseStory(storyToJson('tiny', scenes), 'tiny', lookup)).toEqual({ ok: true, data: scenes });
  });

  it.each([
    ['not JSON', '{"scenes": [', /^not valid JSON: /],
    ['no scenes', '{"consultation": "tiny", "scenes": []}', /^scenes: expected at least one scene$/],
    [
      'a bad view',
      '{"consultation": "tiny", "scenes": [{"id": "a", "title": "A", "filters": "", "view": "slides", "notes": ""}]}',
      /^scenes\[0\]\.view: expected one of "messages", "quotes", "frame", "map", "map\+messages", "timeline", "themes"$/,
    ],
    [
      'a missing title',
      '{"consultation": "tiny", "scenes": [{"id": "a", "filters": "", "view": "map", "notes": ""}]}',
      /^scenes\[0\]\.title: missing required field "title"$/,
    ],
    [
      'a filter this consultation does not know',
      '{"consultation": "tiny", "scenes": [{"id": "a", "title": "A", "filters": "place=atlantis", "view": "map", "notes": ""}]}',
      /^scenes\[0\]\.filters: not in this consultation: place "atlantis"$/,
    ],
    [
      'another consultation’s story',
      '{"consultation": "other", "scenes": [{"id": "a", "title": "A", "filters": "", "view": "map", "notes": ""}]}',
      /^consultation: this story is for "other", not "tiny"$/,
    ],
  ])('%s is refused with an error naming its path', (_name, text, expected) => {
    expect(errorsOf(text)[0]).toMatch(expected);
  });
});
