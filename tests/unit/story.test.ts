import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import type { Dataset } from '../../src/lib/data/schema';
import { defaultStory, whoTookPart } from '../../src/lib/present/story';
import { buildIndex, messageIds, resolve } from '../../src/lib/filters';
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
      ['quotes-across', 'quotes', 'cell=%7Enone%7C*&kind=quote'],
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

  it('says who took part as the dataset counts it: speakers with a place, their places, and those with none', () => {
    // Counted here by hand from the people: 16 speakers, 12 with a place (León twice), 4 with none.
    const placed = puebla.people.filter((p) => p.placeId);
    const places = new Set(placed.map((p) => p.placeId));
    expect([placed.length, places.size, puebla.people.length - placed.length]).toEqual([12, 11, 4]);
    expect(whoTookPart(puebla)).toEqual({ placed: 12, places: 11, unplaced: 4 });
    const overview = defaultStory(puebla)[0]!;
    expect(overview.notes).toContain(
      `${puebla.people.length} speakers: ${placed.length} from ${places.size} places, and ${puebla.people.length - placed.length} for organisations with no place, ${puebla.messages.length} messages.`,
    );
    // Not the places cited or hosting an event, nor every person as if each had a place.
    expect(overview.notes).not.toContain(`from ${puebla.places.length} places`);
  });

  it('credits no scene to a session the dataset does not tie its messages to', () => {
    const story = defaultStory(puebla);
    const closing = story.find((s) => s.id === 'closing')!;
    for (const session of puebla.sessions) expect(closing.title).not.toContain(session.title);
    // A scene of a session shows only the messages of the topics the dataset says it held.
    const index = buildIndex(puebla);
    const lookup = buildLookup(puebla);
    let checked = 0;
    for (const scene of story) {
      const session = new URLSearchParams(scene.filters).get('session');
      if (!session) continue;
      const held = puebla.topics.filter((t) => t.sessionId === session).map((t) => t.id);
      const clauses = paramsToClauses(new URLSearchParams(scene.filters), lookup).clauses;
      for (const id of messageIds(index, resolve(index, clauses))) {
        expect(held, `${scene.id}: ${id}`).toContain(puebla.messages.find((m) => m.id === id)!.topicId);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('puts every key takeaway, cross-cutting message and quote of the report on stage', () => {
    const index = buildIndex(puebla);
    const lookup = buildLookup(puebla);
    const shown = new Set<string>();
    for (const scene of defaultStory(puebla)) {
      const clauses = paramsToClauses(new URLSearchParams(scene.filters), lookup).clauses;
      if (['messages', 'quotes', 'map+messages', 'frame'].includes(scene.view))
        for (const id of messageIds(index, resolve(index, clauses))) shown.add(id);
    }
    const wanted = puebla.messages.filter((m) => ['takeaway', 'cross-cutting', 'quote'].includes(m.kind));
    expect(wanted.filter((m) => !shown.has(m.id)).map((m) => m.id)).toEqual([]);
    // The Marrakesh Declaration's words among them.
    expect(shown.has('quote-marrakesh-declaration')).toBe(true);
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
