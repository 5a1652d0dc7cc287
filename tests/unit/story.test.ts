import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import type { Dataset } from '../../src/lib/data/schema';
import { defaultStory } from '../../src/lib/present/story';
import { paramsToClauses } from '../../src/lib/state/url';
import { tinyDataset } from '../fixtures/tiny';

const puebla = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;

describe('the default story', () => {
  it('runs the frame, who took part, the sessions, each topic’s takeaways and quotes, the cross-cutting messages, the practices beside the map, the close', () => {
    expect(defaultStory(puebla).map((s) => [s.id, s.view, s.filters])).toEqual([
      ['overview', 'frame', 'kind=context'],
      ['participants', 'map', ''],
      ['sessions', 'timeline', ''],
      ['topic-1', 'messages', 'session=breakout-1&kind=takeaway'],
      ['topic-1-quotes', 'quotes', 'session=breakout-1&kind=quote'],
      ['topic-2', 'messages', 'session=breakout-2&kind=takeaway'],
      ['topic-2-quotes', 'quotes', 'session=breakout-2&kind=quote'],
      ['topic-3', 'messages', 'session=breakout-3&kind=takeaway'],
      ['topic-4', 'messages', 'session=narratives-session&kind=takeaway'],
      ['topic-4-quotes', 'quotes', 'session=narratives-session&kind=quote'],
      ['cross-cutting', 'messages', 'kind=cross-cutting'],
      ['practices', 'map+messages', 'kind=practice'],
      ['closing', 'themes', ''],
    ]);
  });

  it('has speaker notes from the data: speakers and their places for a topic', () => {
    const topic1 = defaultStory(puebla).find((s) => s.id === 'topic-1')!;
    expect(topic1.notes).toBe(
      'Thematic breakout session 1, 11 June 2020. 2 speakers: Juan Pablo Gutierrez (La Pintana), Sergio Arredondo. 4 key takeaways.',
    );
  });

  it('every scene’s filters are valid for its dataset', () => {
    for (const data of [puebla, tinyDataset()]) {
      const lookup = buildLookup(data);
      for (const scene of defaultStory(data)) {
        expect(paramsToClauses(new URLSearchParams(scene.filters), lookup).dropped, scene.id).toEqual([]);
      }
    }
  });
});
